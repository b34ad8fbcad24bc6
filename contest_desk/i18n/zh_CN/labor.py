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
