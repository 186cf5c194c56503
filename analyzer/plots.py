"""Pictures of one quantity of an analysis (matplotlib): its timeline, its figure ranges, its graph.

- :func:`plot_timeline`: each speaker's figures over time (the day they said
  them, else the day they were published), the first assertion starred, each
  confirmation ringed and its delay after the first assertion drawn as an arrow.
- :func:`plot_ranges`: one row per speaker's distinct figure, drawn as the
  interval its words allow ("about 3,000" is 2,700-3,300, "at least 10,000"
  runs off to the right); figures in a conflict are coloured by its kind.
- :func:`plot_graph`: speakers, their figures and the outlets that reported
  them or are credited with them, and the conflicts between figures.

Each takes ``quantity_key`` (a key, or words matched with
:func:`analyzer.corroborate.quantities.match_quantity`; by default the
quantity with the most speakers) and an optional matplotlib ``ax`` to draw
into, and returns the figure. :func:`save_plot` writes one to a file. The
same analysis gives the same picture: no layout is random.

pyplot is imported when a function first needs it, never with the package;
on a machine without a display the Agg backend is chosen, unless a backend
was already set (``MPLBACKEND``, ``matplotlib.use``, a matplotlibrc).

>>> from analyzer.models import Analysis, Claim
>>> claim = Claim("a", "d", 40.0, "Police said 40 were hurt.", 0, 2, speaker="Police", quantity_key="hurt")
>>> figure = plot_ranges(Analysis(documents=(), claims=(claim,)))
>>> figure.axes[0].get_title()
'hurt: the figures side by side'
"""

from __future__ import annotations

import logging
import math
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.atomic import write_atomic
from analyzer.corroborate.conflicts import format_figure, format_number, interval, part_marker, when
from analyzer.errors import OutputError
from analyzer.models import Analysis, Claim, Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LOGGER = logging.getLogger(__name__)

KINDS = ("timeline", "ranges", "graph")
FORMATS = ("png", "svg", "pdf", "jpg", "jpeg")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Conflict kinds, most telling first: a row or an arc in several conflicts takes the first colour.
_KIND_COLOURS = {"denial": "#222222", "revision": "#ff7f0e", "scope": "#9467bd", "disagreement": "#d62728"}
_ARC_KINDS = ("revision", "denial")  # conflicts between two figures drawn as arcs in the graph
_CALM = "#4c72b0"
_GREY = "#555555"
_STANCE_MARKERS = {"asserts": "o", "confirms": "D", "hedges": "o", "denies": "X"}
_ASSERTING = ("asserts", "confirms")
_LOG_RATIO = 30.0  # a value axis goes logarithmic when its figures span more than this factor
_UNATTRIBUTED = "unattributed"
_MAX_ROWS = 40  # rows of the ranges chart
_MAX_NODES = 30  # figures, and outlets, in the graph
_EPOCH = date(1970, 1, 1).toordinal()
_STRIP_Y = 0.04  # statements without a figure sit on this line (axes fraction)
_STAR: dict[str, Any] = {"marker": "*", "s": 420, "facecolors": "gold", "edgecolors": "black", "zorder": 2}
_RING: dict[str, Any] = {"marker": "D", "s": 160, "facecolors": "none", "edgecolors": "black", "zorder": 4}
_SMALL: dict[str, Any] = {"textcoords": "offset points", "fontsize": "small"}


# --- matplotlib without surprises -----------------------------------------------------------------


def _has_display() -> bool:
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # macOS and Windows always have a window system


