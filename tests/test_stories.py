"""Telling unrelated stories of one corpus apart, so their quantities never merge."""

from __future__ import annotations

from analyzer.corroborate.stories import salient_names, story_of

FLOOD_1 = (
    "Rain swelled the Orsa near Kessling. Officials in Kessling said the Orsa broke its banks in Tamberlane."
)
FLOOD_2 = "The Tamberlane agency said 41 died. In Kessling, the Orsa was still rising."
MARCH_1 = (
    "The Common Front led the march in Valmora. Police in Valmora counted 42,000; the Common Front said more."
)
MARCH_2 = "In Valmora, the Common Front called a new strike."
LONE = "Nothing here names anything twice."


def test_documents_of_one_story_share_a_story() -> None:
    names = {
        d: salient_names(t) for d, t in {"f1": FLOOD_1, "f2": FLOOD_2, "m1": MARCH_1, "m2": MARCH_2}.items()
    }
    stories = story_of(names)
    assert stories["f1"] == stories["f2"] == "f1"
    assert stories["m1"] == stories["m2"] == "m1"
    assert stories["f1"] != stories["m1"]


def test_a_document_that_names_nothing_stands_alone() -> None:
    stories = story_of({"a": salient_names(LONE), "b": salient_names(FLOOD_1)})
    assert stories == {"a": "a", "b": "b"}


def test_story_ids_do_not_depend_on_order() -> None:
    texts = {"f1": FLOOD_1, "f2": FLOOD_2, "m1": MARCH_1, "m2": MARCH_2}
    forward = story_of({d: salient_names(t) for d, t in texts.items()})
    backward = story_of({d: salient_names(t) for d, t in reversed(list(texts.items()))})
    assert forward == backward


def test_a_name_shared_by_a_whole_large_corpus_links_nothing() -> None:
    names = {f"d{i:03d}": frozenset({"united states", f"place{i}", f"person{i}"}) for i in range(120)}
    stories = story_of(names)
    assert len(set(stories.values())) == 120
