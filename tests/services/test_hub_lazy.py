"""The services hub builds a service, and imports its module, when it is first asked for
(issue 16): the window's start and a log-in do not pay for the Excel readers, the
certificate code or the board engine."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import fields
from pathlib import Path

import pytest

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import HubSessionService

# Not needed to open a database and log in: the services of the other areas and the
# libraries of their files (Excel, PDF, charts, contest files).
HEAVY = ("contest_desk.services.certificates", "contest_desk.services.boards",
         "contest_desk.services.labor", "contest_desk.services.innovation",
         "contest_desk.services.judging", "openpyxl", "reportlab", "pypdf", "matplotlib",
         "jsonschema", "cryptography", "segno")  # fmt: skip

LOG_IN = f"""
import json, sys
from contest_desk.services.hub import Services
heavy = {HEAVY!r}
def loaded():
    return sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
services = Services.open(sys.argv[1])
admin = services.as_user(services.users.authenticate("admin", "admin-pass"))
print(json.dumps(loaded()))
admin.certificates
print(json.dumps(loaded()))
services.ctx.db.dispose()
"""


def test_opening_and_logging_in_imports_no_other_service(tmp_path: Path) -> None:
    """In a fresh interpreter: nothing heavy after the log-in; the certificate service's
    module when the certificates are first asked for."""
    path = tmp_path / "desk.db"
    made = Services.open(str(path))
    made.users.create_first_admin("admin", "管理员", "admin-pass")
    made.ctx.db.dispose()
    ran = subprocess.run(
        [sys.executable, "-c", LOG_IN, str(path)], capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    logged_in, after = (json.loads(line) for line in ran.stdout.splitlines()[-2:])
    assert logged_in == []
    assert "contest_desk.services.certificates.issuing" in after


def test_every_service_is_built_once_of_its_declared_class(services: Services) -> None:
    names = [f.name for f in fields(Services) if f.name != "ctx"]
    assert len(names) > 30
    for name in names:
        service = getattr(services, name)
        assert type(service).__name__ == Services.__annotations__[name], name
        assert service.ctx is services.ctx, name
        assert getattr(services, name) is service, name


def test_hub_sessions_log_in_through_the_hubs_own_users_and_tokens(services: Services) -> None:
    sessions = services.hub_sessions
    assert sessions.users is services.users and sessions.tokens is services.judge_tokens
    # Built in the other order: the same wiring.
    other = services.as_user(services.ctx.actor)
    users = other.users
    assert other.hub_sessions.users is users


def test_another_user_shares_the_database_with_services_of_their_own(services: Services) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    admin = services.as_user(services.users.authenticate("admin", "admin-pass"), "10.0.0.7")
    assert admin.ctx.db is services.ctx.db
    assert admin.ctx.actor.username == "admin" and admin.ctx.device == "10.0.0.7"
    assert admin.contests is not services.contests and admin.contests.ctx is admin.ctx
    made = services.contests.create_contest("2026年青工技能比武")
    assert [c.id for c in admin.contests.contests()] == [made.id]


def test_threads_asking_at_once_get_one_service(services: Services) -> None:
    """The LAN hub's threads share a hub: a session service built twice would forget
    the users service the other threads log in through."""
    start, got = threading.Barrier(6), []

    def ask() -> None:
        start.wait()
        got.append(services.hub_sessions)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 6 and all(s is got[0] for s in got)
    assert isinstance(got[0], HubSessionService) and got[0].users is services.users


def test_a_name_that_is_no_service_is_refused(services: Services) -> None:
    with pytest.raises(AttributeError, match="nothing"):
        services.nothing  # type: ignore[attr-defined]  # noqa: B018
    part = services.as_user(Actor("x", frozenset({Role.JUDGE}))).only("contests")
    assert part.contests.ctx.actor.username == "x"
    with pytest.raises(AttributeError, match="roster"):
        part.roster  # noqa: B018
