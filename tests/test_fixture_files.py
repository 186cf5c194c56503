"""The fixture gold sets agree with their corpora, and each check of ``fixtures/check_fixtures.py`` bites.

The eleven sets pass as they are; a copy of a set broken in one way fails with the problem that names it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures"))
import check_fixtures as checker

FIXTURES = checker.HERE
SCRIPT = FIXTURES / "check_fixtures.py"
SETS = {
    "fixtures": FIXTURES,
    "probes": FIXTURES / "probes",
    "holdout": FIXTURES / "holdout",
    "blind": FIXTURES / "blind",
    "blind5": FIXTURES / "blind5",
    "blind6": FIXTURES / "blind6",
    "blind7": FIXTURES / "blind7",
    "blind8": FIXTURES / "blind8",
    "blind9": FIXTURES / "blind9",
    "blind10": FIXTURES / "blind10",
    "blind11": FIXTURES / "blind11",
}
# the sub-folders of the first
SUBSETS = (
    "probes",
    "holdout",
    "blind",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
)
EUROPEAN_PAGE = "av02_tagblatt_english_edition"  # a page of blind5 that writes "8.400", "1,2 million"
EUROPEAN_PAGES = {("blind5", EUROPEAN_PAGE), ("blind6", "bc02_ostrevia_today")}  # bc02: "3.000", "8,5%"

Gold = list[dict[str, Any]]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["fixtures"],
        ["fixtures/probes"],
        ["fixtures/holdout", "--counts"],
        ["fixtures/blind", "--counts"],
        ["fixtures/blind5", "--counts"],
        ["fixtures/blind6", "--counts"],
        ["fixtures/blind7", "--counts"],
        ["fixtures/blind8", "--counts"],
        ["fixtures/blind9", "--counts"],
        ["fixtures/blind10", "--counts"],
        ["fixtures/blind11", "--counts"],
    ],
)
def test_every_set_passes_from_the_command_line(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=FIXTURES.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.endswith(" 0 problems\n")


def test_a_broken_set_exits_1_and_prints_its_problem(tmp_path: Path) -> None:
    folder = copy_set(tmp_path, "probes")
    (folder / "corpus" / "notes.md").write_text("draft\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(folder)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert done.stdout == "notes.md: not a document or sidecar (corpus/ must hold nothing else)\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Between 150 and 200 people, up from 12,000.5 tonnes", [150, 200, 12000.5]),
        ("two dozen, fifteen hundred, a hundred, a dozen, half a million", [24, 1500, 100, 12, 500_000]),
        ("Twenty-three died; a man and half a loaf", [23]),
        ("$350m, £40m, €2.4 billion, 5k and 1.2bn", [350e6, 40e6, 2.4e9, 5e3, 1.2e9]),
        ("at 10:40 a.m. and 9:05, v2.1 of 7 metres", [7]),
        ("2 trillion, three million", [2e12, 3e6]),
        ("Forty more, 1.5 billion tenari, €600 million to €750 million", [40, 1.5e9, 600e6, 750e6]),
        ("1.2 lakh hectares, Rs 310 crore, 6 lakh", [1.2e5, 3.1e9, 6e5]),  # Indian English scale words
        ("R48 million, between R55 million and R60 million", [48e6, 55e6, 60e6]),  # a glued currency
        ("Rs.85 crore, US$5m, A$2.41 a litre", [8.5e8, 5e6, 2.41]),
        ("the R2 road and form 2R, ERR4 and PR5", [2]),  # "R" glued to a figure, not inside a word
        ("C$75 million to C$90 million, NZ$3.2m, KSh 640 million, ₦8m", [75e6, 90e6, 3.2e6, 640e6, 8e6]),
        ("RM62,000 a day, up to RM10 million, P30 million and P4,500", [62e3, 10e6, 30e6, 4500]),
        ("a 38pc rise, 2.5pc, 10 pc and 71pc/64pc", [38, 2.5, 10, 71, 64]),  # "pc": a percent sign
        ("the P5 road, PC10, 10pcs, APR12 and RMS4", [5]),  # "P" glued to a figure, not inside a word
        ("hit ASR1.3bn, ASR 95 million and Tk 5 crore", [1.3e9, 95e6, 5e7]),  # "ASR" glued (blind11)
        ("LASR4 and ASRS5", []),  # "ASR" inside a word is no currency
    ],
)
def test_figures_reads_the_forms_of_every_set(text: str, found: list[float]) -> None:
    assert checker.figures(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("were 8.400, almost the double", [8400]),
        ("1,2 million euros and 2,3 million nights", [1.2e6, 2.3e6]),
        ("1.250.000 tonnes, at 14.30", [1_250_000, 14.3]),
        ("more than 6.000 passes and 5.870 entries", [6000, 5870]),
    ],
)
def test_figures_reads_european_numbers_when_told(text: str, found: list[float]) -> None:
    assert checker.figures(text, european=True) == found


@pytest.mark.parametrize(
    ("page", "is_european"),
    [
        ("The Region gives 1,2 million euros.", True),  # a decimal comma
        ("Stays rose to 1.250.000 this winter.", True),  # thousands grouped by dots
        ("They sold 8.400 passes.", False),  # one dotted group: 8.4 in English, no sign either way
        ("The Region gives 1,2 million euros; 12,000 came.", False),  # a thousands comma: mixed, English
        ("12,000 came, 2.5 million stayed.", False),
        ("Scores of 3,125 and 1,250,000.", False),
    ],
)
def test_a_page_writes_numbers_the_european_way(page: str, is_european: bool) -> None:
    assert checker.european(page) is is_european


@pytest.mark.parametrize(("key", "table"), [("unit", checker.UNITS), ("per", checker.PERS)])
def test_the_unit_and_per_tables_are_the_union_of_the_sets_labels(key: str, table: set[str]) -> None:
    """A set's new label ("MSP", "t", "passenger" of blind7) is registered, and no entry is left unused."""
    used = {g.get(key) for folder in SETS.values() for g in read_gold(folder)} - {None}
    assert used == table


