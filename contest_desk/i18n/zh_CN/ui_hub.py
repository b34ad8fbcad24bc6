"""The window's 现场评分 panel, the judges' cards, and the chief judge's live desk."""

MESSAGES = {
    # ui/chief/area.py, ui/chief/live.py: the live desk
    "Last activity": "最近评分",
    "Device": "设备",
    "just now": "刚刚",
    "{minutes} min ago": "{minutes} 分钟前",
    "{hours} h ago": "{hours} 小时前",
    "{time} ({ago})": "{time}（{ago}）",
    # reports/judge_cards.py
    "Judges' cards": "裁判卡",
    "Scoring hub · judge's card": "现场评分 · 裁判卡",
    "Valid on {date}": "有效日期：{date}",
    "Scan the code to log in, or open": "扫码即可登录，或连接赛场 Wi-Fi 后打开",
    "on the venue's Wi-Fi and log in with your account.": "用本人账号和密码登录。",
    "Keep it to yourself: it logs you in.": "请妥善保管，凭此卡即可登录",
    # ui/hub/: the 现场评分 area
    "Scoring hub": "现场评分",
    "Start": "启动服务",
    "Stop": "停止服务",
    "Hall screen": "成绩大屏",
    "Port": "端口",
    "Starting the hub…": "正在启动现场评分服务…",
    "Stopping the hub…": "正在停止现场评分服务…",
    "The hub is stopped.": "现场评分服务未启动。",
    "Start the hub to show its address and QR code.": "启动服务后，这里显示访问地址和二维码。",
    "The hub is running: judges open this address on the venue's network": (
        "服务运行中：裁判连接赛场网络后扫码或打开以下地址"
    ),
    "Judges' phones and tablets join the venue's Wi-Fi and scan the code. "
    "On Windows, allow Contest Desk through the firewall when Windows asks "
    "(private networks), or let the port in: Windows Defender Firewall → "
    "Advanced settings → Inbound rules → New rule → Port → TCP {port}.": (
        "裁判的手机、平板连接赛场 Wi-Fi 后扫码即可。Windows 首次启动时若弹出防火墙提示，"
        "请勾选“专用网络”并允许访问；或手动放行端口：Windows Defender 防火墙 → 高级设置 → "
        "入站规则 → 新建规则 → 端口 → TCP {port}。"
    ),
    "Contest": "竞赛",
    # ui/hub/tokens.py, ui/hub/cards.py
    "Judges' tokens for today": "今日裁判登录卡",
    "Judge": "裁判",
    "Account": "账号",
    "Unit": "单位",
    "Today's card": "今日登录卡",
    "Cards for all judges…": "为全部裁判发卡…",
    "Cards for the chosen…": "为所选裁判发卡…",
    "Revoke the chosen's card": "作废所选裁判的卡",
    "A card's token is shown only once, on the card printed when it is issued: "
    "the desk keeps no copy. A lost card: revoke it and print a new one.": (
        "登录卡的令牌只在发放时打印在卡上，系统不保存副本。卡片遗失时请作废后重新发卡。"
    ),
    "Revoked at {time}": "已作废（{time}）",
    "Issued at {time} by {user}": "已发放（{time}，{user}）",
    "Choose the judges first.": "请先选择裁判。",
    "Start the hub first: the cards carry its address.": "请先启动现场评分服务：卡上印有它的地址。",
    "Issuing tokens and printing the cards…": "正在发放令牌并生成登录卡…",
    "{count} card(s) written to {file}": "已写入 {count} 张登录卡：{file}",
    "No card for: {judges}": "未发卡：{judges}",
    "The chosen judges have no card to revoke.": "所选裁判没有可作废的登录卡。",
    "Card(s) revoked: {judges}": "已作废登录卡：{judges}",
    "No card was made: {reasons}": "未生成任何登录卡：{reasons}",
    "This contest has no judges yet (Contests → Judges).": "该竞赛还没有裁判（在“竞赛 → 裁判”中添加）。",
}
