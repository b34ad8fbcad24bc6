"""Chinese messages of the shared input limits: texts, numbers, files, the command line."""

MESSAGES = {
    # domain/limits.py
    "{field} is longer than {limit} characters ({length}): {start}…": "{field}超过 {limit} 个字符（{length} 个）：{start}…",
    "{file} is {size}; files up to {limit} are read": "{file} 有 {size}，只能读取不超过 {limit} 的文件",
    "{file} has more than {limit} rows; split it into smaller files": "{file} 超过 {limit} 行，请拆分成较小的文件",
    # domain/numbers.py
    "{field}: '{text}' is not a whole number": "{field}：“{text}”不是整数",
    "{field}: {value} is outside {low}–{high}": "{field}：{value} 超出 {low}–{high} 的范围",
    # domain/rubric.py
    "A code is longer than {limit} characters": "编号超过 {limit} 个字符",
    "{code}: the name is longer than {limit} characters": "{code}：名称超过 {limit} 个字符",
    "{code}: a rubric is at most {limit} levels deep": "{code}：评分细则最多 {limit} 层",
    # services/input_files.py
    "A cell is longer than {limit} characters": "单元格超过 {limit} 个字符",
    "This row is not valid CSV: {reason}": "此行不是有效的 CSV：{reason}",
    "{file} nests deeper than {limit} levels (line {line})": "{file} 的嵌套超过 {limit} 层（第 {line} 行）",
    "{file} holds a character that is not valid text": "{file} 含有无效的文字字符",
    # services/score_import.py (sheet fill)
    "This cell is empty": "此单元格为空",
    # services/offline_sheets.py
    "{file}: the cell '{cell}' lacks an entry code or a criterion code": "{file}：单元格“{cell}”缺少参赛编号或评分项编号",
    "A value needs an entry code and a criterion code": "每个分值都需要参赛编号和评分项编号",
    # storage/text_guard.py
    "{field} holds a character that is not valid text": "{field}含有无效的文字字符",
    # storage/db.py
    "The database stayed busy with another change (a large import?) for {seconds} s; nothing was changed: try again when it is done": "数据库被另一项修改（可能是大批量导入）占用了 {seconds} 秒，本次未做任何修改：请待其完成后重试",
    # domain/certificates.py (templates)
    "The template {template} has a brace without its pair in: {text}": "模板 {template} 中有不成对的花括号：{text}",
    "A size of {template} is {size}; it must be from {low} to {high}": "模板 {template} 的字号或尺寸为 {size}，须在 {low} 到 {high} 之间",
    "The colour of {template} is {colour}; write it as #rrggbb": "模板 {template} 的颜色为 {colour}，请写成 #rrggbb",
    # domain/signing.py (the QR code)
    "A certificate's texts ({length} characters with the signature) are more than its QR code holds; shorten the contest's, the event's or the unit's name": "证书的文字（连同签名共 {length} 个字符）超出了二维码的容量，请缩短竞赛、项目或单位的名称",
    # cli_types.py
    "'{text}' is not a whole number from {low} to {high}": "“{text}”不是 {low} 到 {high} 之间的整数",
    "{file} is not a certificate public key (an Ed25519 key in PEM form, as public-key writes it)": "{file} 不是证书公钥（须为 public-key 命令导出的 PEM 格式 Ed25519 公钥）",
}
