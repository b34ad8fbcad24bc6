"""The log-in, the role-limited window and the sheet bar."""

MESSAGES = {
    # ui/login.py
    "Password": "密码",
    "Password again": "再次输入密码",
    "The two passwords differ.": "两次输入的密码不一致。",
    "Log in": "登录",
    "Log in to Contest Desk with your account.": "请用您的账户登录竞赛管理桌面系统。",
    "Set up Contest Desk": "设置竞赛管理桌面系统",
    "This database has no accounts yet. Make the administrator's account; "
    "the administrator then adds organizers, chief judges and judges.": (
        "此数据库还没有账户。请先创建系统管理员账户，再由系统管理员添加组织者、裁判长和裁判。"
    ),
    # ui/main_window.py
    "My scoring": "我的评分",
    "&Account": "账户(&A)",
    "Log out": "退出登录",
    # ui/scoring/sheet_steps.py (the sheet bar)
    "Submit sheet": "提交评分表",
    "Your password, as your signature. The sheet is read-only afterwards.": (
        "请输入您的密码作为签名。提交后评分表为只读。"
    ),
    "Reason (kept on the record):": "理由（记入审计记录）：",
    "Re-open sheet": "退回评分表",
    "Unlock round": "解锁本轮",
    "Submit sheet…": "提交评分表…",
    "Re-open sheet…": "退回评分表…",
    "Lock round": "锁定本轮",
    "Unlock round…": "解锁本轮…",
    "Round locked: the standings are final": "本轮已锁定：成绩为最终结果",
    "Submitted: read-only": "已提交：只读",
    "Draft: every value is saved as you type": "草稿：每个分数输入后即保存",
}
