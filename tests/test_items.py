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
