"""The JSON shapes of CONTRACT.md, made from the records.

Numbers that are whole print as integers, dates as ``YYYY-MM-DD``; key order
is fixed so the same analysis gives the same bytes.

>>> from analyzer.models import Claim
>>> claim_dict(Claim("d@1", "d", 3000.0, "About 3,000.", 6, 11, approximate=True))["value"]
3000
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from analyzer.models import Analysis, Claim, Cluster, Conflict, DocumentSummary, Quantity, Statement, Timeline

TRUST_CAVEAT = (
    "Reliability measures how often a source agrees with the others, weighted so that copies count once; "
    "it is agreement, not truth."
)
_SOURCE_FIELDS = ("doc_id", "outlet", "published", "speaker", "speaker_mention", "via")  # who said it, where
_STATED_FIELDS = (
    "quantity_key",
    "stance",
    "asserted_on",
    "sentence",
    "start",
    "end",
)  # about what, when, how
CLAIM_FIELDS = (
    "claim_id",
    *_SOURCE_FIELDS,
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "approximate",
    "derived",
    "unit",
    "item",
    *_STATED_FIELDS,
)
"""The fields of a claim in CONTRACT section 2, in their order; :func:`claim_dict` adds ``per``."""
STATEMENT_FIELDS = ("statement_id", *_SOURCE_FIELDS, *_STATED_FIELDS)
DOCUMENT_FIELDS = ("doc_id", "outlet", "published", "title", "claims")
CLUSTER_FIELDS = (
    "cluster_id",
    "quantity_key",
    "speaker",
    "value",
    "claim_ids",
    "outlets",
    "independent_sources",
    "origins",
)
MEMBER_FIELDS = ("claim_id", "doc_id", "speaker", "value", "asserted_on")  # of a conflict
EVENT_FIELDS = ("speaker", "first_on", "stance", "value", "claim_ids")  # of a timeline
DELAY_FIELDS = ("speaker", "first_on", "days_after_first", "first_speaker")
LAG_FIELDS = ("outlet", "claim_id", "days")


def number(x: float | None) -> int | float | None:
    """A figure as JSON wants it: whole numbers as int."""
    if x is None:
        return None
    if math.isfinite(x) and x == int(x) and abs(x) < 2**53:
        return int(x)
    return round(x, 6)


def day(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


# How a field of a record is written in JSON, by its name; any other field is written as it is.
_AS_JSON: dict[str, Callable[[Any], Any]] = {
    "published": day,
    "asserted_on": day,
    "first_on": day,
    "value": number,
    "value_low": number,
    "value_high": number,
    "via": list,
    "claim_ids": list,
    "outlets": list,
    "origins": list,
}


def fields_dict(record: Any, names: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record in the JSON shape of CONTRACT.md, in the order given.

    >>> from analyzer.models import Claim
    >>> fields_dict(Claim("d@1", "d", 12.0, "12 died.", 0, 2, via=("Wire",)), ("value", "via", "end"))
    {'value': 12, 'via': ['Wire'], 'end': 2}
    """
    return {name: _AS_JSON.get(name, _same)(getattr(record, name)) for name in names}


def _same(value: Any) -> Any:
    return value


_CLAIM_KEYS = (*CLAIM_FIELDS, "per")


def claim_dict(c: Claim) -> dict[str, Any]:
    """One claim in the shape of CONTRACT section 2 (plus ``per`` for rates)."""
    return fields_dict(c, _CLAIM_KEYS)


def statement_dict(s: Statement) -> dict[str, Any]:
    return fields_dict(s, STATEMENT_FIELDS)


def document_dict(d: DocumentSummary) -> dict[str, Any]:
    return fields_dict(d, DOCUMENT_FIELDS)


def quantity_dict(q: Quantity) -> dict[str, Any]:
    return {"quantity_key": q.key, "label": q.label, "unit": q.unit, "claim_ids": list(q.claim_ids)}


def cluster_dict(c: Cluster) -> dict[str, Any]:
    return fields_dict(c, CLUSTER_FIELDS)


def conflict_dict(c: Conflict) -> dict[str, Any]:
    return {
        "conflict_id": c.conflict_id,
        "quantity_key": c.quantity_key,
        "kind": c.kind,
        "members": [fields_dict(m, MEMBER_FIELDS) for m in c.members],
        "explanation": c.explanation,
    }


def timeline_dict(t: Timeline) -> dict[str, Any]:
    return {
        "quantity_key": t.quantity_key,
        "events": [fields_dict(e, EVENT_FIELDS) for e in t.events],
        "confirmation_delays": [fields_dict(d, DELAY_FIELDS) for d in t.confirmation_delays],
        "reporting_lags": [fields_dict(r, LAG_FIELDS) for r in t.reporting_lags],
    }


def analysis_dict(a: Analysis) -> dict[str, Any]:
    """The report of CONTRACT section 3."""
    return {
        "documents": [document_dict(d) for d in a.documents],
        "claims": [claim_dict(c) for c in a.claims],
        "statements": [statement_dict(s) for s in a.statements],
        "quantities": [quantity_dict(q) for q in a.quantities],
        "clusters": [cluster_dict(c) for c in a.clusters],
        "conflicts": [conflict_dict(c) for c in a.conflicts],
        "timeline": [timeline_dict(t) for t in a.timelines],
        "trust": {
            "caveat": TRUST_CAVEAT,
            "verdicts": [
                {
                    "quantity_key": v.quantity_key,
                    "value": number(v.value),
                    "confidence": v.confidence,
                    "support": v.support,
                }
                for v in a.verdicts
            ],
            "reliability": [
                {"name": r.name, "kind": r.kind, "reliability": r.reliability, "claims": r.claims}
                for r in a.reliabilities
            ],
        },
        "warnings": [str(w) for w in a.warnings],
    }


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text, the same bytes for the same data."""
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
