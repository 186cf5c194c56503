"""Pathological text: every stage stays fast and keeps its invariants on adversarial and arbitrary input.

Three kinds of test:

* a budget: 200 KB of one adversarial pattern repeated (runs of digits and commas, of quotes, of
  "said according to ", one 200 KB sentence, ...) through each text stage in a few CPU seconds;
* growth: the time of a stage on 4n characters is well under 8 times its time on n (linear work
  gives 4, quadratic 16), which catches a superlinear stage at sizes that run in milliseconds;
* properties (hypothesis): arbitrary text and token soups through every stage, with a deadline,
  keep the invariants (no exception, offsets inside the document, the figure's words inside its
  sentence, finite values, ids unique, the same output twice).

Times are CPU time of this process (``time.process_time``): the tests share a small machine with
other work, and the wall clock would measure that work too.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from analyzer.corroborate.copies import fingerprint
from analyzer.corroborate.core import Corroboration, corroborate
from analyzer.extract.attribution import find_attributions, nominal_claims
from analyzer.extract.dates import find_dates
from analyzer.extract.document import DocumentExtraction, extract_document
from analyzer.extract.numbers import detect_thousands_separator, find_figures
from analyzer.extract.sentences import MAX_SENTENCE, split_sentences
from analyzer.ingest.boilerplate import clean_text
from analyzer.ingest.html import drop_templates, markup_text
from analyzer.ingest.pagemeta import read_page_metadata
from analyzer.models import QUALIFIERS, STANCES, Claim, Document, Figure
from analyzer.resolve import Mention, resolve_speakers
from analyzer.settings import Settings

SIZE = 200_000
BUDGET = 5.0  # CPU seconds for SIZE characters, per stage
PUBLISHED = date(2024, 10, 21)

# One unit, repeated to the size wanted: each is a way text can make a regex or a loop work hard.
ADVERSARIAL = {
    "digits": "9",
    "digit-commas": "1,",
    "comma-groups": "123,",
    "digit-dots": "1.",
    "digit-spaces": "1 ",
    "space-groups": "123 ",
    "nbsp-groups": "123\u00a0",
    "straight-quotes": '"',
    "curly-quotes": "“”",
    "single-quotes": "'a ",
    "apostrophes": "'",
    "said-according-to": "said according to ",
    "according-to-the": "according to the ",
    "open-parentheses": "(",
    "parenthesised-cues": "(the police said ",
    "mr": "Mr. ",
    "initials": "A. ",
    "title-case": "Officials Said ",
    "capitalised-names": "Ana ",
    "one-long-sentence": "the police said that some 1,200 people and about 300 of them were hurt and ",
    "scale-words": "1.2 million ",
    "dash-ranges": "1-2-",
    "to-ranges": "10 to ",
    "between-ranges": "between 1 and ",
    "percentages": "5% ",
    "money": "$1 ",
    "hyphens": "-",
    "word-numbers": "one hundred and ",
    "thousand-words": "thousand ",
    "weekdays": "on Monday ",
    "month-days": "October 13, ",
    "slashed-dates": "13/10/",
    "colons": "X: ",
    "citing": "citing ",
    "comma-spaces": ", ",
    "periods": ".",
    "ellipses": "…",
    "short-lines": "a\n",
    "spaces": " ",
    "possessives": "Ruiz's ",
    "distributive": "3 battalions of 800 each ",
    "rates": "per day ",
    "headlines": "The Ministry Of Defence Said 42. ",
    "quoted-claims": '"42," said Ruiz. ',
    "footnotes": "[1]",
    "arabic-indic-digits": "٣",
    "fullwidth-digits": "１",
    "mixed-separators": "1 000,5.",
    "qualifiers": "at least ",
    "markup": "<p>&amp;",
    "unclosed-tags": "<a ",
    "comments": "<!-- ",
    # found by the session-3 review: quadratic before the fixes
    "report-that": "A.A. report that ",
    "closing-descriptions": "X1 cut 4 routes, the company said. ",  # one page-wide search per closer
}


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def run_filled(stage: Callable[[str], object], unit: str, n: int) -> object:
    return stage(fill(unit, n))


def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def growth(run: Callable[[int], object], n: int, floor: float = 0.005) -> float:
    """How much longer ``run(4 * n)`` takes than ``run(n)`` (best of two each; tiny times are floored)."""
    small = min(cpu(lambda: run(n)) for _ in range(2))
    large = min(cpu(lambda: run(4 * n)) for _ in range(2))
    return large / max(small, floor)


# ----------------------------------------------------------------------------------------- invariants


def check_sentences(text: str) -> None:
    sentences = split_sentences(text)
    for i, s in enumerate(sentences):
        assert text[s.start : s.end] == s.text
        assert len(s.text) <= MAX_SENTENCE
        assert s.index == i
        if i:
            assert s.start >= sentences[i - 1].end
            assert s.paragraph >= sentences[i - 1].paragraph


def check_figures(text: str, found: list[Figure]) -> None:
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        for value in (f.value, f.low, f.high):
            assert value is None or math.isfinite(value)


def check_claim(text: str, claim: Claim) -> None:
    assert 0 <= claim.start < claim.end <= len(text)
    # the sentence is in the document, and it holds the figure's words
    at = text.find(claim.sentence, max(0, claim.end - len(claim.sentence)))
    assert 0 <= at <= claim.start and claim.end <= at + len(claim.sentence), claim
    for value in (claim.value, claim.value_low, claim.value_high):
        assert value is None or math.isfinite(value)
    if claim.value_low is not None and claim.value_high is not None:
        assert claim.value_low <= claim.value_high
    assert claim.qualifier in (None, *QUALIFIERS)
    assert claim.stance in STANCES
    assert claim.speaker is None or claim.speaker.strip()


def check_extraction(doc: Document, extraction: DocumentExtraction) -> None:
    ids = [c.claim_id for c in extraction.claims]
    assert len(ids) == len(set(ids))
    for claim in extraction.claims:
        assert claim.doc_id == doc.doc_id
        check_claim(doc.text, claim)
    for statement in extraction.statements:
        assert 0 <= statement.start < statement.end <= len(doc.text)
        assert statement.stance in STANCES
        assert statement.speaker.strip()


def resolve_and_corroborate(docs: list[Document], extractions: list[DocumentExtraction]) -> Corroboration:
    claims = [c for e in extractions for c in e.claims]
    statements = [s for e in extractions for s in e.statements]
    mentions = [Mention(c.doc_id, c.speaker, c.start) for c in claims if c.speaker]
    mentions += [Mention(s.doc_id, s.speaker, s.start) for s in statements]
    names = resolve_speakers(mentions, doc_texts={d.doc_id: d.text for d in docs})
    for c in claims:
        if c.speaker:
            assert names[(c.doc_id, c.speaker)].strip()
    result = corroborate(
        claims,
        statements,
        fingerprints={d.doc_id: fingerprint(d.text) for d in docs},
        published={d.doc_id: d.published for d in docs},
        outlets={d.doc_id: d.outlet for d in docs},
        settings=Settings(),
    )
    check_corroboration(result, claims)
    return result


def check_corroboration(result: Corroboration, claims: list[Claim]) -> None:
    assert sorted(c.claim_id for c in result.claims) == sorted(c.claim_id for c in claims)
    known = {c.claim_id for c in result.claims}
    assert all(c.quantity_key for c in result.claims)
    for cluster in result.clusters:
        assert set(cluster.claim_ids) <= known and cluster.independent_sources >= 1
        assert math.isfinite(cluster.value)
    for conflict in result.conflicts:
        assert {m.claim_id for m in conflict.members} <= known and len(conflict.members) >= 2
    for quantity in result.quantities:
        assert set(quantity.claim_ids) <= known


# ------------------------------------------------------------------------------------------- budgets

TEXT_STAGES: dict[str, Callable[[str], object]] = {
    "split_sentences": split_sentences,
    "find_figures": find_figures,
    "find_figures-space-grouped": lambda t: find_figures(t, thousands=" "),
    "find_figures-dot-grouped": lambda t: find_figures(t, thousands="."),
    "detect_thousands_separator": detect_thousands_separator,
    "find_dates": lambda t: find_dates(t, PUBLISHED),
    "clean_text": clean_text,
    "read_page_metadata": read_page_metadata,
    "markup_text": markup_text,
    "drop_templates": drop_templates,
}


@pytest.mark.parametrize("pattern", list(ADVERSARIAL))
def test_text_stages_are_linear(pattern: str) -> None:
    unit = ADVERSARIAL[pattern]
    ratios = {}
    for name, stage in TEXT_STAGES.items():
        ratios[name] = growth(partial(run_filled, stage, unit), 5_000)
    assert {name: round(r, 1) for name, r in ratios.items() if r >= 8} == {}


@pytest.mark.slow
@pytest.mark.parametrize("pattern", list(ADVERSARIAL))
def test_text_stages_take_a_few_seconds_on_200kb_of_a_hostile_pattern(pattern: str) -> None:
    text = fill(ADVERSARIAL[pattern], SIZE)
    times = {name: cpu(partial(stage, text)) for name, stage in TEXT_STAGES.items()}
    slow = {name: round(t, 2) for name, t in times.items() if t > BUDGET}
    assert slow == {}
    check_sentences(text)
    check_figures(text, find_figures(text))


@pytest.mark.parametrize(
    "pattern", ["one-long-sentence", "said-according-to", "title-case", "possessives", "weekdays", "markup"]
)
def test_a_hostile_document_goes_through_every_stage_in_budget(pattern: str) -> None:
    doc = Document("d", fill(ADVERSARIAL[pattern], SIZE), published=PUBLISHED)
    extraction: list[DocumentExtraction] = []
    assert cpu(lambda: extraction.append(extract_document(doc))) < BUDGET
    check_extraction(doc, extraction[0])
    assert cpu(lambda: resolve_and_corroborate([doc], extraction)) < BUDGET


# ------------------------------------------------------------------------------------ every regex


def module_patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Every compiled pattern at module level in the analyzer (also inside module-level dicts and
    tuples), by where it lives."""
    import analyzer

    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}

    def collect(name: str, value: object, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(name, value)
        elif depth < 2 and isinstance(value, dict):
            for key, item in value.items():
                collect(f"{name}[{key!r}]", item, depth + 1)
        elif depth < 2 and isinstance(value, list | tuple):
            for index, item in enumerate(value):
                collect(f"{name}[{index}]", item, depth + 1)

    for info in pkgutil.walk_packages(analyzer.__path__, "analyzer."):
        if info.name.endswith(("dask_backend", "plots", "__main__", "__mypyc")):
            continue  # optional heavy dependencies, neither reads text; the runtime of `make native`
        module = importlib.import_module(info.name)
        for attribute, value in vars(module).items():
            collect(f"{info.name}.{attribute}", value)
    return found


PATTERNS = module_patterns()
AUDIT_UNITS = [
    " ",
    "\t",
    "\u00a0",
    "9",
    "1,",
    "1.",
    "1 ",
    "123 ",
    "a",
    "A",
    "a ",
    "a-",
    "A. ",
    "'",
    '"',
    "(",
    "-",
    ".",
    "the ",
    "Mr. ",
    "said according to ",
    "<a ",
    "&amp;",
    "\n",
]


def test_the_audit_sees_the_patterns() -> None:
    assert len(PATTERNS) > 100
    assert any(name.startswith("analyzer.extract.number_words.") for name in PATTERNS)


@pytest.mark.parametrize("unit", AUDIT_UNITS)
def test_no_module_regex_backtracks_catastrophically(unit: str) -> None:
    # exponential backtracking shows on a few dozen characters; 300 leave room for the polynomial
    # cost of patterns that are only ever used anchored (they are timed in context above)
    text = fill(unit, 300)
    slow = {}
    for name, pattern in PATTERNS.items():
        subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
        try:
            with time_limit(2.0):  # a catastrophic pattern would never return: stop it
                elapsed = cpu(partial(scan, pattern, subject))
        except TimeoutError:
            elapsed = math.inf
        if elapsed > 0.5:
            slow[name] = round(elapsed, 2)
    assert slow == {}


def scan(pattern: re.Pattern[Any], subject: Any) -> int:
    return sum(1 for _ in pattern.finditer(subject))


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in this (main) thread after ``seconds``; the regex engine checks signals."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_time_limit_stops_a_catastrophic_pattern() -> None:
    catastrophic = re.compile(r"(?:a|a)+b")  # exponential on a run of a's without a b
    with pytest.raises(TimeoutError), time_limit(0.2):
        catastrophic.search("a" * 60)


# -------------------------------------------------------------------------------------------- growth

_QUADRATIC_CUES = {"said-according-to", "according-to-the", "rates"}


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(
            name,
        )
        if name in _QUADRATIC_CUES
        else name
        for name in ADVERSARIAL
    ],
)
def test_attribution_is_linear_in_the_length_of_one_sentence(pattern: str) -> None:
    assert growth(lambda n: find_attributions(fill(ADVERSARIAL[pattern], n)), 2_000) < 8


