"""Telling unrelated stories of one corpus apart, so their quantities never merge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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


# --- Scale: links found through shared names, never by counting every pair (issue 7) ------------------

from collections import Counter  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _stories_all_pairs(names: dict[str, frozenset[str]]) -> dict[str, str]:
    """The definition: link every pair sharing two kept names, or one when either names fewer than three."""
    docs = sorted(names)
    holders = Counter(n for d in docs for n in names[d])
    cap = max(50, len(docs) // 2)
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            d = parent[d]
        return d

    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            shared = sum(1 for n in names[a] & names[b] if holders[n] <= cap)
            if shared and (shared >= 2 or min(len(names[a]), len(names[b])) < 3):
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in docs}


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([f"d{i:02d}" for i in range(16)]),
        st.frozensets(
            st.sampled_from(["orsa", "kessling", "valmora", "common front", "tamberlane", "ruiz"]), max_size=5
        ),
    )
)
def test_stories_equal_the_all_pairs_definition(names: dict[str, frozenset[str]]) -> None:
    assert story_of(names) == _stories_all_pairs(names)


def test_names_a_thousand_documents_share_cost_steps_not_pairs() -> None:
    places = [("harbour", "ferry", "island"), ("valley", "dam", "reservoir"), ("mine", "shaft", "quarry")]
    names = {f"{p[0]}{i:04d}": frozenset(p) for p in places for i in range(1000)}
    stories = story_of(names)  # counting pairs would take 1.5 million steps
    assert (
        sorted(set(stories.values())) == ["dam0000", "ferry0000", "shaft0000"]
        or len(set(stories.values())) == 3
    )


def test_a_short_name_is_resolved_within_its_story_not_from_another(tmp_path: Path) -> None:
    """Two stories in one folder: the Veltran vote's "Election Commission" is not the Indian vote's
    "Election Commission of India", though in the Marrow story itself it is."""
    from analyzer.pipeline import analyze
    from analyzer.settings import Settings

    pages = {
        "m1": "Marrow votes\n\nThe Election Commission of India (ECI) said turnout in Port Selby and Carrow Falls was "
        "61 percent, and Ana Ruiz said 12 booths had opened late.",
        "m2": "Marrow turnout\n\nThe Election Commission said turnout was 62 percent in Port Selby and Carrow "
        "Falls, and Ana Ruiz said 14 booths had opened late.",
        "v1": "Veltran senate vote\n\nThe Election Commission said 48 percent of voters in Dunmore and Aldcastle "
        "cast a ballot, and Kim Adair said 3 districts were recounted.",
        "v2": "Veltran recount\n\nKim Adair said 4 districts in Dunmore and Aldcastle were recounted.",
    }
    for name, text in pages.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    speakers = {(c.doc_id, c.value): c.speaker for c in analyze([tmp_path], Settings(jobs=1)).claims}
    assert speakers[("m2", 62.0)] == "Election Commission of India"  # its own story names it in full
    assert speakers[("v1", 48.0)] == "Election Commission"  # another story's commission is another


STRIKE = frozenset({"kunar", "nato", "kabul", "taliban"})


@pytest.mark.parametrize(
    ("days", "parts"),
    [
        # two events years apart that name the same places and forces
        (
            {"a": (2008, 6, 10), "b": (2008, 6, 12), "c": (2014, 9, 2), "d": (2014, 9, 3)},
            [["a", "b"], ["c", "d"]],
        ),
        # a story covered month after month, never silent for long, stays one
        (
            {"a": (2025, 1, 1), "b": (2025, 2, 10), "c": (2025, 3, 20), "d": (2025, 4, 30)},
            [["a", "b", "c", "d"]],
        ),
        # undated pages take no part in the cut
        ({"a": (2008, 6, 10), "b": None, "c": None, "d": (2008, 6, 30)}, [["a", "b", "c", "d"]]),
    ],
)
def test_coverage_that_falls_silent_for_weeks_is_two_stories(
    days: dict[str, tuple[int, int, int] | None], parts: list[list[str]]
) -> None:
    published = {d: date(*day) if day else None for d, day in days.items()}
    stories = story_of(dict.fromkeys(days, STRIKE), published)
    assert sorted(sorted(d for d in stories if stories[d] == s) for s in set(stories.values())) == parts


def test_an_undated_page_joins_the_part_it_shares_most_names_with() -> None:
    names = {
        "a": STRIKE,
        "b": STRIKE | {"asadabad"},
        "c": STRIKE | {"paktia", "gardez"},
        "u": STRIKE | {"gardez"},
    }
    published = {"a": date(2008, 6, 10), "b": date(2008, 6, 11), "c": date(2014, 9, 2), "u": None}
    stories = story_of(names, published)
    assert stories == {"a": "a", "b": "a", "c": "c", "u": "c"}


def test_a_page_with_no_claim_still_teaches_its_story_a_name(tmp_path: Path) -> None:
    from analyzer.pipeline import analyze
    from analyzer.settings import Settings

    (tmp_path / "d1.txt").write_text(
        "Harbour rescue in Port Selby\n\nThe Harbour Rescue Agency (HRA) sent boats to Port Selby and "
        "Marrow Bay overnight.",
        encoding="utf-8",
    )
    (tmp_path / "d2.txt").write_text(
        "Port Selby ferry sinks\n\nThe HRA said 42 people were rescued near Port Selby and Marrow Bay.",
        encoding="utf-8",
    )
    assert [(c.speaker, c.value) for c in analyze([tmp_path], Settings(jobs=1)).claims] == [
        ("Harbour Rescue Agency", 42.0)
    ]
