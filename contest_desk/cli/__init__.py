"""The ``contest-desk`` command: the window by default, subcommands for headless work.

Every subcommand goes through the services, prints what it did on stdout and
returns 0; a problem a person can fix prints a one-line reason on stderr and
returns 2 (an import prints every problem, one per line); a file or database
that cannot be opened returns 1. Listings and the commands that create something
take ``--format json`` (a new object's ``id``), kept stable for scripts.

``entry`` parses and runs; ``core`` is what every command shares; ``desk`` opens the
database and says who acts; each area (``contests``, ``people``, ``judging``,
``boards``, ``labor``, ``innovation``, ``certificates``, ``backup``, ``audit``,
``demo``) registers its own commands.
"""

from contest_desk.cli.entry import main

__all__ = ["main"]
