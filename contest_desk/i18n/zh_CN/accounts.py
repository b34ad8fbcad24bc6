"""Accounts, roles, permissions and the audit trail."""

MESSAGES = {
    # domain/permissions.py
    "Administrator": "系统管理员",
    "Organizer": "组织者",
    "Chief judge": "裁判长",
    "Viewer": "查看者",
    "view the contest set-up": "查看竞赛设置",
    "change contests, events and rubrics": "修改竞赛、项目和评分细则",
    "change the roster, entries and judges": "修改名册、参赛单元和裁判",
    "enter scores": "录入成绩",
    "import score files": "导入成绩文件",
    "view standings": "查看成绩排名",
    "export or import contests": "导出或导入竞赛",
    "check, lock and unlock rounds": "审核、锁定和解锁轮次",
    "manage user accounts": "管理用户账户",
    "view the audit trail": "查看审计记录",
    # services/permissions.py
    "{user} may not {action}": "用户 {user} 无权{action}",
    # services/users.py
    "The account {user} is disabled": "账户 {user} 已停用",
    "The account {user} expired on {date}": "账户 {user} 已于 {date} 过期",
    "The password does not match {user}": "密码与用户 {user} 不符",
    "A user name must not be empty or contain spaces": "用户名不能为空，也不能含空格",
    "Unknown role: {role}": "未知角色：{role}",
    "A user needs at least one role": "用户至少需要一个角色",
    "There is already a user {username}": "已有用户 {username}",
    "At least one active administrator must remain": "必须保留至少一个启用的系统管理员",
    "A password needs at least {n} characters": "密码至少需要 {n} 个字符",
    "There is no user {username}": "没有用户 {username}",
    "The first administrator has already been set up": "首个系统管理员已经设置过了",
    "Wrong user name or password": "用户名或密码错误",
    "Too many wrong passwords for {user}; try again in {seconds} s": (
        "用户 {user} 密码错误次数过多，请 {seconds} 秒后再试"
    ),
}
