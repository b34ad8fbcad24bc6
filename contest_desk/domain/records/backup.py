"""What a backup says about itself, as the backup service hands it to the front ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contest_desk import __version__

FORMAT = 1  # of a backup's manifest.json


@dataclass(frozen=True)
class Manifest:
    """What a backup says about itself."""

    created_at: str
    kind: str
    revision: str | None
    tables: dict[str, int]
    database_sha256: str
    files: dict[str, int] = field(default_factory=dict)  # SHA-256: size
    missing_files: list[str] = field(default_factory=list)
    format: int = FORMAT
    app_version: str = __version__


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Manifest
