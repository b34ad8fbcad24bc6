"""Chinese messages of the roster template and roster import."""

MESSAGES = {
    # Columns and sheets of the roster template
    "Employee no.": "工号",
    "Name": "姓名",
    "Unit": "单位",
    "Job type": "工种",
    "Skill level": "技能等级",
    "Entered event": "参赛项目",
    "Team": "参赛队",
    "Roster": "报名表",
    "Instructions": "说明",
    "How to fill in the roster": "填表说明",
    "Events of this contest": "本次竞赛的项目",
    "Unknown event": "项目不存在",
    "Choose an event of this contest from the list.": "请从下拉列表中选择本次竞赛的项目。",
    "Fill in one row per person and event; a person who enters two events takes two rows.": (
        "每人每个项目填一行；一人报两个项目就填两行。"
    ),
    "Employee no., name, unit and event are required. The employee number identifies the "
    "person; a person already in the roster must keep the same name.": (
        "工号、姓名、单位和参赛项目必填。工号用来识别职工；已在名册中的职工，姓名须与名册一致。"
    ),
    'Unit: the path from the top unit down, separated by "/", e.g. Area 1/Crew 1.': (
        "单位：从上级单位到班组的路径，用“/”分隔，例如 采油一区/作业一班。"
    ),
    "Event: choose from the drop-down list; the events of this contest are listed below.": (
        "参赛项目：从下拉列表中选择；本次竞赛的项目列在下方。"
    ),
    "Team: for a team event, the team's name (rows with the same team name form one team); "
    "leave it blank for an individual event.": (
        "参赛队：团体项目填写队名（队名相同的各行组成一个队）；个人项目留空。"
    ),
    "The import is all or nothing: if any row has a problem, nothing is saved and every "
    "problem is listed with its row and column.": (
        "导入要么全部成功，要么全部不导入：只要有一行有问题，就什么都不保存，并列出每个问题所在的行和列。"
    ),
    # Reading the file
    "The file cannot be found": "找不到该文件",
    "This is not an Excel workbook (.xlsx); save it as .xlsx and try again": (
        "这不是 Excel 工作簿（.xlsx）；请另存为 .xlsx 后再试"
    ),
    "The column {column} appears twice in the header row": "表头中“{column}”列出现了两次",
    "No {column} column in the header row": "表头中没有“{column}”列",
    "This cell is required": "此项必填",
    # Checking the rows against the contest and the roster
    "There are no rows to import": "没有可导入的行",
    "Longer than {limit} characters": "超过 {limit} 个字符",
    "A unit name is longer than {limit} characters": "单位名称超过 {limit} 个字符",
    "Employee number {no} is {stored} in the roster, not {name}": (
        "工号 {no} 在名册中是{stored}，不是{name}"
    ),
    "Employee number {no} is {first} in row {row}, not {name}": (
        "工号 {no} 在第 {row} 行是{first}，不是{name}"
    ),
    "{value} differs from {seen} given for employee number {no} in row {row}": (
        "“{value}”与第 {row} 行为工号 {no} 填写的“{seen}”不一致"
    ),
    "{event} is not an event of this contest (its events: {known})": (
        "“{event}”不是本次竞赛的项目（本次竞赛的项目：{known}）"
    ),
    "{event} is a team event: give the team's name": "“{event}”是团体项目：请填写参赛队",
    "{event} is an individual event: leave the team blank": "“{event}”是个人项目：参赛队请留空",
    "Employee number {no} is already in {event} in row {row}": (
        "工号 {no} 已在第 {row} 行报名“{event}”"
    ),
    "{name} ({no}) is already entered in {event}": "{name}（{no}）已报名“{event}”",
}
