"""Timelines: first statements per speaker, confirmation delays, reporting lags."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.corroborate.core import corroborate
from analyzer.corroborate.timeline import build_timelines
from analyzer.models import Claim, Statement, Timeline
from analyzer.settings import Settings
from tests.factories import claim, statement

NIS = "National Intelligence Service (South Korea)"
KEY = "north-korean-troops-russia"


def _claim(cid: str, value: float, speaker: str | None, on: date | None = None, **kw: Any) -> Claim:
    return claim(cid, value, speaker, asserted_on=on, **{"quantity_key": KEY, **kw})


def _said(sid: str, speaker: str, stance: str, on: date | None, **kw: Any) -> Statement:
    return statement(sid, speaker, stance, asserted_on=on, **{"quantity_key": KEY, **kw})


SEED_CLAIMS = [
    _claim("z", 10000, "Volodymyr Zelenskyy", published=date(2024, 10, 21), outlet="Wire One"),
    _claim("n1", 1500, NIS, date(2024, 10, 18), published=date(2024, 10, 21), outlet="Wire One"),
    _claim("n2", 12000, NIS),
    _claim(
        "k",
        3000,
        "John Kirby",
        date(2024, 10, 23),
        stance="confirms",
        via=("Reuters",),
        published=date(2024, 10, 24),
        outlet="Weekly",
    ),
    _claim(
        "r", 1200, "John Kirby", date(2024, 10, 21), per="day", quantity_key="russian-soldiers-dying-daily"
    ),
]
SEED_STATEMENTS = [
    _said("s-zel", "Volodymyr Zelenskyy", "asserts", date(2024, 10, 13)),
    _said("s-kirby", "John Kirby", "hedges", date(2024, 10, 21)),
    _said("s-austin", "Lloyd Austin", "confirms", date(2024, 10, 23)),
]


def _timeline(claims: list[Claim], statements: list[Statement], key: str = KEY) -> Timeline:
    return next(t for t in build_timelines(claims, statements) if t.quantity_key == key)


def test_seed_story_first_statements_in_date_order() -> None:
    timeline = _timeline(SEED_CLAIMS, SEED_STATEMENTS)
    assert [(e.speaker, e.first_on, e.stance) for e in timeline.events] == [
        ("Volodymyr Zelenskyy", date(2024, 10, 13), "asserts"),
        (NIS, date(2024, 10, 18), "asserts"),
        ("John Kirby", date(2024, 10, 21), "hedges"),
        ("John Kirby", date(2024, 10, 23), "confirms"),
        ("Lloyd Austin", date(2024, 10, 23), "confirms"),
    ]
    assert timeline.events[0].claim_ids == ("s-zel",) and timeline.events[0].value is None
    assert timeline.events[1].value == 1500


def test_seed_story_confirmation_takes_ten_days() -> None:
    delays = _timeline(SEED_CLAIMS, SEED_STATEMENTS).confirmation_delays
    assert [(d.speaker, d.days_after_first, d.first_speaker) for d in delays] == [
        ("John Kirby", 10, "Volodymyr Zelenskyy"),
        ("Lloyd Austin", 10, "Volodymyr Zelenskyy"),
    ]


def test_seed_story_reporting_lags_per_outlet() -> None:
    lags = _timeline(SEED_CLAIMS, SEED_STATEMENTS).reporting_lags
    assert [(lag.outlet, lag.claim_id, lag.days) for lag in lags] == [
        ("Weekly", "k", 1),
        ("Wire One", "n1", 3),
    ]


def test_the_rate_has_its_own_timeline() -> None:
    keys = [t.quantity_key for t in build_timelines(SEED_CLAIMS, SEED_STATEMENTS)]
    assert keys == sorted(keys) == [KEY, "russian-soldiers-dying-daily"]


def test_undated_first_statements_come_last_in_a_stable_order() -> None:
    claims = [
        _claim("b", 40, "Police", quantity_key="arrests"),
        _claim("a", 41, "Mayor", quantity_key="arrests"),
        _claim("c", 35, "Unions", date(2024, 3, 7), quantity_key="arrests"),
    ]
    timeline = _timeline(claims, [], "arrests")
    assert [e.speaker for e in timeline.events] == ["Unions", "Mayor", "Police"]
    assert timeline.events[1].first_on is None


def test_a_later_dated_statement_wins_over_an_undated_one() -> None:
    claims = [
        _claim("u", 40, "Police", quantity_key="arrests"),
        _claim("d", 42, "Police", date(2024, 3, 9), quantity_key="arrests"),
    ]
    (event,) = _timeline(claims, [], "arrests").events
    assert (event.first_on, event.claim_ids, event.value) == (date(2024, 3, 9), ("d",), 42)


@pytest.mark.parametrize(
    ("stances", "delays"),
    [
        (["asserts", "confirms"], [("B", 4)]),
        (["asserts", "asserts"], []),  # a second assertion is not a confirmation
        (["hedges", "confirms"], []),  # a hedge is not the first assertion: B confirms first
        (["asserts", "hedges"], []),
        (["denies", "confirms"], []),
    ],
)
def test_confirmation_delays_count_only_confirmations_after_an_assertion(
    stances: list[str], delays: list[tuple[str, int]]
) -> None:
    statements = [
        _said("a", "A", stances[0], date(2024, 5, 1), quantity_key="missing"),
        _said("b", "B", stances[1], date(2024, 5, 5), quantity_key="missing"),
    ]
    timeline = _timeline([], statements, "missing")
    assert [(d.speaker, d.days_after_first) for d in timeline.confirmation_delays] == delays


def test_claims_without_a_speaker_or_key_stay_off_the_timeline() -> None:
    claims = [
        _claim(
            "x", 5, None, date(2024, 1, 1), published=date(2024, 1, 2), outlet="Daily", quantity_key="injured"
        ),
        _claim("y", 5, "Police", quantity_key=""),
    ]
    (timeline,) = build_timelines(claims, [])
    assert timeline.events == () and [lag.days for lag in timeline.reporting_lags] == [1]


@settings(max_examples=30, deadline=None)
@given(st.permutations(SEED_CLAIMS), st.permutations(SEED_STATEMENTS))
def test_timelines_do_not_depend_on_input_order(claims: list[Claim], statements: list[Statement]) -> None:
    assert build_timelines(claims, statements) == build_timelines(SEED_CLAIMS, SEED_STATEMENTS)


def test_seed_story_through_the_whole_stage() -> None:
    """Keys from the items, statements keyed by their topic, then conflicts and the ten-day delay."""
    items = {
        "z": "soldiers to back the Russian offensive",
        "n1": "North Korean special forces sent to Russia",
        "n2": "troops",
        "k": "North Korean troops in the first tranche trained in Russia",
        "r": "Russian soldiers dying daily",
    }
    claims = [
        replace(c, quantity_key="", item=items[c.claim_id], sentence=items[c.claim_id]) for c in SEED_CLAIMS
    ]
    topics = {
        "s-zel": "North Korea sending troops to help Russia",
        "s-kirby": "DPRK soldiers joining the war",
        "s-austin": "DPRK troops in Russia",
    }
    statements = [replace(s, quantity_key="", topic=topics[s.statement_id]) for s in SEED_STATEMENTS]
    result = corroborate(claims, statements, fingerprints={}, published={}, outlets={}, settings=Settings())
    assert [q.key for q in result.quantities] == [KEY, "russian-soldiers-dying-daily"]
    assert {s.quantity_key for s in result.statements} == {KEY}
    assert sorted(c.kind for c in result.conflicts) == ["disagreement", "revision", "scope"]
    (timeline, _) = result.timelines
    assert {(d.speaker, d.days_after_first) for d in timeline.confirmation_delays} == {
        ("John Kirby", 10),
        ("Lloyd Austin", 10),
    }
