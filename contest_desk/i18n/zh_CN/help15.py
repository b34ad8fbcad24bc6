"""Chinese messages of the user guide's window and the About box."""

MESSAGES = {
    "&Help": "帮助(&H)",
    "User guide": "使用手册",
    "About": "关于",
    "Contest Desk user guide": "竞赛管理桌面系统使用手册",
    "Search the guide": "搜索手册",
    "Contents": "目录",
    "Guide page": "手册页面",
    "No page of the guide contains these words.": "手册中没有包含这些词的页面。",
    "About Contest Desk": "关于竞赛管理桌面系统",
    "Version {version}": "版本 {version}",
    "Bundled font": "随附字体",
    "Main libraries": "主要程序库",
}
