"""Chinese for 以此为模板新建竞赛 (copying a contest), date fields and role-aware buttons."""

MESSAGES = {
    # services / command line
    "Contest name": "竞赛名称",
    "{field}: {value} is not a date (type e.g. 2026-05-11, 2026/5/11 or 20260511)": (
        "{field}：{value} 不是日期（请输入如 2026-05-11、2026/5/11 或 20260511）"
    ),
    "Contest {source} copied as contest {id}, {name}: its events, rubrics, rounds, "
    "judges and panels; no entries or scores": (
        "已以竞赛 {source} 为模板新建竞赛 {id}「{name}」：复制了项目、评分细则、轮次、"
        "裁判及其分组；未复制参赛单元和成绩"
    ),
    "a new contest set up like SOURCE (以此为模板新建竞赛)": "以竞赛 SOURCE 为模板新建竞赛",
    "the new contest's name": "新竞赛的名称",
    "e.g. 2027-05-11; empty: not set": "如 2027-05-11；不填或“未定”：未定",
    # ui/date_field.py and the date fields that use it
    "Today": "今天",
    "e.g. 2026-05-11": "如 2026-05-11",
    "Choose on a calendar": "在日历上选择",
    "Type e.g. 2026-05-11, 2026/5/11 or 20260511, or choose on the calendar.": (
        "可输入 2026-05-11、2026/5/11 或 20260511 等，或在日历上选择。"
    ),
    "Empty or 未定: not decided yet.": "留空或填“未定”表示日期未定。",
    "{field}: a date is needed": "{field}：请填写日期",
    "Start date": "开始日期",
    "End date": "结束日期",
    "To": "至",
    "Period start": "阶段开始日期",
    "Period end": "阶段结束日期",
}
