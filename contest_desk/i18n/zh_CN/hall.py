"""The hall's screen (成绩大屏): the organizer's choice, the page and the desk's window."""

MESSAGES = {
    # services/judging/hall.py
    "There is no contest yet": "还没有竞赛",
    "Event {event} has no round {number} in this contest: the hall cannot show it": (
        "本竞赛中项目 {event} 没有第 {number} 轮，成绩大屏无法显示"
    ),
    "The contest has no board {board}: the hall cannot show it": (
        "本竞赛没有擂台 {board}，成绩大屏无法显示"
    ),
    "Unknown choice for the hall: {mode}": "成绩大屏的显示方式无效：{mode}",
    # web/hall.py (the page) and ui/hall/ (the desk's window)
    "Results board": "成绩大屏",
    "Final": "最终成绩",
    "Not final yet": "成绩尚未最终确定",
    "Entrant": "参赛者",
    "Nothing is shown to the hall yet": "尚无可显示的成绩",
    "Connection lost: reconnecting…": "连接中断，正在重新连接…",
    "The contest must be given by its number, not “{value}”": "竞赛须以编号指定，而不是“{value}”",
}
MESSAGES.update(
    {
        # ui/hall/window.py
        "Show it on the screen": "显示在哪个屏幕上",
        "What the hall may see…": "成绩大屏显示内容…",
        "Close (Esc)": "关闭（Esc）",
        # ui/hall/choice_dialog.py
        "What the hall may see": "成绩大屏显示内容",
        "Provisional results too, marked as such": "也显示暂定成绩（标明“暂定”）",
        "Final results only (locked rounds)": "只显示最终成绩（已锁定的轮次）",
        "Board: {name}": "擂台：{name}",
        "{round} (locked)": "{round}（已锁定）",
        "Names show on the hall's screen only once a round is locked.": (
            "轮次锁定之前，成绩大屏只显示加密号，不显示姓名。"
        ),
        "Rounds and boards on the screen:": "大屏显示的轮次和擂台：",
    }
)
