"""Issue 14's layout: what an empty table says, and what the consistency figures mean."""

MESSAGES = {
    # ui/chief/agreement_help.py
    "ICC (intraclass correlation): how closely the judges' marks for the same "
    "entries agree. ICC ≥ 0.75 good, 0.5–0.75 fair, below 0.5 poor.": (
        "ICC（组内相关系数）：各裁判给同一批选手的分数是否接近。"
        "ICC ≥ 0.75 好，0.5–0.75 一般，< 0.5 差。"
    ),
    "ICC(1,1): each entry marked by its own judges; ICC(2,1): the same judges, "
    "marks agreeing exactly; ICC(3,1): the same judges, ranking alike (a judge "
    "stricter throughout is not held against them).": (
        "ICC(1,1)：每名选手由不同裁判评分；ICC(2,1)：同一组裁判，看分数是否绝对一致；"
        "ICC(3,1)：同一组裁判，只看高低是否一致（某裁判整体偏严或偏松不计）。"
    ),
    "Kendall's W (concordance, 0 to 1): whether the judges rank the entries alike. "
    "Close to 1: they rank alike; ≥ 0.7 good, 0.5–0.7 fair, below 0.5 poor.": (
        "肯德尔 W（和谐系数，0–1）：各裁判给选手排出的名次是否一致。"
        "越接近 1 越一致；≥ 0.7 好，0.5–0.7 一般，< 0.5 差。"
    ),
    # What an empty table says (one sentence where the view is made)
    "No work teams or indicators yet. Add them with Set up…, then type each "
    "period's values here or bring them in with Import Excel….": (
        "还没有参赛班组或考核指标。请先用“设置…”添加，再在此录入每期数据，或用“导入 Excel…”导入。"
    ),
    "The period's ranking appears here once its values are in.": "录入本期数据后，本期排名在此显示。",
    "Choose a team in the ranking to see how each indicator's points "
    "were worked out.": "在排名中选择一个班组，在此查看各考核指标得分的计算过程。",
    "The cumulative ranking adds up the periods' scores; it appears once values are in.": (
        "累计排名汇总各期得分，录入数据后在此显示。"
    ),
    "No re-check sample drawn yet. Choose how many entries to check and press "
    "Draw the re-check sample, then key the paper values again in the last column.": (
        "还没有抽取复核样本。设置复核范围后点“抽取复核样本”，再在最后一列按纸质评分表重新录入。"
    ),
    "No appeals yet. When an entrant or their unit appeals, record it here with "
    "Record an appeal….": "还没有申诉。选手或其单位提出申诉后，点“登记申诉…”在此登记。",
    "No accounts yet. Fill in the form and press Add account.": (
        "还没有账户。填写右侧表单后点“添加账户”。"
    ),
    "No rows yet: press Add to add one.": "还没有内容：点“添加”新增一行。",
    "No conflicts of interest declared. When a judge may not mark an entry (a "
    "relative, a pupil…), choose the judge and press Declare for the chosen judge….": (
        "还没有申报回避。裁判不宜评某个参赛单元（亲属、师徒等）时，选择该裁判后点“为所选裁判申报回避…”。"
    ),
    "Choose a round and its rule: once the round has scores, who advances by "
    "the rule is shown here.": "选择轮次并设置晋级规则：该轮有成绩后，按规则晋级的名单在此显示。",
    "Not drawn yet. Choose the round and press Draw (or Draw every event): each "
    "entry's code appears here.": (
        "尚未抽签。选择轮次后点“抽签”（或“全部项目抽签”），各参赛单元的加密号在此显示。"
    ),
    "Choose the event, round, judge and pass above: the sheet's cells appear here "
    "to key in from the paper.": "请在上方选择项目、轮次、裁判和录入遍次，评分表即在此显示，照纸质评分表录入。",
    "No actions match. Widen the dates or clear the filters, then press Show.": (
        "没有符合条件的记录。请放宽日期或清空筛选条件后点“查询”。"
    ),
    "No standings yet: they appear here as the event's marks are entered in Scoring.": (
        "还没有成绩：在“评分”中录入本项目的分数后，排名在此显示。"
    ),
    "No entries on this board yet. Add them with Add entries… or bring a paper "
    "board in with Import a paper board….": (
        "擂台上还没有人。用“添加上擂者…”添加，或用“导入纸质擂台…”导入。"
    ),
    "No open challenges. Choose an entry on the board and press Challenge the "
    "chosen entry.": "没有进行中的挑战。在擂台上选择一人后点“向所选者发起挑战”。",
    "No bouts yet: each decided challenge is logged here.": "还没有比赛记录：每场挑战的结果都记在这里。",
    "No certificates issued yet. Choose a template and press Issue and write one "
    "PDF… once the standings are final.": (
        "还没有颁发证书。成绩确定后，选择模板并点“颁发并合成一个 PDF…”。"
    ),
    "No achievements found. Add one with New achievement…, or clear the search.": (
        "没有找到成果。用“新建成果…”添加，或清空查询条件。"
    ),
    "No files attached. Keep the proposal, reports and photos here with Attach a file….": (
        "还没有附件。用“上传附件…”保存立项书、报告和照片。"
    ),
    "No benefits recorded. Add one, with how it was computed, with Add a benefit….": (
        "还没有效益记录。用“添加效益…”登记，并写明计算方法。"
    ),
    "No studios yet. Add one with New studio….": "还没有工作室。用“新建工作室…”添加。",
    "No exchange meetings yet. Record one with New meeting….": (
        "还没有现场交流会。用“新建交流会…”登记。"
    ),
    "No discrepancies: no criterion's marks differ by more than the event's threshold.": (
        "没有分差超限：各评分项裁判间的分差都在本项目的允许范围内。"
    ),
    "No contests yet. Press New contest to set one up.": "还没有竞赛。点“新建竞赛”设置一个。",
    "No events in this contest yet. Press New event.": "本竞赛还没有项目。点“新建项目”添加。",
    "No judges in this contest yet. Fill in the form below and press Add judge.": (
        "本竞赛还没有裁判。填写下方表单后点“添加裁判”。"
    ),
    "Nobody on this event's panel yet. Choose judges on the left and press Assign to event →.": (
        "本项目裁判组还没有人。在左侧选择裁判后点“加入本项目裁判组 →”。"
    ),
    "No persons yet. Add them one by one with Add person…, or bring the roster file in "
    "with Import roster….": "还没有人员。用“添加人员…”逐个添加，或用“导入报名表…”导入名册文件。",
    "Nobody is entered in this event yet. Add entrants from the persons with the button "
    "above.": "本项目还没有参赛单元。用上方的添加按钮从人员名单中选择。",
    "Nobody matches the search.": "没有符合条件的人员。",
    "No judges in this contest yet: add them on the Contests area's Judges tab.": (
        "本竞赛还没有裁判：请在“竞赛”的“裁判”页添加。"
    ),
    "Choose an entry on the board: the places it may challenge are listed here.": (
        "在擂台上选择一人，这里列出其可以挑战的名次。"
    ),
    "No title holders yet: whoever holds place 1 at a period's close is listed here.": (
        "还没有历任擂主：每期结束时名列第一者记录在此。"
    ),
    "The rules have not been changed since the board was set up (Change the rules…).": (
        "擂台设立以来规则未修改过（用“修改规则…”修改）。"
    ),
    "No judges on this event's panel yet: assign them on the Contests area's Judges "
    "tab.": "本项目还没有裁判组：请在“竞赛”的“裁判”页分配裁判。",
    "Each judge's bias appears here once they have marked.": "裁判评分后，各裁判的偏差在此显示。",
    "The agreement figures appear once two judges or more have marked the same entries.": (
        "两名以上裁判给同一批选手评分后，一致性指标在此显示。"
    ),
    "No rollout sites yet: add them to an achievement with Rollout site….": (
        "还没有推广应用单位：在成果台账中用“推广应用…”添加。"
    ),
    "The achievement's stage changes are listed here (Move to a stage…).": (
        "成果的阶段变更记录在此（用“变更阶段…”变更）。"
    ),
}
