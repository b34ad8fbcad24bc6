"""Certificates (荣誉证书): templates, the Chinese date, and where everything goes on the page.

``layout`` turns a template and one recipient's fields into drawing steps in millimetres
from the page's top-left corner. Both the PDF writer (reportlab) and the window's preview
and printing (QPainter) draw those same steps, so what is previewed is what prints.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from enum import StrEnum

from contest_desk.domain import limits
from contest_desk.errors import UserError

DIGITS = "〇一二三四五六七八九"
FIELDS = ("name", "unit", "contest", "event", "round", "award", "date", "serial", "organization")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (months and days)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def chinese_date(day: dt.date, with_day: bool = False) -> str:
    """二〇二六年十一月 (or 二〇二六年十一月二十日): how certificates write a date."""
    year = "".join(DIGITS[int(c)] for c in str(day.year))
    text = f"{year}年{chinese_number(day.month)}月"
    return text + (f"{chinese_number(day.day)}日" if with_day else "")


class Orientation(StrEnum):
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


@dataclass(frozen=True)
class Placed:
    """An image on the page: its file, its top-left corner and its size, in mm."""

    path: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Template:
    name: str
    orientation: Orientation = Orientation.LANDSCAPE
    title: str = "荣誉证书"
    body: str = "{name} 同志在{contest}{event}中荣获{award}，特发此证，以资鼓励。"
    organization: str = "{organization}"
    with_day: bool = False  # 二〇二六年十一月 or 二〇二六年十一月二十日
    margin: float = 18.0  # mm
    title_size: float = 44.0  # pt
    body_size: float = 20.0
    colour: str = "#b8860b"  # the border and the title
    background: Placed | None = None
    seal: Placed | None = None
    qr_size: float = 28.0  # mm

    @property
    def page(self) -> tuple[float, float]:
        """Width and height in mm."""
        return (297.0, 210.0) if self.orientation is Orientation.LANDSCAPE else (210.0, 297.0)

    def check(self) -> None:
        """Refuse a field the data cannot fill, naming it, and sizes, texts and colours
        past what a page can show (domain/limits.py)."""
        limits.check_text(self.name, limits.SHORT_NAME, self.name[:20])
        for text, limit in ((self.title, limits.TITLE), (self.body, limits.NOTE),
                            (self.organization, limits.TITLE)):  # fmt: skip
            limits.check_text(text, limit, self.name)
            try:
                parsed = list(string.Formatter().parse(text))
            except ValueError:  # "{" without "}" and the like
                raise UserError(
                    "The template {template} has a brace without its pair in: {text}",
                    template=self.name,
                    text=text[:40],
                ) from None
            for _lit, name, spec, conv in parsed:
                # "{name:>99999999}" would pad a name to a gigabyte: fields go in plain.
                if name is not None and (name not in FIELDS or spec or conv):
                    raise UserError(
                        "The template {template} uses the field {{{field}}}, which certificates "
                        "do not have (they have: {fields})",
                        template=self.name,
                        field=name,
                        fields="、".join("{" + f + "}" for f in FIELDS),
                    )
        if not 0 <= self.margin < min(self.page) / 3:
            raise UserError("The margin of {template} is out of range", template=self.name)
        for size, low, high in ((self.title_size, 6, 120), (self.body_size, 6, 72),
                                (self.qr_size, 10, 100)):  # fmt: skip
            if not low <= size <= high:  # NaN too: every comparison with it is False
                raise UserError(
                    "A size of {template} is {size}; it must be from {low} to {high}",
                    template=self.name,
                    size=size,
                    low=low,
                    high=high,
                )
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", self.colour):
            raise UserError(
                "The colour of {template} is {colour}; write it as #rrggbb",
                template=self.name,
                colour=self.colour.strip()[:20] or "—",
            )


BUILT_IN = {
    "landscape": Template("landscape"),
    "portrait": Template(
        "portrait",
        Orientation.PORTRAIT,
        body=(
            "{unit} {name} 同志：\n在{contest}{event}中成绩优异，荣获{award}。\n"
            "特发此证，以资鼓励。"
        ),
        title_size=48.0,
        body_size=18.0,
        colour="#c8102e",
    ),
}


@dataclass(frozen=True)
class Step:
    """One thing to draw: text (centred or left at x), a frame, an image or the QR code."""

    kind: str  # text / frame / image / qr
    x: float
    y: float  # mm from the top
    width: float = 0.0
    height: float = 0.0
    text: str = ""
    size: float = 12.0  # pt
    align: str = "centre"  # centre / left / right
    colour: str = "#000000"
    path: str = ""
    fixed: bool = False  # the same on every certificate of the template

    @property
    def same_for_all(self) -> bool:
        return self.fixed or self.kind in ("frame", "image")


@dataclass(frozen=True)
class Fields:
    values: dict[str, str] = field(default_factory=dict)

    def fill(self, text: str) -> str:
        return text.format(**{k: self.values.get(k, "") for k in FIELDS})


def has_fields(text: str) -> bool:
    return any(name is not None for _l, name, _s, _c in string.Formatter().parse(text))


def wrap(text: str, per_line: int) -> list[str]:
    """Lines of at most ``per_line`` characters (Chinese breaks anywhere), keeping the
    template's own line breaks."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += [paragraph[i : i + per_line] for i in range(0, len(paragraph), per_line)] or [""]
    return out


def layout(template: Template, fields: Fields, qr_text: str) -> list[Step]:
    width, height = template.page
    m = template.margin
    steps = [
        Step("frame", m, m, width - 2 * m, height - 2 * m, colour=template.colour, size=2.4),
        Step(
            "frame",
            m + 3,
            m + 3,
            width - 2 * m - 6,
            height - 2 * m - 6,
            colour=template.colour,
            size=0.8,
        ),
    ]
    if template.background is not None:
        b = template.background
        steps.insert(0, Step("image", b.x, b.y, b.width, b.height, path=b.path))
    top = m + (0.16 if template.orientation is Orientation.LANDSCAPE else 0.12) * height
    steps.append(
        Step(
            "text",
            width / 2,
            top,
            text=fields.fill(template.title),
            size=template.title_size,
            colour=template.colour,
            fixed=not has_fields(template.title),
        )
    )
    line_mm = template.body_size * 0.3528 * 1.8  # points to mm, with leading
    per_line = max(8, int((width - 2 * m - 40) / (template.body_size * 0.3528)))
    y = top + template.title_size * 0.3528 + 22
    for line in wrap(fields.fill(template.body), per_line):
        steps.append(Step("text", m + 20, y, text=line, size=template.body_size, align="left"))
        y += line_mm
    bottom = height - m - 22
    right = width - m - 30
    steps.append(
        Step(
            "text",
            right,
            bottom - 10,
            text=fields.fill(template.organization),
            size=template.body_size * 0.85,
            align="right",
        )
    )
    steps.append(
        Step(
            "text",
            right,
            bottom,
            text=fields.values.get("date", ""),
            size=template.body_size * 0.85,
            align="right",
        )
    )
    if template.seal is not None:
        s = template.seal
        steps.append(Step("image", s.x, s.y, s.width, s.height, path=s.path))
    q = template.qr_size
    steps.append(Step("qr", m + 10, height - m - 10 - q, q, q, text=qr_text))
    steps.append(
        Step(
            "text",
            m + 10,
            height - m - 6,
            text=fields.values.get("serial", ""),
            size=8,
            align="left",
        )
    )
    return steps
