"""The password-based key both the log-in hash and a judge's signing seed are made from.

Apart from the signing code so that a log-in, which needs only this, does not load the
signature library (cryptography) with it.
"""

from __future__ import annotations

import hashlib

MAXMEM = 256 * 1024 * 1024  # hashlib's cap: room for a raised cost and its overhead


def scrypt_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """32 bytes from a password (RFC 7914): the log-in hash and the judge's seed both use it."""
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=32
    )
