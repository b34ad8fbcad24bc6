"""The window's 现场评分 panel, the judges' cards, and the chief judge's live desk."""

MESSAGES = {
    # ui/chief/area.py, ui/chief/live.py: the live desk
    "Last activity": "最近评分",
    "Device": "设备",
    "just now": "刚刚",
    "{minutes} min ago": "{minutes} 分钟前",
    "{hours} h ago": "{hours} 小时前",
    "{time} ({ago})": "{time}（{ago}）",
}
