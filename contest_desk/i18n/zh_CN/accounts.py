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
    "issue and answer challenges on a board": "在擂台上发起和应答挑战",
    "key teams' values in a labor competition": "录入劳动竞赛各班组的考核数据",
    "keep the innovation ledger": "维护创新成果台账",
    "approve innovation projects": "审批创新成果立项",
    "approve innovation results": "审批创新成果应用、推广和结题",
    "Innovation reviewer": "成果评审",
    "manage user accounts": "管理用户账户",
    "view the audit trail": "查看审计记录",
    "see names in standings before the round is locked": "在本轮锁定前查看排名中的姓名",
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
    "A password has at most {n} characters": "密码最多 {n} 个字符",
    "There is no user {username}": "没有用户 {username}",
    "The first administrator has already been set up": "首个系统管理员已经设置过了",
    "Wrong user name or password": "用户名或密码错误",
    "Too many wrong passwords for {user}; try again in {seconds} s": (
        "用户 {user} 密码错误次数过多，请 {seconds} 秒后再试"
    ),
    # cli.py
    "User {user} added": "已添加用户 {user}",
    "Password of {user} changed": "已修改用户 {user} 的密码",
    "User {user} disabled": "已停用用户 {user}",
    "User {user} enabled": "已启用用户 {user}",
    "active": "启用",
    "disabled": "停用",
    "The audit trail is broken at row {seq}: {reason}": "审计记录在第 {seq} 条处断裂：{reason}",
    "The audit trail is intact: {rows} rows; {compared} marks, sheets and locks are as it records": "审计记录完整：共 {rows} 条；{compared} 项评分、评分表状态和锁定与记录一致",
    "act as this user (password from {env} or a prompt)": "以该用户身份操作（密码取自 {env} 或提示输入）",
    "add, change or disable user accounts": "添加、修改或停用用户账户",
    "add an account (the first one: the administrator)": "添加账户（第一个账户为系统管理员）",
    "the person's name": "姓名",
    "a role; repeat for several": "角色；可重复以指定多个",
    "set a user's password": "设置用户密码",
    "disable an account (it is kept, with its history)": "停用账户（账户及其历史记录保留）",
    "enable a disabled account": "启用已停用的账户",
    "list the accounts": "列出账户",
    "the audit trail": "审计记录",
    "check the audit trail's hash chain": "校验审计记录的哈希链",
    "Password for {user}: ": "用户 {user} 的密码：",
    "This command changes data: say who you are with --user NAME": (
        "此命令会修改数据：请用 --user 用户名 说明操作人"
    ),
    "A database on a server needs --user NAME, even to read": "服务器上的数据库即使只读也需要 --user 用户名",
    "Accounts (user name / password / role):": "账户（用户名 / 密码 / 角色）：",
    "New password for {user}: ": "用户 {user} 的新密码：",
    "The same again: ": "再输入一次：",
    "The two passwords differ": "两次输入的密码不一致",
    "The first account must be an administrator: --role admin": "第一个账户必须是系统管理员：--role admin",
    # domain/audit_chain.py
    "the row was changed after it was written": "该条记录在写入后被修改",
    "the row is missing": "该条记录缺失",
    "the row before it was changed and re-hashed": "前一条记录被修改并重新计算了哈希",
    "rows were removed from the end": "末尾的记录被删除",
    # services/demo.py
    "The database already has accounts; write the demo into a new database": (
        "数据库中已有账户；请将演示数据写入新的数据库"
    ),
    # services/people/tokens.py
    "A token for {date} would never be valid: that day is past": (
        "{date} 已经过去：这一天的令牌不会再生效"
    ),
    "{user} is not a judge: a judge's token logs in a judge only": (
        "{user} 不是评委：评委令牌只用于评委登录"
    ),
    "No token {id}": "没有编号为 {id} 的令牌",
    "This judge's token is not valid (unknown, revoked or not for today)": (
        "评委令牌无效（不存在、已作废或不是今天的令牌）"
    ),
}
