"""Attached files: kept in the data directory under their SHA-256, listed in the database.

The same file attached twice is stored once. Listing an attachment checks that its file is
still there and still has its hash, so a missing or changed file is reported, never shown
as if it were fine. Files sit beside an SQLite database (``NAME-files/``); for a server
database in the user's data directory, or where ``CONTEST_DESK_FILES`` says.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import AttachmentInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.files import CHUNK, sha256_of, stored_path
from contest_desk.storage.files import FILES_ENV as FILES_ENV  # re-exported for the
from contest_desk.storage.files import files_root as files_root  # services that keep files

OWNERS = ("achievement", "meeting")


def attachment_info(root: Path, row: m.Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.name,
        row.size,
        row.sha256,
        row.added_at,
        row.added_by,
        stored_path(root, row.sha256),
    )


def store_file(root: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store (once per content); its hash and size."""
    if not source.is_file():
        raise UserError("There is no file {file}", file=str(source))
    sha256 = sha256_of(source)
    target = stored_path(root, sha256)
    if not target.is_file() or sha256_of(target) != sha256:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a half-copied file never sits under the hash.
        with (
            tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as tmp,
            source.open("rb") as f,
        ):
            shutil.copyfileobj(f, tmp, CHUNK)
        os.replace(tmp.name, target)
    return sha256, source.stat().st_size


def add_attachment(
    ctx: ServiceContext, s: Session, owner_kind: str, owner_id: int, source: Path, note: str = ""
) -> m.Attachment:
    sha256, size = store_file(files_root(ctx.db), source)
    row = m.Attachment(
        owner_kind=owner_kind,
        owner_id=owner_id,
        sha256=sha256,
        name=source.name,
        size=size,
        note=note,
        added_by=ctx.actor.username,
        added_at=utc_now(),
    )
    s.add(row)
    s.flush()
    ctx.audit(s, "attachment.add", f"{owner_kind}:{owner_id}", name=source.name, sha256=sha256)
    return row


class AttachmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_INNOVATION)
    def attach(self, owner_kind: str, owner_id: int, path: str | Path, note: str = "") -> int:
        if owner_kind not in OWNERS:
            raise UserError("Files are attached to achievements and meetings")
        with self.ctx.db.transaction() as s:
            model = m.Achievement if owner_kind == "achievement" else m.Meeting
            if s.get(model, owner_id) is None:
                raise NotFound("There is no {kind} {id}", kind=owner_kind, id=owner_id)
            return add_attachment(self.ctx, s, owner_kind, owner_id, Path(path), note).id

    @requires(Action.VIEW_RESULTS)
    def attachments(self, owner_kind: str, owner_id: int) -> list[AttachmentInfo]:
        root = files_root(self.ctx.db)
        with self.ctx.db.reading() as s:
            rows = s.scalars(
                select(m.Attachment)
                .where(m.Attachment.owner_kind == owner_kind, m.Attachment.owner_id == owner_id)
                .order_by(m.Attachment.id)
            )
            return [attachment_info(root, r) for r in rows]

    @requires(Action.VIEW_RESULTS)
    def path_of(self, attachment_id: int) -> Path:
        """The stored file, to open with the system's viewer; refused when it is missing
        or no longer what was attached."""
        root = files_root(self.ctx.db)
        with self.ctx.db.reading() as s:
            row = s.get(m.Attachment, attachment_id)
            if row is None:
                raise NotFound("There is no attachment {id}", id=attachment_id)
            info = attachment_info(root, row)
            if info.state == "missing":
                raise UserError("{name} is missing from the data directory", name=row.name)
            if info.state == "changed":
                raise UserError(
                    "{name} has been changed since it was attached: its SHA-256 differs",
                    name=row.name,
                )
            return info.stored
