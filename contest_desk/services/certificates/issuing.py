"""Certificates issued from standings: serials, signatures, templates, re-issues, checks.

Each contest gets an Ed25519 key pair the first time it issues a certificate; the private
half stays in the database, the public half is exported with the contest and shown to
anyone who wants to check a certificate offline. A certificate is issued once per entry,
event and round: issuing again gives the same serial while nothing it states has changed,
and a new serial (the old one kept, marked superseded) when something has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain.certificates import BUILT_IN, Orientation, Placed, Template, chinese_date
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.certificates import CertificateInfo, Verification
from contest_desk.domain.records.results import (
    PROVISIONAL_FIELD,
    PROVISIONAL_VALUE,
    NoticeSource,
    ResultsState,
)
from contest_desk.domain.signing import (
    ContestSealer,
    PageSeal,
    Verdict,
    new_key_pair,
    qr_image_data,
    qr_matrix,
    qr_text,
    read_qr,
    visible_matches,
)
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.boards.views import BoardViewService
from contest_desk.services.certificates.results import allow_provisional, results_state
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.standings import StandingsService
from contest_desk.services.labor.standings import LaborStandingsService
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import certificate_content, note_row
from contest_desk.storage.mapping import get_event, get_round

STATED = ("name", "unit", "contest", "event", "round", "award", "organization")
# Also compared when issuing again: a certificate printed from provisional standings is
# replaced by a final one once the round is locked.
COMPARED = (*STATED, PROVISIONAL_FIELD)


@dataclass(frozen=True)
class _Award:
    """One award to certify: ``source`` says what it is for (an event's entry, a labor
    period's team, a board's holder); ``where`` is the event, round and entry when there
    are."""

    source: str
    name: str
    unit: str
    event: str
    round: str
    award: str
    where: tuple[int | None, int | None, int | None] = (None, None, None)
    provisional: bool = False  # from standings not final yet: marked 暂定

    def fields(self) -> dict[str, str]:
        stated = {
            "name": self.name,
            "unit": self.unit,
            "event": self.event,
            "round": self.round,
            "award": self.award,
        }
        return {**stated, PROVISIONAL_FIELD: PROVISIONAL_VALUE} if self.provisional else stated


def certificate_info(row: m.Certificate) -> CertificateInfo:
    return CertificateInfo(
        row.serial,
        row.recipient,
        dict(row.fields),
        row.qr,
        row.template,
        row.superseded_by,
        tuple(row.qr_modules.split("\n")),
        row.qr_image,
    )


def template_to_dict(t: Template) -> dict[str, Any]:
    data = asdict(t)
    data["orientation"] = t.orientation.value
    return data


def template_from_dict(data: dict[str, Any]) -> Template:
    values = dict(data)
    values["orientation"] = Orientation(values["orientation"])
    for key in ("background", "seal"):
        values[key] = Placed(**values[key]) if values.get(key) else None
    return Template(**values)


def _changed(name: str) -> UserError:
    return UserError(
        "The template {name} was saved meanwhile, elsewhere: nothing was changed; look at it again",
        name=name,
    )


def _own_template(s: Session, contest_id: int, name: str) -> m.CertificateTemplate | None:
    return s.scalar(
        select(m.CertificateTemplate).where(
            m.CertificateTemplate.contest_id == contest_id, m.CertificateTemplate.name == name
        )
    )


def _holds(row: m.CertificateTemplate | None, template: Template) -> bool:
    return row is not None and template_from_dict(row.data) == template


def _keys(s: Session, contest_id: int, create: bool) -> m.CertificateKey | None:
    row = s.scalar(select(m.CertificateKey).where(m.CertificateKey.contest_id == contest_id))
    if row is None and create:
        pair = new_key_pair()
        row = m.CertificateKey(
            contest_id=contest_id,
            private_key=pair.private,
            public_key=pair.public,
            created_at=utc_now(),
        )
        s.add(row)
        s.flush()
    return row


def _serial(s: Session, contest_id: int, year: int) -> str:
    issued = s.scalar(
        select(func.count())
        .select_from(m.Certificate)
        .where(m.Certificate.contest_id == contest_id)
    )
    return f"CD-{year}-{contest_id:02d}-{(issued or 0) + 1:05d}"


def _note_superseded(s: Session, row: m.Certificate) -> None:
    content = certificate_content(dict(row.fields), row.superseded_by)
    note_row(s, "certificates", [row.serial], content)


class CertificateService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Templates -----------------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def templates(self, contest_id: int) -> dict[str, Template]:
        """The built-in templates and the contest's own, by name."""
        with self.ctx.db.reading() as s:
            rows = s.scalars(
                select(m.CertificateTemplate).where(m.CertificateTemplate.contest_id == contest_id)
            )
            return {**BUILT_IN, **{r.name: template_from_dict(r.data) for r in rows}}

    @requires(Action.EDIT_SETUP)
    def save_template(
        self, contest_id: int, template: Template, read: Template | None = None, new: bool = False
    ) -> None:
        """Save (or replace) the contest's own template; built-in names stay built in.

        What the save may replace can be said (an undo says it): ``read``, the template
        as it was stored when shown, or ``new``, none of that name; a template saved
        meanwhile, elsewhere, is then refused, naming it, and nothing is written."""
        template.check()
        if template.name in BUILT_IN:
            raise UserError(
                "{name} is a built-in template: save your copy under another name",
                name=template.name,
            )
        with self.ctx.db.transaction() as s:
            found = _own_template(s, contest_id, template.name)
            if (new and found is not None) or (read is not None and not _holds(found, read)):
                raise _changed(template.name)
            row = found or m.CertificateTemplate(contest_id=contest_id, name=template.name)
            row.data = template_to_dict(template)
            s.add(row)
            self.ctx.audit(s, "certificate.template", f"contest:{contest_id}", name=template.name)

    @requires(Action.EDIT_SETUP)
    def remove_template(self, contest_id: int, read: Template) -> None:
        """Take the contest's own template ``read`` away (a new copy's save undone).
        Refused, changing nothing, for one saved meanwhile, elsewhere, and for one that
        certificates were issued from (they are printed again from it)."""
        with self.ctx.db.transaction() as s:
            found = _own_template(s, contest_id, read.name)
            if found is None or not _holds(found, read):
                raise _changed(read.name)
            used = select(func.count()).where(
                m.Certificate.contest_id == contest_id, m.Certificate.template == read.name
            )
            if s.scalar(used):
                raise UserError(
                    "Certificates were issued from the template {name}: it stays, to print "
                    "them again",
                    name=read.name,
                )
            self.ctx.audit(
                s, "certificate.template.remove", f"contest:{contest_id}", name=read.name
            )
            s.delete(found)

    # Issuing -------------------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def results_state(self, event_id: int, round_number: int | None = None) -> ResultsState:
        """Whether the round's (or the whole event's) standings are final: every round
        they cover locked."""
        with self.ctx.db.reading() as s:
            return results_state(s, event_id, round_number)

    @requires(Action.VIEW_RESULTS)
    def notice_source(
        self, event_id: int, round_number: int | None = None, provisional: bool = False
    ) -> NoticeSource:
        """What the result notice (成绩公示) of a round or event is made from. Standings
        not final yet are refused unless the organizer overrides (``provisional``): the
        override is recorded (who, when, which round) and the notice says 暂定."""
        with self.ctx.db.reading() as s:
            state = results_state(s, event_id, round_number)
        if allow_provisional(self.ctx, state, provisional, _("the result notice")):
            with self.ctx.db.transaction() as s:
                self.ctx.audit(
                    s,
                    "notice.provisional",
                    f"event:{event_id}",
                    round=round_number,
                    provisional=True,
                )
        table = StandingsService(self.ctx).standings(event_id, round_number)
        with self.ctx.db.reading() as s:
            contest = s.get_one(m.Contest, table.event.contest_id)
            return NoticeSource(table, contest.name, contest.organizer, state)

    @requires(Action.EDIT_SETUP)
    def issue(
        self,
        event_id: int,
        round_number: int | None = None,
        template: str = "landscape",
        on: dt.date | None = None,
        provisional: bool = False,
    ) -> list[CertificateInfo]:
        """A certificate for every entry with an award in the standings, in rank order.
        Standings not final yet (a round not locked) are refused unless ``provisional``:
        then the certificates are marked 暂定 (in their record and on the page) and the
        override is on the audit row."""
        with self.ctx.db.reading() as s:
            state = results_state(s, event_id, round_number)
            event = get_event(s, event_id)
            round_name = get_round(s, event, round_number).name if round_number else ""
        marked = allow_provisional(self.ctx, state, provisional, _("certificates"))
        table = StandingsService(self.ctx).standings(event_id, round_number)
        awards = [
            _Award(
                f"event:{event_id}:round:{round_number}:entry:{row.entry.id}",
                row.entry.label,
                row.entry.unit,
                table.event.name,
                round_name,
                row.award,
                (event_id, round_number, row.entry.id),
                marked,
            )
            for row in table.rows
            if row.award is not None
        ]
        target = f"event:{event_id}"
        detail: dict[str, Any] = {"round": round_number}
        if marked:
            detail["provisional"] = True
        return self._issue_awards(table.event.contest_id, awards, template, on, target, **detail)

    @requires(Action.EDIT_SETUP)
    def issue_labor(
        self,
        contest_id: int,
        period: int | str | None = None,
        template: str = "landscape",
        on: dt.date | None = None,
    ) -> list[CertificateInfo]:
        """Certificates for the teams with an award in a labor competition's period (or
        for the whole competition, without a period)."""
        table = LaborStandingsService(self.ctx).standings(contest_id, period)
        label = table.period.name if table.period else _("the whole competition")
        awards = [
            _Award(
                f"labor:{label}:team:{row.team.id}",
                row.team.name,
                row.team.unit,
                label,
                "",
                row.award,
            )
            for row in table.rows
            if row.award is not None
        ]
        target = f"contest:{contest_id}"
        return self._issue_awards(contest_id, awards, template, on, target, period=label)

    @requires(Action.EDIT_SETUP)
    def issue_board(
        self, board_id: int, template: str = "landscape", on: dt.date | None = None
    ) -> list[CertificateInfo]:
        """A certificate for a challenge board's title holder (擂主) as the board stands."""
        view = BoardViewService(self.ctx).view(board_id)
        holder = next((r for r in view.rows if r.status == "holder"), None)
        if holder is None:
            raise UserError("The board has no title holder yet")
        award = _Award(
            f"board:{board_id}:period:{view.period}:entry:{holder.entry.id}",
            holder.entry.label,
            holder.entry.unit,
            view.info.name,
            view.period_label,
            _("title holder"),
            (view.info.event_id, None, holder.entry.id),
        )
        return self._issue_awards(view.info.contest_id, [award], template, on, f"board:{board_id}")

    def _issue_awards(
        self,
        contest_id: int,
        awards: list[_Award],
        template: str,
        on: dt.date | None,
        target: str,
        **detail: Any,
    ) -> list[CertificateInfo]:
        """Issue (or keep) the certificates for ``awards`` in one transaction."""
        on = on or dt.date.today()
        if template not in self.templates(contest_id):
            raise NotFound("There is no certificate template {name}", name=template)
        with self.ctx.db.transaction() as s:
            contest = s.get_one(m.Contest, contest_id)
            keys = _keys(s, contest_id, create=True)
            assert keys is not None
            common = {
                "contest": contest.name,
                "organization": contest.organizer or contest.name,
                "date": chinese_date(on),
            }
            out = [self._issue_one(s, contest_id, a, common, template, keys, on) for a in awards]
            self.ctx.audit(
                s, "certificate.issue", target, count=len(out), template=template, **detail
            )
            return out

    def _issue_one(
        self,
        s: Session,
        contest_id: int,
        award: _Award,
        common: dict[str, str],
        template: str,
        keys: m.CertificateKey,
        on: dt.date,
    ) -> CertificateInfo:
        fields = {**award.fields(), **common}
        current = s.scalar(
            select(m.Certificate).where(
                m.Certificate.contest_id == contest_id,
                m.Certificate.source == award.source,
                m.Certificate.superseded_by.is_(None),
            )
        )
        if current is not None and all(current.fields.get(k) == fields.get(k) for k in COMPARED):
            return certificate_info(current)  # nothing it states has changed: the same serial
        new = self._new(s, contest_id, award.source, fields, template, keys, on, *award.where)
        if current is not None:
            current.superseded_by, current.superseded_at = new.serial, utc_now()
            _note_superseded(s, current)
            made_final = PROVISIONAL_FIELD in current.fields and not award.provisional
            current.reason = (
                _("the round was locked: the final certificate replaces the provisional one")
                if made_final and all(current.fields.get(k) == fields[k] for k in STATED)
                else _("standings changed")
            )
        return certificate_info(new)

    def _new(
        self,
        s: Session,
        contest_id: int,
        source: str,
        fields: dict[str, str],
        template: str,
        keys: m.CertificateKey,
        on: dt.date,
        event_id: int | None,
        round_number: int | None,
        entry_id: int | None,
    ) -> m.Certificate:
        serial = _serial(s, contest_id, on.year)
        signed = {**fields, "serial": serial}
        text = qr_text(signed, keys.private_key)
        modules = qr_matrix(text)
        row = m.Certificate(
            contest_id=contest_id,
            serial=serial,
            source=source,
            event_id=event_id,
            round_number=round_number,
            entry_id=entry_id,
            recipient=fields["name"],
            fields=signed,
            qr=text,
            qr_modules="\n".join(modules),
            qr_image=qr_image_data(modules),
            template=template,
            issued_at=utc_now(),
            issued_by=self.ctx.actor.username,
        )
        s.add(row)
        s.flush()
        note_row(s, "certificates", [serial], certificate_content(signed, None))
        return row

    @requires(Action.EDIT_SETUP)
    def reissue(self, serial: str, reason: str, on: dt.date | None = None) -> CertificateInfo:
        """A new certificate for the same recipient and award (a lost or spoilt one); the
        old serial is kept, marked superseded."""
        if not reason.strip():
            raise UserError("Re-issuing a certificate needs a reason")
        on = on or dt.date.today()
        with self.ctx.db.transaction() as s:
            old = s.scalar(select(m.Certificate).where(m.Certificate.serial == serial))
            if old is None:
                raise NotFound("There is no certificate {serial}", serial=serial)
            if old.superseded_by is not None:
                raise UserError(
                    "{serial} has been superseded by {new} already",
                    serial=serial,
                    new=old.superseded_by,
                )
            keys = _keys(s, old.contest_id, create=True)
            assert keys is not None
            fields = {k: v for k, v in old.fields.items() if k != "serial"}
            fields["date"] = chinese_date(on)
            new = self._new(
                s,
                old.contest_id,
                old.source,
                fields,
                old.template,
                keys,
                on,
                old.event_id,
                old.round_number,
                old.entry_id,
            )
            old.superseded_by, old.superseded_at, old.reason = new.serial, utc_now(), reason.strip()
            _note_superseded(s, old)
            self.ctx.audit(
                s, "certificate.reissue", f"certificate:{serial}", reason.strip(), new=new.serial
            )
            return certificate_info(new)

    # Reading and checking ------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def certificates(self, event_id: int, round_number: int | None = None) -> list[CertificateInfo]:
        with self.ctx.db.reading() as s:
            rows = s.scalars(
                select(m.Certificate)
                .where(m.Certificate.event_id == event_id)
                .where(
                    m.Certificate.round_number.is_(None)
                    if round_number is None
                    else m.Certificate.round_number == round_number
                )
                .order_by(m.Certificate.id)
            )
            return [certificate_info(r) for r in rows]

    @requires(Action.VIEW_RESULTS)
    def public_key(self, contest_id: int) -> str | None:
        """The contest's public key (PEM), for checking its certificates offline."""
        with self.ctx.db.reading() as s:
            keys = _keys(s, contest_id, create=False)
            return keys.public_key if keys else None

    @requires(Action.EDIT_SETUP)
    def sealer(self, contest_id: int) -> ContestSealer:
        """What signs the content seal of a PDF of this contest's certificates (written by
        ``reports.certificate_pdf``, in worker processes for a large batch): it signs only
        seal messages whose every QR text is a certificate this contest signed, so it
        cannot be lent to seal anything else."""
        with self.ctx.db.reading() as s:
            keys = _keys(s, contest_id, create=False)
            if keys is None:
                raise UserError("The contest has issued no certificate yet, so it has no key")
            return ContestSealer(keys.private_key, keys.public_key)

    @requires(Action.VIEW_RESULTS)
    def verify(
        self, serial_or_qr: str, visible: str | None = None, seal: PageSeal | None = None
    ) -> Verification:
        """A serial typed in, or the QR text of a certificate (with the PDF's printed text
        and the page's content seal, when checking a file): genuine, changed, superseded
        or unknown."""
        text = serial_or_qr.strip()
        with self.ctx.db.reading() as s:
            if not text.startswith("CD1|"):
                row = s.scalar(select(m.Certificate).where(m.Certificate.serial == text))
                if row is None:
                    return Verification(Verdict.UNKNOWN, text, {})
                return self._current(row)
            unsigned = read_qr(text, None)
            if unsigned is None:
                return Verification(Verdict.UNKNOWN, "", {})
            serial = unsigned.fields["serial"]
            row = s.scalar(select(m.Certificate).where(m.Certificate.serial == serial))
            if row is None:
                return Verification(Verdict.UNKNOWN, serial, unsigned.fields)
            keys = _keys(s, row.contest_id, create=False)
            reading = read_qr(text, keys.public_key if keys else None)
            stored = {k: str(v) for k, v in row.fields.items()}
            if (
                reading is None
                or not reading.signed
                or any(reading.fields[k] != stored.get(k, "") for k in reading.fields)
                or (visible is not None and not visible_matches(stored, visible))
                or (seal is not None and not (keys and seal.holds(keys.public_key)))
            ):
                return Verification(Verdict.CHANGED, serial, stored)
            return self._current(row)

    @staticmethod
    def _current(row: m.Certificate) -> Verification:
        fields = {k: str(v) for k, v in row.fields.items()}
        if row.superseded_by is not None:
            return Verification(Verdict.SUPERSEDED, row.serial, fields, row.superseded_by)
        return Verification(Verdict.GENUINE, row.serial, fields)
