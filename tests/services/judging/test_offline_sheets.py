"""Score-sheet files for offline laptops: signed by the desk (blank) and by the judge with a
key from their password (filled); refused when the marks were changed or re-signed by
anyone holding the file alone, or for another judge; importing twice changes nothing;
conflicts shown side by side and nothing overwritten."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from contest_desk.domain.sheet_signing import (
    BLANK_LEAVES_OUT,
    JudgeKey,
    desk_seal,
    judge_sign,
    new_judge_key,
    signed_bytes,
    unb64,
)
from contest_desk.errors import ImportRejected, UserError
from contest_desk.services.hub import Services
from contest_desk.services.judging.offline_sheets import fill_sheet_file
from contest_desk.storage import models as m
from tests.builders import SmallEvent

D = Decimal
PASSWORDS = {"j1": "j1-sheets-2026", "j2": "j2-sheets-2026"}


def with_accounts(services: Services) -> None:
    """The small event's first two judges get accounts (the third has none)."""
    for username, password in PASSWORDS.items():
        services.users.add_user(username, username, password, ["judge"])


def exported(services: Services, small: SmallEvent, tmp_path: Path) -> tuple[Path, list[str]]:
    with_accounts(services)
    services.draws.run(small.event.id, 1, seed="offline", prefix="A")
    path = services.offline_sheets.export(
        small.event.id, 1, small.judges[0].id, tmp_path / "j1.json"
    )
    codes = [e["code"] for e in json.loads(path.read_text("utf-8"))["entries"]]
    return path, codes


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def marks(services: Services, small: SmallEvent) -> dict[tuple[int, str], Decimal]:
    return dict(services.scoring.sheet(small.event.id, 1, small.judges[0].id).values)


