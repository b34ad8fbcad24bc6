"""The draw (抽签): anonymous codes (加密号), order and workstations, reproducible from a seed.

Everything is derived from SHA-256 of the seed and the entry, never from Python's random
module, so a recorded seed gives the same draw on any machine and any Python version,
and anyone can check a draw afterwards. The code and the order come from two separate
derivations, so a code tells nothing about when or where the entry competed.
A second layer (二次加密) re-codes the first layer's codes with a second seed: decoding
goes layer by layer.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from contest_desk.errors import UserError


def new_seed() -> str:
    """A fresh seed, shown and stored with the draw."""
    return secrets.token_hex(8)


def _ranked(items: Sequence[str], seed: str, purpose: str) -> list[str]:
    def key(item: str) -> str:
        return hashlib.sha256(f"{seed}:{purpose}:{item}".encode()).hexdigest()

    return sorted(items, key=key)


@dataclass(frozen=True)
class Drawn:
    entry_id: int
    code: str
    position: int  # 1-based: the order of appearance (检录顺序)
    workstation: str | None


def _codes(count: int, prefix: str, width: int) -> list[str]:
    width = max(width, len(str(count)))
    return [f"{prefix}{n:0{width}d}" for n in range(1, count + 1)]


def draw(
    entry_ids: Sequence[int],
    seed: str,
    prefix: str = "",
    width: int = 3,
    workstations: Sequence[str] = (),
) -> list[Drawn]:
    """Codes, positions and workstations for the entries, in position order.

    With fewer workstations than entries, stations are used again in turn (sessions:
    positions 1…k at stations 1…k, then k+1… at stations 1… again).
    """
    if not seed.strip():
        raise UserError("A draw needs a seed")
    if len(set(entry_ids)) != len(entry_ids):
        raise UserError("An entry appears twice in the draw")
    keys = [str(e) for e in entry_ids]
    order = [int(k) for k in _ranked(keys, seed, "order")]
    coded = [int(k) for k in _ranked(keys, seed, "code")]
    code_of = dict(zip(coded, _codes(len(keys), prefix, width), strict=True))
    stations = [s.strip() for s in workstations if s.strip()]
    return [
        Drawn(
            entry_id,
            code_of[entry_id],
            position,
            stations[(position - 1) % len(stations)] if stations else None,
        )
        for position, entry_id in enumerate(order, start=1)
    ]


def recode(codes: Sequence[str], seed: str, prefix: str, width: int = 3) -> dict[str, str]:
    """The second layer: each first-layer code → its new code."""
    if not seed.strip():
        raise UserError("A draw needs a seed")
    ranked = _ranked(list(codes), seed, "layer")
    return dict(zip(ranked, _codes(len(ranked), prefix, width), strict=True))


def decode(code: str, layer_codes: Mapping[str, str]) -> str:
    """One step down: a code of a layer → the code (or entry) of the layer below."""
    below = {new: old for old, new in layer_codes.items()}
    if code not in below:
        raise UserError("There is no code {code} in this draw", code=code)
    return below[code]
