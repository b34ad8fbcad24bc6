"""Worker innovation studios (职工创新工作室) and their achievements (创新成果)."""

MESSAGES = {
    # domain/innovation.py
    "Proposal": "立项",
    "R&D": "研发",
    "Application": "应用",
    "Rollout": "推广",
    "Closed": "结题",
    "Not approved": "未通过",
    "Suspended": "暂停",
    "A suspended achievement resumes where it was ({stage}) before it moves on": (
        "暂停的成果须先恢复到原阶段（{stage}），才能继续推进"
    ),
    "{stage} is final: the achievement moves no more": "{stage}是最终状态：成果不能再变更阶段",
    "An achievement in rollout is not rejected; suspend or close it": (
        "推广阶段的成果不能驳回；请暂停或结题"
    ),
    "From {current} an achievement moves on to {next}, not to {target}": (
        "成果只能从{current}推进到{next}，不能直接到{target}"
    ),
    "Moving to {stage} needs a reason, kept with the move": "转入{stage}需要说明原因，原因随记录保存",
    "New profit": "新增利润",
    "Cost saved": "节约成本",
    "Energy saved": "节能降耗",
    "Other benefit": "其他效益",
    "A benefit is a positive amount of CNY; {amount} is not": "效益须为正的人民币金额，{amount} 不是",
    "A quarter is 1 to 4, not {quarter}": "季度须为 1 至 4，不能是 {quarter}",
}
MESSAGES.update(
    {
        # services/innovation*.py, attachments.py, meetings.py
        "A benefit needs the basis of its calculation": "效益须写明计算依据",
        "A completer is listed twice": "完成人重复",
        "A meeting needs its place and topic": "交流会须写明地点和主题",
        "A patent is granted after it is filed": "专利授权日期须晚于申请日期",
        "A patent needs its number": "专利须填写专利号",
        "A rollout site needs its unit": "推广应用须写明单位",
        "A studio needs a name": "工作室需要名称",
        "A studio's level is plant, oilfield or group, not {level}": (
            "工作室级别应为厂级、油田公司级或集团公司级，不能是 {level}"
        ),
        "An achievement needs a title": "成果需要名称",
        "An achievement needs at least one completer": "成果至少要有一名完成人",
        "An actual benefit needs its proof file": "实际效益须附证明材料",
        "An award needs its name and grade": "奖项须填写名称和等级",
        "Files are attached to achievements and meetings": "附件只能附在成果或交流会上",
        "It has been recommended to that level already": "已经推荐到该级别",
        "Record the approver's decision with the move": "请填写审批意见",
        "Say where the benefit was made: the studio's unit or a rollout site": (
            "请写明效益产生的单位：工作室所在单位或推广单位"
        ),
        "The proof file {file} cannot be found": "找不到证明材料 {file}",
        "There is already a studio named {name}": "已有名为“{name}”的工作室",
        "There is no achievement {id}": "没有编号为 {id} 的成果",
        "There is no attachment {id}": "没有编号为 {id} 的附件",
        "There is no recommendation {id}": "没有编号为 {id} 的推荐记录",
        "There is no studio {id}": "没有编号为 {id} 的工作室",
        "There is no {kind} {id}": "没有编号为 {id} 的 {kind}",
        "{category} is not a category of achievements": "{category} 不是成果类别",
        "{kind} is not a kind of patent": "{kind} 不是专利类型",
        "{level} is not a level to recommend to": "{level} 不是可推荐的级别",
        "{name} has been changed since it was attached: its SHA-256 differs": (
            "{name}在上传后被改动过：SHA-256 校验值不一致"
        ),
        "{name} is missing from the data directory": "{name}在数据目录中缺失",
        "{outcome} is not an outcome": "{outcome} 不是评选结果",
    }
)
MESSAGES.update(
    {
        "Technical improvement": "技术革新",
        "Tool improvement": "工具改进",
        "Process improvement": "工艺改进",
        "Software": "软件开发",
        "Management innovation": "管理创新",
        "Other": "其他",
        "Plant level": "厂级",
        "Oilfield level": "油田公司级",
        "Group level": "集团公司级",
        "Oilfield company": "油田公司",
        "Group company": "集团公司",
        "National 五小 results": "全国“五小”成果",
        "Pending": "待定",
        "Selected": "入选",
        "Awarded": "获奖",
        "Not selected": "未入选",
        "Invention patent": "发明专利",
        "Utility model": "实用新型专利",
        "Design patent": "外观设计专利",
        "Software copyright": "软件著作权",
    }
)
MESSAGES.update(
    {
        # reports/innovation_excel.py, compilation.py, services/innovation_import.py, CLI
        " (projected)": "（预计）",
        "Actual benefit (CNY)": "实际效益（元）",
        "Actual total": "实际效益合计",
        "Amount (CNY)": "金额（元）",
        "Basis of calculation": "计算依据",
        "Benefits": "效益",
        "Category": "类别",
        "Compilation of {n} achievement(s) written to {file}": "已生成 {n} 项成果的汇编：{file}",
        "Completers": "完成人",
        "Completers' employee numbers": "完成人工号",
        "Contents": "目录",
        "Description": "成果简介",
        "Finished on": "完成日期",
        "Honours": "获奖情况",
        "Ledger": "成果台账",
        "Patents": "专利",
        "Problem solved": "解决的问题",
        "Projected": "预计",
        "Projected benefit (CNY)": "预计效益（元）",
        "Proposed on": "立项日期",
        "Quarter": "季度",
        "Recommendations": "推荐情况",
        "Rollout sites": "推广应用单位",
        "Site": "单位",
        "Stage": "阶段",
        "Studio": "工作室",
        "The column {column} is missing": "缺少“{column}”列",
        "There is no studio named {name}": "没有名为“{name}”的工作室",
        "Title": "成果名称",
        "Worker innovation studios": "职工创新工作室",
        "Year": "年度",
        "import an existing ledger from Excel": "从 Excel 导入已有的成果台账",
        "imported": "台账导入",
        "no such folder": "文件夹不存在",
        "printed on the cover": "印在封面上",
        "the innovation ledger": "创新成果台账",
        "the yearly compilation (成果汇编) as PDF": "生成年度成果汇编 PDF",
        "write the ledger to Excel (every field)": "将成果台账导出到 Excel（全部字段）",
        "{kind} is not a kind of benefit": "{kind} 不是效益类型",
        "{n} achievement(s) imported": "已导入 {n} 项成果",
        "{n} achievement(s) written to {file}": "已将 {n} 项成果写入 {file}",
        "{stage} is not a stage": "“{stage}”不是成果阶段",
        "{title} is also on row {row}": "“{title}”在第 {row} 行也出现了",
        "{title} is in the ledger already": "“{title}”已在台账中",
        "{title} is not an achievement of this file": "“{title}”不是本文件中的成果",
        "{value} is not a date (YYYY-MM-DD)": "“{value}”不是日期（年-月-日）",
        "{value} is not a year": "“{value}”不是年份",
        "{year} compilation of innovation achievements": "{year}年职工创新成果汇编",
    }
)
