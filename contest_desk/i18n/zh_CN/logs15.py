"""Chinese messages of the log file, the crash dialog and the settings dialog."""

MESSAGES = {
    "Error details": "错误详情",
    "Copy details": "复制详情",
    "Copied": "已复制",
    "Open log folder": "打开日志文件夹",
    "Settings": "设置",
    "Settings…": "设置…",
    " min": " 分钟",
    "Off": "关闭",
    "System size": "系统默认",
    "Language": "语言",
    "Default certificate template": "默认证书模板",
    "Default organizer": "默认主办单位",
    "Automatic backup every": "自动备份间隔",
    "Font size (points)": "字号（磅）",
}
