"""Password hashes with scrypt from the standard library (memory-hard, RFC 7914).

Stored as ``scrypt$n$r$p$salt$hash`` (base64), so the cost can be raised later and old
hashes still check. Passwords are never stored, logged or put in an error message.
The key a judge signs offline sheets with is made from the password too, with a salt of
its own (domain/sheet_signing.py); users.py keeps the two in step.
"""

from __future__ import annotations

import base64
import hmac
import secrets

from contest_desk.domain.scrypt import scrypt_key as _scrypt

# 2**15 × 8 × 128 bytes = 32 MiB of memory per hash: about 0.1 s on an office PC.
N, R, P = 2**15, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, N, R, P)
    encode = base64.b64encode
    return f"scrypt${N}${R}${P}${encode(salt).decode()}${encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    computed = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(computed, base64.b64decode(digest))