def test_a_long_hyphenated_token_before_a_named_claim_is_linear() -> None:
    """The source of "a ... report that" is looked for near the claim noun, not from every capital."""

    def run(n: int) -> None:
        nominal_claims("They denied a report that 4 died, " + "-".join("A" * n) + ".")

    assert growth(run, 2_000) < 8


@pytest.mark.parametrize("pattern", list(ADVERSARIAL))
def test_extraction_is_linear_in_the_length_of_the_document(pattern: str) -> None:
    def run(n: int) -> None:
        doc = Document("d", fill(ADVERSARIAL[pattern], n), published=PUBLISHED)
        check_extraction(doc, extract_document(doc))

    assert growth(run, 2_500) < 8


def _corroborate_one(pattern: str, n: int) -> Callable[[], object]:
    doc = Document("d", fill(ADVERSARIAL[pattern], n), published=PUBLISHED)
    extraction = [extract_document(doc)]
    return lambda: resolve_and_corroborate([doc], extraction)


_FEW_CLAIMS = [
    "one-long-sentence",
    "said-according-to",
    "title-case",
    "weekdays",
    "possessives",
    "markup",
    "mr",
]
_MANY_LIKE_CLAIMS = ["quoted-claims", "headlines"]  # thousands of claims of one speaker or one pattern


