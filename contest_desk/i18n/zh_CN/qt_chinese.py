"""Qt's own texts its zh_CN translation lacks, the audit trail's descriptions, and the
labels that had one English message id with two meanings."""

MESSAGES = {
    # Qt's file dialog (qtbase_zh_CN.qm of Qt 6.11 has "Look in:" but not these forms)
    "&Look in:": "查找范围(&L)：",
    "Files of &type:": "文件类型(&T)：",
    # One English word had two meanings in the one catalog ("Name" 姓名, "Title" 成果名称,
    # "Level" 奖项, "Place" 名次): these labels say which they mean.
    "Template name": "模板名称",
    "Certificate title": "证书标题",
    "Studio name": "工作室名称",
    "Studio level": "级别",
    "Meeting place": "地点",
    # The main window's status bar: where the data is
    "Local database: {name}": "本地数据库：{name}",
    "Database in memory": "内存数据库",
    "Nothing is kept after the window closes": "关闭窗口后不保留任何数据",
    "PostgreSQL server {server}, database {database}": "PostgreSQL 服务器 {server}，数据库 {database}",
    "Signed in to the server as {user}": "以 {user} 身份连接服务器",
    "Server {server} / {database}": "服务器 {server} / {database}",
}
