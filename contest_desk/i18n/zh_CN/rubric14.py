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
    "({count} scores)": "（涉及成绩 {count} 条）",
    "The rubric was not saved: {reasons}": "评分细则未保存：{reasons}",
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
}
