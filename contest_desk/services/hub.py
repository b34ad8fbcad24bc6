"""All services of one database, for the window, the command line and the LAN hub.

Each service is built when it is first asked for, and its module imported then: the
thirty-odd modules (the Excel readers, the certificate code, the board engine…) cost a
quarter to half a second of imports, which a window's start or a command that uses
three services should not pay for the rest.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contest_desk.domain.permissions import SYSTEM, Actor
from contest_desk.services.context import ServiceContext
from contest_desk.storage.db import Database, open_database

if TYPE_CHECKING:
    from contest_desk.services.boards.challenges import BoardService
    from contest_desk.services.boards.imports import BoardImportService
    from contest_desk.services.boards.views import BoardViewService
    from contest_desk.services.certificates.issuing import CertificateService
    from contest_desk.services.changes import ChangeService
    from contest_desk.services.contests.assignments import AssignmentService
    from contest_desk.services.contests.draws import DrawService
    from contest_desk.services.contests.rounds import RoundService
    from contest_desk.services.contests.rubric_import import RubricFileService
    from contest_desk.services.contests.setup import ContestService
    from contest_desk.services.contests.transfer import TransferService
    from contest_desk.services.innovation.achievements import InnovationService
    from contest_desk.services.innovation.attachments import AttachmentService
    from contest_desk.services.innovation.details import InnovationDetailService
    from contest_desk.services.innovation.imports import InnovationImportService
    from contest_desk.services.innovation.ledger import LedgerService
    from contest_desk.services.innovation.meetings import MeetingService
    from contest_desk.services.judging.appeals import AppealService
    from contest_desk.services.judging.consistency import ConsistencyService
    from contest_desk.services.judging.discrepancies import DiscrepancyService
    from contest_desk.services.judging.double_entry import DoubleEntryService
    from contest_desk.services.judging.hall import HallService
    from contest_desk.services.judging.offline_sheets import OfflineSheetService
    from contest_desk.services.judging.rechecks import RecheckService
    from contest_desk.services.judging.score_import import ScoreImportService
    from contest_desk.services.judging.scoring import ScoringService
    from contest_desk.services.judging.sheets import SheetService
    from contest_desk.services.judging.standings import StandingsService
    from contest_desk.services.labor.competitions import LaborService
    from contest_desk.services.labor.imports import LaborImportService
    from contest_desk.services.labor.standings import LaborStandingsService
    from contest_desk.services.labor.values import LaborValueService
    from contest_desk.services.people.roster import RosterService
    from contest_desk.services.people.roster_import import RosterImportService
    from contest_desk.services.people.sessions import HubSessionService
    from contest_desk.services.people.tokens import JudgeTokenService
    from contest_desk.services.people.users import UserService
    from contest_desk.services.safety.audit import AuditService
    from contest_desk.services.safety.backups import BackupService

# service name on the hub → its module under contest_desk.services; the class is the
# name's annotation on Services (one name for the type checker and for the building).
MODULES = {
    "contests": "contests.setup",
    "roster": "people.roster",
    "assignments": "contests.assignments",
    "roster_import": "people.roster_import",
    "scoring": "judging.scoring",
    "sheets": "judging.sheets",
    "appeals": "judging.appeals",
    "discrepancies": "judging.discrepancies",
    "draws": "contests.draws",
    "rechecks": "judging.rechecks",
    "double_entry": "judging.double_entry",
    "offline_sheets": "judging.offline_sheets",
    "rounds": "contests.rounds",
    "boards": "boards.challenges",
    "board_views": "boards.views",
    "board_import": "boards.imports",
    "labor": "labor.competitions",
    "labor_values": "labor.values",
    "labor_import": "labor.imports",
    "labor_standings": "labor.standings",
    "innovation": "innovation.achievements",
    "innovation_details": "innovation.details",
    "attachments": "innovation.attachments",
    "meetings": "innovation.meetings",
    "ledger": "innovation.ledger",
    "innovation_import": "innovation.imports",
    "certificates": "certificates.issuing",
    "consistency": "judging.consistency",
    "score_import": "judging.score_import",
    "standings": "judging.standings",
    "transfer": "contests.transfer",
    "users": "people.users",
    "judge_tokens": "people.tokens",
    "hub_sessions": "people.sessions",
    "audit": "safety.audit",
    "backups": "safety.backups",
    "hall": "judging.hall",
    "rubric_files": "contests.rubric_import",
    "changes": "changes",
}
# The services a service is built with (after the context), from the same hub: a hub
# session logs in through the hub's own users and tokens (and their clocks, which tests move).
WIRED = {"hub_sessions": ("users", "judge_tokens")}
# The LAN hub's threads share one Services: a service is built once (the hub sessions keep
# the users service they were given). Reentrant: building one builds those it is wired to.
_BUILDING = threading.RLock()


# Not a value (eq, repr): comparing or printing the hub would build every service.
@dataclass(frozen=True, init=False, repr=False, eq=False)
class Services:
    """Every service, acting for one user (``ctx.actor``); ``as_user`` gives another's."""

    ctx: ServiceContext
    contests: ContestService
    roster: RosterService
    assignments: AssignmentService
    roster_import: RosterImportService
    scoring: ScoringService
    sheets: SheetService
    appeals: AppealService
    discrepancies: DiscrepancyService
    draws: DrawService
    rechecks: RecheckService
    double_entry: DoubleEntryService
    offline_sheets: OfflineSheetService
    rounds: RoundService
    boards: BoardService
    board_views: BoardViewService
    board_import: BoardImportService
    labor: LaborService
    labor_values: LaborValueService
    labor_import: LaborImportService
    labor_standings: LaborStandingsService
    innovation: InnovationService
    innovation_details: InnovationDetailService
    attachments: AttachmentService
    meetings: MeetingService
    ledger: LedgerService
    innovation_import: InnovationImportService
    certificates: CertificateService
    consistency: ConsistencyService
    score_import: ScoreImportService
    standings: StandingsService
    transfer: TransferService
    users: UserService
    judge_tokens: JudgeTokenService
    hub_sessions: HubSessionService
    audit: AuditService
    backups: BackupService
    hall: HallService
    rubric_files: RubricFileService
    changes: ChangeService

    def __init__(self, ctx: ServiceContext) -> None:
        object.__setattr__(self, "ctx", ctx)

    if not TYPE_CHECKING:  # the type checker reads the annotations above, not any name

        def __getattr__(self, name: str) -> Any:  # only for a service not built yet
            if name not in MODULES:
                raise AttributeError(f"{type(self).__name__!r} has no attribute {name!r}")
            return self._built(name)

    def _built(self, name: str) -> Any:
        with _BUILDING:
            if name not in self.__dict__:  # not built meanwhile by another thread
                module = importlib.import_module(f"contest_desk.services.{MODULES[name]}")
                service = getattr(module, Services.__annotations__[name])
                wired = (getattr(self, other) for other in WIRED.get(name, ()))
                object.__setattr__(self, name, service(self.ctx, *wired))
            return self.__dict__[name]

    @classmethod
    def build(cls, db: Database, actor: Actor = SYSTEM, device: str = "") -> Services:
        """Every service acting for ``actor``; ``device``: the LAN address a change came
        from (the scoring hub), kept in every audit row."""
        return cls(ServiceContext(db, actor, device))

    @classmethod
    def open(cls, path_or_url: str | None = None, actor: Actor = SYSTEM) -> Services:
        """Open (and upgrade) a database and build its services."""
        return cls.build(open_database(path_or_url), actor)

    def only(self, *names: str) -> ServiceSubset:
        """The few services a part of a front end uses, and who acts: it is given no more."""
        return ServiceSubset(self, names)

    def as_user(self, actor: Actor, device: str = "") -> Services:
        """The same database, acting for ``actor`` (after a log-in), from ``device``."""
        return Services.build(self.ctx.db, actor, device)


class ServiceSubset:
    """Some of the hub's services, by name, and the context (who acts, on which database).

    An area of the window is built with one: asking it for a service the area did not
    declare is an AttributeError at once, not a quiet dependency on the whole hub.
    """

    def __init__(self, hub: Services, names: tuple[str, ...]) -> None:
        self.ctx = hub.ctx
        self.names = frozenset(names)
        for name in names:
            setattr(self, name, getattr(hub, name))

    def __getattr__(self, name: str) -> Any:  # only for names not set above
        raise AttributeError(f"this part was not given the {name!r} service; add it to USES")