def test_only_the_translated_pages_are_read_the_european_way() -> None:
    found = {(name, doc) for name, folder in SETS.items() for doc in checker.load_corpus(folder, []).european}
    assert found == EUROPEAN_PAGES


def test_a_european_page_that_prints_a_thousands_comma_is_read_the_english_way(tmp_path: Path) -> None:
    """The convention is the page's: one "12,000" makes "8.400" read as 8.4, and its gold figures fail."""
    folder = copy_set(tmp_path, "blind5")
    write_file(f"corpus/{EUROPEAN_PAGE}.txt", "\nMost read: 12,000 skiers on the slopes\n", append=True)(
        folder
    )
    problems = checker.check_set(folder).problems
    misread = (
        f"({EUROPEAN_PAGE}, Consumer Union of Montavia, 8400): value not among the sentence's figures [8.4]"
    )
    assert any(p.endswith(misread) for p in problems), problems
    assert all(EUROPEAN_PAGE in p for p in problems), problems


@pytest.mark.parametrize(
    ("mention", "problems"),
    [
        ("it", []),
        ("They", ["speaker_mention not in the sentence"]),  # a pronoun is held to the sentence too
        ("the agency", []),
        ("Red Cross", ["speaker_mention not in the sentence"]),
        ("Blue Cross", ["speaker_mention not in the document"]),
    ],
)
def test_a_mention_is_in_the_sentence_a_pronoun_too(mention: str, problems: list[str]) -> None:
    g = {
        "speaker": "RC",
        "aliases": ["RC"],
        "speaker_mention": mention,
        "sentence": "It said the agency saw 9.",
    }
    text = "The Red Cross spoke. They said it was bad. It said the agency saw 9."
    assert checker.speaker_problems(g, text, {"RC": ["RC"]}) == problems


BULLETIN = "Marine Agency | Quarterly bulletin\n\nQuarter | Escapes | Fish\nQ1 | 4 | 1,200\n"


@pytest.mark.parametrize(
    ("mention", "issuer", "problems"),
    [
        ("Marine Agency", "Marine Agency", []),  # a bulletin's table row: its publisher's words
        ("marine agency", "Marine Agency", []),
        ("Marine Agency", "Coast Agency", ["speaker_mention not in the sentence"]),
        ("Marine Agency", "", ["speaker_mention not in the sentence"]),
        ("Agency", "Marine Agency", ["speaker_mention not in the sentence"]),  # a part of the name is not it
        ("Coast Agency", "Coast Agency", ["speaker_mention not in the document"]),
    ],
)
def test_the_outlet_that_publishes_a_page_speaks_its_own_rows(
    mention: str, issuer: str, problems: list[str]
) -> None:
    g = {"speaker": "MA", "aliases": ["MA"], "speaker_mention": mention, "sentence": "Q1 | 4 | 1,200"}
    assert checker.speaker_problems(g, BULLETIN, {"MA": ["MA"]}, issuer=issuer) == problems


def test_outlets_come_from_sidecars_and_json_lines(tmp_path: Path) -> None:
    corpus = checker.load_corpus(SETS["blind10"], [])
    bulletin, digest = "sf02_marine_directorate_bulletin", "dg01_briefing_room_sarwan"
    assert corpus.outlets[digest] == "The Briefing Room"
    assert corpus.outlets[bulletin] == "Scottish Government Marine Directorate"
    folder = copy_set(tmp_path, "blind10")
    sidecar = folder / "corpus" / f"{bulletin}.meta.json"
    write_json(sidecar, {**json.loads(sidecar.read_text(encoding="utf-8")), "outlet": "Zq Statistics"})
    problems = checker.check_set(folder).problems
    assert problems and all(
        bulletin in p and p.endswith("speaker_mention not in the sentence") for p in problems
    )


