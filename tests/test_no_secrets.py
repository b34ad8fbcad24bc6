"""No export, log or error message holds a password, a password hash or a private key.

One demo database is built through the command line, and every output a person can get
from it is collected: stdout and stderr of each command (failing ones too), every file a
command writes, the audit trail's Excel export, the crash log and Python's logging at
DEBUG. Then every secret the database and the desk hold is looked for in each of them,
in the forms a leak would take: the stored text, its parts, and hex and base64 of the
bytes. Keys made and forgotten along the way (a sheet's one-time key, a hash that was
replaced) are caught as they are made, so they are looked for too.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import sqlite3
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from pypdf.generic import StreamObject
from sqlalchemy.exc import SQLAlchemyError

from contest_desk.cli import main
from contest_desk.domain.scrypt import scrypt_key
from contest_desk.domain.sheet_signing import JudgeKey
from contest_desk.domain.signing import unb64
from contest_desk.reports.audit_excel import write_audit_excel
from contest_desk.services.demo.build import ACCOUNTS, demo_password
from contest_desk.services.hub import Services
from contest_desk.services.people import users
from contest_desk.services.safety import desk_key

OIL, TEAMS = 1, 4  # the demo's events
LABOR, BOARD = 2, 1  # its labor competition (a contest) and its board
NEW_USER, NEW_PASSWORD, CHANGED_PASSWORD = "newjudge", "fresh-Secret-7731", "changed-Secret-4410"
WRONG_PASSWORD, SHORT_PASSWORD = "wrong-Guess-9051", "Qz9#x"
# A login hash however it got out (the stored form; not the judge key's public record,
# "ed25519-scrypt$…", which sheet files carry on purpose), and any private key as PEM.
SHAPES = {
    "password hash (scrypt$…)": re.compile(r"(?<![\w-])scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{8,}"),
    "private key (PEM)": re.compile(r"PRIVATE KEY-----"),
}


# Secrets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Secret:
    kind: str  # "password", "password hash", "certificate private key"…
    owner: str  # whose: a user name, a contest, the desk
    forms: tuple[str, ...]  # every way it could be written out

    def hint(self) -> str:
        """What a failure message may say: the kind and whose, never the secret."""
        return f"{self.kind} of {self.owner}"


def _byte_forms(data: bytes) -> list[str]:
    """Bytes as they might be written: hex, base64 (padded or not), base64url, or raw."""
    b64 = base64.b64encode(data).decode()
    return [
        data.hex(),
        data.hex().upper(),
        b64,
        b64.rstrip("="),
        base64.urlsafe_b64encode(data).decode().rstrip("="),
        data.decode("latin-1"),  # raw, as binary files are searched as latin-1 text
    ]


def _private_key(kind: str, owner: str, raw: bytes) -> Secret:
    """An Ed25519 private key: its raw bytes in every form, and its PKCS#8 encodings."""
    key = Ed25519PrivateKey.from_private_bytes(raw)
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return Secret(kind, owner, tuple(_byte_forms(raw) + _byte_forms(der)))


def _password_hash(owner: str, stored: str) -> Secret:
    """The whole stored string, its salt and digest as stored and decoded."""
    _scheme, _n, _r, _p, salt, digest = stored.split("$")
    parts = [stored, salt, digest, salt.rstrip("="), digest.rstrip("=")]
    for part in (salt, digest):
        parts += _byte_forms(base64.b64decode(part))
    return Secret("password hash", owner, tuple(parts))


def _signing_seed(owner: str, password: str, record: str) -> Secret:
    """The private key a judge signs sheets with, as made from the password: only its
    public record (salt, cost, public key) may leave the database."""
    key = JudgeKey.parse(record)
    assert key is not None, f"the signing key record of {owner} is not one"
    seed = scrypt_key(password, key.salt, key.n, key.r, key.p)
    return _private_key("sheet signing private key", owner, seed)


