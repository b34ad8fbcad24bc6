"""A request of the scoring hub speaks its own language; the process's stays the default."""

from __future__ import annotations

import threading

from contest_desk import i18n
from contest_desk.errors import UserError


def test_speaking_changes_the_language_of_the_block_only() -> None:
    error = UserError("Wrong user name or password")
    assert i18n.language() == "zh_CN" and error.message() == "用户名或密码错误"
    with i18n.speaking("en") as lang:
        assert lang == "en" and error.message() == "Wrong user name or password"
        seen: list[str] = []
        other = threading.Thread(target=lambda: seen.append(i18n.language()))
        other.start()
        other.join()
        assert seen == ["zh_CN"]  # another thread (request) keeps the default
    assert error.message() == "用户名或密码错误"
    with i18n.speaking("xx"):  # unknown: English, as set_language does
        assert i18n.language() == "en"
