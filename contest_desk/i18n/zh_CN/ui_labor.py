"""The Labor competitions area (劳动竞赛) and its charts."""

MESSAGES = {
    "Labor competitions": "劳动竞赛",
    "By period": "各期得分",
    "Change a value": "修改数据",
    "Cumulative": "累计排名",
    "Cumulative score": "累计得分",
    "Excel template": "Excel 录入模板",
    "Excel template…": "Excel 模板…",
    "How": "计算过程",
    "Import Excel": "导入 Excel",
    "Import Excel…": "导入 Excel…",
    "Indicator": "考核指标",
    "Out of the awards of:": "取消以下评奖资格：",
    "Period: values and ranks": "本期数据与排名",
    "Points": "得分",
    "Points by indicator": "各指标得分",
    "Reason (shown with the results):": "原因（随成绩公示）：",
    "Reason:": "原因：",
    "Score race": "累计得分走势",
    "The whole competition": "整个竞赛",
    "This period": "本期",
    "Veto…": "一票否决…",
    "{contest} {period}: points by indicator": "{contest} {period}：各指标得分",
    "{contest}: the score race": "{contest}：累计得分走势",
    # ui/labor/setup_dialog.py
    "Add the period": "添加考核期间",
    "Baseline": "基准值",
    "Bonus cap": "加分上限",
    "Bonus per unit": "超目标每单位加分",
    "Direction": "方向",
    "Indicators": "考核指标",
    "New period": "新考核期间",
    "Penalty per event": "每次扣分",
    "Periods: {names}": "考核期间：{names}",
    "Save the award rule": "保存评奖规则",
    "Save the indicators": "保存考核指标",
    "Set up the labor competition": "设置劳动竞赛",
    "Set up…": "设置…",
    "higher is better": "越高越好",
    "lower is better": "越低越好",
    "none yet": "尚无",
}
# Long work run off the window's thread (ui/operations.py): the progress dialog's labels.
MESSAGES.update(
    {
        "Preparing the result notice…": "正在生成成绩公示…",
        "Writing the Excel template…": "正在生成 Excel 模板…",
        "Importing values…": "正在导入指标值…",
    }
)
