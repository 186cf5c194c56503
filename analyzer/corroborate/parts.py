"""Parts of a whole: a figure its sentence gives as a part of another, and a part with no whole named.

"310,000 in 200 towns, including 42,000 in Lyon": the part goes where its whole goes
(:func:`stated_wholes`), for the scope conflict to find. "This first tranche of about 3,000" names
no thing counted: it counts what the nearest claim of its document counts (:func:`resolve_parts`).

>>> from analyzer.models import Claim
>>> s = "Police counted 310,000 marchers in 200 towns, including 42,000 in Lyon."
>>> claims = [Claim("a", "d", 310000.0, s, 15, 22), Claim("b", "d", 200.0, s, 35, 38),
...           Claim("c", "d", 42000.0, s, 56, 62)]
>>> stated_wholes(claims)
{2: 0}
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from analyzer.corroborate.part_words import stated_part
from analyzer.corroborate.profiles import Profile
from analyzer.models import Claim

_PART_OF = re.compile(
    r"\b(?:tranche|batch|wave|contingent|group|detachment)\s+of\s+(?:(?:about|around|some|roughly|"
    r"approximately|nearly|almost|up\s+to|at\s+least|more\s+than|over)\s+)?(\d{1,3}(?:,\d{3})+|\d+)",
    re.IGNORECASE,
)


def stated_wholes(claims: Sequence[Claim]) -> dict[int, int]:
    """Claims their sentence gives as a part of another of its figures, each with that figure's index.

    "310,000 in 200 towns, including 42,000 in Lyon": the part is read as a part of the nearest figure
    before it in the sentence with the same unit and a larger value (310,000, not the 200 towns),
    and a part of a part as a part of the first whole.
    """
    by_sentence: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_sentence[(claim.doc_id, claim.sentence)].append(i)
    whole_of: dict[int, int] = {}
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        for i in members:
            part = claims[i]
            if stated_part(part.sentence, part.value, part.value_low, part.value_high) is None:
                continue
            before = [
                j
                for j in members
                if (claims[j].start, claims[j].claim_id) < (part.start, part.claim_id)
                and (claims[j].unit, claims[j].per) == (part.unit, part.per)
                and claims[j].value > part.value
            ]
            if before:
                whole_of[i] = max(before, key=lambda j: (claims[j].start, claims[j].claim_id))
    for i in sorted(whole_of):
        root = whole_of[i]
        while root in whole_of:
            root = whole_of[root]
        whole_of[i] = root
    return whole_of


def _part_of_something(claim: Claim) -> bool:
    """The figure counts "a first tranche of about 3,000" and its sentence never says of what."""
    for match in _PART_OF.finditer(claim.sentence):
        if float(match.group(1).replace(",", "")) in (claim.value, claim.value_low, claim.value_high):
            return True
    return False


def resolve_parts(claims: Sequence[Claim], profiles: list[Profile]) -> list[Profile]:
    """A part named without its whole ("this first tranche of about 3,000") counts what the
    nearest claim of the same document counts: the closest before it, else the closest after."""
    pending = [
        i
        for i, (c, p) in enumerate(zip(claims, profiles, strict=True))
        if not p.vocab and _part_of_something(c)
    ]
    if not pending:
        return profiles
    named: dict[tuple[str, str | None, str | None], list[tuple[int, str, Profile]]] = defaultdict(list)
    for claim, prof in zip(claims, profiles, strict=True):
        if prof.vocab:
            named[(claim.doc_id, claim.unit, claim.per)].append((claim.start, claim.claim_id, prof))
    out = list(profiles)
    for i in pending:
        claim = claims[i]
        around = named.get((claim.doc_id, claim.unit, claim.per), [])
        before = [a for a in around if (a[0], a[1]) < (claim.start, claim.claim_id)]
        after = [a for a in around if (a[0], a[1]) > (claim.start, claim.claim_id)]
        if before or after:
            source = max(before)[2] if before else min(after)[2]
            out[i] = replace(out[i], head=source.head, vocab=True, soft=out[i].soft | source.entities)
    return out
