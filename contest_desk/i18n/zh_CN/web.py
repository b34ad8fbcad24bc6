"""Chinese messages of the scoring hub: sessions, exactly-once saves, the judge's pages."""

MESSAGES = {
    # services/people/sessions.py
    "Your session has ended (logged out, expired or unknown): log in again": "登录已失效（已退出、已过期或无效），请重新登录",
    "This form is out of date or was not sent by the hub's page: reload the page": "此表单已过期或并非来自评分服务的页面，请刷新页面",
    "The scoring hub is for judges: {user} is not a judge": "现场评分仅供评委使用：{user} 不是评委",
    # storage/client_ops.py, services/judging/scoring.py
    "An operation id is 1 to {limit} plain characters; this one is not": "操作编号应为 1 至 {limit} 个普通字符，此编号不符合",
    "The operation {op} was already used for another change; nothing was saved": "操作编号 {op} 已用于另一项修改，本次未保存",
    "The save was interrupted; nothing was saved: send it again": "保存被中断，未保存任何内容，请重新提交",
}
