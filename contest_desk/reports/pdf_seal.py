"""A PDF's content seal: a digest of everything each page draws, signed when it is written.

A certificate's QR text signs *what was issued*; the seal signs *what the page shows*.
The digest of a page covers its dictionary and everything it reaches — content streams
(decoded), forms, images, embedded fonts, annotations — so a white box with new words
drawn over the award, a changed date, a replaced glyph or an annotation on top all give
another digest. The seal lists each page's digest beside its QR text and is signed with
the contest's key; it lives in the document information, which no page draws. It is
added as an incremental update, so the pages' bytes stay exactly as reportlab wrote them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    create_string_object,
)

from contest_desk.domain.signing import SEAL_PREFIX, PageSeal, b64, seal_message, unb64

SEAL_KEY = "/ContestDeskSeal"
# Links back up the tree: following them would make each page's digest cover every page.
_BACK_LINKS = frozenset({"/Parent", "/P"})
# Undone by decoding, so a stream re-compressed differently draws (and digests) the same.
_ENCODING = frozenset({"/Length", "/Filter", "/DecodeParms", "/DL"})


Signer = Callable[[bytes], bytes]
QR_TEXT = re.compile(r"CD1\|[A-Za-z0-9_-]+\|[A-Za-z0-9_-]+")
_SEAL_TEXT = re.compile(rf"{SEAL_PREFIX}\|([0-9a-f,]*)\|([A-Za-z0-9_-]+)")


class _Digester:
    """Digests of PDF objects, each indirect object once (fonts and forms are shared)."""

    def __init__(self) -> None:
        self.done: dict[tuple[int, int], bytes] = {}
        self.visiting: set[tuple[int, int]] = set()

    def of(self, obj: PdfObject | None) -> bytes:
        h = hashlib.sha256()
        self._feed(h, obj)
        return h.digest()

    def _feed(self, h: hashlib._Hash, obj: PdfObject | None) -> None:
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in self.visiting:  # a cycle: its start is being digested already
                h.update(b"R<cycle>")
                return
            if key not in self.done:
                self.visiting.add(key)
                try:
                    self.done[key] = self.of(obj.get_object())
                finally:
                    self.visiting.discard(key)
            h.update(b"R" + self.done[key])
        elif isinstance(obj, StreamObject):
            self._dictionary(h, obj, skip=_ENCODING)
            data = obj.get_data()
            h.update(b"S%d:" % len(data) + data)
        elif isinstance(obj, DictionaryObject):
            self._dictionary(h, obj, skip=frozenset())
        elif isinstance(obj, ArrayObject):
            h.update(b"[%d" % len(obj))
            for item in obj:
                self._feed(h, item)
            h.update(b"]")
        else:
            text = repr(obj).encode("utf-8", "surrogatepass")
            h.update(type(obj).__name__.encode() + b"%d:" % len(text) + text)

    def _dictionary(self, h: hashlib._Hash, obj: DictionaryObject, skip: frozenset[str]) -> None:
        keys = sorted(k for k in obj if k not in _BACK_LINKS and k not in skip)
        h.update(b"<%d" % len(keys))
        for key in keys:
            h.update(NameObject(key).encode() + b"=")
            self._feed(h, obj.raw_get(key))
        h.update(b">")


def page_digests(reader: PdfReader) -> list[str]:
    """Each page's digest (hex), from everything the page dictionary reaches."""
    digester = _Digester()
    return [digester.of(page).hex() for page in reader.pages]


def page_qrs(reader: PdfReader) -> list[str]:
    """The pages' signed QR texts, in page order, from the file's keywords."""
    info = reader.metadata
    keywords = str(info.get("/Keywords", "") or "") if info is not None else ""
    return [k for k in keywords.split() if QR_TEXT.fullmatch(k)]


def seal_pdf(path: Path, sign: Signer) -> None:
    """Seal the certificates' PDF at ``path``: every page's digest beside its QR text,
    signed by ``sign`` (the contest's key: ``CertificateService.sealer``)."""
    reader = PdfReader(str(path))
    digests, qrs = page_digests(reader), page_qrs(reader)
    if len(qrs) != len(digests):
        raise ValueError(f"{path.name}: {len(digests)} pages but {len(qrs)} QR texts")
    signature = sign(seal_message(digests, qrs))
    _append_info(path, reader, {SEAL_KEY: f"{SEAL_PREFIX}|{','.join(digests)}|{b64(signature)}"})


def page_seals(reader: PdfReader) -> list[PageSeal]:
    """Each page's content seal as the file has it now, to be checked with the key."""
    digests = page_digests(reader)
    info = reader.metadata
    text = str(info.get(SEAL_KEY, "") or "") if info is not None else ""
    found = _SEAL_TEXT.fullmatch(text.strip())
    if found is None:
        return [PageSeal(shown) for shown in digests]
    listed = [d for d in found.group(1).split(",") if d]
    signature = unb64(found.group(2))
    qrs = page_qrs(reader)
    if len(listed) != len(digests) or len(qrs) != len(listed):  # pages added or taken out
        return [PageSeal(shown) for shown in digests]
    message = seal_message(listed, qrs)
    return [
        PageSeal(shown, mine, message, signature)
        for shown, mine in zip(digests, listed, strict=True)
    ]


def _append_info(path: Path, reader: PdfReader, extra: dict[str, str]) -> None:
    """Add ``extra`` to the document information as an incremental update (a new
    information dictionary, a one-entry cross-reference section, a trailer): nothing
    before the end of the file changes, so no page changes by a byte."""
    trailer = reader.trailer
    info_ref = trailer.raw_get("/Info")
    root_ref = trailer.raw_get("/Root")
    if not isinstance(info_ref, IndirectObject) or not isinstance(root_ref, IndirectObject):
        raise ValueError(f"{path.name}: no indirect /Info and /Root")
    old = info_ref.get_object()
    if not isinstance(old, DictionaryObject):
        raise ValueError(f"{path.name}: /Info is not a dictionary")
    info = DictionaryObject(old)
    for key, value in extra.items():
        info[NameObject(key)] = create_string_object(value)
    size = path.stat().st_size
    body = bytearray(b"\n")
    offset = size + len(body)
    body += b"%d %d obj\n" % (info_ref.idnum, info_ref.generation)
    body += _serialised(info) + b"\nendobj\n"
    xref_at = size + len(body)
    body += b"xref\n%d 1\n%010d %05d n \n" % (info_ref.idnum, offset, info_ref.generation)
    new_trailer = DictionaryObject(
        {
            NameObject("/Size"): NumberObject(int(str(trailer["/Size"]))),
            NameObject("/Root"): root_ref,
            NameObject("/Info"): info_ref,
            NameObject("/Prev"): NumberObject(_startxref(path)),
        }
    )
    if "/ID" in trailer:
        new_trailer[NameObject("/ID")] = trailer.raw_get("/ID")
    body += b"trailer\n" + _serialised(new_trailer)
    body += b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
    with path.open("ab") as handle:
        handle.write(bytes(body))


def _startxref(path: Path) -> int:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 1024))
        tail = handle.read()
    return int(re.findall(rb"startxref\s+(\d+)", tail)[-1])


def _serialised(obj: PdfObject) -> bytes:
    out = BytesIO()
    obj.write_to_stream(out)
    return out.getvalue()