@dataclass
class Made:
    """What the desk made while the commands ran, caught as it was made."""

    hashes: list[str] = field(default_factory=list)
    ed25519: list[bytes] = field(default_factory=list)


def _secrets(db: Path, made: Made) -> list[Secret]:
    found: list[Secret] = []
    passwords = {u: demo_password(u) for u, _name, _roles in ACCOUNTS}
    passwords |= {NEW_USER: CHANGED_PASSWORD}
    for username, password in passwords.items():
        kind = "password" if username == NEW_USER else "demo password"
        found.append(Secret(kind, username, (password,)))
    for password in (NEW_PASSWORD, WRONG_PASSWORD, SHORT_PASSWORD):
        found.append(Secret("password", "a typed one", (password,)))
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT username, password_hash, signing_key FROM users").fetchall()
        keys = con.execute("SELECT contest_id, private_key FROM certificate_keys").fetchall()
    assert len(rows) == len(ACCOUNTS) + 1 and keys, "the demo lacks accounts or keys"
    for username, stored, signing in rows:
        found.append(_password_hash(username, stored))
        found.append(_signing_seed(username, passwords[username], signing))
    for contest_id, private in keys:
        found.append(
            _private_key("certificate private key", f"contest {contest_id}", unb64(private))
        )
    anchor_key = json.loads(desk_key.key_path().read_text(encoding="utf-8"))["private"]
    found.append(_private_key("desk anchor private key", "the desk", unb64(anchor_key)))
    for stored in made.hashes:  # hashes replaced since, or refused by the database
        found.append(_password_hash("a replaced password", stored))
    for raw in made.ed25519:  # every key made, kept or forgotten (a sheet's one-time key)
        found.append(_private_key("private key made while running", "the desk", raw))
    return found


@pytest.fixture(scope="module")
def made() -> Iterator[Made]:
    """Record every password hash, judge key and Ed25519 key the desk makes."""
    record = Made()
    real_hash = users.hash_password
    real_generate = Ed25519PrivateKey.generate

    def hash_password(password: str) -> str:
        stored = real_hash(password)
        record.hashes.append(stored)
        return stored

    def generate() -> Ed25519PrivateKey:
        key = real_generate()
        raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw
        record.ed25519.append(key.private_bytes(*raw, serialization.NoEncryption()))
        return key

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "hash_password", hash_password)
        patch.setattr(Ed25519PrivateKey, "generate", staticmethod(generate))
        yield record


# Outputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    name: str  # the command and which of its outputs: "notice --event (notice.pdf): page text"
    text: str
    lists_demo_passwords: bool = False  # the demo's account list, documented in README


def _pdf(name: str, data: bytes) -> list[Output]:
    """Raw bytes, every page's text, the document information and every decoded stream."""
    reader = PdfReader(io.BytesIO(data))
    pages = "\n".join(page.extract_text() or "" for page in reader.pages)
    info = json.dumps({str(k): str(v) for k, v in (reader.metadata or {}).items()})
    numbers = {n for table in reader.xref.values() for n in table} | set(reader.xref_objStm)
    streams = []
    for number in sorted(numbers):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            streams.append(obj.get_data().decode("latin-1"))
    assert streams, f"{name}: no stream read"
    return [
        Output(f"{name}: raw bytes", data.decode("latin-1")),
        Output(f"{name}: page text", pages),
        Output(f"{name}: document info", info),
        Output(f"{name}: decoded streams", "\n".join(streams)),
    ]


def _xlsx(name: str, path: Path) -> list[Output]:
    """Every cell's value, and the raw XML of every part of the workbook."""
    book = openpyxl.load_workbook(path)
    cells = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert cells, f"{name}: an empty workbook"
    with zipfile.ZipFile(path) as archive:
        xml = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return [Output(f"{name}: cells", "\n".join(cells)), Output(f"{name}: xml", "\n".join(xml))]


