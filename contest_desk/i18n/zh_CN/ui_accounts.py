"""The accounts area (administrators)."""

MESSAGES = {
    "Accounts": "账户",
    "New password:": "新密码：",
    "Set password": "设置密码",
    "Set password…": "设置密码…",
    "Disable": "停用",
    "Disable…": "停用…",
    "Enable": "启用",
    "Roles": "角色",
    "Active": "启用",
    "Expires": "到期日",
    "Add account": "添加账户",
    "New account": "新账户",
    "Logging in…": "正在登录…",
}
