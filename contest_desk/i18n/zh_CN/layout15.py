"""Issue 15: the contests area's rows rearranged to fit a 1280-px window at a larger font,
and the names of controls the accessible-name walk now reaches (tab pages, scrolled pages)."""

MESSAGES = {
    "Trainee judge": "见习裁判",
    "Awaiting selection at": "待评选级别",
}