def _backup(name: str, path: Path) -> list[Output]:
    # A backup holds the database, hashes and keys included, on purpose (it is what a
    # restore puts back): only what it says about itself is looked at.
    with zipfile.ZipFile(path) as archive:
        return [Output(f"{name}: manifest", archive.read("manifest.json").decode("utf-8"))]


def _file(name: str, path: Path) -> list[Output]:
    assert path.exists(), f"{name}: {path.name} was not written"
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file())
        assert found, f"{name}: nothing written into {path.name}"
        return [o for p in found for o in _file(f"{name} {p.name}", p)]
    label = f"{name} ({path.name})"
    readers: dict[str, Callable[[str, Path], list[Output]]] = {
        ".pdf": lambda n, p: _pdf(n, p.read_bytes()),
        ".xlsx": _xlsx,
        ".zip": _backup,
    }
    if path.suffix in readers:
        return readers[path.suffix](label, path)
    return [Output(label, path.read_text(encoding="utf-8"))]


class Desk:
    """Runs commands on the demo database, keeping every output they give."""

    def __init__(self, db: Path, folder: Path, patch: pytest.MonkeyPatch) -> None:
        self.db, self.folder, self.patch = db, folder, patch
        self.outputs: list[Output] = []

    def run(
        self,
        name: str,
        *argv: str,
        user: str | None = "organizer",
        password: str | None = None,
        new_password: str | None = None,
        status: int = 0,
        out: str | None = None,
        wrote: str | None = None,
    ) -> None:
        """Run one command and keep its stdout, stderr and the file it writes: ``out``
        (given as --out) or ``wrote`` (named otherwise). ``password``: what the password
        prompt is given (the user's own by default)."""
        typed = password or (demo_password(user) if user else None)
        for variable, value in (
            ("CONTEST_DESK_PASSWORD", typed),
            ("CONTEST_DESK_NEW_PASSWORD", new_password),
        ):
            if value is None:
                self.patch.delenv(variable, raising=False)
            else:
                self.patch.setenv(variable, value)
        stdout, stderr = io.StringIO(), io.StringIO()
        as_user = ("--user", user) if user else ()
        to = ("--out", self.path(out)) if out else ()
        with redirect_stdout(stdout), redirect_stderr(stderr):
            got = main(["--db", str(self.db), *as_user, *argv, *to])
        # The first words of stderr only: a leak is for the search below to name.
        assert got == status, f"{name} exited {got}: {stderr.getvalue()[:120]}"
        said = stdout.getvalue() if status == 0 else stderr.getvalue()
        assert said.strip(), f"{name}: silent"
        self.outputs += [
            Output(f"{name}: stdout", stdout.getvalue(), lists_demo_passwords=argv == ("demo",)),
            Output(f"{name}: stderr", stderr.getvalue()),
        ]
        for written in (out, wrote):
            if written is not None:
                self.outputs += _file(name, self.folder / written)

    def path(self, name: str) -> str:
        return str(self.folder / name)

    def write(self, name: str, content: str | bytes) -> str:
        target = self.folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return str(target)


# What a person can get out of the desk ------------------------------------------------------


