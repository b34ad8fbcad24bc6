"""Rounds with elimination: each round's advance rule, and closing a round by it.

Closing a locked round ranks the entries still in (those not eliminated by an earlier
round), applies the rule, and marks the others eliminated with the round and the rule.
Nothing is deleted: eliminated entries keep their marks and show in earlier standings.
"""

from __future__ import annotations

from contest_desk.domain.advance import MODE_NAMES, AdvanceRule, Ranked, apply_rule
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import RoundAdvance, RoundClose
from contest_desk.domain.settings_codec import advance_rule_from_dict, advance_rule_to_dict
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.standings import StandingsService
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import get_event, get_round
from contest_desk.storage.versions import UNREAD, Unread, hold_alone, refuse_if_other


def describe(rule: AdvanceRule) -> str:
    return _(MODE_NAMES[rule.mode], value=format(rule.value.normalize(), "f"))


class RoundService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_SETUP)
    def set_advance_rule(
        self,
        event_id: int,
        round_number: int,
        rule: AdvanceRule | None,
        read: AdvanceRule | Unread | None = UNREAD,
    ) -> None:
        """``read``: the rule as the form showed it (None: none); when another desk saved
        another since, the save is refused (StaleEdit) and nothing is written."""
        if rule is not None:
            rule.check()
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            hold_alone(s, rnd)  # two desks' saves of the rule take turns
            if rnd.closed_at is not None:
                raise UserError("{round} is closed: its rule has been applied", round=rnd.name)
            stored = advance_rule_from_dict(rnd.advance)
            refuse_if_other(s, _("This advance rule"), read, stored, [f"event:{event.id}"],
                            ["round.advance_rule"])  # fmt: skip
            old = rnd.advance
            rnd.advance = advance_rule_to_dict(rule)
            self.ctx.audit(
                s,
                "round.advance_rule",
                f"event:{event.id}",
                round=rnd.number,
                old=old,
                new=rnd.advance,
            )

    @requires(Action.VIEW_SETUP)
    def advance_rule(self, event_id: int, round_number: int) -> AdvanceRule | None:
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            return advance_rule_from_dict(get_round(s, event, round_number).advance)

    @requires(Action.VIEW_SETUP)
    def round_advance(self, event_id: int, round_number: int) -> RoundAdvance:
        """The round's rule and whether it is locked and closed."""
        with self.ctx.db.reading() as s:
            rnd = get_round(s, get_event(s, event_id), round_number)
            rule = advance_rule_from_dict(rnd.advance)
            return RoundAdvance(rule, rnd.locked_at is not None, rnd.closed_at is not None)

    @requires(Action.SUPERVISE)
    def close(self, event_id: int, round_number: int) -> RoundClose:
        """Apply the round's advance rule to its final standings."""
        table = StandingsService(self.ctx).standings(event_id, round_number)
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            rule = advance_rule_from_dict(rnd.advance)
            if rule is None:
                raise UserError("{round} has no advance rule", round=rnd.name)
            if rnd.locked_at is None:
                raise UserError(
                    "{round} must be locked before it is closed: its standings are not final",
                    round=rnd.name,
                )
            if rnd.closed_at is not None:
                raise UserError("{round} is closed: its rule has been applied", round=rnd.name)
            ranked = [Ranked(r.entry.id, r.rank, r.total) for r in table.rows]
            cut = apply_rule(ranked, rule)
            text = describe(rule)
            for entry_id in cut.eliminated:
                entry = s.get(m.Entry, entry_id)
                assert entry is not None
                entry.status = "eliminated"
                entry.eliminated_round, entry.eliminated_rule = rnd.number, text
            rnd.closed_at = utc_now()
            self.ctx.audit(
                s,
                "round.close",
                f"event:{event.id}",
                round=rnd.number,
                rule=text,
                advancing=list(cut.advancing),
                eliminated=list(cut.eliminated),
            )
            return RoundClose(cut.advancing, cut.eliminated, text)