TRANSCRIPT = (
    "Menu\n\nMINISTER VOS: Thank you. We counted 9 dead.\n\nOf the 9, two were children.\n\n"
    "QUESTION (Radio Orla): How many in Orla?\n\nIn Orla, 4."
)
QUOTED = 'Menu\n\n"We counted 9 dead.\n\n"It was grim," said Minister Vos.\n\nOf the 9, two were children.'


@pytest.mark.parametrize(
    ("mention", "sentence", "relaxed", "problems"),
    [
        ("We", "We counted 9 dead.", (), []),
        ("I", "In Orla, 4.", (), ["speaker_mention not in the document"]),  # printed only inside "In"
        ("MINISTER VOS", "We counted 9 dead.", (), ["speaker_mention not in the sentence"]),
        ("MINISTER VOS", "We counted 9 dead.", ("mention in paragraph",), []),
        ("MINISTER VOS", "In Orla, 4.", ("mention in paragraph",), ["speaker_mention not in the sentence"]),
        ("MINISTER VOS", "In Orla, 4.", ("mention in sentence",), []),
        # the turn goes on over a paragraph without a label of its own
        ("MINISTER VOS", "Of the 9, two were children.", (), ["speaker_mention not in the sentence"]),
        ("MINISTER VOS", "Of the 9, two were children.", ("mention in paragraph",), []),
        ("We", "Of the 9, two were children.", (), ["speaker_mention not in the sentence"]),
    ],
)
def test_a_mention_is_printed_as_words_in_its_sentence_or_as_relaxed(
    mention: str, sentence: str, relaxed: tuple[str, ...], problems: list[str]
) -> None:
    g = {"speaker": "V", "aliases": ["V"], "speaker_mention": mention, "sentence": sentence}
    assert checker.speaker_problems(g, TRANSCRIPT, {"V": ["V"]}, frozenset(relaxed)) == problems


@pytest.mark.parametrize(
    ("sentence", "relaxed", "problems"),
    [
        ("We counted 9 dead.", ("mention in paragraph",), []),  # the quote left open: named after it
        ("We counted 9 dead.", (), ["speaker_mention not in the sentence"]),
        ("Of the 9, two were children.", ("mention in paragraph",), ["speaker_mention not in the sentence"]),
    ],
)
def test_a_quote_left_open_runs_its_paragraph_on_to_the_next(
    sentence: str, relaxed: tuple[str, ...], problems: list[str]
) -> None:
    g = {"speaker": "V", "aliases": ["V"], "speaker_mention": "Minister Vos", "sentence": sentence}
    assert checker.speaker_problems(g, QUOTED, {"V": ["V"]}, frozenset(relaxed)) == problems


@pytest.mark.parametrize(
    ("page", "found"),
    [
        (
            "A\n\nVOS: Hi.\n\nNine died.\n\nQUESTION: Why?\n\nB.",
            ["A", "VOS: Hi. Nine died.", "QUESTION: Why? B."],
        ),
        (
            "KHEJRI: Swarms came.\n\nNine fled.",
            ["KHEJRI: Swarms came.", "Nine fled."],
        ),  # one label: a dateline
        ('He said: "Nine died.\n\n"Ten fled."\n\nEnd.', ['He said: "Nine died. "Ten fled."', "End."]),
        ("“Nine died.\n\n“Ten,” she said.\n\nEnd.", ["“Nine died. “Ten,” she said.", "End."]),
        ('"Nine," he said.\n\n"Ten," she said.', ['"Nine," he said.', '"Ten," she said.']),
        ("10:05 VOS: Hi.\n10:07 VOS: Nine died.", ["10:05 VOS: Hi.", "10:07 VOS: Nine died."]),
    ],
)
def test_passages_join_a_quote_left_open_and_a_transcript_turn(page: str, found: list[str]) -> None:
    assert checker.passages(page) == found


@pytest.mark.parametrize(
    ("sentence", "qualifier", "low", "high", "problems"),
    [
        ("It said fewer than 1,200 were stranded.", "fewer than", None, 1200, []),
        ("It had put the loss at below 900 tonnes.", "below", None, 900, []),
        ("It said fewer than 1,200 were stranded.", "fewer than", None, None, ["an upper bound's"]),
        ("It had put the loss at below 900 tonnes.", "below", 900, None, ["an upper bound's"]),
        ("It said no fewer than 1,200 were stranded.", "no fewer than", 1200, None, []),
        ("It said no fewer than 1,200 were stranded.", "no fewer than", None, 1200, ["a lower bound's"]),
    ],
)
def test_a_bound_qualifier_puts_the_value_at_its_bound(
    sentence: str, qualifier: str, low: float | None, high: float | None, problems: list[str]
) -> None:
    value = 1200 if "1,200" in sentence else 900
    g = {"sentence": sentence, "qualifier": qualifier, "approx": False, "value": value}
    found = checker.qualifier_problems({**g, "value_low": low, "value_high": high})
    assert [p.split(" value")[0] for p in found] == problems


