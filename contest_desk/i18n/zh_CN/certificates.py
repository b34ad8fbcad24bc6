"""Certificates (荣誉证书), their verification, and result notices (成绩公示)."""

MESSAGES = {
    # domain/certificates.py
    "The template {template} uses the field {{{field}}}, which certificates "
    "do not have (they have: {fields})": (
        "模板“{template}”用到了字段 {{{field}}}，证书没有这个字段（可用：{fields}）"
    ),
    "The margin of {template} is out of range": "模板“{template}”的页边距超出范围",
}
MESSAGES.update(
    {
        # services/certificates.py, reports/certificate_pdf.py
        "{name} is a built-in template: save your copy under another name": (
            "“{name}”是内置模板：请另存为其他名称"
        ),
        "There is no certificate template {name}": "没有名为“{name}”的证书模板",
        "Re-issuing a certificate needs a reason": "补发证书需要说明原因",
        "standings changed": "名次变动",
        "There is no certificate {serial}": "没有编号为 {serial} 的证书",
        "{serial} has been superseded by {new} already": "{serial} 已被 {new} 取代",
        "{file} is not an image that can be printed: {reason}": "{file} 不是可以打印的图片：{reason}",
        "{file} cannot be read as a PDF: {reason}": "无法按 PDF 读取 {file}：{reason}",
        "Certificates": "荣誉证书",
    }
)
MESSAGES.update(
    {
        # cli_certificates.py
        "CHANGED: it is not what was issued": "已被改动：与颁发时不符",
        "No entry of this event has an award yet": "本项目还没有获奖的参赛者",
        "Public key written to {file}": "公钥已写入 {file}",
        "The contest has issued no certificate yet, so it has no key": (
            "本竞赛尚未颁发证书，还没有密钥"
        ),
        "check a certificate: a serial, or a certificate PDF": "查验证书：证书编号或证书 PDF",
        "check offline, with the contest's public key alone": "离线查验：只用竞赛的公钥",
        "genuine": "真实有效",
        "issue and print an event's certificates": "颁发并打印项目的荣誉证书",
        "superseded by {new}": "已作废，由 {new} 取代",
        "unknown: no such certificate": "查无此证",
        "write a contest's public key for offline checks": "导出竞赛公钥，供离线查验",
        "{n} certificate(s) written to {where}": "已生成 {n} 张证书：{where}",
    }
)
MESSAGES.update(
    {
        # reports/result_notice.py
        "Posted from {start} to {end}. Objections to the organizer within that time.": (
            "公示期：{start} 至 {end}。如有异议，请在公示期内向主办单位反映。"
        ),
        "Result notice": "成绩公示",
    }
)
MESSAGES.update(
    {
        "Give exactly one of --event, --board and --labor": (
            "请只给出 --event、--board、--labor 中的一个"
        ),
        "Result notice written to {file}": "成绩公示已写入 {file}",
        "a labor period (default: cumulative)": "劳动竞赛的考核期间（默认累计）",
        "a result notice (成绩公示) as PDF or Excel": "生成成绩公示（PDF 或 Excel）",
        "days it is posted for": "公示天数",
    }
)
MESSAGES.update(
    {
        # reports/charts.py and the standings area's charts
        "Chart": "成绩图",
        "Score distribution": "分数分布",
        "Table": "成绩表",
        "{event}: score distribution": "{event}：分数分布",
    }
)
MESSAGES.update({"the whole competition": "全程"})
MESSAGES.update(
    {
        "Give --event ID or --labor CONTEST_ID": "请给出 --event ID 或 --labor CONTEST_ID 之一",
        "a labor competition's teams": "劳动竞赛的获奖班组",
    }
)
MESSAGES.update({"The board has no title holder yet": "擂台上还没有擂主"})
MESSAGES.update({"a board's title holder": "擂台的擂主"})
