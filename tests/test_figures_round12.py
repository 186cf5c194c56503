"""Round 12 of figure extraction: counts by origin ("four each from A and B"), tallies by place in brackets
("deaths in Kerala (10), Assam (8)"), the news agency a speaker told by its bare acronym ("told NAN") or a
statement was made available to, and a figure of the sentence before disputed ("The army disputed that toll")."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.attribution import find_attributions
from analyzer.extract.dates import find_dates
from analyzer.extract.discourse import Discourse
from analyzer.extract.document import document_credits, extract_document
from analyzer.extract.statement_dates import dated
from analyzer.models import Document
from tests.factories import claim_dates


def _claims(text: str) -> list[tuple[str | None, float, str, tuple[str, ...]]]:
    doc = Document("d", text, published=date(2024, 5, 31))
    return [(c.speaker, c.value, c.stance, c.via) for c in extract_document(doc).claims]


def _values(text: str) -> list[float]:
    return [v for _, v, _, _ in _claims(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "The 20 victims include six from Peru, three each from Chile and Cuba, and one each from Spain and Italy, "
            "officials said.",
            [20, 6, 3, 1],
        ),
        (
            "Of these, 40 were in Town A, two each in the towns of B and C and one in D, the council said.",
            [40, 2],
        ),
        ("The dead included four from Ghana and two each from Mali and Niger, the ministry said.", [4, 2]),
        ("The 12 survivors include five from Lagos, police said.", [12, 5]),
        # near-misses: no list of origins
        ("The plan includes two from the reserve fund, officials said.", []),
        ("They gave five each in cash, officials said.", []),
        ("Each of them paid two each week, officials said.", []),
    ],
)
def test_counts_by_origin(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "According to officials, heat deaths were reported from Kerala (10), Assam (8), Goa (4) and "
            "Tamil Nadu (1) on Friday.",
            [10, 8, 4, 1],
        ),
        (
            "Data from the ministry showed most deaths took place in Kerala (14) followed by Assam with 11.",
            [14, 11],
        ),
        ("Officials said cases rose across Ohio (12), Iowa (9) and Utah (3).", [12, 9, 3]),
        # near-misses: ages in brackets after people's names
        ("The victims were named as Ann Lee (34) and Bo Kim (29), police said.", []),
        ("Police said a man from Leeds, John Smith (45), was held.", []),
        ("Police said the driver, Tom Reed (52), and a passenger from Hull (40) were held.", []),
    ],
)
def test_tallies_by_place_in_brackets(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("Ten people died, the police chief told NAN on Sunday.", ("NAN",)),
        ("Ten people died, the police chief told PTI.", ("PTI",)),
        ("The governor told NAN that 12 people died.", ("NAN",)),
        ("Ten people died, the mayor told APP, adding that more were missing.", ("APP",)),
        (
            "The agency said 13 people were rescued, in a statement made available to the News Agency of Nigeria "
            "(NAN) in Lagos.",
            ("NAN",),
        ),
        ("The agency said 13 people were rescued, in a statement sent to Reuters.", ("Reuters",)),
        ('"We have 15 cases," the minister said in a video message sent to AFP.', ("AFP",)),
        # an outlet described but not named is no origin one can follow (as round 8)
        (
            "A teacher, Sani Bello, told the regional broadcaster in Kano State that 187 pupils were missing.",
            (),
        ),
        ("Ten people died, the mayor told the council in Kano.", ()),
        ("Ten people died, the mayor told the broadcaster of the bad news.", ()),
        # near-misses: bodies and groups one tells things to
        ("Ten people died, the minister told MPs.", ()),
        ("Ten people died, the minister told the UN.", ()),
        ("Ten people died, the envoy told UN on Sunday.", ()),
        ("Ten people died, the doctor told MSF. MSF said it was alarmed.", ()),
        ("Ten people died, the doctor told NATO allies on Sunday.", ()),
        ("The agency said 13 people were rescued, in a statement sent to the Ministry of Health.", ()),
    ],
)
def test_told_an_agency_by_its_acronym(text: str, via: tuple[str, ...]) -> None:
    claims = _claims(text)
    assert claims
    assert claims[0][3] == via


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels said 40 soldiers died. The army disputed that toll.", [("The army", 40.0, "denies")]),
        (
            "Rebels said 40 soldiers died. The army rejected the figure as exaggerated.",
            [("The army", 40.0, "denies")],
        ),
        (
            "The union said 300 jobs would go. The company denied that number.",
            [("The company", 300.0, "denies")],
        ),
        (
            "Activists said 12 people were held. The police rejected this figure.",
            [("The police", 12.0, "denies")],
        ),
        # near-misses: no figure named, a reason given, several figures, a pronoun, the same speaker
        ("Rebels said 40 soldiers died. The army disputed the claims of the rebels.", []),
        ("Rebels said 40 soldiers died. The army disputed that figure, saying many had deserted.", []),
        ("Rebels said 40 soldiers died and 12 were hurt. The army disputed that toll.", []),
        ("Rebels said 40 soldiers died. He denied that claim.", []),
        ("Rebels said 40 soldiers died. The army denied the attack took place.", []),
        ("Rebels said 40 soldiers died. The rebels later disputed that toll.", []),
        # whose figure it was, named: not necessarily the one of the sentence before
        (
            "Police said 40 people died. Police also said 23 were held. The mayor disputed the police figure.",
            [],
        ),
        ("Rebels said 40 soldiers died. The army disputed the death toll.", [("The army", 40.0, "denies")]),
    ],
)
def test_disputed_figure_of_the_sentence_before(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(s, v, st) for s, v, st, _ in _claims(text) if st == "denies"] == expected


def _dates(text: str) -> list[tuple[str | None, float, str | None]]:
    return claim_dates(text, published=date(2024, 5, 31))  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Ten soldiers died," said the statement, released Thursday evening.', "2024-05-30"),
        ('"Six people died," said the communique, issued on Wednesday.', "2024-05-29"),
        ('"Six people died," said the report, published Tuesday.', "2024-05-28"),
        # near-misses: the date of what the statement tells, or a date after another aside
        ('"Ten soldiers died," said the statement, released after the raid on Thursday.', None),
        ('"Ten soldiers died," said the statement, which described the raid on Thursday.', None),
    ],
)
def test_statement_released_on_a_day(text: str, expected: str | None) -> None:
    att = next(a for a in find_attributions(text) if a.kind == "inverted")
    when, _ = dated(text, att, find_dates(text, date(2024, 5, 31)), Discourse(text=text))
    assert (str(when) if when else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister Jane Mwangi gave an update.\n\nOn Thursday, Mwangi addressed the press in Nakuru, where 129 "
            'bodies lay.\n\n"We have recovered 241 bodies," said Mwangi.',
            [(None, 129.0, None), ("Minister Jane Mwangi", 241.0, "2024-05-30")],
        ),
        (
            'On Wednesday, Okafor briefed reporters in Abuja.\n\n"We found 41 bodies," Okafor said.',
            [("Okafor", 41.0, "2024-05-29")],
        ),
        (
            'On Tuesday, Lin held a news conference at the port. "Nine ships sank," Lin said.',
            [("Lin", 9.0, "2024-05-28")],
        ),
        # near-misses: another person's occasion, a future one, no occasion
        (
            'On Thursday, Mwangi addressed the press in Nakuru. "We found 41 bodies," said Otieno.',
            [("Otieno", 41.0, None)],
        ),
        (
            'On Monday, Mwangi will address the press in Nakuru. "We found 41 bodies," said Mwangi.',
            [("Mwangi", 41.0, None)],
        ),
        (
            'On Thursday, Mwangi visited the camp in Nakuru. "We found 41 bodies," said Mwangi.',
            [("Mwangi", 41.0, None)],
        ),
    ],
)
def test_occasion_opened_by_its_date(text: str, expected: list[tuple[str | None, float, str | None]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Amman, Sep. 10 (Petra) -- The toll rose to 2,000, officials said.", ("Petra",)),
        ("Rabat, March 3 (Mapa) — Rescuers said 40 died.", ("Mapa",)),
        ("UNHCR said 250,000 people would come. - BERNAMA-XINHUA", ("Bernama", "Xinhua")),
        ("Kyiv said 500 died.\n(dpa/NAN)\nRelated: more news", ("dpa", "NAN")),
        (
            "Quake toll reaches 8567\nBernama\nMay 17, 2015\nThe toll rose to 8,567, officials said.",
            ("Bernama",),
        ),
        # near-misses: a label in brackets, a photo credit, a place on the second line, a score
        ("London, May 3 (UPDATED) -- The toll rose.", ()),
        ("Officials said 5 died.\n(and/or)\n", ()),
        ("Officials said 5 died.\n(AFP/Getty)\n", ()),
        ("Quake toll reaches 8567\nKathmandu\nThe toll rose.", ()),
        ("The final score was 3-1. - UEFA said the match was fair.", ()),
    ],
)
def test_syndication_credits(text: str, credits: tuple[str, ...]) -> None:
    assert document_credits(text) == credits


def test_own_outlet_is_no_credit() -> None:
    doc = Document("d", "Seoul, Oct. 30 (Yonhap) -- Police said 154 people died.", outlet="Yonhap")
    assert [c.via for c in extract_document(doc).claims] == [()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A previous report on Thursday from security sources put the death toll at seven.", "2024-05-30"),
        ("A statement on Wednesday from the army put the toll at nine.", "2024-05-29"),
        ("An update Tuesday from the ministry put the count at 14.", "2024-05-28"),
        # near-misses: the date of an event, or of something else that came from somewhere
        ("An attack on Thursday from the north killed seven, police said.", None),
        ("Aid on Thursday from the ministry reached 12 villages, officials said.", None),
    ],
)
def test_report_on_a_day_from_a_speaker(text: str, expected: str | None) -> None:
    assert [d for _, _, d in _dates(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("A strike killed at least 10 people, including a family of four, medics said.", [10, 4]),
        ("A strike killed 10 people, among them a family of five, in Gaza City, medics said.", [10, 5]),
        ("The blast killed nine people, among the dead a family of three, police said.", [9, 3]),
        # near-miss: a household's size, no family among a count
        ("The house was home to a family of four, neighbours said.", []),
        ("The house, home to a family of five, was hit, medics said.", []),
    ],
)
def test_a_family_among_the_victims(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("More than 5,000 hectares (12,000 acres) burned, the minister said.", [5000]),
        ("Temperatures hit 49.5 degrees Celsius (121 Fahrenheit) on Monday, the centre said.", [49.5]),
        ("The fire covered 36,000 hectares (about 89,000 acres), officials said.", [36000]),
        ("The lake rose 3 metres (10 feet), officials said.", [3]),
        ("Refugees arrived between June 15 and 18 in the town, she said.", []),
        ("Police said the curfew ran from March 10 to 12, and 40 people were held.", [40]),
        # near-misses: a bracket that is no conversion, a count after a date
        ("The quake destroyed 40 homes (12 in the town), officials said.", [40, 12]),
        ("The storm hit 40 farms (about 300 acres), officials said.", [40, 300]),
        ("Police said 40 people were hurt on June 15 and 18 more on June 16.", [40, 18]),
    ],
)
def test_conversions_and_date_days_count_nothing(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 12 people died between May 3 and 5.", None),
        ("Police said 12 people died between Monday and Wednesday.", None),
        ("Police said on Thursday that 12 people died between May 3 and 5.", "2024-05-30"),
    ],
)
def test_a_span_between_two_dates_is_no_statement_date(text: str, expected: str | None) -> None:
    assert [d for _, _, d in _dates(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Among those killed were one middle schooler and five high school students, the ministry said.",
            [1, 5],
        ),
        ("The dead include one police officer and 12 civilians, officials said.", [1, 12]),
        ("The injured were one foreign journalist and two medics, officials said.", [1, 2]),
        # near-misses: "one" in a phrase, no person counted beside another count
        ("The victims were one by one and two by two, officials said.", []),
        ("They were one step and two steps ahead, officials said.", [2]),
        ("The answers were one number and two letters, officials said.", [2]),
    ],
)
def test_one_person_listed_beside_another_count(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "The ABC leads with 120 seats, followed by XYZ 98, independents 21, LMN seven, QRS 6, officials said.",
            [120, 98, 21, 7, 6],
        ),
        (
            "The ABC leads with 74 seats, XYZ 22, Grand Alliance eleven, and two each by independents and GHI, "
            "officials said.",
            [74, 22, 11, 2],
        ),
        # near-misses: a label a number word ends, no tally of counts before
        ("Flights from Gate 12, Terminal Two, were cancelled, officials said.", []),
        ("Officials said Smith, Jones and Khan three, were held.", []),
    ],
)
def test_number_words_in_a_tally_by_name(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said this takes the number of dengue cases this year to 20,878.", [(20878.0, "cases")]),
        (
            "Officials said it brought the number of arrests so far this year to 310.",
            [(310.0, "number of arrests")],
        ),
        ("Officials said the tally of fires last month to 45 was a record.", [(45.0, "tally of fires")]),
        # near-miss: a time the figure is reached at, no item and no count
        ("Officials said the season ended this year at 12.", []),
    ],
)
def test_the_time_a_count_covers_is_no_item(text: str, expected: list[tuple[float, str]]) -> None:
    doc = Document("d", text, published=date(2024, 5, 31))
    assert [(c.value, c.item) for c in extract_document(doc).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Six more people died from the disease until 8 am on Sunday, according to the directorate.",
            "2024-05-26",
        ),
        ("The ministry said 14 new cases were recorded until 8:00 a.m. on Thursday.", "2024-05-30"),
        # near-misses: no count cut off, no clock time
        ("The road stayed closed until 6 am on Sunday, police said, after 12 cars crashed.", None),
        ("Officials said 40 people died up until last Saturday.", None),
    ],
)
def test_a_count_cut_off_at_a_clock_time_dates_its_bulletin(text: str, expected: str | None) -> None:
    assert [d for _, _, d in _dates(text)] == [expected]
