"""The one function that composes the stages: files in, an :class:`Analysis` out.

Every front end (CLI, notebooks, ``corroborate check``, the pytest plugin)
calls :func:`analyze`. Documents are streamed: each is read, extracted and
reduced to its claims and a small fingerprint in a worker process
(:mod:`analyzer.parallel`), and only that comes back, in corpus order; the
corpus-wide stages (speaker names, quantities, corroboration) then run on the
gathered claims. With ``Settings.dask`` the same happens on a Dask cluster
(:mod:`analyzer.dask_backend`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("The coastguard said 42 people were rescued.")
>>> [(c.speaker, c.value) for c in analyze([folder]).claims]
[('coastguard', 42.0)]
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from analyzer.corroborate.copies import fingerprint
from analyzer.corroborate.core import PerQuantityBuilder, assign_keys, build_per_quantity, corroborate
from analyzer.corroborate.stories import salient_names, story_of
from analyzer.extract.document import DocumentExtraction, extract_document
from analyzer.ingest.offsets import SourceMap
from analyzer.models import Analysis, Claim, CorpusWarning, Document, DocumentSummary, Statement
from analyzer.parallel import Progress, corpus_bytes, iter_batches
from analyzer.resolve import Mention, resolve_speakers
from analyzer.resolve.evidence import _scan_definitions, _scan_titles
from analyzer.settings import Settings

LOGGER = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]
_Spoken = TypeVar("_Spoken", Claim, Statement)
_HASH_CODE = "I" if array("I").itemsize >= 4 else "L"  # unsigned, wide enough for crc32
PROGRESS_INTERVAL = 0.25  # seconds between two progress reports while documents are read


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document reduced to what corroboration needs: claims, statements, fingerprint, summary."""

    summary: DocumentSummary
    extraction: DocumentExtraction
    fingerprint: Collection[int]  # sorted shingle hashes, 4 bytes each (a frozenset takes 25 times that)
    evidence: str  # the document's text where names are defined, for speaker resolution
    names: frozenset[str] = frozenset()  # the names the document uses most, to tell stories apart


def extract_one(doc: Document, *, copies: bool = True) -> Extracted:
    """Extract one document (a pure function: safe to run in worker processes).

    ``copies=False`` leaves the fingerprint empty: a run that only lists claims traces no copied text.
    """
    known = frozenset({doc.outlet.lower()}) if doc.outlet else frozenset()
    extraction = extract_document(doc, known)
    if doc.original is not None and (extraction.claims or extraction.statements):
        extraction = _at_given_offsets(extraction, SourceMap(doc.text, doc.original))
    summary = DocumentSummary(
        doc_id=doc.doc_id,
        outlet=doc.outlet,
        published=doc.published,
        title=doc.title,
        claims=len(extraction.claims),
        source=doc.source,
    )
    shingles = array(_HASH_CODE, sorted(fingerprint(doc.text)) if copies else ())
    return Extracted(summary, extraction, shingles, _evidence(doc.text), salient_names(doc.text))


def _at_given_offsets(extraction: DocumentExtraction, where: SourceMap) -> DocumentExtraction:
    """The claims and statements with their offsets in the text as given, not in the cleaned text."""
    return DocumentExtraction(
        extraction.doc_id,
        tuple(_claim_at(c, where.to_source(c.start), where.to_source_end(c.end)) for c in extraction.claims),
        tuple(
            _statement_at(s, where.to_source(s.start), where.to_source_end(s.end))
            for s in extraction.statements
        ),
        extraction.credits,
    )


# Built field by field: ``dataclasses.replace`` costs five times as much (tests check both agree on
# every field, so a field added to the records fails them until it is added here).
def _claim_at(c: Claim, start: int, end: int) -> Claim:
    """``dataclasses.replace(c, start=start, end=end)``."""
    return Claim(
        c.claim_id,
        c.doc_id,
        c.value,
        c.sentence,
        start,
        end,
        c.outlet,
        c.published,
        c.speaker,
        c.speaker_mention,
        c.via,
        c.value_low,
        c.value_high,
        c.qualifier,
        c.approximate,
        c.derived,
        c.unit,
        c.item,
        c.quantity_key,
        c.stance,
        c.asserted_on,
        c.per,
    )


def _statement_at(s: Statement, start: int, end: int) -> Statement:
    """``dataclasses.replace(s, start=start, end=end)``."""
    return Statement(
        s.statement_id,
        s.doc_id,
        s.speaker,
        s.sentence,
        start,
        end,
        s.stance,
        s.asserted_on,
        s.speaker_mention,
        s.outlet,
        s.published,
        s.via,
        s.topic,
        s.quantity_key,
    )


def extract_for_claims(doc: Document) -> Extracted:
    """:func:`extract_one` for a run that only lists claims (module level, so workers get it by name)."""
    return extract_one(doc, copies=False)