def _pyplot() -> Any:
    """pyplot, with the Agg backend when there is no display and nobody chose a backend."""
    import matplotlib
    from matplotlib import rcsetup

    chosen = bool(os.environ.get("MPLBACKEND")) or (
        matplotlib.rcParams._get("backend") is not rcsetup._auto_backend_sentinel
    )
    if not chosen and "matplotlib.pyplot" not in sys.modules and not _has_display():
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _new_figure(width: float, height: float, *, managed: bool) -> tuple[Figure, Axes]:
    """A figure and its axes: through pyplot (notebooks show it) or bare (for files: no GUI, no state)."""
    if managed:
        fig, ax = _pyplot().subplots(figsize=(width, height), layout="constrained")
        return fig, ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def _root(ax: Axes) -> Figure:
    from matplotlib.figure import Figure

    fig: Any = ax.figure
    while not isinstance(fig, Figure):  # a SubFigure: climb to the figure that holds it
        fig = fig.figure
    return fig


def day_text(day: date) -> str:
    """A date as a caption writes it, the same in every locale.

    >>> day_text(date(2024, 10, 3))
    '3 Oct 2024'
    """
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _num(day: date) -> float:
    """A date as matplotlib's date axis counts it (days since 1970-01-01)."""
    return float(day.toordinal() - _EPOCH)


def _tick(value: float, _position: float | None = None) -> str:
    return format_number(round(value, 2)) if math.isfinite(value) else ""


def _log_wanted(values: Sequence[float]) -> bool:
    positive = [v for v in values if v > 0 and math.isfinite(v)]
    return bool(positive) and max(positive) / min(positive) > _LOG_RATIO and min(values) > 0


def _thousands(axis: Any, dense: float = 2.0) -> None:
    """Figures with thousands separators; on a log scale, ticks at powers of ten (and 2 and 5 when few)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    if axis.get_scale() == "log":
        low, high = sorted(axis.get_view_interval())
        decades = math.log10(high / low) if low > 0 else math.inf
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0) if decades <= dense else (1.0,)))
    axis.set_major_formatter(FuncFormatter(_tick))
    axis.set_minor_formatter(NullFormatter())


def _empty(ax: Axes, title: str, message: str = "No figures to plot") -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color=_GREY)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)


def _below(ax: Axes, points: float) -> Any:
    """A transform for legends: the axes' own fraction, moved ``points`` down (clear of tick labels)."""
    from matplotlib.transforms import ScaledTranslation

    return ax.transAxes + ScaledTranslation(0, -points / 72, _root(ax).dpi_scale_trans)


def _speaker_name(speaker: str | None) -> str:
    return speaker or _UNATTRIBUTED


def _colours(names: Sequence[str]) -> dict[str, Any]:
    """One colour per name, in the given order (tab10, then tab20 for long lists)."""
    from matplotlib import colormaps

    cmap = colormaps["tab10" if len(names) <= 10 else "tab20"]
    return {name: cmap(i % cmap.N) for i, name in enumerate(names)}


# --- which quantity -------------------------------------------------------------------------------


def default_quantity(analysis: Analysis) -> str | None:
    """The quantity with the most named speakers (then the most claims, then the key); None if none.

    >>> claims = (Claim("a", "d", 1.0, "", 0, 0, speaker="A", quantity_key="x"),
    ...           Claim("b", "d", 2.0, "", 0, 0, speaker="B", quantity_key="y"),
    ...           Claim("c", "d", 3.0, "", 0, 0, speaker="C", quantity_key="y"))
    >>> default_quantity(Analysis(documents=(), claims=claims))
    'y'
    """
    speakers: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for q in analysis.quantities:
        counts[q.key] += 0
    for c in analysis.claims:
        if c.quantity_key:
            counts[c.quantity_key] += 1
            if c.speaker:
                speakers[c.quantity_key].add(c.speaker)
    for s in analysis.statements:
        if s.quantity_key and s.speaker:
            speakers[s.quantity_key].add(s.speaker)
    keys = counts.keys() | speakers.keys()
    return min(keys, key=lambda k: (-len(speakers.get(k, ())), -counts.get(k, 0), k)) if keys else None


