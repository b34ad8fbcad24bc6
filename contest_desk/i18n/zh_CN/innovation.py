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
