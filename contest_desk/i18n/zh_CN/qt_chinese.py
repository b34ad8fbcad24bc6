"""Qt's own texts its zh_CN translation lacks, the audit trail's descriptions, and the
labels that had one English message id with two meanings."""

MESSAGES = {
    # Qt's file dialog (qtbase_zh_CN.qm of Qt 6.11 has "Look in:" but not these forms)
    "&Look in:": "查找范围(&L)：",
    "Files of &type:": "文件类型(&T)：",
}
