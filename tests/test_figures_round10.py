"""Round 10 of extraction quality: partitive and lone number words, "N each", value forms."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.extract.numbers import find_figures
from analyzer.models import Claim, Document

MONDAY = date(2025, 3, 3)


def _claims(text: str, url: str | None = None) -> list[Claim]:
    return list(extract_document(Document("t", text, url=url, published=MONDAY)).claims)


def _values(text: str) -> list[float]:
    return [f.value for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partitive count as the object of a verb of harm or capture
        ("Troops arrested four of the attackers near the border.", [4.0]),
        ("The army said it killed three of the gunmen on Friday.", [3.0]),
        ("Police captured two of their kidnappers.", [2.0]),
        # a partitive subject of people then a participle
        ("Four of the attackers were killed in the gunfight.", [4.0]),
        ("Two of the insurgents were arrested later.", [2.0]),
        # "of these" + a counted noun
        ("Only five of these deaths were confirmed by the agency.", [5.0]),
        # a lone number word as the object of a harm verb
        ("The gunmen killed nine people and wounded one.", [9.0, 1.0]),
        ("They killed two and wounded one, police said.", [2.0, 1.0]),
        ("The storm killed two on Monday.", [2.0]),
        # a sentence-initial "One" with a state of harm
        ("One was reported dead in the town.", [1.0]),
        ("Rescuers reached the village. One was confirmed killed.", [1.0]),
        ("One died on the way to hospital.", [1.0]),
        # "with one each": a count per member
        ("Most deaths were in the north, with Kano and Jos recording one each.", [1.0]),
        ("The coast had 20 cases while Kano and Jos had two each.", [20.0, 2.0]),
    ],
)
def test_partitive_and_lone_number_words(text: str, expected: list[float]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a description, a narrative actor, a time, a fixed phrase
        "Two of the attackers were foreigners.",
        "One of the men called the police.",
        "One is too many.",
        "One was a teacher from the town.",
        "They met one each year.",
        "No one was hurt in the blast.",
        "He met two of the organisers at the hotel.",
    ],
)
def test_no_lone_number_figure(text: str) -> None:
    assert _values(text) == []


def test_partitive_claim_keeps_speaker() -> None:
    (claim,) = _claims("Soldiers arrested four of the attackers after the raid, the commander said.")
    assert (claim.value, claim.speaker) == (4.0, "the commander")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The toll crept closer to the 4 000 mark.", "about"),
        ("Deaths are nearer to the 900 mark now.", "about"),
        ("The toll is close to the 300 mark.", "nearly"),
        ("Deaths neared the 1,000 mark on Friday.", "nearly"),
        ("Cases are nearing the 50,000 milestone.", "nearly"),
        # near misses: no "near", or no mark after the number
        ("The toll moved to the 300 mark.", None),
        ("The boat came close to the 300 people waiting.", None),
    ],
)
def test_near_a_mark(text: str, qualifier: str | None) -> None:
    assert [f.qualifier for f in find_figures(text)] == [qualifier]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Officials expect 4 000 to 4 ,500 cases a week, the agency said.", [4500.0]),
        ("In all, 12 ,400 people fled, officials said.", [12400.0]),
        # near misses: a space on both sides, or not three digits after the comma
        ("The counts were 12 , 400 people, officials said.", [12.0, 400.0]),
    ],
)
def test_stray_space_before_thousands_comma(text: str, values: list[float]) -> None:
    assert [c.value for c in _claims(text)] == values


@pytest.mark.parametrize(
    "text", ["Officials counted 12 ,40 people.", "Since 2024 ,500 people fled, officials said."]
)
def test_no_stray_comma_join(text: str) -> None:
    assert not {1240.0, 12040.0, 2024500.0, 24500.0} & {c.value for c in _claims(text)}


@pytest.mark.parametrize(
    ("text", "asserted_on"),
    [
        # a date in a clause about the event, or ending a span, never dates the statement
        (
            "Police spokesman Ade Bello confirmed the raid, saying it happened around 1am on Saturday. "
            "He said the gunmen killed six people.",
            None,
        ),
        (
            "The mayor confirmed the fire, adding that it broke out on Saturday. She said 12 homes burned.",
            None,
        ),
        ("Ruiz said the outbreak had killed 59 people from November up until last Saturday (March 1).", None),
        ("The agency said 40 people had died since Saturday.", None),
        # near misses: the date follows the reporting verb
        ("The minister said on Saturday that 40 people had died.", date(2025, 3, 1)),
        ("The minister said on Saturday the gunmen killed 40 people.", date(2025, 3, 1)),
    ],
)
def test_event_date_is_not_the_statement_date(text: str, asserted_on: date | None) -> None:
    assert [c.asserted_on for c in _claims(text)][-1] == asserted_on


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # comma conjuncts of a gapped list repeat the first figure's frame
        ("Floods killed 26 people in the north, five in Punjab, seven in Sindh and two in the capital.",
         [26.0, 5.0, 7.0, 2.0]),
        ("The agency recorded 54 deaths in the east, 44 in Sindh, eight in the hills, and two in the capital.",
         [54.0, 44.0, 8.0, 2.0]),
        ("Officials sent 30 patients to the clinic, four to the city hospital.", [30.0, 4.0]),
        # near misses: no figure before, or another preposition
        ("He lived in Paris, three in Rome.", []),
        ("They spent 12 days in the city, three with friends.", [12.0]),
    ],
)  # fmt: skip
def test_gapped_comma_conjuncts(text: str, expected: list[float]) -> None:
    assert _values(text) == expected
