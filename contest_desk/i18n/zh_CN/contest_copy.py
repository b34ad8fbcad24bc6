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
    # 以此为模板新建竞赛 in the Contests area
    "New from this contest…": "以此为模板新建竞赛…",
    "A new contest with this one's events, rubrics, rounds, award rules, judges and panels; "
    "without its entries and scores": (
        "新建一个竞赛，沿用本竞赛的项目、评分细则、轮次、奖项规则、裁判及其分组；不含参赛单元和成绩"
    ),
    "New contest from this one": "以此为模板新建竞赛",
    "A new contest set up like {name}: its events, parts, rounds, rubrics, award rules, "
    "tie-breaks, judges with their panels and certificate templates. Entries, draws and "
    "scores are not copied.": (
        "以「{name}」为模板新建竞赛：复制其项目、组成部分、轮次、评分细则、奖项规则、"
        "并列处理规则、裁判及其分组和证书模板；参赛单元、抽签和成绩不复制。"
    ),
    "Create the contest": "新建竞赛",
    "{name} is set up like {source}. Next: import this year's roster (Import roster…), "
    "then draw (Draw tab).": (
        "「{name}」已按「{source}」设置好。下一步：导入今年的报名表（导入报名表…），"
        "然后抽签（抽签页）。"
    ),
    # the contest's draw at once
    "Draw every event": "全部项目抽签",
    "The first round of every event of the contest that has entries and no draw": (
        "为本竞赛中已有参赛单元、尚未抽签的每个项目的第一轮抽签"
    ),
    "Drawn: {events}": "已抽签：{events}",
    "Nothing to draw: every event's first round is drawn or has no entries": (
        "没有可抽签的项目：各项目的第一轮都已抽签或尚无参赛单元"
    ),
    # the contests area by kind
    "A labor competition's indicators, periods, teams and awards are set up in the Labor "
    "competitions area.": "劳动竞赛的考核指标、阶段、参赛队和奖项在“劳动竞赛”中设置。",
}
