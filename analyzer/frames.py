"""The analysis as pandas DataFrames, for notebooks: one frame per kind of record, ids that join.

:func:`to_frames` gives every frame at once (a :class:`Frames` record);
``claims_frame(analysis)``, ``conflicts_frame(analysis)`` ... give one.
Column names are those of ``CONTRACT.md``. The dtypes are fixed, also for
an empty analysis:

- dates (``published``, ``asserted_on``, ``first_on``) are ``datetime64[ns]``, NaT when unknown;
- figures (``value``, ``value_low``, ``value_high``) are ``float64``, NaN when absent;
- ``stance``, ``kind``, ``qualifier`` and ``unit`` are ``category`` (the known values first);
- ``approximate`` and ``first_assertion`` are ``bool``; offsets and counts are ``int64``;
- text is pandas' string dtype (``str``; ``object`` before pandas 3), missing as NaN.

Lists (``via``, ``claim_ids``, ``outlets``, ``origins``) are one text column
each, their items joined by ``"; "`` in their order (``via`` nearest source
first), ``""`` when empty: readable in a table, kept by CSV and Excel, and
filtered with ``.str.contains("Reuters")``. :func:`explode` turns such a
column back into one row per item, for joins.

Ids join across frames: ``claim_id`` (claims, conflicts, lags, and inside
``claim_ids``), ``statement_id`` (statements; a conflict member or a
timeline event may be a statement), ``doc_id``, ``cluster_id`` (clusters,
and each claim's own cluster in the claims frame), ``conflict_id`` and
``quantity_key``.

>>> from datetime import date
>>> from analyzer.models import Analysis, Claim
>>> claim = Claim("d1@4", "d1", 3000.0, "About 3,000 troops.", 6, 11, qualifier="about",
...               via=("Wire", "Agency"), published=date(2024, 10, 24), quantity_key="troops")
>>> frames = to_frames(Analysis(documents=(), claims=(claim,)))
>>> frames.claims[["value", "via", "published"]].to_dict("records")
[{'value': 3000.0, 'via': 'Wire; Agency', 'published': Timestamp('2024-10-24 00:00:00')}]
>>> str(frames.claims["stance"].dtype), str(frames.claims["published"].dtype)
('category', 'datetime64[ns]')
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from analyzer.models import CONFLICT_KINDS, QUALIFIERS, STANCES, Analysis
from analyzer.native import register_records
from analyzer.serialize import CLAIM_FIELDS, STATEMENT_FIELDS

__all__ = [
    "CLAIM_COLUMNS",
    "CLUSTER_COLUMNS",
    "CONFLICT_COLUMNS",
    "DELAY_COLUMNS",
    "DOCUMENT_COLUMNS",
    "LAG_COLUMNS",
    "LIST_SEPARATOR",
    "QUANTITY_COLUMNS",
    "STATEMENT_COLUMNS",
    "TIMELINE_COLUMNS",
    "Frames",
    "claims_frame",
    "clusters_frame",
    "conflicts_frame",
    "delays_frame",
    "documents_frame",
    "explode",
    "lags_frame",
    "quantities_frame",
    "statements_frame",
    "timeline_frame",
    "to_frames",
]

LIST_SEPARATOR = "; "

# pandas 3 infers its own string dtype ("str", NaN for missing); pandas 2 keeps text as object.
_TEXT: Any = "str" if int(pd.__version__.split(".", 1)[0]) >= 3 else object

DOCUMENT_COLUMNS = ("doc_id", "outlet", "published", "title", "claims", "source")
CLAIM_COLUMNS = (*CLAIM_FIELDS, "per", "cluster_id")
STATEMENT_COLUMNS = tuple(
    column for name in STATEMENT_FIELDS for column in (("topic", name) if name == "sentence" else (name,))
)  # the JSON fields, and the words the statement is about before its sentence
QUANTITY_COLUMNS = ("quantity_key", "label", "unit", "claims", "speakers", "conflicts", "claim_ids")
CLUSTER_COLUMNS = (
    "cluster_id",
    "quantity_key",
    "speaker",
    "value",
    "claims",
    "claim_ids",
    "outlets",
    "independent_sources",
    "origins",
)
CONFLICT_COLUMNS = (
    "conflict_id",
    "quantity_key",
    "kind",
    "explanation",
    "member",
    "claim_id",
    "doc_id",
    "speaker",
    "value",
    "asserted_on",
)
TIMELINE_COLUMNS = (
    "quantity_key",
    "position",
    "speaker",
    "first_on",
    "stance",
    "value",
    "claim_ids",
    "first_assertion",
    "days_after_first",
)
DELAY_COLUMNS = ("quantity_key", "speaker", "first_on", "days_after_first", "first_speaker")
LAG_COLUMNS = ("quantity_key", "outlet", "claim_id", "days")

_ASSERTING = ("asserts", "confirms")


# --- columns of a fixed dtype -------------------------------------------------------------------


def _text(values: Iterable[str | None]) -> pd.Series:
    return pd.Series(list(values), dtype=_TEXT)


def _joined(values: Iterable[Sequence[str]]) -> pd.Series:
    return pd.Series([LIST_SEPARATOR.join(v) for v in values], dtype=_TEXT)


def _dates(values: Iterable[date | None]) -> pd.Series:
    days = np.array(list(values), dtype="datetime64[D]")  # None becomes NaT
    return pd.Series(days.astype("datetime64[ns]"))


def _floats(values: Iterable[float | None]) -> pd.Series:
    return pd.Series(np.array([np.nan if v is None else v for v in values], dtype=np.float64))


def _ints(values: Iterable[int]) -> pd.Series:
    return pd.Series(np.array(list(values), dtype=np.int64))


def _bools(values: Iterable[bool]) -> pd.Series:
    return pd.Series(np.array(list(values), dtype=bool))


def _category(values: Iterable[str | None], known: Sequence[str] = ()) -> pd.Series:
    """A categorical column: the known values first (in their order), then any other seen, sorted."""
    items = list(values)
    extra = sorted({v for v in items if v is not None} - set(known))
    return pd.Series(pd.Categorical(items, categories=[*known, *extra]))


# Counts and offsets; a timeline's days_after_first, missing when undated, is given as nullable Int64.
_INT_COLUMNS = "start end claims speakers conflicts independent_sources member position days days_after_first"
# The dtype of a column, by its name (the same name has the same dtype in every frame); text otherwise.
_COLUMN_KINDS: dict[str, Callable[[Iterable[Any]], pd.Series]] = {
    **dict.fromkeys(("published", "asserted_on", "first_on"), _dates),
    **dict.fromkeys(("value", "value_low", "value_high"), _floats),
    **dict.fromkeys(("via", "claim_ids", "outlets", "origins"), _joined),
    **dict.fromkeys(("approximate", "first_assertion"), _bools),
    **dict.fromkeys(_INT_COLUMNS.split(), _ints),
    "qualifier": partial(_category, known=QUALIFIERS),
    "stance": partial(_category, known=STANCES),
    "kind": partial(_category, known=CONFLICT_KINDS),
    "unit": _category,
}


def _frame(records: Sequence[Any], columns: Sequence[str], **given: Iterable[Any]) -> pd.DataFrame:
    """One column per name, typed by its name: the values ``given`` for it, else the records' field.

    A ``given`` Series is taken as it is (a dtype of its own).
    """
    data: dict[str, pd.Series] = {}
    for name in columns:
        values = given[name] if name in given else [getattr(r, name) for r in records]
        data[name] = values if isinstance(values, pd.Series) else _COLUMN_KINDS.get(name, _text)(values)
    return pd.DataFrame(data)


# --- one frame per kind of record ---------------------------------------------------------------


def documents_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per document: ``doc_id, outlet, published, title, claims, source``."""
    return _frame(analysis.documents, DOCUMENT_COLUMNS)


