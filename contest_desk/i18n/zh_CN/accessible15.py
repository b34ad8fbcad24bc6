"""Accessible names of controls that have no label to take one from."""

MESSAGES = {
    "Score sheet: entries down, criteria across": "评分表：每行一个参赛单元，每列一个评分项",
}
