"""Chinese messages of the guards against loss and forgery: the database lock, seals, anchors."""

MESSAGES = {
    # storage/lock.py
    "The database {path} is open in another Contest Desk program: {holder}. Close it there first, or try again when it is done.": "数据库 {path} 正在被另一个竞赛管理程序使用：{holder}。请先在那里关闭，或稍后再试。",
    # services/certificates.py: the content seal
    "Only this contest's certificates can be sealed with its key": "只能用本竞赛的密钥封存本竞赛的证书",
    # services/audit.py, cli.py, ui/audit: values checked against the audit trail
    "The database holds values the audit trail does not record (changed behind the app's back):": "数据库中有审计记录之外的改动（未经本软件修改）：",
    "{what}: stored {stored}, the trail says {recorded}": "{what}：数据库中为 {stored}，审计记录为 {recorded}",
    "Values changed behind the app's back:": "有未经本软件的改动：",
    "{place} · {entry} · {criterion} · {judge}'s mark": "{place} · {entry} · {criterion} · {judge}的评分",
    "{place} · {judge}'s sheet": "{place} · {judge}的评分表",
    "{place} · the lock": "{place} · 锁定状态",
    "round {id}": "轮次 {id}",
    "entry {id}": "参赛单元 {id}",
    "(nothing)": "（无）",
    "locked": "已锁定",
    "not locked": "未锁定",
    "not submitted": "未提交",
    "submitted": "已提交",
}
