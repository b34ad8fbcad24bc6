"""How ``make test`` shares the tests out among parallel workers (tests/parallel.py), checked
on a small run of two workers: what goes to one worker together, and what a test reports
for the end of the run getting there from its worker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ("pytester",)

ROOT = Path(__file__).resolve().parents[1]

# Each test names the worker it ran on, as a figure for the end of the run.
REPORTS_ITS_WORKER = """
import os

from tests.parallel import FIGURE


def test_{name}(record_property):
    record_property(FIGURE, ("workers", "{name} ran on " + os.environ["PYTEST_XDIST_WORKER"]))
"""


def run_on_two_workers(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, files: dict[str, list[str]]
) -> str:
    """Run tests that report their worker, on two workers as make test does; its output."""
    for path, names in files.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(REPORTS_ITS_WORKER.format(name=n) for n in names))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = pytester.runpytest_subprocess(
        "-p", "tests.parallel", "-n", "2", "--dist", "loadfile", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=sum(len(names) for names in files.values()))
    return result.stdout.str()


def workers(output: str) -> dict[str, str]:
    return dict(re.findall(r"^(\w+) ran on (gw\d+)$", output, re.MULTILINE))


def test_a_browser_file_shares_the_worker_of_the_others_and_a_file_stays_whole(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = run_on_two_workers(
        pytester,
        monkeypatch,
        {
            "tests/domain/test_draw.py": ["draw", "seed"],
            "tests/browser/test_hall.py": ["hall", "stream", "final"],
            "tests/browser/test_judge.py": ["judge", "token", "offline"],
        },
    )
    ran = workers(output)
    assert len(ran) == 8, output  # every test's figure reached the end of the run
    assert len({ran[n] for n in ("hall", "stream", "final", "judge", "token", "offline")}) == 1
    assert ran["draw"] == ran["seed"]  # its module fixtures made once
