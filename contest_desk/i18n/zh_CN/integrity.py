"""Chinese messages of the guards against loss and forgery: the database lock, seals, anchors."""

MESSAGES = {
    # storage/lock.py
    "The database {path} is open in another Contest Desk program: {holder}. Close it there first, or try again when it is done.": "数据库 {path} 正在被另一个竞赛管理程序使用：{holder}。请先在那里关闭，或稍后再试。",
    # services/certificates.py: the content seal
    "Only this contest's certificates can be sealed with its key": "只能用本竞赛的密钥封存本竞赛的证书",
}
