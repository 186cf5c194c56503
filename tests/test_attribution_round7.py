"""Round 7 of attribution rules: places that hold a figure, statements carried on, rarer cues, speakers from
another clause. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.attribution import find_attributions
from analyzer.extract.document import extract_document
from analyzer.models import Claim, Document

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, outlet: str | None = None, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    doc = Document("t", text, outlet=outlet, published=published)
    return {c.value: c for c in extract_document(doc).claims if c.value is not None}


@pytest.mark.parametrize(
    "sentence",
    [
        "Osterby recorded the highest turnout at 71.2 per cent, followed by Marsh Vale at 66.40 per cent.",
        "Lower Brenn recorded 51.3 per cent and Kelm 49.9 per cent.",
        "Lower Brenn also confirmed more cases, a total of 4, Kelm 7 and Tarn has 9.",
        "Upper Soll reported 8 cases, Kelm 3.",
        "Norland has 6 confirmed cases while Vesta has 12.",
        "Arden has 11 cases, Upper Soll and Dunmere have reported 5 cases.",
        "Fenwick, Arden and Soll have confirmed 3 cases each.",
        "Tarn Valley registered the lowest turnout, 41.7 per cent.",
    ],
)
def test_a_place_holds_a_figure_and_does_not_assert_it(sentence: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Kelm Health Board recorded 40 cases on Monday.", "The Kelm Health Board"),
        ("Ana Ruiz confirmed 3 deaths.", "Ana Ruiz"),
        ("Ana Ruiz confirmed the highest toll yet, 40 dead.", "Ana Ruiz"),
        # a single place's own count, with no ranking or list, keeps the convention of earlier rounds
        ("Tarn Valley registered 812 new cases in March.", "Tarn Valley"),
        ("Nine sailors were hurt, Radio Vesta reported.", "Radio Vesta"),
        ("Regional police have confirmed 14 arrests.", "Regional police"),
        ("The ministry and the coastguard have confirmed 9 deaths.", "the coastguard"),
    ],
)
def test_bodies_and_people_still_assert(sentence: str, speaker: str) -> None:
    assert speaker in [a.mention for a in find_attributions(sentence)]


@pytest.mark.parametrize(
    ("text", "value", "speaker", "via"),
    [
        ("Floods destroyed 300 homes, police said, Radio Vesta reported.", 300, "police", ("Radio Vesta",)),
        (
            "Police said they found two more bodies, raising the toll to 61, Kelm Radio reported on Monday.",
            61,
            "Police",
            ("Kelm Radio",),
        ),
        (
            "Quoting the mayor, Tom Reyes, Channel Nine reported that 56 people were missing.",
            56,
            "Tom Reyes",
            ("Channel Nine",),
        ),
        (
            "Quoting Tom Reyes, deputy head of the fire service, Channel Nine reported that he counted 56 deaths.",
            56,
            "Tom Reyes",
            ("Channel Nine",),
        ),
        # a body that reports after another source is a second source, no carrier
        ("Police said 3 died, the ministry reported.", 3, "Police", ()),
    ],
)
def test_a_closing_reporter_carries_the_source(
    text: str, value: float, speaker: str, via: tuple[str, ...]
) -> None:
    claim = _claims(text)[value]
    assert (claim.speaker, claim.via) == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Deputy Director of the Kelm Water Board, on Friday, at a press conference said there are 71 dry wells.",
            "The Deputy Director of the Kelm Water Board",
        ),
        ("The board at a news conference on Monday said 71 wells were dry.", "The board"),
        ("Ana Ruiz, at a briefing, said 71 wells were dry.", "Ana Ruiz"),
        ("The mayor during a council meeting said 71 wells were dry.", "The mayor"),
    ],
)
def test_an_occasion_before_the_verb_is_no_subject(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("modifier", "speaker"),
    [
        ("the U.S.-led regional coalition", "Lt. Col. Tom Harlan"),
        ("the U.K.-led naval force", "Lt. Col. Tom Harlan"),
        ("the regional coalition", "Lt. Col. Tom Harlan"),
    ],
)
def test_he_is_the_appositive_name_after_a_hyphenated_body(modifier: str, speaker: str) -> None:
    text = (
        'Ana Ruiz said the flood hit the east. "Nine boats sank," Ruiz said.\n\n'
        f"A spokesman for {modifier}, Lt. Col. Tom Harlan, said he could confirm a strike in the hills.\n\n"
        '"Six attackers died," he said.'
    )
    assert _claims(text)[6].speaker == speaker


def test_a_hyphenated_body_speaks_with_its_modifiers() -> None:
    assert [a.mention for a in find_attributions("The U.S.-led regional coalition said 12 died.")] == [
        "The U.S.-led regional coalition"
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "While organisers claimed that 40,000 tenants marched, the Kelm housing ministry contradicted that "
            "estimate, saying the turnout was 9,000.",
            "the Kelm housing ministry",
        ),
        ("Although the union said 500 joined, the firm disputed it, saying 120 had.", "the firm"),
        # no subordinate opening: the participle shares the main clause's speaker
        ("The union said 500 joined, adding that 120 more came later.", "The union"),
    ],
)
def test_a_participle_takes_the_main_clause_subject(sentence: str, speaker: str) -> None:
    participles = [a.mention for a in find_attributions(sentence) if a.kind == "participle"]
    assert participles == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "At least 88 homes were damaged, showed the data available on the official website of the Kelm Water Board.",
            ["the Kelm Water Board"],
        ),
        ("At least 88 homes were damaged, showed data from the Kelm Water Board.", ["the Kelm Water Board"]),
        (
            "At least 88 homes were damaged, showed the data of the Kelm Water Board.",
            ["the Kelm Water Board"],
        ),
        # no owner named: nobody speaks
        ("At least 88 homes were damaged, showed the data.", []),
        ("At least 88 homes were damaged, showed the data on the website.", []),
    ],
)
def test_shown_by_the_owner_of_the_data(sentence: str, speakers: list[str]) -> None:
    assert [a.mention for a in find_attributions(sentence)] == speakers


@pytest.mark.parametrize(
    ("first", "later", "speaker"),
    [
        (
            "The Deputy Director of the Kelm Water Board said 71 wells are dry.",
            "said the board",
            "the Kelm Water Board",
        ),
        ("The Kelm Water Board said 71 wells are dry.", "said the board", "The Kelm Water Board"),
        (
            "The head of the Kelm Water Board said 71 wells are dry.",
            "said the board",
            "the Kelm Water Board",
        ),
    ],
)
def test_a_bodys_description_after_its_officer(first: str, later: str, speaker: str) -> None:
    claim = _claims(f"{first}\n\nNine villages have no water, {later}.")[9]
    assert claim.speaker == speaker
