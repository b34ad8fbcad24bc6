"""Double entry of paper score sheets (双人录入)."""

MESSAGES = {
    "{user} keys the first pass of this sheet": "此评分表的第一遍由 {user} 录入",
    "The second pass must be keyed by someone other than the first": (
        "第二遍须由另一人录入，不能与第一遍为同一人"
    ),
    "Whoever keyed a sheet cannot confirm it": "录入者不能确认自己录入的评分表",
    "The two passes differ in {count} cell(s); settle them against the paper": (
        "两遍录入有 {count} 格不一致，请对照纸质评分表核对"
    ),
}
