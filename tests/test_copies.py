"""Copied and rewritten articles: fingerprints and the origin of each document's text."""

from __future__ import annotations

import zlib
from datetime import date

import pytest

from analyzer.corroborate.copies import SAMPLE, copy_groups, fingerprint

STORY = (
    "Rescue teams worked through the night after the river burst its banks on Sunday, flooding the lower "
    "town and cutting the main road to the coast. The regional governor said 87 people had died and that "
    "dozens more were unaccounted for, while hospitals in three nearby cities took in the injured. "
    "Volunteers filled sandbags outside the town hall as forecasters warned of more rain on Tuesday, and "
    "the army sent boats to reach villages that could no longer be reached by road. Insurers said the "
    "damage would run into the tens of millions, and the prime minister promised emergency funds for "
    "families who lost their homes. Schools will stay closed until the water goes down, officials said."
)
OTHER = (
    "The central bank left interest rates unchanged on Thursday, saying inflation had eased faster than "
    "expected over the winter but warning that wage growth remained strong. Markets had priced in a pause, "
    "and the currency barely moved after the announcement. Analysts expect the first cut in the summer if "
    "prices keep falling, though two members of the committee voted for an immediate reduction, the "
    "minutes showed. The bank also raised its growth forecast for the year to 1.1 percent."
)
REWRITE = STORY.replace("Rescue teams worked", "Emergency crews toiled").replace(
    "87 people had died", "the toll was 87"
)


def test_fingerprint_is_stable_and_ignores_case_and_punctuation() -> None:
    prints = fingerprint(STORY)
    assert prints == fingerprint(STORY.upper().replace(",", " "))
    assert prints and all(h % SAMPLE == 0 for h in prints)
    words = b"rescue teams worked through the night after"
    assert (zlib.crc32(words) in prints) == (zlib.crc32(words) % SAMPLE == 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("Ten died.", {zlib.crc32(b"ten died")}),  # shorter than a shingle: kept whole, unsampled
        (
            "one two three four five six seven",
            {h for h in [zlib.crc32(b"one two three four five six seven")] if h % SAMPLE == 0},
        ),
    ],
)
def test_fingerprint_of_short_texts(text: str, expected: set[int]) -> None:
    assert fingerprint(text) == expected


