"""Copying a whole database into another (``contest-desk copy``)."""

MESSAGES = {
    # storage/copying.py, storage/copy_rows.py, storage/copy_files.py
    "The source and the target are the same database": "源库和目标库是同一个数据库",
    "{source} is not a Contest Desk database": "{source} 不是竞赛管理桌面系统的数据库",
    "{source} is at another version of the schema ({revision}, this program's is {head})."
    " Upgrade it first: any command on it does, after a backup, e.g."
    " contest-desk --db FILE audit verify; a newer one needs a newer program": (
        "{source} 的数据库结构是另一个版本（{revision}，本程序的是 {head}）。请先升级它："
        "对它运行任一命令即会先备份再升级，例如 contest-desk --db 文件 audit verify；"
        "若它更新，则需要更新版本的程序"
    ),
    "{source} is at another version of the schema ({revision}, this program's is {head})."
    " Upgrade it first with contest-desk server upgrade URL (the owner's); a newer one"
    " needs a newer program": (
        "{source} 的数据库结构是另一个版本（{revision}，本程序的是 {head}）。请先用"
        " contest-desk server upgrade URL（所有者的）升级它；若它更新，则需要更新版本的程序"
    ),
    "{n} attached file(s) are missing from {folder} or no longer match their hash: {names}."
    " Nothing was copied; find them, or copy without them with --allow-missing-files": (
        "{folder} 中缺少 {n} 个附件，或其内容与哈希值不符：{names}。未复制任何内容；"
        "请找回这些文件，或加 --allow-missing-files 不带它们复制"
    ),
    "{target} already holds a database of another version or program; copy into a new"
    " file or an empty database": (
        "{target} 中已有其他版本或其他程序的数据库；请复制到新文件或空数据库"
    ),
    "Row {row} of {table} points at a missing row of {parent}; the target was left as it"
    " was": "{table} 的 {row} 行引用了 {parent} 中不存在的记录；目标库保持原样",
    "{target} is not empty ({tables} hold rows); copy into a new file or an empty"
    " database: nothing was changed": (
        "{target} 不是空库（{tables} 中有数据）；请复制到新文件或空数据库：未做任何修改"
    ),
    "Row {row} of {table} could not be copied: {reason}; the target was left as it was": (
        "{table} 的 {row} 行无法复制：{reason}；目标库保持原样"
    ),
    "The copy of the attached file {sha256} in {folder} does not match the original; the"
    " target was left as it was": "{folder} 中附件 {sha256} 的副本与原件不符；目标库保持原样",
    "Cannot copy the attached file {sha256} to {folder}: {reason}; the target was left as"
    " it was": "无法把附件 {sha256} 复制到 {folder}：{reason}；目标库保持原样",
    "The copy does not hold the source's rows ({tables}); the target was left as it was": (
        "副本的记录数与源库不符（{tables}）；目标库保持原样"
    ),
    "The copy's audit chain does not verify as the source's (source: {source}, copy:"
    " {copy}); the target was left as it was": (
        "副本的审计链核验结果与源库不同（源库：{source}，副本：{copy}）；目标库保持原样"
    ),
    # cli/copy.py
    "copy a whole database into a new or empty one (SQLite or PostgreSQL), files too": (
        "把整个数据库连同附件复制到新库或空库（SQLite 或 PostgreSQL）"
    ),
    "{table}: {done}/{total} rows": "{table}：{done}/{total} 行",
    "Database table": "数据表",
    "Source rows": "源库行数",
    "Copy rows": "副本行数",
    "{rows} rows copied in {seconds:.1f} s ({rate:.0f} rows/s); {files} attached file(s),"
    " each checked by its SHA-256": (
        "已复制 {rows} 行，用时 {seconds:.1f} 秒（每秒 {rate:.0f} 行）；附件 {files} 个，"
        "均已核对 SHA-256"
    ),
    "Copied without these missing attached files: {names}": "复制时缺少以下附件：{names}",
    "The audit chain is broken at row {seq} in the source, and so in the copy": (
        "源库的审计链在第 {seq} 条处断开，副本亦同"
    ),
    "The audit chain is intact ({rows} rows)": "审计链完整（{rows} 条）",
    "the database to copy (left as it is)": "要复制的数据库（保持不变）",
    "a new database file, or an empty database on a server": "新的数据库文件，或服务器上的空数据库",
    "where the source's attached files are (default: its own folder)": (
        "源库附件所在的文件夹（默认：它自己的附件文件夹）"
    ),
    "where the copy's attached files go (default: its own folder; for a server, the shared"
    " folder every desk's CONTEST_DESK_FILES names)": (
        "副本附件存放的文件夹（默认：它自己的附件文件夹；服务器数据库则为各工作站"
        " CONTEST_DESK_FILES 所指的共享文件夹）"
    ),
    "copy even when attached files are missing from the source's folder": (
        "即使源库的附件文件夹中缺少附件也照样复制"
    ),
}
