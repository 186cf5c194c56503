"""The records that travel between the stages: plain, frozen, nothing else.

Every stage takes records and returns records. Dates are ``datetime.date``;
figures are ``float``. The JSON shapes of ``../shared/spec/CONTRACT.md`` are
produced from these by :mod:`analyzer.serialize`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.frames import Frames

STANCES = ("asserts", "confirms", "hedges", "denies")
QUALIFIERS = ("about", "nearly", "at least", "more than", "up to", "fewer than")
CONFLICT_KINDS = ("disagreement", "revision", "scope", "denial")


@dataclass(frozen=True, slots=True)
class Document:
    """One article of the corpus, its main text with boilerplate removed (``text``, what extraction
    reads) and, for a text file or record, the text as given (``original``, where claims' offsets point).

    >>> Document("a1", "Ten people died.", outlet="Daily").outlet
    'Daily'
    """

    doc_id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    source: str = ""  # the file (and line) the document came from
    # the text as given (a .txt file, a record's "text") when cleaning changed it: claims' offsets point
    # into it; None when ``text`` is the document itself (an HTML page's main text)
    original: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusWarning:
    """A problem with one input that was reported and skipped or worked around."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document with its offsets in the document text."""

    text: str
    start: int
    end: int
    index: int = 0
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    """A number written in a sentence, with what its words say about it.

    ``start``/``end`` are offsets in the text the figure was found in.
    ``unit`` is ``%``, a currency code (``USD``) or None; ``per`` is the
    period of a rate (``day`` in "1,200 a day") or None.
    """

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    approximate: bool = False
    derived: str | None = None
    unit: str | None = None
    per: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence, resolved against the publication date.

    ``value`` is None for vague expressions ("earlier this month") or when
    there is no publication date to resolve a relative one against.
    """

    text: str
    start: int
    end: int
    value: date | None
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure attributed (or not) to someone in one document: CONTRACT section 2."""

    claim_id: str
    doc_id: str
    value: float
    sentence: str
    start: int
    end: int
    outlet: str | None = None
    published: date | None = None
    speaker: str | None = None
    speaker_mention: str | None = None
    via: tuple[str, ...] = ()
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str | None = None
    approximate: bool = False
    derived: str | None = None
    unit: str | None = None
    item: str | None = None
    quantity_key: str = ""
    stance: str = "asserts"
    asserted_on: date | None = None
    per: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement about a quantity that carries no figure.

    "There is evidence that there are DPRK troops in Russia" (confirms) or
    "if it's true ..., it would be highly concerning" (hedges): they belong
    on the timeline, not among the figures.
    """

    statement_id: str
    doc_id: str
    speaker: str
    sentence: str
    start: int
    end: int
    stance: str
    asserted_on: date | None = None
    speaker_mention: str | None = None
    outlet: str | None = None
    published: date | None = None
    via: tuple[str, ...] = ()
    topic: str | None = None  # the words the statement is about
    quantity_key: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    doc_id: str
    outlet: str | None
    published: date | None
    title: str | None
    claims: int
    source: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a group of claims measures: its key, a readable label, its unit."""

    key: str
    label: str
    unit: str | None
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cluster:
    """One claim (speaker, quantity, compatible figure) across documents."""

    cluster_id: str
    quantity_key: str
    speaker: str | None
    value: float
    claim_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictMember:
    claim_id: str
    doc_id: str
    speaker: str | None
    value: float
    asserted_on: date | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures for one quantity that cannot all hold."""

    conflict_id: str
    quantity_key: str
    kind: str
    members: tuple[ConflictMember, ...]
    explanation: str


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """The first statement of one speaker about one quantity."""

    quantity_key: str
    speaker: str
    first_on: date | None
    stance: str
    value: float | None
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConfirmationDelay:
    """Days from the first assertion of a quantity to another speaker's first confirmation."""

    quantity_key: str
    speaker: str
    first_on: date
    days_after_first: int
    first_speaker: str


@dataclass(frozen=True, slots=True)
class ReportingLag:
    """Days between a statement and an outlet's publication of it."""

    quantity_key: str
    outlet: str
    claim_id: str
    days: int


@dataclass(frozen=True, slots=True)
class Timeline:
    quantity_key: str
    events: tuple[TimelineEvent, ...]
    confirmation_delays: tuple[ConfirmationDelay, ...] = ()
    reporting_lags: tuple[ReportingLag, ...] = ()


@dataclass(frozen=True, slots=True)
class QuantityVerdict:
    """The figure of a quantity best supported by its sources, weighed by their reliability.

    It measures agreement between sources that do not copy each other, not truth.
    """

    quantity_key: str
    value: float
    confidence: float
    support: int  # sources whose figure agrees with it (the same, close, or within their stated bounds)


@dataclass(frozen=True, slots=True)
class SourceReliability:
    """How often a speaker or an outlet agrees with the best-supported figures (0..1)."""

    name: str
    kind: str  # "speaker" or "outlet"
    reliability: float
    claims: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the tool found in a corpus; what every front end renders."""

    documents: tuple[DocumentSummary, ...]
    claims: tuple[Claim, ...]
    statements: tuple[Statement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timelines: tuple[Timeline, ...] = ()
    warnings: tuple[CorpusWarning, ...] = field(default=())
    verdicts: tuple[QuantityVerdict, ...] = ()
    reliabilities: tuple[SourceReliability, ...] = ()

    def to_frames(self) -> Frames:
        """The analysis as pandas DataFrames (see :mod:`analyzer.frames`); pandas is loaded only here."""
        from analyzer.frames import to_frames

        return to_frames(self)