@pytest.mark.parametrize(
    ("qualifier", "approx", "problems"),
    [
        ("ABOUT", True, []),  # a capitalised first word keeps its capitals
        ("a further", False, []),  # a count added to another: neither a bound nor an approximation
        ("all", False, []),  # the whole of a count: "all 38 branches"
        ("All", False, []),
        ("a further", True, ["approx True disagrees with the qualifier 'a further'"]),
        ("every", False, ["qualifier 'every' is not one of the known qualifiers"]),
    ],
)
def test_qualifiers_of_counts_that_neither_bound_nor_approximate(
    qualifier: str, approx: bool, problems: list[str]
) -> None:
    sentence = "It said a further 300 staff, ABOUT half of them, every one, all of them, would go."
    g = {"sentence": sentence, "qualifier": qualifier, "approx": approx, "value": 300}
    assert checker.qualifier_problems({**g, "value_low": None, "value_high": None}) == problems


@pytest.mark.parametrize(
    ("text", "published", "found"),
    [
        ("said on Sept. 2 that", "2025-09-23", ["2025-09-02"]),
        ("ABENKRO, Nov 19 – The bank said", "2025-11-20", ["2025-11-19"]),
        ("(MALINDA, Feb 3) The Agency can confirm", "2026-02-05", ["2026-02-03"]),
        ("on 3 December, and on December 31", "2025-11-20", ["2024-12-03", "2024-12-31"]),  # the year before
        ("at 10:30, in Marine 4 and 31 June", "2025-11-20", []),  # a clock, no month, no such day
    ],
)
def test_written_days_are_read_in_the_year_of_publication(
    text: str, published: str, found: list[str]
) -> None:
    days = checker.written_days(text, dt.date.fromisoformat(published))
    assert sorted(d.isoformat() for d in days) == found


@pytest.mark.parametrize(
    ("page", "problems"),
    [
        ("ABENKRO, Nov 19 – The bank said 9.", []),
        ("Home\nMALINDA, Nov 14 (Reuters) - The agency said 9.", []),
        ('"(MALINDA, Nov 13) The Agency can confirm that 14 were found."', []),  # a week before
        ("ABENKRO, Nov 12 – The bank said 9.", ["dateline 'ABENKRO, Nov 12'"]),  # eight days before
        ("(MALINDA, Feb 3) The Agency can confirm 14.", ["dateline 'MALINDA, Feb 3'"]),
        ("Menu, Nov 12 and Nov 3 – prices", []),  # no place in capitals: no dateline
    ],
)
def test_a_dateline_is_a_day_of_the_week_before_publication(page: str, problems: list[str]) -> None:
    corpus = checker.Corpus({"d": page}, {"d": dt.date(2025, 11, 20)})
    found = checker.dateline_problems(corpus)
    assert [p.split(" is not")[0].removeprefix("d: ") for p in found] == problems


@pytest.mark.parametrize(
    ("asserted_on", "page", "problems"),
    [
        ("2025-11-19", "The bank said 9.", []),  # "said on Wednesday": no date written
        ("2025-11-13", "The bank said 9.", []),  # a week before
        ("2025-11-12", "The bank said 9.", ["more than a week before publication"]),
        ("2025-11-12", "The bank said on November 12 that 9 left.", []),  # the page writes the day
        ("2025-09-02", "ABENKRO, Sept. 2 – The bank said 9.", []),
        ("2025-09-02", "The bank said on Sept. 3 that 9 left.", ["more than a week before publication"]),
    ],
)
def test_a_statement_date_is_in_the_week_before_publication_or_written(
    asserted_on: str, page: str, problems: list[str]
) -> None:
    g = {"stance": "asserts", "asserted_on": asserted_on}
    found = checker.label_problems(g, dt.date(2025, 11, 20), page)
    assert [p.split(" is ", 1)[1].split(" and ")[0] for p in found] == problems


def test_a_line_dated_a_month_before_publication_with_no_such_day_printed_fails(tmp_path: Path) -> None:
    folder = copy_set(tmp_path, "blind11")
    dated = edit_line(lambda g: g["asserted_on"] is not None, asserted_on="2025-01-02")
    dated(folder)
    problems = checker.check_set(folder).problems
    assert len(problems) == 1 and problems[0].endswith(
        "asserted_on 2025-01-02 is more than a week before publication and not a day the page writes"
    ), problems


# --- helpers that break a copy of a set -------------------------------------------------------------------


def copy_set(tmp_path: Path, name: str) -> Path:
    """A copy of one set (without the sets in its sub-folders), in a folder of the same name."""
    target = tmp_path / SETS[name].name
    shutil.copytree(SETS[name], target, ignore=shutil.ignore_patterns(*SUBSETS, "*.py"))
    return target


def read_gold(folder: Path) -> Gold:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def write_json(path: Path, data: Any, lines: bool = False) -> None:
    text = "".join(json.dumps(x) + "\n" for x in data) if lines else json.dumps(data)
    path.write_text(text, encoding="utf-8")


