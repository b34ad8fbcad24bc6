"""Paper score sheets (纸质评分表)."""

MESSAGES = {
    "{count} paper score sheet(s) written to {path}": "已将 {count} 份纸质评分表写入 {path}",
    "paper score sheets of a round, as PDF": "打印一轮的纸质评分表（PDF）",
    "Score sheet": "评分表",
    "Judge: {judge}    Date: ______________": "裁判：{judge}　　日期：______年____月____日",
    "max {max}, step {step}": "满分 {max}，步长 {step}",
    "◆ entered once for the entry (measurement or deduction)": (
        "◆ 每个参赛单元只录入一次（测量分或扣分）"
    ),
    "Judge's signature: ______________    Chief judge's check: ______________": (
        "裁判签名：______________　　裁判长审核：______________"
    ),
    "Page {n} of {m}": "第 {n} 页 共 {m} 页",
}
