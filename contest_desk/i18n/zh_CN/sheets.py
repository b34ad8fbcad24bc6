"""Score sheets, rounds and their locks."""

MESSAGES = {
    "{judge}'s sheet for this round is submitted; the chief judge must re-open it": (
        "{judge} 本轮的评分表已提交，须由裁判长退回后才能修改"
    ),
    "{round} is locked": "{round}已锁定",
    "{user} is not a judge of {event}": "用户 {user} 不是 {event} 的裁判",
    "{judge}'s sheet for {round} is already submitted": "{judge} 的{round}评分表已经提交",
    "{judge}'s sheet still has {count} empty cell(s)": "{judge} 的评分表还有 {count} 格未填",
    "{judge}'s sheet for {round} is not submitted": "{judge} 的{round}评分表尚未提交",
    "Not every sheet is submitted yet: {judges}": "还有评分表未提交：{judges}",
    "{round} of {event} is not locked": "{event} {round}未锁定",
    "Give a reason; it is kept on the record": "请填写理由，理由将记入审计记录",
    "{user} may only open their own score sheet": "用户 {user} 只能打开自己的评分表",
    "{round} of {event} is locked; the chief judge must unlock it, with a reason": (
        "{event} {round}已锁定；须由裁判长说明理由后解锁"
    ),
    "{judge}'s sheet for {round} is submitted and can no longer be changed": (
        "{judge} 的{round}评分表已提交，不能再修改"
    ),
    "{judge}'s sheet for {round} is submitted: changing it needs a reason": (
        "{judge} 的{round}评分表已提交：修改需要说明理由"
    ),
    # ui/standings/area.py
    "Final (locked)": "最终成绩（已锁定）",
    "Provisional": "暂定成绩",
}
