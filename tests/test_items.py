"""What a figure counts, on sentences of our own."""

from __future__ import annotations

import pytest

from analyzer.extract.items import item_for


@pytest.mark.parametrize(
    ("sentence", "figure", "item"),
    [
        (
            "Rescuers said 42 people were pulled from the river overnight.",
            "42",
            "people pulled from the river",
        ),
        (
            "About 1,500 marines were sent to the island this week, the navy said.",
            "1,500",
            "marines sent to the island",
        ),
        ("The toll now stands at 87, officials said.", "87", "toll"),
        ("Police put the number of arrests at 212.", "212", "number of arrests"),
        # what happened during an event between the counted noun and "at": the noun, not the event
        (
            "The ministry put the number of people arrested during the pension protests at 297.",
            "297",
            "number of people arrested",
        ),
        ("Turnout reached 1.3 million, the ministry said.", "1.3 million", "Turnout"),
        ("He said 9,000 fans attended the final.", "9,000", "fans attended the final"),
        ("She said around 12,000 troops.", "12,000", "troops"),
        ("Some 300 homes have been flooded since Monday, the agency said.", "300", "homes flooded"),
    ],
)
def test_item(sentence: str, figure: str, item: str) -> None:
    start = sentence.index(figure)
    assert item_for(sentence, start, start + len(figure)) == item


def test_distributive_item_is_the_counted_noun() -> None:
    s = "He described three battalions of 800 soldiers each."
    fig = "three battalions of 800 soldiers each"
    start = s.index(fig)
    assert item_for(s, start, start + len(fig), fig, derived=True) == "soldiers"


def test_nothing_counted() -> None:
    s = "The figure was 40."
    start = s.index("40")
    assert item_for(s, start, start + 2) is None


def test_percent_counts_the_share_of_what_follows_of() -> None:
    s = "The union said 35 percent of teachers walked out."
    start = s.index("35 percent")
    assert item_for(s, start, start + 10, unit="%") == "teachers walked out"


def test_a_figure_without_noun_takes_its_sibling_item() -> None:
    from analyzer.extract.items import fill_from_siblings

    assert fill_from_siblings(["people marched", None, None], [None, None, "%"]) == [
        "people marched",
        "people marched",
        None,
    ]


@pytest.mark.parametrize(
    ("sentence", "figure", "item"),
    [
        # the whole after "of the": its noun phrase; what follows is said of the part
        ("The operator said 12 of the 33 trapped miners had been rescued.", "33", "trapped miners"),
        (
            "Police said 40 of the 150 protesters arrested on Friday were released.",
            "150",
            "protesters arrested",
        ),
        ("Three of the 20 injured are in a critical condition, the hospital said.", "20", "injured"),
        ("Most of the 300 homes were damaged, the mayor said.", "300", "homes"),
        ("Two of its 14 ferries were out of service, the company said.", "14", "ferries"),
        # the part: the whole's things of which the rest is said
        ("The operator said 12 of the 33 trapped miners had been rescued.", "12", "trapped miners rescued"),
        (
            "Police said 40 of the 150 protesters arrested on Friday were released.",
            "40",
            "protesters arrested released",
        ),
        # no "of the" before it: a figure keeps its predicate
        ("The operator said 33 miners had been rescued.", "33", "miners rescued"),
    ],
)
def test_item_of_a_part_and_its_whole(sentence: str, figure: str, item: str) -> None:
    start = sentence.index(figure)
    assert item_for(sentence, start, start + len(figure)) == item


@pytest.mark.parametrize(
    ("text", "value", "item"),
    [
        # a figure after "and" and a verb of its own clause borrows no sibling's item
        (
            "The floods have killed at least 19 people and driven more than 310,000 from their homes.",
            310_000,
            None,
        ),
        ("Police arrested 40 protesters and charged 12 with rioting.", 12, None),
        # a figure with no verb of its own still shares its sibling's
        ("Officials said 40 people died and 12 were injured.", 12, "injured"),
        ("The storm left 40 people dead and 12 missing.", 12, "missing"),
    ],
)
def test_a_figure_with_its_own_verb_takes_no_sibling_item(text: str, value: float, item: str | None) -> None:
    from analyzer.extract.document import extract_document
    from analyzer.models import Document

    got = {c.value: c.item for c in extract_document(Document("t", text)).claims}
    assert got[value] == item
