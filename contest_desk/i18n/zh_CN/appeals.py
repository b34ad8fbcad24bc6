"""Appeals (申诉)."""

MESSAGES = {
    "An appeal needs who filed it and its reason": "申诉需要填写申诉人和理由",
    "An appeal is upheld or rejected, not {outcome}": "申诉只能裁决为成立或不成立，不能是 {outcome}",
    "Write down the decision; it is kept on the record": "请写明裁决意见，意见将记入审计记录",
    "There is no appeal {id}": "没有编号为 {id} 的申诉",
    "Appeal {id} has already been decided": "申诉 {id} 已经裁决",
}
