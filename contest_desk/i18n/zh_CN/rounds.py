"""Rounds with elimination (晋级 / 淘汰) and challenge boards (打擂)."""

MESSAGES = {
    "top {value}": "前 {value} 名",
    "top {value} %": "前 {value}%",
    "{value} points or more": "{value} 分及以上",
    "An advance rule needs a value of 0 or more": "晋级规则的数值不能小于 0",
    "A share cannot be above 100 %": "比例不能超过 100%",
    "The number that advances must be a whole number": "晋级人数必须是整数",
    # domain/ladder.py
    "Only entries on the board take part in bouts": "只有擂台上的参赛者才能比试",
    "A challenge goes up the board": "只能向排名在前的参赛者发起挑战",
    "Only the title holder may be challenged": "只能挑战擂主",
    "The defender is more than {reach} places above": "守擂者排名高出挑战者超过 {reach} 位",
    # services/rounds.py
    "{round} is closed: its rule has been applied": "{round}已结束：晋级规则已经执行",
    "{round} has no advance rule": "{round}没有晋级规则",
    "{round} must be locked before it is closed: its standings are not final": (
        "{round}须先锁定才能结束：成绩尚未最终确定"
    ),
    # cli.py
    "Give exactly one of --top, --share and --min": "请只给出 --top、--share、--min 中的一个",
    "Advance rule of round {n}: {rule}": "第 {n} 轮晋级规则：{rule}",
    "Round {n} closed by {rule}: {up} advance, {out} eliminated": (
        "第 {n} 轮已按{rule}结束：{up} 个晋级，{out} 个淘汰"
    ),
    "rounds with elimination": "轮次晋级与淘汰",
    "set who advances from a round": "设置一轮的晋级规则",
    "ties at the cut do not all advance": "并列于晋级线时不全部晋级",
    "close a locked round by its rule": "按晋级规则结束已锁定的一轮",
}
MESSAGES.update(
    {
        # ui/contests/advance_tab.py
        "Advance": "晋级",
        "No rule (the last round)": "不设规则（最后一轮）",
        "The top N": "前 N 名",
        "The top X %": "前 X%",
        "A minimum score": "分数线",
        "Entries tied at the cut all advance": "并列于晋级线者全部晋级",
        "Save the rule": "保存规则",
        "Close the round by its rule": "按规则结束本轮",
        "Advance or not": "晋级与否",
        "Who advances": "晋级方式",
        "Value": "数值",
        "Advances": "晋级",
        "Eliminated": "淘汰",
        "No advance rule: everyone ranked here stays": "未设晋级规则：本轮所有参赛者均保留",
        "Closed by {rule}": "已按{rule}结束",
        "Preview by {rule}: not closed": "按{rule}预览：尚未结束",
    }
)