def claims_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per claim: the fields of CONTRACT section 2, then ``per`` and the claim's ``cluster_id``.

    >>> from analyzer.models import Claim
    >>> frame = claims_frame(Analysis(documents=(), claims=(Claim("a", "d", 12.0, "12 died.", 0, 2),)))
    >>> frame[["claim_id", "value", "speaker", "via", "approximate"]].to_dict("records")
    [{'claim_id': 'a', 'value': 12.0, 'speaker': nan, 'via': '', 'approximate': False}]
    """
    claims = analysis.claims
    cluster_of = {cid: cluster.cluster_id for cluster in analysis.clusters for cid in cluster.claim_ids}
    return _frame(claims, CLAIM_COLUMNS, cluster_id=[cluster_of.get(c.claim_id) for c in claims])


def statements_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per statement (an attributed statement about a quantity that carries no figure)."""
    return _frame(analysis.statements, STATEMENT_COLUMNS)


def quantities_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per quantity, with how many claims, distinct speakers and conflicts it has.

    ``speakers`` counts the named speakers of its claims and statements.
    """
    speakers: dict[str, set[str]] = defaultdict(set)
    for claim in analysis.claims:
        if claim.speaker:
            speakers[claim.quantity_key].add(claim.speaker)
    for statement in analysis.statements:
        if statement.speaker:
            speakers[statement.quantity_key].add(statement.speaker)
    conflicts: dict[str, int] = defaultdict(int)
    for conflict in analysis.conflicts:
        conflicts[conflict.quantity_key] += 1
    qs = analysis.quantities
    return _frame(
        qs,
        QUANTITY_COLUMNS,
        quantity_key=[q.key for q in qs],
        claims=[len(q.claim_ids) for q in qs],
        speakers=[len(speakers.get(q.key, ())) for q in qs],
        conflicts=[conflicts.get(q.key, 0) for q in qs],
    )


def clusters_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per cluster (one claim across outlets); ``claims`` counts its claims."""
    cs = analysis.clusters
    return _frame(cs, CLUSTER_COLUMNS, claims=[len(c.claim_ids) for c in cs])


