"""The README's pictures of every area of the window at 1280×800 (and, to look at,
1920×1080, or at 150 % with ``--scale 1.5 --size 1280x720 --prefix hidpi_``, or at a
14-point font with ``--font-size 14 --prefix bigfont_``):
``python -m tests.ui.screenshots [--size 1920x1080] [--out FOLDER]``.

A demo database is built in a temporary folder (its attached files and the desk's key
stay there too) and opened by one account with the organizer's, the chief judge's and
the administrator's roles, so that every area is in the side bar. Each area is shown
with the demo's contest and its first event chosen, the window's work waited for, and the
window drawn into a PNG (256 colours, optimised with Pillow). Writes ``area_<key>.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "screenshots"


def settle(app, seconds: float = 1.5) -> None:
    """Let the runner's workers finish and their answers reach the widgets."""
    from PySide6.QtCore import QThreadPool

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QThreadPool.globalInstance().waitForDone(100)
        app.processEvents()
        time.sleep(0.02)


def save(window, path: Path) -> None:
    from PIL import Image

    raw = path.with_suffix(".raw.png")
    window.grab().save(str(raw))
    # 256 colours without dithering: the window's flat colours and text look the same, and
    # the file is about a third of the size.
    picture = Image.open(raw).convert("RGB")
    palette = picture.quantize(256, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(path, optimize=True)
    raw.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", default=str(FOLDER))
    parser.add_argument("--tabs", action="store_true", help="also every tab of each area")
    parser.add_argument("--areas", default="", help="comma-separated area keys (all by default)")
    parser.add_argument(
        "--scale", default="", help="the screen scale, e.g. 1.5 for 150 %% (--size: logical)"
    )
    parser.add_argument("--prefix", default="area_", help="the pictures' file name prefix")
    parser.add_argument(
        "--font-size", type=int, default=0, help="the font in points, as 设置 → 字号 sets it"
    )
    args = parser.parse_args(argv)
    if args.scale:  # read by Qt when the application starts, as on a high-DPI screen
        os.environ["QT_SCALE_FACTOR"] = args.scale
    width, height = (int(n) for n in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="contest-desk-shots-"))
    os.environ.setdefault("CONTEST_DESK_FILES", str(scratch / "files"))
    os.environ.setdefault("CONTEST_DESK_ANCHOR_KEY", str(scratch / "desk-key.json"))

    from contest_desk.app import make_qapp
    from contest_desk.domain.permissions import Actor, Role
    from contest_desk.services.demo.build import CONTEST_NAME, build_demo
    from contest_desk.services.hub import Services
    from contest_desk.ui.main_window import MainWindow

    app, translations = make_qapp()
    translations.apply("zh_CN")
    if args.font_size:  # as the settings dialog's font size (apply_font_size) does
        font = app.font()
        font.setPointSize(args.font_size)
        app.setFont(font)
    services = Services.open(str(scratch / "demo.db"))
    build_demo(services)
    actor = Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
    window = MainWindow(services.as_user(actor))
    window.resize(width, height)
    window.show()
    settle(app)
    contest = next(c for c in services.contests.contests() if c.name == CONTEST_NAME)
    window.state.choose_contest(contest.id)
    window.state.choose_event(services.contests.events(contest.id)[0].id)
    wanted = [k for k in args.areas.split(",") if k] or list(window.areas)
    for key in wanted:
        window.show_area(key)
        settle(app)
        if key == "chief":  # the consistency tab, with what its figures mean
            window.areas[key].tabs.setCurrentIndex(2)
            settle(app, 0.5)
        path = out / f"{args.prefix}{key}.png"
        save(window, path)
        print(path, window.width(), window.height())
        tabs = getattr(window.areas[key], "tabs", None)
        if args.tabs and tabs is not None:  # every tab, to look at; not for the README
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(app, 1.0)
                save(window, out / f"tab_{key}_{index}.png")
    window.close()
    services.ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
