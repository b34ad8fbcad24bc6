"""Running the tests on parallel workers (pytest-xdist, as ``make test`` does), a plugin that
tests/conftest.py loads.

Each worker is a process of its own, with its own temporary folders, its own databases
(tests/databases.py names them after the process) and its own QApplication. What is left
is said here: which tests go to one worker together, how what a test reports for the end
of the run gets there from a worker, and no timed checks in Hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from xdist.remote import Producer
    from xdist.scheduler import LoadScopeScheduling
    from xdist.workermanage import WorkerController

# Hypothesis's deadline (200 ms an example) and its check of slow data generation are
# timed assertions: with two workers and the database server on two cores, a slow moment
# would fail a right answer.
settings.register_profile(
    "contest-desk", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("contest-desk")

# Folders whose files share a session fixture too costly to start on every worker: they
# go to one worker together (a headless Chromium takes a second and a few hundred MB).
ONE_WORKER = ("tests/browser/",)
# Units that take long for their few tests, sent out first: the rest go in the order they
# were collected, so that a worker is not left running one of these alone at the end.
FIRST = ("tests/browser/", "tests/reliability/test_crash.py", "tests/test_no_secrets.py")

# The name of a test's user property holding a line for the end of the run's output, as
# (section, line): properties travel with the test's report from a worker.
FIGURE = "figure"
_figures: dict[str, list[str]] = {}


def scope(nodeid: str) -> str:
    """The unit a test goes to a worker in: its file, or its folder if in ONE_WORKER."""
    path = nodeid.split("::", 1)[0]
    return next((folder for folder in ONE_WORKER if path.startswith(folder)), path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> LoadScopeScheduling | None:
    """``--dist loadfile`` (``make test``): each file whole on one worker, so that its module
    fixtures (a demo built once for the module) are made once, and a ONE_WORKER folder's
    files on one worker together. By folder, from the test's id: xdist's own groups (its
    xdist_group mark) are lost on pytest 9.2, whose test ids xdist can no longer rename."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    # xdist would send the units with the most tests first: the few long ones would be last.
    config.option.loadscopereorder = False

    class FilesAndFolders(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope(nodeid)

        def _assign_work_unit(self, node: WorkerController) -> None:
            for unit in reversed(FIRST):  # (nothing moves once they have gone)
                if unit in self.workqueue:
                    self.workqueue.move_to_end(unit, last=False)
            super()._assign_work_unit(node)

    return FilesAndFolders(config, log)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collects the figures tests report: a worker's reports come here too."""
    if report.when == "teardown":
        for name, value in report.user_properties:
            if name == FIGURE:
                section, line = value
                _figures.setdefault(section, []).append(line)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for section, lines in _figures.items():
        terminalreporter.section(section)
        for line in lines:
            terminalreporter.write_line(line)
