"""What the certificate service hands out: an issued certificate, and what checking one found."""

from __future__ import annotations

from dataclasses import dataclass

from contest_desk.domain.signing import Verdict


@dataclass(frozen=True)
class CertificateInfo:
    serial: str
    recipient: str
    fields: dict[str, str]
    qr: str
    template: str
    superseded_by: str | None
    modules: tuple[str, ...]  # the QR matrix, rows of "0" and "1"
    image: str  # the QR code as inline-image data


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    serial: str
    fields: dict[str, str]
    replaced_by: str | None = None
