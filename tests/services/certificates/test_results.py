"""Results final before they are published: certificates and the result notice of a round
not locked yet are refused; the organizer's override marks them 暂定 (in the record and on
the PDF) and is recorded in the audit trail; after the lock the final ones replace them
and the notice says when the round was locked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.domain.permissions import Role
from contest_desk.domain.records.results import is_provisional
from contest_desk.errors import PermissionDenied
from contest_desk.reports.certificate_pdf import Printed, write_certificates
from contest_desk.reports.result_notice import standings_notice, write_notice_pdf
from contest_desk.services.certificates.results import ProvisionalResults
from contest_desk.services.hub import Services
from tests.browser.scenes import INDIVIDUAL_EVENT, as_user, lock_round
from tests.builders import copy_of_demo

OIL = 1  # 采油工技能比武 in the demo: one round, 决赛, not locked
DAY = dt.date(2026, 5, 20)


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path))


@pytest.fixture
def organizer(demo: Services) -> Services:
    return as_user(demo, "organizer", Role.ORGANIZER)


def pdf_text(path: Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def written(services: Services, issued: list, path: Path) -> Path:
    template = services.certificates.templates(1)["landscape"]
    items = [Printed(template, c.fields, c.qr, c.modules, c.image) for c in issued]
    (pdf,) = write_certificates(path, items, True, services.certificates.sealer(1))
    return pdf


def test_certificates_of_an_open_round_are_refused_and_nothing_is_issued(
    organizer: Services, demo: Services
) -> None:
    with pytest.raises(ProvisionalResults) as refused:
        organizer.certificates.issue(OIL, 1)
    assert "决赛还未锁定" in refused.value.message()
    with pytest.raises(ProvisionalResults):
        organizer.certificates.issue(OIL)  # the whole event: its round is open
    assert organizer.certificates.certificates(OIL, 1) == []
    assert not [r for r in demo.audit.records() if r.action == "certificate.issue"]


def test_the_organizers_override_marks_them_and_is_recorded(
    organizer: Services, demo: Services, tmp_path: Path
) -> None:
    issued = organizer.certificates.issue(OIL, 1, provisional=True)
    assert issued and all(is_provisional(c.fields) for c in issued)
    listed = organizer.certificates.certificates(OIL, 1)
    assert [is_provisional(c.fields) for c in listed] == [True] * len(issued)  # findable
    (row,) = [r for r in demo.audit.records() if r.action == "certificate.issue"]
    assert row.actor == "organizer" and row.target == f"event:{OIL}"
    assert row.detail["round"] == 1 and row.detail["provisional"] is True
    assert row.at is not None
    text = pdf_text(written(organizer, issued[:2], tmp_path / "暂定证书.pdf"))
    assert text.count("暂定") == 2 and "轮次未锁定" in text


def test_only_the_organizer_may_override(demo: Services) -> None:
    chief = as_user(demo, "chief", Role.CHIEF_JUDGE)
    with pytest.raises(PermissionDenied, match="只有组织者可以按“暂定”打印成绩公示"):
        chief.certificates.notice_source(OIL, 1, provisional=True)
    with pytest.raises(ProvisionalResults):
        chief.certificates.notice_source(OIL, 1)
    assert not [r for r in demo.audit.records() if r.action == "notice.provisional"]


def test_the_notice_of_an_open_round_is_refused_and_the_override_recorded(
    organizer: Services, demo: Services, tmp_path: Path
) -> None:
    with pytest.raises(ProvisionalResults):
        organizer.certificates.notice_source(OIL, 1)
    source = organizer.certificates.notice_source(OIL, 1, provisional=True)
    assert not source.state.final and source.state.open_rounds == ("决赛",)
    (row,) = [r for r in demo.audit.records() if r.action == "notice.provisional"]
    assert (row.actor, row.target, row.detail["round"]) == ("organizer", f"event:{OIL}", 1)
    notice = standings_notice(
        source.table, source.contest, source.organizer, DAY, state=source.state
    )
    text = pdf_text(write_notice_pdf(tmp_path / "公示.pdf", notice))
    assert "成绩公示（暂定）" in text and "成绩状态：暂定（决赛未锁定）" in text


def test_after_the_lock_final_certificates_replace_the_provisional_ones(
    organizer: Services, demo: Services, tmp_path: Path
) -> None:
    first = organizer.certificates.issue(OIL, 1, provisional=True)
    assert lock_round(demo, INDIVIDUAL_EVENT) == OIL
    final = organizer.certificates.issue(OIL, 1)
    assert [c.recipient for c in final] == [c.recipient for c in first]
    assert not any(is_provisional(c.fields) for c in final)
    assert {c.serial for c in final}.isdisjoint(c.serial for c in first)
    old = {c.serial: c for c in organizer.certificates.certificates(OIL, 1)}
    assert all(old[c.serial].superseded_by for c in first)
    assert organizer.certificates.issue(OIL, 1) == final  # issued again: the same serials
    assert "暂定" not in pdf_text(written(organizer, final[:1], tmp_path / "证书.pdf"))

    source = organizer.certificates.notice_source(OIL, 1)
    state = source.state
    assert state.final and state.locked_at is not None
    notice = standings_notice(source.table, source.contest, source.organizer, DAY, state=state)
    text = pdf_text(write_notice_pdf(tmp_path / "公示.pdf", notice))
    local = state.locked_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d%H:%M")
    assert f"成绩状态：已锁定（{local}）" in text and "暂定" not in text
    assert not [r for r in demo.audit.records() if r.action == "notice.provisional"]
