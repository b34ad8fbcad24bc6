"""Chinese messages of office files: CSV encodings, locked files, Excel sheets, times."""

MESSAGES = {
    # domain/table_files.py
    "{file} is an Excel workbook, not a CSV file: save it as CSV and try again": (
        "{file} 是 Excel 工作簿，不是 CSV 文件：请另存为 CSV 后重试"
    ),
    "{file} is not a text file: save it from Excel or WPS as CSV and try again": (
        "{file} 不是文本文件：请在 Excel 或 WPS 中另存为 CSV 后重试"
    ),
    "This file is neither UTF-8 nor GB18030/GBK text; save it from Excel or WPS as "
    "“CSV UTF-8” or “CSV” and try again": (
        "文件编码无法识别：既不是 UTF-8，也不是 GB18030/GBK 文本。"
        "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后重试"
    ),
    "The file is open in another program or cannot be read: {file}; close it and try again": (
        "文件正被其他程序打开或没有读取权限：{file}，请关闭后重试"
    ),
    # reports/files.py
    "The file is open in another program or cannot be written: {file}; "
    "close it and try again": "文件正被其他程序打开或没有写入权限：{file}，请关闭后重试",
    # domain/numbers.py: times typed as 分:秒
    "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds": (
        "{field}：“{text}”不是时间，请按“分:秒”（如 12:34）或秒数填写"
    ),
    "{field}: '{text}' is not a time; minutes and seconds go up to 59": (
        "{field}：“{text}”不是时间，分和秒最大为 59"
    ),
    "{field}: a time cannot be negative": "{field}：时间不能为负数",
    # ui/scoring: the completion time column, 导入成绩…
    "Time (min:s)": "用时（分:秒）",
    "Show a column for each entry's time, typed as min:s (12:34) or seconds": (
        "显示每个参赛单元的完成用时，按“分:秒”（如 12:34）或秒数填写"
    ),
    "Completion time as min:s (12:34) or seconds, used to break ties": (
        "完成用时，按“分:秒”（如 12:34）或秒数填写，用于并列时排序"
    ),
    "Import scores…": "导入成绩…",
    "Import scores": "导入成绩",
    "A CSV file of marks (参赛编号/工号, 裁判, 评分项, 分值, optional 轮次; "
    "UTF-8 or GBK): every row is checked and all are imported, or none": (
        "CSV 成绩文件（列：参赛编号/工号、裁判、评分项、分值，可选轮次；UTF-8 或 GBK 编码）："
        "逐行检查，全部导入或全部不导入"
    ),
    "CSV files (*.csv *.txt)": "CSV 文件 (*.csv *.txt)",
    "Imported {file}: {created} new marks, {updated} replaced": (
        "已导入 {file}：新增 {created} 个分数，替换 {updated} 个"
    ),
    # cli/core.py: --out
    "write the table to a file instead of printing it: FILE.csv, which Excel and "
    "WPS open in Chinese, or FILE.xlsx for an event's standings": (
        "把表格写入文件而不打印：FILE.csv（Excel 和 WPS 打开即为中文），"
        "或 FILE.xlsx（仅限项目成绩排名）"
    ),
    "--out takes a file name ending in {suffixes}": "--out 的文件名须以 {suffixes} 结尾",
    "Written to {file}": "已写入 {file}",
    # a roster as CSV (reports/roster_excel.py, cli/people.py, ui/contests/roster_tab.py)
    "import persons and entries from Excel, or from CSV (UTF-8 or GBK)": (
        "从 Excel 或 CSV（UTF-8 或 GBK 编码）导入职工和报名"
    ),
    "Excel or CSV (*.xlsx *.csv)": "Excel 工作簿或 CSV 文件 (*.xlsx *.csv)",
}
