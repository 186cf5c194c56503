"""Round 13 of attribution rules: a "While ..." contrast carries a statement on only as a fragment with no
main clause; a name before "figures show"; "was quoted as saying"; "X's statement said". Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.models import Claim
from tests.factories import claims_by_value

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    return claims_by_value(text, published=published)


def _speaker(text: str, value: float) -> str | None:
    return _claims(text)[value].speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a contrast broken off the statement before, in its paragraph: a fragment, "followed by", an -ing form
        ("Police said 40 people were held on Monday. While another 25 were questioned.", 25, "Police"),
        ("The agency said 300 homes were lost. Whereas 120 were only damaged.", 120, "The agency"),
        (
            "The ministry said 61 people died in the east. While 14 died in the west, followed by 9 in the north.",
            14,
            "The ministry",
        ),
        (
            "Officials said 210 families were moved on Sunday. While 90 more left on Monday, bringing the total "
            "to 300.",
            90,
            "Officials",
        ),
        # near-misses: the writer's own narration, a clause with its own subject after the comma
        ("Police said 40 people were held on Monday. While 85 families left, most stayed.", 85, None),
        (
            "Police said 40 people were held on Monday. While the storm killed 12 people in the north, the south "
            "was spared.",
            12,
            None,
        ),
        # near-miss: a clause of its own after a paragraph break is no continuation either
        (
            "Police said 40 people were held on Monday.\n\nWhile the storm killed 12 people in the north, the "
            "south was spared.",
            12,
            None,
        ),
        # a sentence with no main clause cannot stand alone: it goes on past a paragraph break
        (
            "Officials said 61 people died in the east.\n\nWhile 14 died in the west, followed by 9 in the north.",
            14,
            "Officials",
        ),
        ("Police said 40 people were held on Monday.\n\nWhile another 25 were questioned.", 25, "Police"),
        (
            "Police said 40 people were held on Monday.\n\nWhile another 1,025 were questioned.",
            1025,
            "Police",
        ),
        (
            "The commission said turnout was 51 per cent.\n\nWhile turnout of 55 per cent was recorded in the "
            "North followed by East 48, West 45 and South 44 per cent.",
            48,
            "The commission",
        ),
        # near-misses: no statement right before
        ("Police said 40 were held. The roads were shut. While 85 families left, most stayed.", 85, None),
        ("The storm hit on Monday. While another 25 were questioned.", 25, None),
    ],
)
def test_while_contrast_carries_only_a_fragment(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a body's name modifying the data noun is the source of what the data show
        (
            "The new arrivals come as the latest Home Office figures show 210 people crossed.",
            210,
            "Home Office",
        ),
        ("Met Office data showed that 41 weather stations broke records.", 41, "Met Office"),
        ("Department for Education statistics suggest 3,000 schools shut.", 3000, "Department for Education"),
        # "New" before a capital may open the name ("New York ..."): it stays (review fix, round 13)
        ("New Water Board data show 44 wells failed last summer.", 44, "New Water Board"),
        # near-misses: adjectives, dates and places name no one
        ("Official figures show 30 people died in the floods.", 30, None),
        ("January figures showed 37 people died in the floods.", 37, None),
        ("New figures show 52 people died in the floods.", 52, None),
    ],
)
def test_name_before_data_noun(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a speaker the media quote "as saying"
        (
            "Around 60 bodies have been recovered, council chairman Ali Musa was quoted as saying by local media.",
            60,
            "council chairman Ali Musa",  # as with "said"
        ),
        ("At least 14 people were arrested, the mayor was quoted as saying.", 14, "the mayor"),
        ("Police were quoted as saying that 23 people were held.", 23, "Police"),
        # the medium that quotes is no speaker
        ("The governor was quoted by a radio station as saying that 12 people died.", 12, "The governor"),
        # near-misses: a document is no speaker; a plain passive "quoted by" keeps its source
        ("The old report was quoted as saying 19 people died.", 19, None),
        ("The figures quoted by the ministry put the toll at 31.", 31, "the ministry"),
    ],
)
def test_quoted_as_saying(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # the owner of a statement or report speaks through it
        ("Mr Obi's statement said 150 people had been rescued alive.", 150, "Mr Obi"),
        ("The ministry's latest report showed 43 new cases.", 43, "The ministry"),
        ("The Red Cross's statement said 26 volunteers were hurt.", 26, "The Red Cross"),
        # near-misses: a day or a storm owns no statement
        ("Monday's report said 150 people were rescued.", 150, None),
        ("The storm's report said 150 people were rescued.", 150, None),
    ],
)
def test_owner_of_a_statement(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


# Review fixes (round 13)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a relative clause before "was quoted as saying" is no speaker
        ("A report in which the governor was quoted as saying 40 people died was withdrawn.", 40, None),
        ("A letter that the mayor was quoted as saying 17 homes burned was never sent.", 17, None),
        # a denial: the governor did not say it
        ("The governor was wrongly quoted as saying 40 people died.", 40, None),
        ("The minister was falsely quoted as saying 22 schools would close.", 22, None),
        # near-misses that keep their speaker
        ("The governor was widely quoted as saying 40 people died.", 40, "The governor"),
        ("At least 14 people were arrested, the mayor was quoted as saying.", 14, "the mayor"),
        ("Some 60 bodies were found, chairman Tom Reyes was quoted as saying.", 60, "chairman Tom Reyes"),
    ],
)
def test_quoted_as_saying_review(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "New" before a capitalised word opens the name
        ("New York Police Department figures show 210 arrests.", 210, "New York Police Department"),
        (
            "New Delhi Municipal Corporation data show 75 buildings collapsed.",
            75,
            "New Delhi Municipal Corporation",
        ),
        # near-misses: "New" before the data noun is an adjective; other adjectives still drop
        ("New figures show 58 people died in the floods.", 58, None),
        ("Latest Home Office figures show 310 people crossed.", 310, "Home Office"),
    ],
)
def test_new_opens_a_name(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a "While" breakdown whose second clause opens on a figure goes on with the statement before
        ("Police said 30 died. While 12 were in the north, 18 were in the south.", 12, "Police"),
        ("Police said 30 died. While 12 were in the north, 18 were in the south.", 18, "Police"),
        (
            "The agency said 90 homes burned. While 50 were in the valley, forty were on the hills.",
            50,
            "The agency",
        ),
        # near-misses: a clause with its own subject after the comma is the writer's narration
        (
            "Police said 30 died. While the storm killed 12 people in the north, the south was spared.",
            12,
            None,
        ),
        ("Police said 30 died. While 40 families left, most stayed.", 40, None),
    ],
)
def test_while_breakdown(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker
