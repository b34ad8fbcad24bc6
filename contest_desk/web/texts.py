"""The words of the judge's pages, in the request's language (called inside ``speaking``).

Kept here rather than in the templates so that the catalog's test finds every one; the
page's script gets them as JSON, fields such as {n} still to fill."""

from __future__ import annotations

from contest_desk.i18n import _


def common() -> dict[str, str]:
    return {
        "app": _("Contest Desk scoring"),
        "log_out": _("Log out"),
        "language": _("Language"),
    }


def login() -> dict[str, str]:
    return {
        **common(),
        "title": _("Judge's log-in"),
        "username": _("User name"),
        "password": _("Password"),
        "submit": _("Log in"),
        "card": _("Or scan the QR code on your judge's card with the phone's camera."),
        "token_wait": _("Logging in with your judge's card…"),
        "token_missing": _("This address holds no token: scan the card's QR code again"),
        "back": _("To the log-in page"),
        "failed": _("The hub did not answer; check the Wi-Fi and try again"),
    }


def home() -> dict[str, str]:
    return {
        **common(),
        "title": _("Your score sheets"),
        "hello": _("Judge {name}"),
        "none": _("No score sheet is assigned to you yet."),
        "submitted": _("submitted"),
        "draft": _("to mark"),
        "locked": _("locked"),
    }


def sheet() -> dict[str, str]:
    return {
        **common(),
        "back": _("All sheets"),
        "total": _("Total"),
        "shared": _("shared by the panel"),
        "limits": _("0–{max}, step {step}"),
        "measured": _("measured value"),
        "all_saved": _("All marks saved"),
        "waiting": _("{n} mark(s) waiting to be sent"),
        "offline": _("No connection: {n} mark(s) kept on this device, sent when it is back"),
        "session_gone": _("Log in again to send the {n} waiting mark(s); they are kept"),
        "relogin": _("Log in again"),
        "not_number": _("'{value}' is not a number"),
        "outside": _("{value} is outside 0–{max} for {code}"),
        "off_step": _("{value} is not a multiple of the step {step} for {code}"),
        "places": _("{field}: {value} has more than {places} decimal places"),
        "now_stored": _("Stored now: {value}"),
        "submit_title": _("Sign off the sheet"),
        "submit_password": _("Your password"),
        "submit": _("Submit the sheet"),
        "missing": _("{n} mark(s) still missing"),
        "complete": _("Every mark is in: sign off with your password"),
        "wait_outbox": _("Wait until every mark is sent"),
        "submitted": _("Submitted: the sheet can no longer be changed"),
        "locked": _("The round is locked: the sheet can no longer be changed"),
        "failed": _("The hub did not answer; check the Wi-Fi and try again"),
    }


def field_missing(name: str) -> str:
    return _("The field {field} is missing", field=name)


def too_many(seconds: int) -> str:
    return _("Too many failed log-ins from this device; try again in {seconds} s", seconds=seconds)
