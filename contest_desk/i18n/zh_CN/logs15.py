"""Chinese messages of the log file, the crash dialog and the settings dialog."""

MESSAGES = {
    "Error details": "错误详情",
    "Copy details": "复制详情",
    "Copied": "已复制",
    "Open log folder": "打开日志文件夹",
}
