"""The audit area's bounded reads: what it says when older rows are not shown."""

MESSAGES = {
    "Showing the newest {n} rows; older ones match too. "
    "Narrow the dates or the filters to see them.": (
        "仅显示最新的 {n} 条，更早的记录未显示；请缩小日期范围或筛选条件"
    ),
}
