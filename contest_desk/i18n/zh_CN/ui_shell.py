"""Chinese messages of the main window, the error dialogs and the app shell."""

MESSAGES = {
    "Contest Desk": "竞赛管理桌面系统",
    "Contests": "竞赛",
    "Scoring": "评分",
    "Standings": "成绩排名",
    "&Language": "语言(&L)",
    "Cannot do that": "无法执行",
    "Working…": "正在处理…",
    "Cancelling…": "正在取消…",
    "Contest Desk has a bug": "程序出错了",
    "Something went wrong that is not your fault. Please send this file to support:": "程序发生了意外错误，这不是您的操作问题。请把下面的日志文件发给技术支持：",
}
