"""The project's own known facts: ``fixtures/expectations.toml`` against ``fixtures/corpus``.

Each expectation is one test, asserted with :mod:`analyzer.testing`, as a user's
``pytest --corroboration-expect`` run would. The corpus is analysed without the
alias file (finding the speakers is the tool's job); speakers are then matched
with it, as the quality gate's scorer does (``fixtures/README.md``).

An expectation the extractor does not meet yet is marked ``xfail`` in
:data:`KNOWN_GAPS` with the reason; it is never weakened here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.corroborate.quantities import match_quantity
from analyzer.expectations import Expectation, load_expectations
from analyzer.models import Analysis
from analyzer.pipeline import analyze
from analyzer.settings import load_aliases
from analyzer.testing import assert_absent, assert_claim, assert_conflict, assert_delay, assert_expectation

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTATIONS = load_expectations(FIXTURES / "expectations.toml")
ALIASES = load_aliases(FIXTURES / "aliases.json")

# expectation (its describe()) -> why the extractor misses it today; strict, so a gap that closes must
# leave this table and guard what now works
KNOWN_GAPS: dict[str, str] = {}


def _case(expectation: Expectation) -> object:
    reason = KNOWN_GAPS.get(expectation.describe())
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(expectation, marks=marks, id=f"{expectation.table}-line{expectation.line}")


@pytest.fixture(scope="module")
def fixture_analysis() -> Analysis:
    return analyze([FIXTURES / "corpus"])


@pytest.mark.parametrize("expectation", [_case(e) for e in EXPECTATIONS])
def test_known_fact_holds(fixture_analysis: Analysis, expectation: Expectation) -> None:
    assert_expectation(fixture_analysis, expectation, ALIASES)


def test_the_file_holds_every_kind_of_expectation() -> None:
    assert {e.table for e in EXPECTATIONS} == {"conflict", "delay", "claim", "absent"}
    assert len(EXPECTATIONS) >= 30


def test_every_known_gap_names_an_expectation_of_the_file() -> None:
    described = {e.describe() for e in EXPECTATIONS}
    assert set(KNOWN_GAPS) <= described, set(KNOWN_GAPS) - described


# Short names, without the alias file: the resolver's own rules must find the canonical speakers.
def test_the_north_korea_story_with_short_names(fixture_analysis: Analysis) -> None:
    quantity = "North Korean troops in Russia"
    assert_conflict(fixture_analysis, quantity, [("Zelenskyy", 10000), ("NIS", 12000)], kind="disagreement")
    assert_claim(fixture_analysis, "Kirby", 3000, doc="nk01_wire_first_tranche")
    assert_claim(fixture_analysis, "Zelensky", 12000, doc="nk03_hanriver_nis_briefing")
    assert_absent(fixture_analysis, "Zelenskyy", 12000, doc="nk04_capitoldesk_kirby_briefing")


def test_the_north_korea_confirmation_delay_with_short_names(fixture_analysis: Analysis) -> None:
    assert_delay(fixture_analysis, "Zelenskyy", "Austin", 10, quantity="North Korean troops in Russia")


def test_a_wrong_figure_fails_with_the_closest_one(fixture_analysis: Analysis) -> None:
    with pytest.raises(AssertionError) as info:
        assert_conflict(fixture_analysis, "North Korean troops in Russia", [("Kirby", 5000)])
    assert str(info.value).startswith(
        "expected Kirby 5,000 in a conflict on North Korean troops in Russia; found John Kirby "
    )
    assert "3,000 in nk0" in str(info.value)


# What the grouping of the protest story must keep, whatever the extractor's speakers: which counts share
# a quantity (found by its words) and which never do.
@pytest.mark.parametrize(
    ("words", "doc_values", "never"),
    [
        # the city's marchers of this year: not the nationwide totals, not the 2019 march
        (
            "marchers in Valmora",
            [("pr01", 42000), ("pr01", 150000), ("pr03", 61000)],
            [310000, 27000, 1100000],
        ),
        ("demonstrators nationwide", [("pr01", 310000), ("pr03", 1100000), ("pr01", 42000)], [150000, 6000]),
        ("marchers in Valmora in 2019", [("pr03", 27000), ("pr03", 110000)], [42000, 150000]),
        ("marchers in Port Ederin", [("pr02", 6000), ("pr02", 15000)], [42000, 150000]),
        # the rates of a strike, in two reports and from two sides (the speaker of 60 aside)
        ("teachers on strike", [("pr01", 35), ("pr02", 35), ("pr02", 60)], [75, 70]),
    ],
)
def test_the_protest_story_counts_each_quantity_apart(
    fixture_analysis: Analysis, words: str, doc_values: list[tuple[str, float]], never: list[float]
) -> None:
    first = match_quantity(words, fixture_analysis.quantities)[0]
    held = [c for c in fixture_analysis.claims if c.quantity_key == first.key]
    for doc, value in doc_values:
        assert any(c.doc_id.startswith(doc) and c.value == value for c in held), (
            words,
            first.key,
            doc,
            value,
        )
    assert not {c.value for c in held} & set(never), (words, first.key)


def test_a_part_given_with_its_whole_is_a_scope_never_a_revision(fixture_analysis: Analysis) -> None:
    assert_conflict(
        fixture_analysis, "demonstrators nationwide", [("interior ministry", 42000), ("interior ministry", 310000)],
        kind="scope",
    )  # fmt: skip
    revised = [c for c in fixture_analysis.conflicts if c.kind == "revision"]
    assert not [c for c in revised if {m.value for m in c.members} >= {42000.0, 310000.0}]
    assert not [c for c in revised if {m.value for m in c.members} >= {27000.0, 61000.0}]
