"""Names as the text writes them: the :class:`Mention` record, labels, personal names, unnamed sources.

>>> person_name("Deputy Mayor Ana Ruiz"), canonical_label("the Harbour Authority")
('Ana Ruiz', 'Harbour Authority')
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.native import register_records
from analyzer.resolve.patterns import (
    _ACRONYM,
    _ARTICLE,
    _COMBINING,
    _DOUBLE,
    _KEEP_PERIOD,
    _LEAD_CHARS,
    _NAME_DASH,
    _NAME_PUNCT,
    _NAME_TOKEN,
    _PARTITIVE,
    _QUOTES,
    _SEGMENT,
    _TRAIL_CHARS,
    _TRAILING_PAREN,
    _WS,
    _Y_ENDING,
)
from analyzer.resolve.vocab import (
    _COUNTRIES,
    _COUNTRY_WORDS,
    _GENERIC_PEOPLE,
    _INDEFINITE,
    _LOWER_FIRST,
    _NOT_NAME,
    _PARTICLES,
    _POSTMODIFIERS,
    _PREPOSITIONS,
    _SUFFIXES,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention as the text writes it; ``order`` is its position in the document."""

    doc_id: str
    text: str
    order: int = 0


def _clean(text: str) -> str:
    s = _WS.sub(" ", text.translate(_QUOTES)).lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS)
    if s.endswith(")") and s.count("(") < s.count(")"):
        s = s[:-1].rstrip(_TRAIL_CHARS)
    if s.endswith(".") and not _KEEP_PERIOD.fullmatch(s.rsplit(" ", 1)[-1]):
        s = s[:-1].rstrip(_TRAIL_CHARS)
    return s


def canonical_label(text: str) -> str:
    """Lightly normalised mention: no leading article, no edge punctuation, straight apostrophes.

    A sentence-initial capital on a common word is lowered ("Officials"); proper nouns keep their case.

    >>> canonical_label("the coastguard"), canonical_label("a U.S. intelligence official")
    ('coastguard', 'U.S. intelligence official')
    >>> canonical_label("Officials familiar with the talks,"), canonical_label("South Korea’s spy agency")
    ('officials familiar with the talks', "South Korea's spy agency")
    """
    s = _clean(text)
    m = _ARTICLE.match(s)
    if m:
        s = s[m.end() :]
    first, _, rest = s.partition(" ")
    if (
        not m  # after an article a capital is not the sentence's: "The Diplomat" is a title
        and first[:1].isupper()
        and first[1:].islower()
        and first.lower() in _LOWER_FIRST
        and not any(w[:1].isupper() for w in rest.split())
    ):
        s = first.lower() + s[len(first) :]
    return s


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    s = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_QUOTES)))
    return _WS.sub(" ", s.casefold()).strip()


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """Folded name for comparison: no accents, dots or initials; -iy/-yy/-ii endings and double letters merged."""
    s = _NAME_DASH.sub(" ", _NAME_PUNCT.sub("", _fold(name)))
    s = _DOUBLE.sub(r"\1", _Y_ENDING.sub("y", s))
    words = s.split()
    return " ".join([w for w in words if len(w) > 1] or words)


def _is_name_token(tok: str) -> bool:
    if not tok[:1].isupper() or not _NAME_TOKEN.fullmatch(tok) or tok.rstrip(".").lower() in _NOT_NAME:
        return False
    if tok.endswith("'s") or tok.endswith("s'"):
        return False  # a possessor: "Norway's", "Vell's"
    if tok[1:].islower() or len(tok) == 1:
        return True
    upper = sum(map(str.isupper, tok))
    return upper < 2 or upper < sum(map(str.islower, tok))


