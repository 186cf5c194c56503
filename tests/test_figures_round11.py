"""Round 11 of figure extraction: South Asian scale words after number words ("Rs eight lac"), a sentence
that tells when the speaker spoke ("He expressed these views ... on Thursday"), and long lists of bare
numbers read in linear time (the nearest sibling's item, the figures beside one)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from analyzer.extract.dates import find_dates
from analyzer.extract.discourse import Discourse
from analyzer.extract.document import extract_document
from analyzer.extract.items import fill_from_siblings
from analyzer.extract.numbers import find_figures
from analyzer.extract.statement_dates import given_on, occasion_date
from analyzer.models import Document


def _figures(text: str) -> list[tuple[float, str | None, str]]:
    return [(f.value, f.unit, text[f.start : f.end]) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The heirs will get Rs eight lac each.", 800000, "INR"),
        ("The heirs will get Rs eight lakh each.", 800000, "INR"),
        ("Each family gets Rs one lac in aid.", 100000, "INR"),
        ("The trust paid Rs. five crore to the hospital.", 50000000, "INR"),
        ("Officials released ₹two lakh for the repairs.", 200000, "INR"),
        ("The board set aside Rs 3 lac for the injured.", 300000, "INR"),
        ("The board set aside Rs 3 lacs for the injured.", 300000, "INR"),
        ("Nearly two lakh people were moved to camps.", 200000, None),
        ("They gave twenty five lakh rupees to the victims.", 2500000, "INR"),
    ],
)
def test_south_asian_scale_after_a_number(text: str, value: float, unit: str | None) -> None:
    found = _figures(text)
    assert len(found) == 1
    assert found[0][0] == value
    assert found[0][1] == unit


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Rs 50,000 to Rs 4 lac will go to the damaged houses.", [400000]),  # a range, its high end
        ("Eight people were hurt near the 2 Lac villages.", [8, 2]),  # "Lac" opens a place name
        ("The plant produces eight tonnes of lac resin a year.", [8]),  # not after a number word
        ("He paid Rs 5000 to each owner.", [5000]),
    ],
)
def test_south_asian_scale_near_misses(text: str, values: list[float]) -> None:
    assert [v for v, _, _ in _figures(text)] == values


@pytest.mark.parametrize(
    ("text", "who", "day"),
    [
        ("He expressed these views while presiding over a meeting on Thursday.", "He", 25),
        ("She expressed these views while addressing a seminar on Wednesday.", "She", 24),
        ("The minister made these remarks during a visit to the camps on Tuesday.", "The minister", 23),
        ("He was speaking at a news conference on Monday.", "He", 22),
        ("They were speaking to reporters on Wednesday.", "They", 24),
        ("She spoke on Tuesday at the opening of the bridge.", "She", 23),
        ("Okafor made the comments in an interview on Monday.", "Okafor", 22),
    ],
)
def test_occasion_sentence_gives_the_date(text: str, who: str, day: int) -> None:
    assert occasion_date(text, find_dates(text, date(2022, 8, 25)), Discourse(text=text)) == (
        who,
        date(2022, 8, day),
    )


@pytest.mark.parametrize(
    "text",
    [
        "He expressed these views in his book, published on Thursday.",  # the date is the book's
        "He expressed concern about the camps on Thursday.",  # no views of his reported
        "He was speaking until Thursday evening.",  # a span
        "He will be speaking at the summit on Friday.",  # no such form (and future)
        "He expressed these views while presiding over a meeting.",  # no date
        "The rain was heavy on Thursday, he said.",
    ],
)
def test_occasion_sentence_near_misses(text: str) -> None:
    assert occasion_date(text, find_dates(text, date(2022, 8, 25)), Discourse(text=text)) is None


_OCCASION_STORIES = [
    "Relief work is under way.\n\nProvincial Minister for Relief Arman Qadir said that 412 villages were "
    "affected.\n\nHe expressed these views while chairing a meeting on Tuesday.\n\nThe minister further said "
    "that 1,250 tents had been provided.\n",
    "Relief work is under way.\n\nDistrict Commissioner Lena Ortiz said 37 roads were closed.\n\nShe was "
    "speaking at a press conference on Tuesday.\n\nOrtiz said 90 families were in shelters.\n",
]


@pytest.mark.parametrize("text", _OCCASION_STORIES)
def test_occasion_sentence_dates_the_speakers_claims(text: str) -> None:
    claims = extract_document(Document("d", text, outlet="X", published=date(2022, 8, 25))).claims
    assert len(claims) == 2
    assert all(c.asserted_on == date(2022, 8, 23) for c in claims)


def test_occasion_sentence_leaves_another_speaker() -> None:
    text = (
        "Relief work is under way.\n\nProvincial Minister for Relief Arman Qadir said that 412 villages were "
        "affected.\n\nPolice chief Tomas Berg said 12 people were missing.\n\nHe expressed these views while "
        "visiting the camps on Tuesday.\n"
    )
    claims = extract_document(Document("d", text, outlet="X", published=date(2022, 8, 25))).claims
    dated = {c.value: c.asserted_on for c in claims}
    assert dated[412] is None  # the occasion is the police chief's, the one who spoke last
    assert dated[12] == date(2022, 8, 23)


def _nearest_sibling_by_sorting(
    items: list[str | None], units: list[str | None], own: list[bool]
) -> list[str | None]:
    """The earlier, quadratic reading of fill_from_siblings: the reference the bisection must equal."""
    out = list(items)
    for i, item in enumerate(items):
        if item is not None or own[i]:
            continue
        near = sorted(
            (abs(j - i), j)
            for j, other in enumerate(items)
            if other is not None and units[j] == units[i] and not other.startswith("others")
        )
        if near:
            out[i] = items[near[0][1]]
    return out


@pytest.mark.parametrize("seed", range(8))
def test_fill_from_siblings_equals_the_sorted_reading(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 40)
    items = [rng.choice([None, None, "people", "others hurt", "homes", f"item {k}"]) for k in range(n)]
    units = [rng.choice([None, None, "%", "USD"]) for _ in range(n)]
    own = [rng.random() < 0.2 for _ in range(n)]
    assert fill_from_siblings(items, units, own) == _nearest_sibling_by_sorting(items, units, own)


@pytest.mark.parametrize(
    ("items", "units", "expected"),
    [
        (
            ["people", None, "homes"],
            [None, None, None],
            ["people", "people", "homes"],
        ),  # a tie: the one before
        ([None, None, "homes"], [None, None, None], ["homes", "homes", "homes"]),
        (["people", None], ["%", None], ["people", None]),  # another unit lends nothing
        (["others hurt", None], [None, None], ["others hurt", None]),
    ],
)
def test_fill_from_siblings_cases(
    items: list[str | None], units: list[str | None], expected: list[str | None]
) -> None:
    assert fill_from_siblings(items, units) == expected


def test_a_long_list_keeps_the_speaker_of_every_figure() -> None:
    numbers = ", ".join(str(k) for k in range(101, 161))
    text = f"The lottery office said the winning tickets were {numbers} and 200."
    claims = extract_document(Document("d", text, outlet="X")).claims
    assert len(claims) == 61
    assert {c.speaker for c in claims} == {"The lottery office"}


@pytest.mark.parametrize(
    ("text", "given"),
    [
        (
            "Unrest has claimed 212 lives, the government said on Friday, a sharp jump from the 117 deaths "
            "announced the previous day.",
            [None, date(2021, 7, 15)],
        ),
        (
            "The toll rose to 58, up from 40 reported on Thursday, officials said on Friday.",
            [None, date(2021, 7, 15)],
        ),
        (
            "Cases climbed to 900, compared with 700 confirmed on Monday, the agency said.",
            [None, date(2021, 7, 12)],
        ),
        (
            "The toll reached 212, the government said on Thursday, up from the 117 announced the previous day.",
            [None, date(2021, 7, 14)],
        ),
        # near misses: no comparison, or no verb of giving between the figure and the day
        ("There were 5 cases reported on Monday, the ministry said on Friday.", [None]),
        ("Deaths rose to 30 from 22 on Thursday, officials said on Friday.", [None, None]),
    ],
)
def test_compared_figure_given_on_its_own_day(text: str, given: list[date | None]) -> None:
    dates = find_dates(text, date(2021, 7, 16))
    assert [given_on(text, f, dates) for f in find_figures(text)] == given
