"""Charts as matplotlib Figures (no pyplot state), with the bundled Chinese font.

A Figure is drawn into the window by the QtAgg canvas and saved to PNG, SVG or PDF by
``Figure.savefig``; nothing here knows about Qt.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import MaxNLocator

from contest_desk.domain.innovation import STAGE_NAMES
from contest_desk.domain.records.boards import BoardView
from contest_desk.domain.records.contests import StandingsTable
from contest_desk.domain.records.innovation import Dashboard
from contest_desk.domain.records.judging import ConsistencyReport
from contest_desk.domain.records.labor import LaborTable
from contest_desk.i18n import _
from contest_desk.reports.fonts import FONT_FILE

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


def board_places_chart(view: BoardView) -> Figure:
    """A line per entry through its place at each period's close; an eliminated entry's
    line ends where it left the board. Place 1 (the title holder) is at the top."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.add_subplot()
    for entry_id, entry in view.entries.items():
        points = [
            (period, standing[entry_id][0])
            for period, standing in enumerate(view.history, start=1)
            if entry_id in standing
        ]
        if points:
            periods, places = zip(*points, strict=True)
            line = axes.plot(periods, places, marker="o", markersize=3, linewidth=1.2)[0]
            axes.annotate(
                entry.label,
                (periods[-1], places[-1]),
                xytext=(4, 0),
                textcoords="offset points",
                fontproperties=font,
                fontsize=7,
                color=line.get_color(),
                va="center",
            )
    axes.invert_yaxis()
    axes.set_xlim(0.7, len(view.history) + 0.9)  # room for the names at the lines' ends
    axes.set_xlabel(_("Period"), fontproperties=font)
    axes.set_ylabel(_("Place"), fontproperties=font)
    axes.set_title(_("{board}: places by period", board=view.info.name), fontproperties=font)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def board_ratings_chart(view: BoardView) -> Figure:
    """Each entry's rating at each period's close (an unrated board draws no lines)."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.add_subplot()
    if view.rated:
        for entry_id, entry in view.entries.items():
            points = [
                (period, float(standing[entry_id][1]))  # drawing only: no sums made here
                for period, standing in enumerate(view.history, start=1)
                if entry_id in standing
            ]
            if points:
                periods, ratings = zip(*points, strict=True)
                axes.plot(periods, ratings, linewidth=1.2, label=entry.label)
        if axes.lines:
            axes.legend(prop=font, fontsize=7, ncol=2, loc="best")
    axes.set_xlabel(_("Period"), fontproperties=font)
    axes.set_ylabel(_("Rating"), fontproperties=font)
    axes.set_title(_("{board}: ratings by period", board=view.info.name), fontproperties=font)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def labor_race_chart(table: LaborTable) -> Figure:
    """Each team's cumulative score after each period: who pulled ahead, and when."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.add_subplot()
    names = [p.name for p in table.periods]
    for row in table.rows:
        running, points = Decimal(0), []
        for value in row.by_period:
            running += value
            points.append(float(running))  # drawing only: the sums above are Decimal
        axes.plot(names, points, marker="o", markersize=3, linewidth=1.4, label=row.team.name)
    if table.rows:
        axes.legend(prop=font, fontsize=8, loc="upper left")
    axes.set_xticks(range(len(names)), names, fontproperties=font)
    axes.set_ylabel(_("Cumulative score"), fontproperties=font)
    axes.set_title(_("{contest}: the score race", contest=table.contest_name), fontproperties=font)
    return figure


