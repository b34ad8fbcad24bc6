"""The contests area's rows rearranged to fit a 1280-px window at a larger font (issue 15)."""

MESSAGES = {
    "Trainee judge": "见习裁判",
}
