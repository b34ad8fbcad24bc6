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
}