def edit_line(pick: Callable[[dict[str, Any]], bool], **changes: Any) -> Callable[[Path], None]:
    """A breaker: the first gold line that ``pick`` accepts gets ``changes`` (None-valued keys deleted)."""

    def breaker(folder: Path) -> None:
        gold = read_gold(folder)
        g = next(g for g in gold if pick(g))
        for key, value in changes.items():
            if value is None:
                del g[key]
            else:
                g[key] = value(g) if callable(value) else value
        write_json(folder / "gold.jsonl", gold, lines=True)

    return breaker


def any_line(g: dict[str, Any]) -> bool:
    return True


def two_figures(g: dict[str, Any]) -> bool:
    return len(set(checker.figures(g["sentence"]))) >= 2 and not g.get("derived")


def range_at_low_end(folder: Path) -> None:
    """A line whose bounds and value are figures of its sentence, but the value is the low end."""
    gold = read_gold(folder)
    g = next(g for g in gold if two_figures(g))
    low, high = sorted(set(checker.figures(g["sentence"])))[:2]
    g.update(value_low=low, value_high=high, value=low)
    write_json(folder / "gold.jsonl", gold, lines=True)


def write_file(relative: str, text: str, append: bool = False) -> Callable[[Path], None]:
    def breaker(folder: Path) -> None:
        path = folder / relative
        path.write_text((path.read_text(encoding="utf-8") if append else "") + text, encoding="utf-8")

    return breaker


def edit_aliases(change: Callable[[list[list[str]]], None]) -> Callable[[Path], None]:
    def breaker(folder: Path) -> None:
        groups = json.loads((folder / "aliases.json").read_text(encoding="utf-8"))
        change(groups)
        write_json(folder / "aliases.json", groups)

    return breaker


def first_sidecar(folder: Path) -> Path:
    return sorted((folder / "corpus").glob("*.meta.json"))[0]


def sidecar_key(folder: Path) -> None:
    path = first_sidecar(folder)
    write_json(path, {**json.loads(path.read_text(encoding="utf-8")), "answer": "9 dead"})


def sidecar_date(folder: Path) -> None:
    path = first_sidecar(folder)
    write_json(path, {**json.loads(path.read_text(encoding="utf-8")), "published": "soon"})


def orphan_sidecar(folder: Path) -> None:
    shutil.copy(first_sidecar(folder), folder / "corpus" / "zz_gone.meta.json")


def undated_page(folder: Path) -> None:
    (folder / "corpus" / "zz_undated.txt").write_text("Home | World\n\nNine people were hurt.\n", "utf-8")


def bound_of(words: set[str]) -> Callable[[dict[str, Any]], bool]:
    """Picks a gold line whose qualifier is one of the words (a lower or an upper bound)."""
    return lambda g: (g["qualifier"] or "").lower() in words


def via_both_ways(folder: Path) -> None:
    """One line credits a wire by name, another by a list of names."""
    gold = read_gold(folder)
    gold[0]["via"], gold[1]["via"] = "Zq Wire", ["Zq Wire"]
    write_json(folder / "gold.jsonl", gold, lines=True)


def record_lacks_keys(folder: Path) -> None:
    (folder / "corpus" / "zz_feed.jsonl").write_text(
        '{"id": "zz1", "text": "Hi.", "published": "2024-01-02"}\n', "utf-8"
    )


