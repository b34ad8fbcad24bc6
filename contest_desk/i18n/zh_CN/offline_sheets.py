"""Score-sheet files for offline laptops."""

MESSAGES = {
    "{file} was not exported from this database": "{file} 不是从本数据库导出的评分表文件",
    "{file} was changed after it was signed; it is refused": "{file} 在签名后被修改，拒绝导入",
    "The round or judge of {file} no longer exists": "{file} 对应的轮次或裁判已不存在",
    "The sheet has no cell {entry} {code}": "评分表中没有 {entry} 的 {code} 这一格",
    "{entry} {code}: stored {stored}, in the file {value}": "{entry} {code}：库中为 {stored}，文件中为 {value}",
    "{file} is not a Contest Desk score-sheet file": "{file} 不是竞赛管理桌面系统的评分表文件",
    "{file} is an old sheet file that carries its own key, so anyone could have re-signed it; it is refused: export the judge's sheet again": "{file} 是自带密钥的旧版评分表文件，任何持有者都能重新签名，拒绝导入：请重新导出该裁判的评分表",
    "{judge} has no user account {user}, so there is no key to sign an offline sheet with: add the account first": "{judge} 没有用户账号 {user}，无法签名离线评分表：请先添加该账号",
    "{user} has no key to sign offline sheets with yet: it is made when they next log in, or when their password is set": "{user} 还没有签名离线评分表的密钥：下次登录或设置密码时生成",
    "{file} has not been filled in and signed by {judge} yet": "{file} 尚未由 {judge} 填写并签名",
    "{user}'s password has changed since {file} was exported: export the sheet again and fill it in with the new password": "{file} 导出后 {user} 的密码已更改：请重新导出评分表并用新密码填写",
    "The marks in {file} are not signed by {judge}; it is refused": "{file} 中的分数不是 {judge} 签名的，拒绝导入",
    # cli.py
    "Score sheet written to {path}": "评分表已写入 {path}",
    "{count} value(s) written into {path}": "已将 {count} 个分数写入 {path}",
    "Imported: {stored} new, {same} already stored": "已导入：新增 {stored} 个，已存在 {same} 个",
    "score-sheet files for offline laptops": "离线笔记本用的评分表文件",
    "write a judge's sheet to a signed file": "将一位裁判的评分表写入签名文件",
    "on the laptop: put marks into a sheet file, signed with the judge's password (from {env} or a prompt)": "在笔记本上：将分数写入评分表文件，并用裁判的密码签名（取自 {env} 或提示输入）",
    "import a filled sheet file": "导入已填写的评分表文件",
}
