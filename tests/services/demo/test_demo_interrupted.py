"""demo.py: a demo stopped half-way leaves the database empty, and the next demo works."""

from __future__ import annotations

import pytest

from contest_desk.services.demo import build as demo
from contest_desk.services.hub import Services


class Stopped(Exception):
    """Stands for whatever stops the demo late: an error, or the process being killed."""


def test_a_demo_stopped_at_its_last_part_leaves_nothing(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.open(database_url)
    try:

        def stop(_services: Services) -> None:
            raise Stopped

        with monkeypatch.context() as patched:
            patched.setattr(demo, "build_demo_innovation", stop)
            with pytest.raises(Stopped):
                demo.build_demo(services)
        assert services.contests.contests() == []
        assert not services.users.has_users()
        assert services.audit.verify().rows == 0

        demo.build_demo(services)
        assert len(services.contests.contests()) == 2
        assert services.audit.verify().broken is None
    finally:
        services.ctx.db.dispose()