# (name, breaker, what the problem line says); each runs on every set.
ALL_SETS: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "figure not in the text",
        edit_line(any_line, value=987654321),
        "value not among the sentence's figures",
    ),
    ("no such document", edit_line(any_line, doc="zz_missing"), ": no such document"),
    (
        "sentence not verbatim",
        edit_line(any_line, sentence=lambda g: g["sentence"] + " Zq."),
        "not found verbatim",
    ),
    ("key missing", edit_line(any_line, stance=None), "differ from the gold format"),
    ("key unknown", edit_line(any_line, mood="glad"), "differ from the gold format"),
    ("bound not a figure", edit_line(any_line, value_low=987654321), "value_low not among"),
    ("range value low end", range_at_low_end, "a range's value must be its high end"),
    ("derived wrong", edit_line(two_figures, derived="2 x 3"), "derived '2 x 3' does not give"),
    ("approx no qualifier", edit_line(lambda g: not g["qualifier"], approx=True), "approx True disagrees"),
    ("approx not a bool", edit_line(any_line, approx="yes"), "approx must be true or false"),
    (
        "qualifier unknown",
        edit_line(any_line, qualifier="give or take", approx=False),
        "qualifier 'give or take' is not one of the known qualifiers",
    ),
    (
        "qualifier elsewhere",
        edit_line(lambda g: "nearly" not in g["sentence"].lower(), qualifier="nearly", approx=True),
        "qualifier 'nearly' not in the sentence",
    ),
    ("speaker unknown", edit_line(any_line, speaker="Nobody Zq"), "not a canonical name of aliases.json"),
    ("aliases differ", edit_line(any_line, aliases=[]), "aliases differ from the aliases.json group"),
    (
        "mention not printed",
        edit_line(any_line, speaker_mention="Zq Person"),
        "speaker_mention not in the document",
    ),
    ("stance", edit_line(any_line, stance="claims"), "stance 'claims'"),
    ("unit", edit_line(any_line, unit="furlongs"), "unit 'furlongs' not one of"),
    ("per", edit_line(any_line, per="fortnightly"), "per 'fortnightly' not one of"),
    ("via not names", edit_line(any_line, via=[3]), "via [3] is not a name nor a list of names"),
    ("via empty list", edit_line(any_line, via=[]), "via [] is not a name nor a list of names"),
    ("via both ways", via_both_ways, "via is written as a name (first line 1) and as a list of names"),
    (
        "lower bound open",
        edit_line(bound_of(checker.LOWER_BOUNDS), value_low=lambda g: None),
        "a lower bound's value_low must be its value",
    ),
    (
        "upper bound open",
        edit_line(bound_of(checker.UPPER_BOUNDS), value_high=lambda g: None),
        "an upper bound's value_high must be its value",
    ),
    ("asserted_on not ISO", edit_line(any_line, asserted_on="21/10/2024"), "is not an ISO date"),
    ("asserted_on late", edit_line(any_line, asserted_on="2099-01-01"), "after the publication date"),
    ("stray file", write_file("corpus/notes.md", "draft\n"), "not a document or sidecar"),
    ("sidecar key", sidecar_key, "unexpected sidecar keys"),
    ("orphan sidecar", orphan_sidecar, "sidecar without a document"),
    ("sidecar date", sidecar_date, ": no publication date"),
    ("undated page", undated_page, "zz_undated: no publication date"),
    ("record lacks keys", record_lacks_keys, "zz_feed.jsonl:1: record lacks ['outlet', 'title', 'url']"),
    (
        "record lacks url",
        write_file(
            "corpus/zz_feed.jsonl",
            '{"id": "zz1", "text": "Hi.", "outlet": "Zq", "published": "2024-01-02", "title": "Hi"}\n',
        ),
        "zz_feed.jsonl:1: record lacks ['url']",
    ),
    ("alias in two groups", edit_aliases(lambda gs: gs[1].append(gs[0][0])), "is in the groups of"),
    ("canonical twice", edit_aliases(lambda gs: gs.append(list(gs[0]))), "two groups share a canonical name"),
]


@pytest.mark.parametrize("name", SETS)
def test_an_unbroken_copy_passes(tmp_path: Path, name: str) -> None:
    assert checker.check_set(copy_set(tmp_path, name)).problems == ()


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize(("case", "breaker", "says"), ALL_SETS, ids=[c[0] for c in ALL_SETS])
def test_each_check_fails_on_a_broken_copy(
    tmp_path: Path, name: str, case: str, breaker: Callable[[Path], None], says: str
) -> None:
    folder = copy_set(tmp_path, name)
    breaker(folder)
    problems = checker.check_set(folder).problems
    assert any(says in p for p in problems), problems


# --- checks that apply to some sets only ------------------------------------------------------------------


def move_mention(in_paragraph: bool) -> Callable[[Path], None]:
    """A breaker: a gold line's mention becomes a word of its page that its sentence does not print, a word of
    the sentence's paragraph (``in_paragraph``) or of another paragraph."""

    def breaker(folder: Path) -> None:
        gold = read_gold(folder)
        texts = checker.load_corpus(folder, []).texts
        for g in gold:
            text = texts[g["doc"]]
            paragraph = checker.paragraph_of(text, g["sentence"])
            source = paragraph if in_paragraph else text
            words = [w for w in re.findall(r"[A-Za-z]{5,}", source) if not checker.printed(w, g["sentence"])]
            words = [w for w in words if in_paragraph or not checker.printed(w, paragraph)]
            if words:
                g["speaker_mention"] = words[0]
                break
        else:
            raise AssertionError(f"no gold line of {folder.name} has a word to move its mention to")
        write_json(folder / "gold.jsonl", gold, lines=True)

    return breaker


def merge_speakers(folder: Path) -> None:
    """Give a speaker of a page an alias the scorer takes for another speaker of that page."""
    by_doc: dict[str, list[str]] = {}
    for g in read_gold(folder):
        if g["speaker"] not in by_doc.setdefault(g["doc"], []):
            by_doc[g["doc"]].append(g["speaker"])
    first, second = next(speakers[:2] for speakers in by_doc.values() if len(speakers) >= 2)
    edit_aliases(lambda groups: next(gr for gr in groups if gr[0] == first).append(second + "s"))(folder)


