"""Chinese messages of the command line, contest files, score import and the demo."""

MESSAGES = {
    # cli/ (entry, contests, judging, people): help
    "Contest Desk: opens the window, or runs one command without it.": (
        "竞赛管理桌面系统：不带命令时打开窗口，带命令时不开窗口直接执行。"
    ),
    "database file or SQLAlchemy URL (default: {path})": (
        "数据库文件或 SQLAlchemy 地址（默认：{path}）"
    ),
    "language of messages": "提示信息的语言",
    "write the demo contest into an empty database": "向空数据库写入演示竞赛",
    "import a roster, scores or a contest file": "导入报名表、成绩或竞赛文件",
    "import persons and entries from Excel": "从 Excel 导入职工和报名",
    "import marks from CSV: entry, judge, criterion, value": (
        "从 CSV 导入评分：entry（参赛单元）、judge（裁判）、criterion（评分项）、value（分值）"
    ),
    "import a contest file as a new contest": "把竞赛文件导入为一项新竞赛",
    "export a contest file": "导出竞赛文件",
    "write a whole contest to a JSON file": "把整项竞赛写入 JSON 文件",
    "print an event's standings": "输出竞赛项目的成绩排名",
    # cli/: results and errors
    "Demo contest written: {name} (contest {id})": "已写入演示竞赛：{name}（竞赛编号 {id}）",
    "  event {id}: {name}": "  项目编号 {id}：{name}",
    "{what}: {created} new, {updated} updated": "{what}：新增 {created}，更新 {updated}",
    "{what}: {created} new": "{what}：新增 {created}",
    "; ": "；",
    "Imported {file}: {counts}": "已导入 {file}：{counts}",
    "Imported the contest {name} as contest {id}": "已导入竞赛“{name}”，竞赛编号 {id}",
    "Contest {id} written to {file}": "竞赛 {id} 已写入 {file}",
    "{count} problem(s), nothing imported:": "发现 {count} 处问题，未导入任何数据：",
    "Error: {reason}": "错误：{reason}",
    "scores": "成绩",
    "units": "单位",
    "persons": "职工",
    "teams": "参赛队",
    "entries": "参赛单元",
    "judges": "裁判",
    # reports/standings_text.py: standings
    "Rank": "名次",
    "Code": "编号",
    "Name": "姓名",
    "Unit": "单位",
    "Total": "总分",
    "Award": "奖项",
    "Complete": "成绩完整",
    "yes": "是",
    "no": "否",
    "{event}: standings": "{event} 成绩排名",
    "* marks are missing; the entry is not ranked for awards yet": ("* 成绩尚未录齐，暂不参与评奖"),
    # services/score_import.py
    "There is no file {file}": "找不到文件 {file}",
    "{file} is not UTF-8 text; save it as “CSV UTF-8”": (
        "{file} 不是 UTF-8 文本，请另存为“CSV UTF-8（逗号分隔）”"
    ),
    "Cannot read {file}: {reason}": "无法读取 {file}：{reason}",
    "This column is missing": "缺少此列",
    "{event} has no entry '{entry}'": "{event} 中没有参赛单元“{entry}”",
    "The contest has no judge '{judge}'": "本竞赛没有裁判“{judge}”",
    "'{text}' is not a round number": "“{text}”不是轮次号",
    "The same score is already given in row {first}": "同一成绩已在第 {first} 行给出",
    "{file} holds no scores": "{file} 中没有成绩",
    # services/demo.py
    "The database already has contests; write the demo into a new database": (
        "数据库中已有竞赛，请把演示数据写入新的数据库"
    ),
    # services/transfer.py
    "The contest file does not follow its format at {path}: {reason}": (
        "竞赛文件在 {path} 处不符合格式：{reason}"
    ),
    "Cannot write {file}: {reason}": "无法写入 {file}：{reason}",
    "{file} is not a contest file": "{file} 不是竞赛文件",
    "{path}: {reason}": "{path}：{reason}",
    "{path}: {text} is not a date": "{path}：{text} 不是日期",
    "{path}: the employee number {no} is {stored} in this database, but {name} in the file": (
        "{path}：工号 {no} 在本数据库中是“{stored}”，文件中却是“{name}”"
    ),
    "{path}: the weight must be above 0": "{path}：权重必须大于 0",
    "{path}: the code {code} is used in two parts": "{path}：编号 {code} 在两个部分中使用",
    "{path}: a team event enters teams": "{path}：团体项目只能报名参赛队",
    "{path}: an individual event enters persons": "{path}：个人项目只能报名职工",
    "{path}: {value} is not in the file": "{path}：文件中没有“{value}”",
    "{path}: {value} appears twice": "{path}：“{value}”重复出现",
    "{path}: the same score appears twice": "{path}：同一成绩重复出现",
    "{path}: the same time appears twice": "{path}：同一用时重复出现",
    "{path}: the same assignment appears twice": "{path}：同一裁判分配重复出现",
    "No contests yet.": "还没有竞赛。",
    "event {id}: {name} ({entries} entries)": "项目 {id}：{name}（{entries} 个参赛单元）",
    "list contests and their events with their ids": "列出竞赛及其项目和编号",
    # cli/core.py: --format
    "output format; json is kept stable for scripts": "输出格式；json 格式保持稳定，供脚本使用",
}