def _reports(desk: Desk) -> None:
    """Every report and export of the demo, in each format."""
    run, oil, board, labor = desk.run, str(OIL), str(BOARD), str(LABOR)
    run("demo", "demo", user=None)
    run("contests", "contests")
    for fmt in ("table", "csv", "json"):
        run(f"standings --format {fmt}", "standings", "--event", oil, "--format", fmt)
        run(f"labor standings --format {fmt}", "labor", "standings", "--contest", labor,
            "--format", fmt)  # fmt: skip
        run(f"board show --format {fmt}", "board", "show", "--board", board, "--format", fmt)
    run("standings of teams", "standings", "--event", str(TEAMS), "--format", "json")
    for fmt in ("table", "json"):
        run(f"judges --format {fmt}", "judges", "--event", oil, "--format", fmt)
    for fmt in ("csv", "json"):
        run(f"board history --format {fmt}", "board", "history", "--board", board, "--format", fmt)
    run("board list", "board", "list", "--contest", "1")
    run("labor periods", "labor", "periods", "--contest", labor)
    run("labor template", "labor", "template", "--contest", labor, "--period", "6月",
        out="labor.xlsx")  # fmt: skip
    run("user list", "user", "list", user="admin")
    for contest in ("1", labor):
        run(f"export contest {contest}", "export", "contest", contest, out=f"c{contest}.json")
    for kind, target, out in (
        ("--event", oil, "notice.pdf"),
        ("--event", oil, "notice.xlsx"),
        ("--board", board, "board-notice.pdf"),
        ("--labor", labor, "labor-notice.xlsx"),
    ):
        final = ("--provisional",) if kind == "--event" else ()  # the demo's rounds are open
        run(f"notice {kind}", "notice", kind, target, *final, out=out)
    run("innovation export", "innovation", "export", desk.path("ledger.xlsx"), wrote="ledger.xlsx")
    run("innovation report", "innovation", "report", "--year", "2025", "--organizer", "工会",
        out="compilation.pdf")  # fmt: skip


def _certificates(desk: Desk) -> None:
    """Certificates (one combined PDF, and a file each), their checks and the public key."""
    run, certificates = desk.run, desk.path("certificates.pdf")
    (desk.folder / "separate").mkdir()
    run("certificates (combined)", "certificates", "--event", str(OIL), "--provisional",
        out="certificates.pdf")  # fmt: skip
    run("certificates (a file each)", "certificates", "--event", "2", "--provisional",
        out="separate")  # fmt: skip
    run("certificates of a board", "certificates", "--board", str(BOARD), out="board.pdf")
    run("verify a PDF", "verify", certificates)
    serial = desk.outputs[-2].text.split(":")[0]
    run("verify a serial", "verify", serial)
    run("public-key", "public-key", "--contest", "1", out="contest1.pem")
    run("verify offline", "verify", certificates, "--public-key", desk.path("contest1.pem"))


def _sheets_and_backup(desk: Desk) -> None:
    """An offline sheet out, filled on the "laptop" and back; paper sheets; a backup."""
    run, file = desk.run, desk.path("sheet.json")
    run("sheet export", "sheet", "export", "--event", "3", "--judge", "judge1", out="sheet.json")
    sheet = json.loads((desk.folder / "sheet.json").read_text(encoding="utf-8"))
    judged = next(c["code"] for c in sheet["criteria"] if c["kind"] == "judgement")
    first = sheet["entries"][0]["code"]
    marks = desk.write("marks.csv", f"entry,criterion,value\n{first},{judged},1\n")
    run("sheet fill", "sheet", "fill", file, "--scores", marks, user=None,
        password=demo_password("judge1"), wrote="sheet.json")  # fmt: skip
    run("sheet import", "sheet", "import", file, user="chief")
    run("sheet print", "sheet", "print", "--event", "3", out="paper.pdf")
    run("backup", "backup", "--to", desk.path("backup.zip"), user="admin", wrote="backup.zip")