def _evidence(text: str) -> str:
    """The paragraphs of a text that define names (acronyms in brackets, titles with names).

    Empty when speaker resolution would find no title and no acronym definition in them: such a
    text teaches it nothing, and not keeping it lets pages without names stream in flat memory.

    >>> _evidence("Ferries ran late.\\nThe Harbour Rescue Agency (HRA) said so.")
    'The Harbour Rescue Agency (HRA) said so.'
    >>> _evidence("The town's ferry ran late, the mayor's office said.")
    ''
    """
    keep = [p for p in text.split("\n") if "(" in p or "’s" in p or "'s" in p]
    evidence = "\n".join(keep) if sum(len(p) for p in keep) < len(text) else text
    # resolve scans each document's evidence on its own, so a text where both scans find nothing
    # changes nothing (resolve.evidence._evidence); they run here, in the worker, on this one text.
    if next(iter(_scan_titles("", evidence)), None) or next(iter(_scan_definitions("", evidence)), None):
        return evidence
    return ""


def iter_extracted(
    paths: Iterable[PathLike], warn: Callable[[CorpusWarning], None], settings: Settings
) -> Iterator[Extracted]:
    """Stream the corpus through extraction on ``settings.jobs`` workers, in corpus order."""
    with closing(iter_batches(paths, extract_one, jobs=settings.jobs)) as batches:
        for batch in batches:
            for event in batch.events:
                if isinstance(event, CorpusWarning):
                    warn(event)
                else:
                    yield event


class Gathered:
    """What a run keeps of each document, in corpus order: only what the corpus-wide stages need.

    Documents whose id was seen before are skipped with a warning. Fed by the local run and by the
    Dask backend alike, so both end in the same :func:`finish`.
    """

    def __init__(self, on_warning: Callable[[CorpusWarning], None] | None = None) -> None:
        self.on_warning = on_warning
        self.warnings: list[CorpusWarning] = []
        self.summaries: list[DocumentSummary] = []
        self.claims: list[Claim] = []
        self.statements: list[Statement] = []
        self.fingerprints: dict[str, Collection[int]] = {}
        self.evidence: dict[str, str] = {}
        self.names: dict[str, frozenset[str]] = {}

    def warn(self, warning: CorpusWarning) -> None:
        self.warnings.append(warning)
        if self.on_warning is not None:
            self.on_warning(warning)

    def add(self, events: Iterable[Extracted | CorpusWarning]) -> None:
        for event in events:
            if isinstance(event, CorpusWarning):
                self.warn(event)
                continue
            doc_id = event.summary.doc_id
            if doc_id in self.fingerprints:
                self.warn(CorpusWarning(event.summary.source, f"duplicate document id {doc_id!r}: skipped"))
                continue
            self.summaries.append(event.summary)
            self.claims.extend(event.extraction.claims)
            self.statements.extend(event.extraction.statements)
            self.fingerprints[doc_id] = event.fingerprint
            if event.evidence:
                self.evidence[doc_id] = event.evidence
            self.names[doc_id] = event.names


class Meter:
    """Calls a progress callback at most :data:`PROGRESS_INTERVAL` apart, and at every change of stage."""

    def __init__(self, callback: Callable[[Progress], None] | None, bytes_total: int | None = None) -> None:
        self.callback = callback
        self.bytes_total = bytes_total
        self.bytes_done = self.documents = self.claims = 0
        self.last = -PROGRESS_INTERVAL

    def extracted(self, size: int, documents: int, claims: int) -> None:
        self.bytes_done += size
        self.documents, self.claims = documents, claims
        now = time.monotonic()
        if self.callback is not None and now - self.last >= PROGRESS_INTERVAL:
            self.last = now
            self.callback(self._now("extract"))

    def stage(self, stage: str) -> None:
        if self.callback is not None:
            self.last = time.monotonic()
            self.callback(self._now(stage))

    def _now(self, stage: str) -> Progress:
        total = self.bytes_total
        done = self.bytes_done if total is None else min(self.bytes_done, total)
        return Progress(stage, self.documents, self.claims, done, total)


