"""The fast regex forms find what the plain patterns find, and the cheap pre-tests never skip a match.

Sentences of our own; each module pattern compiled with :func:`guarded` or :func:`prefixed` is checked
against its plain form on them, in several cases and with the characters that ``re.IGNORECASE`` folds
onto ASCII letters.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract import items, phrase_cues
from analyzer.extract.sentences import split_paragraphs
from analyzer.extract.tokens import _ENTRIES, _TOKEN_RE, Token, _features, _pieces, tokenize
from analyzer.ingest import boilerplate
from analyzer.patterns import guarded, prefixed

SENTENCES = [
    "The coastguard said on Monday that 42 people were rescued.",
    "Officials later confirmed the toll, which had been disputed, stood at 87.",
    "The ministry denied reports that 300 soldiers were missing, calling them baseless.",
    "If the figures are accurate, the death toll could rise to 90, the agency said.",
    "According to the port authority, 1,200 containers were lost; hours later it revised that.",
    "Figures released by the health ministry put the number of cases at 4,100 a day.",
    '"We cannot yet confirm it," said Captain Ana Ruiz, citing hospital records.',
    "In the same briefing, the governor acknowledged that there is now clear evidence of looting.",
    "It is now clear that the march drew 15,000, a spokesman told reporters on 21/10 at 10:30.",
    "The number of displaced residents has risen to about 3,000 since last week.",
    "Subscribe to our newsletter: your email address is never shared.",
    "All rights reserved. The views expressed here do not necessarily reflect the position of the site.",
    "This photo taken on 3 March 2024 shows rescuers at work (Photo: Jan Kowal / AFP).",
    "Published Tuesday, October 22, 2024 - 10:41 GMT; updated 2024-10-23.",
    "She previously put the figure at 55 million dollars, earlier this month.",
    "The daily shelling, reported by local media, killed 12 each day, per the army's own count.",
    "Rebels reject the peace plan and say they will meet next Thursday.",
    "A spokeswoman quoting the report said the flood was the worst since 1998.\nIt is not.",
]
# re.IGNORECASE also folds these onto ASCII letters: "ſ" (s), "ı" and "İ" (i), the Kelvin sign (k).
FOLDED = ["ſaid he", "the ıf true", "İf it is true", "aſ reported by the \u212aremlin", "DENİED"]
TEXTS = SENTENCES + [s.lower() for s in SENTENCES] + [s.upper() for s in SENTENCES] + FOLDED

MODULES = [
    "analyzer.extract.asides",
    "analyzer.extract.dates",
    "analyzer.extract.document",
    "analyzer.extract.items",
    "analyzer.extract.phrase_cues",
    "analyzer.extract.stance",
    "analyzer.extract.statement_dates",
    "analyzer.extract.statements",
    "analyzer.extract.vocab",
    "analyzer.ingest.boilerplate",
    "analyzer.ingest.vocab",
]
_GUARDED = re.compile(r"\(\?=\[(?:\\.|[^\]])*\]\)\(\?:(?P<p>.*)\)\Z", re.S)
_PREFIXED = re.compile(r"\(\?-i:\[(?:\\.|[^\]])*\]\)\(\?<=\(\?=\(\?P<m>(?P<p>.*)\)\)\(\?s:\.\)\)\Z", re.S)


def _fast_patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str], bool]]:
    """(name, fast pattern, plain pattern, prefixed?) for each fast pattern of the modules."""
    found = {}
    for module in MODULES:
        for name, value in vars(importlib.import_module(module)).items():
            if not isinstance(value, re.Pattern):
                continue
            for form, is_prefixed in ((_GUARDED, False), (_PREFIXED, True)):
                m = form.match(value.pattern)
                if m is not None:
                    plain = re.compile(m.group("p"), value.flags)
                    found[id(value)] = (f"{module}.{name}", value, plain, is_prefixed)
    return list(found.values())


FAST = _fast_patterns()


def test_the_modules_use_fast_patterns() -> None:
    names = {name.rsplit(".", 1)[1] for name, *_ in FAST}
    assert {"DENY_RE", "HEDGE_RE", "CONFIRM_RE", "_ANCHOR", "PROMO_RE", "DATE_START_RE"} <= names


@pytest.mark.parametrize(("name", "fast", "plain", "is_prefixed"), FAST, ids=[f[0] for f in FAST])
def test_module_patterns_match_like_their_plain_form(
    name: str, fast: re.Pattern[str], plain: re.Pattern[str], is_prefixed: bool
) -> None:
    for text in TEXTS:
        for pos in range(0, len(text) + 1, 3):
            a, b = fast.search(text, pos), plain.search(text, pos)
            if is_prefixed:
                assert (a and (a.start(), a.span("m"))) == (b and (b.start(), b.span())), (text, pos)
                a, b = fast.match(text, pos), plain.match(text, pos)
                assert (a and a.span("m")) == (b and b.span()), (text, pos)
            else:
                assert (a and a.span()) == (b and b.span()), (text, pos)
        if not is_prefixed:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("initials", "pattern", "text", "span"),
    [
        ("dr", r"\b(?:deny|denies|reject(?:s|ed)?)\b", "Officials Rejected the claim", (10, 18)),
        ("dr", r"\b(?:deny|denies|reject(?:s|ed)?)\b", "nobody undenied it", None),
        ("s", r"\bsaid\b", "he ſaid so", (3, 7)),
        ("i", r"\bif\b", "İf so", (0, 2)),
        ("k", r"\bknown\b", "well \u212anown", (5, 10)),
        (r"\dm", r"\b(?:\d+|may)\b", "in May 2024", (3, 6)),
    ],
)
def test_prefixed_and_guarded_on_cases(
    initials: str, pattern: str, text: str, span: tuple[int, int] | None
) -> None:
    plain = re.compile(pattern, re.IGNORECASE).search(text)
    found = prefixed(initials, pattern, re.IGNORECASE).search(text)
    assert (found and found.span("m")) == span == (plain and plain.span())
    assert (found and found.start()) == (span and span[0])
    guard = guarded(initials, pattern, re.IGNORECASE).search(text)
    assert (guard and guard.span()) == span


@pytest.mark.parametrize(
    "text",
    [
        "plain text, single spaces only",
        "two  spaces stay two",
        "three   spaces fold to two",
        "a\ttab and a\u00a0no-break space",
        "zero\u200bwidth and soft\u00adhyphen",
        "thin\u2009space and ideographic\u3000space",
        "unit\x1fseparator and line\u2028separator",
        "mixed \t\u00a0 run\n  next line",
    ],
)
def test_normalize_spaces_fast_path_changes_nothing_it_should_change(text: str) -> None:
    slow = boilerplate._ODD_SPACE_RE.sub(
        " ", boilerplate._SPACE_RUN_RE.sub("  ", boilerplate._ZERO_WIDTH_RE.sub("", text))
    )
    assert boilerplate.normalize_spaces(text) == slow


def test_the_normalize_pretest_knows_every_character_the_cleaning_changes() -> None:
    spaces = re.compile(boilerplate._SPACES)
    for code in range(0x10000):
        ch = chr(code)
        if boilerplate._TO_NORMALIZE_RE.match(ch):
            continue
        assert not boilerplate._ZERO_WIDTH_RE.match(ch) and not boilerplate._ODD_SPACE_RE.match(ch)
        assert ch == " " or not spaces.match(ch)


_WORDS = st.sampled_from(
    [
        "the",
        "a",
        "its",
        "toll",
        "tally",
        "number",
        "of",
        "count",
        "total",
        "rose",
        "rise",
        "stood",
        "to",
        "at",
        "above",
        "over",
        "past",
        "was",
        "were",
        "had",
        "now",
        "has",
        "been",
        "dead",
        "people",
        "displaced",
        "quickly",
        "Toll",
        "NUMBER",
        "ROSE",
        "TO",
        "42",
        "1,200",
        ",",
        ".",
        ";",
        "ſ",
        "ı",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "  ", "\t", "\u00a0", " \n"]))
def test_item_pretests_never_skip_a_match(words: list[str], space: str) -> None:
    lead = space.join(words) + space[: len(words) % 2]
    if items._TOLL_RE.search(lead):
        assert any(w in lead.lower() for w in items._TOLL_WORDS)
    if items._BEFORE_RE.search(lead):
        assert items._BEFORE_LAST_RE.fullmatch(lead.split()[-1])


@pytest.mark.parametrize(
    "sentence",
    SENTENCES
    + FOLDED
    + ["", "U.S. officials said 3 p.m.", "Gen. Ruiz’s unit.", "a_b __x_ _ 1,2 1,2 x.y. z."],
)
def test_tokens_are_the_same_with_or_without_the_cache(sentence: str) -> None:
    def plain(tokens: list[Token]) -> list[tuple[object, ...]]:
        return [(t.text, t.start, t.end, t.low, t.is_word, t.is_capitalised, t.is_possessive) for t in tokens]

    cached = plain(tokenize(sentence))
    _ENTRIES.clear()
    assert plain(tokenize(sentence)) == cached
    # each match's offsets as the pattern gives them (tokenize finds them from the text of each match)
    expected = [
        (text, m.start() + a, m.start() + b)
        for m in _TOKEN_RE.finditer(sentence)
        for text, a, b, _ in _pieces(m.group())
    ]
    assert [(t.text, t.start, t.end) for t in tokenize(sentence)] == expected
    for token in tokenize(sentence):
        assert (token.low, token.is_word, token.is_capitalised, token.is_possessive) == _features(token.text)
        assert sentence[token.start : token.end] == token.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ1_ \u00a0\n.,'’-&\"é", max_size=30))
def test_token_offsets_are_the_pattern_matches(text: str) -> None:
    expected = [
        (piece, m.start() + a, m.start() + b)
        for m in _TOKEN_RE.finditer(text)
        for piece, a, b, _ in _pieces(m.group())
    ]
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == expected


_BY_WORDS = st.sampled_from(
    ["reported", "confirmed", "dead", "by", "By", "BY", "bY", "to", "the", "press", "Monday", "x-by", "by-x", "by.",
     "a.by", "’by", "&", "-", "1,2", "_", "ſ"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_BY_WORDS, max_size=10), st.sampled_from([" ", "  ", "\t", "\u00a0", " \n", "_ "]))
def test_passive_by_pretest_never_skips_a_match(words: list[str], space: str) -> None:
    text = space.join(words) + space
    if phrase_cues._PASSIVE_BY_RE.search(text):
        assert "by" in {t.low for t in tokenize(text)}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["citing", "CITING", "Quoting", "ſourcing", "SOURCİNG", "x-citing", "said", "a"]),
        max_size=6,
    )
)
def test_citing_pretest_never_skips_a_match(words: list[str]) -> None:
    text = " ".join(words) + " "
    if phrase_cues._CITING_WORD_RE.search(text):
        assert phrase_cues._may_cite(text)


@pytest.mark.parametrize(
    "text",
    ["  One.\n\nTwo\r\n", "\u00a0Lead\u2003\nnext\u3000 line\u2009", "\n\n\n", "x", " \t a b \t \n c"],
)
def test_split_paragraphs_strips_like_str_isspace(text: str) -> None:
    expected = []
    for match in re.finditer(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            expected.append((start, end))
    assert list(split_paragraphs(text)) == expected


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("The dam held. This photo taken on Monday shows the spillway.", "The dam held."),
        ('He left." A file picture released by the army shows the bridge.', "He left."),
        (
            "Nothing to cut here. The photo was taken by a reader.",
            "Nothing to cut here. The photo was taken by a reader.",
        ),
    ],
)
def test_inner_caption_is_cut_after_the_sentence_end(line: str, kept: str) -> None:
    assert boilerplate._cut_inner_caption(line) == kept
