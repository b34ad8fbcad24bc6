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
}
