"""What extraction and speaker resolution share about a body's name: its small words and its initials.

Both stages read initials: extraction to tell that "HPH" later in a page is the Harwick Port Holdings
it quoted, resolution to join an acronym to its expansion across a story. One list of small words and
one reading keep them agreeing.

>>> initials("Department of Health")
'DH'
>>> initials("National Disaster Risk Reduction and Management Council")
'NDRRMC'
"""

from __future__ import annotations

# Small words inside a body's name that its initials leave out ("Friends of the Earth", "Médecins du Monde").
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&", "to", "at", "du", "des"})


def initials(name: str) -> str:
    """The upper-case first letters of a name's capitalised words, its small words left out."""
    return "".join(w[0].upper() for w in name.split() if w.lower() not in NAME_CONNECTORS and w[:1].isupper())
