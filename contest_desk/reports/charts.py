"""Charts as matplotlib Figures (no pyplot state), with the bundled Chinese font.

A Figure is drawn into the window by the QtAgg canvas and saved to PNG, SVG or PDF by
``Figure.savefig``; nothing here knows about Qt.
"""

from __future__ import annotations

from functools import cache

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from contest_desk.i18n import _
from contest_desk.reports.fonts import FONT_FILE
from contest_desk.services.consistency import ConsistencyReport

BIAS_HIGH, BIAS_LOW, TRAINEE = "#c8102e", "#23395d", "#9e9e9e"


@cache
def chinese_font() -> FontProperties:
    return FontProperties(fname=str(FONT_FILE))


def judges_bias_chart(report: ConsistencyReport) -> Figure:
    """Each judge's mean deviation from the panel: above zero marks high, below marks low."""
    font = chinese_font()
    lines = [line for line in report.judges if line.bias.bias is not None]
    figure = Figure(figsize=(6, max(2.0, 0.45 * len(lines) + 1.2)), layout="constrained")
    axes = figure.add_subplot()
    names = [line.judge.name + (_(" (trainee)") if line.judge.trainee else "") for line in lines]
    values = [float(line.bias.bias or 0) for line in lines]  # drawing only: no sums made here
    colours = [
        TRAINEE if line.judge.trainee else BIAS_HIGH if v > 0 else BIAS_LOW
        for line, v in zip(lines, values, strict=True)
    ]
    axes.barh(range(len(lines)), values, color=colours)
    axes.set_yticks(range(len(lines)), names, fontproperties=font)
    axes.invert_yaxis()
    axes.axvline(0, color="#333", linewidth=0.8)
    axes.set_xlabel(_("Mean deviation from the panel (points)"), fontproperties=font)
    axes.set_title(
        _(
            "{event}, round {round}: judges' bias",
            event=report.event_name,
            round=report.round_number,
        ),
        fontproperties=font,
    )
    return figure
