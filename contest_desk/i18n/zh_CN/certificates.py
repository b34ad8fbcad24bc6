"""Certificates (荣誉证书), their verification, and result notices (成绩公示)."""

MESSAGES = {
    # domain/certificates.py
    "The template {template} uses the field {{{field}}}, which certificates "
    "do not have (they have: {fields})": (
        "模板“{template}”用到了字段 {{{field}}}，证书没有这个字段（可用：{fields}）"
    ),
    "The margin of {template} is out of range": "模板“{template}”的页边距超出范围",
}
