"""domain/sheet_signing.py: the judge's key from their password, and the two signatures."""

from __future__ import annotations

import pytest

from contest_desk.domain.sheet_signing import (
    JudgeKey,
    desk_seal,
    desk_sealed,
    judge_sign,
    judge_signed,
    new_judge_key,
)


def test_the_judge_key_comes_back_from_the_password_alone() -> None:
    key = new_judge_key("judge1-2026")
    again = JudgeKey.parse(key.text())
    assert again == key and key.text().startswith("ed25519-scrypt$32768$8$1$")
    assert again.private_key("judge1-2026") is not None
    assert again.private_key("judge1-2027") is None
    assert new_judge_key("judge1-2026").public != key.public  # a fresh salt each time


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "scrypt$32768$8$1$c2FsdA$aGFzaA",  # a log-in hash is not a signing key
        "ed25519-scrypt$32768$8$1$c2FsdA",
        "ed25519-scrypt$x$8$1$c2FsdA$" + "A" * 43,
        "ed25519-scrypt$32768$8$1$c2FsdA$AAAA",  # not 32 bytes
        "ed25519-scrypt$1073741824$8$1$c2FsdA$" + "A" * 43,  # a cost no laptop can pay
        "ed25519-scrypt$1048576$32$1$c2FsdA$" + "A" * 43,  # 4 GiB of memory
        "ed25519-scrypt$32767$8$1$c2FsdA$" + "A" * 43,  # scrypt wants a power of two
        "ed25519-scrypt$32768$0$1$c2FsdA$" + "A" * 43,
    ],
)
def test_anything_else_is_not_a_judge_key(text: object) -> None:
    assert JudgeKey.parse(text) is None


def test_the_most_costly_key_a_file_may_carry_still_works() -> None:
    salt, public = "c2FsdA", "A" * 43
    key = JudgeKey.parse(f"ed25519-scrypt$131072$8$1${salt}${public}")  # 128 MiB
    assert key is not None and key.private_key("judge1-2026") is None  # no error, no match


def test_each_signature_covers_its_part() -> None:
    data = {"file_id": "f1", "entries": [{"code": "A01"}], "values": {}}
    public = desk_seal(data)
    assert data["desk_key"] == public and desk_sealed(data, public)
    key = new_judge_key("judge1-2026")
    private = key.private_key("judge1-2026")
    assert private is not None
    data["values"] = {"A01|P1": "8"}  # the desk's signature leaves the marks out
    assert desk_sealed(data, public)
    judge_sign(data, private)
    assert judge_signed(data, key)
    data["values"] = {"A01|P1": "9"}
    assert not judge_signed(data, key)
    data["entries"] = [{"code": "A02"}]
    assert not desk_sealed(data, public)
    assert not desk_sealed(data, "not base64 !")
    data["judge_signature"] = 42
    assert not judge_signed(data, key)
