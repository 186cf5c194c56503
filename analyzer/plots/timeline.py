"""The timeline: each speaker's figures over time, the first assertion starred, confirmations ringed."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from analyzer.corroborate.conflicts import when
from analyzer.models import Analysis, Claim, Timeline
from analyzer.plots.common import (
    _ASSERTING,
    _GREY,
    _RING,
    _SMALL,
    _STANCE_MARKERS,
    _STAR,
    _STRIP_Y,
    _below,
    _colours,
    _empty,
    _log_wanted,
    _num,
    _speaker_name,
    _thousands,
    _title,
    day_text,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes


@dataclass(frozen=True, slots=True)
class _Point:
    """One speaker's figure on one day, however many outlets reported it."""

    speaker: str
    day: date
    value: float
    low: float | None
    high: float | None
    stance: str
    reports: int
    dated: bool  # True: the day it was said; False: only the day it was published
    shift: float = 0.0  # days, to keep speakers with the same figure on the same day apart

    @property
    def x(self) -> float:
        return _num(self.day) + self.shift


def _points(claims: Sequence[Claim]) -> tuple[list[_Point], int]:
    """Claims reduced to one point per (speaker, day, figure), and how many had no date at all."""
    groups: dict[tuple[str, date, float, float | None, float | None, str, bool], int] = defaultdict(int)
    undated = 0
    for c in claims:
        day = when(c)
        if day is None:
            undated += 1
            continue
        low, high = (c.value_low, c.value_high) if c.value_low != c.value_high else (None, None)
        if low is None or high is None:
            low = high = None
        groups[(_speaker_name(c.speaker), day, c.value, low, high, c.stance, c.asserted_on is not None)] += 1
    points = sorted(
        (_Point(s, d, v, lo, hi, st, n, dated) for (s, d, v, lo, hi, st, dated), n in groups.items()),
        key=lambda p: (p.day, p.value, p.speaker, p.stance, not p.dated),
    )
    spots: dict[tuple[date, float], list[str]] = defaultdict(list)
    for p in points:
        if p.speaker not in spots[p.day, p.value]:
            spots[p.day, p.value].append(p.speaker)
    shifted = []
    for p in points:
        names = spots[p.day, p.value]
        shift = (names.index(p.speaker) - (len(names) - 1) / 2) * 0.2
        shifted.append(_Point(p.speaker, p.day, p.value, p.low, p.high, p.stance, p.reports, p.dated, shift))
    return shifted, undated


def _headroom(ax: Axes, bottom: float, top: float) -> None:
    """Stretch the value axis so the data fill only [bottom, top] of its height (room for marks).

    The ticks stay where the data are: no tick labels the empty room.
    """
    low, high = ax.get_ylim()
    ticks = [t for t in ax.get_yticks() if low <= t <= high]
    log = ax.get_yscale() == "log"
    a, b = (math.log10(low), math.log10(high)) if log else (low, high)
    span = (b - a) / (top - bottom)
    a, b = a - bottom * span, b + (1 - top) * span
    ax.set_ylim(*((10**a, 10**b) if log else (a, b)))
    ax.set_yticks(ticks)


