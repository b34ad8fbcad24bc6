"""Labor competitions by indicators (劳动竞赛, 考核指标)."""

MESSAGES = {
    # domain/labor.py
    "linear between baseline and target": "基准值与目标值之间线性计分",
    "linear, with a bonus beyond the target": "线性计分，超目标另加分",
    "a penalty per event": "按次扣分",
    "pass or fail": "达标得分，不达标不得分",
    "An indicator needs a code and a name": "考核指标需要编号和名称",
    "{name}: weight and points cannot be negative": "{name}：权重和分值不能为负数",
    "{name}: the target must be better than the baseline "
    "(above it when higher is better, below it when lower is)": (
        "{name}：目标值须优于基准值（越高越好时高于基准值，越低越好时低于基准值）"
    ),
    "{name}: the bonus cannot be negative": "{name}：加分不能为负数",
    "{name}: the penalty is given as a positive number": "{name}：扣分请填正数",
}
MESSAGES.update(
    {
        # services/labor*.py, reports/labor_excel.py
        "A period needs a name": "考核期间需要名称",
        "A veto needs its reason: it is shown with the results": "一票否决需要写明原因：它将随成绩公示",
        "Competition": "竞赛",
        "Assessment period": "考核期间",
        "Work team": "班组",
        "Lifting a veto needs a reason": "撤销一票否决需要说明原因",
        "One row per team; leave a cell empty when the value is not known yet.": (
            "每个班组一行；数据尚未确定的格子请留空。"
        ),
        "Row {row} must be the header: 班组 and the indicators": "第 {row} 行应为表头：班组和各项考核指标",
        "The competition has no indicator {code}": "本竞赛没有考核指标 {code}",
        "The file is for {found}, not for {period}": "文件是“{found}”的数据，不是“{period}”的",
        "The file's period {found} is not a period of this competition": (
            "文件中的考核期间“{found}”不是本竞赛的考核期间"
        ),
        "The labor competition has no indicator {code}": "本劳动竞赛没有考核指标 {code}",
        "The labor competition has no period {period}": "本劳动竞赛没有考核期间“{period}”",
        "There is already a period named {name}": "已有名为“{name}”的考核期间",
        "There is no team {id} in this competition": "本竞赛中没有编号为 {id} 的班组",
        "There is no veto {id}": "没有编号为 {id} 的一票否决记录",
        "This veto has been lifted already": "这项一票否决已经撤销",
        "Two indicators have the same code": "两个考核指标的编号相同",
        "imported from {file}": "从 {file} 导入",
        "month": "月度",
        "phase": "阶段",
        "quarter": "季度",
        "{name} already has values keyed and cannot be removed": "{name}已录入数据，不能删除",
        "{name} already has {old}: changing it needs a reason": "{name}已录入 {old}：修改需要说明原因",
        "{name} is closed: its values can no longer change": "{name}已结束：数据不能再修改",
        "{name} is counted in {unit}, not in {found}": "{name}的计量单位是“{unit}”，不是“{found}”",
        "{name} is not a labor competition": "{name}不是劳动竞赛",
        "{name} overlaps {other} ({start} – {end})": "{name}与{other}（{start} 至 {end}）时间重叠",
        "{name}: a count of events is a whole number, 0 or more": "{name}：次数须为 0 或正整数",
        "{name}: the period ends before it starts": "{name}：结束日期早于开始日期",
        "{team} is also on row {row}": "{team}在第 {row} 行也出现了",
        "{team} is not a team of this competition": "“{team}”不是本竞赛的班组",
    }
)
MESSAGES.update(
    {
        # reports/labor_report.py, cli_labor.py
        "* values are missing: the team takes no award yet": "* 数据不全：暂不参与评奖",
        "Give --period P or --cumulative, not both": "请只给出 --period P 或 --cumulative 之一",
        "Veto": "一票否决",
        "a period's name, e.g. 6月": "考核期间名称，如 6月",
        "a period's or the cumulative standings": "某一期间或累计的考核排名",
        "all periods": "累计",
        "close a period: its values become final": "结束考核期间：数据从此确定",
        "closed": "已结束",
        "final": "最终",
        "import a period's values from the Excel template": "从 Excel 模板导入某期间的考核数据",
        "labor competitions by indicators": "劳动竞赛（按考核指标）",
        "list the periods": "列出考核期间",
        "open": "进行中",
        "over every period (default)": "全部期间累计（默认）",
        "provisional": "暂定",
        "write a period's Excel template": "生成某期间的 Excel 录入模板",
        "{name} is closed: its values are final": "{name}已结束：数据已确定",
        "{n} value(s) imported into {period}": "{n} 个数据已导入{period}",
    }
)
