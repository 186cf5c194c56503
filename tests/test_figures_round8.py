"""Round 8 of extraction quality: currencies, several figures under one verb, tables, dates, via."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.extract.numbers import find_figures
from analyzer.models import Claim, Document

MONDAY = date(2025, 3, 3)


def _claims(text: str, published: date | None = MONDAY) -> list[Claim]:
    return list(extract_document(Document("t", text, published=published)).claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # currency letters joined to the digits (South Asian, Malaysian, Philippine, Kenyan, Nigerian papers)
        ("A junior clerk takes home Rs62,500 a month.", [(62500.0, "INR")]),
        ("The province set aside Rs12 billion for it.", [(12e9, "INR")]),
        ("The firm was fined RM300,000 on Monday.", [(300000.0, "MYR")]),
        ("Losses could reach RM85 million, analysts said.", [(85e6, "MYR")]),
        ("Each family got P15,000 in aid.", [(15000.0, "PHP")]),
        ("A ransom of P20 million was paid.", [(20e6, "PHP")]),
        ("The county lost Sh3.5 billion in revenue.", [(3.5e9, "KES")]),
        ("The state owes N7 billion to contractors.", [(7e9, "NGN")]),
        ("The subsidy cost Rp4bn last year.", [(4e9, "IDR")]),
        ("The utility wants R4.1bn from the Treasury.", [(4.1e9, "ZAR")]),
        ("A constable earns Rs.42,000 a month.", [(42000.0, "INR")]),
        ("The board approved Rs.5 crore for repairs.", [(5e7, "INR")]),
        ("The fund paid GH¢5 million to farmers.", [(5e6, "GHS")]),
        ("The council spent Tsh 3 million on it.", [(3e6, "TZS")]),
        # percent written "pc" or "percent" joined to the digits (UK and South Asian papers)
        ("Turnout rose to 64pc from 58pc.", [(64.0, "%"), (58.0, "%")]),
        ("Prices climbed 12percent in a year.", [(12.0, "%")]),
        ("Real pay has fallen 30 per cent.", [(30.0, "%")]),
    ],
)
def test_joined_currencies_and_percent(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # one letter before digits is a name unless an amount follows: masks, roads, rooms, cups, planes
        "Nurses wore N95 masks on the ward.",
        "Traffic backed up on the R2 near the bridge.",
        "The P2 cup match was moved to Sunday.",
        "He stayed in room R101 of the hotel.",
        "Its F16 and B52 jets flew over.",
        "The TRM5 module and the ARs7 chip were shown.",
        "Print it on A4 paper.",
        "Mrs.5 and Mr.5 are not amounts.",
    ],
)
def test_joined_letters_that_are_names(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "outlet", "speakers"),
    [
        # a statistics bulletin or situation report of a body that is no news outlet: its figures are its own
        (
            "Ministry of Water\nSituation Report No. 9\n\nWe recorded 31 new breaches this week.",
            "Ministry of Water",
            {31.0: "Ministry of Water"},
        ),
        (
            "Rail Regulator\nOfficial Statistics | Transport\nPassenger journeys: quarterly statistical bulletin"
            "\n\nThere were 412 million journeys in the quarter.",
            "Rail Regulator",
            {412e6: "Rail Regulator"},
        ),
        (
            "Fever Watch Agency\nWeekly Epidemiological Update\n\nConfirmed cases rose to 86 in the week.",
            "Fever Watch Agency",
            {86.0: "Fever Watch Agency"},
        ),
        # a news outlet's page never speaks for itself, whatever its heading
        (
            "Daily Herald\nSituation Report No. 9\n\nWe counted 31 new breaches this week.",
            "Daily Herald",
            {31.0: None},
        ),
        # the phrase inside a sentence is no heading
        (
            "Fever cases\n\nThe latest situation report released by the agency on Monday lists 86 cases.",
            "Fever Watch Agency",
            {86.0: "the agency"},
        ),
    ],
)
def test_bulletin_pages_speak_for_their_publisher(
    text: str, outlet: str, speakers: dict[float, str | None]
) -> None:
    claims = list(extract_document(Document("t", text, outlet=outlet, published=MONDAY)).claims)
    assert {c.value: c.speaker for c in claims if c.value in speakers} == speakers


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "Quarter 3" names a quarter, like "Week 12" or "Phase 2"
        ("We had 4 reports in Quarter 3 2025, up from 2 in Quarter 2.", [4.0, 2.0]),
        ("Sales in Quarter 4 were 19,000 units.", [19000.0]),
        # a quarter as a fraction still counts
        ("A quarter of 3,000 homes were hit.", [3000.0]),
    ],
)
def test_quarter_numbers_are_labels(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a second conjunct that leaves its verb out: the same preposition as the first figure's frame
        ("Police said 19 people were hurt, 15 in the north and four in the south.", [19.0, 15.0, 4.0]),
        ("Oil was found on six beaches in Kelaran and two in Johor, police said.", [6.0, 2.0]),
        ("Seven of the rescued sailors are from Tanjung and three from Merah, police said.", [7.0, 3.0]),
        ("Police said 40 people marched to the square and two to the park.", [40.0, 2.0]),
        # a partitive count and its whole, both in words
        ("The health officer said that two of the three were in stable condition.", [2.0, 3.0]),
        ("Police said two of the five had died.", [2.0, 5.0]),
        # a partitive count of a group whose plural has no final "s"
        ("Two of the men were taken to hospital, a navy medic said.", [2.0]),
        ("Three of the children were hurt, police said.", [3.0]),
        ("Police said two of the armed men were killed.", [2.0]),
        ("Nine of the freed men are from Pulo and two from Isidro, police said.", [9.0, 2.0]),
        # the old figure of a change, in words: "down from three", "to nine from five"
        ("The department said two passengers remain in hospital, down from three on Tuesday.", [2.0, 3.0]),
        ("The toll rose to nine from five, police said.", [9.0, 5.0]),
        # near misses: no number before the conjunct, or the whole names things
        ("Police walked in and two in uniform stayed outside.", []),
        ("The two were arrested, police said.", []),
        ("One of the women was hurt, police said.", []),
        ("Two of the men were firefighters, police said.", []),
        ("Police said two of the tired men were firefighters.", []),
    ],
)
def test_elliptical_and_partitive_counts(text: str, values: list[float]) -> None:
    assert sorted(c.value for c in _claims(text)) == sorted(values)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a figure given earlier, told right after it: that day, not the main verb's
        (
            "The agency said on Friday its figure was 4,300 barrels, up from the 4,000 it gave on Tuesday.",
            {4300.0: date(2025, 2, 28), 4000.0: date(2025, 2, 25)},
        ),
        (
            'The board said Friday that 90 homes were empty, up from the "about 60" they reported on Tuesday.',
            {90.0: date(2025, 2, 28), 60.0: date(2025, 2, 25)},
        ),
        # an earlier estimate in a relative aside, dated inside the aside
        (
            'Brenna Lines, which had put the number of sick guests at "fewer than 200" when the ship returned'
            " Sunday, said Friday that about 240 people had been affected.",
            {200.0: date(2025, 3, 2), 240.0: date(2025, 2, 28)},
        ),
        # near misses: the event's own day, or an aside without "had" + a giving verb
        ("Police said on Friday that 40 people were hurt on Tuesday.", {40.0: date(2025, 2, 28)}),
        (
            "Brenna Lines, which runs 12 ships from the port since Sunday, said Friday that 240 people fell ill.",
            {240.0: date(2025, 2, 28)},
        ),
    ],
)
def test_figures_given_on_an_earlier_day(text: str, dates: dict[float, date]) -> None:
    assert {c.value: c.asserted_on for c in _claims(text) if c.value in dates} == dates


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an actor of a narrated scene is no count; a victim is
        ("One man called his wife from under the rubble, the rescue chief said.", []),
        ("One woman told reporters she saw the roof fall, police said.", []),
        ("One man died and two were hurt, police said.", [1.0, 2.0]),
        ("One soldier was killed, the army said.", [1.0]),
        # a small number after a possessive names things, like "its two engines"
        ("In continuation of the agency's two press notes, the agency said turnout was 62%.", [62.0]),
        ("The company's two plants shut, and police said 40 people died.", [40.0]),
        # a contraction is no possessive
        ('"There\'s two people trapped," Fire Marshal Jim Morris said.', [2.0]),
        ("Police said that's two people dead.", [2.0]),
    ],
)
def test_actors_and_possessive_small_numbers(text: str, values: list[float]) -> None:
    assert sorted(c.value for c in _claims(text)) == sorted(values)


@pytest.mark.parametrize(
    ("text", "asserted"),
    [
        # a day that is the subject of its own clause does not date the statement
        ("Thursday night saw strong winds, and although it was hard, Waters said 90% was mapped.", None),
        ("Monday was the worst day, and police said 40 people died.", None),
        # an opening date of the statement still does
        ("On Thursday, Waters said 90% was mapped.", date(2025, 2, 27)),
        ("Thursday night, Waters said 90% was mapped.", date(2025, 2, 27)),
    ],
)
def test_a_day_as_subject_dates_no_statement(text: str, asserted: date | None) -> None:
    assert [c.asserted_on for c in _claims(text)] == [asserted]


@pytest.mark.parametrize(
    ("text", "via"),
    [
        # the outlet named after its kind: "told the official news agency, Xinhua", "told broadcaster CCTV"
        (
            '"We had no time," Li Wei, a student, told the official Chinese news agency, Xinhua, adding that'
            " he had helped pull at least 40 people out.",
            ("Xinhua",),
        ),
        ("Li Wei told state broadcaster CCTV that 40 people died.", ("CCTV",)),
        ("Li Wei told the news agency Kyodo on Monday that 40 people died.", ("Kyodo",)),
        # no outlet named, or a day after the kind
        ("Li Wei told the local newspaper that 40 people died.", ()),
        ("Li Wei told the newspaper Monday that 40 people died.", ()),
        ("Li Wei told a radio station in Manila that 40 people died.", ()),
        ("Li Wei told his family that 40 people died.", ()),
        # a closing line on the page's writers names the outlet that carries the page
        (
            "Police said 40 people died.\n\nAna Cruz and Li Wei are New York Times writers.",
            ("New York Times",),
        ),
        ("Police said 40 people died.\n\nAna Cruz is a Reuters correspondent in Manila.", ("Reuters",)),
        ("Police said 40 people died.\n\nAna Cruz and Li Wei are volunteer writers.", ()),
    ],
)
def test_via_outlets_named_by_kind_and_writers(text: str, via: tuple[str, ...]) -> None:
    assert [c.via for c in _claims(text)] == [via]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # an aside on the ages of a group just counted
        (
            "The department said 15 passengers were taken to hospital, and that three of them, all older than"
            " 70, remained there.",
            [15.0, 3.0],
        ),
        ("Police said 40 people, all over 18, were held.", [40.0]),
        ("Police said 40 people, all over 18 villages, fled.", [40.0, 18.0]),
        # "1,200m" with no currency is a length; with one, or small, it is millions
        ("The agency said 1,200m of booms were laid.", []),
        ("The agency said £1,200m was spent and 3m people fled.", [1.2e9, 3e6]),
    ],
)
def test_age_asides_and_metres(text: str, values: list[float]) -> None:
    assert sorted(c.value for c in _claims(text)) == sorted(values)
