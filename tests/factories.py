"""Records made by hand for the tests: defaults for every field a test does not look at.

A test says what matters to it (the value, the speaker, the quantity key, the dates) and leaves the
rest to these: a document id of its own per record (``doc-<id>``), an empty sentence at offset 0.
Each test file keeps its own defaults in a one-line wrapper (``_claim``) over :func:`claim`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from analyzer.corroborate.core import corroborate
from analyzer.extract.document import extract_document
from analyzer.models import (
    Analysis,
    Claim,
    ConfirmationDelay,
    Conflict,
    ConflictMember,
    Document,
    DocumentSummary,
    ReportingLag,
    Statement,
    Timeline,
    TimelineEvent,
)
from analyzer.settings import Settings


def claim(
    cid: str,
    value: float,
    speaker: str | None = None,
    *,
    doc: str | None = None,
    sentence: str = "",
    start: int = 0,
    end: int | None = None,
    **fields: Any,
) -> Claim:
    """A claim ``cid`` of ``value``; ``doc`` defaults to ``doc-<cid>``, ``end`` to ``start``.

    >>> c = claim("a", 12.0, "Police", quantity_key="arrested")
    >>> c.doc_id, c.speaker, c.quantity_key, c.sentence, (c.start, c.end)
    ('doc-a', 'Police', 'arrested', '', (0, 0))
    """
    document = doc if doc is not None else f"doc-{cid}"
    return Claim(
        cid, document, value, sentence, start, start if end is None else end, speaker=speaker, **fields
    )


def reported(cid: str, doc: str, value: float, speaker: str | None, item: str, **fields: Any) -> Claim:
    """A claim as a report in document ``doc`` gives it: ``speaker`` put it at ``value`` ``item``.

    >>> reported("d1@4", "d1", 87.0, "Governor", "people killed").sentence
    'Governor put it at 87.0 people killed.'
    """
    sentence = f"{speaker} put it at {value} {item}."
    return claim(cid, value, speaker, doc=doc, item=item, sentence=sentence, end=4, **fields)


def statement(
    sid: str,
    speaker: str,
    stance: str = "asserts",
    *,
    doc: str | None = None,
    sentence: str = "",
    start: int = 0,
    end: int | None = None,
    **fields: Any,
) -> Statement:
    """A statement ``sid`` of ``speaker``; ``doc`` defaults to ``doc-<sid>``, ``end`` to ``start``.

    >>> s = statement("s", "Ministry", "denies", asserted_on=date(2024, 4, 4))
    >>> s.doc_id, s.stance, s.asserted_on
    ('doc-s', 'denies', datetime.date(2024, 4, 4))
    """
    document = doc if doc is not None else f"doc-{sid}"
    return Statement(sid, document, speaker, sentence, start, start if end is None else end, stance, **fields)


def conflict(conflict_id: str, kind: str, *members: Claim | Statement, explanation: str = "") -> Conflict:
    """A conflict of ``kind`` among claims and statements, about the quantity of the first.

    >>> a = claim("a", 87.0, "Governor", quantity_key="deaths")
    >>> b = claim("b", 140.0, "Agency", quantity_key="deaths")
    >>> [m.value for m in conflict("c-1", "disagreement", a, b).members]
    [87.0, 140.0]
    """
    return Conflict(
        conflict_id, members[0].quantity_key, kind, tuple(member(m) for m in members), explanation
    )


def timeline(
    *events: TimelineEvent, delays: Iterable[ConfirmationDelay] = (), lags: Iterable[ReportingLag] = ()
) -> Timeline:
    """The timeline of the quantity of the first event."""
    return Timeline(events[0].quantity_key, events, tuple(delays), tuple(lags))


def member(record: Claim | Statement) -> ConflictMember:
    """A conflict member standing for a claim, or for a statement (a denial: a figure of 0).

    >>> member(claim("a", 87.0, "Governor", doc="d1"))
    ConflictMember(claim_id='a', doc_id='d1', speaker='Governor', value=87.0, asserted_on=None)
    """
    if isinstance(record, Claim):
        return ConflictMember(
            record.claim_id, record.doc_id, record.speaker, record.value, record.asserted_on
        )
    return ConflictMember(record.statement_id, record.doc_id, record.speaker, 0.0, record.asserted_on)


def event(record: Claim | Statement, *, first_on: date | None = None) -> TimelineEvent:
    """A timeline event made of one claim or statement: its speaker, stance, figure and date
    (``first_on`` when given, else the date it was made).

    >>> event(claim("a", 87.0, "Governor", quantity_key="deaths", asserted_on=date(2024, 4, 2)))
    TimelineEvent(quantity_key='deaths', speaker='Governor', first_on=datetime.date(2024, 4, 2), \
stance='asserts', value=87.0, claim_ids=('a',))
    """
    on = first_on or record.asserted_on
    if isinstance(record, Claim):
        return TimelineEvent(
            record.quantity_key, record.speaker or "", on, record.stance, record.value, (record.claim_id,)
        )
    return TimelineEvent(record.quantity_key, record.speaker, on, record.stance, None, (record.statement_id,))


def analysis_of(
    claims: Iterable[Claim],
    statements: Iterable[Statement] = (),
    *,
    documents: Iterable[DocumentSummary] = (),
    outlets: Mapping[str, str | None] | None = None,
) -> Analysis:
    """Claims and statements of one's own through the real corroboration stage (default settings,
    no copies), as an :class:`Analysis` of ``documents``.

    >>> analysis = analysis_of([claim("a", 12.0, "Police", item="people arrested")])
    >>> [q.key for q in analysis.quantities], analysis.claims[0].quantity_key
    (['people-arrested'], 'people-arrested')
    """
    result = corroborate(
        list(claims),
        list(statements),
        fingerprints={},
        published={},
        outlets=outlets or {},
        settings=Settings(),
    )
    return Analysis(
        tuple(documents),
        result.claims,
        result.statements,
        result.quantities,
        result.clusters,
        result.conflicts,
        result.timelines,
        verdicts=result.verdicts,
        reliabilities=result.reliabilities,
    )


def extracted(text: str, *, published: date | None = None, outlet: str | None = None) -> tuple[Claim, ...]:
    """The claims the extractor finds in one page of ``text`` (the sentences of a rule's test)."""
    return extract_document(Document("t", text, outlet=outlet, published=published)).claims


def claims_by_value(
    text: str, *, published: date | None = None, outlet: str | None = None
) -> dict[float, Claim]:
    """:func:`extracted`, keyed by value (the last claim of a value when two share it)."""
    return {c.value: c for c in extracted(text, published=published, outlet=outlet) if c.value is not None}


def claim_dates(text: str, published: date | None = None) -> list[tuple[str | None, float, str | None]]:
    """(speaker, value, asserted_on as ISO text or None) of each claim :func:`extracted` finds."""
    return [
        (c.speaker, c.value, c.asserted_on.isoformat() if c.asserted_on else None)
        for c in extracted(text, published=published)
    ]
