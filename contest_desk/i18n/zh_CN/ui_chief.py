"""The chief judge's desk and the judges' bias chart."""

MESSAGES = {
    "Mean deviation from the panel (points)": "与裁判组平均分的偏差（分）",
    "{event}, round {round}: judges' bias": "{event} 第 {round} 轮：裁判评分偏差",
    "Confirm the marks…": "确认分数…",
    "Send back to re-mark…": "退回重评…",
    "Sheets": "评分表",
    "Discrepancies": "分差超限",
    "Consistency": "评分一致性",
    "Submitted": "已提交",
    "Locked by {user}": "已由 {user} 锁定",
    "Open": "未锁定",
    "Confirm the marks": "确认分数",
    "Send back to re-mark": "退回重评",
    "Sheet": "评分表",
    "Cells filled": "已填格数",
    "Submitted at": "提交时间",
    "Spread": "分差",
    "Resolved": "处理结果",
    "Draft sheet": "草稿",
    "Judges' marks": "各裁判分数",
}
