"""The figure ranges: one row per speaker's distinct figure, drawn as the interval its words allow."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from analyzer.corroborate.conflicts import format_figure, interval, part_marker, when
from analyzer.models import Analysis, Claim
from analyzer.plots.common import (
    _CALM,
    _GREY,
    _KIND_COLOURS,
    _MAX_ROWS,
    _SMALL,
    _STANCE_MARKERS,
    _below,
    _empty,
    _log_wanted,
    _speaker_name,
    _thousands,
    _title,
    day_text,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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
