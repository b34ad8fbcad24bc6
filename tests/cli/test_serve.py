"""``contest-desk serve``: says the addresses to open, answers, stops on Ctrl+C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.builders import copy_of_demo


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is sent as SIGINT")
def test_serve_starts_answers_and_stops_on_ctrl_c(demo_template: Path, tmp_path: Path) -> None:
    database = copy_of_demo(demo_template, tmp_path)
    command = [sys.executable, "-m", "contest_desk", "--db", database,
               "serve", "--host", "127.0.0.1", "--port", "0"]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # The hub starts as from a terminal, where Ctrl+C has its default action. A test run
    # started in the background (`make test &`) ignores SIGINT and a child inherits that:
    # the hub would never hear the Ctrl+C below. (A Python handler is not inherited.)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        hub = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        assert hub.stdout is not None
        lines = [hub.stdout.readline() for _ in range(3)]
        assert "现场评分服务已启动" in lines[0], lines
        address = lines[1].strip()
        assert address.startswith("http://127.0.0.1:") and "Ctrl+C" in lines[2]
        page = httpx.get(address + "login", timeout=10)
        assert page.status_code == 200 and 'id="login"' in page.text
        hub.send_signal(signal.SIGINT)
        out, err = hub.communicate(timeout=20)
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.communicate()  # collected, its pipes closed: nothing left for the next test
    assert hub.returncode == 0, err
    assert "现场评分服务已停止" in out and "Traceback" not in err
