"""Connecting: the connection dialog (ui/connection.py), the log-in's database line, and
why a server cannot be reached (storage/reach.py)."""

MESSAGES = {
    # The dialog
    "Connect to a database": "连接数据库",
    "Recent connections": "最近的连接",
    "Remove from the list": "从列表中删除",
    "Database file on this computer": "本机数据库文件",
    "Database on a server": "服务器",
    "Database file": "数据库文件",
    "Browse…": "浏览…",
    "Server": "服务器",
    "Database": "数据库",
    "name or IP address, e.g. 10.1.2.3": "名称或 IP 地址，例如 10.1.2.3",
    "Remember the password": "记住密码",
    "Require an encrypted connection (TLS)": "要求加密连接（TLS）",
    "Connect": "连接",
    "Test connection": "测试连接",
    "Testing…": "正在测试连接…",
    "Opening…": "正在打开…",
    "Opening the database…": "正在打开数据库…",
    "Choose the database file.": "请选择数据库文件。",
    "the server": "服务器",
    "the database": "数据库",
    "the user": "用户",
    "Fill in {field}.": "请填写{field}。",
    "Contest Desk databases (*.db);;All files (*)": "Contest Desk 数据库 (*.db);;所有文件 (*)",
    "The password is kept in this PC's settings, not encrypted: tick it only on a computer "
    "that is yours alone": "密码将未加密地保存在本机的设置中：只在自己专用的电脑上勾选",
    "The password is kept in the Windows Credential Manager": "密码保存在 Windows 凭据管理器中",
    "The password is kept in the system's keyring ({name})": "密码保存在系统的密码库中（{name}）",
    "This is not a database URL: {url}": "这不是数据库地址：{url}",
    "Contest Desk cannot open a database of the kind {kind}: it opens database files and "
    "PostgreSQL servers (postgresql+psycopg://…)": "Contest Desk 无法打开 {kind} 类型的数据库：它只能打开数据库文件和 PostgreSQL 服务器（postgresql+psycopg://…）",
    # The log-in
    "Change…": "更换…",
    # Testing a connection
    "Choose a file, not a folder": "请选择文件，而不是文件夹",
    "The folder {folder} does not exist": "文件夹 {folder} 不存在",
    "The file does not exist yet: an empty database is made there": "文件尚不存在：将在此新建一个空数据库",
    "The file is not a Contest Desk database ({reason})": "该文件不是 Contest Desk 数据库（{reason}）",
    "The database holds another program's tables: choose an empty database or one of "
    "Contest Desk": "该数据库中有其他程序的表：请选择空数据库或 Contest Desk 的数据库",
    "Connected: the database is empty; Contest Desk makes its tables when it opens it": "连接成功：数据库是空的，打开时将建立 Contest Desk 的表",
    "Connected: the database is up to date": "连接成功：数据库是最新版本",
    "Connected: the database is of an older version; it is upgraded when opened": "连接成功：数据库是旧版本，打开时将自动升级",
    "The database was made by a newer Contest Desk: update this program first": "该数据库由更新版本的 Contest Desk 建立：请先升级本程序",
    # Why a server cannot be reached
    "Cannot connect to the server {server} (timed out): is the address right, is the server "
    "on, and does its firewall let the port through?": "无法连接服务器 {server}（超时）：地址是否正确？服务器是否开机？防火墙是否放行了端口？",
    "Cannot connect to the server {server} (refused): nothing listens on that port; is the "
    "database server running, and is the port right?": "无法连接服务器 {server}（被拒绝）：该端口上没有服务在监听；数据库服务是否在运行？端口是否正确？",
    "Cannot find the server {host}: check its name, or use its IP address": "找不到服务器 {host}：请检查名称，或改用 IP 地址",
    "The server {server} refused the password of {user}": "服务器 {server} 拒绝了用户 {user} 的密码",
    "The server {server} asks for the password of {user}": "服务器 {server} 要求输入用户 {user} 的密码",
    "The server {server} has no user {user}": "服务器 {server} 上没有用户 {user}",
    "The server {server} has no database {database}": "服务器 {server} 上没有数据库 {database}",
    "The server {server} does not let this computer in: IT adds it to the server's "
    "pg_hba.conf": "服务器 {server} 不允许这台电脑连接：请信息中心在服务器的 pg_hba.conf 中加入本机",
    "The user {user} may not connect to the database {database}": "用户 {user} 无权连接数据库 {database}",
    "The server {server} offers no encrypted connection (TLS)": "服务器 {server} 不支持加密连接（TLS）",
    "Cannot connect to the server {server}: {reason}": "无法连接服务器 {server}：{reason}",
}