@pytest.mark.parametrize(
    "pattern",
    [
        *_FEW_CLAIMS,
        *_MANY_LIKE_CLAIMS,
    ],
)
def test_corroboration_is_linear_in_the_number_of_claims(pattern: str) -> None:
    n = 10_000  # 40,000 characters: enough claims for a quadratic stage to show (ratio 12-13)
    small, large = _corroborate_one(pattern, n), _corroborate_one(pattern, 4 * n)
    t_small = min(cpu(small) for _ in range(3))
    t_large = min(cpu(large) for _ in range(3))
    # Linear is 4 (quoted claims measure about 5.3 at rest: their grouping is n log n); the quadratic
    # grouping this guards against gave 12-13. CPU time, best of three, with room for a loaded machine.
    assert t_large / max(t_small, 0.005) < 10


def test_a_sentence_never_exceeds_the_cap_and_nothing_is_lost() -> None:
    words = "the police said that about 1,200 people were hurt near the bridge and "
    text = fill(words, 50_000) + "\n" + "x" * 3_000 + "\nThe end came 4 days later."
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert sentences[-1].text == "The end came 4 days later."


# ---------------------------------------------------------------------------------------- properties

TOKENS = [
    *[
        "the",
        "police",
        "ministry",
        "officials",
        "witnesses",
        "organisers",
        "agency",
        "governor",
        "coastguard",
        "spokeswoman",
    ],
    *["said", "says", "told", "reported", "estimated", "denied", "confirmed", "added", "claimed", "put"],
    "according to",
    "citing",
    "per",
    "by the police count",
    "put the figure at",
    "Reuters reported",
    "(AP)",
    "— Reuters",
    "Source: BBC",
    "with AFP",
    "He",
    "She",
    "They",
    "Mr.",
    "Dr.",
    "Gen.",
    "U.S.",
    "Ana Ruiz",
    "Lena Okafor",
    "Captain",
    "Minister",
    "Interior Ministry",
    "the Red Cross",
    "about",
    "nearly",
    "at least",
    "more than",
    "up to",
    "as many as",
    "fewer than",
    "some",
    "between",
    "and",
    "to",
    "or",
    "of",
    "each",
    "a day",
    "per week",
    "if",
    "would",
    "not",
    "0",
    "1",
    "7",
    "12",
    "42",
    "300",
    "1,200",
    "1.5",
    "3,000,000",
    "12 000",
    "12.000",
    "1,2",
    "2019",
    "2024",
    "10:30",
    "155mm",
    "3rd",
    "No. 5",
    "½",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dozen",
    "half a",
    "a quarter of a",
    "ten",
    "fifteen",
    "%",
    "percent",
    "per cent",
    "$",
    "€",
    "£",
    "USD",
    "m",
    "bn",
    "Monday",
    "on Friday",
    "yesterday",
    "today",
    "last week",
    "October",
    "Oct.",
    "13",
    "13/10",
    "earlier this month",
    "-",
    "–",
    "—",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "…",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "'s",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\x00",
    "\ufffd",
    "é",
    "ß",
    "İ",
    "<p>",
    "&amp;",
    "Comments 0",
    "Subscribe",
    "Share this",
]
tokens = st.sampled_from(TOKENS)
soup = st.lists(tokens, max_size=400).map(lambda parts: " ".join(parts) if len(parts) % 3 else "".join(parts))
runs = st.tuples(st.lists(tokens, min_size=1, max_size=4).map("".join), st.integers(1, 400)).map(
    lambda unit_count: unit_count[0] * unit_count[1]
)
hostile_text = st.one_of(
    st.text(max_size=3_000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=3_000),
    soup,
    runs,
    st.lists(st.one_of(soup, runs), max_size=4).map("\n".join),
)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=timedelta(seconds=3),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY_SETTINGS
@given(text=hostile_text)
def test_text_stages_keep_their_invariants(text: str) -> None:
    check_sentences(text)
    for thousands in (",", ".", " "):
        check_figures(text, find_figures(text, thousands=thousands))
    assert detect_thousands_separator(text) in (",", ".", " ")
    for mention in find_dates(text, PUBLISHED):
        assert 0 <= mention.start < mention.end <= len(text)
    for sentence in split_sentences(text):
        for att in find_attributions(sentence.text):
            assert 0 <= att.start <= att.end <= len(sentence.text)
            assert att.mention.strip()
    clean_text(text)
    read_page_metadata(text)
    markup_text(text)


