"""Score-sheet files for offline laptops."""

MESSAGES = {
    "{file} was not exported from this database": "{file} 不是从本数据库导出的评分表文件",
    "{file} was changed after it was signed; it is refused": "{file} 在签名后被修改，拒绝导入",
    "The round or judge of {file} no longer exists": "{file} 对应的轮次或裁判已不存在",
    "The sheet has no cell {entry} {code}": "评分表中没有 {entry} 的 {code} 这一格",
    "{entry} {code}: stored {stored}, in the file {value}": "{entry} {code}：库中为 {stored}，文件中为 {value}",
    "{file} is not a Contest Desk score-sheet file": "{file} 不是竞赛管理桌面系统的评分表文件",
    # cli.py
    "Score sheet written to {path}": "评分表已写入 {path}",
    "{count} value(s) written into {path}": "已将 {count} 个分数写入 {path}",
    "Imported: {stored} new, {same} already stored": "已导入：新增 {stored} 个，已存在 {same} 个",
    "score-sheet files for offline laptops": "离线笔记本用的评分表文件",
    "write a judge's sheet to a signed file": "将一位裁判的评分表写入签名文件",
    "on the laptop: put marks into a sheet file": "在笔记本上：将分数写入评分表文件",
    "import a filled sheet file": "导入已填写的评分表文件",
}
