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
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.atomic import write_atomic
from analyzer.errors import OutputError
from analyzer.models import Analysis
from analyzer.plots.common import (
    FORMATS,
    KINDS,
    _new_figure,
    _root,
    day_text,
    default_quantity,
    resolve_quantity,
)
from analyzer.plots.graph import _COLUMN, _draw_graph, _graph_of
from analyzer.plots.ranges import _draw_ranges, _rows
from analyzer.plots.timeline import _draw_timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LOGGER = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "KINDS",
    "check_plot_path",
    "day_text",
    "default_quantity",
    "plot_graph",
    "plot_ranges",
    "plot_timeline",
    "resolve_quantity",
    "save_plot",
]


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
