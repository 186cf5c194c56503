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
from datetime import date
from typing import Any

from analyzer.models import Analysis, Claim, Cluster, Conflict, DocumentSummary, Quantity, Statement, Timeline

TRUST_CAVEAT = (
    "Reliability measures how often a source agrees with the others, weighted so that copies count once; "
    "it is agreement, not truth."
)
CLAIM_FIELDS = (
    "claim_id",
    "doc_id",
    "outlet",
    "published",
    "speaker",
    "speaker_mention",
    "via",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "approximate",
    "derived",
    "unit",
    "item",
    "quantity_key",
    "stance",
    "asserted_on",
    "sentence",
    "start",
    "end",
)


def number(x: float | None) -> int | float | None:
    """A figure as JSON wants it: whole numbers as int."""
    if x is None:
        return None
    if math.isfinite(x) and x == int(x) and abs(x) < 2**53:
        return int(x)
    return round(x, 6)


def day(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def claim_dict(c: Claim) -> dict[str, Any]:
    """One claim in the shape of CONTRACT section 2 (plus ``per`` for rates)."""
    return {
        "claim_id": c.claim_id,
        "doc_id": c.doc_id,
        "outlet": c.outlet,
        "published": day(c.published),
        "speaker": c.speaker,
        "speaker_mention": c.speaker_mention,
        "via": list(c.via),
        "value": number(c.value),
        "value_low": number(c.value_low),
        "value_high": number(c.value_high),
        "qualifier": c.qualifier,
        "approximate": c.approximate,
        "derived": c.derived,
        "unit": c.unit,
        "item": c.item,
        "quantity_key": c.quantity_key,
        "stance": c.stance,
        "asserted_on": day(c.asserted_on),
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "per": c.per,
    }


def statement_dict(s: Statement) -> dict[str, Any]:
    return {
        "statement_id": s.statement_id,
        "doc_id": s.doc_id,
        "outlet": s.outlet,
        "published": day(s.published),
        "speaker": s.speaker,
        "speaker_mention": s.speaker_mention,
        "via": list(s.via),
        "quantity_key": s.quantity_key,
        "stance": s.stance,
        "asserted_on": day(s.asserted_on),
        "sentence": s.sentence,
        "start": s.start,
        "end": s.end,
    }


def document_dict(d: DocumentSummary) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "outlet": d.outlet,
        "published": day(d.published),
        "title": d.title,
        "claims": d.claims,
    }


def quantity_dict(q: Quantity) -> dict[str, Any]:
    return {"quantity_key": q.key, "label": q.label, "unit": q.unit, "claim_ids": list(q.claim_ids)}


def cluster_dict(c: Cluster) -> dict[str, Any]:
    return {
        "cluster_id": c.cluster_id,
        "quantity_key": c.quantity_key,
        "speaker": c.speaker,
        "value": number(c.value),
        "claim_ids": list(c.claim_ids),
        "outlets": list(c.outlets),
        "independent_sources": c.independent_sources,
        "origins": list(c.origins),
    }


def conflict_dict(c: Conflict) -> dict[str, Any]:
    return {
        "conflict_id": c.conflict_id,
        "quantity_key": c.quantity_key,
        "kind": c.kind,
        "members": [
            {
                "claim_id": m.claim_id,
                "doc_id": m.doc_id,
                "speaker": m.speaker,
                "value": number(m.value),
                "asserted_on": day(m.asserted_on),
            }
            for m in c.members
        ],
        "explanation": c.explanation,
    }


def timeline_dict(t: Timeline) -> dict[str, Any]:
    return {
        "quantity_key": t.quantity_key,
        "events": [
            {
                "speaker": e.speaker,
                "first_on": day(e.first_on),
                "stance": e.stance,
                "value": number(e.value),
                "claim_ids": list(e.claim_ids),
            }
            for e in t.events
        ],
        "confirmation_delays": [
            {
                "speaker": d.speaker,
                "first_on": day(d.first_on),
                "days_after_first": d.days_after_first,
                "first_speaker": d.first_speaker,
            }
            for d in t.confirmation_delays
        ],
        "reporting_lags": [
            {"outlet": r.outlet, "claim_id": r.claim_id, "days": r.days} for r in t.reporting_lags
        ],
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