def labor_contribution_chart(table: LaborTable) -> Figure:
    """One period's points per team, stacked by indicator (penalties below zero)."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.add_subplot()
    teams = [r.team.name for r in table.rows]
    above = [0.0] * len(teams)
    below = [0.0] * len(teams)
    for n, indicator in enumerate(table.indicators):
        values = [float(r.scores[n].weighted) if r.scores else 0.0 for r in table.rows]
        bottoms = [b if v < 0 else a for v, a, b in zip(values, above, below, strict=True)]
        axes.barh(teams, values, left=bottoms, label=indicator.name)
        for i, v in enumerate(values):
            if v < 0:
                below[i] += v
            else:
                above[i] += v
    axes.set_yticks(range(len(teams)), teams, fontproperties=font)
    axes.invert_yaxis()
    axes.axvline(0, color="#333", linewidth=0.8)
    axes.legend(prop=font, fontsize=8, loc="lower right")
    axes.set_xlabel(_("Points"), fontproperties=font)
    title = table.period.name if table.period else ""
    axes.set_title(
        _("{contest} {period}: points by indicator", contest=table.contest_name, period=title),
        fontproperties=font,
    )
    return figure


def innovation_funnel_chart(board: Dashboard) -> Figure:
    """Per stage, two bars kept apart: achievements in the stage now, and those that have
    ever reached it."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.2), layout="constrained")
    axes = figure.add_subplot()
    rows = list(board.funnel)
    names = [_(STAGE_NAMES[r.stage]) for r in rows]
    places = range(len(rows))
    axes.bar(
        [p - 0.2 for p in places],
        [r.ever for r in rows],
        0.4,
        label=_("Ever reached this stage"),
        color="#9db4d3",
    )
    axes.bar(
        [p + 0.2 for p in places],
        [r.now for r in rows],
        0.4,
        label=_("In this stage now"),
        color="#23395d",
    )
    axes.set_xticks(list(places), names, fontproperties=font)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(prop=font)
    axes.set_ylabel(_("Achievements"), fontproperties=font)
    axes.set_title(_("Achievements by stage"), fontproperties=font)
    return figure


def innovation_benefit_chart(board: Dashboard) -> Figure:
    """Actual benefit by studio (bars) and by year (a second panel), in 10,000 CNY (万元)."""
    font = chinese_font()
    figure = Figure(figsize=(7, 4.2), layout="constrained")
    by_studio, by_year = figure.subplots(1, 2)
    studios = list(board.by_studio)
    # drawing only: the totals are Decimal
    wan = 10_000
    by_studio.barh(studios, [float(board.by_studio[s][0] / wan) for s in studios], color="#c8102e")
    by_studio.set_yticks(range(len(studios)), studios, fontproperties=font)
    by_studio.set_title(_("Actual benefit by studio"), fontproperties=font)
    years = sorted(board.by_year)
    by_year.bar(
        [str(y) for y in years],
        [float(board.by_year[y][0] / wan) for y in years],
        color="#23395d",
        label=_("Actual"),
    )
    by_year.bar(
        [str(y) for y in years],
        [float(board.by_year[y][1] / wan) for y in years],
        bottom=[float(board.by_year[y][0] / wan) for y in years],
        color="#9db4d3",
        label=_("Projected"),
    )
    by_year.legend(prop=font)
    by_year.set_title(_("Benefit by year"), fontproperties=font)
    for axes in (by_studio, by_year):
        axes.set_xlabel(_("10,000 CNY") if axes is by_studio else "", fontproperties=font)
    return figure


def standings_chart(table: StandingsTable, top: int = 20) -> Figure:
    """The first ``top`` totals as horizontal bars, awards coloured, the leader on top."""
    font = chinese_font()
    rows = table.rows[:top]
    figure = Figure(figsize=(7, max(2.5, 0.32 * len(rows) + 1.2)), layout="constrained")
    axes = figure.add_subplot()
    colours = {0: "#c8102e", 1: "#d4a017", 2: "#8a9bb0"}
    levels = list(dict.fromkeys(r.award for r in rows if r.award))
    names = [f"{r.rank}. {r.entry.code or r.entry.label}" for r in rows]
    # drawing only: the totals are Decimal and stay so everywhere else
    axes.barh(
        range(len(rows)),
        [float(r.total) for r in rows],
        color=[
            colours.get(levels.index(r.award), "#23395d") if r.award else "#9db4d3" for r in rows
        ],
    )
    axes.set_yticks(range(len(rows)), names, fontproperties=font)
    axes.invert_yaxis()
    axes.set_xlabel(_("Total"), fontproperties=font)
    axes.set_title(_("{event}: standings", event=table.event.name), fontproperties=font)
    return figure


def score_distribution_chart(table: StandingsTable) -> Figure:
    """How the totals of the entries with complete marks spread (ten bins)."""
    font = chinese_font()
    figure = Figure(figsize=(7, 3.6), layout="constrained")
    axes = figure.add_subplot()
    totals = [float(r.total) for r in table.rows if r.complete]
    if totals:
        axes.hist(totals, bins=10, color="#23395d", edgecolor="white")
    axes.set_xlabel(_("Total"), fontproperties=font)
    axes.set_ylabel(_("Entries"), fontproperties=font)
    axes.set_title(_("{event}: score distribution", event=table.event.name), fontproperties=font)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return figure
