"""Parsing the command line and running one command: the global options, each area's
commands, the exit status and the one-line reasons."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from contest_desk import __version__
from contest_desk.cli import (
    audit,
    backup,
    boards,
    certificates,
    contests,
    copy,
    core,
    demo,
    innovation,
    judging,
    labor,
    people,
    rubric,
    serve,
    server,
)
from contest_desk.cli.types import checked_integers
from contest_desk.errors import ImportRejected, ServerUnavailable, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, language, set_language
from contest_desk.logs import set_up_logging
from contest_desk.user_dirs import default_database_path

AREAS = (
    demo, contests, rubric, people, judging, boards, labor, innovation, certificates, backup,
    audit, serve, server, copy,
)  # fmt: skip


def default_database() -> str:
    return str(default_database_path())


class _DatabaseHelp(str):
    """The --db help, whose default path is looked up only when the help is printed."""

    def __mod__(self, params: object) -> str:  # argparse fills in a help text with %
        return _("database file or SQLAlchemy URL (default: {path})", path=default_database())


def parser() -> argparse.ArgumentParser:
    """The whole command line: the global options, then every area's commands."""
    top = core.Parser(  # its subcommands' parsers are Parsers too
        prog="contest-desk",
        description=_("Contest Desk: opens the window, or runs one command without it."),
    )
    top.add_argument("--db", metavar="PATH_OR_URL", help=_DatabaseHelp("--db"))
    top.add_argument("--lang", choices=LANGUAGES, help=_("language of messages"))
    top.add_argument(
        "--user",
        metavar="NAME",
        help=_("act as this user (password from {env} or a prompt)", env=core.PASSWORD_ENV),
    )
    top.add_argument("--version", action="version", version=f"contest-desk {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    groups = core.Groups(commands)
    for area in AREAS:
        area.add_commands(groups)
    return checked_integers(top)


def _database_failure(error: Exception) -> bool:
    """An error of SQLAlchemy (a URL it cannot use, a server that does not answer), told by
    its module so that the command line need not import SQLAlchemy to catch it."""
    return any(c.__module__.partition(".")[0] == "sqlalchemy" for c in type(error).__mro__)


def _run(args: argparse.Namespace) -> int:
    if args.command is None:
        # Imported here so that every other command works without Qt.
        from contest_desk.app import run_gui

        # Without --db the window opens the most recent connection (ui/start_login.py), as
        # contest-desk-gui does; the data folder's file only when there is none.
        return run_gui(args.db, args.lang)
    from contest_desk.cli.desk import acting, open_services

    try:
        if getattr(args, "own_database", False):  # `server …`: the URL given, not --db
            return int(args.run(None, args))
        services = open_services(args.db)
        try:
            handler: core.Handler = args.run
            return handler(acting(services, args), args)
        finally:
            services.ctx.db.dispose()
    except ImportRejected as rejected:
        core.err(_("{count} problem(s), nothing imported:", count=len(rejected.problems)))
        for problem in rejected.problems:
            core.err(problem.message())
        return core.REFUSED
    except ServerUnavailable as error:  # the server went away midway: it cannot be reached
        core.err(_("Error: {reason}", reason=error.message()))
        return core.CANNOT_OPEN
    except UserError as error:
        core.err(_("Error: {reason}", reason=error.message()))
        return core.REFUSED
    except Exception as error:
        if not isinstance(error, OSError) and not _database_failure(error):
            raise
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        core.err(_("Error: {reason}", reason=first_line))
        return core.CANNOT_OPEN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of leaving the process."""
    if argv is None:
        # The process's own command line logs to the user's log file; a call from Python
        # (tests, scripts) leaves the caller's logging alone.
        set_up_logging(echo_warnings=True)
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language is needed before the parser is built, since its help is translated.
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    previous = language()
    set_language(known.lang or DEFAULT_LANGUAGE)
    try:
        try:
            args = parser().parse_args(argv)
        except SystemExit as stop:  # --help, --version and usage errors
            return stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
        return _run(args)
    finally:
        set_language(previous)