def _draw_timeline(ax: Axes, analysis: Analysis, key: str | None) -> None:
    from matplotlib import dates as mdates
    from matplotlib import transforms

    points, undated = _points([c for c in analysis.claims if c.quantity_key == key] if key else [])
    timeline = next((t for t in analysis.timelines if t.quantity_key == key), None)
    events = timeline.events if timeline else ()
    bare = [e for e in events if e.value is None and e.first_on is not None]
    if not points and not bare:
        _empty(ax, _title(analysis, key, "figures over time"), "No dated figures to plot")
        return
    names = list(dict.fromkeys([p.speaker for p in points] + [e.speaker for e in events]))
    colour = _colours(names)
    strip = transforms.blended_transform_factory(ax.transData, ax.transAxes)  # x: dates, y: 0..1 of the axes
    labelled: set[str] = set()
    _draw_points(ax, points, colour, labelled)
    for e in bare:  # statements without a figure: along the bottom of the axes
        label = None if e.speaker in labelled else e.speaker
        labelled.add(e.speaker)
        ax.scatter(
            _num(e.first_on or date.min),
            _STRIP_Y,
            transform=strip,
            marker=_STANCE_MARKERS.get(e.stance, "o"),
            s=60,
            facecolors="none",
            edgecolors=colour[e.speaker],
            linewidths=1.5,
            zorder=3,
            label=label,
        )
    values = [v for p in points for v in (p.value, p.low, p.high) if v is not None]
    if _log_wanted(values):
        ax.set_yscale("log")
    _thousands(ax.yaxis, dense=3.5)  # a tall axis has room for more ticks
    delays = timeline.confirmation_delays if timeline else ()
    if points:
        _headroom(ax, 0.12 if bare else 0.05, 0.88 - 0.07 * min(len(delays), 6))
    _mark_first(ax, timeline, strip)
    _mark_delays(ax, timeline, strip)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    xs = [p.x for p in points] + [_num(e.first_on) for e in bare if e.first_on]
    ax.set_xlim(min(xs) - 1.5, max(xs) + 1.5)
    ax.set_title(_title(analysis, key, "figures over time"))
    ax.set_ylabel("figure")
    ax.grid(True, alpha=0.3)
    ax.legend(title="speaker", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    note = (
        "filled: on the day it was said; hollow: hedged, or placed on the day it was published; "
        "bigger: more reports; markers along the bottom: statements without a figure; "
        "◇ confirms, ✕ denies"
    )
    if undated:
        note += f"\n{undated} figure{'' if undated == 1 else 's'} without any date not shown"
    ax.annotate(note, (0, 0), xycoords=_below(ax, 30), va="top", fontsize="x-small", color=_GREY)


def _draw_points(ax: Axes, points: list[_Point], colour: dict[str, Any], labelled: set[str]) -> None:
    """The figures: one scatter per speaker and look; a thin line joins the days one figure was reported."""
    extent: dict[tuple[str, float], tuple[float, float]] = {}
    looks: dict[tuple[str, str, bool], list[_Point]] = defaultdict(list)
    for p in points:
        low, high = extent.get((p.speaker, p.value), (p.x, p.x))
        extent[p.speaker, p.value] = (min(low, p.x), max(high, p.x))
        looks[p.speaker, _STANCE_MARKERS.get(p.stance, "o"), p.stance == "hedges" or not p.dated].append(p)
    for (speaker, value), (low, high) in extent.items():
        if high > low:
            ax.plot([low, high], [value, value], color=colour[speaker], alpha=0.35, lw=1)
    for (speaker, marker, hollow), group in looks.items():
        ax.scatter(
            [p.x for p in group],
            [p.value for p in group],
            s=[30 + 25 * min(p.reports, 8) for p in group],
            marker=marker,
            facecolors="none" if hollow else colour[speaker],
            edgecolors=colour[speaker],
            linewidths=1.5,
            zorder=3,
            label=None if speaker in labelled else speaker,
        )
        labelled.add(speaker)
    ranges = [
        (p.x, p.low, p.high, colour[p.speaker]) for p in points if p.low is not None and p.high is not None
    ]
    if ranges:
        ax.vlines(
            [x for x, _, _, _ in ranges],
            [low for _, low, _, _ in ranges],
            [high for _, _, high, _ in ranges],
            colors=[c for _, _, _, c in ranges],
            lw=2,
            alpha=0.7,
        )


def _mark_first(ax: Axes, timeline: Timeline | None, strip: Any) -> None:
    """A star on the first assertion (on each, when several speakers made it the same day)."""
    firsts = [e for e in (timeline.events if timeline else ()) if e.first_on and e.stance in _ASSERTING]
    if not firsts:
        return
    start = min(e.first_on for e in firsts if e.first_on)
    firsts = [e for e in firsts if e.first_on == start]
    for e in firsts:
        y, transform = (e.value, ax.transData) if e.value is not None else (_STRIP_Y, strip)
        ax.scatter(_num(start), y, transform=transform, **_STAR)
    e = firsts[0]
    y, transform = (e.value, ax.transData) if e.value is not None else (_STRIP_Y, strip)
    who = ", ".join(dict.fromkeys(f.speaker for f in firsts))
    ax.annotate(
        f"first assertion, {day_text(start)}: {who}",
        (_num(start), y),
        xycoords=transform,
        xytext=(10, 10),
        fontweight="bold",
        **_SMALL,
    )


def _mark_delays(ax: Axes, timeline: Timeline | None, strip: Any) -> None:
    """For each confirmation: a ring on it, and an arrow from the first assertion labelled with the delay."""
    if timeline is None or not timeline.confirmation_delays:
        return
    confirming = {(e.speaker, e.first_on): e for e in timeline.events if e.stance == "confirms"}
    for row, delay in enumerate(timeline.confirmation_delays):
        start = _num(delay.first_on) - delay.days_after_first
        x, y = _num(delay.first_on), 0.95 - 0.07 * (row % 6)
        event = confirming.get((delay.speaker, delay.first_on))
        if event is not None:
            at, transform = (event.value, ax.transData) if event.value is not None else (_STRIP_Y, strip)
            ax.scatter(x, at, transform=transform, **_RING)
        ax.axvline(x, color="#777777", ls=":", lw=1)
        ax.annotate(
            "",
            xy=(x, y),
            xytext=(start, y),
            xycoords=strip,
            textcoords=strip,
            arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.2},
        )
        days = f"{delay.days_after_first} day{'' if delay.days_after_first == 1 else 's'}"
        ax.annotate(
            f"{delay.speaker} confirms, {days} after {delay.first_speaker}",
            ((x + start) / 2, y),
            xycoords=strip,
            xytext=(0, 3),
            ha="center",
            va="bottom",
            **_SMALL,
        )
