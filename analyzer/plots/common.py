"""What the plots share: matplotlib set up without surprises, axes helpers, colours, and which
quantity a plot shows when none is named."""

from __future__ import annotations

import logging
import math
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from analyzer.corroborate.conflicts import format_number
from analyzer.models import Analysis

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

    >>> from analyzer.models import Claim
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
