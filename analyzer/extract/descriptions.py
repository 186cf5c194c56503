"""Names that a document describes with a common noun, so that "the operator said" can find them.

News text names a body or a person once, with a description, and then calls it by the
description alone: "Telvon, the country's largest mobile operator, ... The operator said",
"mining company Karsten Minerals ... the company said", "Colonel Radek Sorin ... the colonel
said". :func:`described_names` reads those pairings from a document's text, in text order;
:func:`named_by` finds the name a definite description refers back to.

>>> found = described_names("Telvon, the country's largest mobile operator, lost its network.")
>>> [(d.head, d.name) for d in found]
[('operator', 'Telvon')]
>>> named_by(found, "operator", {"mobile"}, 100)
'Telvon'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.extract.tokens import CAPITALISED_STOPWORDS, MONTHS, WEEKDAYS
from analyzer.extract.vocab import AGENT_NOUNS
from analyzer.patterns import guarded

__all__ = ["Description", "described_names", "named_by"]

_CAP = r"[A-Z][\w&'’\-]*"
_NAME = rf"{_CAP}(?: (?:(?:of|for|and|the|de|&) )?{_CAP}){{0,4}}"  # words one space apart: not a menu
# "Telvon, the country's largest mobile operator," / "Telvon, a mobile operator based in Rasko."
_NAME_THEN_DESCRIPTION_RE = guarded(
    "A-Z",
    rf"(?<![\w&'’\-])(?P<name>{_NAME}),[^\S\n]+(?:the|a|an)[^\S\n]+(?P<desc>[a-z][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){{0,7}}?)"
    r"(?=[^\S\n]*[,.;:)—–]|[^\S\n]+(?:based|headquartered|founded|that|which|who|whose|with|in|of|for|at|from|on)\b)",
)
# "the country's largest mobile operator, Telvon," / "the aid group, Open Wake."
_DESCRIPTION_THEN_NAME_RE = guarded(
    "TtAaIi",
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[^\S\n]+(?P<desc>[a-z][\w'’\-]*(?:[^\S\n]+[a-z][\w'’\-]*){{0,5}}?)"
    rf",[^\S\n]+(?P<name>{_NAME})(?=[^\S\n]*[,.;:)—–])",
)
# "mining company Karsten Minerals", "rail operator Meridian Rail", "Colonel Radek Sorin"
_NAME_RUN_RE = guarded("A-Z", rf"(?<![\w&'’\-])(?P<name>{_NAME})")

# "Vellmar Group will cut 4,200 jobs, the Norvian car-parts maker said": the closing description is the
# sentence's subject
_SUBJECT_THEN_CLOSING_RE = guarded(
    "A-Z",
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=[.!?][\"”][^\S\n])|(?<=[-–—][^\S\n]))(?P<name>{_NAME})[^\S\n]+[a-z][^.!?\n]{{0,250}}?,"
    r"[^\S\n]+the[^\S\n]+(?P<desc>[A-Za-z][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){0,3}?)[^\S\n]+"
    r"(?:said|says|announced|added|confirmed|reported|told)\b",
    re.MULTILINE,
)
_PERSON_HEADS = frozenset(
    {
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "governor",
        "mayor",
        "official",
        "chief",
    }
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "from",
        "to",
        "by",
        "for",
        "with",
        "into",
        "of",
        "near",
        "after",
        "before",
        "during",
        "since",
        "until",
        "across",
        "over",
        "under",
    ]
)
_NOT_NAMES = frozenset(w.capitalize() for w in (*WEEKDAYS, *MONTHS)) | {"I"}


@dataclass(frozen=True, slots=True)
class Description:
    """A name paired with a description whose head noun can stand for it later."""

    start: int  # where the pairing is in the text
    head: str  # the description's head noun, lower case ("operator")
    words: frozenset[str]  # the words of the description, lower case ("mobile", "largest", ...)
    name: str  # the name as written ("Telvon")


def _head(desc: str) -> tuple[str, frozenset[str]] | None:
    """The head noun of a description (an agent noun, singular) and its words; None if it has none."""
    words = [w.lower().replace("’", "'") for w in desc.split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    head = words[-1] if words else ""
    if head not in AGENT_NOUNS or (head.endswith("s") and head[:-1] in AGENT_NOUNS):
        return None
    return head, frozenset(words)


def _proper(name: str, text: str, start: int) -> bool:
    """A name that is no date word, no opening adverb ("Separately,") and not the object of a preposition."""
    first = name.split()[0]
    if (
        first in _NOT_NAMES
        or first.lower() in CAPITALISED_STOPWORDS
        or (name == first and first.endswith("ly"))
    ):
        return False
    before = text[max(0, start - 20) : start].split()
    return not (before and before[-1].lower() in _PREPOSITIONS)


def _words_before(text: str, at: int) -> list[str]:
    """The one or two lower-case words written just before ``at``, one space apart ("mining company")."""
    if at < 2 or text[at - 1] != " ":
        return []
    words = text[max(0, at - 40) : at - 1].split(" ")[-2:]
    while words and not (words[0][:1].islower() and words[0].replace("-", "").isalnum()):
        words = words[1:]
    return words if all(w[:1].islower() and w.replace("-", "").isalnum() for w in words) else []


def described_names(text: str) -> list[Description]:
    """Every (description, name) pairing of ``text``, in text order.

    >>> [(d.head, d.name) for d in described_names("The rail operator, Meridian Rail, cut 40 trains.")]
    [('operator', 'Meridian Rail')]
    >>> [(d.head, d.name) for d in described_names("Army spokesman Colonel Radek Sorin spoke.")]
    [('spokesman', 'Radek Sorin'), ('colonel', 'Radek Sorin')]
    >>> described_names("On Monday, the company said it would reopen.")
    []
    >>> [(d.head, d.name) for d in described_names("Ondina Lines cut 4 routes, the company said. Shares in Ondina fell.")]
    [('company', 'Ondina Lines')]
    """
    found: list[Description] = []
    for pattern in (_NAME_THEN_DESCRIPTION_RE, _DESCRIPTION_THEN_NAME_RE):
        for m in pattern.finditer(text):
            head = _head(m.group("desc"))
            if head is not None and _proper(m.group("name"), text, m.start("name")):
                found.append(Description(m.start(), head[0], head[1], m.group("name")))
    for m in _NAME_RUN_RE.finditer(
        text
    ):  # "mining company Karsten Minerals", "Interior Minister Raya Dovnik"
        run = m.group("name").split()
        if len(run) > 1 and all(w.isupper() for w in run):
            continue  # a menu or a transcript's label, not a name in a sentence
        titles = [k for k in range(len(run) - 2) if _head(run[k]) is not None]
        name = run[titles[-1] + 1 :] if titles else run
        if name[0][:1].islower():
            continue  # "Chief Executive Officer of Vellmar Group": a title, no personal name
        found.extend(
            Description(m.start(), run[k].lower(), frozenset({run[k].lower()}), " ".join(name))
            for k in titles
        )
        words = _words_before(text, m.start())
        head = _head(" ".join(words)) if words else None
        if head is not None and name[0] not in _NOT_NAMES:
            found.append(
                Description(m.start() - 1 - sum(len(w) + 1 for w in words), head[0], head[1], " ".join(name))
            )
    for m in _SUBJECT_THEN_CLOSING_RE.finditer(text):
        head = _head(m.group("desc"))
        name = m.group("name")
        if head is None or head[0] in _PERSON_HEADS or not _proper(name, text, m.start("name")):
            continue
        # a capital at the start of a sentence proves nothing: the name is written so elsewhere too
        if re.search(rf"[\w,;:][^\S\n]+{re.escape(name.split()[0])}\b", text) is not None:
            found.append(Description(m.start("desc"), head[0], head[1], name))
    found.sort(key=lambda d: d.start)
    return found


def named_by(
    found: list[Description], heads: frozenset[str] | str, modifiers: set[str], before: int
) -> str | None:
    """The latest name before ``before`` described by one of ``heads`` with all of ``modifiers``."""
    family = frozenset({heads}) if isinstance(heads, str) else heads
    for d in reversed(found):
        if d.start < before and d.head in family and modifiers <= d.words:
            return d.name
    return None
