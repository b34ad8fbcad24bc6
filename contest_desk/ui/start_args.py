"""The window's own command line: ``contest-desk-gui [--db PATH_OR_URL] [--lang zh_CN|en] [FILE]``.

Read before anything opens. A windowed program has no console to print to (on Windows
none at all), so a mistake is a ``UserError`` that app.py shows in a message box, in the
app's language, with the usage under it: never argparse's English on a missing stderr,
never a traceback. FILE is a contest file, as the Windows setup's file association
passes it (installer/windows/contest-desk.iss): imported after the log-in, when asked.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from contest_desk.domain import limits
from contest_desk.errors import UserError
from contest_desk.i18n import LANGUAGES

PROG = "contest-desk-gui"
# A path or URL: Linux's PATH_MAX; Windows paths past 260 characters need long-path
# support, and nobody types a URL this long. Longer is refused before anything opens.
PATH_CHARS = 4096


def tr(text: str) -> str:
    return QCoreApplication.translate("start_args", text)


@dataclass(frozen=True)
class StartArgs:
    db: str | None = None
    lang: str | None = None
    file: Path | None = None
    help: bool = False


class _Parser(argparse.ArgumentParser):
    """argparse's own mistakes (``exit_on_error`` misses some) come back as an exception,
    never as an exit with English text on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError("The command line is not right: {reason}", reason=message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("-h", "--help", action="store_true")
    parser.add_argument("--db")
    parser.add_argument("--lang")
    parser.add_argument("file", nargs="?")
    return parser


def parse_start_args(argv: Sequence[str]) -> StartArgs:
    """The arguments, each checked; a UserError naming the one that is wrong."""
    try:
        args, extra = _parser().parse_known_args(list(argv))
    except argparse.ArgumentError as error:
        if "expected one argument" in str(error):
            raise UserError("{option} needs a value", option=error.argument_name) from None
        raise UserError("The command line is not right: {reason}", reason=str(error)) from None
    if extra:
        # Cut short, and a byte that was no text (Linux hands those in) made printable.
        shown = " ".join(a[:40] for a in extra[:5]).encode("utf-8", "replace").decode()
        raise UserError("Unknown argument(s): {args}", args=shown)
    if args.help:
        return StartArgs(help=True)
    return StartArgs(_db(args.db), _lang(args.lang), _file(args.file))


def _db(value: str | None) -> str | None:
    if value is None:
        return None
    limits.check_text(value, PATH_CHARS, "--db")
    if not value.strip():
        raise UserError("--db needs a database file or a server's URL")
    return value


def _lang(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise UserError(
            "--lang takes {choices}, not {value}",
            choices=" / ".join(LANGUAGES),
            value=value[:20],
        )
    return value


def _file(value: str | None) -> Path | None:
    if value is None:
        return None
    limits.check_text(value, PATH_CHARS, "FILE")
    path = Path(value)
    if path.is_dir():
        raise UserError("{file} is a folder, not a contest file", file=str(path))
    if not path.is_file():
        raise UserError("There is no file {file}", file=str(path))
    return path.absolute()


def start_language(argv: Sequence[str], stored: str) -> str:
    """The language to speak a refusal in: ``--lang`` when it is a known one, else the
    stored setting (what run_gui would use)."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    return stored


def usage() -> str:
    return tr(
        "Usage: contest-desk-gui [--db PATH_OR_URL] [--lang zh_CN|en] [FILE]\n"
        "--db: the database file or a server's URL (default: the most recent connection,\n"
        "else the file in your data folder)\n"
        "--lang: the language of the window\n"
        "FILE: a contest file (.json) to import as a new contest after you log in"
    )


def show_message(title: str, text: str, warning: bool = True) -> None:
    """A message box with no window under it (none is open yet). Tests replace it."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    QMessageBox(icon, title, text).exec()


def refuse(error: UserError) -> None:
    """Say what is wrong with the command line, and how it goes."""
    show_message(tr("Contest Desk cannot start"), f"{error.message()}\n\n{usage()}")


def show_usage() -> None:
    show_message(tr("Contest Desk"), usage(), warning=False)
