"""Chinese for the names that replace raw identifiers (issue 14, plain names)."""

MESSAGES = {
    # domain/plain_names.py
    "{n} bytes": "{n} 字节",
    "Landscape (A4 across)": "横版（A4 横向）",
    "Portrait (A4 upright)": "竖版（A4 纵向）",
    "System (automatic)": "系统（自动）",
    "no. {n}": "第{n}位",
    "{unit}, {number}": "{unit}，{number}",
    "{name} ({detail})": "{name}（{detail}）",
    # cli/certificates.py
    "There is no certificate template {name}; --template takes: {choices}": (
        "没有证书模板 {name}；--template 可选：{choices}"
    ),
    "{id}: {name}": "{id}：{name}",
    "the certificate template: {choices}, or a contest's own by the name it was saved"
    " under (default: landscape)": (
        "证书模板：{choices}，或本竞赛自己保存的模板名称（默认：landscape）"
    ),
    # reports/paper_sheet.py
    "{event} {round}: {count} of {total} entries have no drawn code yet. Draw the"
    " round's codes first (Contests → Draw): a paper sheet names each entry only by"
    " its code, so that judges mark blind": (
        "{event} {round}：{total} 个参赛单元中有 {count} 个还没有抽签号。请先抽签"
        "（在“竞赛 → 抽签”中进行）：纸质评分表只用加密号标明参赛单元，裁判才能盲评"
    ),
    # ui/paper/area.py
    "List no. {n}": "名单第{n}位",
    "{count} entry(ies) have no drawn code yet: each is shown by its place in the "
    "entry list, and the round's paper sheets print once every entry has its code.": (
        "有 {count} 个参赛单元还没有抽签号：以其在参赛名单中的位次显示；"
        "全部抽签后才能打印本轮的纸质评分表。"
    ),
}
