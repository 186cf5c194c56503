"""Tests for analyzer.extract.sentences: paragraphs, sentence ends, abbreviations, quotations."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract.sentences import MAX_QUOTED_SENTENCE, split_paragraphs, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam held. Crews left at noon.", ["The dam held.", "Crews left at noon."]),
        (
            "Was it safe? Nobody knew! 42 boats returned.",
            ["Was it safe?", "Nobody knew!", "42 boats returned."],
        ),
        ("The toll rose… Rescuers kept digging.", ["The toll rose…", "Rescuers kept digging."]),
        ("He waited... Then the bus came.", ["He waited...", "Then the bus came."]),
        ("It was cold. and wet.", ["It was cold. and wet."]),  # no capital after: no end
        ("Turnout was 3.5 percent. Few came.", ["Turnout was 3.5 percent.", "Few came."]),
        ("The boat sank in 2019. It was raised.", ["The boat sank in 2019.", "It was raised."]),
        ("It ended. (Reporting by a desk.)", ["It ended.", "(Reporting by a desk.)"]),
        ("No final stop here", ["No final stop here"]),
        ("  Spaces around.   Both sides.  ", ["Spaces around.", "Both sides."]),
    ],
)
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Navy sent two ships.",
        "Officials in the U.K. Treasury declined.",
        "The U.N. Security Council met.",
        "An E.U. Commission report said so.",
        "Gen. Maria Soto took command.",
        "Lt. Col. Ian Bello arrived.",
        "Maj. Gen. Tomas Reyes spoke.",
        "Sgt. Lena Park and Capt. Omar Diaz were hurt.",
        "Gov. Rita Hale and Sen. Paul Ochs met Rep. Ann Cole.",
        "Pres. Ward signed it.",
        "Mr. Abe and Mrs. Abe met Ms. Lin and Dr. Hu.",
        "Prof. Kaya wrote it.",
        "They met at St. Mary's Hospital.",
        "Martin Ruiz Jr. and Martin Ruiz Sr. Both spoke.",
        "Lot No. 7 was sold.",
        "Acme Inc. Shares fell.",
        "Delta Corp. Workers struck.",
        "Ruiz & Co. Partners left.",
        "Boxwell Ltd. Staff were told.",
        "It was Smith vs. Jones in court.",
        "Some crops, e.g. Maize and wheat, failed.",
        "One region, i.e. The north, flooded.",
        "The raid began at 4 a.m. Local time.",
        "It ended at 9 p.m. Friday.",
        "It happened on Jan. 5 in the port.",
        "It happened on Feb. 12 near the river.",
        "It happened on Aug. 3 in the hills.",
        "It happened on Sept. 9 at dawn.",
        "It happened on Oct. 13 after midnight.",
        "It happened on Nov. 4 at sea.",
        "It happened on Dec. 24 in town.",
        "The author J. R. Tolman spoke.",
        "John F. Kennedy Airport reopened.",
    ],
)
def test_no_split_after_abbreviations_and_initials(text: str) -> None:
    assert texts(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He listed pens, paper, etc. The list was long.",
            ["He listed pens, paper, etc.", "The list was long."],
        ),
        ("The answer was no. Then he left.", ["The answer was no.", "Then he left."]),
        ("They moved in May. The rent rose.", ["They moved in May.", "The rent rose."]),
        ("It was a very good plan. Nobody agreed.", ["It was a very good plan.", "Nobody agreed."]),
    ],
)
def test_split_after_words_that_are_not_abbreviations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We lifted 42 people out. They were freezing," said Ana Ruiz. The boat left.',
            ['"We lifted 42 people out. They were freezing," said Ana Ruiz.', "The boat left."],
        ),
        (
            "“We lifted 42 people out. They were freezing,” said Ana Ruiz.",
            ["“We lifted 42 people out. They were freezing,” said Ana Ruiz."],
        ),
        (
            "‘We lifted 42 people out. They were freezing,’ said Ana Ruiz.",
            ["‘We lifted 42 people out. They were freezing,’ said Ana Ruiz."],
        ),
        (
            "'We lifted 42 people out. They were freezing,' said Ana Ruiz.",
            ["'We lifted 42 people out. They were freezing,' said Ana Ruiz."],
        ),
        (
            '"We lifted 42 people out." Ruiz then went home.',
            ['"We lifted 42 people out."', "Ruiz then went home."],
        ),
        (
            "The mayor said: “It is over.” Nobody believed her.",
            ["The mayor said: “It is over.”", "Nobody believed her."],
        ),
        (
            'She called it "grim". The count went on.',
            ['She called it "grim".', "The count went on."],
        ),
        (
            '"Is it true?" she asked. "Yes."',
            ['"Is it true?" she asked.', '"Yes."'],
        ),
        (
            # apostrophes are not quotation marks
            "It’s the port’s worst year. The harbour’s crane broke.",
            ["It’s the port’s worst year.", "The harbour’s crane broke."],
        ),
        (
            # a plural possessive inside a quotation does not close it
            "‘The workers’ union agreed. It was late,’ the clerk said.",
            ["‘The workers’ union agreed. It was late,’ the clerk said."],
        ),
        (
            # a quotation left open runs into the next paragraph: it does not glue sentences
            "“We will rebuild. Every house will stand. The mayor spoke last.",
            ["“We will rebuild.", "Every house will stand.", "The mayor spoke last."],
        ),
        (
            # a quote mark that never closes in the paragraph is ignored
            "‘We have no fear. “It is a matter of time,” a guard said.",
            ["‘We have no fear.", "“It is a matter of time,” a guard said."],
        ),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_long_quotation_is_split_anyway() -> None:
    body = " ".join(f"Line {i} of the speech went on." for i in range(60))
    text = f'"{body}" said the mayor.'
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_QUOTED_SENTENCE + 40 for s in sentences)


def test_paragraphs_and_indices() -> None:
    text = "First line. Second sentence.\nA heading\n\n- A bullet point. Another one.\n### Section title\n"
    got = [(s.text, s.index, s.paragraph) for s in split_sentences(text)]
    assert got == [
        ("First line.", 0, 0),
        ("Second sentence.", 1, 0),
        ("A heading", 2, 1),
        ("A bullet point.", 3, 2),
        ("Another one.", 4, 2),
        ("Section title", 5, 3),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• 12 boats sank", ["12 boats sank"]),
        ("* Crews are safe", ["Crews are safe"]),
        ("-5 degrees at dawn", ["-5 degrees at dawn"]),  # a minus sign, not a bullet
        ("## Latest", ["Latest"]),
        ("---\n* * *\nText.", ["Text."]),  # rules without letters are not sentences
        ("Line one\r\nLine two\rLine three", ["Line one", "Line two", "Line three"]),
    ],
)
def test_bullets_headings_and_line_ends(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_split_paragraphs_strips_lines() -> None:
    text = "  a b \n\n\t c\n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["a b", "c"]


_ALPHABET = st.sampled_from([*list("ab AZ.!?…\"“”'‘’\n\t,0-#•"), "Mr.", "U.S.", " The", ". ", '." ', "’s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_offsets_and_order_hold_for_any_text(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for i, s in enumerate(sentences):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert "\n" not in s.text
        assert s.start >= previous_end
        assert s.index == i
        previous_end = s.end
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


_WORDS = st.sampled_from(
    ["boats", "rain", "crews", "42", "harbour", "left", "the", "3.5", "Dr. Ruiz", "U.S. Navy"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["The", "Crews", "Rain", "Ships", "Officials"]),
            st.lists(_WORDS, max_size=6),
            st.sampled_from([".", "!", "?"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_joined_sentences_come_back(parts: list[tuple[str, list[str], str]]) -> None:
    written = [" ".join([first, *words]) + end for first, words, end in parts]
    assert texts(" ".join(written)) == written


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "“" * 50_000 + "”" * 50_000,
        "'" * 100_000,
        "word " * 200_000,  # a 1 MB line without punctuation
        "." * 1_000_000,
        "1" * 1_000_000,
        ",1" * 300_000,
        ". " * 300_000,
        '". ' * 200_000,
        "Mr. A. " * 100_000,
        "very " * 100_000 + "long.",
    ],
    ids=lambda t: repr(t[:8]),
)
def test_pathological_input_is_linear(text: str) -> None:
    started = time.process_time()
    split_sentences(text)
    assert time.process_time() - started < 5.0


def test_throughput() -> None:
    paragraph = (
        'Rescuers said 42 people were lifted from the river on Friday. "We worked all night. It was cold," '
        "said Capt. Ana Ruiz of the U.S. Coast Guard. The mayor, citing hospital records, said 87 had died.\n"
        "- Related: Storm season starts early\n\n"
    )
    text = paragraph * (2_000_000 // len(paragraph))
    started = time.process_time()
    sentences = split_sentences(text)
    elapsed = time.process_time() - started
    assert len(sentences) == 4 * (2_000_000 // len(paragraph))
    assert len(text) / elapsed > 2_000_000  # CPU time: 2 MB/s here; measured above 10 MB/s
