"""Chinese messages of the Scoring and Standings areas."""

MESSAGES = {
    # Choosing what to show
    "Contest": "竞赛",
    "Event": "项目",
    "Round": "轮次",
    "Judge": "裁判",
    "All rounds": "全部轮次",
    "Completion time": "完成用时",
    "Show a column for each entry's time in seconds": "显示每个参赛单元的完成用时（秒）",
    # Scoring grid
    "Unit": "单位",
    "Time (s)": "用时（秒）",
    "Completion time in seconds, used to break ties": "完成用时（秒），用于并列时排序",
    "Judgement: every judge gives a mark": "评判分：每位裁判各自打分",
    "Measurement: one value entered once, shared by all judges": "测量分：只录入一次，所有裁判共用",
    "Deduction: penalty points entered once, shared by all judges": "扣分：只录入一次，所有裁判共用",
    "Measured value, shared by all judges": "测量值，所有裁判共用",
    "Worth {points} of {max} points": "折合 {points} 分（满分 {max}）",
    "Penalty points 0–{max} (step {step}), shared by all judges": (
        "扣分 0–{max}（步长 {step}），所有裁判共用"
    ),
    "Your mark 0–{max} (step {step})": "您的评分 0–{max}（步长 {step}）",
    "{mark} shared value (measurement or deduction): entered once, "
    "the same for every judge. Enter or Tab saves and moves on; "
    "Delete clears a cell.": (
        "{mark} 共用值（测量分或扣分）：只录入一次，所有裁判相同。"
        "回车或 Tab 键保存并移到下一格；Delete 键清除当前格。"
    ),
    "Choose a contest and an event to score.": "请选择要评分的竞赛和项目。",
    "No judge is on the panel of {event} yet.": "{event} 还没有指派裁判。",
    "Loading the score sheet…": "正在载入评分表…",
    "This event has no criteria yet: add a rubric first.": "该项目还没有评分细则，请先添加。",
    "Nobody is entered in this event yet.": "该项目还没有参赛人员。",
    "Saved: {entry} {value}": "已保存：{entry} {value}",
    "Not saved ({entry}): {reason}": "未保存（{entry}）：{reason}",
    "{n} of {m} cells filled": "已填 {n} / {m} 格",
    # Standings
    "Choose a contest and an event to see its standings.": "请选择竞赛和项目以查看成绩排名。",
    "Computing…": "正在计算…",
    "Updated {time}": "更新于 {time}",
    "Rank": "名次",
    "Code": "编号",
    "Name": "姓名",
    "Total": "总分",
    "Award": "奖项",
    "Marks": "评分情况",
    "Tie-break: {key}": "并列比较：{key}",
    "complete": "完整",
    "incomplete ({n} missing)": "不完整（缺 {n} 项）",
    "Marks are missing: no award until they are all in": "评分不完整：补齐前不评奖",
}
