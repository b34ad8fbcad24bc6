"""The Certificates area (证书), the template editor and printing."""

MESSAGES = {
    "A4 landscape": "A4 横版",
    "A4 portrait": "A4 竖版",
    "Background image": "底图",
    "Body (fields in braces)": "正文（花括号内为字段）",
    "Body size (pt)": "正文字号（磅）",
    "Cancel": "取消",
    "Cancelled: nothing was written.": "已取消：没有写入任何文件。",
    "Certificate template": "证书模板",
    "Check a certificate": "查验证书",
    "Check a certificate…": "查验证书…",
    "Colour": "颜色",
    "Edit a copy…": "编辑副本…",
    "Issue and write one PDF…": "颁发并合成一个 PDF…",
    "Issue and write one file each…": "颁发并逐人生成文件…",
    "Issued by": "颁发单位",
    "Margin (mm)": "页边距（毫米）",
    "No entry has an award yet.": "还没有获奖的参赛者。",
    "PDF (*.pdf);;Excel (*.xlsx)": "PDF 文件 (*.pdf);;Excel 文件 (*.xlsx)",
    "Paper": "纸张",
    "Print…": "打印…",
    "Re-issue": "补发证书",
    "Re-issue…": "补发…",
    "Result notice…": "成绩公示…",
    "Seal image": "印章图片",
    "Seal x, y, width, height (mm)": "印章位置与大小 x、y、宽、高（毫米）",
    "Serial": "证书编号",
    "Serial number:": "证书编号：",
    "Superseded by": "已被取代为",
    "Template": "模板",
    "Title size (pt)": "标题字号（磅）",
    "Whole event": "整个项目",
    "Write the day too": "日期写到日",
    "Writing certificates…": "正在生成证书…",
    "{name} (copy)": "{name}（副本）",
    "{old} is superseded by {new}": "{old} 已由 {new} 取代",
}
MESSAGES.update({"Print the result notice…": "打印成绩公示…"})
# Long work run off the window's thread (ui/operations.py): the progress dialog's labels.
MESSAGES.update(
    {
        "Issuing certificates…": "正在颁发证书…",
        "Checking…": "正在查验…",
        "Preparing the result notice…": "正在生成成绩公示…",
        "Writing the result notice…": "正在写入成绩公示…",
    }
)
