"""Expectations files: reading (TOML, JSON, line numbers in errors) and evaluation against an analysis."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from analyzer.errors import AnalyzerError, ExpectationError
from analyzer.expectations import (
    AbsentExpectation,
    ClaimExpectation,
    ConflictExpectation,
    DelayExpectation,
    Expectation,
    Expectations,
    ExpectedFigure,
    check_text,
    evaluate,
    load_expectations,
    names_match,
    run_check,
    value_matches,
)
from analyzer.models import (
    Analysis,
    Claim,
    ConfirmationDelay,
    Conflict,
    ConflictMember,
    Quantity,
    Statement,
    Timeline,
    TimelineEvent,
)
from analyzer.report import check_table

# ---------------------------------------------------------------- a small story, built by hand

MISSING = "ferry-passengers-missing"
HRA = "Harbour Rescue Agency"


def _claim(cid: str, doc: str, value: float, speaker: str | None, key: str, **kw: object) -> Claim:
    sentence = str(kw.pop("sentence", f"{speaker} gave {value:g}."))
    return Claim(cid, doc, value, sentence, 0, 0, speaker=speaker, quantity_key=key, **kw)  # type: ignore[arg-type]


CLAIMS = (
    _claim("c1", "d1", 40, HRA, MISSING, asserted_on=date(2031, 3, 2)),
    _claim("c2", "d2", 55, "Tomas Vell", MISSING, asserted_on=date(2031, 3, 4)),
    _claim("c3", "d2", 61, "Tomas Vell", MISSING, asserted_on=date(2031, 3, 6)),
    _claim("c4", "d3", 55, "Ana Ruiz", MISSING, stance="confirms", asserted_on=date(2031, 3, 9)),
    _claim("c5", "d3", 100, "Ana Ruiz", MISSING, stance="denies", qualifier="more than", value_low=100.0),
    _claim("c6", "d1", 300, None, "ferry-passengers"),
    _claim("c7", "d1", 300, "Lena Okafor", "ferry-passengers", value_low=250.0, value_high=300.0),
    _claim(
        "c8", "d3", 12, "Tomas Vell", "lifeboats-launched", sentence="Vell said 12 lifeboats were launched."
    ),
)


def _members(*ids: str) -> tuple[ConflictMember, ...]:
    by_id = {c.claim_id: c for c in CLAIMS}
    return tuple(
        ConflictMember(i, by_id[i].doc_id, by_id[i].speaker, by_id[i].value, by_id[i].asserted_on)
        for i in ids
    )


def story_analysis() -> Analysis:
    """A ferry sinking: a disagreement, a revision, a denial, a confirmation delay, a dated statement."""
    return Analysis(
        documents=(),
        claims=CLAIMS,
        statements=(
            Statement(
                "s1", "d2", "Port Authority", "", 0, 0, "confirms", date(2031, 3, 5), quantity_key=MISSING
            ),
            Statement("s2", "d2", "Marek Dolan", "", 0, 0, "hedges", date(2031, 3, 3), quantity_key=MISSING),
        ),
        quantities=(
            Quantity(MISSING, "ferry passengers missing", None, ("c1", "c2", "c3", "c4", "c5")),
            Quantity("ferry-passengers", "passengers aboard the ferry", None, ("c6", "c7")),
            Quantity("lifeboats-launched", "lifeboats launched", None, ("c8",)),
        ),
        conflicts=(
            Conflict("k1", MISSING, "disagreement", _members("c1", "c2"), ""),
            Conflict("k2", MISSING, "revision", _members("c2", "c3"), ""),
            Conflict("k3", MISSING, "denial", _members("c5", "c3"), ""),
        ),
        timelines=(
            Timeline(
                MISSING,
                events=(TimelineEvent(MISSING, HRA, date(2031, 3, 2), "asserts", 40.0, ("c1",)),),
                confirmation_delays=(ConfirmationDelay(MISSING, "Ana Ruiz", date(2031, 3, 9), 7, HRA),),
            ),
        ),
    )


STORY = story_analysis()


def _fig(*pairs: tuple[str, float]) -> tuple[ExpectedFigure, ...]:
    return tuple(ExpectedFigure(s, float(v)) for s, v in pairs)


# ---------------------------------------------------------------- reading files

TOML = """\
# what we know about the ferry
[[conflict]]
quantity = "ferry passengers missing"
kind = "disagreement"
figures = [
  { speaker = "HRA", value = 40 },
  { speaker = "Vell", value = 55 },
]