def merge_by_mention(folder: Path) -> None:
    """A gold line's mention becomes the name of another speaker of its page (alias groups left as they are)."""
    gold = read_gold(folder)
    by_doc: dict[str, list[str]] = {}
    for g in gold:
        if g["speaker"] not in by_doc.setdefault(g["doc"], []):
            by_doc[g["doc"]].append(g["speaker"])
    doc, (first, second) = next((d, s[:2]) for d, s in by_doc.items() if len(s) >= 2)
    g = next(g for g in gold if g["doc"] == doc and g["speaker"] == first)
    g["speaker_mention"] = second
    write_json(folder / "gold.jsonl", gold, lines=True)


def via_not_printed(folder: Path) -> None:
    """A line credits a wire no page prints, in the form the set writes ``via`` (a list when it has none)."""
    gold = read_gold(folder)
    credited = [g for g in gold if g["via"]]
    g = credited[0] if credited else gold[0]
    g["via"] = "Zq Wire" if isinstance(g["via"], str) else ["Zq Wire"]
    write_json(folder / "gold.jsonl", gold, lines=True)


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize(
    ("breaker", "says", "relaxed"),
    [
        (move_mention(in_paragraph=False), "speaker_mention not in the sentence", {"fixtures"}),
        (
            move_mention(in_paragraph=True),
            "speaker_mention not in the sentence",
            {"fixtures", "blind", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11"},
        ),
        (merge_speakers, "the scorer would merge", {"fixtures"}),
        (
            merge_by_mention,
            "the scorer would merge",
            {"fixtures", "probes", "holdout", "blind", "blind5", "blind7", "blind9"},
        ),
        (via_not_printed, "via 'Zq Wire' not printed in the document", {"probes", "holdout"}),
    ],
    ids=[
        "mention off its paragraph",
        "mention in its paragraph",
        "scorer merge",
        "scorer merge by mention",
        "via not printed",
    ],
)
def test_relaxed_sets_are_not_held_to_their_rules(
    tmp_path: Path, name: str, breaker: Callable[[Path], None], says: str, relaxed: set[str]
) -> None:
    folder = copy_set(tmp_path, name)
    breaker(folder)
    flagged = any(says in p for p in checker.check_set(folder).problems)
    assert flagged == (name not in relaxed)


def edit_phenomena(change: Callable[[dict[str, Any], Gold], None]) -> Callable[[Path], None]:
    def breaker(folder: Path) -> None:
        data = json.loads((folder / "phenomena.json").read_text(encoding="utf-8"))
        change(data, read_gold(folder))
        write_json(folder / "phenomena.json", data)

    return breaker


def tag_a_claim_that_is_not_gold(data: dict[str, Any], gold: Gold) -> None:
    tags = next(data[k] for k in checker.PHENOMENA_KEYS if k in data)
    tags["made up"] = [[gold[0]["doc"], gold[0]["speaker"], 987654321]]


def not_gold_not_printed(data: dict[str, Any], gold: Gold) -> None:
    item = data["not_gold"][0]
    item[next(k for k in checker.EXCERPT_KEYS if k in item)] = "words no page prints, 77 of them"


def not_gold_is_a_gold_sentence(data: dict[str, Any], gold: Gold) -> None:
    key = next(k for k in checker.EXCERPT_KEYS if k in data["not_gold"][0])
    data["not_gold"].append({"doc": gold[0]["doc"], key: gold[0]["sentence"], "why": "test"})


@pytest.mark.parametrize("name", SUBSETS)
@pytest.mark.parametrize(
    ("change", "says"),
    [
        (tag_a_claim_that_is_not_gold, "phenomena.json: made up: "),
        (not_gold_not_printed, "is not printed in"),
    ],
)
def test_phenomena_checks_fail_on_a_broken_copy(
    tmp_path: Path, name: str, change: Callable[[dict[str, Any], Gold], None], says: str
) -> None:
    folder = copy_set(tmp_path, name)
    edit_phenomena(change)(folder)
    problems = checker.check_set(folder).problems
    assert any(says in p for p in problems), problems


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("probes", False),
        ("holdout", True),
        ("blind", True),
        ("blind5", True),
        ("blind6", True),
        ("blind7", True),
        ("blind8", False),  # a "text": "We have 31 members injured, not 23" holds the union's gold 31
        ("blind9", True),
        ("blind10", True),
        ("blind11", True),
    ],
)
def test_a_not_gold_excerpt_holds_no_gold_figure_but_a_probes_text_may(
    tmp_path: Path, name: str, flagged: bool
) -> None:
    folder = copy_set(tmp_path, name)
    edit_phenomena(not_gold_is_a_gold_sentence)(folder)
    problems = checker.check_set(folder).problems
    assert any("is the figure of a gold line" in p for p in problems) == flagged, problems


@pytest.mark.parametrize("name", SUBSETS)
def test_counts_are_of_distinct_claims(tmp_path: Path, name: str) -> None:
    folder = copy_set(tmp_path, name)
    before = checker.check_set(folder).counts

    def tag_one_claim_twice(data: dict[str, Any], gold: Gold) -> None:
        tags = next(data[k] for k in checker.PHENOMENA_KEYS if k in data)
        tag = sorted(tags)[0]
        tags[tag].append(list(tags[tag][0]))

    edit_phenomena(tag_one_claim_twice)(folder)
    report = checker.check_set(folder)
    assert report.problems == () and report.counts == before


