"""Signed certificate payloads: Ed25519 (RFC 8032) through the ``cryptography`` library.

A certificate's QR code carries ``CD1|<payload>|<signature>``: the payload is its serial
and key fields as compact JSON (base64url), the signature the contest's Ed25519 signature
of those bytes. Anyone holding the contest's public key can check it without the database.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import segno
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from contest_desk.errors import UserError
from contest_desk.i18n import N_

PREFIX = "CD1"
KEYS = {
    "s": "serial",
    "n": "name",
    "u": "unit",
    "c": "contest",
    "e": "event",
    "a": "award",
    "d": "date",
}


def b64(data: bytes) -> str:
    """base64url without padding: how keys, signatures and payloads are written out."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    """Raises ValueError for text that is not base64url."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class KeyPair:
    private: str = field(repr=False)  # raw private key, base64url: never in a log
    public: str  # PEM (SubjectPublicKeyInfo): exported with the contest


def new_key_pair() -> KeyPair:
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(b64(private), public.decode("ascii"))


def payload_bytes(fields: dict[str, str]) -> bytes:
    """The signed bytes: the key fields under short names, sorted, compact."""
    short = {k: fields.get(name, "") for k, name in KEYS.items()}
    return json.dumps(short, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def qr_text(fields: dict[str, str], private: str) -> str:
    data = payload_bytes(fields)
    return f"{PREFIX}|{b64(data)}|{b64(sign_bytes(private, data))}"


@dataclass(frozen=True)
class Reading:
    """What a QR text says, and whether its signature holds for the key it was checked with."""

    fields: dict[str, str]
    signed: bool


def read_qr(text: str, public_pem: str | None) -> Reading | None:
    """The fields of a QR text (None when it is not a certificate's); ``signed`` is checked
    against ``public_pem`` (False without a key, or for altered bytes)."""
    parts = text.strip().split("|")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    try:
        data, signature = unb64(parts[1]), unb64(parts[2])
        short = json.loads(data.decode())
    except (ValueError, UnicodeDecodeError):
        return None
    fields = {name: str(short.get(k, "")) for k, name in KEYS.items()}
    return Reading(fields, bool(public_pem) and signature_holds(public_pem or "", data, signature))


def sign_bytes(private: str, data: bytes) -> bytes:
    """The Ed25519 signature of ``data`` with the raw private key (base64url)."""
    return Ed25519PrivateKey.from_private_bytes(unb64(private)).sign(data)


def signature_holds(public_pem: str, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the Ed25519 signature of ``data`` under ``public_pem``."""
    try:
        key = serialization.load_pem_public_key(public_pem.encode())
    except (ValueError, UnicodeError):
        return False
    if not isinstance(key, Ed25519PublicKey):
        return False
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


SEAL_PREFIX = "CDS1"


def seal_message(digests: Sequence[str], qr_texts: Sequence[str]) -> bytes:
    """The bytes a PDF's content seal signs: every page's digest bound to its certificate."""
    lines = [SEAL_PREFIX, *(f"{d} {q}" for d, q in zip(digests, qr_texts, strict=True))]
    return "\n".join(lines).encode()


def sealed_qrs(message: bytes) -> list[str] | None:
    """The QR texts a seal message binds, or None when it is not a seal message."""
    try:
        first, *lines = message.decode().split("\n")
    except UnicodeDecodeError:
        return None
    if first != SEAL_PREFIX or not lines or any(len(line.split(" ")) != 2 for line in lines):
        return None
    return [line.split(" ")[1] for line in lines]


@dataclass(frozen=True)
class ContestSealer:
    """Signs content seals with a contest's key, and nothing else: every QR text the seal
    message binds must be a certificate that key signed. A plain value, so a batch's worker
    processes seal their own files."""

    private: str
    public: str

    def __call__(self, message: bytes) -> bytes:
        qrs = sealed_qrs(message)
        if qrs is None or not all(
            (reading := read_qr(qr, self.public)) is not None and reading.signed for qr in qrs
        ):
            raise UserError("Only this contest's certificates can be sealed with its key")
        return sign_bytes(self.private, message)

    def __repr__(self) -> str:  # never the private key in a log or a traceback
        return "ContestSealer(…)"


@dataclass(frozen=True)
class PageSeal:
    """A PDF page's content seal: the digest of what the page draws now, the digest the
    file's seal lists for it, and the seal's signed bytes and signature."""

    shown: str
    listed: str = ""  # empty when the file has no seal
    message: bytes = b""
    signature: bytes = b""

    def holds(self, public_pem: str) -> bool:
        """The page draws exactly what was sealed, and the seal is the contest's."""
        return (
            bool(self.listed)
            and self.listed == self.shown
            and signature_holds(public_pem, self.message, self.signature)
        )


class Verdict(StrEnum):
    GENUINE = "genuine"  # signed, as the database (or the key) says, and current
    CHANGED = "changed"  # the signature or the visible text does not hold
    SUPERSEDED = "superseded"  # genuine once, re-issued since
    UNKNOWN = "unknown"  # not a certificate of ours, or no such serial


VERDICT_NAMES = {
    Verdict.GENUINE: N_("genuine"),
    Verdict.CHANGED: N_("CHANGED: it is not what was issued"),
    Verdict.SUPERSEDED: N_("superseded by {new}"),
    Verdict.UNKNOWN: N_("unknown: no such certificate"),
}


def visible_matches(fields: dict[str, str], visible: str) -> bool:
    """The printed text still says what was signed: name, award and serial are on it."""
    flat = "".join(visible.split())
    return all("".join(fields[k].split()) in flat for k in ("name", "award", "serial"))


def verify_offline(
    qr: str, visible: str | None, public_pem: str, seal: PageSeal | None = None
) -> Verdict:
    """Without the database: the signature under the contest's public key, and (for a PDF)
    the printed text against the signed fields and the page against its content seal.
    Superseded ones cannot be told offline."""
    reading = read_qr(qr, public_pem)
    if reading is None:
        return Verdict.UNKNOWN
    if (
        not reading.signed
        or (visible is not None and not visible_matches(reading.fields, visible))
        or (seal is not None and not seal.holds(public_pem))
    ):
        return Verdict.CHANGED
    return Verdict.GENUINE


def qr_matrix(text: str) -> tuple[str, ...]:
    """The QR code of ``text`` (error correction level M), as rows of "0" and "1" from the
    top; made once when a certificate is issued and kept with it."""
    try:
        code = segno.make(text, error="m", micro=False, boost_error=False)
    except segno.DataOverflowError:  # each text within its limit, but all of them together
        raise UserError(
            "A certificate's texts ({length} characters with the signature) are more than "
            "its QR code holds; shorten the contest's, the event's or the unit's name",
            length=len(text),
        ) from None
    return tuple("".join("1" if cell else "0" for cell in row) for row in code.matrix)


LIGHT = str.maketrans("01", "10")  # a one-bit grey image: 0 is black, 1 is white


def qr_image_data(modules: tuple[str, ...] | list[str]) -> str:
    """The matrix with its quiet zone of four modules as a one-bit image, row by row,
    Flate-compressed and hex-coded: ready to write into a page as an inline image. Made
    once, when the certificate is issued."""
    size = len(modules) + 8
    width = (size + 7) // 8 * 8
    blank = (1 << width) - 1
    rows = [blank] * 4
    rows += [int(("1111" + row.translate(LIGHT) + "1111").ljust(width, "1"), 2) for row in modules]
    rows += [blank] * 4
    bits = b"".join(r.to_bytes(width // 8, "big") for r in rows)
    return zlib.compress(bits).hex()
