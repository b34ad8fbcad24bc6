"""The runner waiting for a server gone away and sending the work again (ui/server_wait.py)."""

MESSAGES = {
    "Connection to the server lost": "服务器连接中断",
    "Retrying…": "正在重试…",
    "Retrying… (tried {count} time(s); next in {seconds} s)": (
        "正在重试…（已重试 {count} 次，{seconds} 秒后再试）"
    ),
    "Stop waiting": "停止等待",
    "Stop waiting gives this step up: nothing of it is saved.": (
        "停止等待将放弃这一步，其中的内容都不会保存。"
    ),
    "Stopping once the attempt under way has answered…": "正在停止：等待进行中的这次尝试结束…",
    # errors.ServerUnavailable(partly=True): a step of several saves, one of them done
    "The connection to the server {server} was lost after part of this step was saved. "
    "Look at what is stored before doing the rest again, once the server is back": (
        "与服务器的连接中断：{server}。这一步已有一部分保存；"
        "服务器恢复后请先查看已保存的内容，再决定是否重做其余部分。"
    ),
}
