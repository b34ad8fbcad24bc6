"""All services of one database, built together for the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contest_desk.domain.permissions import SYSTEM, Actor
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
from contest_desk.services.context import ServiceContext
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
from contest_desk.storage.db import Database, open_database


@dataclass(frozen=True)
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

    @classmethod
    def build(cls, db: Database, actor: Actor = SYSTEM, device: str = "") -> Services:
        """Every service acting for ``actor``; ``device``: the LAN address a change came
        from (the scoring hub), kept in every audit row."""
        ctx = ServiceContext(db, actor, device)
        users, tokens = UserService(ctx), JudgeTokenService(ctx)
        return cls(
            ctx,
            ContestService(ctx),
            RosterService(ctx),
            AssignmentService(ctx),
            RosterImportService(ctx),
            ScoringService(ctx),
            SheetService(ctx),
            AppealService(ctx),
            DiscrepancyService(ctx),
            DrawService(ctx),
            RecheckService(ctx),
            DoubleEntryService(ctx),
            OfflineSheetService(ctx),
            RoundService(ctx),
            BoardService(ctx),
            BoardViewService(ctx),
            BoardImportService(ctx),
            LaborService(ctx),
            LaborValueService(ctx),
            LaborImportService(ctx),
            LaborStandingsService(ctx),
            InnovationService(ctx),
            InnovationDetailService(ctx),
            AttachmentService(ctx),
            MeetingService(ctx),
            LedgerService(ctx),
            InnovationImportService(ctx),
            CertificateService(ctx),
            ConsistencyService(ctx),
            ScoreImportService(ctx),
            StandingsService(ctx),
            TransferService(ctx),
            users,
            tokens,
            HubSessionService(ctx, users, tokens),
            AuditService(ctx),
            BackupService(ctx),
            HallService(ctx),
            RubricFileService(ctx),
            ChangeService(ctx),
        )

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
