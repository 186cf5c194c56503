"""Round 9 of attribution rules: police forces of other Englishes, statements carried on without a cue, single
forms of real pages. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.models import Claim, Document

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, outlet: str | None = None, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    doc = Document("t", text, outlet=outlet, published=published)
    return {c.value: c for c in extract_document(doc).claims if c.value is not None}


def _speaker(text: str, value: float) -> str | None:
    mention = _claims(text)[value].speaker
    return None if mention is None else mention


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        ("By noon, gardaí said 33 people had been detained in the city.", 33, "gardaí"),
        ("Gardaí said 12 people had been arrested after the match.", 12, "Gardaí"),
        ("In a statement, gardai confirmed 9 people had been charged.", 9, "gardai"),
        ("41 arrests had been made by 6pm, gardaí said.", 41, "gardaí"),
        ("The constabulary said 18 officers were hurt in the clashes.", 18, "The constabulary"),
        ("Park rangers said 6 hikers were rescued from the ridge.", 6, "Park rangers"),
        ("The gendarmerie said 27 vehicles were set alight overnight.", 27, "The gendarmerie"),
    ],
)
def test_police_forces_of_other_englishes_are_actors(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a presence or an operation is no speaker
        ("A Garda presence of 300 officers was seen near the square.", 300),
        ("Rangers fans travelled in 40 coaches to the final.", 40),
    ],
)
def test_police_force_words_that_do_not_speak(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        ("Police said 30 people were detained. Of those, 12 were charged with assault.", 12, "Police"),
        (
            "The ministry said 400 families fled.\n\nOf them, 150 found shelter in schools.",
            150,
            "The ministry",
        ),
        ("The board said 90 claims were filed. Of the 90 filed, 41 were paid in full.", 41, "The board"),
        (
            "Dr Lena Orr said 60 patients were admitted. During that period, 8 patients died.",
            8,
            "Dr Lena Orr",
        ),
        ("The agency said 70 homes were lost. Moreover, 25 bridges had been washed away.", 25, "The agency"),
        ("The agency said 70 homes were lost. In addition, 25 roads were closed.", 25, "The agency"),
        (
            "The council said 500 homes flooded, and 1,200 people were currently living in halls.",
            1200,
            "The council",
        ),
        (
            "The council said 500 homes flooded. About 1,200 people were currently living in halls.",
            1200,
            "The council",
        ),
    ],
)
def test_a_sentence_with_no_cue_goes_on_with_the_statement_before(
    text: str, value: float, speaker: str
) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # nobody spoke in the sentence right before
        ("Police said 30 people were detained. The march ended at dusk. Of those, 12 were charged.", 12),
        ("Thousands marched through the city. Of those, 12 were arrested.", 12),
        # "Of course" is no partitive; a backshift across a paragraph break is the writer's
        ("The agency said 70 homes were lost. Of course, 25 of them were empty.", 25),
        ("The council said 500 homes flooded.\n\nAbout 1,200 people were currently living in halls.", 1200),
        # "the provincial tally" is a running total, nobody's count
        ("The rains swept away 2,400 goats in the south, taking the provincial tally to 18,000.", 18000),
    ],
)
def test_no_statement_is_carried_on(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a section opens on the person the story has followed
        (
            "Minister Joe Kalla said 12 wards were closed. Two more opened later. Staff were moved.\n\n"
            "Northern outbreak\n\nHe said 40 cases were confirmed in the north.",
            40,
            "Minister Joe Kalla",
        ),
        # the one person the story has quoted, four sentences back
        (
            "Minister Joe Kalla said 12 wards were closed. Two more opened later. Staff were moved. "
            "The outbreak was contained.\n\nHe said 40 cases were confirmed in the north.",
            40,
            "Minister Joe Kalla",
        ),
    ],
)
def test_he_reaches_the_person_the_story_follows(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # two people quoted: "He" four sentences on is ambiguous
        "Minister Joe Kalla said 12 wards were closed. Dr Ana Mbeki said two more opened. Staff were moved. "
        "The outbreak was contained. Trains ran late.\n\nHe said 40 cases were confirmed in the north.",
        # a bare name may be a body: no reach past two sentences
        "Maritime Sea Rescue said 12 boats were out. Two more left later. Staff were moved. "
        "The storm eased.\n\nShe said 40 crew were safe.",
    ],
)
def test_he_does_not_reach_far_when_unsure(text: str) -> None:
    assert _speaker(text, 40) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "state" after a place's name is the region, not a verb
        (
            "Police said gunmen raided a village in Nigeria's Kano state, killing at least 14 people.",
            14,
            "Police",
        ),
        ("Officials said floods hit farms across Borno state, destroying 300 homes.", 300, "Officials"),
        # a place named as "the province of X" is read over to the body it locates
        (
            "The provincial health department in the northern province of Tarvo on Sunday announced 19 new cases.",
            19,
            "The provincial health department in the northern province of Tarvo",
        ),
        ("The police in the coastal district of Mora said 23 boats were lost.", 23, "The police"),
        # near-misses: a verb "states" after a body's name; a person before a place phrase; a place alone
        ("The Health Ministry states 40 people died in the outbreak.", 40, "The Health Ministry"),
        (
            "The governor of the province of Tarvo said 19 people died.",
            19,
            "The governor of the province of Tarvo",
        ),
        ("Police in the city said 8 people were hurt.", 8, "Police"),
        # "The update also said": the update of the source named before
        (
            "The Relief Agency said 300 homes were destroyed.\n\nThe update also said that 115 people were hurt.",
            115,
            "The Relief Agency",
        ),
    ],
)
def test_the_institution_not_the_place_speaks(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a long capitalised title with its portfolio and an acronym, then the name in commas
        (
            "Meanwhile, Kelmland's Prime Minister's Coordinator for Information on Coastal Tarn (CT) Affairs, "
            "Arif Wali Khan, noted that as many as 1,000 homes were lost.",
            1000,
            "Arif Wali Khan",
        ),
        (
            "The Deputy Secretary for Rural Water (RW) Services, Lena Obi Marsh, said 240 wells had failed.",
            240,
            "Lena Obi Marsh",
        ),
        # a role and the long name of its body after the name
        (
            "Tomas Brenner, disaster management delegate for the International Federation of Red Cross and Red "
            "Crescent Societies (IFRC), said on Friday that about 100 people died.",
            100,
            "Tomas Brenner",
        ),
        (
            "Ana Kovac, head of logistics at the Kelm Regional Emergency Response and Recovery Coordination "
            "Office, said 36 trucks were sent.",
            36,
            "Ana Kovac",
        ),
        # near-miss: a body's name before a comma-set name is no title
        (
            "The Ministry of Coastal Affairs, Tarn House, said 40 homes were lost.",
            40,
            "The Ministry of Coastal Affairs",
        ),
    ],
)
def test_a_long_title_or_role_beside_the_name(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "put ... in the N range": an estimate, like "put ... at N"
        ("Organisers put the crowd in the 50,000 range.", 50000, "Organisers"),
        ("The fire service put the damage in the $3 million region.", 3_000_000, "The fire service"),
        # "the (official) estimate / count from X was (that) N"
        (
            "But the official estimate from the Kelm Police Service (KPS) was that 120,000 were in attendance.",
            120000,
            "the Kelm Police Service",
        ),
        ("The latest count from the Harbour Board was 412 boats.", 412, "the Harbour Board"),
        (
            "The estimate from the Tarn Water Board is that 3,000 homes are at risk.",
            3000,
            "the Tarn Water Board",
        ),
    ],
)
def test_estimates_in_a_range_or_from_a_source(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Paramedics put the injured in the 3 ambulances that arrived.", 3),
        ("Figures from the Bank of Tarn were revised in March, showing 40 closures.", 40),
    ],
)
def test_no_estimate_without_a_figure_after_it(text: str, value: float) -> None:
    assert _speaker(text, value) is None
