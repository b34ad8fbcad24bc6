"""Discrepancy flags (分差超限) and the judges' consistency report."""

MESSAGES = {
    "The discrepancy threshold is a share above 0 % and up to 100 %": (
        "分差阈值应为大于 0%、不超过 100% 的比例"
    ),
    "There is no discrepancy on {code} for this entry": "该参赛单元的 {code} 没有分差超限",
    "{count} discrepancy flag(s) are not resolved yet, the first: {code}": (
        "还有 {count} 处分差超限尚未处理，第一处：{code}"
    ),
    "{path}: the discrepancy threshold must be above 0 and at most 1": (
        "{path}：分差阈值应大于 0 且不超过 1"
    ),
    # reports/consistency_report.py, cli.py
    "print the judges' consistency (bias, ICC, W)": "输出裁判评分一致性（偏差、ICC、W）",
    "{event}, round {round}: judges": "{event} 第 {round} 轮：裁判评分一致性",
    "Bias": "偏差",
    "Flagged": "超限",
    "Flagged share": "超限比例",
    "Marks given": "评分数",
    " (trainee)": "（见习）",
}
