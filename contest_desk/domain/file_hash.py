"""A file's SHA-256, and whether a kept file still matches the hash it was kept under."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_state(path: Path, sha256: str) -> str:
    """ok / missing / changed: the stored file against the hash it was stored under."""
    if not path.is_file():
        return "missing"
    return "ok" if sha256_of(path) == sha256 else "changed"
