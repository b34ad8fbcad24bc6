"""Challenge boards: the rating rule (after each bout / once per period), draws (平局),
challenges and bouts numbered per board, volatility shown (issue 14)."""

MESSAGES = {
    # Rules and refusals
    "This board's rules allow no draw: record who won": "本擂台规则不允许平局：请记录胜负",
    "rated once per period, at its close": "每期期末统一计算评分",
    "rated after each bout": "每场比试后即更新评分",
    "draws allowed (½ each)": "允许平局（双方各计 ½）",
    "no draws": "不设平局",
    # Results, numbers and figures
    "A draw (平局)": "平局",
    "Deviation": "偏差",
    "Volatility": "波动率",
    "Challenge {n}": "挑战 {n}",
    "Bout {n}": "比试 {n}",
    "Bouts this period:": "本期比试：",
    # Command line
    "Glicko-2 rates once per period: --rating-update bout is for Elo only": (
        "Glicko-2 按期统一计算评分：--rating-update bout 只适用于 Elo"
    ),
    "Give either --winner challenger|defender or --draw": (
        "请给出 --winner challenger|defender 或 --draw 之一"
    ),
    "Elo: rate after each bout, or once per period (Glicko-2: per period)": (
        "Elo 评分的更新时机：每场比试后（bout）或每期期末（period）；Glicko-2 固定按期"
    ),
    "a bout may end in a draw (平局)": "比试可以判平局",
    "the bout was a draw (平局)": "本场比试为平局",
    "the challenge's number on the board, as 'board show' lists it": (
        "挑战序号（即 board show 列出的序号）"
    ),
    "the bout's number on the board": "比试序号",
    # The window
    "Challenge No.": "挑战序号",
    "Bout No.": "比试序号",
    "A draw…": "平局…",
    "The right result:": "正确的结果：",
    "After each bout": "每场比试后",
    "Once per period, at its close": "每期期末统一计算",
    "Draws allowed (平局: ½ each, places by the tie rule)": (
        "允许平局（双方各计 ½；名次按平分规则处理）"
    ),
    "Ratings move": "评分更新时机",
}
