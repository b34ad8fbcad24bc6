"""This desk's own signing key and anchor journal, kept outside every database.

Whoever can write to the database can rewrite its audit chain and re-hash it; they
cannot sign with a key that lives only in the desk's configuration folder, nor reach
the desk's journal of the anchors it printed. CONTEST_DESK_ANCHOR_KEY names the key file
(tests, several desks sharing one profile); the journal lies beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import platformdirs

from contest_desk.domain.audit_chain import Anchor
from contest_desk.domain.signing import KeyPair, new_key_pair

KEY_ENV = "CONTEST_DESK_ANCHOR_KEY"


def key_path() -> Path:
    named = os.environ.get(KEY_ENV)
    if named:
        return Path(named)
    return Path(platformdirs.user_config_dir("ContestDesk", appauthor=False)) / "desk-key.json"


def journal_path() -> Path:
    return key_path().with_name(key_path().stem + "-anchors.jsonl")


def desk_key() -> KeyPair:
    """The desk's key pair, made on first use (readable by this user only)."""
    path = key_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return KeyPair(str(data["private"]), str(data["public"]))
    except FileNotFoundError:
        pass
    pair = new_key_pair()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + f".{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"private": pair.private, "public": pair.public}, handle)
    os.replace(temporary, path)
    return pair


def journal(anchor: Anchor, chain: str) -> None:
    """Append ``anchor`` of the chain whose first link is ``chain`` to the desk's journal."""
    entry = {
        "chain": chain,
        "seq": anchor.seq,
        "hash": anchor.hash,
        "at": anchor.at.isoformat(timespec="microseconds"),
    }
    with journal_path().open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def journaled(chain: str) -> list[tuple[int, str, dt.datetime]]:
    """The anchors (row, hash, when) this desk printed of the chain whose first link is
    ``chain``; a line cut short by a crash, or edited into nonsense, is passed over."""
    try:
        lines = journal_path().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out = []
    for line in lines:
        try:
            entry = json.loads(line)
            if entry["chain"] == chain:
                out.append(
                    (int(entry["seq"]), str(entry["hash"]), dt.datetime.fromisoformat(entry["at"]))
                )
        except (ValueError, KeyError, TypeError):
            continue
    return out
