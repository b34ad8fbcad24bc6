"""Challenge boards (擂台, 打擂): challenges, bouts, periods, views."""

MESSAGES = {
    # domain/ladder.py
    "Place {place} already has {count} open challenge(s), as many as the board allows": (
        "第 {place} 名已有 {count} 个未了结的挑战，已达擂台规则的上限"
    ),
    "Challenge {seq} is not open": "挑战 {seq} 不在进行中",
    "Challenge {seq} has been accepted already": "挑战 {seq} 已经应战",
    "A defender may decline {count} challenge(s) a period": "守擂者每期最多可拒绝 {count} 次挑战",
    "Challenge {seq} is not open: its period is closed or it has a result": (
        "挑战 {seq} 不在进行中：所在期已结束或已有结果"
    ),
    "Challenge {seq} is not past its deadline unanswered": (
        "挑战 {seq} 未超过应战期限或已应战，不能判挑战者胜"
    ),
    "Period {period} has {count} unresolved challenge(s): "
    "record their results or let their deadlines pass first": (
        "第 {period} 期还有 {count} 个未了结的挑战：请先录入结果，或等应战期限过去"
    ),
}