[[delay]]
quantity = "ferry passengers missing"
first = "HRA"
then = "Ana Ruiz"
days = 7
tolerance = 0

[[claim]]
speaker = "Ruiz"
value = 55
doc = "d3"
stance = "confirms"

[[absent]]
speaker = "Vell"
value = 61.5
doc = "d1"
"""

JSON = """\
{
  "conflict": [
    {"quantity": "ferry passengers missing", "kind": "disagreement",
     "figures": [{"speaker": "HRA", "value": 40}, {"speaker": "Vell", "value": 55}]}
  ],
  "delay": [{"quantity": "ferry passengers missing", "first": "HRA", "then": "Ana Ruiz",
             "days": 7, "tolerance": 0}],
  "claim": [
    {"speaker": "Ruiz", "value": 55, "doc": "d3", "stance": "confirms"}
  ],
  "absent": [
    {
      "speaker": "Vell", "value": 61.5, "doc": "d1"
    }
  ]
}
"""

EXPECTED = (
    ConflictExpectation("ferry passengers missing", _fig(("HRA", 40), ("Vell", 55)), "disagreement"),
    DelayExpectation("HRA", "Ana Ruiz", 7, 0, "ferry passengers missing"),
    ClaimExpectation("Ruiz", 55.0, "d3", "confirms"),
    AbsentExpectation("Vell", 61.5, "d1"),
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _without_line(e: Expectation) -> tuple[object, ...]:
    return tuple(getattr(e, f) for f in e.__dataclass_fields__ if f != "line")


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [
        ("known.toml", TOML, [2, 10, 17, 23]),
        ("known.json", JSON, [3, 6, 9, 12]),
        ("known.txt", TOML, [2, 10, 17, 23]),  # no telling suffix: TOML unless it opens with "{"
        ("known.txt", JSON, [3, 6, 9, 12]),
    ],
)
def test_files_give_the_same_records_with_their_lines(
    tmp_path: Path, name: str, text: str, lines: list[int]
) -> None:
    loaded = load_expectations(_write(tmp_path, name, text))
    assert [_without_line(e) for e in loaded] == [_without_line(e) for e in EXPECTED]
    assert [e.line for e in loaded] == lines
    assert loaded.source.endswith(name) and len(loaded) == 4


def test_inline_arrays_and_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    text = '\ufeffclaim = [{ speaker = "Vell", value = 55 }]\n\n[[absent]]\nspeaker = "Vell"\nvalue = 9\n'
    loaded = load_expectations(_write(tmp_path, "k.toml", text))
    assert [(type(e).__name__, e.line) for e in loaded] == [("ClaimExpectation", 1), ("AbsentExpectation", 3)]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "k.toml",
            '[[claim]]\nspeaker = "Vell"\nvalue = 1\n\n[[conflcit]]\nquantity = "x"\n',
            "line 5: unknown table 'conflcit'",
        ),
        ("k.toml", '[[claim]]\nspeaker = "Vell"\n', "line 1: [[claim]] is missing the key 'value'"),
        (
            "k.toml",
            '[[claim]]\nspeaker = "Vell"\nvalue = "ten"\n',
            "line 3: [[claim]] 'value' must be a number",
        ),
        (
            "k.toml",
            '[[claim]]\nspeaker = "Vell"\nvalue = true\n',
            "line 3: [[claim]] 'value' must be a number",
        ),
        (
            "k.toml",
            '[[claim]]\nspeaker = ""\nvalue = 3\n',
            "line 2: [[claim]] 'speaker' must be a non-empty string",
        ),
        (
            "k.toml",
            '[[claim]]\nspeaker = "Vell"\nvalue = 3\nspeeker = "x"\n',
            "line 4: [[claim]] has an unknown key 'speeker'",
        ),
        (
            "k.toml",
            '[[claim]]\nspeaker = "Vell"\nvalue = 3\nstance = "says"\n',
            "line 4: [[claim]] 'stance' must be one of",
        ),
        (
            "k.toml",
            '[[delay]]\nfirst = "A"\nthen = "B"\ndays = 2.5\n',
            "line 4: [[delay]] 'days' must be a whole number",
        ),
        (
            "k.toml",
            '[[delay]]\nfirst = "A"\nthen = "B"\ntolerance = -1\n',
            "line 4: [[delay]] 'tolerance' must not be negative",
        ),
        (
            "k.toml",
            '[[conflict]]\nquantity = "q"\nkind = "feud"\nfigures = [{ speaker = "A", value = 1 }]\n',
            "line 3: [[conflict]] 'kind' must be one of",
        ),
        (
            "k.toml",
            '[[conflict]]\nquantity = "q"\nfigures = [\n  { speaker = "A" },\n]\n',
            "line 4: [[conflict]] figure 1 must be",
        ),
        (
            "k.toml",
            '[[conflict]]\nquantity = "q"\nfigures = [\n  { speaker = "A", value = 1 },\n  { speaker = "B", value = [2] },\n]\n',
            "line 5: [[conflict]] figure 2: 'value' must be a number",
        ),
        (
            "k.json",
            '{"conflict": [\n {"quantity": "q",\n  "figures": [{"speaker": "A", "value": 1},\n    {"value": 2}]}\n]}\n',
            "line 4: [[conflict]] figure 2 must be",
        ),
        (
            "k.toml",
            '[[conflict]]\nquantity = "q"\nfigures = [{ speaker = "A", value = "9" }]\n',
            "line 3: [[conflict]] figure 1: 'value' must be a number",
        ),
        (
            "k.toml",
            '[[conflict]]\nquantity = "q"\nfigures = []\n',
            "line 3: [[conflict]] 'figures' must list at least one",
        ),
        (
            "k.toml",
            '[claim]\nspeaker = "A"\nvalue = 1\n',
            "line 1: 'claim' must be a list of tables ([[claim]])",
        ),
        ("k.toml", 'title = "ferry"\n', "line 1: unknown table 'title'"),
        ("k.toml", '[[claim]]\nspeaker = "A"\nvalue = 1\n\n[[absent]]\nspeaker = \n', "line 6: invalid TOML"),
        ("k.toml", '[[claim]]\nspeaker = "A\n', "line 2: invalid TOML"),
        ("k.json", '{\n  "claim": [\n    {"speaker": "A", "value": 1,}\n  ]\n}\n', "line 3: invalid JSON"),
        (
            "k.json",
            '{\n  "claim": [{"speaker": "A", "value": 1}],\n  "clam": []\n}\n',
            "line 3: unknown table 'clam'",
        ),
        (
            "k.json",
            '{\n  "claim": [\n    {"speaker": "A"}\n  ]\n}\n',
            "line 3: [[claim]] is missing the key 'value'",
        ),
        (
            "k.json",
            '{\n  "claim": [\n    {"speaker": "A",\n     "value": "x"}\n  ]\n}\n',
            "line 4: [[claim]] 'value' must be a number",
        ),
        ("k.json", '{"claim": {"speaker": "A", "value": 1}}', "line 1: 'claim' must be a list of tables"),
        ("k.json", '[{"speaker": "A", "value": 1}]', "line 1: expected an object"),
        ("k.json", '{"claim": ["Vell"]}', "line 1: each claim must be a table of keys"),
    ],
)
def test_bad_files_name_the_line_and_the_reason(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(ExpectationError) as info:
        load_expectations(path)
    assert str(info.value).startswith(f"{path}: "), str(info.value)
    assert message in str(info.value), str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, AnalyzerError)


def test_a_missing_file_is_an_expectation_error(tmp_path: Path) -> None:
    with pytest.raises(ExpectationError, match="no such file"):
        load_expectations(tmp_path / "absent.toml")


# ---------------------------------------------------------------- names and values


@pytest.mark.parametrize(
    ("query", "canonical", "same"),
    [
        ("HRA", HRA, True),  # acronym of the expansion
        ("Vell", "Tomas Vell", True),  # surname
        ("Tomas Vel", "Tomas Vell", True),  # spelling
        ("Zelensky", "Volodymyr Zelenskyy", True),  # transliteration
        ("NIS", "National Intelligence Service (South Korea)", True),
        ("National Intelligence Service", "National Intelligence Service (South Korea)", True),
        ("health ministry", "Ministry of Health", True),
        ("  tomas   VELL ", "Tomas Vell", True),
        ("Ruiz", "Tomas Vell", False),
        ("Ana Ruiz", "Carla Ruiz", False),
        ("Ministry of Health", "Ministry of Finance", False),
        ("HRA", "Harbour Police", False),
        ("a senior official", "Tomas Vell", False),
    ],
)
def test_names_match_with_the_resolver_rules(query: str, canonical: str, same: bool) -> None:
    assert names_match(query, canonical) is same
    assert names_match(canonical, query) is same  # the rules do not depend on which side is asked


@pytest.mark.parametrize(
    ("query", "canonical"),
    [("rescue service", HRA), ("the harbour office", "Tomas Vell"), ("Vell", "harbour office")],
)
def test_user_aliases_join_names_the_rules_cannot(query: str, canonical: str) -> None:
    aliases = [[HRA, "rescue service"], ["Tomas Vell", "harbour office"]]
    assert not names_match(query, canonical)
    assert names_match(query, canonical, aliases)


@pytest.mark.parametrize(
    ("expected", "value", "low", "high", "ok"),
    [
        (12000, 12000, None, None, True),
        (12000, 12059, None, None, True),  # 0.49 %
        (12000, 12070, None, None, False),  # 0.58 %
        (12000, 11941, None, None, True),
        (300, 400, 300, 400, True),  # a stated bound
        (350, 400, 300, 400, False),  # inside a range is not what was said
        (1200, 1200, 1200, None, True),
        (0, 0, None, None, True),
        (0, 1, None, None, False),
        (-5, -5.02, None, None, True),
    ],
)
def test_value_matches_within_half_a_percent_or_a_bound(
    expected: float, value: float, low: float | None, high: float | None, ok: bool
) -> None:
    assert value_matches(expected, value, low, high) is ok


@given(st.floats(min_value=1e-3, max_value=1e12), st.floats(min_value=-0.0049, max_value=0.0049))
def test_value_matching_is_relative(value: float, shift: float) -> None:
    assert value_matches(value, value * (1 + shift))
    assert not value_matches(value, value * 1.006)


# ---------------------------------------------------------------- evaluation

CASES: list[tuple[Expectation, bool, str]] = [
    # conflicts
    (ConflictExpectation("ferry passengers missing", _fig(("HRA", 40), ("Vell", 55))), True, "disagreement on ferry-passengers-missing: Harbour Rescue Agency 40 (d1), Tomas Vell 55 (d2)"),
    (ConflictExpectation("passengers missing after the ferry sank", _fig(("Vell", 55), ("Vell", 61)), "revision"), True, "revision on ferry-passengers-missing"),
    (ConflictExpectation("ferry passengers missing", _fig(("Ruiz", 100)), "denial"), True, "denial on"),
    (ConflictExpectation("ferry passengers missing", _fig(("Vell", 55.2))), True, "Tomas Vell 55 (d2)"),
    (ConflictExpectation("ferry passengers missing", _fig(("Vell", 50))), False, "expected Vell 50 in a conflict on ferry passengers missing; found Tomas Vell 55 in d2 (closest conflict: disagreement on ferry-passengers-missing)"),
    (ConflictExpectation("ferry passengers missing", _fig(("HRA", 40), ("Vell", 55)), "scope"), False, "expected HRA 40 and Vell 55 in a scope conflict on ferry passengers missing; found them only in a disagreement on ferry-passengers-missing"),
    (ConflictExpectation("ferry passengers missing", _fig(("HRA", 40), ("Port Authority", 45))), False, "expected Port Authority 45 in a conflict on ferry passengers missing; found no figure from Port Authority and no 45 from anyone"),
    (ConflictExpectation("ferry passengers missing", _fig(("HRA", 44), ("Okafor", 55))), False, "for HRA 44, found Harbour Rescue Agency 40 in d1; for Okafor 55, found Lena Okafor 250-300 in d1"),
    (ConflictExpectation("passengers aboard the ferry", _fig(("Okafor", 300))), False, "found Lena Okafor 250-300 in d1 (no conflict on ferry-passengers)"),
    (ConflictExpectation("lifeboats launched", _fig(("HRA", 40), ("Vell", 55))), False, "found them in a disagreement on ferry-passengers-missing, which the words do not match (they match lifeboats-launched)"),
    (ConflictExpectation("rainfall in millimetres", _fig(("HRA", 40))), False, "no quantity matches (nearest: "),
    (ConflictExpectation(MISSING, _fig(("HRA", 40))), True, "disagreement on ferry-passengers-missing"),  # a key
    # claims
    (ClaimExpectation("Vell", 55), True, "found Tomas Vell 55 in d2"),
    (ClaimExpectation("Tomas Vell", 61, doc="d2"), True, "found Tomas Vell 61 in d2"),
    (ClaimExpectation("Vell", 55, doc="d1"), False, "expected a claim of Vell 55 in d1; found Tomas Vell 55 in d2"),
    (ClaimExpectation("Vell", 58, doc="d2"), False, "expected a claim of Vell 58 in d2; found Tomas Vell 55 in d2"),
    (ClaimExpectation("Vell", 61, doc="d3"), False, "found Tomas Vell 61 in d2; and Tomas Vell 12 in d3"),
    (ClaimExpectation("Ruiz", 55, stance="confirms"), True, "found Ana Ruiz 55 in d3 (confirms)"),
    (ClaimExpectation("Ruiz", 55, stance="asserts"), False, "expected a claim of Ruiz 55 (asserts); found Ana Ruiz 55 in d3 (confirms)"),
    (ClaimExpectation("Okafor", 250), True, "Lena Okafor 250-300 in d1"),
    (ClaimExpectation("Okafor", 275), False, "found Lena Okafor 250-300 in d1"),
    (ClaimExpectation("Marek Dolan", 7), False, "found no figure from Marek Dolan and no 7 from anyone"),
    (ClaimExpectation("Port Authority", 300), False, "found an unattributed figure of 300 in d1"),
    # absences
    (AbsentExpectation("Vell", 61), False, "expected no claim of Vell 61; found Tomas Vell 61 in d2: “Tomas Vell gave 61.”"),
    (AbsentExpectation("Vell", 12, doc="d3"), False, "found Tomas Vell 12 in d3: “Vell said 12 lifeboats were launched.”"),
    (AbsentExpectation("Vell", 61, doc="d1"), True, "not reported"),
    (AbsentExpectation("Ruiz", 40), True, "not reported"),
    # delays
    (DelayExpectation("HRA", "Ruiz", 7), True, "Ana Ruiz 2031-03-09, 7 days after Harbour Rescue Agency (ferry-passengers-missing)"),
    (DelayExpectation("HRA", "Port Authority", 3, quantity="ferry passengers missing"), True, "Port Authority 2031-03-05, 3 days after Harbour Rescue Agency 2031-03-02 (ferry-passengers-missing)"),
    (DelayExpectation("HRA", "Ruiz", 5, tolerance=1), False, "expected Ruiz to confirm 5 ± 1 days after HRA; found Ana Ruiz 2031-03-09, 7 days after Harbour Rescue Agency 2031-03-02"),
    (DelayExpectation("HRA", "Ruiz", 5, tolerance=2), True, "7 days after"),
    (DelayExpectation("HRA", "Vell"), True, "Tomas Vell 2031-03-04, 2 days after"),
    (DelayExpectation("Vell", "HRA"), False, "found Harbour Rescue Agency 2031-03-02, -2 days after Tomas Vell 2031-03-04"),
    (DelayExpectation("HRA", "Marek Dolan", 1), False, "found no dated assertion by Marek Dolan"),  # he only hedged
    (DelayExpectation("HRA", "Ruiz", 7, quantity="lifeboats launched"), False, "found no dated assertion by HRA on it (one on ferry-passengers-missing, 2031-03-02)"),
    (DelayExpectation("HRA", "Ruiz", quantity="rainfall in millimetres"), False, "no quantity matches"),
]  # fmt: skip


@pytest.mark.parametrize(("expectation", "passed", "message"), CASES, ids=[c[0].describe() for c in CASES])
def test_evaluation_names_what_was_found(expectation: Expectation, passed: bool, message: str) -> None:
    outcome = evaluate(expectation, STORY)
    assert (outcome.passed, outcome.expectation) == (passed, expectation), outcome.message
    assert message in outcome.message


def test_aliases_widen_speaker_matching() -> None:
    expectation = ClaimExpectation("rescue service", 40)
    assert not evaluate(expectation, STORY).passed
    assert evaluate(expectation, STORY, aliases=[[HRA, "rescue service"]]).passed


def test_quantities_are_implied_by_keys_when_the_analysis_lists_none() -> None:
    bare = Analysis(documents=(), claims=CLAIMS, conflicts=STORY.conflicts)
    assert evaluate(ConflictExpectation("ferry passengers missing", _fig(("Vell", 61))), bare).passed


def test_a_delay_needs_both_speakers_on_one_quantity() -> None:
    claims = (
        _claim("a", "d1", 5, "Tomas Vell", "boats", asserted_on=date(2031, 1, 1)),
        _claim("b", "d2", 9, "Ana Ruiz", "cars", asserted_on=date(2031, 1, 4)),
    )
    outcome = evaluate(DelayExpectation("Vell", "Ruiz", 3), Analysis((), claims))
    assert not outcome.passed
    assert "found no quantity with dated assertions by both Vell and Ruiz" in outcome.message


# ---------------------------------------------------------------- the report and its renderings


def test_run_check_keeps_file_order_and_says_whether_all_hold(tmp_path: Path) -> None:
    expectations = load_expectations(_write(tmp_path, "known.toml", TOML))
    report = run_check(STORY, expectations)
    assert [o.expectation.line for o in report] == [2, 10, 17, 23]
    assert report.passed and not report.failures and report.source == expectations.source
    failing = run_check(STORY, Expectations((*expectations.items, ClaimExpectation("Vell", 58, line=30))))
    assert not failing.passed
    assert [o.expectation.line for o in failing.failures] == [30]


def test_check_text_lists_every_expectation_and_a_summary() -> None:
    report = run_check(STORY, [ClaimExpectation("Vell", 55, line=3), AbsentExpectation("Vell", 61, line=7)])
    text = check_text(report)
    assert text.splitlines()[0] == "PASS  line 3  claim of Vell 55"
    assert text.splitlines()[2] == "FAIL  line 7  no claim of Vell 61"
    assert text.splitlines()[-1] == "2 expectations: 1 passed, 1 failed"


def test_check_table_renders_for_a_terminal() -> None:
    report = run_check(STORY, [ClaimExpectation("Vell", 55, line=3), AbsentExpectation("Vell", 61, line=7)])
    console = Console(record=True, width=200, color_system=None)
    console.print(check_table(report))
    out = console.export_text()
    assert "claim of Vell 55" in out and "pass" in out and "FAIL" in out
    assert "found Tomas Vell 61 in d2" in out and "1 passed, 1 failed" in out
