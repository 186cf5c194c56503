"""Round 6 of extraction quality: figures, dates, items, lists and via (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import document_credits, extract_document
from analyzer.extract.figure_filters import is_conversion, is_label, is_position
from analyzer.extract.numbers import find_figures
from analyzer.models import Claim, Document

MONDAY = date(2025, 3, 3)


def _claims(text: str, published: date | None = MONDAY) -> list[Claim]:
    return list(extract_document(Document("t", text, published=published)).claims)


def _by_value(claims: list[Claim]) -> dict[float, Claim]:
    return {c.value: c for c in claims}


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # "up to" after a verb of change means "to": no ceiling
        ("The jobless rate shot up to 7.6 percent in May.", 7.6, None),
        ("Prices jumped up to 12% last month.", 12, None),
        ("Officials revised the death toll up to 90 on Friday.", 90, None),
        ("The agency raised its count of the missing up to 44.", 44, None),
        ("Up to 900 homes were flooded.", 900, "up to"),
        ("Rescuers said up to 40 people may be trapped.", 40, "up to"),
        # "took over N" is "more than N"; "handed over N" stays a particle
        ("Her team took over 2,000 calls on Sunday.", 2000, "more than"),
        ("The rebels handed over 300 rifles.", 300, None),
        # "as high as N" is a ceiling
        ("The toll could be as high as 60, aid groups said.", 60, "up to"),
    ],
)
def test_qualifiers_from_verbs(text: str, value: float, qualifier: str | None) -> None:
    figs = [f for f in find_figures(text) if f.value == value]
    assert figs and figs[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("About KSh 85 million, which is already budgeted.", 85_000_000, "KES"),
        ("The county will lose KSh 2.4 billion a year.", 2_400_000_000, "KES"),
        ("Each family gets ₦5m from the state.", 5_000_000, "NGN"),
        ("Marchers Say 350K Turned Out", 350_000, None),
        ("Firm Loses $3bn In A Day", 3_000_000_000, "USD"),
        ("The fine was GH₵ 2 million.", 2_000_000, "GHS"),
    ],
)
def test_money_and_headline_numbers(text: str, value: float, unit: str | None) -> None:
    figs = find_figures(text)
    assert [(f.value, f.unit) for f in figs] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A magnitude 6.1 quake killed 12 people.", [12.0]),
        ("The 5.8-magnitude tremor injured 30.", [30.0]),
        ("Aftershocks ranging in magnitude from 3.2 to 4.4 rattled 14 towns.", [14.0]),
        ("The quake measured 6.0 on the Richter scale and killed 8.", [8.0]),
        ("The airline grounded its Boeing 737-800 fleet of 24 jets.", [24.0]),
        ("The agency logged 40 cases in epidemiological week 28.", [40.0]),
        ("By week 12, 300 had been vaccinated.", [300.0]),
        # not labels: a count after "last week", a range of counts
        ("Last week 300 people marched.", [300.0]),
        ("Between 800-1000 people marched.", [1000.0]),
    ],
)
def test_labels_are_no_counts(text: str, kept: list[float]) -> None:
    assert [f.value for f in find_figures(text) if not is_label(text, f)] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The plane crashed in Varno, about 240 kilometers (150 miles) south of the capital, killing 40.",
            [40.0],
        ),
        ("A farmer in Lisk, less than 20 km (12 miles) northwest of Avel, lost 30 sheep.", [30.0]),
        ("The flood covered 40 miles of coast.", [40.0]),
        # a length and its conversion, then "from", "off", "outside", "of" a place (no compass point)
        ("The ferry sank about 90 kilometers (56 miles) off the Varnian coast with 61 aboard.", [61.0]),
        ("Rebels hold a ridge some 12 km (7 miles) from Osk, where 300 troops dug in.", [300.0]),
        ("Smoke reached within 8 kilometres (5 miles) of Brill, and 70 homes were cleared.", [70.0]),
        ("A checkpoint 30 km away from the border turned back 45 lorries.", [45.0]),
        # a length that is no position stays: what a road, a queue or a coast measures
        ("The storm closed 40 km of motorway and 15 miles of coast.", [40.0, 15.0]),
    ],
)
def test_where_a_place_lies_is_no_count(text: str, kept: list[float]) -> None:
    # (the bracketed conversion of a length is dropped by is_conversion)
    figures = find_figures(text)
    assert [f.value for f in figures if not is_position(text, f) and not is_conversion(text, f)] == kept


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        (
            "Port workers said 300 ships were idle.\n\nab/cd (Reuters, AFP, dpa, AP)",
            ("Reuters", "AFP", "dpa", "AP"),
        ),
        ("Port workers said 300 ships were idle.\n\n(AFP, AP)", ("AFP", "AP")),
        ("Port workers said 300 ships were idle. IANS\n\nRead more", ("IANS",)),
        ("Port workers said 300 ships were idle.\n\n(Reporting by Ann Lee)", ()),
        ("Port workers said 300 ships were idle in the USA. NATO", ()),
    ],
)
def test_closing_agency_credits(text: str, credits: tuple[str, ...]) -> None:
    assert document_credits(text) == credits


@pytest.mark.parametrize(
    ("text", "value", "via"),
    [
        ('Ana Ruiz said 30 homes burned. "Four of our cousins were killed," she told AFP.', 4, ("AFP",)),
        ("Ana Ruiz told Reuters on Monday that 12 were hurt.", 12, ("Reuters",)),
        ("Ana Ruiz told The Associated Press that 12 were hurt.", 12, ("The Associated Press",)),
        ("Ana Ruiz told reporters that 12 were hurt.", 12, ()),
        ("Ana Ruiz told the mayor that 12 were hurt.", 12, ()),
    ],
)
def test_told_an_outlet_adds_it_to_via(text: str, value: float, via: tuple[str, ...]) -> None:
    assert _by_value(_claims(text))[value].via == via


@pytest.mark.parametrize(
    ("text", "value", "asserted_on"),
    [
        # a date inside the event's noun phrase is not the statement's
        (
            "The unions that organised Saturday's march said on Sunday that 150,000 people took part.",
            150000,
            date(2025, 3, 2),
        ),
        ("The unions that organised Saturday's march said 150,000 people took part.", 150000, None),
        ("Officials said the Sunday vote drew 60% of voters.", 60, None),
        ("Rescuers said the toll from a strong Feb. 22 quake had risen to 154.", 154, None),
        # but a statement's occasion dates it
        ("In Sunday's statement, the ministry said 40 died.", 40, date(2025, 3, 2)),
        ("Police on Sunday said 40 died.", 40, date(2025, 3, 2)),
    ],
)
def test_a_date_in_the_events_noun_phrase(text: str, value: float, asserted_on: date | None) -> None:
    assert _by_value(_claims(text))[value].asserted_on == asserted_on


@pytest.mark.parametrize(
    ("text", "value", "item"),
    [
        ("The jobless rate shot up to 7.6 percent, the bureau said.", 7.6, "rate"),
        ("Officials said the death toll went up to 90.", 90, "death toll"),
    ],
)
def test_items_after_a_change_with_up(text: str, value: float, item: str) -> None:
    assert _by_value(_claims(text))[value].item == item


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # every figure under one reporting verb, elliptical conjuncts included
        ("The Interior Ministry said 15 died in Varno state and four in Lisk.", {15.0, 4.0}),
        ("Ana Ruiz said eight were from one family, and four others from a second family.", {8.0, 4.0}),
        ("Rescuers said five people remain missing, while two may still be trapped.", {5.0, 2.0}),
        ("Police said 30 were arrested in the north and three at the border.", {30.0, 3.0}),
        # "one" after a preposition describes; a lone "one" + count noun still counts
        ("A police spokesman said one man was still missing.", {1.0}),
        ("Officials said the fire destroyed 12 homes in one village.", {12.0}),
        ("Officials said two of the dead were children.", {2.0}),
    ],
)
def test_every_figure_of_the_clause_has_the_speaker(text: str, values: set[float]) -> None:
    claims = _claims(text)
    assert {c.value for c in claims} == values
    assert all(c.speaker_mention for c in claims)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the items of a list announced by "X said:" are X's, with or without bullet marks
        (
            "Ana Ruiz, the agency's head, said on Sunday:\n\n- 40 schools are closed\n- 12 clinics lost power\n\n"
            "In all, 3 towns were cut off.",
            {40.0: "Ana Ruiz", 12.0: "Ana Ruiz", 3.0: None},
        ),
        (
            "The fire service said its assessments had found:\n\n52 homes destroyed, 17 damaged\n\n6 sheds destroyed"
            "\n\nAt the river fire, 40 crews were still at work.",
            {52.0: "The fire service", 17.0: "The fire service", 6.0: "The fire service", 40.0: None},
        ),
        # ... but a breakdown of its figures ("Of those, ...") goes on with the announcer
        (
            "The fire service said its assessments had found:\n\n52 homes destroyed, 17 damaged"
            "\n\nOf those, 40 were at the river fire.",
            {52.0: "The fire service", 17.0: "The fire service", 40.0: "Of those"},
        ),
        # a finding with no owner named gives the list no speaker; a list with no announcer has none
        ("The assessments have found:\n\n52 homes destroyed, 17 damaged", {52.0: None, 17.0: None}),
        ("Highlights:\n\n- 40 schools are closed", {40.0: None}),
        # an item with its own speaker keeps it
        ("Ana Ruiz said:\n\n- Police say 40 schools are closed", {40.0: "Police"}),
    ],
)
def test_list_items_take_the_announcers_speaker(text: str, speakers: dict[float, str | None]) -> None:
    assert {c.value: c.speaker_mention for c in _claims(text)} == speakers


@pytest.mark.parametrize(
    ("text", "value", "item"),
    [
        # "M of them V": the part's item is its own, not the whole's
        ("The board said out of 17,000 registered voters, 13,400 of them turned up.", 13400, "turned up"),
        (
            "The board said out of 17,000 registered voters, 13,400 of them turned up.",
            17000,
            "registered voters",
        ),
        # a time word is never the item
        ("Police said 300 marched Sunday evening.", 300, "marched"),
        ("Officials said 40 people were hurt overnight.", 40, "people hurt"),
    ],
)
def test_items_of_parts_and_times(text: str, value: float, item: str) -> None:
    assert _by_value(_claims(text))[value].item == item


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a place's population that places the story is background
        ("Floods hit Ostby, a town of about 8,000 people, and 14 died.", [14.0]),
        ("In this country of 12 million inhabitants, 300 cases were found.", [300.0]),
        ("Rain fell on Varno, a city of some 2.4 million residents; 9 were hurt.", [9.0]),
        # what a camp or a shelter holds, or a city of things, is counted
        ("The camp, home to 12,000 people, had 40 cases.", [12000.0, 40.0]),
        ("A tent city of 900 tents rose near the border.", [900.0]),
    ],
)
def test_a_places_population_is_background(text: str, kept: list[float]) -> None:
    assert [c.value for c in _claims(text)] == kept


def test_a_place_named_as_the_subject_keeps_its_figure() -> None:
    # "The city of 300,000 people" is what the sentence is about, not an apposition that places it
    assert [c.value for c in _claims("The city of 300,000 people lost 40 residents in the flood.")] == [
        300000.0,
        40.0,
    ]