def _accounts_and_refusals(desk: Desk) -> None:
    """New passwords set, wrong ones typed, bad files given: what each command says."""
    run, admin, wrong = desk.run, "admin", WRONG_PASSWORD
    run("user add", "user", "add", NEW_USER, "--role", "judge", user=admin,
        new_password=NEW_PASSWORD)  # fmt: skip
    run("user passwd", "user", "passwd", NEW_USER, user=admin, new_password=CHANGED_PASSWORD)
    run("user add, too short", "user", "add", "shorty", "--role", "judge", user=admin,
        new_password=SHORT_PASSWORD, status=2)  # fmt: skip
    run("a wrong password", "contests", password=wrong, status=2)
    run("an unknown user", "contests", user="nobody", password=wrong, status=2)
    run("sheet fill, a wrong password", "sheet", "fill", desk.path("sheet.json"),
        "--scores", desk.path("marks.csv"), user=None, password=wrong, status=2)  # fmt: skip
    junk = "not what it says it is\n"
    bad_marks = "entry,judge,criterion,value\nX9,judge1,A1,abc\n"
    for command, name, content, extra in (
        ("roster", "bad.xlsx", junk, ("--contest", "1")),
        ("scores", "bad.csv", bad_marks, ("--event", str(OIL))),
        ("contest", "bad.json", junk, ()),
    ):
        given = desk.write(name, content)
        run(f"import {command}, a bad file", "import", command, given, *extra, status=2)
    run("verify, a bad PDF", "verify", desk.write("bad.pdf", b"%PDF-1.4\nbroken"), status=2)
    given = desk.write("bad.zip", junk)
    run("restore, a bad zip", "restore", given, "--yes", user=admin, status=2)
    sheet = json.loads((desk.folder / "sheet.json").read_text(encoding="utf-8"))
    sheet["event"] += "（改）"
    tampered = desk.write("tampered.json", json.dumps(sheet, ensure_ascii=False))
    run("sheet import, a changed file", "sheet", "import", tampered, user="chief", status=2)


# The database refuses a write that carries a secret (a full disk, say): the error must not
# carry the secret into a message, the crash log or the log.
REFUSALS = (
    "CREATE TRIGGER refuse_password BEFORE UPDATE OF password_hash ON users"
    " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    "CREATE TRIGGER refuse_key BEFORE INSERT ON certificate_keys"
    " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
)


def _database_failures(desk: Desk, patch: pytest.MonkeyPatch) -> None:
    with sqlite3.connect(desk.db) as con:
        for statement in REFUSALS:
            con.execute(statement)
    labor = str(LABOR)
    desk.run("user passwd, the database refuses", "user", "passwd", "judge2", user="admin",
             new_password=NEW_PASSWORD, status=1)  # fmt: skip
    desk.run("certificates, the database refuses", "certificates", "--labor", labor,
             "--out", desk.path("refused.pdf"), status=1)  # fmt: skip
    services = Services.open(str(desk.db))
    try:
        admin = services.as_user(services.users.authenticate("admin", demo_password("admin")))
        organizer = services.as_user(
            services.users.authenticate("organizer", demo_password("organizer"))
        )
        _crash_log(
            desk,
            patch,
            lambda: admin.users.set_password("judge2", NEW_PASSWORD),
            lambda: organizer.certificates.issue_labor(LABOR, None, "landscape"),
        )
    finally:
        services.ctx.db.dispose()
    with sqlite3.connect(desk.db) as con:
        for statement in REFUSALS:
            con.execute(f"DROP TRIGGER {statement.split()[2]}")
    desk.run("certificates of labor", "certificates", "--labor", labor, out="labor.pdf")


def _crash_log(desk: Desk, patch: pytest.MonkeyPatch, *failing: Callable[[], Any]) -> None:
    """Each failure through the window's crash hook, as a bug reaching the event loop."""
    from contest_desk.ui import feedback  # Qt, offscreen (tests/conftest.py)

    log = desk.folder / "crash.log"
    patch.setattr(feedback, "log_file", lambda: log)
    patch.setattr(feedback.QMessageBox, "critical", lambda *_args: None)
    before = sys.excepthook
    feedback.install_crash_handler()
    try:
        for work in failing:
            with pytest.raises(SQLAlchemyError) as failed:
                work()
            sys.excepthook(failed.type, failed.value, failed.tb)
    finally:
        sys.excepthook = before
    desk.outputs += _file("crash log", log)


