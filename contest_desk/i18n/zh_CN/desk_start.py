"""Chinese messages of the window's command line (contest-desk-gui), opening a contest file
handed to it, and the settings dialog's backup folder and attached files' place."""

MESSAGES = {
    # contest-desk-gui's arguments (ui/start_args.py)
    "Usage: contest-desk-gui [--db PATH_OR_URL] [--lang zh_CN|en] [FILE]\n"
    "--db: the database file or a server's URL (default: the most recent connection,\n"
    "else the file in your data folder)\n"
    "--lang: the language of the window\n"
    "FILE: a contest file (.json) to import as a new contest after you log in": (
        "用法：contest-desk-gui [--db 路径或URL] [--lang zh_CN|en] [文件]\n"
        "--db：数据库文件或服务器的 URL（默认：最近一次的连接，没有时用数据文件夹中的数据库）\n"
        "--lang：窗口的语言\n"
        "文件：登录后作为新竞赛导入的竞赛文件（.json）"
    ),
    "The command line is not right: {reason}": "命令行参数有误：{reason}",
    "Unknown argument(s): {args}": "无法识别的参数：{args}",
    "--db needs a database file or a server's URL": "--db 后面需要数据库文件或服务器的 URL",
    "--lang takes {choices}, not {value}": "--lang 只能是 {choices}，不能是 {value}",
    "{file} is a folder, not a contest file": "{file} 是文件夹，不是竞赛文件",
    "{option} needs a value": "{option} 后面缺少取值",
    "Contest Desk cannot start": "竞赛管理系统无法启动",
    # A contest file opened with the program (ui/contest_file_open.py)
    "Import {file} as a new contest?\n\n"
    "Contest: {name} ({kind})\n"
    "Events: {events}\n"
    "Persons: {persons}, teams: {teams}, judges: {judges}\n"
    "Entries: {entries}, scores: {scores}\n\n"
    "The whole file is imported, or nothing when anything in it is wrong.": (
        "将 {file} 导入为新竞赛吗？\n\n"
        "竞赛：{name}（{kind}）\n"
        "竞赛项目：{events} 个\n"
        "职工：{persons} 人，参赛队：{teams} 个，裁判：{judges} 人\n"
        "参赛单元：{entries} 个，评分：{scores} 条\n\n"
        "整个文件一并导入；文件中有任何问题则什么也不导入。"
    ),
    "Reading the file…": "正在读取文件…",
    "Open a contest file": "打开竞赛文件",
    "Import": "导入",
    "Importing the contest…": "正在导入竞赛…",
    "{name} was imported from {file}": "已从 {file} 导入 {name}",
    # The settings dialog's folders (ui/settings_dialog.py, ui/folder_field.py)
    "Backup folder": "备份文件夹",
    "Attached files kept in": "附件存放位置",
    "Empty: the default, {path}": "留空：使用默认位置 {path}",
    "Choose the folder: {title}": "选择文件夹：{title}",
    "a server database is backed up by IT": "服务器数据库由信息管理员备份",
    "Automatic backups and backups made without naming a file go here, into a folder of "
    "each database's own. Empty: beside the database file.": (
        "自动备份和未指定文件的备份存放在这里，每个数据库一个子文件夹。留空：放在数据库文件旁边。"
    ),
    "Set by CONTEST_DESK_FILES": "由环境变量 CONTEST_DESK_FILES 指定",
    "Copying the attached files…": "正在复制附件…",
    "Attached files copied": "附件已复制",
    "{count} attached file(s) were copied to {new} and each checked by its SHA-256; new "
    "attached files are kept there from now on. The old copies stay in {old}: nothing was "
    "deleted.": (
        "已将 {count} 个附件复制到 {new}，并逐个核对了 SHA-256；今后新的附件也存放在那里。"
        "原来的文件仍保留在 {old}，没有删除任何文件。"
    ),
    "{count} file(s) in the old folder no longer match their hash and were not copied: "
    "{names}": "原文件夹中有 {count} 个文件与其哈希值不符，未复制：{names}",
    # Storage (storage/files.py)
    "The folder {folder} cannot be written: {reason}": "无法写入文件夹 {folder}：{reason}",
    "The copy of {name} in {folder} does not match the original; the attached files stay "
    "where they were": "{folder} 中 {name} 的副本与原文件不一致；附件仍保留在原位置",
    "Cannot copy {name} to {folder}: {reason}; the attached files stay where they were": (
        "无法将 {name} 复制到 {folder}：{reason}；附件仍保留在原位置"
    ),
}
