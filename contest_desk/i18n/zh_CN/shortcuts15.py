"""The window's standard keys and their list under Help (ui/shortcuts.py)."""

MESSAGES = {
    "New": "新建",
    "Open or import a file": "打开或导入文件",
    "Save": "保存",
    "Print": "打印",
    "Find": "查找",
    "Refresh": "刷新",
    "Quit": "退出",
    "“{command}” does nothing here": "此处没有“{command}”可做",
    "Go to the first … ninth area of the side bar": "转到侧栏的第一个……第九个区域",
    "Help for the area shown": "当前区域的帮助",
    "In a grid: save the cell and move on": "在表格中：保存本格并移到下一格",
    "In the scoring grid: clear the cell": "在评分表中：清除本格",
    "Undo, redo: in a text field, and the scoring grid's saved marks": "撤销、重做：文本框中，以及评分表中已保存的分数",
    "Keyboard shortcuts": "快捷键",
    "Shortcut": "按键",
    "What it does": "作用",
}
