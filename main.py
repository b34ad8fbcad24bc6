"""Start Contest Desk from a source checkout: `python main.py [--db PATH]`."""

import sys
from pathlib import Path

from contest_desk.cli import main

if __name__ == "__main__":
    # The bundle's two programs run this one script (installer/contest_desk.spec): the
    # windowed one takes the window's own arguments, a contest file among them, as the
    # setup's file association passes it (`contest-desk-gui "%1"`).
    if getattr(sys, "frozen", False) and Path(sys.executable).stem == "contest-desk-gui":
        from contest_desk.app import main as gui_main

        raise SystemExit(gui_main())
    raise SystemExit(main())