def _name_run(tokens: Sequence[str]) -> tuple[int, list[str]]:
    """Start index and words of the run of personal-name words that ends ``tokens``."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].rstrip(".").lower() in _SUFFIXES:
        end -= 1
    i = end
    while i:
        tok = tokens[i - 1]
        if _is_name_token(tok) or (tok in _PARTICLES and i < end):
            i -= 1
            continue
        break
    run = [t if len(t) <= 2 else t.rstrip(".") for t in tokens[i:end]]
    if not run or all(t in _PARTICLES for t in run):
        return i, []
    if all(_fold(t) in _COUNTRY_WORDS for t in run):
        return i, []
    if i and tokens[i - 1].lower() in _PREPOSITIONS:
        return i, []  # "a spokesman for Lena Okafor" names somebody else
    if i and tokens[i - 1] == "&":
        return i, []  # "Rexford Power & Light", "Marks & Spencer": one firm's name, no person
    if i > 2 and tokens[i - 1] == "and" and _of_a_name(tokens[: i - 1]):
        return i, []  # "Ministry of Health and Family Welfare": the last part of a body's name, no person
    return i, run


def _of_a_name(tokens: Sequence[str]) -> bool:
    """Whether capitalised words before "and" end a name's "of/for" part: "Institute of Volcanology".

    >>> _of_a_name("Centre for Disease Control".split()), _of_a_name("Ana Ruiz".split())
    (True, False)
    """
    k = len(tokens)
    while k and tokens[k - 1][:1].isupper():
        k -= 1
    return 1 < k < len(tokens) and tokens[k - 1] in {"of", "for"} and tokens[k - 2][:1].isupper()


def _split_paren(label: str) -> tuple[str, str]:
    m = _TRAILING_PAREN.search(label)
    return (label[: m.start()], m.group(1).strip()) if m else (label, "")


@lru_cache(maxsize=1 << 16)
def _find_name(label: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(name, title words before it, other comma segments) of a mention that names a person."""
    segments = [s.strip() for s in _SEGMENT.split(label) if s.strip()]
    for idx, segment in enumerate(segments):
        tokens = _split_paren(segment)[0].split()
        i, run = _name_run(tokens)
        if run:
            return " ".join(run), tuple(tokens[:i]), (*segments[:idx], *segments[idx + 1 :])
    return None


def person_name(text: str) -> str | None:
    """The personal name inside a mention, titles and roles stripped, or None.

    >>> person_name("White House spokesperson Tomas Vell"), person_name("Captain Ana Ruiz")
    ('Tomas Vell', 'Ana Ruiz')
    >>> person_name("Tomas Vell, spokesman for the harbour authority"), person_name("the ministry")
    ('Tomas Vell', None)
    """
    found = _find_name(canonical_label(text))
    return found[0] if found else None


def is_unnamed(text: str) -> bool:
    """True for unnamed sources: "a senior diplomat", "officials", "sources familiar with the matter".

    >>> is_unnamed("a U.S. intelligence official"), is_unnamed("witnesses"), is_unnamed("the coastguard")
    (True, True, False)
    """
    s = _clean(text)
    indefinite = False
    m = _PARTITIVE.match(s)
    if m:
        s, indefinite = s[m.end() :], True
    tokens = s.split()
    if not tokens:
        return False
    indefinite = indefinite or tokens[0].lower() in _INDEFINITE
    head_tokens: list[str] = []
    for tok in tokens:
        if head_tokens and tok.lower() in _POSTMODIFIERS:
            break
        head_tokens.append(tok)
        if tok.endswith(","):
            break
    head = head_tokens[-1].strip(",;:")
    if (len(head_tokens) > 1 and head[:1].isupper() and not head.isupper()) or _find_name(
        " ".join(head_tokens).rstrip(",")
    ) is not None:
        return False  # "The Diplomat" (a title), "Senior Diplomat Ana Ruiz" (a name)
    head = head.lower()
    return head in _GENERIC_PEOPLE or (indefinite and len(head_tokens) > 1)


def _acronym(label: str) -> str | None:
    """The capital letters of a one-word acronym ("NIS", "DoD", "U.N."), else None."""
    word = label.strip()
    if not _ACRONYM.fullmatch(word) or _fold(word) in _COUNTRIES:
        return None
    upper = sum(ch.isupper() for ch in word)
    if upper < 2 or upper <= sum(ch.islower() for ch in word):
        return None
    return "".join(ch for ch in word if ch.isupper())


def _accents(form: str) -> int:
    """Letters written with their diacritics ("José Álvarez" is more complete than "Jose Alvarez")."""
    return sum(ord(ch) > 127 for ch in form)


@lru_cache(maxsize=1 << 16)
def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words = words[:-1]
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES:
            return _name_key(" ".join(words[i:]))
    return _name_key(words[-1])


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
