"""Round 13 of figure extraction: "the previous day" counted from the statement's own date, an occasion
sentence ("The mayor spoke at a rally on Monday") that dates only its own speaker's claims."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.models import Document
from tests.factories import claim_dates


def _dates(text: str) -> list[tuple[str | None, float, str | None]]:
    return claim_dates(text, published=date(2024, 5, 31))  # a Friday


def _date_of(text: str, value: float) -> str | None:
    return next(d for _, v, d in _dates(text) if v == value)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "The ministry said on Tuesday that deaths since January 1 rose to 200, up from the 117 deaths "
            "announced the previous day.",
            117,
            "2024-05-27",
        ),
        (
            "The agency said on Wednesday that cases from March 3 reached 90, up from 75 reported the day before.",
            75,
            "2024-05-28",
        ),
        (
            "Officials said on Thursday that arrests as of May 1 stood at 64, compared with 50 recorded a day "
            "earlier.",
            50,
            "2024-05-29",
        ),
        # the statement's own date still counts when no span opens the sentence
        (
            "The ministry said on Tuesday the toll rose to 200, up from the 117 deaths announced the previous day.",
            117,
            "2024-05-27",
        ),
    ],
)
def test_the_previous_day_counts_from_the_statement(text: str, value: float, expected: str) -> None:
    assert _date_of(text, value) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # another actor's occasion dates nothing of the speaker's
        ("Police said 40 people were held.\n\nThe mayor spoke at a rally on Monday.", 40, None),
        ("Doctors said 12 patients died.\n\nThe governor was speaking at a briefing on Tuesday.", 12, None),
        # the same actor: its role noun is in the speaker's name, or the speaker is that role
        (
            "Mayor Jane Okafor said 40 people were held.\n\nThe mayor spoke at a rally on Monday.",
            40,
            "2024-05-27",
        ),
        (
            "Police Commissioner Ahmed Bello said 40 people were held.\n\nThe commissioner was speaking at a "
            "briefing on Tuesday.",
            40,
            "2024-05-28",
        ),
        (
            "The minister said 40 people were held.\n\nThe minister spoke at a rally on Monday.",
            40,
            "2024-05-27",
        ),
    ],
)
def test_an_occasion_dates_only_its_own_speaker(text: str, value: float, expected: str | None) -> None:
    assert _date_of(text, value) == expected


def _values(text: str) -> list[float]:
    return [v for _, v, _ in _dates(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The agency said the price of rice rose 90 per cent year-on-year.", [90]),
        ("“Fuel costs rose almost 40 percent year-over-year, for example,” the ministry said.", [40]),
        ("The bureau said exports fell 12 per cent month on month.", [12]),
        # near-misses: a real duration stays out
        ("The agency said the firm had 5 years to comply.", []),
    ],
)
def test_a_change_over_a_period_is_no_duration(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Officials say two of the nine cases were confirmed on Monday.", [2, 9]),
        ("Police said four of the twenty victims were children.", [4, 20]),
        ("Officials said two of the three were in stable condition.", [2, 3]),
        # near-misses: a whole that counts no count noun
        ("Officials said two of the three days were lost.", []),
        ("Officials said two of the five reports were wrong.", [5]),
    ],
)
def test_a_word_count_within_a_word_whole(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Announcing the figures, Thursday evening, Jones said 719 people were affected.", "2024-05-30"),
        ("Announcing the figures on Thursday evening, Jones said 719 people were affected.", "2024-05-30"),
        ("Confirming the deaths, on Wednesday, the ministry said 12 people died.", "2024-05-29"),
        ("Speaking to reporters, on Tuesday, Jones said 719 people were affected.", "2024-05-28"),
        # near-miss: a participle of the event, not of the statement
        ("Rescuing the survivors, Thursday evening, crews said 719 people were affected.", None),
    ],
)
def test_a_participle_of_the_statement_before_its_date(text: str, expected: str | None) -> None:
    assert [d for _, _, d in _dates(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "The firm said 10 million customers were hit, nearly 10 times as many as initially thought.",
            [10e6],
        ),
        ("Police said the crowd was three times larger than last year's.", []),
        ("Officials said deaths were five times the number in 2020.", []),
        # near-miss: how often, a count of its own
        ("Police said he was arrested four times.", [4]),
    ],
)
def test_a_ratio_of_two_figures_counts_nothing(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("“Crews are bringing power back on to 5, 10 or 20 customers at a time,” the utility said.", []),
        ("Officials said guards let in 50 people at a time.", []),
        ("Officials said 200 homes were without power, and crews restored 20 at a time.", [200]),
        # near-misses: "at a time when|of" is the moment of the event
        ("Officials said 40 people died at a time when aid was scarce.", [40]),
        ("Officials said 40 people died, at a time of crisis.", [40]),
    ],
)
def test_how_many_each_turn_takes_counts_nothing(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Health Minister Jane Okafor has announced that four cases have been confirmed. Announcing the "
            "development, Thursday evening, Okafor said up to 719 people may have been exposed.",
            [
                ("Health Minister Jane Okafor", 4, "2024-05-30"),
                ("Health Minister Jane Okafor", 719, "2024-05-30"),
            ],
        ),
        (
            "Police said 4 people died. Jones said 12 were hurt. Announcing the figures on Thursday, Jones said 30 "
            "were held.",
            [("Police", 4, None), ("Jones", 12, "2024-05-30"), ("Jones", 30, "2024-05-30")],
        ),
        # near-misses: a participle that names no announcement, or an earlier dated claim stops the reach
        (
            "Jones said 12 were hurt. Speaking on Thursday, Jones said 30 were held.",
            [("Jones", 12, None), ("Jones", 30, "2024-05-30")],
        ),
        (
            "Jones said 9 died. Jones said on Monday 12 were hurt. Announcing the figures on Thursday, Jones said 30 "
            "were held.",
            [("Jones", 9, None), ("Jones", 12, "2024-05-27"), ("Jones", 30, "2024-05-30")],
        ),
    ],
)
def test_announcing_the_development_dates_what_was_announced(
    text: str, expected: list[tuple[str | None, float, str | None]]
) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The minister announced an outbreak, with one death being recorded in the district.", [1]),
        ("Officials said the outbreak spread, with one case confirmed in the capital.", [1]),
        ("Officials said the virus reached the town, with one case so far reported.", [1]),
        # near-misses: "with one" that counts nothing said
        ("Officials said she escaped with one child.", []),
        ("Officials said he fought with one soldier reported as missing.", []),
        ("Officials said the toll rose from one death reported earlier.", []),
    ],
)
def test_one_count_in_a_with_clause(text: str, values: list[float]) -> None:
    assert _values(text) == values


def _stances(text: str) -> list[tuple[str | None, float, str, str | None]]:
    doc = Document("d", text, published=date(2024, 5, 31))  # a Friday
    return [
        (c.speaker, c.value, c.stance, str(c.asserted_on) if c.asserted_on else None)
        for c in extract_document(doc).claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dispute nobody made denies nothing
        (
            "Rebels said 40 soldiers died. The army has not disputed the toll.",
            [("Rebels", 40, "asserts", None)],
        ),
        ("Rebels said 40 soldiers died. No official disputed the toll.", [("Rebels", 40, "asserts", None)]),
        (
            "Rebels said 40 soldiers died. The army never disputed that figure.",
            [("Rebels", 40, "asserts", None)],
        ),
        # near-misses: a dispute made, dated by its own date when it has one
        (
            "Rebels said 40 soldiers died. The army disputed the toll.",
            [("Rebels", 40, "asserts", None), ("The army", 40, "denies", None)],
        ),
        (
            "Rebels said 40 soldiers died. The army disputed that toll on Monday.",
            [("Rebels", 40, "asserts", None), ("The army", 40, "denies", "2024-05-27")],
        ),
        (
            "Rebels said 40 soldiers died. The army on Tuesday disputed that figure.",
            [("Rebels", 40, "asserts", None), ("The army", 40, "denies", "2024-05-28")],
        ),
    ],
)
def test_negated_and_dated_disputes(
    text: str, expected: list[tuple[str | None, float, str, str | None]]
) -> None:
    assert _stances(text) == expected


def _vias(text: str) -> list[tuple[float, tuple[str, ...]]]:
    doc = Document("d", text, published=date(2024, 5, 31))
    return [(c.value, c.via) for c in extract_document(doc).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # government bodies and aid agencies one tells things to are no news outlets
        ("Ten people died, the mayor told ICE on Sunday.", [(10, ())]),
        ("Ten people died, the mayor told NASA.", [(10, ())]),
        ("Ten people died, the mayor told the CDC.", [(10, ())]),
        ("Ten people died, the official told UNHCR that day.", [(10, ())]),
        ("Ten people died, the official told WFP on Monday.", [(10, ())]),
        # near-misses: a bare agency acronym still carries the words, unless it speaks for itself
        ("Ten people died, the mayor told NAN on Sunday.", [(10, ("NAN",))]),
        ("Ten people died, the mayor told PTI.", [(10, ("PTI",))]),
        ("Ten people died, the mayor told NAN on Sunday. NAN said the roads were shut.", [(10, ())]),
        ("Ten people died, the mayor told NAN on Sunday. Roads were shut, according to NAN.", [(10, ())]),
    ],
)
def test_told_acronym_of_a_body_is_no_outlet(
    text: str, expected: list[tuple[float, tuple[str, ...]]]
) -> None:
    assert _vias(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "at a time" that names an occasion keeps the count
        ("Police said 40 people died at a time the city was under curfew.", [40]),
        ("Police said 40 people died at a time when the city was under curfew.", [40]),
        ("Police said 40 people died at a time their families were away.", [40]),
        # near-misses: how many each turn
        ("Police said crews let in 50 people at a time.", []),
        ("Police said crews let in 50 people at a time, and 4,000 waited.", [4000]),
        # a ratio with one to three words between "as ... as" is no count
        ("Officials said there were 10 times as many cases as first thought.", []),
        ("Officials said there were 10 times as many new cases as first thought.", []),
        ("Officials said there were 10 times as much as first thought.", []),
        # near-misses: a count beside "times"
        ("Officials said the plant was hit 10 times as crowds fled, as 300 were hurt.", [10, 300]),
        ("Officials said the plant was hit 10 times, and 300 were hurt.", [10, 300]),
    ],
)
def test_at_a_time_occasion_and_times_as_ratio(text: str, values: list[float]) -> None:
    assert _values(text) == values