@pytest.mark.parametrize(
    "name", ["holdout", "blind", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11"]
)
def test_make_gold_rewrites_the_answer_files_byte_for_byte(tmp_path: Path, name: str) -> None:
    """The label table is the source: running it gives the gold and phenomena files as they are."""
    shutil.copy(SCRIPT, tmp_path / SCRIPT.name)
    folder = tmp_path / name
    shutil.copytree(SETS[name], folder, ignore=shutil.ignore_patterns("gold.jsonl", "phenomena.json"))
    done = subprocess.run(
        [sys.executable, str(folder / "make_gold.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for answer in ("gold.jsonl", "phenomena.json"):
        assert (folder / answer).read_bytes() == (SETS[name] / answer).read_bytes(), answer


def edit_expected(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def breaker(folder: Path) -> None:
        data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        change(data)
        write_json(folder / "expected.json", data)

    return breaker


ANSWERS: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "conflict of one value",
        edit_expected(lambda d: d["conflicts"].update(solo=[["John Kirby", 3000], ["John Kirby", 3000]])),
        "conflict solo needs two different values",
    ),
    (
        "denial not gold",
        edit_expected(lambda d: d["denials"].append({"speaker": "John Kirby", "value": 31})),
        "expected.json: (John Kirby, 31) is not a gold claim",
    ),
    (
        "timeline sentence",
        edit_expected(lambda d: d["timeline"].append({"doc": "nk01_wire_first_tranche", "sentence": "Zq."})),
        "timeline sentence not in nk01_wire_first_tranche",
    ),
    (
        "toml claim not gold",
        write_file("expectations.toml", '\n[[claim]]\nspeaker = "John Kirby"\nvalue = 31\n', append=True),
        "expectations.toml: claim",
    ),
    (
        "toml conflict figure not gold",
        write_file(
            "expectations.toml", '\n[[conflict]]\nfigures = [{ speaker = "Zq", value = 1 }]\n', append=True
        ),
        "conflict figure {'speaker': 'Zq', 'value': 1} is not a gold claim",
    ),
    (
        "absent is gold",
        write_file("expectations.toml", '\n[[absent]]\nspeaker = "John Kirby"\nvalue = 3000\n', append=True),
        "is a gold claim",
    ),
    (
        "absent printed nowhere",
        write_file("expectations.toml", '\n[[absent]]\nspeaker = "Zq"\nvalue = 987654321\n', append=True),
        "is printed in no page",
    ),
    (
        "delay not whole days",
        write_file("expectations.toml", "\n[[delay]]\ndays = 1.5\n", append=True),
        "needs whole days",
    ),
]


@pytest.mark.parametrize(("case", "breaker", "says"), ANSWERS, ids=[c[0] for c in ANSWERS])
def test_answer_file_checks_fail_on_a_broken_copy_of_the_first_fixtures(
    tmp_path: Path, case: str, breaker: Callable[[Path], None], says: str
) -> None:
    folder = copy_set(tmp_path, "fixtures")
    breaker(folder)
    problems = checker.check_set(folder).problems
    assert any(says in p for p in problems), problems


# --- own words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SETS)
def test_sets_of_one_tree_are_checked_against_each_other(name: str) -> None:
    """Every set is checked against all the others: the first fixtures and the sets of its sub-folders."""
    family = [SETS["fixtures"], *(SETS[sub] for sub in sorted(SUBSETS))]
    assert checker.sibling_sets(SETS[name]) == [folder for folder in family if folder != SETS[name]]


@pytest.mark.parametrize("name", SETS)
def test_a_page_that_copies_an_against_folder_fails(tmp_path: Path, name: str) -> None:
    folder = copy_set(tmp_path / "sets", name)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text("Rescuers pulled the last of the nine miners out\nat dawn.\n", "utf-8")
    (folder / "corpus" / "zz_copy.txt").write_text(
        "2 May 2024\nRescuers pulled the last of the nine miners out at dawn.\n", "utf-8"
    )
    problems = checker.check_set(folder, [seeds]).problems
    assert problems == ("zz_copy: shares 8 words with another corpus: 'last of the nine miners out at dawn'",)


def test_a_page_that_copies_a_line_of_another_set_of_its_tree_fails(tmp_path: Path) -> None:
    root = copy_set(tmp_path, "fixtures")
    probes = shutil.copytree(SETS["probes"], root / "probes", ignore=shutil.ignore_patterns("*.py"))
    line = next(
        x for x in (root / "corpus" / "nk01_wire_first_tranche.txt").read_text().splitlines() if len(x) > 80
    )
    write_file("corpus/bu02_vestby_post_poll.txt", f"\n{line}\n", append=True)(probes)
    problems = checker.check_set(probes).problems
    assert len(problems) == 1 and problems[0].startswith("bu02_vestby_post_poll: shares 8 words"), problems
