"""No lost update (issue 16): a save from a stale form refused, naming who changed what."""

MESSAGES = {
    # errors.StaleEdit
    "{thing} was changed by {who} at {at} ({changes}). Look at what it holds now and make "
    "your change again.": "{thing}已被 {who} 于 {at} 修改（{changes}）。请查看最新内容后重新修改。",
    "{thing} was changed by {who} at {at}. Look at what it holds now and make your change "
    "again.": "{thing}已被 {who} 于 {at} 修改。请查看最新内容后重新修改。",
    "{field}: {old} → {new}": "{field}：{old} → {new}",
    "someone else": "他人",
    "(changed)": "（已修改）",
    # what was changed
    "This person": "此人员",
    "This contest": "此竞赛",
    "This event": "此项目",
    "This rubric": "此评分细则",
    "This certificate template": "此证书模板",
    "This achievement": "此创新成果",
    "These indicators": "考核指标",
    "These board rules": "擂台规则",
    "This award rule": "评奖规则",
    "This advance rule": "晋级规则",
    # the fields named
    "Contest name": "竞赛名称",
    "Event name": "项目名称",
    "Organizing unit": "主办单位",
    "End date": "结束日期",
    "Aggregation across judges": "裁判分汇总方式",
    "Judges per entry": "每个参赛单元的裁判数",
    "Decimal places": "保留小数位数",
    "Tie-breaks": "并列规则",
    "Award rule": "评奖规则",
    "Discrepancy threshold": "分差提示阈值",
    "Parts": "组成部分",
    # the person's form (ui/contests/person_dialog.py)
    "Edit person": "修改人员信息",
    "Reapply my changes": "重新应用我的修改",
    "Put the values you typed back into the form, to save them": "把您填写的内容放回表中，以便再次保存",
    "{message}\nThe form now shows what is stored. Your values: {values}": (
        "{message}\n表中已换成最新内容。您填写的是：{values}"
    ),
    "{field}: {value}": "{field}：{value}",
    "Saved {name}.": "已保存 {name}。",
    "{message} Reapply my changes puts your draft back.": (
        "{message}点击“重新应用我的修改”可恢复您的草稿。"
    ),
    # the audit trail
    "Edit a person": "修改人员信息",
}
