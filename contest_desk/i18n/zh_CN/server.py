"""A database on a PostgreSQL server: ``contest-desk server init|upgrade|grant|check``."""

MESSAGES = {
    # cli/server.py
    "set up and check a database on a PostgreSQL server for many desks": (
        "设置并检查 PostgreSQL 服务器上供多台电脑共用的数据库"
    ),
    "make the tables and the first administrator": "建立数据表和第一个管理员账号",
    "bring the tables to this version": "把数据表升级到本版本",
    "give a desks' role exactly the rights it needs": "只授予各台电脑所用数据库角色必需的权限",
    "say what keeps a desk from working with a server": "检查一台电脑连接服务器时有什么问题",
    "the URL of the role that owns the database (IT's), e.g. {example}": (
        "数据库所有者角色（信息中心使用）的连接地址，例如 {example}"
    ),
    "a desk's URL, e.g. {example}": "一台电脑使用的连接地址，例如 {example}",
    "the first administrator's user name": "第一个管理员的用户名",
    "the administrator's full name": "管理员的姓名",
    "read the administrator's password from the first line of stdin": (
        "从标准输入的第一行读取管理员密码"
    ),
    "the desks' role": "各台电脑使用的数据库角色",
    "print the SQL instead of running it": "只打印 SQL 语句，不执行",
    "Name the first administrator with --admin NAME": "请用 --admin 用户名 指定第一个管理员",
    "User name of the first administrator: ": "第一个管理员的用户名：",
    "{database} is set up: the tables are made and {user} is its administrator. Next: "
    "contest-desk server grant URL --role DESK_ROLE, then server check with a desk's URL": (
        "{database} 已设置好：数据表已建立，{user} 是管理员。下一步：contest-desk server grant "
        "URL --role 电脑角色，然后用一台电脑的连接地址运行 server check"
    ),
    "The schema is up to date ({revision})": "数据表已是最新版本（{revision}）",
    "The schema was upgraded from {before} to {after}": "数据表已从 {before} 升级到 {after}",
    "Desk rights renewed for: {roles}": "已为以下角色重新授权：{roles}",
    "{role} may now read and write the rows of {tables} tables as a desk does, and no more": (
        "{role} 现在可以像一台电脑那样读写 {tables} 个数据表中的记录，没有更多权限"
    ),
    "Checking {database}": "正在检查 {database}",
    "A desk cannot work with this database until the lines marked ✗ are put right": (
        "标 ✗ 的各项解决之前，电脑无法使用这个数据库"
    ),
    "A desk can work with this database": "电脑可以使用这个数据库",
    # storage/upgrade.py
    "The database on the server is of an older version and this desk may not"
    " change its tables: IT upgrades it with contest-desk server upgrade": (
        "服务器上的数据库是旧版本，这台电脑无权修改数据表：请信息中心运行 contest-desk server "
        "upgrade 升级"
    ),
    # services/server_setup.py
    "The server commands take a PostgreSQL URL (postgresql+psycopg://USER@HOST/DB);"
    " an SQLite file is set up by opening it": (
        "server 命令需要 PostgreSQL 的连接地址（postgresql+psycopg://用户@主机/数据库）；"
        "SQLite 数据库文件打开时即自动建立"
    ),
    "{url} is not a database URL": "{url} 不是数据库连接地址",
    "The database has no Contest Desk tables yet: IT runs contest-desk server init": (
        "数据库中还没有竞赛管理系统的数据表：请信息中心运行 contest-desk server init"
    ),
    "The server {host}:{port} does not answer ({reason}): is PostgreSQL running there, "
    "listening on the LAN (listen_addresses) and is port {port} open in its firewall?": (
        "服务器 {host}:{port} 没有应答（{reason}）：PostgreSQL 是否在运行、是否在局域网上监听"
        "（listen_addresses）、防火墙是否放行了 {port} 端口？"
    ),
    "The server {host}:{port} answers": "服务器 {host}:{port} 有应答",
    "The server accepts the log-in of {user}": "服务器接受 {user} 登录",
    "The database {database} exists": "数据库 {database} 存在",
    "The connection is encrypted (TLS)": "连接已加密（TLS）",
    "The connection is not encrypted: passwords and scores cross the network as"
    " they are; the set-up guide says how to turn TLS on (sslmode=require)": (
        "连接未加密：密码和成绩以明文在网络上传输；设置指南说明了如何启用 TLS（sslmode=require）"
    ),
    "{user} is a superuser of the server: a desk should log in with a role of its"
    " own that has only a desk's rights (server grant)": (
        "{user} 是服务器的超级用户：电脑应使用只有电脑所需权限的专用角色登录（server grant）"
    ),
    "{user} owns the tables (it may change or drop them and the audit trail): a"
    " desk should log in with a role that has only a desk's rights (server grant)": (
        "{user} 是数据表的所有者（可以修改或删除数据表和审计记录）：电脑应使用只有电脑所需权限的"
        "角色登录（server grant）"
    ),
    "{user} may create tables in the database, which a desk does not need": (
        "{user} 可以在数据库中建表，电脑并不需要这个权限"
    ),
    "{user} is neither a superuser nor the tables' owner": "{user} 既不是超级用户，也不是数据表的所有者",
    "{user} lacks {count} right(s) a desk needs ({named}): IT runs contest-desk"
    " server grant OWNER_URL --role {user}": (
        "{user} 缺少电脑所需的 {count} 项权限（{named}）：请信息中心运行 contest-desk server "
        "grant 所有者地址 --role {user}"
    ),
    "{user} may {named} on the audit trail, which lets a desk rewrite history: IT"
    " runs contest-desk server grant OWNER_URL --role {user}": (
        "{user} 对审计记录有 {named} 权限，电脑因此可以改写历史：请信息中心运行 contest-desk "
        "server grant 所有者地址 --role {user}"
    ),
    "{user} has a desk's rights, no more": "{user} 有电脑所需的权限，没有更多",
    "The schema's version cannot be read without a desk's rights": (
        "没有电脑所需的权限，无法读取数据表的版本"
    ),
    "The database has no administrator yet: IT runs contest-desk server init": (
        "数据库还没有管理员：请信息中心运行 contest-desk server init"
    ),
    "The schema is this version's ({head})": "数据表是本版本的（{head}）",
    "The schema is older ({revision}) than this version's ({head}): IT runs"
    " contest-desk server upgrade": (
        "数据表的版本（{revision}）比本程序的（{head}）旧：请信息中心运行 contest-desk server upgrade"
    ),
    "The schema ({revision}) was made by a newer Contest Desk: update Contest Desk"
    " on this PC": "数据表（{revision}）由更新版本的竞赛管理系统建立：请更新这台电脑上的程序",
    "The audit trail is intact: {rows} rows": "审计记录完整：共 {rows} 条",
    "The database {database} holds {count} other table(s) and no Contest Desk"
    " schema: give server init a new, empty database": (
        "数据库 {database} 中有 {count} 个其他数据表，却没有竞赛管理系统的数据表：请为 server "
        "init 提供一个新的空数据库"
    ),
    "The database {database} is set up already (it has accounts); nothing was"
    " changed. An older schema is brought up to date with server upgrade": (
        "数据库 {database} 已经设置过（已有账号），未做任何改动。旧版本的数据表用 server "
        "upgrade 升级"
    ),
    "The server has no role {role}: create it first (the set-up guide says how)": (
        "服务器上没有角色 {role}：请先建立它（见设置指南）"
    ),
    "The server refused to grant the rights: {reason} (run server grant with the"
    " URL of the tables' owner)": (
        "服务器拒绝授权：{reason}（请用数据表所有者的连接地址运行 server grant）"
    ),
}
