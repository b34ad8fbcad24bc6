"""Conflicts of interest (回避) and entry assignments."""

MESSAGES = {
    "{judge} is not assigned to this entry in {round}": "{judge} 未分配评判该参赛单元（{round}）",
    "{judge} has a conflict of interest with this entry": "{judge} 与该参赛单元有利害关系，需回避",
    "Say what the conflict is; it is kept on the record": "请说明回避原因，原因将记入审计记录",
    "There is no person {id}": "没有编号为 {id} 的人员",
    "There is no conflict to override for this judge and entry": (
        "该裁判与该参赛单元之间没有需要解除的回避关系"
    ),
    "{round} already has scores: change its assignments by hand": (
        "{round}已有成绩：请手工调整分配"
    ),
    "No judge is on the panel of {event} yet": "{event} 还没有裁判",
    "{judge} has a conflict of interest with this entry; "
    "an organizer must override it with a reason first": (
        "{judge} 与该参赛单元有利害关系需回避；须由组织者说明理由解除后才能分配"
    ),
    "{judge} has already marked this entry and cannot be taken off it": (
        "{judge} 已为该参赛单元评分，不能取消分配"
    ),
    # cli.py
    "There is no person with the employee number {no}": "没有员工编号为 {no} 的人员",
    "declared": "申报回避",
    "same unit": "同单位回避",
    "overridden: {reason}": "已解除：{reason}",
    "Conflict recorded": "已登记回避关系",
    "Conflict overridden": "已解除回避",
    "conflicts of interest": "回避关系",
    "list an event's conflicts": "列出项目的回避关系",
    "declare a judge's conflict with a person": "登记裁判与某人的回避关系",
    "let a conflicted judge mark an entry": "解除回避，允许该裁判评判该参赛单元",
}
