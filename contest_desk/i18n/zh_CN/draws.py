"""Draws (抽签) and anonymous codes (加密号)."""

MESSAGES = {
    "A draw needs a seed": "抽签需要一个种子",
    "An entry appears twice in the draw": "有参赛单元在抽签中出现了两次",
    "There is no code {code} in this draw": "本次抽签中没有加密号 {code}",
    "{round} has not been drawn yet": "{round}尚未抽签",
    "{round} has been re-coded already": "{round}已经二次加密过了",
    "The second coding must be done by someone other than the first": (
        "二次加密须由另一人完成，不能与第一次抽签为同一人"
    ),
    "{round} already has scores: a draw now would mix codes": (
        "{round}已有成绩：此时抽签会造成加密号混乱"
    ),
    "{round} has been drawn already": "{round}已经抽过签",
    "Nobody is entered in {event} yet": "{event} 还没有参赛单元",
    # cli.py
    "Draw, layer {layer}, seed {seed}:": "抽签（第 {layer} 层，种子 {seed}）：",
    "Judges assigned to every entry": "已为每个参赛单元分配裁判",
    "entry {id} lacks {n} judge(s)": "参赛单元 {id} 还缺 {n} 名裁判",
    "draw the anonymous codes of a round": "为一轮抽签，生成加密号",
    "the seed (a fresh one when left out)": "种子（不填则新生成）",
    "code prefix, e.g. A": "加密号前缀，如 A",
    "workstations, in turn": "工位，依次轮用",
    "the second coding, by a second person": "二次加密（须由另一人执行）",
    "give each entry its judges, balanced": "为每个参赛单元均衡分配裁判",
    # ui/contests/draw_tab.py
    "Draw": "抽签",
    "Layer {layer}, seed {seed}, drawn by {user}": "第 {layer} 层，种子 {seed}，由 {user} 抽签",
    "empty: a fresh seed": "留空则新生成种子",
    "e.g. station 1, station 2 (optional)": "如 1号工位, 2号工位（可不填）",
    "Second coding": "二次加密",
    "Order": "顺序",
    "Workstation": "工位",
    "Seed": "种子",
    "Code prefix": "加密号前缀",
    "Workstations": "工位",
}
