"""Command-line argument types: the same limits as a file or a cell (domain/limits.py).

argparse turns an ArgumentTypeError into its usage message and exit status 2, so a
bad number on the command line is refused before anything runs, never a traceback
(``int`` alone accepts "99999999999999999999", which SQLite cannot bind, and refuses
"²" with argparse's untranslated text).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from contest_desk.domain import limits
from contest_desk.domain.numbers import parse_whole
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.input_files import read_text


def whole(low: int = 0, high: int = limits.WHOLE_MAX) -> Callable[[str], int]:
    """An argument type reading a whole number from ``low`` to ``high``
    (ASCII or full-width digits, see ``parse_whole``)."""

    def read(text: str) -> int:
        try:
            return parse_whole(text, "", low, high)
        except UserError:
            raise argparse.ArgumentTypeError(
                _(
                    "'{text}' is not a whole number from {low} to {high}",
                    text=text[:40],
                    low=low,
                    high=high,
                )
            ) from None

    read.__name__ = "whole number"  # argparse names the type in some messages
    return read


days = whole(0, limits.DAYS_MAX)


def checked_integers(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give every ``type=int`` argument of ``parser`` and its subcommands the whole-number
    type (ids, rounds, places, counts: 0 to limits.WHOLE_MAX), so that an option added
    later gets the same limits without anyone remembering to."""
    for action in parser._actions:  # argparse keeps no public list of its arguments
        if action.type is int:
            action.type = whole()
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                checked_integers(sub)
    return parser


def public_key_text(path: str) -> str:
    """An argument type: the text of an Ed25519 public key file (PEM), refused at once
    when the file is missing, too large, not text or not such a key."""
    # Imported here: only `verify --public-key` reads a key; other commands start faster.
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        text = read_text(Path(path), limits.PEM_BYTES)
    except UserError as error:
        raise argparse.ArgumentTypeError(error.message()) from None
    try:
        key = serialization.load_pem_public_key(text.encode())
    except (ValueError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise argparse.ArgumentTypeError(
            _(
                "{file} is not a certificate public key (an Ed25519 key in PEM form, as "
                "public-key writes it)",
                file=Path(path).name,
            )
        )
    return text
