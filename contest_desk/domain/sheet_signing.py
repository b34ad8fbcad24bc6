"""Signatures on offline score-sheet files (Ed25519, RFC 8032), with nothing secret in a file.

Two signatures, two keys:

- the desk's over the blank sheet: a key pair made for one export, whose private half
  signs and is then forgotten; the public half goes into the file (so the laptop notices
  a blank part changed after signing) and into the database (so the import knows the
  signature is the desk's, not one made afresh with a key put in the file);
- the judge's over the filled sheet: a key whose 32-byte seed is scrypt of the judge's
  password with a salt of its own (not the log-in hash's salt). The desk keeps only the
  public half and its salt and cost (a ``JudgeKey``), made whenever it learns the password:
  when the password is set or changed, and at a log-in of an account that has none yet.

Whoever holds a file can test password guesses against the judge's public key offline,
each guess costing one scrypt at the cost below: the same as a guess against the log-in
hash in the database.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from contest_desk.domain.scrypt import scrypt_key
from contest_desk.domain.signing import b64, unb64

SCHEME = "ed25519-scrypt"
# 2**15 × 8 × 128 bytes = 32 MiB of memory per guess, about 0.1-0.2 s on an office PC's
# core: kept with each key, so it can be raised later and old keys still work.
N, R, P = 2**15, 8, 1
MOST_MEMORY = 128 * 1024 * 1024  # the most a key read from a file may ask for (128·r·n)
SALT_BYTES = 16

BLANK_LEAVES_OUT = frozenset({"values", "desk_signature", "judge_signature"})
FILLED_LEAVES_OUT = frozenset({"judge_signature"})
Data = dict[str, Any]


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class JudgeKey:
    """The public record of a judge's signing key: scrypt cost and salt, Ed25519 public key.
    Written as ``ed25519-scrypt$n$r$p$salt$public`` (base64url)."""

    n: int
    r: int
    p: int
    salt: bytes
    public: bytes

    def text(self) -> str:
        return f"{SCHEME}${self.n}${self.r}${self.p}${b64(self.salt)}${b64(self.public)}"

    @classmethod
    def parse(cls, text: object) -> JudgeKey | None:
        """None for anything that is not such a record."""
        if not isinstance(text, str):
            return None
        parts = text.split("$")
        if len(parts) != 6 or parts[0] != SCHEME:
            return None
        try:
            key = cls(int(parts[1]), int(parts[2]), int(parts[3]), unb64(parts[4]), unb64(parts[5]))
        except ValueError:
            return None
        # A cost from a file must be one scrypt accepts and the laptop can afford.
        power_of_two = key.n >= 2 and key.n & (key.n - 1) == 0
        affordable = key.r >= 1 and 1 <= key.p <= 16 and 128 * key.r * key.n <= MOST_MEMORY
        return key if power_of_two and affordable and len(key.public) == 32 else None

    def private_key(self, password: str) -> Ed25519PrivateKey | None:
        """The judge's private key from their password; None when the password is not theirs."""
        seed = scrypt_key(password, self.salt, self.n, self.r, self.p)
        private = Ed25519PrivateKey.from_private_bytes(seed)
        if not hmac.compare_digest(_raw(private.public_key()), self.public):
            return None
        return private


def new_judge_key(password: str) -> JudgeKey:
    """A signing key for ``password`` with a fresh salt; only its public record is kept."""
    salt = secrets.token_bytes(SALT_BYTES)
    seed = scrypt_key(password, salt, N, R, P)
    public = _raw(Ed25519PrivateKey.from_private_bytes(seed).public_key())
    return JudgeKey(N, R, P, salt, public)


def signed_bytes(data: Data, leave_out: frozenset[str]) -> bytes:
    """The bytes a signature covers: the file's fields but ``leave_out``, as compact,
    sorted JSON (so the way the file is laid out does not matter)."""
    body = {k: v for k, v in data.items() if k not in leave_out}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _holds(public: bytes, signature: object, message: bytes) -> bool:
    if not isinstance(signature, str) or len(public) != 32:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def desk_seal(data: Data) -> str:
    """Sign the blank sheet with a key made for it alone, then forget the private half.
    Sets ``desk_key`` and ``desk_signature``; returns the public key (base64url) to keep."""
    key = Ed25519PrivateKey.generate()
    data["desk_key"] = public = b64(_raw(key.public_key()))
    data["desk_signature"] = b64(key.sign(signed_bytes(data, BLANK_LEAVES_OUT)))
    return public


def desk_sealed(data: Data, public: str) -> bool:
    """The blank part is as the desk signed it with the key ``public`` (base64url)."""
    try:
        raw = unb64(public)
    except ValueError:
        return False
    return _holds(raw, data.get("desk_signature"), signed_bytes(data, BLANK_LEAVES_OUT))


def judge_sign(data: Data, private: Ed25519PrivateKey) -> None:
    """The judge's signature over the whole file, marks and the desk's signature included."""
    data["judge_signature"] = b64(private.sign(signed_bytes(data, FILLED_LEAVES_OUT)))


def judge_signed(data: Data, key: JudgeKey) -> bool:
    return _holds(key.public, data.get("judge_signature"), signed_bytes(data, FILLED_LEAVES_OUT))
