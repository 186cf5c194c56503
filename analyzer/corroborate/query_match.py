"""A user's words matched to the quantities they mean: "marchers in Port Selby" -> the key to plot.

The words are read as an item is (:func:`analyzer.corroborate.profiles.profile`) and set against
each quantity's label and key: what they count, where, and which year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from analyzer.corroborate.places import COUNTRYWIDE
from analyzer.corroborate.profiles import fits, profile
from analyzer.corroborate.scope_words import years
from analyzer.models import Quantity


def match_quantity(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """Quantities whose words mean what ``text`` says, best first; empty when none fits.

    A quantity is read from its label as written (its capitalised names are places) and from its
    key (whose words name the places the group counts in, "marchers-port-selby"). One that names
    another place than the text asks for is left out; when some quantity names a place the text
    asks for, the ones that name none of them are left out too. A quantity of an earlier year
    ("...-2019") comes after the others unless the text asks for that year.

    >>> qs = [Quantity("north-korean-troops-russia", "North Korean troops deployed to Russia", None, ("a",)),
    ...       Quantity("russian-soldiers-dying-daily", "Russian soldiers dying daily", None, ("b",))]
    >>> [q.key for q in match_quantity("DPRK soldiers in Russia", qs)]
    ['north-korean-troops-russia']
    >>> qs = [Quantity("crowd-lyon", "people marched through Lyon", None, ("a",)),
    ...       Quantity("people-marched-port-selby", "people marched to the harbour", None, ("b",))]
    >>> [q.key for q in match_quantity("marchers in Port Selby", qs)]
    ['people-marched-port-selby']
    """
    lowercase = not any(ch.isupper() for ch in text)
    wanted = profile(text, lowercase=lowercase)
    places = wanted.nat | wanted.loc
    asked = years(text)
    ranked = []
    for quantity in quantities:
        words = f"{quantity.label} {quantity.key.replace('-', ' ')}"
        have = profile(words.lower(), lowercase=True)
        named = profile(quantity.label)  # the label as written: "people marched through Lyon" is placed
        if not (fits(wanted, have) and fits(wanted, named)):
            continue
        head_match = bool(wanted.head) and wanted.head in (have.head, named.head)
        if wanted.vocab and have.vocab and not head_match:
            continue
        keyed = f"-{quantity.key}-"
        found = have.entities | named.entities
        found |= {e for e in wanted.entities if f"-{_slug_words(e)}-" in keyed}
        shared = len(wanted.entities & found)
        ratio = fuzz.token_set_ratio(wanted.text, have.text)
        if head_match or ratio >= 70 or (shared and ratio >= 50):
            held = years(quantity.key)
            era = 2 if held & asked else 1 if not held and not asked else 0
            ranked.append(((era, int(head_match), shared, ratio), len(places & found), quantity))
    if any(n for _, n, _ in ranked):  # some quantity counts where the text asks: only those
        ranked = [r for r in ranked if r[1]]
    ranked.sort(key=lambda r: (tuple(-x for x in r[0]), r[2].key))
    return [q for _, _, q in ranked]


def _slug_words(entity: str) -> str:
    """An entity as a key writes it: "port selby" -> "port-selby"; the whole country -> "nationwide"."""
    return "nationwide" if entity == COUNTRYWIDE else re.sub(r"[^a-z0-9]+", "-", entity.lower()).strip("-")
