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
KNOWN_GAPS = {
    "claim of Tamberlane Provincial Disaster Management Agency 58 in fl04": "the headline's 'agency' is "
    "not resolved to the provincial disaster agency named in the story",
    "disagreement on marchers in Valmora: Valmora police 42,000 vs Common Front 150,000 vs Civica Metrics "
    "61,000": "the words match demonstrators-valmora while the counts of pr01 are filed under another "
    "quantity, and the independent count is read as 58,700",
    "scope on demonstrators: Ministry of the Interior 42,000 vs Ministry of the Interior 310,000": "the "
    "ministry's Valmora count is filed under another quantity than its nationwide count",
    "scope on arrests: Ministry of the Interior 212 vs Ministry of the Interior 297": "the ministry's "
    "arrest figures of pr04 are filed under the marchers' quantity",
    "disagreement on teachers on strike: Ministry of Education 35 vs National Teachers' Federation 60": "the "
    "federation's rate is attributed to 'Federation' under another quantity, so no conflict is found",
    "disagreement on marchers in Port Ederin: Port Ederin prefecture 6,000 vs union leaders (Port Ederin) "
    "15,000": "the two counts are in a conflict of their own, but match_quantity maps these words to "
    "the Valmora marchers",
    "claim of Civica Metrics 61,000 in pr03_ledger_numbers": "the independent count is read as 58,700",
}


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