def analyze(
    paths: Sequence[PathLike] | PathLike,
    settings: Settings | None = None,
    *,
    on_warning: Callable[[CorpusWarning], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
    claims_only: bool = False,
) -> Analysis:
    """Read a corpus and return everything the tool finds in it.

    Extraction runs on ``settings.jobs`` worker processes (0: one per core, 1: none), or on a Dask
    cluster when ``settings.dask`` is set; the result is the same either way. Problems with single
    documents become warnings (also passed to ``on_warning`` as they happen); a missing path raises
    :class:`analyzer.errors.CorpusError`. ``progress`` receives a :class:`Progress` a few times a
    second while documents are read, and once at the start of each later stage.

    ``claims_only`` stops once claims and statements have their canonical speakers and quantity
    keys (what ``corroborate claims`` prints, the same records as a full run): no copies are traced
    and the result has no clusters, conflicts, timelines or verdicts.
    """
    settings = settings or Settings()
    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if settings.dask:
        from analyzer.dask_backend import analyze_on_dask

        return analyze_on_dask(
            paths, settings, on_warning=on_warning, progress=progress, claims_only=claims_only
        )
    meter = Meter(progress, corpus_bytes(paths) if progress is not None else None)
    gathered = Gathered(on_warning)
    extract = extract_for_claims if claims_only else extract_one
    with closing(iter_batches(paths, extract, jobs=settings.jobs)) as batches:
        for batch in batches:
            gathered.add(batch.events)
            meter.extracted(batch.size, len(gathered.summaries), len(gathered.claims))
    return finish(gathered, settings, meter, claims_only=claims_only)


def finish(
    gathered: Gathered,
    settings: Settings,
    meter: Meter,
    per_quantity: PerQuantityBuilder = build_per_quantity,
    *,
    claims_only: bool = False,
) -> Analysis:
    """The corpus-wide stages on what extraction gathered: speaker names, then corroboration.

    ``per_quantity`` builds the records of each quantity (the Dask backend passes one that runs on
    its cluster); everything else runs here, the same for every backend. ``claims_only`` stops after
    the speaker names and quantity keys (see :func:`analyze`).
    """
    meter.extracted(0, len(gathered.summaries), len(gathered.claims))
    meter.stage("resolve")
    # the same set of files gives the same report whatever order they were listed in
    gathered.claims.sort(key=lambda c: (c.doc_id, c.start, c.claim_id))
    gathered.statements.sort(key=lambda st: (st.doc_id, st.start, st.statement_id))
    published: dict[str, date | None] = {s.doc_id: s.published for s in gathered.summaries}
    stories = story_of(gathered.names, published)
    claims, statements = _canonical_speakers(
        gathered.claims, gathered.statements, gathered.evidence, settings, stories
    )
    gathered.claims, gathered.statements, gathered.evidence = [], [], {}  # let the old records go
    meter.stage("corroborate")
    summaries = gathered.summaries
    documents = tuple(sorted(summaries, key=lambda s: s.doc_id))
    warnings = tuple(sorted(gathered.warnings, key=_warning_order))
    if claims_only:
        keyed, stated, quantities = assign_keys(claims, statements, stories, settings)
        meter.stage("done")
        return Analysis(documents, keyed, stated, quantities, warnings=warnings)
    outlets: dict[str, str | None] = {s.doc_id: s.outlet for s in summaries}
    result = corroborate(
        claims,
        statements,
        fingerprints=gathered.fingerprints,
        published=published,
        outlets=outlets,
        settings=settings,
        stories=stories,
        per_quantity=per_quantity,
    )
    meter.stage("done")
    return Analysis(
        documents=documents,
        claims=result.claims,
        statements=result.statements,
        quantities=result.quantities,
        clusters=result.clusters,
        conflicts=result.conflicts,
        timelines=result.timelines,
        warnings=warnings,
        verdicts=result.verdicts,
        reliabilities=result.reliabilities,
    )


def _warning_order(w: CorpusWarning) -> tuple[str, int, str]:
    """Warnings by file, then line number as a number ("feed.jsonl:2" before "feed.jsonl:10")."""
    path, _, line = w.source.rpartition(":")
    if path and line.isdigit():
        return (path, int(line), w.message)
    return (w.source, 0, w.message)


def _canonical_speakers(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    evidence: Mapping[str, str],
    settings: Settings,
    stories: Mapping[str, str],
) -> tuple[list[Claim], list[Statement]]:
    """One canonical name per actor in each story: the documents of one story name their actors for one
    another ("the NIS" after "National Intelligence Service"), but another story's "Election Commission"
    or "authorities" are other actors (the user's aliases hold everywhere)."""
    by_story: dict[str, list[Mention]] = defaultdict(list)
    for c in claims:
        if c.speaker:
            by_story[stories.get(c.doc_id, c.doc_id)].append(Mention(c.doc_id, c.speaker, c.start))
    for st in statements:
        by_story[stories.get(st.doc_id, st.doc_id)].append(Mention(st.doc_id, st.speaker, st.start))
    # every page of a story teaches its names, those with no claim too ("The Harbour Rescue Agency (HRA)")
    evidence_of: dict[str, dict[str, str]] = defaultdict(dict)
    for doc_id in sorted(evidence):
        evidence_of[stories.get(doc_id, doc_id)][doc_id] = evidence[doc_id]
    names: dict[tuple[str, str], str] = {}
    for story in sorted(by_story):
        names.update(
            resolve_speakers(
                by_story[story],
                aliases=settings.aliases,
                doc_texts=evidence_of.get(story, {}),
                similarity=settings.name_similarity,
            )
        )
    claims = [_named(c, names.get((c.doc_id, c.speaker))) if c.speaker else c for c in claims]
    statements = [_named(s, names.get((s.doc_id, s.speaker))) for s in statements]
    return claims, statements


def _named(record: _Spoken, name: str | None) -> _Spoken:
    """The record with its speaker's canonical name (itself when the name is already canonical)."""
    return record if name is None or name == record.speaker else dataclasses.replace(record, speaker=name)
