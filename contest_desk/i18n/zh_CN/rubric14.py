"""Chinese texts of the rubric's Excel import and export, its keyboard and its change
warnings (domain/rubric_changes.py, domain/rubric_table.py, reports/rubric_excel.py,
services/contests/rubric_import.py, cli/rubric.py, ui/contests/rubric_*.py)."""

MESSAGES = {
    # domain/rubric_changes.py
    "new": "新增",
    "removed": "删除",
    "name {old} → {new}": "名称 {old} → {new}",
    "kind {old} → {new}": "类型 {old} → {new}",
    "max points {old} → {new}": "满分 {old} → {new}",
    "step {old} → {new}": "步长 {old} → {new}",
    "weight {old} → {new}": "权重 {old} → {new}",
    "measurement rule changed": "测量规则已修改",
    "moved under {new}": "移到 {new} 之下",
    "now has sub-criteria": "改为含子项",
    "no longer has sub-criteria": "不再含子项",
    "group": "分组",
    "the top level": "顶层",
    "{code} {name}: {changes}": "{code} {name}：{changes}",
    "{text} ({count} scores)": "{text}（涉及成绩 {count} 条）",
    "The rubric was not saved: {reasons}": "评分细则未保存：{reasons}",
    "{code} {name}: {rounds} is locked; unlock it before changing how its scores count": (
        "{code} {name}：{rounds}已锁定，须先解锁才能修改其成绩的计算方式"
    ),
    "{code} {name} already has scores ({count}) and cannot be removed": (
        "{code} {name} 已有成绩（{count} 条），不能删除"
    ),
    "{code} {name} already has scores ({count}) and cannot get sub-criteria": (
        "{code} {name} 已有成绩（{count} 条），不能改为含子项"
    ),
    "{code} {name} already has scores ({count}): its kind cannot change": (
        "{code} {name} 已有成绩（{count} 条），类型不能修改"
    ),
    "{code} {name} already has scores: {unfit} of its {count} do not fit max points "
    "{max} in steps of {step}": (
        "{code} {name} 已有成绩：{count} 条中有 {unfit} 条不符合满分 {max}、步长 {step}"
    ),
    # domain/rubric_table.py
    "The event has no part {name}; its parts: {parts}": "项目中没有“{name}”这一部分；现有：{parts}",
    "Say which part this criterion belongs to": "请填写该评分项所属的组成部分",
    "Only a measurement criterion has a rule": "只有测量分评分项才有测量规则",
    "{code} has sub-criteria, so it takes no kind": "{code} 含子项，不填类型",
    "{code}: max points {max} differ from its sub-criteria's total {total} (or leave the cell "
    "blank)": "{code}：满分 {max} 与子项合计 {total} 不符（也可留空）",
    "{value} is not a kind; write one of {choices}": "“{value}”不是评分类型，请填写：{choices}",
    "{value} is not a rule; write one of {choices}": "“{value}”不是测量规则，请填写：{choices}",
    "The code {code} is used in the parts {first} and {second}": (
        "编号 {code} 在“{first}”和“{second}”中重复使用"
    ),
    # reports/rubric_excel.py
    "How to fill in the rubric": "评分细则填写说明",
    "One row per criterion. Part: the event's part (理论, 实操 …); a blank part cell "
    "belongs to the part above it.": "每个评分项一行。组成部分：项目的组成部分（理论、实操等）；"
    "留空表示与上一行相同。",
    "Sub-criteria: by indenting the name (Excel's Increase Indent), or, where no name "
    "is indented, by code (A1.2 is under A1, A1 under A, when that row has no kind). A row "
    "without a code is a sub-criterion of the row above it and is numbered after it.": (
        "子项：按名称的缩进（Excel 的“增加缩进量”）确定；名称都未缩进时按编号确定（A1.2 属于 "
        "A1，A1 属于 A，前提是该行未填类型）。没有编号的行是上方有编号行的子项，导入时自动编号。"
    ),
    "Kind: Judgement (every judge marks it), Measurement (one measured value, turned into "
    "points by its rule) or Deduction (penalty points). Blank: Judgement.": "类型：评判分"
    "（每位裁判评分）、测量分（录入一个测量值，按测量规则折算）或扣分（违规扣分）。留空为评判分。",
    "A criterion with sub-criteria takes no kind; its max points, if written, must be "
    "the total of its sub-criteria.": "含子项的评分项不填类型；如填写满分，须等于子项合计。",
    "Rule (measurements only): Direct, Pass/fail or Linear deduction, with target, "
    "tolerance, deduction per unit and unit of excess.": "测量规则（仅测量分）：直接计分、"
    "合格/不合格或按超差扣分，并填写目标值、允差、每单位扣分和超差单位。",
    "Blank step: 0.5; blank weight: 1. The import is all or nothing: every problem is "
    "listed with its sheet, row and column, and nothing is changed.": "步长留空为 0.5，"
    "权重留空为 1。导入要么全部成功，要么不做任何修改：每个问题都会列出所在工作表、行和列。",
    "No sheet has a header row with the columns {columns}": "没有哪个工作表的表头包含以下列：{columns}",
    # services/contests/rubric_import.py
    "The code {code} is already used in the part {part}": "编号 {code} 已在“{part}”中使用",
    "The workbook has no sheet {sheet}; its rubric sheets: {sheets}": (
        "工作簿中没有工作表“{sheet}”；含评分细则的工作表：{sheets}"
    ),
    "The workbook has several rubric sheets ({sheets}) and none is named {event}: "
    "say which one": "工作簿中有多个评分细则工作表（{sheets}），没有一个名为“{event}”：请指定一个",
    # cli/rubric.py
    "Give exactly one of --event and --contest": "请在 --event 和 --contest 中指定一个",
    "Rubric of {events} event(s), {criteria} criteria, written to {file}": (
        "已将 {events} 个项目的评分细则（{criteria} 个评分项）写入 {file}"
    ),
    "{file}, sheet {sheet}": "{file}，工作表“{sheet}”",
    "Scores affected: {change}": "涉及已有成绩：{change}",
    "{count} change(s) touch criteria that already have scores; nothing imported. "
    "Run again with --yes to import them": (
        "{count} 处修改涉及已有成绩的评分项，未导入任何数据。确认导入请加 --yes 重新运行"
    ),
    "import changes that touch stored scores too": "涉及已有成绩的修改也导入",
    "{part}: {count} criteria": "{part}：{count} 个评分项",
    "Imported {file} into {event}: {parts}": "已将 {file} 导入“{event}”：{parts}",
    "rubrics (评分细则) in Excel": "评分细则的 Excel 导入导出",
    "write rubrics to an Excel file, one sheet per event": "将评分细则写入 Excel 文件，每个项目一个工作表",
    "every event of the contest": "竞赛的全部项目",
    "import an Excel rubric into an event's parts, all or nothing": (
        "将 Excel 评分细则导入项目的各组成部分，要么全部导入，要么不做修改"
    ),
    "the sheet to read, when there are several": "有多个工作表时，指定要读取的工作表",
    # ui/contests/rubric_editor.py and rubric_files.py
    "Import from Excel…": "从 Excel 导入…",
    "Replace the rubric of the parts a sheet names; nothing changes on a problem": (
        "替换工作表中列出的各组成部分的评分细则；有任何问题则不做修改"
    ),
    "Export to Excel…": "导出 Excel…",
    "Every part of the event, one row per criterion": "项目的全部组成部分，每个评分项一行",
    "… and {count} more": "……另有 {count} 项",
    "These changes touch criteria that already have scores; the results will change "
    "and the audit trail keeps what changed:": "以下修改涉及已有成绩的评分项，成绩结果将随之改变，"
    "修改内容会记入操作日志：",
    "Scores are affected": "涉及已有成绩",
    "{event} rubric.xlsx": "{event}评分细则.xlsx",
    "Export rubric to Excel": "导出评分细则到 Excel",
    "Writing the rubric…": "正在写入评分细则…",
    "The saved rubric was written to {file}.": "已保存的评分细则已写入 {file}。",
    "Import rubric from Excel": "从 Excel 导入评分细则",
    "The file has several rubric sheets. Which one is this event's?": (
        "文件中有多个评分细则工作表，哪一个是本项目的？"
    ),
}