@PROPERTY_SETTINGS
@given(
    texts=st.lists(hostile_text, min_size=1, max_size=3), dates=st.lists(published, min_size=3, max_size=3)
)
def test_every_stage_keeps_its_invariants_on_hostile_documents(
    texts: list[str], dates: list[date | None]
) -> None:
    docs = [
        Document(f"d{i}", text, outlet=f"Outlet {i % 2}", published=dates[i]) for i, text in enumerate(texts)
    ]
    extractions = [extract_document(doc) for doc in docs]
    for doc, extraction in zip(docs, extractions, strict=True):
        check_extraction(doc, extraction)
        assert extract_document(doc) == extraction  # deterministic
    resolve_and_corroborate(docs, extractions)


def test_the_token_soups_do_reach_claims_and_speakers() -> None:
    # a property test whose examples never held an attributed figure would check little
    def attributed(text: str) -> bool:
        claims = extract_document(Document("d", text, published=PUBLISHED)).claims
        return sum(c.speaker is not None for c in claims) >= 2

    example = find(soup, attributed, settings=settings(max_examples=1_000, database=None, derandomize=True))
    assert attributed(example)


def test_a_caption_repeated_with_a_long_run_of_capitals_is_cleaned_at_once() -> None:
    # a line that repeats the one before it and adds a run of capitals with no credit's end: the caption
    # credit rule must not try every split of the run (it took 49 s at 400 capitals before)
    page = (
        "Smoke over the valley\n\nSmoke over the valley at dusk.\nSmoke over the valley at dusk. " + "B" * 400
    )
    page += "?\n\nThe fire service said 40 people had died.\n"
    with time_limit(5.0):
        elapsed = cpu(partial(clean_text, page))
    assert elapsed < 0.5
