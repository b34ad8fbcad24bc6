"""Keying paper score sheets twice (双人录入)."""

MESSAGES = {
    "Paper sheets": "纸质评分表",
    "First keying": "第一遍录入",
    "Second keying (blind)": "第二遍录入（盲录）",
    "Confirm the sheet": "确认评分表",
    "Pass": "录入遍次",
    "First keyed by {first}; {mismatches} differ, {missing} in one pass only": (
        "第一遍由 {first} 录入；{mismatches} 格不一致，{missing} 格仅一遍录入"
    ),
    "; confirmed by {user}": "；已由 {user} 确认",
}
