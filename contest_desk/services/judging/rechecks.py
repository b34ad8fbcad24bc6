"""Re-check (复核) of a round: a recorded sample, the values keyed again, the error rate.

The sample is drawn from the round's standings with a recorded seed; the re-keyers see
which cells to key but not the stored values; the comparison names every mismatch and
says when the error rate calls for a full re-check.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain import recheck as rules
from contest_desk.domain.draw import new_seed
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.judging import RecheckInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.standings import StandingsService
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.keyed import keep_keyed
from contest_desk.storage.mapping import criterion_columns, get_event

RECHECK = "recheck"


def _get(s: Session, recheck_id: int) -> tuple[m.Recheck, m.Round, m.Event]:
    recheck = s.get(m.Recheck, recheck_id)
    if recheck is None:
        raise NotFound("There is no re-check {id}", id=recheck_id)
    rnd = s.get(m.Round, recheck.round_id)
    assert rnd is not None
    return recheck, rnd, get_event(s, rnd.event_id)


def _stored(
    s: Session, event: m.Event, rnd: m.Round, entries: list[int]
) -> dict[rules.Cell, Decimal]:
    code_of = {c.id: c.code for c in criterion_columns(event)}
    rows = s.execute(
        select(m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value).where(
            m.Score.round_id == rnd.id, m.Score.entry_id.in_(entries)
        )
    )
    return {(e, code_of[c], j): v for e, c, j, v in rows if c in code_of}


class RecheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.SUPERVISE)
    def draw_sample(
        self,
        event_id: int,
        round_number: int,
        seed: str | None = None,
        top: int = rules.TOP,
        share: Decimal = rules.SHARE,
    ) -> RecheckInfo:
        seed = seed or new_seed()
        table = StandingsService(self.ctx).standings(event_id, round_number)
        ranked = [row.entry.id for row in table.rows]
        chosen = rules.sample(ranked, seed, top, share)
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = next(r for r in event.rounds if r.number == table.round_number)
            recheck = m.Recheck(
                round_id=rnd.id,
                seed=seed,
                entries=chosen,
                drawn_by=self.ctx.actor.username,
                drawn_at=utc_now(),
            )
            s.add(recheck)
            s.flush()
            self.ctx.audit(
                s,
                "recheck.draw",
                f"event:{event.id}",
                round=rnd.number,
                seed=seed,
                entries=chosen,
                top=top,
                share=str(share),
            )
            recheck_id = recheck.id
        return self.recheck(recheck_id)

    @requires(Action.SUPERVISE)
    def recheck(self, recheck_id: int) -> RecheckInfo:
        with self.ctx.db.reading() as s:
            recheck, rnd, event = _get(s, recheck_id)
            cells = tuple(sorted(_stored(s, event, rnd, list(recheck.entries))))
            return RecheckInfo(
                recheck.id, event.id, rnd.number, recheck.seed, tuple(recheck.entries), cells
            )

    @requires(Action.IMPORT_SCORES)
    def key(self, recheck_id: int, cell: rules.Cell, text: str) -> None:
        """One value keyed again from the paper sheet (keying it again replaces it)."""
        entry_id, code, judge_id = cell
        with self.ctx.db.transaction() as s:
            recheck, rnd, event = _get(s, recheck_id)
            if entry_id not in recheck.entries:
                raise UserError("That entry is not in the re-check sample")
            column = next((c for c in criterion_columns(event) if c.code == code), None)
            if column is None:
                raise NotFound("{event} has no criterion {code}", event=event.name, code=code)
            value = column.criterion.read(text, code)  # a measured time as 分:秒 too
            where = (entry_id, column.id, judge_id)
            keep_keyed(s, RECHECK, recheck.id, where, value, self.ctx.actor.username)
            self.ctx.audit(
                s,
                "recheck.key",
                f"entry:{entry_id}",
                recheck=recheck.id,
                round=rnd.number,
                criterion=code,
                judge=judge_id,
                new=str(value),
            )

    @requires(Action.SUPERVISE)
    def result(self, recheck_id: int) -> rules.Comparison:
        """The re-keyed values against the stored marks: mismatches and the error rate."""
        with self.ctx.db.reading() as s:
            recheck, rnd, event = _get(s, recheck_id)
            stored = _stored(s, event, rnd, list(recheck.entries))
            code_of = {c.id: c.code for c in criterion_columns(event)}
            keyed = {
                (k.entry_id, code_of[k.criterion_id], k.judge_id): k.value
                for k in s.scalars(
                    select(m.KeyedValue).where(
                        m.KeyedValue.purpose == RECHECK, m.KeyedValue.ref_id == recheck.id
                    )
                )
            }
            return rules.compare(stored, keyed)
