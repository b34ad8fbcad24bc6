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
    # services/anchors.py, anchors on notices and certificate batches
    "Audit anchor: {anchor}": "审计锚点：{anchor}",
    "The trail no longer has row {seq} as the anchor of {where} names it: rows up to it were rewritten or removed": "审计记录第 {seq} 条已与{where}的锚点不符：此前的记录被改写或删除",
    "The anchor of {when} is not signed by a desk": "{when} 的锚点没有有效的本机签名",
    "this desk's journal, {when}": "本机日志（{when}）",
    "paper, {anchor}": "纸面（{anchor}）",
    "'{text}' is not an anchor as printed (row:hash, e.g. 1234:3f2a9c1b5d6e7f80)": "“{text}”不是打印的锚点格式（条数:摘要，例如 1234:3f2a9c1b5d6e7f80）",
    "an anchor printed on a notice or certificate batch; may be given again": "公示或证书上打印的审计锚点；可多次给出",
    "anchor the trail's head now and print it": "立即为审计记录加锚点并打印",
    "{period} · {team} · {indicator}: the labor value": "{period} · {team} · {indicator}：劳动竞赛指标值",
    "{board}: log row {seq}": "{board}：擂台记录第 {seq} 条",
    "certificate {serial}": "证书 {serial}",
}