def resolve_quantity(analysis: Analysis, quantity_key: str | None) -> str | None:
    """The key to plot: ``quantity_key`` itself, the quantity its words describe, or the default.

    Raises :class:`ValueError` when no quantity of the analysis fits.
    """
    if quantity_key is None:
        return default_quantity(analysis)
    known = {q.key for q in analysis.quantities} | {c.quantity_key for c in analysis.claims}
    if quantity_key in known:
        return quantity_key
    from analyzer.corroborate.quantities import match_quantity

    matches = match_quantity(quantity_key, analysis.quantities)
    if matches:
        return matches[0].key
    raise ValueError(f"no quantity {quantity_key!r} in the analysis ({len(known)} quantities)")


def _title(analysis: Analysis, key: str | None, what: str) -> str:
    if key is None:
        return what[0].upper() + what[1:]
    label = next((q.label for q in analysis.quantities if q.key == key and q.label), key)
    return f"{label} ({key}): {what}" if label != key else f"{key}: {what}"


# --- the timeline ---------------------------------------------------------------------------------


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


# --- the figure ranges ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    """One speaker's distinct figure: the claims that state it and the conflicts they are in."""

    label: str
    claim: Claim
    low: float
    high: float
    reports: int
    kinds: tuple[str, ...]


def _rows(analysis: Analysis, key: str) -> tuple[list[_Row], int]:
    """The rows to draw (at most _MAX_ROWS: those in a conflict, then the most reported) and how many there are."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for conflict in analysis.conflicts:
        if conflict.quantity_key == key:
            for m in conflict.members:
                kinds[m.claim_id].add(conflict.kind)
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        if c.quantity_key == key:
            groups[
                c.speaker, c.value, c.value_low, c.value_high, c.qualifier, c.unit, c.per, c.stance
            ].append(c)
    rows = []
    for members in groups.values():
        first = min(members, key=lambda c: (when(c) or date.max, c.claim_id))
        seen = {k for c in members for k in kinds.get(c.claim_id, ())}
        ordered = tuple(k for k in _KIND_COLOURS if k in seen)
        stance = "" if first.stance == "asserts" else f" ({first.stance})"
        part = part_marker(first) if "scope" in seen else None
        day = when(first)
        text = f"{_speaker_name(first.speaker)}: {format_figure(first)}{stance}"
        text += (f' ["{part}"]' if part else "") + (f", {day_text(day)}" if day else ", undated")
        rows.append(_Row(text, first, *interval(first), len(members), ordered))
    kept = sorted(rows, key=lambda r: (not r.kinds, -r.reports, when(r.claim) or date.max, r.claim.claim_id))
    kept = kept[:_MAX_ROWS]
    kept.sort(key=lambda r: (when(r.claim) or date.max, _speaker_name(r.claim.speaker), r.claim.value))
    return kept, len(rows)


def _draw_ranges(ax: Axes, analysis: Analysis, key: str | None) -> None:
    from matplotlib.patches import Patch

    rows, total = _rows(analysis, key) if key else ([], 0)
    if not rows:
        _empty(ax, _title(analysis, key, "the figures side by side"))
        return
    finite = [v for r in rows for v in (r.low, r.high, r.claim.value) if math.isfinite(v)]
    log = _log_wanted(finite)
    open_ended = any(not math.isfinite(r.high) for r in rows)
    right = max(finite) * (3.0 if log else 1.25 if open_ended else 1.12)
    left = min(finite) / 2 if log else min(0.0, min(finite) * 1.12)
    for y, row in enumerate(rows):
        colour = _KIND_COLOURS[row.kinds[0]] if row.kinds else _CALM
        low, high = max(row.low, left), min(row.high, right)
        ax.plot([low, high], [y, y], color=colour, lw=7, alpha=0.4, solid_capstyle="butt")
        if not math.isfinite(row.high):  # open-ended: "at least", "more than"
            ax.annotate(
                "",
                xy=(right, y),
                xytext=(row.claim.value, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.5},
            )
        face = "white" if row.claim.stance == "hedges" else colour
        marker = _STANCE_MARKERS.get(row.claim.stance, "o")
        ax.scatter(row.claim.value, y, marker=marker, s=60, zorder=3, edgecolors=colour, facecolors=face)
        anchor: Any = ax.annotate(
            f"×{row.reports}",
            (1.0, y),
            xycoords=("axes fraction", "data"),
            xytext=(6, 0),
            va="center",
            color=_GREY,
            **_SMALL,
        )
        for kind in row.kinds:  # each conflict kind in its own colour, one after the other
            anchor = ax.annotate(
                kind,
                (1.0, 0.5),
                xycoords=anchor,
                xytext=(6, 0),
                va="center",
                color=_KIND_COLOURS[kind],
                **_SMALL,
            )
    ax.set_yticks(range(len(rows)), [r.label for r in rows], fontsize="small")
    ax.set_ylim(len(rows) - 0.5, -0.5)  # earliest at the top
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left, right)
    _thousands(ax.xaxis)
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title(_title(analysis, key, "the figures side by side"))
    label = "bar: the values the words allow (an arrow: no upper bound); ×n: number of reports"
    if total > len(rows):
        label += f"\n{len(rows)} of {total} figures shown: those in a conflict, then the most reported"
    ax.set_xlabel(label)
    kinds = [k for k in _KIND_COLOURS if any(k in r.kinds for r in rows)]
    handles = [Patch(color=_CALM, alpha=0.6, label="no conflict")] if any(not r.kinds for r in rows) else []
    handles += [Patch(color=_KIND_COLOURS[k], alpha=0.6, label=k) for k in kinds]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=_below(ax, 36),
        ncol=max(len(handles), 1),
        fontsize="small",
        frameon=False,
    )


# --- the graph ------------------------------------------------------------------------------------


def _graph_of(analysis: Analysis, key: str) -> Any:
    """Speakers, figures and outlets of one quantity, from :func:`analyzer.graph.build_graph`.

    The claims of one cluster (the same figure from one speaker across
    outlets) are one figure node; documents give way to their outlets.
    """
    import networkx as nx

    from analyzer.graph import build_graph

    full = build_graph(analysis)
    figure_of: dict[str, str] = {}
    graph = nx.Graph()
    claims = sorted(
        (c for c in analysis.claims if c.quantity_key == key), key=lambda c: (when(c) or date.max, c.claim_id)
    )
    for c in claims:
        node = f"figure:{full.nodes[f'claim:{c.claim_id}'].get('cluster_id', c.claim_id)}"
        figure_of[f"claim:{c.claim_id}"] = node
        if node not in graph:
            graph.add_node(node, kind="figure", label=format_figure(c), reports=0, conflict=False)
        graph.nodes[node]["reports"] += 1
        speaker = f"speaker:{_speaker_name(c.speaker)}"
        graph.add_node(speaker, kind="speaker", label=_speaker_name(c.speaker))
        graph.add_edge(speaker, node, kinds={"asserts"})
    for claim_node, node in figure_of.items():
        for source, _, kind in full.in_edges(claim_node, data="kind"):
            if kind == "reports":  # a document reports the claim: the outlet that published it
                outlet = full.nodes[source].get("outlet") or full.nodes[source]["label"]
                _link(graph, node, f"outlet:{outlet}", outlet, "reports")
        for _, target, data in full.out_edges(claim_node, data=True):
            if data["kind"] == "cites":
                _link(graph, node, target, full.nodes[target]["label"], "cites")
            elif data["kind"] == "conflicts_with" and target in figure_of and figure_of[target] != node:
                graph.nodes[node]["conflict"] = graph.nodes[figure_of[target]]["conflict"] = True
                ends = sorted((node, figure_of[target]))
                kinds = graph.edges[ends]["kinds"] if graph.has_edge(*ends) else set()
                graph.add_edge(*ends, kinds=kinds | {data["conflict_kind"]})
    return _prune(graph)


def _prune(graph: Any) -> Any:
    """At most _MAX_NODES figures (in a conflict, then most reported) and outlets (most linked)."""
    order = {node: i for i, node in enumerate(graph)}
    totals = {kind: sum(1 for _, k in graph.nodes(data="kind") if k == kind) for kind in ("figure", "outlet")}
    for kind, rank in (
        ("figure", lambda n: (not graph.nodes[n]["conflict"], -graph.nodes[n]["reports"], order[n])),
        ("outlet", lambda n: (-graph.degree(n), order[n])),
    ):
        nodes = sorted((n for n, k in graph.nodes(data="kind") if k == kind), key=rank)
        graph.remove_nodes_from(nodes[_MAX_NODES:])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    shown = {kind: sum(1 for _, k in graph.nodes(data="kind") if k == kind) for kind in totals}
    graph.graph["hidden"] = tuple(totals[kind] - shown[kind] for kind in ("figure", "outlet"))
    return graph


def _link(graph: Any, figure: str, outlet: str, label: str, kind: str) -> None:
    graph.add_node(outlet, kind="outlet", label=label)
    kinds = graph.edges[figure, outlet]["kinds"] if graph.has_edge(figure, outlet) else set()
    graph.add_edge(figure, outlet, kinds=kinds | {kind})


_COLUMN = {"speaker": 0, "figure": 1, "outlet": 2}


def _layers(graph: Any) -> dict[str, tuple[float, float]]:
    """Speakers left, figures in the middle, outlets right; each column ordered to limit crossings."""
    order: dict[str, float] = {}
    for kind in ("speaker", "figure", "outlet"):
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]  # speakers: in order of first figure

        def barycentre(node: str) -> tuple[float, str]:
            near = [order[m] for m in graph[node] if m in order]
            return (sum(near) / len(near) if near else math.inf, node)

        for i, node in enumerate(nodes if kind == "speaker" else sorted(nodes, key=barycentre)):
            order[node] = i / max(len(nodes) - 1, 1) if len(nodes) > 1 else 0.5
    return {node: (float(_COLUMN[graph.nodes[node]["kind"]]), -y) for node, y in order.items()}


def _draw_graph(ax: Axes, analysis: Analysis, key: str | None, layout: str = "layers", seed: int = 7) -> None:
    import networkx as nx
    from matplotlib.lines import Line2D

    _pyplot()  # networkx's drawing imports pyplot: let it find a backend that needs no display
    graph = _graph_of(analysis, key) if key else None
    if graph is None or graph.number_of_nodes() == 0:
        _empty(ax, _title(analysis, key, "who said it, who reported it"))
        return
    pos = _layers(graph)
    if layout == "spring":
        pos = nx.spring_layout(graph, pos=pos, seed=seed, k=1.5 / math.sqrt(len(graph)))
    looks = {
        "asserts": {"edge_color": _GREY, "width": 1.2},
        "reports": {"edge_color": "#9ecae1", "width": 1.0},
        "cites": {"edge_color": "#2ca02c", "width": 1.0, "style": "dashed"},
    }
    for kind, look in looks.items():
        edges = [(a, b) for a, b, ks in graph.edges(data="kinds") if kind in ks]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, ax=ax, **look)
    for kind in _ARC_KINDS:  # a speaker's revisions and denials are arcs; every conflict gives a red border
        edges = [
            (a, b) if pos[a][1] > pos[b][1] else (b, a)
            for a, b, ks in graph.edges(data="kinds")
            if kind in ks
        ]
        if edges:
            nx.draw_networkx_edges(
                graph,
                pos,
                edgelist=edges,
                ax=ax,
                edge_color=_KIND_COLOURS[kind],
                width=1.8,
                arrows=True,
                arrowstyle="-",
                connectionstyle="arc3,rad=-0.4",
            )
    shapes = {"speaker": ("#4c72b0", "o"), "figure": ("#fdd49e", "s"), "outlet": ("#74c476", "o")}
    for kind, (colour, shape) in shapes.items():
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]
        sizes = [120 + 40 * min(graph.nodes[n].get("reports", 1), 10) for n in nodes]
        borders = ["#d62728" if graph.nodes[n].get("conflict") else "#333333" for n in nodes]
        nx.draw_networkx_nodes(
            graph,
            pos,
            nodelist=nodes,
            ax=ax,
            node_color=colour,
            node_shape=shape,
            node_size=sizes,
            edgecolors=borders,
            linewidths=1.4,
        )
    place = {"speaker": ("right", -12, 0), "figure": ("center", 0, 10), "outlet": ("left", 12, 0)}
    for node, (x, y) in sorted(pos.items()):
        ha, dx, dy = place[graph.nodes[node]["kind"]] if layout == "layers" else ("center", 0, 10)
        ax.annotate(
            graph.nodes[node]["label"],
            (x, y),
            xytext=(dx, dy),
            ha=ha,
            va="bottom" if dy else "center",
            **_SMALL,
        )
    if layout == "layers":
        for x, title in ((0, "speakers"), (1, "figures"), (2, "outlets")):
            ax.annotate(
                title,
                (x, 1.0),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="bottom",
                fontweight="bold",
                color="#444444",
            )
        ax.set_xlim(-1.0, 3.0)
        ax.set_ylim(-1.08, 0.08)
    present = {k for _, _, ks in graph.edges(data="kinds") for k in ks}
    handles = [
        Line2D([], [], color=_GREY, label="asserts"),
        Line2D([], [], color="#9ecae1", label="reported by"),
    ]
    handles += [Line2D([], [], color="#2ca02c", ls="--", label="credits (via)")] if "cites" in present else []
    handles += [Line2D([], [], color=_KIND_COLOURS[k], lw=1.8, label=k) for k in _ARC_KINDS if k in present]
    if any(conflict for _, conflict in graph.nodes(data="conflict")):
        handles.append(Line2D([], [], ls="", marker="s", mfc="#fdd49e", mec="#d62728", label="in a conflict"))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=len(handles),
        fontsize="small",
        frameon=False,
    )
    hidden_figures, hidden_outlets = graph.graph.get("hidden", (0, 0))
    if hidden_figures or hidden_outlets:
        note = f"not shown: {hidden_figures} figures (the least reported), {hidden_outlets} outlets"
        ax.annotate(note, (0, 0), xycoords=_below(ax, 24), va="top", fontsize="x-small", color=_GREY)
    ax.set_title(_title(analysis, key, "who said it, who reported it"), pad=22)
    ax.set_axis_off()


# --- public functions -----------------------------------------------------------------------------


def _timeline_size(analysis: Analysis, key: str | None) -> tuple[float, float]:
    return (11.0, 6.0)


def _ranges_size(analysis: Analysis, key: str | None) -> tuple[float, float]:
    rows = len(_rows(analysis, key)[0]) if key else 0
    return (11.0, max(3.5, 2.0 + 0.34 * rows))


def _graph_size(analysis: Analysis, key: str | None) -> tuple[float, float]:
    graph = _graph_of(analysis, key) if key else None
    kinds = [k for _, k in graph.nodes(data="kind")] if graph is not None else []
    tallest = max((kinds.count(k) for k in _COLUMN), default=0)
    return (12.0, max(4.5, 1.8 + 0.42 * tallest))


_Draw = Callable[["Axes", Analysis, "str | None"], None]
_PLOTS: dict[str, tuple[Callable[[Analysis, str | None], tuple[float, float]], _Draw]] = {
    "timeline": (_timeline_size, _draw_timeline),
    "ranges": (_ranges_size, _draw_ranges),
    "graph": (_graph_size, _draw_graph),
}


def _plot(kind: str, analysis: Analysis, quantity_key: str | None, ax: Axes | None) -> Figure:
    key = resolve_quantity(analysis, quantity_key)
    size, draw = _PLOTS[kind]
    fig, axes = (_root(ax), ax) if ax is not None else _new_figure(*size(analysis, key), managed=True)
    draw(axes, analysis, key)
    return fig


def plot_timeline(analysis: Analysis, quantity_key: str | None = None, ax: Axes | None = None) -> Figure:
    """Each speaker's figures over time; the first assertion starred, confirmation delays as arrows.

    A figure is placed on the day it was said, else on the day it was
    published (then hollow); one figure reported by several outlets is one
    marker, bigger the more reports. Statements without a figure sit along
    the bottom.
    """
    return _plot("timeline", analysis, quantity_key, ax)


def plot_ranges(analysis: Analysis, quantity_key: str | None = None, ax: Axes | None = None) -> Figure:
    """One row per speaker's distinct figure: the interval its words allow, conflicts coloured by kind.

    The intervals are those conflicts are judged by
    (:func:`analyzer.corroborate.conflicts.interval`): bars that do not
    overlap cannot both hold. A part counted against a whole (a scope
    conflict) shows the words that mark it, in brackets.
    """
    return _plot("ranges", analysis, quantity_key, ax)


def plot_graph(
    analysis: Analysis,
    quantity_key: str | None = None,
    ax: Axes | None = None,
    *,
    layout: str = "layers",
    seed: int = 7,
) -> Figure:
    """Speakers, their figures (one node per cluster: the same figure across outlets) and the outlets.

    ``layout="layers"`` puts speakers, figures and outlets in three columns;
    ``layout="spring"`` is networkx's spring layout started from them, with ``seed``.
    A red border marks a figure in a conflict; a speaker's revisions and
    the denials are arcs between figures (the ranges chart shows every conflict).
    """
    if layout not in ("layers", "spring"):
        raise ValueError(f"unknown layout {layout!r}: use 'layers' or 'spring'")
    key = resolve_quantity(analysis, quantity_key)
    fig, axes = (_root(ax), ax) if ax is not None else _new_figure(*_graph_size(analysis, key), managed=True)
    _draw_graph(axes, analysis, key, layout, seed)
    return fig


_NO_DATES: dict[str, dict[str, Any]] = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}


def check_plot_path(path: str | os.PathLike[str]) -> str:
    """The image format a plot path asks for; :class:`OutputError` for an unknown suffix or a missing
    folder, so that a caller can refuse the path before any work is done.

    >>> check_plot_path("toll.svg")
    'svg'
    >>> check_plot_path("toll.gif")
    Traceback (most recent call last):
    analyzer.errors.OutputError: toll.gif: unknown image format '.gif': use .png, .svg, .pdf or .jpg
    """
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        shown = target.suffix or "(none)"
        raise OutputError(str(path), f"unknown image format {shown!r}: use .png, .svg, .pdf or .jpg")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(str(path), "no such directory")
    return fmt


def save_plot(
    analysis: Analysis, path: str | os.PathLike[str], kind: str = "timeline", quantity_key: str | None = None
) -> None:
    """Draw one plot (``timeline``, ``ranges`` or ``graph``) and write it to ``path``.

    The format is the suffix (.png, .svg, .pdf, .jpg); the same analysis
    gives the same bytes. The file appears whole or not at all (written
    beside it, then renamed), and no window opens. Raises
    :class:`OutputError` for an unknown kind, suffix or quantity, or a path
    that cannot be written.
    """
    if kind not in _PLOTS:
        raise OutputError(str(path), f"unknown plot kind {kind!r}: use {', '.join(KINDS)}")
    fmt = check_plot_path(path)
    try:
        key = resolve_quantity(analysis, quantity_key)
    except ValueError as exc:
        raise OutputError(str(path), str(exc)) from None
    size, draw = _PLOTS[kind]
    fig, ax = _new_figure(*size(analysis, key), managed=False)
    draw(ax, analysis, key)
    from matplotlib import rc_context

    def write(handle: Any) -> None:
        with rc_context({"svg.hashsalt": "analyzer"}):  # SVG ids from a fixed salt: the same bytes each time
            fig.savefig(handle, format="jpeg" if fmt == "jpg" else fmt, dpi=150, metadata=_NO_DATES.get(fmt))

    write_atomic(path, write)
    LOGGER.info("wrote the %s plot of %s to %s", kind, key, path)
