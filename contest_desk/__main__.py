"""`python -m contest_desk` starts the same entry point as `main.py` and `contest-desk`."""

from contest_desk.cli import main

raise SystemExit(main())
