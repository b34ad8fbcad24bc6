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
}
