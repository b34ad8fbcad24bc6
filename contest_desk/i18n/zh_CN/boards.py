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
MESSAGES.update(
    {
        # reports/board_report.py
        "Place": "名次",
        "Rating": "评分",
        "Defences": "守擂次数",
        "Streak": "连胜/连负",
        "Why": "说明",
        "Key": "工号/队名",
        "Period": "期",
        "title holder": "擂主",
        "Board period {period}, challenge {seq}": "擂台第{period}期 挑战{seq}",
        "on the board": "在擂",
        "eliminated": "已淘汰",
        "off the board": "已下擂",
        "{n} won": "连胜 {n}",
        "{n} lost": "连负 {n}",
        "Open challenges:": "进行中的挑战：",
        "accepted": "已应战",
        "to accept by {date}": "应战期限 {date}",
        "unanswered past {date}: the challenger's win": "逾期 {date} 未应战：判挑战者胜",
        # cli_boards.py
        "Board {id} created: {name}": "已建立擂台 {id}：{name}",
        "Bout {seq} corrected; the board is recomputed from it on": (
            "比试 {seq} 已更正；擂台已从该场起重新计算"
        ),
        "Bout {seq} recorded": "比试 {seq} 的结果已记录",
        "Challenge {seq} accepted": "挑战 {seq} 已应战",
        "Challenge {seq} accepted: its bout is round {n}": "挑战 {seq} 已应战：比试为第 {n} 轮",
        "Challenge {seq} declined": "挑战 {seq} 已拒绝",
        "Challenge {seq} issued": "已发起挑战 {seq}",
        "Give --winner challenger|defender with --note, or --from-scores": (
            "请给出 --winner challenger|defender 和 --note，或使用 --from-scores"
        ),
        "Glicko-2's system constant": "Glicko-2 的系统常数 τ",
        "Period {n} closed": "第 {n} 期已结束",
        "Taken off the board; the history stays": "已下擂，历史记录保留",
        "The board has no entry '{entry}'": "擂台上没有“{entry}”",
        "The new rules apply from period {n}": "新规则自第 {n} 期起执行",
        "a tied bout goes to the challenger": "平分时判挑战者胜",
        "bouts are recorded as a win or a loss": "比试只记录胜负，不评分",
        "challenge boards (打擂)": "擂台（打擂）",
        "challenge up to K places above": "可挑战排名高出至多 K 位的参赛者",
        "challenges a defender may decline a period": "守擂者每期可拒绝的挑战次数",
        "change the rules from the next period on": "修改规则，自下一期起执行",
        "close the period: settle, eliminate, go on": "结束本期：了结挑战、执行淘汰、进入下一期",
        "correct a logged result, with a reason": "更正已记录的结果（须说明原因）",
        "days a defender has to accept": "守擂者应战的期限（天）",
        "entries join at the bottom": "参赛者从末位上擂",
        "every entry's place and rating per period": "各期每位参赛者的名次和评分",
        "issue a challenge": "发起挑战",
        "list the boards": "列出擂台",
        "may be challenged": "可以挑战",
        "only the title holder may be challenged": "只能挑战擂主",
        "open challenges per entry": "每位参赛者同时进行的挑战数",
        "print the board now": "显示擂台现状",
        "record a bout's result": "记录比试结果",
        "set up a board on an event": "在项目上设立擂台",
        "start a board from its paper record (CSV)": "从纸质擂台记录（CSV）建立擂台",
        "take an entry off the board, with a reason": "让参赛者下擂（须说明原因）",
        "take it from the bout's locked round": "取自比试所在已锁定轮次的成绩",
        "the defender accepts a challenge": "守擂者应战",
        "the defender declines a challenge": "守擂者拒绝挑战",
        "the top of a round's standings join at the bottom": "某轮成绩前若干名从末位上擂",
        "whom an entry may challenge, and why not": "参赛者可以挑战谁，不能挑战的原因",
        "{n} joined the board": "{n} 人已上擂",
    }
)
MESSAGES.update(
    {
        # reports/charts.py
        "{board}: places by period": "{board}：各期名次",
        "{board}: ratings by period": "{board}：各期评分",
    }
)
MESSAGES.update(
    {
        # reports/board_report.py: rules_text
        "Elo, K = {k}": "Elo 评分，K = {k}",
        "Glicko-2, τ = {tau}": "Glicko-2 评分，τ = {tau}",
        "a tie goes to the challenger": "平分判挑战者胜",
        "a tie goes to the defender": "平分判守擂成功",
        "eliminated: {rules}": "淘汰：{rules}",
        "monthly periods": "按月分期",
        "no elimination": "不淘汰",
        "periods closed by hand": "不定期（手动结束）",
        "quarterly periods": "按季度分期",
        "the winner swaps places": "挑战成功则互换名次",
        "the winner takes the place, those between move down": "挑战成功者取代其名次，中间者依次下移",
        "weekly periods": "按周分期",
        "{n} days to accept": "{n} 天内应战",
        "{n} decline(s) a period": "每期可拒绝 {n} 次",
        "{n} open challenge(s) per entry": "每人同时最多 {n} 个挑战",
    }
)
