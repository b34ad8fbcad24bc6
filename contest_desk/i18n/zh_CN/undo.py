"""Undo and redo in the rubric editor, the roster and the certificate templates (ui/undo.py)."""

MESSAGES = {
    "Undo": "撤销",
    "Redo": "重做",
    "Undo “{what}”": "撤销「{what}」",
    "Redo “{what}”": "重做「{what}」",
    "Save template {name}": "保存模板 {name}",
    "The template {name} was saved meanwhile, elsewhere: nothing was changed; look at "
    "it again": "模板 {name} 已在别处另行保存：没有作任何更改，请重新查看",
    "Certificates were issued from the template {name}: it stays, to print them again": (
        "已有证书按模板 {name} 颁发：模板保留，以便重新打印"
    ),
    "{name} ({no}) is already in entries, teams or other records and stays on the roster": (
        "{name}（{no}）已在参赛、队伍或其他记录中，保留在名单里"
    ),
    "Take a person off the roster": "从名单中移除人员",
    "Remove a certificate template": "删除证书模板",
    "Undo, redo: a text field, marks, rubrics, persons, templates": (
        "撤销、重做：文本框中的输入，评分表中已保存的分数，评分细则、人员名单、证书模板"
    ),
    "Add {name}": "添加 {name}",
    "Edit {name}": "修改 {name}",
}
