"""What every command shares: registering it, output (text or JSON), passwords, exit codes.

Kept light on purpose: this module and the area modules import no service, no report
and no heavy library at their top, so that building the parser costs almost nothing and
a command pays only for what it uses (see tests/benchmarks/bench_cli_start.py).
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.domain.records.contests import ImportSummary
    from contest_desk.services.hub import Services

Handler = Callable[["Services", argparse.Namespace], int]
T = TypeVar("T")

# Exit status: what went right or wrong, for scripts.
OK = 0
CANNOT_OPEN = 1  # a file or the database cannot be opened
REFUSED = 2  # a problem a person can fix, or a usage error (argparse's own status)
FOUND_WRONG = 3  # a check found something wrong (the audit trail, a superseded certificate)

PASSWORD_ENV = "CONTEST_DESK_PASSWORD"  # the --user's password, for scripts
NEW_PASSWORD_ENV = "CONTEST_DESK_NEW_PASSWORD"  # a password being set, for scripts


@functools.cache
def _help_width() -> int:
    return shutil.get_terminal_size().columns - 2


class Parser(argparse.ArgumentParser):
    """argparse asks the terminal's width for every option it adds (about 0.2 ms each,
    a quarter of the start of a command with 270 options): ask once."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        made: argparse.HelpFormatter = cast(Any, self.formatter_class)(
            prog=self.prog, width=_help_width()
        )
        return made


def command(
    group: Any, name: str, handler: Handler, text: str, reads: bool = False
) -> argparse.ArgumentParser:
    """Add a subcommand to ``group`` (a subparsers action) that runs ``handler``.

    ``reads``: a read-only report, which a local file lets anyone run without a log-in.
    """
    sub: argparse.ArgumentParser = group.add_parser(name, help=text, description=text)
    sub.set_defaults(run=handler, reads=reads)
    return sub


def _format_name(text: str) -> str:
    # "table" is what the first commands called their text output; it stays accepted.
    return "text" if text == "table" else text


def add_format(sub: argparse.ArgumentParser, *, csv: bool = False) -> None:
    """The ``--format`` option: text (the default, also spelt ``table``), CSV where a
    command prints a table, and JSON, whose structure is kept stable for scripts."""
    choices = ("text", "csv", "json") if csv else ("text", "json")
    sub.add_argument(
        "--format",
        type=_format_name,
        choices=choices,
        default="text",
        help=_("output format; json is kept stable for scripts"),
    )
    if csv:
        add_out(sub)


def add_out(sub: argparse.ArgumentParser) -> None:
    """``--out FILE``: a table written to a file (see ``table_out``) instead of printed."""
    sub.add_argument(
        "--out",
        metavar="FILE.csv",
        help=_(
            "write the table to a file instead of printing it: FILE.csv, which Excel and "
            "WPS open in Chinese, or FILE.xlsx for an event's standings"
        ),
    )


def table_out(
    args: argparse.Namespace,
    formats: Mapping[str, Callable[[T], str]],
    table: T,
    excel: Callable[[Path, T], Path] | None = None,
) -> int:
    """Print ``table`` in the asked ``--format``, or write it to ``--out``: a .csv in UTF-8
    with a byte-order mark (printed CSV has none: a terminal or a pipe reads it), or an
    .xlsx when ``excel`` can write one. A file held open by Excel is said as such."""
    target = getattr(args, "out", None)
    if target is None:
        out(formats[args.format](table))
        return OK
    path = Path(target)
    suffix = path.suffix.lower()
    if suffix == ".xlsx" and excel is not None:
        excel(path, table)
    elif suffix == ".csv":
        from contest_desk.reports.files import save_csv

        save_csv(formats["csv"](table), path)
    else:
        raise UserError(
            "--out takes a file name ending in {suffixes}",
            suffixes=".csv" + (" / .xlsx" if excel is not None else ""),
        )
    return said(args, _("Written to {file}", file=str(path)), file=str(path))


def wants_json(args: argparse.Namespace) -> bool:
    return getattr(args, "format", "text") == "json"


def out(text: str = "") -> None:
    """Print ``text`` on stdout, ending it with one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def err(text: str) -> None:
    """Print ``text`` on stderr: the one-line reasons and warnings."""
    print(text, file=sys.stderr)


def as_json(data: Any) -> str:
    """JSON as every command prints it: UTF-8 text as it is (Chinese names stay readable)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def said(args: argparse.Namespace, text: str, **data: Any) -> int:
    """What a command did: ``text`` for a person, or ``data`` as JSON with --format json
    (a command that creates something gives its new ``id``)."""
    out(as_json(data) if wants_json(args) else text)
    return OK


def listed(args: argparse.Namespace, lines: list[str], data: Any) -> int:
    """A listing: ``lines`` for a person (nothing at all when there are none), or ``data``
    as JSON with --format json."""
    if wants_json(args):
        out(as_json(data))
    elif lines:
        out("\n".join(lines))
    return OK


def password(username: str) -> str:
    """The password of ``username``: CONTEST_DESK_PASSWORD, or typed at a prompt."""
    given = os.environ.get(PASSWORD_ENV)
    if given is None:
        given = getpass.getpass(_("Password for {user}: ", user=username))
    return given


def new_password(username: str) -> str:
    """The new password of ``username``: CONTEST_DESK_NEW_PASSWORD, or typed twice."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    first = getpass.getpass(_("New password for {user}: ", user=username))
    if getpass.getpass(_("The same again: ")) != first:
        raise UserError("The two passwords differ")
    return first


class Groups:
    """Where the areas add their commands: the top level (``commands``), and the groups
    such as ``import`` that several areas add subcommands to."""

    def __init__(self, commands: Any) -> None:
        self.commands = commands
        self._groups: dict[str, Any] = {}

    def group(self, name: str, text: str, metavar: str) -> Any:
        """The subcommands of ``contest-desk NAME``, made by the first area that asks."""
        if name not in self._groups:
            parent = self.commands.add_parser(name, help=text)
            self._groups[name] = parent.add_subparsers(dest="what", metavar=metavar, required=True)
        return self._groups[name]


def add_import(
    groups: Groups, name: str, handler: Handler, text: str, file: str
) -> argparse.ArgumentParser:
    """``contest-desk import NAME FILE``: a roster (people), scores (judging) or a contest
    (contests), each with --format json."""
    group = groups.group(
        "import", _("import a roster, scores or a contest file"), "roster|scores|contest"
    )
    sub = command(group, name, handler, text)
    sub.add_argument("file", metavar=file)
    add_format(sub)
    return sub


def imported(args: argparse.Namespace, source: str, summary: ImportSummary) -> int:
    """What an import wrote, kind by kind; JSON: ``{"file", "created": {kind: n},
    "updated": {kind: n}}``."""
    counts = []
    for kind in dict.fromkeys([*summary.created, *summary.updated]):
        created = summary.created.get(kind, 0)
        if kind in summary.updated:
            text = _("{what}: {created} new, {updated} updated", what=_(kind), created=created,
                     updated=summary.updated[kind])  # fmt: skip
        else:
            text = _("{what}: {created} new", what=_(kind), created=created)
        counts.append(text)
    text = _("Imported {file}: {counts}", file=source, counts=_("; ").join(counts))
    return said(args, text, file=source, created=summary.created, updated=summary.updated)
