"""Keys that reach every control (ui/keyboard.py, ui/shortcuts.py), issue 15."""

MESSAGES = {
    "Go to the next, the previous area of the side bar": "转到侧栏的下一个、上一个区域",
    "Go to the next, the previous tab": "转到下一个、上一个选项卡",
    "Go to the next, the previous control": "转到下一个、上一个控件",
    "Open the Account, Language, Help menu": "打开“账户”“语言”“帮助”菜单",
    "Open the context menu of the control with the focus": "打开当前控件的右键菜单",
    "Press the button with the focus": "按下当前焦点所在的按钮",
}
