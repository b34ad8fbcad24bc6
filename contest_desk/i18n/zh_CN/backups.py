"""Backups, restores and upgrades of the database."""

MESSAGES = {
    # domain/permissions.py
    "back up the database": "备份数据库",
    "restore the database from a backup": "从备份恢复数据库",
    # storage/backup.py, storage/restore.py, storage/upgrade.py
    "A database on a server is backed up and restored by its administrator with the"
    " server's own tools (pg_dump and pg_restore); Contest Desk backs up database"
    " files only": "服务器上的数据库由其管理员用服务器自带的工具（pg_dump 和 pg_restore）"
    "备份和恢复；竞赛管理桌面系统只备份数据库文件",
    "There is no database file {file}": "数据库文件 {file} 不存在",
    "{file} cannot be restored: {reason}": "无法恢复 {file}：{reason}",
    "it is not a database of this version of Contest Desk (revision {revision})": (
        "它不是本版本竞赛管理桌面系统的数据库（版本 {revision}）"
    ),
    "its audit trail is broken at row {seq}: {reason}": "其审计记录在第 {seq} 条处断开：{reason}",
    "it is not a Contest Desk backup ({detail})": "它不是竞赛管理桌面系统的备份（{detail}）",
    "it is not a Contest Desk database": "它不是竞赛管理桌面系统的数据库",
    "its database does not match its manifest": "其中的数据库与备份清单不符",
    "Another program still has {file} open; close it and restore again": (
        "另一个程序仍打开着 {file}，请关闭后再恢复"
    ),
    "its database is damaged ({detail})": "其中的数据库已损坏（{detail}）",
    "rows in its database point at rows that do not exist": "其中的数据库有记录引用了不存在的记录",
    "its database cannot be read ({detail})": "无法读取其中的数据库（{detail}）",
    "the attached file {name} is damaged": "附件 {name} 已损坏",
    "The upgrade would leave row {row} of {table} pointing at a missing row of {parent};"
    " nothing was changed": "升级会使 {table} 的第 {row} 行引用 {parent} 中不存在的记录；"
    "未做任何修改",
    "The database has a table {table} with rows that its version ({revision})"
    " does not make; nothing was changed": "数据库中有一张含数据的表 {table}，"
    "其版本（{revision}）不应有此表；未做任何修改",
    # cli_backup.py
    "made {when} at revision {revision}: {rows} rows in {tables} tables,"
    " {files} attached file(s)": "制作于 {when}，数据库版本 {revision}：{tables} 张表共 {rows} 行，"
    "附件 {files} 个",
    "Backup written to {file}, {what}": "备份已写入 {file}，{what}",
    "{n} attached file(s) are missing or changed in the file store and are not"
    " in the backup: {names}": "文件库中有 {n} 个附件缺失或已被改动，未纳入备份：{names}",
    "Restoring replaces {file}: add --yes to go ahead": "恢复将替换 {file}：确认请加 --yes",
    "Replace {file} with this backup? Type yes to go ahead: ": "用此备份替换 {file}？输入 yes 继续：",
    "{file} passed every check: {what}": "{file} 已通过全部检查：{what}",
    "Nothing was restored": "未恢复任何数据",
    "{database} restored from {file}": "已从 {file} 恢复 {database}",
    "The database as it was is kept in {file}": "恢复前的数据库已保存在 {file}",
    "Restoring replaces the database: say who you are with --user NAME"
    " (an administrator)": "恢复将替换数据库：请用 --user 用户名 说明操作人（须为系统管理员）",
    "back up the database and its attached files (zip)": "备份数据库及其附件（zip 文件）",
    "replace the database with a checked backup": "用检查无误的备份替换数据库",
    "a .zip file, or a folder (default: the backups folder beside the database)": (
        "一个 .zip 文件或一个文件夹（默认：数据库旁的备份文件夹）"
    ),
    "do not ask before replacing": "替换前不再询问",
}
