"""A database server that went away during a call, said as ``ServerUnavailable``.

A server stopped or restarted, or the LAN cut, breaks the connections a desk holds:
psycopg's OperationalError would otherwise reach the crash dialog as a bug. Here it
becomes one plain sentence naming the server, and says whether the commit itself was
under way (then the change may have been saved or not: only a save with an op id,
storage/client_ops.py, may simply be sent again).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from contest_desk.errors import ServerUnavailable
from contest_desk.storage import reach


class Step:
    """Where a transaction is: ``committing`` once its work is done and the commit sent."""

    committing = False


def lost(error: BaseException, url: str) -> bool:
    """Whether ``error`` says the server at ``url`` is gone: a connection found broken
    (SQLAlchemy invalidated it), or a new one refused or timed out (reach.py's cases)."""
    if make_url(url).get_backend_name() == "sqlite":
        return False
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return reach.explain(error, url) is not None


def server_of(url: str) -> str:
    return reach.server_name(make_url(url))


@contextmanager
def said(url: str) -> Iterator[Step]:
    """Inside the block, a lost server raises ServerUnavailable (``unknown`` when the
    block had marked its step as committing)."""
    step = Step()
    try:
        yield step
    except ServerUnavailable:
        raise
    except Exception as error:
        if not lost(error, url):
            raise
        # The driver's text stays as the cause, for the log; the person reads the sentence.
        raise ServerUnavailable(server_of(url), unknown=step.committing) from error
