"""Undo and redo in the rubric editor, the roster and the certificate templates (ui/undo.py)."""

MESSAGES = {
    "Undo": "撤销",
    "Redo": "重做",
    "Undo “{what}”": "撤销「{what}」",
    "Redo “{what}”": "重做「{what}」",
}
