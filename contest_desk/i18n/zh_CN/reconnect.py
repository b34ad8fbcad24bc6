"""The server going away mid-work (issue 16): said plainly, typed values kept and retried."""

MESSAGES = {
    # errors.ServerUnavailable
    "The connection to the server {server} was lost; nothing was changed. Try again once "
    "the server is back": "与服务器的连接中断：{server}。未做任何修改，请在服务器恢复后重试。",
    "The connection to the server {server} was lost while a change was being saved: it "
    "may have been saved or not. Look before doing it again, once the server is back": (
        "与服务器的连接中断：{server}。正在保存的修改可能已保存，也可能未保存；"
        "服务器恢复后请先查看再决定是否重做。"
    ),
    # ui/reconnect.py: the window's queue of saves waiting for the server
    "The connection to the server {server} was lost. What you typed is kept and is saved "
    "again once the server is back.": "与服务器的连接中断：{server}。已输入的内容保留，恢复后会自动重试。",
    "Connection to the server lost, retrying… ({count} not saved)": (
        "服务器连接中断，正在重试…（{count} 项未保存）"
    ),
    "Reconnected": "已重新连接",
    "Values not saved": "有内容未保存",
    "{count} typed value(s) wait for the server to be saved. Close anyway and lose them?": (
        "有 {count} 项已输入的内容正在等待服务器恢复后保存。仍要关闭并放弃这些内容吗？"
    ),
    "Close without saving": "关闭，不保存",
    "Keep waiting": "继续等待",
    # the scoring grid (ui/scoring/)
    "Not saved: sent again once the server is back ({value})": (
        "未保存：服务器恢复后自动重试（{value}）"
    ),
    "Not saved yet ({entry}): {reason}": "未保存（{entry}）：{reason}",
    "{count} value(s) not saved yet: sent again once the server is back": (
        "还有 {count} 项未保存：服务器恢复后自动重试"
    ),
    "Reconnected: every value typed meanwhile is saved": "已重新连接：期间输入的内容已全部保存",
    # the person's form (ui/contests/person_dialog.py)
    "Not saved: {reason}": "未保存：{reason}",
    "This person's changes wait for the server to be saved. Discard them?": (
        "此人员的修改正在等待服务器恢复后保存。要放弃这些修改吗？"
    ),
    "Discard": "放弃",
    # ui/feedback.py
    "The server cannot be reached": "无法连接服务器",
    "the database server": "数据库服务器",
}
