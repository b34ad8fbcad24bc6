"""Copying a whole database into a new one, SQLite or PostgreSQL either way (``copy``).

The command line's way to storage/copying.py, which does all of it (how the target is
made all or nothing is said there). No service context, no permission check: the copy
works with the databases' own credentials (the rights on a file, a server role's
password), as the server's own dump tools do; it changes nothing in the source, and the
target has no accounts to check until it is made.
"""

from __future__ import annotations

from contest_desk.storage.copying import CopyMismatch as CopyMismatch
from contest_desk.storage.copying import copy_database as copy_database
from contest_desk.storage.copying import shown as shown
