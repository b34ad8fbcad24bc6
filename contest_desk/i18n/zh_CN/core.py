"""Chinese messages of the domain rules, storage and core services."""

MESSAGES = {
    # errors.py
    "row {row}": "第 {row} 行",
    "column {column}": "“{column}”列",
    "{count} problem(s), nothing imported. First: {first}": "发现 {count} 处问题，未导入任何数据。第一处：{first}",
    # domain/numbers.py
    "{field}: '{text}' is not a number": "{field}：“{text}”不是数字",
    "{field}: {value} has more than {places} decimal places": "{field}：{value} 的小数位超过 {places} 位",
    "{field}: {text} is too large": "{field}：{text} 太大",
    # domain/rubric.py
    "{code} is a group; score its sub-criteria": "{code} 是分组，请给其下的细项打分",
    "{value} is outside 0–{max} for {code}": "{code} 的分值 {value} 超出 0–{max} 的范围",
    "{value} is not a multiple of the step {step} for {code}": "{code} 的分值 {value} 不是步长 {step} 的整数倍",
    "Every criterion needs a code": "每个评分项都需要编号",
    "The code {code} is used twice": "编号 {code} 重复",
    "{code} needs a name": "{code} 需要名称",
    "{code}: the weight must be above 0": "{code}：权重必须大于 0",
    "{code} has no sub-criteria, so it needs a kind": "{code} 没有子项，需要指定类型",
    "{code}: max points must be above 0": "{code}：满分必须大于 0",
    "{code}: the step must be above 0 with at most {places} decimals": "{code}：步长必须大于 0，且最多 {places} 位小数",
    "{code}: max points {max} is not a multiple of the step {step}": "{code}：满分 {max} 不是步长 {step} 的整数倍",
    "{code}: the deduction unit must be above 0": "{code}：扣分单位必须大于 0",
    "{code}: the tolerance cannot be negative": "{code}：允差不能为负数",
    "The rubric has no criteria": "评分细则中没有评分项",
    # domain/scoring.py
    "There is no round {number}": "没有第 {number} 轮",
    # domain/aggregation.py
    "Dropping the {k} highest and {k} lowest marks needs more than {n} judges; this panel has {judges}": "去掉 {k} 个最高分和 {k} 个最低分需要多于 {n} 名裁判，本组只有 {judges} 名",
    # domain/awards.py
    "The award shares add up to more than 100 %": "各奖项比例之和超过 100%",
    "An award level has a negative value": "奖项设置中有负数",
    # domain/contest.py
    "Draft": "筹备中",
    "Open for entries": "报名中",
    "Running": "进行中",
    "Finished": "已结束",
    "Archived": "已归档",
    "An archived contest cannot be reopened": "已归档的竞赛不能重新打开",
    "A contest cannot go from {current} to {new} in one step": "竞赛状态不能从 {current} 直接变为 {new}",
    # services/contests.py
    "Theory": "理论",
    "Practical": "实操",
    "Round {number}": "第{number}轮",
    "A contest needs a name": "竞赛需要名称",
    "The end date {end} is before the start date {start}": "结束日期 {end} 早于开始日期 {start}",
    "There is no contest {id}": "没有编号为 {id} 的竞赛",
    "An event needs a name": "竞赛项目需要名称",
    "An event needs at least one part": "竞赛项目至少需要一个部分",
    "An event needs at least one round": "竞赛项目至少需要一个轮次",
    "An event needs at least one judge per entry": "每个参赛单元至少需要一名裁判",
    "Totals can be shown with 0 to 3 decimal places": "总分可保留 0 到 3 位小数",
    "The contest already has an event named {name}": "本竞赛已有名为 {name} 的项目",
    "Every {kind} weight must be above 0": "每个{kind}的权重都必须大于 0",
    "Part names must be present and different": "各部分必须有名称且互不相同",
    "The part {name} already has scores": "部分“{name}”已有成绩",
    "Round {number} already has scores": "第 {number} 轮已有成绩",
    "There is no part {id}": "没有编号为 {id} 的部分",
    "Criteria that already have scores cannot be removed or grouped": "已有成绩的评分项不能删除，也不能改为分组",
    "The code {code} is already used in another part": "编号 {code} 已在其他部分使用",
    # services/mapping.py
    "There is no event {id}": "没有编号为 {id} 的竞赛项目",
    "The event {name} has no rounds": "项目“{name}”没有轮次",
    "The event {name} has no round {number}": "项目“{name}”没有第 {number} 轮",
    # services/roster.py
    "A unit needs a name": "单位需要名称",
    "A person needs an employee number and a name": "职工需要工号和姓名",
    "The employee number {no} is already in the roster": "工号 {no} 已在名册中",
    "A team needs a name": "参赛队需要名称",
    "The contest already has a team named {name}": "本竞赛已有名为 {name} 的参赛队",
    "A team member is not in the roster": "有队员不在名册中",
    "{event} is a team event: enter a team": "{event} 是团体项目，请报名参赛队",
    "{event} is an individual event: enter a person": "{event} 是个人项目，请报名职工",
    "Already entered in {event}": "已报名 {event}",
    "There is no entry {id}": "没有编号为 {id} 的参赛单元",
    "This entry already has scores and cannot be removed": "该参赛单元已有成绩，不能删除",
    "A judge needs a user name and a name": "裁判需要用户名和姓名",
    "The contest already has a judge {username}": "本竞赛已有裁判 {username}",
    "There is no judge {id} in this contest": "本竞赛没有编号为 {id} 的裁判",
    # services/scoring.py
    "There is no judge {id}": "没有编号为 {id} 的裁判",
    "{judge} is not on the panel of {event}": "{judge} 不是 {event} 的裁判",
    "There is no entry {id} in {event}": "{event} 中没有编号为 {id} 的参赛单元",
    "{event} has no criterion {code}": "{event} 没有评分项 {code}",
    "A completion time cannot be negative": "完成用时不能为负数",
    # services/judging/scoring.py: a mark changed on two devices
    "{code} of {entry} was changed meanwhile (on another device?): it is now {now}; {value} was not saved": (
        "{entry} 的 {code} 已在别处（另一台设备？）被修改，现在是 {now}；{value} 没有保存"
    ),
    "{code} of {entry} was saved meanwhile by another device; read the sheet again": (
        "{entry} 的 {code} 刚被另一台设备保存；请重新读取评分表"
    ),
    "this entry": "该参赛单元",
}