def conflicts_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per conflict member: the conflict's id, kind and explanation repeated on each.

    ``member`` is the member's position in the conflict (date order). A
    member is a claim, or a statement (a denial that carries no figure,
    entered as a figure of 0): its ``claim_id`` is then a ``statement_id``.
    """
    rows = [(conflict, i, m) for conflict in analysis.conflicts for i, m in enumerate(conflict.members)]
    return _frame(
        [m for _, _, m in rows],
        CONFLICT_COLUMNS,
        conflict_id=[c.conflict_id for c, _, _ in rows],
        quantity_key=[c.quantity_key for c, _, _ in rows],
        kind=[c.kind for c, _, _ in rows],
        explanation=[c.explanation for c, _, _ in rows],
        member=[i for _, i, _ in rows],
    )


def timeline_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per timeline event: the first statement of each speaker (per stance) about a quantity.

    ``position`` is the event's place in its quantity's timeline (date order,
    undated last). ``first_assertion`` marks the earliest dated event that
    asserts or confirms (several on a tie); ``days_after_first`` counts the
    days from it (nullable ``Int64``: missing for undated events).
    """
    rows = []
    for timeline in analysis.timelines:
        asserted = [e.first_on for e in timeline.events if e.first_on and e.stance in _ASSERTING]
        start = min(asserted) if asserted else None
        for position, event in enumerate(timeline.events):
            rows.append((timeline.quantity_key, position, event, start))
    days = [(e.first_on - s).days if e.first_on and s else None for _, _, e, s in rows]
    return _frame(
        [e for _, _, e, _ in rows],
        TIMELINE_COLUMNS,
        quantity_key=[k for k, _, _, _ in rows],
        position=[p for _, p, _, _ in rows],
        first_assertion=[s is not None and e.first_on == s and e.stance in _ASSERTING for _, _, e, s in rows],
        days_after_first=pd.Series(pd.array(days, dtype="Int64")),
    )


def delays_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per confirmation delay: days from a quantity's first assertion to a speaker's confirmation."""
    return _frame([d for t in analysis.timelines for d in t.confirmation_delays], DELAY_COLUMNS)


def lags_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per reporting lag: days between a statement and an outlet's publication of it."""
    return _frame([lag for t in analysis.timelines for lag in t.reporting_lags], LAG_COLUMNS)


# --- all of them --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class Frames:
    """Every frame of one analysis (see the module's docstring for columns and dtypes)."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    statements: pd.DataFrame
    quantities: pd.DataFrame
    clusters: pd.DataFrame
    conflicts: pd.DataFrame
    timeline: pd.DataFrame
    delays: pd.DataFrame
    lags: pd.DataFrame

    def __repr__(self) -> str:
        sizes = ", ".join(f"{f.name}={len(getattr(self, f.name))} rows" for f in fields(self))
        return f"Frames({sizes})"


_BUILDERS: dict[str, Callable[[Analysis], pd.DataFrame]] = {
    "documents": documents_frame,
    "claims": claims_frame,
    "statements": statements_frame,
    "quantities": quantities_frame,
    "clusters": clusters_frame,
    "conflicts": conflicts_frame,
    "timeline": timeline_frame,
    "delays": delays_frame,
    "lags": lags_frame,
}


def to_frames(analysis: Analysis) -> Frames:
    """The whole analysis as DataFrames: ``to_frames(analyze("articles/")).claims``.

    >>> to_frames(Analysis(documents=(), claims=()))
    Frames(documents=0 rows, claims=0 rows, statements=0 rows, quantities=0 rows, clusters=0 rows, \
conflicts=0 rows, timeline=0 rows, delays=0 rows, lags=0 rows)
    """
    return Frames(**{name: build(analysis) for name, build in _BUILDERS.items()})


def explode(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per item of a ``"; "``-joined list column (rows with an empty list are dropped).

    >>> frame = pd.DataFrame({"cluster_id": ["k1", "k2"], "claim_ids": ["a; b", ""]})
    >>> explode(frame, "claim_ids").to_dict("records")
    [{'cluster_id': 'k1', 'claim_ids': 'a'}, {'cluster_id': 'k1', 'claim_ids': 'b'}]
    """
    if column not in frame.columns:
        raise KeyError(f"no column {column!r}: the columns are {', '.join(map(str, frame.columns))}")
    items = [str(v).split(LIST_SEPARATOR) if isinstance(v, str) and v else [] for v in frame[column]]
    out = frame.assign(**{column: pd.Series(items, index=frame.index, dtype=object)}).explode(column)
    out = out[out[column].notna()].reset_index(drop=True)
    out[column] = out[column].astype(_TEXT)
    return out


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
