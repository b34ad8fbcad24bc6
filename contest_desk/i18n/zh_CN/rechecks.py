"""Re-check (复核)."""

MESSAGES = {
    "There is no re-check {id}": "没有编号为 {id} 的复核",
    "That entry is not in the re-check sample": "该参赛单元不在复核抽样之中",
}
