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
MESSAGES.update(
    {
        # services/boards.py
        "A board needs a name": "擂台需要名称",
        "Give the reason for taking the entry off the board": "请说明让该参赛者下擂的原因",
        "A recorded result needs a note: how the bout was decided": (
            "直接录入的结果需要说明：比试是如何判定的"
        ),
        "A correction needs a reason": "更正需要说明原因",
        "Entry {id} is on this board already": "参赛者 {id} 已在擂台上",
        "Give how many qualify: 1 or more": "请给出晋级上擂的人数：至少 1",
        "Challenge {seq} has no scored bout: accept it first": (
            "挑战 {seq} 还没有评分比试：请先应战"
        ),
        "The bout's round {n} must be signed off and locked before its result counts": (
            "比试所在的第 {n} 轮须全部签字确认并锁定后，结果才能生效"
        ),
        "The bout is missing scores for {entry}": "比试缺少 {entry} 的成绩",
        "There is no bout {seq} on this board": "擂台上没有比试 {seq}",
        "The board rule {rule} is out of range": "擂台规则 {rule} 超出允许范围",
        "There is no entry {id} in this board's event": "擂台所属项目中没有参赛者 {id}",
        "There is no challenge {seq} on this board": "擂台上没有挑战 {seq}",
        "There is no board {id}": "没有编号为 {id} 的擂台",
        # services/board_views.py
        "Period {n}": "第 {n} 期",
        "Period {n} (from {date})": "第 {n} 期（{date} 起）",
        "period {period}: {rule}": "第 {period} 期：{rule}",
        "the last {value} at the period's close": "期末末位 {value} 名",
        "a rating below {value}": "评分低于 {value}",
        "{value} losses in a row": "连负 {value} 场",
        "no bout for {value} periods": "连续 {value} 期未比试",
        # services/board_import.py
        "The file is empty": "文件是空的",
        "A place is a whole number from 1": "名次须为从 1 开始的整数",
        "Place {place} is also on row {row}": "名次 {place} 与第 {row} 行重复",
        "{key} is not in the roster": "名册中没有 {key}",
        "{key} is listed twice": "{key} 出现了两次",
        "A board can be imported from paper only while it is empty": (
            "只有空擂台才能导入纸质擂台记录"
        ),
        "{value} is not a number": "“{value}”不是有效的非负数",
    }
)
