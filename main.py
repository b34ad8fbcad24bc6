"""Start Contest Desk from a source checkout: `python main.py [--db PATH]`."""

from contest_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
