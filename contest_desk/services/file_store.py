"""The attachment store's files: kept under their SHA-256, checked against it."""

from __future__ import annotations

from pathlib import Path

from contest_desk.storage.files import CHUNK, sha256_of, stored_path

__all__ = ["CHUNK", "file_state", "sha256_of", "stored_path"]


def file_state(path: Path, sha256: str) -> str:
    """ok / missing / changed: the stored file against the hash it was stored under."""
    if not path.is_file():
        return "missing"
    return "ok" if sha256_of(path) == sha256 else "changed"
