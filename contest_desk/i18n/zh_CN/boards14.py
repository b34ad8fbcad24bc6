"""Challenge boards: the rating rule (after each bout / once per period), draws (平局),
volatility shown (issue 14)."""

MESSAGES = {
    "This board's rules allow no draw: record who won": "本擂台规则不允许平局：请记录胜负",
}
