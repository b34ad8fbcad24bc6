"""Results that are final before they are published: provisional standings refused or
marked 暂定, the notice's state line, locking a round, the save-file dialog."""

MESSAGES = {
    # services/certificates/results.py, issuing.py
    "The standings are provisional: {rounds} not locked yet. Lock the round before "
    "publishing {what}, or have the organizer print them marked provisional (暂定)": (
        "成绩尚为暂定：{rounds}还未锁定。请先锁定轮次再发布{what}，或由组织者确认后按“暂定”打印"
    ),
    "Only an organizer may print {what} from provisional standings (marked 暂定); "
    "{rounds} not locked yet": "只有组织者可以按“暂定”打印{what}；{rounds}还未锁定",
    "the result notice": "成绩公示",
    "certificates": "荣誉证书",
    "the round was locked: the final certificate replaces the provisional one": (
        "轮次已锁定：以正式证书替换暂定证书"
    ),
    # reports/result_notice.py, certificate_pdf.py
    "Results: final, locked at {time}": "成绩状态：已锁定（{time}），为最终成绩",
    "Results: provisional (rounds not locked: {rounds}); they may still change": (
        "成绩状态：暂定（{rounds}未锁定），成绩仍可能变动"
    ),
    "Results: final (locked)": "成绩状态：已锁定，为最终成绩",
    "No.": "序号",
    "(provisional)": "（暂定）",
    "PROVISIONAL": "暂定",
    "round not locked: results may change": "轮次未锁定，成绩仍可能变动",
    # cli/certificates.py
    "{refusal} (command line: --provisional)": "{refusal}（命令行：加 --provisional）",
    "from a round not locked yet, marked 暂定 (the organizer's override, recorded)": (
        "从尚未锁定的轮次打印，标明“暂定”（组织者确认，记入审计记录）"
    ),
    # ui/notice_printing.py
    "The standings are provisional: {rounds} not locked yet, and scores may still "
    "change.\n\nPrint them anyway, marked 暂定 (provisional)? Your override is recorded "
    "in the audit trail. Lock the round first to print final results.": (
        "成绩尚为暂定：{rounds}还未锁定，成绩仍可能变动。\n\n"
        "仍要打印并标明“暂定”吗？此操作将记入审计记录。如需打印最终成绩，请先锁定轮次。"
    ),
    "Provisional standings": "暂定成绩",
    "Print marked 暂定": "打印并标明“暂定”",
    "Do not print": "不打印",
    "Save as PDF or Excel…": "保存为 PDF 或 Excel…",
    # ui/certificates/area.py
    "Results state": "成绩状态",
    # ui/save_dialog.py
    "Replace the file?": "替换文件？",
    "{file} already exists. Replace it?": "{file} 已存在。要替换它吗？",
    "Replace": "替换",
    "Do not replace": "不替换",
    # ui/round_lock.py
    "Lock {round} of {event}?": "锁定{event} {round}？",
    "Lock this round?": "锁定本轮？",
    "Once locked:\n"
    "• no score of the round can be changed any more;\n"
    "• the entrants' names are revealed, on the hall's screen too;\n"
    "• the standings are final: certificates and the result notice print as final.\n\n"
    "Only the chief judge can unlock it again, giving a reason that is recorded in the "
    "audit trail.": (
        "锁定后：\n"
        "• 本轮的分数不能再修改；\n"
        "• 选手姓名将公开，大厅屏幕上也会显示；\n"
        "• 成绩成为最终成绩：荣誉证书和成绩公示按最终成绩打印。\n\n"
        "只有裁判长可以再解锁，且须说明理由，理由记入审计记录。"
    ),
    "Lock": "锁定",
    "Do not lock": "不锁定",
    "Round locked": "轮次已锁定",
    "{round} of {event} is locked: the standings are final. Produce the result notice "
    "(成绩公示) now?": "{event} {round}已锁定，成绩为最终成绩。现在生成成绩公示吗？",
    "Save the result notice…": "保存成绩公示…",
    "Later": "以后再说",
}
