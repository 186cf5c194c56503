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
import sys
from dataclasses import dataclass

from analyzer.extract.tokens import CAPITALISED_STOPWORDS, MONTHS, PREPOSITIONS, WEEKDAYS
from analyzer.extract.vocab import AGENT_NOUNS
from analyzer.native import register_records
from analyzer.patterns import guarded

__all__ = ["Description", "described_names", "named_by"]

_CAP = r"[A-Z][\w&'’\-]*"
_NAME = rf"{_CAP}(?: (?:(?:of|for|and|the|de|&) )?{_CAP}){{0,4}}"  # words one space apart: not a menu
# "Telvon, the country's largest mobile operator," / "Telvon, a mobile operator based in Rasko." (after a name)
_DESCRIPTION_AFTER_RE = re.compile(
    r",[^\S\n]+(?P<article>the|a|an)[^\S\n]+(?P<desc>[a-z][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){0,7}?)"
    r"(?=[^\S\n]*[,.;:)—–]|[^\S\n]+(?:based|headquartered|founded|that|which|who|whose|with|in|of|for|at|from|on)\b)"
)
# "the country's largest mobile operator, Telvon," / "the aid group, Open Wake." (before a name)
_DESCRIPTION_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[^\S\n]+(?P<desc>[a-z][\w'’\-]*(?:[^\S\n]+[a-z][\w'’\-]*){0,5}),[^\S\n]+$"
)
_CLOSES_NAME_RE = re.compile(r"[^\S\n]*[,.;:)—–]")
# names, and the words of a title: "mining company Karsten Minerals", "Colonel Radek Sorin"
_NAME_RUN_RE = guarded("A-Z", rf"(?<![\w&'’\-])(?P<name>{_NAME})")
# "Vellmar Group will cut 4,200 jobs, the Norvian car-parts maker said": the closing description is the
# sentence's subject
_CLOSING_DESCRIPTION_RE = re.compile(
    r",[^\S\n]+the[^\S\n]+(?P<desc>[A-Za-z][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){0,3}?)[^\S\n]+"
    r"(?:said|says|announced|added|confirmed|reported|told)\b"
)
_MID_SENTENCE_CAPITAL_RE = re.compile(r"(?<=[\w,;:])[^\S\n]+([A-Z][\w&'’\-]*)\b")
_SENTENCE_OPENING_RE = re.compile(rf"(?P<name>{_NAME})[^\S\n]+[a-z]")
_SENTENCE_BREAK_RE = re.compile(r"(?:[.!?][\"”]?|[-–—])[^\S\n]|\n")
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
    parts = desc.split()
    if not parts:
        return None
    last = parts[-1].lower().replace("’", "'")  # the head first: most runs of words have none
    if last.endswith("'s"):
        last = last[:-2]
    if last not in AGENT_NOUNS:
        return None
    words = [w.lower().replace("’", "'") for w in parts]
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
    if start < 0:
        return True  # the caller does not ask about the word before
    before = text[max(0, start - 20) : start].split()
    return not (before and before[-1].lower() in PREPOSITIONS)


def _words_before(text: str, at: int) -> list[str]:
    """The one or two lower-case words written just before ``at``, one space apart ("mining company")."""
    if at < 2 or text[at - 1] != " ":
        return []
    words = text[max(0, at - 40) : at - 1].split(" ")[-2:]
    while words and not (words[0][:1].islower() and words[0].replace("-", "").isalnum()):
        words = words[1:]
    return words if all(w[:1].islower() and w.replace("-", "").isalnum() for w in words) else []


def _around_name(text: str, name: str, start: int, end: int) -> list[Description]:
    """The descriptions written around one run of capitalised words: in apposition after or before it,
    as a noun or title before it."""
    out: list[Description] = []
    after = _DESCRIPTION_AFTER_RE.match(text, end)
    if after is not None:
        head = _head(after.group("desc"))
        # "a count from Civica Metrics, an independent firm": an indefinite apposition describes even the
        # object of a preposition ("In Rasko, the mayor said" pairs nothing)
        indefinite = after.group("article") != "the"
        if head is not None and (_proper(name, text, start) or (indefinite and _proper(name, text, -1))):
            out.append(Description(start, head[0], head[1], name))
    if text[start - 2 : start] == ", " and _CLOSES_NAME_RE.match(text, end):
        before = _DESCRIPTION_BEFORE_RE.search(text, max(0, start - 80), start)
        head = _head(before.group("desc")) if before is not None else None
        if before is not None and head is not None and _proper(name, text, start):
            out.append(Description(before.start(), head[0], head[1], name))
    run = name.split()
    if len(run) > 1 and all(w.isupper() for w in run):
        return out  # a menu or a transcript's label, not a name in a sentence
    titles = [k for k in range(len(run) - 2) if _head(run[k]) is not None]
    rest = run[titles[-1] + 1 :] if titles else run
    if rest[0][:1].islower():
        return out  # "Chief Executive Officer of Vellmar Group": a title, no personal name
    if titles:
        out.extend(
            Description(start, run[k].lower(), frozenset({run[k].lower()}), " ".join(rest)) for k in titles
        )
    words = _words_before(text, start)
    head = _head(" ".join(words)) if words else None
    if head is not None and rest[0] not in _NOT_NAMES:
        out.append(Description(start - 1 - sum(len(w) + 1 for w in words), head[0], head[1], " ".join(rest)))
    return out


def _closing_description(text: str, m: re.Match[str], mid_sentence: set[str]) -> list[Description]:
    """ "X will cut 900 jobs, the snack maker said": the description paired with the sentence's opening name."""
    desc = m.group("desc")
    head = _head(desc) if desc.split()[-1][:1].islower() else None  # "the Anglia News Agency" is a name
    if head is None or head[0] in _PERSON_HEADS:
        return []
    breaks = list(_SENTENCE_BREAK_RE.finditer(text, max(0, m.start() - 250), m.start()))
    opening = breaks[-1].end() if breaks else (0 if m.start() <= 250 else -1)
    found = _SENTENCE_OPENING_RE.match(text, opening) if opening >= 0 else None
    if found is None or not _proper(found.group("name"), text, opening):
        return []
    name = found.group("name")
    # a capital at the start of a sentence proves nothing: the name is written so elsewhere too
    if name.split()[0] not in mid_sentence:
        return []
    return [Description(m.start("desc"), head[0], head[1], name)]


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
    for m in _NAME_RUN_RE.finditer(text):
        found.extend(_around_name(text, m.group("name"), m.start(), m.end()))
    mid_sentence: set[str] | None = None
    for m in _CLOSING_DESCRIPTION_RE.finditer(text):
        if mid_sentence is None:  # the capitalised words the page writes inside sentences, read once
            mid_sentence = set(_MID_SENTENCE_CAPITAL_RE.findall(text))
        found.extend(_closing_description(text, m, mid_sentence))
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


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