def test_a_filled_sheet_comes_back_once(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    data = load(path)
    assert set(codes) == {e.code for e in services.roster.entries(small_event.event.id)}
    text = json.dumps(data, ensure_ascii=False)
    labels = [e.label for e in services.roster.entries(small_event.event.id)]
    assert not any(label in text for label in labels)  # blind: codes only
    fill_sheet_file(path, {(code, "P1"): "8.5" for code in codes}, PASSWORDS["j1"])
    result = services.offline_sheets.import_file(path)
    assert (result.stored, result.unchanged) == (4, 0)
    sheet = services.scoring.sheet(small_event.event.id, 1, small_event.judges[0].id)
    assert sorted(v for (_, c), v in sheet.values.items() if c == "P1") == [D("8.5")] * 4
    again = services.offline_sheets.import_file(path)
    assert (again.stored, again.unchanged) == (0, 4)
    assert marks(services, small_event) == sheet.values


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _raw_public(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _decodings(text: str) -> list[bytes]:
    """Every 32-byte string a text could be read as: hex, base64url, or inside a $-record."""
    found = []
    for word in re.split(r"[$|:,\s]", text):
        for decode in (bytes.fromhex, unb64):
            with contextlib.suppress(ValueError):
                found.append(decode(word))
    return [b for b in found if len(b) == 32]


def test_the_file_holds_no_key_that_can_sign(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    fill_sheet_file(path, {(codes[0], "P1"): "8"}, PASSWORDS["j1"])
    data = load(path)
    assert "key" not in data  # the old format's HMAC key
    with services.ctx.db.reading() as s:
        kept = s.scalar(select(m.SheetKey.key))
        account = s.scalar(select(m.User.signing_key).where(m.User.username == "j1"))
    assert kept is not None and account is not None
    # What the database keeps for the export is a public key: it checks the desk's
    # signature, and it is the only key of the file that the database holds.
    desk = Ed25519PublicKey.from_public_bytes(unb64(kept))
    desk.verify(unb64(data["desk_signature"]), signed_bytes(data, BLANK_LEAVES_OUT))
    assert data["desk_key"] == kept and data["judge"]["signing_key"] == account
    judge = JudgeKey.parse(account)
    assert judge is not None
    publics = {_raw_public(desk), judge.public}
    # No 32-byte string in the file is the private half of either key, nor the judge's
    # seed, nor does the password itself appear.
    texts = _strings(data)
    assert not any(PASSWORDS["j1"] in t for t in texts)
    for candidate in (b for t in texts for b in _decodings(t)):
        assert _raw_public(Ed25519PrivateKey.from_private_bytes(candidate)) not in publics


def _forge(data: dict[str, Any], how: str) -> None:
    """What anyone holding the file alone can do after changing marks: sign again with
    a key they can make (the old format handed them its HMAC key)."""
    if "key" in data:  # the format this replaced: re-signing was this easy
        body = {k: v for k, v in data.items() if k not in ("signature", "key")}
        text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        key = bytes.fromhex(data["key"])
        data["signature"] = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        return
    if how == "own key":  # the judge's signature made with a key of their own
        judge_sign(data, Ed25519PrivateKey.generate())
    elif how == "own judge key":  # … and that key's record put in place of the judge's
        data["judge"]["signing_key"] = new_judge_key("forger-2026").text()
        judge_sign(data, JudgeKey.parse(data["judge"]["signing_key"]).private_key("forger-2026"))
    elif how == "own desk and judge keys":  # … and the blank part sealed again as well
        data["judge"]["signing_key"] = new_judge_key("forger-2026").text()
        desk_seal(data)
        judge_sign(data, JudgeKey.parse(data["judge"]["signing_key"]).private_key("forger-2026"))


@pytest.mark.parametrize("how", ["own key", "own judge key", "own desk and judge keys"])
def test_marks_re_signed_by_someone_with_the_file_alone_are_refused(
    services, small_event, tmp_path, how
) -> None:
    path, codes = exported(services, small_event, tmp_path)
    data = load(path)
    if "key" not in data:  # the judge fills it in first (the old format needed no password)
        fill_sheet_file(path, {(codes[0], "P1"): "6"}, PASSWORDS["j1"])
        data = load(path)
    data["values"][f"{codes[0]}|P1"] = "10"
    data["values"][f"{codes[1]}|P1"] = "10"
    _forge(data, how)
    save(path, data)
    with pytest.raises(UserError, match="拒绝导入"):
        services.offline_sheets.import_file(path)
    assert marks(services, small_event) == {}


def test_changed_marks_or_a_changed_blank_part_are_refused(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    fill_sheet_file(path, {(codes[0], "P1"): "8"}, PASSWORDS["j1"])
    data = load(path)
    data["values"][f"{codes[0]}|P1"] = "10"
    save(path, data)
    with pytest.raises(UserError, match=r"j1\.json 中的分数不是 裁判1 签名的"):
        services.offline_sheets.import_file(path)
    data["values"][f"{codes[0]}|P1"] = "8"
    data["criteria"][0]["max"] += "0"  # ten times the points
    save(path, data)
    with pytest.raises(UserError, match="签名后被修改"):
        services.offline_sheets.import_file(path)
    with pytest.raises(UserError, match="签名后被修改"):  # the laptop sees it too
        fill_sheet_file(path, {(codes[1], "P1"): "8"}, PASSWORDS["j1"])
    data["file_id"] = "0" * 32
    save(path, data)
    with pytest.raises(UserError, match="不是从本数据库导出"):
        services.offline_sheets.import_file(path)
    assert marks(services, small_event) == {}


def test_a_sheet_for_another_judge_is_refused(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    blank = path.read_bytes()
    # j2 knows only their own password: the laptop refuses it for j1's sheet …
    with pytest.raises(UserError, match="密码与用户 j1 不符"):
        fill_sheet_file(path, {(codes[0], "P1"): "9"}, PASSWORDS["j2"])
    assert path.read_bytes() == blank
    # … and marks signed with j2's key, or j1's sheet relabelled as j2's, are refused.
    with services.ctx.db.reading() as s:
        record = s.scalar(select(m.User.signing_key).where(m.User.username == "j2"))
    j2 = JudgeKey.parse(record)
    assert j2 is not None
    data = load(path)
    data["values"][f"{codes[0]}|P1"] = "9"
    judge_sign(data, j2.private_key(PASSWORDS["j2"]))
    save(path, data)
    with pytest.raises(UserError, match="不是 裁判1 签名的"):
        services.offline_sheets.import_file(path)
    data["judge"] = {"username": "j2", "name": "裁判2", "signing_key": record}
    judge_sign(data, j2.private_key(PASSWORDS["j2"]))
    save(path, data)
    with pytest.raises(UserError, match="签名后被修改"):
        services.offline_sheets.import_file(path)
    assert marks(services, small_event) == {}


def test_a_wrong_password_at_fill_writes_nothing(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    blank = path.read_bytes()
    with pytest.raises(UserError, match="密码与用户 j1 不符"):
        fill_sheet_file(path, {(codes[0], "P1"): "8"}, "not-the-password")
    assert path.read_bytes() == blank
    with pytest.raises(UserError, match="尚未由 裁判1 填写并签名"):
        services.offline_sheets.import_file(path)


def test_an_old_format_file_is_refused(services, small_event, tmp_path) -> None:
    path, codes = exported(services, small_event, tmp_path)
    data = load(path)
    data.update(version=1, key="ab" * 32)
    save(path, data)
    with pytest.raises(UserError, match=r"自带密钥的旧版评分表文件.*请重新导出"):
        services.offline_sheets.import_file(path)
    with pytest.raises(UserError, match="旧版评分表文件"):
        fill_sheet_file(path, {(codes[0], "P1"): "8"}, PASSWORDS["j1"])


def test_a_password_changed_after_the_export_needs_a_new_export(
    services, small_event, tmp_path
) -> None:
    path, codes = exported(services, small_event, tmp_path)
    services.users.set_password("j1", "j1-new-password")
    fill_sheet_file(path, {(codes[0], "P1"): "8"}, PASSWORDS["j1"])  # the file's key
    with pytest.raises(UserError, match="导出后 j1 的密码已更改"):
        services.offline_sheets.import_file(path)
    again = services.offline_sheets.export(
        small_event.event.id, 1, small_event.judges[0].id, tmp_path / "again.json"
    )
    fill_sheet_file(again, {(codes[0], "P1"): "8"}, "j1-new-password")
    assert services.offline_sheets.import_file(again).stored == 1


def test_a_judge_needs_an_account_with_a_signing_key(services, small_event, tmp_path) -> None:
    with_accounts(services)
    judge3 = small_event.judges[2].id
    with pytest.raises(UserError, match="裁判3 没有用户账号 j3"):
        services.offline_sheets.export(small_event.event.id, 1, judge3, tmp_path / "j3.json")
    services.users.add_user("j3", "裁判3", "j3-sheets-2026", ["judge"])
    with services.ctx.db.transaction() as s:  # an account from before signing keys
        user = s.scalar(select(m.User).where(m.User.username == "j3"))
        assert user is not None
        user.signing_key = None
    with pytest.raises(UserError, match="j3 还没有签名离线评分表的密钥"):
        services.offline_sheets.export(small_event.event.id, 1, judge3, tmp_path / "j3.json")
    with pytest.raises(UserError):
        services.users.authenticate("j3", "wrong-password")
    services.users.authenticate("j3", "j3-sheets-2026")  # the log-in makes it
    path = services.offline_sheets.export(small_event.event.id, 1, judge3, tmp_path / "j3.json")
    code = load(path)["entries"][0]["code"]
    fill_sheet_file(path, {(code, "P1"): "7"}, "j3-sheets-2026")
    assert services.offline_sheets.import_file(path).stored == 1


def test_conflicts_are_listed_side_by_side_and_nothing_is_imported(
    services, small_event, tmp_path
) -> None:
    path, codes = exported(services, small_event, tmp_path)
    entries = {e.code: e.id for e in services.roster.entries(small_event.event.id)}
    judge = small_event.judges[0].id
    services.scoring.record_score(small_event.event.id, 1, judge, entries[codes[0]], "P1", "6")
    fill_sheet_file(path, {(codes[0], "P1"): "7", (codes[1], "P1"): "8"}, PASSWORDS["j1"])
    with pytest.raises(ImportRejected) as rejected:
        services.offline_sheets.import_file(path)
    assert [p.message() for p in rejected.value.problems] == [
        f"{codes[0]} P1：库中为 6，文件中为 7"
    ]
    sheet = services.scoring.sheet(small_event.event.id, 1, judge)
    assert sheet.values == {(entries[codes[0]], "P1"): D(6)}