def _audit_excel(desk: Desk) -> None:
    services = Services.open(str(desk.db))
    try:
        admin = services.as_user(services.users.authenticate("admin", demo_password("admin")))
        write_audit_excel(desk.folder / "audit.xlsx", admin.audit.records())
    finally:
        services.ctx.db.dispose()
    desk.outputs += _file("audit Excel export", desk.folder / "audit.xlsx")


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def seen(made: Made, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Output], list[Secret]]:
    """Every output of the desk, and every secret it held or made on the way."""
    folder = tmp_path_factory.mktemp("no-secrets")
    kept = _Kept()
    # The app's own loggers, at DEBUG, kept here alone: not passed on to pytest's report,
    # which would print a leak in full. (The libraries' loggers stay as they are: SQLAlchemy
    # at DEBUG prints result rows by design, a developer's switch the app never turns on.)
    ours = logging.getLogger("contest_desk")
    level, propagate = ours.level, ours.propagate
    ours.addHandler(kept)
    ours.setLevel(logging.DEBUG)
    ours.propagate = False
    try:
        with pytest.MonkeyPatch.context() as patch:
            desk = Desk(folder / "demo.db", folder, patch)
            _reports(desk)
            _certificates(desk)
            _sheets_and_backup(desk)
            _accounts_and_refusals(desk)
            _database_failures(desk, patch)
            _audit_excel(desk)
    finally:
        ours.removeHandler(kept)
        ours.setLevel(level)
        ours.propagate = propagate
    assert kept.lines, "the crash hook logged nothing"
    outputs = [*desk.outputs, Output("Python logging", "\n".join(kept.lines))]
    return outputs, _secrets(desk.db, made)


# Tests --------------------------------------------------------------------------------------


def leaks(output: Output, secrets: list[Secret]) -> list[str]:
    """What ``output`` gives away, each named by its kind and whose (never the secret)."""
    found = []
    for secret in secrets:
        if output.lists_demo_passwords and secret.kind == "demo password":
            continue
        form = next((f for f in secret.forms if f in output.text), None)
        if form is not None:
            found.append(f"{output.name}: {secret.hint()} (written as {form[:3]}…)")
    found += [
        f"{output.name}: a {what}" for what, shape in SHAPES.items() if shape.search(output.text)
    ]
    return found


def test_no_output_holds_a_password_a_hash_or_a_private_key(
    seen: tuple[list[Output], list[Secret]],
) -> None:
    outputs, secrets = seen
    found = [leak for output in outputs for leak in leaks(output, secrets)]
    assert not found, "secrets in the desk's output:\n" + "\n".join(found)


def test_every_kind_of_output_was_searched(seen: tuple[list[Output], list[Secret]]) -> None:
    """The search above covers what the brief of the test promises, not fewer outputs."""
    outputs, secrets = seen
    names = " ".join(o.name for o in outputs)
    for expected in (
        "(notice.pdf): page text",
        "(notice.xlsx): cells",
        "certificates (a file each)",
        "crash log",
        "audit Excel export",
        "backup (backup.zip): manifest",
        "Python logging",
        "a wrong password: stderr",
        "refuses: stderr",
        "sheet fill",
    ):
        assert expected in names
    kinds = {s.kind for s in secrets}
    assert kinds >= {"demo password", "password", "password hash", "certificate private key",
                     "desk anchor private key", "sheet signing private key",
                     "private key made while running"}  # fmt: skip


def test_the_search_finds_a_secret_written_out() -> None:
    """A hash, a key's bytes in hex and a password, planted, are each found and named."""
    raw = bytes(range(32))
    stored = (
        "scrypt$32768$8$1$"
        + base64.b64encode(raw[:16]).decode()
        + "$"
        + base64.b64encode(raw).decode()
    )
    secrets = [
        _password_hash("judge1", stored),
        _private_key("certificate private key", "contest 1", raw[::-1]),
        Secret("password", "a user", ("judge1-2026",)),
    ]
    for text, kind in (
        (f"error: {stored.split('$')[-1]}", "password hash of judge1"),
        (f"key {raw[::-1].hex()}", "certificate private key of contest 1"),
        ("typed judge1-2026", "password of a user"),
    ):
        assert [kind in leak for leak in leaks(Output("planted", text), secrets)] == [True]
    assert leaks(Output("planted", f"log {stored.replace(stored[20:], 'x' * 30)}"), []) == [
        "planted: a password hash (scrypt$…)"
    ]