@pytest.mark.parametrize(
    ("copy", "linked"),
    [
        (REWRITE, True),  # a rewrite that changed a few words
        ("From our correspondents. " + STORY[: len(STORY) // 2] + " " + OTHER, True),  # a long shared passage
        (OTHER, False),
        (" ".join(reversed(STORY.split())), False),  # the same words, none of the same runs
    ],
)
def test_near_duplicates_share_an_origin(copy: str, linked: bool) -> None:
    prints = {"orig": fingerprint(STORY), "copy": fingerprint(copy)}
    origin = copy_groups(prints, {"orig": date(2024, 4, 1), "copy": date(2024, 4, 2)})
    assert origin == {"orig": "orig", "copy": "orig" if linked else "copy"}


def test_the_earliest_published_is_the_origin_then_the_smallest_id() -> None:
    prints = {"b": fingerprint(STORY), "a": fingerprint(REWRITE), "c": fingerprint(STORY + " More later.")}
    assert set(copy_groups(prints, {"a": date(2024, 4, 3), "b": date(2024, 4, 1), "c": None}).values()) == {
        "b"
    }
    assert set(copy_groups(prints, {"a": None, "b": None, "c": None}).values()) == {"a"}
    # an undated page comes after a dated one, whatever its id
    assert copy_groups(prints, {"a": None, "b": None, "c": date(2024, 1, 1)})["a"] == "c"


def test_a_roundup_quoting_two_reports_does_not_merge_them() -> None:
    roundup = STORY + " " + OTHER
    prints = {"flood": fingerprint(STORY), "bank": fingerprint(OTHER), "roundup": fingerprint(roundup)}
    published = {"flood": date(2024, 4, 1), "bank": date(2024, 4, 2), "roundup": date(2024, 4, 3)}
    assert copy_groups(prints, published) == {"bank": "bank", "flood": "flood", "roundup": "flood"}


def test_a_copy_of_a_copy_leads_back_to_the_first() -> None:
    second = REWRITE.replace("Volunteers filled sandbags", "Residents stacked sandbags")
    prints = {"one": fingerprint(STORY), "two": fingerprint(REWRITE), "three": fingerprint(second)}
    published = {"one": date(2024, 4, 1), "two": date(2024, 4, 2), "three": date(2024, 4, 3)}
    assert set(copy_groups(prints, published).values()) == {"one"}


def test_site_furniture_shared_by_most_pages_links_nothing() -> None:
    footer = " ".join(f"read our latest coverage of topic number {n} and sign up today" for n in range(15))
    bodies = [f"Article {i}: " + " ".join(f"word{i}x{j}" for j in range(200)) for i in range(20)]
    prints = {f"d{i:02}": fingerprint(body + " " + footer) for i, body in enumerate(bodies)}
    origin = copy_groups(prints, dict.fromkeys(prints))
    assert all(doc == source for doc, source in origin.items())


# --- Scale: each document looks only for its earliest source (issue 7) ---------------------------------


def _copy_groups_all_pairs(
    fingerprints: dict[str, frozenset[int]], published: dict[str, date | None]
) -> dict[str, str]:
    """The definition, by counting the shingles every pair of documents shares."""
    from collections import Counter

    from analyzer.corroborate.copies import CONTAINMENT, MIN_SHARED, PASSAGE

    holders: dict[int, list[str]] = {}
    for doc in sorted(fingerprints):
        for h in fingerprints[doc]:
            holders.setdefault(h, []).append(doc)
    limit = max(8, len(fingerprints) // 2)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if len(docs) <= limit:
            shared.update((a, b) for i, a in enumerate(docs) for b in docs[i + 1 :])

    def rank(doc: str) -> tuple[int, date, str]:
        day = published.get(doc)
        return (0 if day else 1, day or date.min, doc)

    neighbours: dict[str, set[str]] = {d: set() for d in fingerprints}
    for (a, b), count in shared.items():
        smaller = min(len(fingerprints[a]), len(fingerprints[b]))
        if count >= MIN_SHARED and (count >= PASSAGE or count >= CONTAINMENT * smaller):
            neighbours[a].add(b)
            neighbours[b].add(a)
    origin = {d: min((d, *neighbours[d]), key=rank) for d in fingerprints}
    for doc in sorted(origin):
        seen, target = {doc}, origin[doc]
        while origin[target] != target and origin[target] not in seen:
            seen.add(target)
            target = origin[target]
        origin[doc] = target
    return dict(sorted(origin.items()))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def _corpora(draw: st.DrawFn) -> tuple[dict[str, frozenset[int]], dict[str, date | None]]:
    """Documents drawn as parts of a few texts (copies, rewrites, excerpts) plus shingles of their own,
    short (under 50 shingles) and long, dated and undated."""
    texts = [draw(st.frozensets(st.integers(0, 199), max_size=120)) for _ in range(3)]
    prints: dict[str, frozenset[int]] = {}
    published: dict[str, date | None] = {}
    for i in range(draw(st.integers(1, 16))):
        text = sorted(draw(st.sampled_from(texts)))
        kept = draw(st.sampled_from([0.2, 0.5, 0.9, 1.0]))
        share = frozenset(h for k, h in enumerate(text) if (k * 7919) % 100 < kept * 100)
        prints[f"d{i:02d}"] = share | draw(st.frozensets(st.integers(0, 199), max_size=10))
        published[f"d{i:02d}"] = draw(st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2024, 1, 4))))
    return prints, published


@settings(max_examples=400, deadline=None)
@given(_corpora())
def test_copy_groups_equal_the_all_pairs_definition(
    corpus: tuple[dict[str, frozenset[int]], dict[str, date | None]],
) -> None:
    prints, published = corpus
    assert copy_groups(prints, published) == _copy_groups_all_pairs(prints, published)


def test_a_story_reprinted_hundreds_of_times_leads_back_to_the_first_print() -> None:
    prints = {f"r{i:04d}": fingerprint(f"Page {i}. " + STORY) for i in range(300)}
    others = {f"o{i:04d}": fingerprint(" ".join(f"word{i}x{j}" for j in range(80))) for i in range(400)}
    origin = copy_groups({**prints, **others}, dict.fromkeys([*prints, *others], date(2024, 4, 1)))
    assert {origin[d] for d in prints} == {"r0000"}
    assert all(origin[d] == d for d in others)


@pytest.mark.parametrize("shared", [14, 15, 16])
def test_a_passage_found_only_through_the_most_common_shingles(shared: int) -> None:
    # B shares `shared` shingles with A, and those are the shingles many other pages also hold (two each,
    # too few to make any of them a copy): B is a copy from 15 shared shingles on, found all the same.
    passage = list(range(shared))
    prints = {"a": frozenset(passage + list(range(1000, 1060)))}
    for i in range(30):
        pair = [passage[(2 * i) % shared], passage[(2 * i + 1) % shared]]
        prints[f"f{i:02d}"] = frozenset(pair + list(range(2000 + 100 * i, 2060 + 100 * i)))
    prints["z"] = frozenset(passage + list(range(9000, 9045)))
    published = {d: date(2024, 5, 1) for d in prints}
    origin = copy_groups(prints, published)
    assert origin == _copy_groups_all_pairs(prints, published)
    assert origin["z"] == ("a" if shared >= 15 else "z")
