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
}
