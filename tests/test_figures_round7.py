"""Round 7 of extraction quality: figures, dates, items, lists and via (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.models import Claim, Document

MONDAY = date(2025, 3, 3)


def _claims(text: str, published: date | None = MONDAY) -> list[Claim]:
    return list(extract_document(Document("t", text, published=published)).claims)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # an ownerless finding line lists the findings of the speaker of the sentences just before it
        (
            "Three people died and 40 farms burned, the State Fire Agency confirmed on Sunday.\n\n"
            "Inspection teams have finished their rounds.\n\nThe surveys have found:\n\n"
            "- 40 farms destroyed, 12 damaged\n- 9 barns destroyed",
            {3.0: "the State Fire Agency", 12.0: "the State Fire Agency", 9.0: "the State Fire Agency"},
        ),
        # nobody spoke lately: the list keeps no speaker
        (
            "Heavy rain fell all week.\n\nThe river rose.\n\nRoads closed.\n\nCrews worked at night.\n\n"
            "Power failed twice.\n\nThe results show:\n\n- 52 homes flooded",
            {52.0: None},
        ),
        # the list ends where the text goes on in sentences of its own
        (
            "The council said on Friday that 30 roads were shut.\n\nThe assessments have found:\n\n"
            "- 30 roads shut\n\nLater that night, 14 more houses flooded.",
            {30.0: "The council", 14.0: None},
        ),
    ],
)
def test_ownerless_findings_belong_to_the_speaker_before(
    text: str, speakers: dict[float, str | None]
) -> None:
    got = {c.value: c.speaker for c in _claims(text)}
    assert {v: got.get(v, "MISSING") for v in speakers} == speakers


THURSDAY = date(2025, 3, 6)


@pytest.mark.parametrize(
    ("first", "when"),
    [
        # the occasion's date, after an "of" phrase naming what was announced, dates the announcement ...
        (
            "Board head, Ama Osei announced this during her declaration of the final tally of the council vote"
            " on Tuesday [March 4, 2025] evening.",
            date(2025, 3, 4),
        ),
        (
            "Ama Osei gave the figures in her announcement of the results of the mayoral race on Tuesday.",
            date(2025, 3, 4),
        ),
        ("Ama Osei announced this in a speech on Tuesday.", date(2025, 3, 4)),
        # ... not a date far from the verb after something that is no occasion
        (
            "Ama Osei announced this after the release of the final results of the mayoral race on Tuesday.",
            None,
        ),
    ],
)
def test_an_announcements_date_carries_into_the_quote(first: str, when: date | None) -> None:
    text = first + "\n\n\u201cWe counted 2,310 ballots in 40 towns\u201d, she said."
    assert {c.value: c.asserted_on for c in _claims(text, THURSDAY)} == {2310.0: when, 40.0: when}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a count within a group of people, the subject of its clause
        ("Four of the workers are in the lower shaft, Lopez said.", [4.0]),
        ("Three of the passengers were still aboard, the captain said.", [3.0]),
        # a small word number opening a clause, before a verb of counting
        ("Nine were from one village, the mayor said.", [9.0]),
        (
            "The mayor said the victims included children; nine were from one village, and three others from"
            " another.",
            [9.0, 3.0],
        ),
        # not a count of people: "two of the reasons", "one of the workers"
        ("Two of the reasons are cost and time, Lopez said.", []),
        ("One of the workers is in the shaft, Lopez said.", []),
    ],
)
def test_partitive_and_clause_initial_counts(text: str, values: list[float]) -> None:
    assert sorted(c.value for c in _claims(text)) == sorted(values)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # an elliptical conjunct keeps the verb and takes its own place
        (
            "The ministry said 15 died in Corvale state and four in Ternia.",
            {15.0: "died in Corvale state", 4.0: "died in Ternia"},
        ),
        (
            "Police said 209 were taken to the clinic and four to hospital.",
            {209.0: "taken to the clinic", 4.0: "taken to hospital"},
        ),
        # a conjunct with its own words keeps them
        (
            "The ministry said 15 died in Corvale and four were injured.",
            {15.0: "died in Corvale", 4.0: "injured"},
        ),
    ],
)
def test_elliptical_conjunct_takes_its_own_place(text: str, items: dict[float, str]) -> None:
    assert {c.value: c.item for c in _claims(text)} == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # a count taken from a named group counts that group
        ("Four of the workers are in the lower shaft, Lopez said.", {4.0: "workers"}),
        ("Two of the workers died, Lopez said.", {2.0: "workers died"}),
        ("Three of the injured are in a critical condition, the hospital said.", {3.0: "injured"}),
        # "others" are another group: their item is not lent to the figure before
        (
            "The mayor said the dead included children; nine were from one village, and three others from"
            " another.",
            {9.0: None, 3.0: "others from another"},
        ),
    ],
)
def test_items_of_partitive_counts(text: str, items: dict[float, str | None]) -> None:
    assert {c.value: c.item for c in _claims(text)} == items
