"""Which documents tell the same story, so that a flood's injured are never counted with a march's.

A corpus may hold several unrelated stories. Two documents belong to one
story when they share names that each of them uses most (places, people,
bodies): "Valmora" and "Common Front" tie two reports of a march together;
"Tamberlane" and "Orsa" tie two flood reports. Documents are linked through
an inverted index on those names, never compared all against all, and a
name that most of a large corpus shares links nothing on its own.

>>> names = {
...     "a": salient_names("Floods hit Tamberlane. The Orsa rose. Tamberlane officials said the Orsa broke."),
...     "b": salient_names("In Tamberlane the Orsa fell. Tamberlane is drying; the Orsa is calm."),
...     "c": salient_names("Valmora marched. Police in Valmora counted. The Common Front cheered the Common Front."),
... }
>>> story_of(names)
{'a': 'a', 'b': 'a', 'c': 'c'}
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date

from analyzer.patterns import guarded

_NAME_RE = guarded("A-Z", r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[ -](?:of |the )?[A-Z][a-z]+)*", re.MULTILINE)
_COMMON = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "And",
        "But",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "When",
        "While",
        "After",
        "Before",
        "During",
        "Since",
        "As",
        "If",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Share",
        "Subscribe",
        "Comments",
        "Read",
        "More",
        "News",
        "Home",
        "Reuters",
        "Associated",
        "Press",
        "Photo",
        "Image",
        "Source",
        "Sign",
        "Email",
        "Facebook",
        "Twitter",
        "Copyright",
        "Government",
        "President",
        "Minister",
        "Ministry",
        "Police",
        "Officials",
        "According",
        "Last",
        "Earlier",
        "Later",
        "Now",
        "Some",
    ]
)
_MAX_NAMES = 15
STORY_GAP_DAYS = 45  # a story whose coverage stops this long and starts again is two stories


def salient_names(text: str) -> frozenset[str]:
    """The names a document uses most: capitalised inside a sentence, not a common capitalised word."""
    counts = Counter(_NAME_RE.findall(text))
    for word in _COMMON.intersection(counts):
        del counts[word]
    ranked = sorted(counts.items(), key=lambda nc: (-nc[1], nc[0]))
    return frozenset(n.lower() for n, _ in ranked[:_MAX_NAMES])


def story_of(
    names: Mapping[str, frozenset[str]],
    published: Mapping[str, date | None] | None = None,
    *,
    gap_days: int = STORY_GAP_DAYS,
) -> dict[str, str]:
    """Each document's story: the smallest document id of its group of linked documents.

    Two documents are linked when they share two salient names, or one when
    either of them names fewer than three things. A document linked to no
    other stays a story of its own. With ``published`` dates, a group whose
    coverage falls silent for more than ``gap_days`` is two stories: an air strike
    of 2008 and one of 2014 name the same country and forces, but are two events
    (see :func:`_split_by_time`).
    """
    linked = _linked(names)
    return _split_by_time(linked, names, published, gap_days) if published else linked


def _linked(names: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """:func:`story_of` by names alone."""
    docs = sorted(names)
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    holders: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        for n in names[d]:
            holders[n].append(d)
    cap = max(50, len(docs) // 2)
    # A name most of a large corpus shares says nothing about which story.
    kept = {n for n, group in holders.items() if len(group) <= cap}
    # Pairs are never counted one by one, so a name a thousand documents share costs a thousand steps:
    # the holders of a name all link when one of them names fewer than three things (through it),
    # and holders of a name that also share a second name link to the first of them that has it.
    for n in sorted(kept):
        group = holders[n]
        if any(len(names[d]) < 3 for d in group):
            for a, b in itertools.pairwise(group):
                union(a, b)
            continue
        first: dict[str, str] = {}
        for d in group:
            for m in names[d]:
                if m > n and m in kept:
                    union(d, first.setdefault(m, d))
    return {d: find(d) for d in docs}


def _split_by_time(
    stories: dict[str, str],
    names: Mapping[str, frozenset[str]],
    published: Mapping[str, date | None],
    gap_days: int = STORY_GAP_DAYS,
) -> dict[str, str]:
    """Each story cut where its dated documents fall silent for more than ``gap_days`` days.

    An undated document goes with the part whose documents share most of its names (the earliest on a
    tie). Each part is named by its smallest document id.

    >>> from datetime import date
    >>> names = {d: frozenset({"kunar", "nato"}) for d in "abc"}
    >>> days = {"a": date(2008, 6, 1), "b": date(2008, 6, 9), "c": date(2014, 9, 2)}
    >>> story_of(names, days)
    {'a': 'a', 'b': 'a', 'c': 'c'}
    """
    members: dict[str, list[str]] = defaultdict(list)
    for doc, story in stories.items():
        members[story].append(doc)
    out = dict(stories)
    for docs in members.values():
        dated = sorted((day, d) for d in docs if (day := published.get(d)) is not None)
        if len(dated) < 2:
            continue
        parts: list[list[str]] = [[dated[0][1]]]
        for (before, _), (day, d) in itertools.pairwise(dated):
            if (day - before).days > gap_days:
                parts.append([])
            parts[-1].append(d)
        if len(parts) == 1:
            continue
        named = [frozenset().union(*(names[m] for m in part)) for part in parts]  # once, not per page
        for d in sorted(d for d in docs if published.get(d) is None):
            shared = [len(names[d] & part_names) for part_names in named]
            parts[shared.index(max(shared))].append(d)
        for part in parts:
            first = min(part)
            for d in part:
                out[d] = first
    return out
