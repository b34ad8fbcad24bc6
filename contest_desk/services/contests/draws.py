"""Draws per round: anonymous codes from a recorded seed, an optional second coding by a
second person, decoding layer by layer, and the blind view judges get of the entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain import draw as rules
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import DrawInfo, DrawnEntry, EntryInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import get_event, get_round
from contest_desk.storage.roster import entry_infos


def _layers(s: Session, round_id: int) -> list[m.Draw]:
    return list(s.scalars(select(m.Draw).where(m.Draw.round_id == round_id).order_by(m.Draw.layer)))


def judge_codes(s: Session, round_id: int) -> dict[int, str]:
    """entry id → the code judges see in a round: that of the top layer."""
    layers = _layers(s, round_id)
    return {c.entry_id: c.code for c in layers[-1].codes} if layers else {}


def drawn_order(s: Session, round_id: int) -> dict[int, int]:
    """entry id → drawn position (the order of appearance), when the round is drawn."""
    layers = _layers(s, round_id)
    return {c.entry_id: c.position for c in layers[0].codes} if layers else {}


def blind(entries: Sequence[EntryInfo], codes: dict[int, str]) -> tuple[EntryInfo, ...]:
    """Entries as a judge sees them before the round is locked: a code, no name or unit.

    Without a draw, the entry's place in the list stands in for a code.
    """
    out = []
    for n, entry in enumerate(entries, start=1):
        code = codes.get(entry.id, f"#{n}")
        out.append(replace(entry, label=code, unit="", key=code, code=code))
    return tuple(out)


def hidden(entries: Iterable[EntryInfo], codes: dict[int, str]) -> tuple[EntryInfo, ...]:
    """Entries as a viewer sees results before the lock: the code alone, or nothing.

    Unlike ``blind``, no stand-in numbers: the roster's order would give the names away.
    """
    out = []
    for entry in entries:
        code = codes.get(entry.id)
        out.append(
            replace(
                entry,
                label=code or "—",
                unit="",
                key=code or "",
                code=code,
                person_id=None,
                team_id=None,
            )
        )
    return tuple(out)


class DrawService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_ROSTER)
    def run(
        self,
        event_id: int,
        round_number: int | None,
        seed: str | None = None,
        prefix: str = "",
        workstations: Sequence[str] = (),
    ) -> DrawInfo:
        """The first layer: codes, order and workstations; refused once marks exist."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            self._no_scores(s, rnd)
            if _layers(s, rnd.id):
                raise UserError("{round} has been drawn already", round=rnd.name)
            entries = self._entry_ids(s, event.id)
            if not entries:
                raise UserError("Nobody is entered in {event} yet", event=event.name)
            self._first_layer(s, event, rnd, entries, seed, prefix, workstations)
        return self.draw(event_id, round_number)

    @requires(Action.EDIT_ROSTER)
    def run_contest(self, contest_id: int, prefix: str = "") -> list[str]:
        """抽签 for the whole contest at once: the first round of every event that has
        entries and no draw yet, each with a fresh seed of its own (recorded as if drawn
        one by one). Gives the events' names; refused when there is nothing to draw."""
        drawn: list[str] = []
        with self.ctx.db.transaction() as s:
            if s.get(m.Contest, contest_id) is None:
                raise NotFound("There is no contest {id}", id=contest_id)
            query = select(m.Event).where(m.Event.contest_id == contest_id).order_by(m.Event.id)
            for event in list(s.scalars(query)):
                rnd = get_round(s, event, 1)
                entries = self._entry_ids(s, event.id)
                if not entries or _layers(s, rnd.id):
                    continue
                self._no_scores(s, rnd)
                self._first_layer(s, event, rnd, entries, None, prefix, ())
                drawn.append(event.name)
            if not drawn:
                raise UserError(
                    "Nothing to draw: every event's first round is drawn or has no entries"
                )
        return drawn

    @staticmethod
    def _entry_ids(s: Session, event_id: int) -> list[int]:
        query = select(m.Entry.id).where(m.Entry.event_id == event_id).order_by(m.Entry.id)
        return list(s.scalars(query))

    def _first_layer(
        self,
        s: Session,
        event: m.Event,
        rnd: m.Round,
        entries: list[int],
        seed: str | None,
        prefix: str,
        workstations: Sequence[str],
    ) -> None:
        seed = seed or rules.new_seed()
        drawn = rules.draw(entries, seed, prefix.strip(), workstations=workstations)
        record = self._record(s, rnd, 1, seed, prefix)
        for d in drawn:
            s.add(
                m.DrawCode(
                    draw_id=record.id,
                    entry_id=d.entry_id,
                    code=d.code,
                    position=d.position,
                    workstation=d.workstation,
                )
            )
            entry = s.get(m.Entry, d.entry_id)
            if entry is not None:
                entry.code = d.code  # how lists, files and standings name it from now on
        self.ctx.audit(
            s,
            "draw.run",
            f"event:{event.id}",
            round=rnd.number,
            layer=1,
            seed=seed,
            order=[d.entry_id for d in drawn],
            new={str(d.entry_id): d.code for d in drawn},
        )

    @requires(Action.EDIT_ROSTER)
    def recode(
        self, event_id: int, round_number: int | None, seed: str | None = None, prefix: str = "B"
    ) -> DrawInfo:
        """二次加密: a second person re-codes the first layer's codes."""
        seed = seed or rules.new_seed()
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            self._no_scores(s, rnd)
            layers = _layers(s, rnd.id)
            if not layers:
                raise UserError("{round} has not been drawn yet", round=rnd.name)
            if len(layers) > 1:
                raise UserError("{round} has been re-coded already", round=rnd.name)
            if layers[0].drawn_by == self.ctx.actor.username:
                raise UserError("The second coding must be done by someone other than the first")
            first = {c.code: c for c in layers[0].codes}
            mapping = rules.recode(list(first), seed, prefix.strip())
            record = self._record(s, rnd, 2, seed, prefix)
            for old, new in mapping.items():
                below = first[old]
                s.add(
                    m.DrawCode(
                        draw_id=record.id,
                        entry_id=below.entry_id,
                        code=new,
                        position=below.position,
                        workstation=below.workstation,
                    )
                )
            self.ctx.audit(
                s,
                "draw.recode",
                f"event:{event.id}",
                round=rnd.number,
                layer=2,
                seed=seed,
                new=mapping,
            )
        return self.draw(event_id, round_number)

    @requires(Action.VIEW_SETUP)
    def draw(self, event_id: int, round_number: int | None) -> DrawInfo:
        """The round's draw with every entry's codes, in drawn order."""
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            layers = _layers(s, rnd.id)
            if not layers:
                raise UserError("{round} has not been drawn yet", round=rnd.name)
            entries = {e.id: e for e in entry_infos(s, event.id)}
            codes: dict[int, list[str]] = {}
            for layer in layers:
                for c in layer.codes:
                    codes.setdefault(c.entry_id, []).append(c.code)
            drawn = tuple(
                DrawnEntry(entries[c.entry_id], tuple(codes[c.entry_id]), c.position, c.workstation)
                for c in layers[0].codes
                if c.entry_id in entries
            )
            top = layers[-1]
            return DrawInfo(top.layer, top.seed, top.drawn_by, drawn)

    @requires(Action.SUPERVISE)
    def decode(self, event_id: int, round_number: int | None, code: str) -> str:
        """One layer down: a second-layer code → its first-layer code; a first-layer code →
        the entry's name. Each step is recorded."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            layers = _layers(s, rnd.id)
            for layer in reversed(layers):
                found = next((c for c in layer.codes if c.code == code), None)
                if found is None:
                    continue
                if layer.layer > 1:
                    below = next(
                        c for c in layers[layer.layer - 2].codes if c.entry_id == found.entry_id
                    )
                    answer = below.code
                else:
                    entry = next(e for e in entry_infos(s, event.id) if e.id == found.entry_id)
                    answer = entry.label
                self.ctx.audit(
                    s,
                    "draw.decode",
                    f"event:{event.id}",
                    round=rnd.number,
                    code=code,
                    layer=layer.layer,
                )
                return answer
            raise UserError("There is no code {code} in this draw", code=code)

    def _record(self, s: Session, rnd: m.Round, layer: int, seed: str, prefix: str) -> m.Draw:
        record = m.Draw(
            round_id=rnd.id,
            layer=layer,
            seed=seed,
            prefix=prefix.strip(),
            drawn_by=self.ctx.actor.username,
            drawn_at=utc_now(),
        )
        s.add(record)
        s.flush()
        return record

    @staticmethod
    def _no_scores(s: Session, rnd: m.Round) -> None:
        marked = s.scalar(
            select(func.count()).select_from(m.Score).where(m.Score.round_id == rnd.id)
        )
        if marked:
            raise UserError(
                "{round} already has scores: a draw now would mix codes", round=rnd.name
            )
