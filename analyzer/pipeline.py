"""The one function that composes the stages: files in, an :class:`Analysis` out.

Every front end (CLI, notebooks, ``corroborate check``, the pytest plugin)
calls :func:`analyze`. Documents are streamed: each is read, extracted and
reduced to its claims and a small fingerprint before the next is read.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from analyzer.corroborate.copies import fingerprint
from analyzer.corroborate.core import corroborate
from analyzer.corroborate.stories import salient_names, story_of
from analyzer.extract.document import DocumentExtraction, extract_document
from analyzer.ingest import iter_documents
from analyzer.models import Analysis, Claim, CorpusWarning, Document, DocumentSummary, Statement
from analyzer.resolve import Mention, resolve_speakers
from analyzer.settings import Settings

LOGGER = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document reduced to what corroboration needs: claims, statements, fingerprint, summary."""

    summary: DocumentSummary
    extraction: DocumentExtraction
    fingerprint: frozenset[int]
    evidence: str  # the document's text where names are defined, for speaker resolution
    names: frozenset[str] = frozenset()  # the names the document uses most, to tell stories apart


def extract_one(doc: Document) -> Extracted:
    """Extract one document (a pure function: safe to run in worker processes)."""
    known = frozenset({doc.outlet.lower()}) if doc.outlet else frozenset()
    extraction = extract_document(doc, known)
    summary = DocumentSummary(
        doc_id=doc.doc_id,
        outlet=doc.outlet,
        published=doc.published,
        title=doc.title,
        claims=len(extraction.claims),
        source=doc.source,
    )
    return Extracted(summary, extraction, fingerprint(doc.text), _evidence(doc.text), salient_names(doc.text))


def _evidence(text: str) -> str:
    """The paragraphs of a text that define names (acronyms in brackets, titles with names)."""
    keep = [p for p in text.split("\n") if "(" in p or "’s" in p or "'s" in p]
    return "\n".join(keep) if sum(len(p) for p in keep) < len(text) else text


def iter_extracted(
    paths: Iterable[PathLike], warn: Callable[[CorpusWarning], None], settings: Settings
) -> Iterator[Extracted]:
    """Stream the corpus through extraction, one document at a time."""
    for doc in iter_documents(paths, warn):
        yield extract_one(doc)


def analyze(
    paths: Sequence[PathLike] | PathLike,
    settings: Settings | None = None,
    *,
    on_warning: Callable[[CorpusWarning], None] | None = None,
) -> Analysis:
    """Read a corpus and return everything the tool finds in it.

    Problems with single documents become warnings (also passed to
    ``on_warning`` as they happen); a missing path raises
    :class:`analyzer.errors.CorpusError`.
    """
    settings = settings or Settings()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    warnings: list[CorpusWarning] = []

    def warn(w: CorpusWarning) -> None:
        warnings.append(w)
        if on_warning is not None:
            on_warning(w)

    summaries: list[DocumentSummary] = []
    claims: list[Claim] = []
    statements: list[Statement] = []
    fingerprints: dict[str, frozenset[int]] = {}
    evidence: dict[str, str] = {}
    names: dict[str, frozenset[str]] = {}
    seen: set[str] = set()
    for ex in iter_extracted(paths, warn, settings):
        doc_id = ex.summary.doc_id
        if doc_id in seen:
            warn(CorpusWarning(ex.summary.source, f"duplicate document id {doc_id!r}: skipped"))
            continue
        seen.add(doc_id)
        summaries.append(ex.summary)
        claims.extend(ex.extraction.claims)
        statements.extend(ex.extraction.statements)
        fingerprints[doc_id] = ex.fingerprint
        evidence[doc_id] = ex.evidence
        names[doc_id] = ex.names
    claims, statements = _canonical_speakers(claims, statements, evidence, settings)
    published: dict[str, date | None] = {s.doc_id: s.published for s in summaries}
    outlets: dict[str, str | None] = {s.doc_id: s.outlet for s in summaries}
    result = corroborate(
        claims,
        statements,
        fingerprints=fingerprints,
        published=published,
        outlets=outlets,
        settings=settings,
        stories=story_of(names),
    )
    summaries.sort(key=lambda s: s.doc_id)
    return Analysis(
        documents=tuple(summaries),
        claims=result.claims,
        statements=result.statements,
        quantities=result.quantities,
        clusters=result.clusters,
        conflicts=result.conflicts,
        timelines=result.timelines,
        warnings=tuple(warnings),
    )


def _canonical_speakers(
    claims: list[Claim], statements: list[Statement], evidence: dict[str, str], settings: Settings
) -> tuple[list[Claim], list[Statement]]:
    """One canonical name per actor across the corpus."""
    mentions = [Mention(c.doc_id, c.speaker, c.start) for c in claims if c.speaker]
    mentions += [Mention(s.doc_id, s.speaker, s.start) for s in statements]
    names = resolve_speakers(
        mentions, aliases=settings.aliases, doc_texts=evidence, similarity=settings.name_similarity
    )
    claims = [
        dataclasses.replace(c, speaker=names.get((c.doc_id, c.speaker), c.speaker)) if c.speaker else c
        for c in claims
    ]
    statements = [
        dataclasses.replace(s, speaker=names.get((s.doc_id, s.speaker), s.speaker)) for s in statements
    ]
    return claims, statements
