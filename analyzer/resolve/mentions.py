"""One mention parsed: a person (name and title), a role, an organisation, an unnamed source.

Also the corpus's distinct mentions (:class:`_Item`) with their counts and first positions.

>>> p = _parse("Norway's defence ministry")
>>> (p.kind, p.country, p.cls)
('org', 'norway', 'defense ministry')
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.native import register_records
from analyzer.resolve.names import (
    Mention,
    _acronym,
    _find_name,
    _fold,
    _name_key,
    _split_paren,
    canonical_label,
    is_unnamed,
)
from analyzer.resolve.vocab import (
    _ARTICLES,
    _CONNECTORS,
    _COUNTRIES,
    _DETERMINERS,
    _GENERIC_POSSESSORS,
    _HONORIFICS,
    _INSTITUTIONS,
    _LEMMAS,
    _MAX_COUNTRY_WORDS,
    _PARTICLES,
    _PREPOSITIONS,
    _RANKS,
    _ROLE_CLASS,
    _SYNONYMS,
    _TITLES,
)


@dataclass(frozen=True, slots=True)
class _Role:
    cls: str  # "president", "prime minister", "leader", "spokesperson", "vice:president", ...
    mods: frozenset[str]  # other words of the title: {"defense"} in "defense secretary"
    country: str | None
    possessor: str | None  # a possessor that is not a country: "okafor" in "Okafor's deputy"


@dataclass(frozen=True, slots=True)
class _Frame:
    country: str | None
    possessor: str | None
    possessor_text: str
    display: list[str]  # words without possessor or leading demonym
    core: list[str]  # display without a trailing "of <country>"


@dataclass(frozen=True, slots=True)
class _Parsed:
    kind: str  # "unnamed", "person", "role", "org", "empty"
    label: str
    name: str = ""  # a person's name as written
    full: bool = False  # the name has a given name and a surname
    role: _Role | None = None
    country: str | None = None
    possessor: str | None = None
    possessor_text: str = ""
    rest: str = ""  # an org or role without its possessor
    proper: bool = False
    display: str = ""  # an organisation's name as it would stand alone
    org_key: str = ""
    cls: str = ""
    acronym: str | None = None  # the mention is an acronym
    defines: str | None = None  # the mention defines an acronym: "National Intelligence Service (NIS)"


def _country_of(words: Sequence[str]) -> str | None:
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return _COUNTRIES.get(_fold(" ".join(words))) if words else None


_SAINTS = frozenset({"st", "saint", "ste", "san", "santa", "sao", "são"})


def _frame(tokens: Sequence[str]) -> _Frame:
    toks = list(tokens)
    while toks and toks[0].lower() in _DETERMINERS:
        toks = toks[1:]
    country: str | None = None
    possessor: str | None = None
    poss_text = ""
    for i, tok in enumerate(toks[:5]):
        low = tok.lower()
        if low.endswith("s'") and tok[:1].isupper() and i + 1 < len(toks) and toks[i + 1][:1].isupper():
            continue  # "National Teachers' Federation": a plural genitive inside a name owns nothing
        if i > 0 and toks[i - 1].lower().rstrip(".") in _SAINTS and tok[:1].isupper():
            continue  # "St Brigid's University Hospital": a saint's name starts the body's name
        if (low.endswith("'s") or low.endswith("s'")) and i + 1 < len(toks):
            words = [*toks[:i], tok[:-2] if low.endswith("'s") else tok[:-1]]
            poss_text = " ".join(words)
            country = _country_of(words)
            key = _fold(poss_text)
            if country is None and key not in _GENERIC_POSSESSORS:
                possessor = key
            toks = toks[i + 1 :]
            break
    if not poss_text:
        for k in range(min(_MAX_COUNTRY_WORDS, len(toks) - 1), 0, -1):
            country = _country_of(toks[:k]) if toks[k].lower() not in ("and", "or", "&") else None
            if country:
                toks = toks[k:]
                break
    core = toks
    if country is None and possessor is None:
        for k in range(min(_MAX_COUNTRY_WORDS + 1, len(toks) - 2), 0, -1):
            if toks[-k - 1].lower() == "of":
                country = _country_of(toks[-k:])
                if country:
                    core = toks[: -k - 1]
                    break
    return _Frame(country, possessor, poss_text, toks, core)


def _norm_words(tokens: Sequence[str]) -> list[str]:
    words = [_LEMMAS.get(w, w) for w in (_fold(t).strip(".,;:'\"()") for t in tokens)]
    words = [w for w in words if w and w not in _DETERMINERS]
    if "of" in words[1:-1]:  # "ministry of the interior" -> "interior ministry"
        j = words.index("of")
        words = words[j + 1 :] + words[:j]
    return words


def _class_of(words: Sequence[str]) -> str:
    for k in (3, 2, 1):
        if len(words) >= k:
            cls = _SYNONYMS.get(" ".join(words[-k:]))
            if cls:
                return cls
    return " ".join(words)


def _role_of(frame: _Frame) -> _Role | None:
    words = [_LEMMAS.get(w, w) for w in (_fold(t).strip(".,;:") for t in frame.core)]
    words = [w for w in words if w and w not in _DETERMINERS]
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    h = cut - 1
    if h < 0 or not (words[h] in _TITLES or words[h] == "spokesperson"):
        return None
    head = words[h]
    used = {h}
    if head == "minister" and h and words[h - 1] == "prime":
        head, used = "prime minister", {h - 1, h}
    mods = {w for i, w in enumerate(words) if i not in used and w not in _CONNECTORS}
    if head == "head" and "state" in mods:
        head, mods = "president", mods - {"state"}
    ranks = sorted({_RANKS[w] for w in mods if w in _RANKS})
    mods = {w for w in mods if w not in _RANKS and w not in _HONORIFICS and w not in _PREPOSITIONS}
    cls = _ROLE_CLASS.get(head, head)
    return _Role(":".join([*ranks, cls]), frozenset(mods), frame.country, frame.possessor)


def _is_proper(tokens: Sequence[str]) -> bool:
    content = [t for t in tokens if t.lower() not in _CONNECTORS]
    return bool(content) and all(t[:1].isupper() or t[:1].isdigit() for t in content)


def _named_after_description(words: Sequence[str]) -> str | None:
    """The proper name a lower-case description of a body stands before: "health agency Africa CDC" ->
    "Africa CDC", "rights group Amnesty International" -> "Amnesty International" (the description ends in
    an institution's noun; the rest is all capitalised).

    >>> _named_after_description("health agency Africa CDC".split()), _named_after_description(["Africa", "CDC"])
    ('Africa CDC', None)
    """
    for k in range(1, min(len(words), 5)):
        if not words[k - 1].islower():
            return None
        if words[k - 1] in _INSTITUTIONS and words[k][:1].isupper() and _is_proper(words[k:]):
            return " ".join(words[k:])
    return None


def _parse_org(label: str) -> _Parsed:
    body, paren = _split_paren(label)
    tokens = body.split()
    frame = _frame(tokens)
    named = _named_after_description(frame.display)
    if named is not None:  # "the African Union's health agency Africa CDC": the body by its name
        return _parse_org(named + (f" ({paren})" if paren else ""))
    paren_country = _country_of(paren.split()) if paren else None
    country = frame.country or paren_country
    role = _role_of(frame)
    rest = " ".join(frame.display)
    if role is not None:
        role = _Role(role.cls, role.mods, country, role.possessor)
        return _Parsed("role", label, role=role, country=country, possessor=frame.possessor,
                       possessor_text=frame.possessor_text, rest=rest, cls=role.cls)  # fmt: skip
    core = frame.core or tokens
    whole = _country_of(tokens)
    words = _norm_words(core)
    proper = _is_proper(core)
    display = label
    if proper and frame.display:
        display = rest + (f" ({paren})" if paren_country else "")
    return _Parsed(
        "org",
        label,
        country=country or whole,
        possessor=frame.possessor,
        possessor_text=frame.possessor_text,
        rest=rest,
        proper=proper,
        display=display,
        org_key=" ".join(words),
        cls="country" if whole else _class_of(words),
        defines=_acronym(paren) if paren and not paren_country else None,
    )


# "a spokesperson for the City of Kesterford", "officials at the district hospital": the body speaks; so do
# a firm's unnamed professionals: "Analysts at Harwell Cole", "lawyers at Dunmore LLP"
_VOICE_OF_RE = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:spokesperson|spokesman|spokeswoman|spokespeople|official|officials"
    r"|(?:analysts|lawyers|attorneys|economists|strategists|researchers|scientists)(?=\s+at\b))"
    r"\s+(?:for|at|of)\s+(?P<body>(?:the\s+)?(?-i:[A-Z]).*)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def _parse(text: str) -> _Parsed:
    voice = _VOICE_OF_RE.fullmatch(text.strip())
    named = voice is not None and any(
        w[:1].isupper() for w in voice.group("body").split() if w.lower() != "the"
    )
    if voice is not None and named:
        body = _parse(voice.group("body"))
        if body.kind in ("org", "role", "person"):
            return body  # an unnamed spokesperson or officials of a named body or person: they speak for it
    label = canonical_label(text)
    if not label:
        return _Parsed("empty", text.strip())
    if is_unnamed(text):
        return _Parsed("unnamed", label)
    acronym = _acronym(label)
    if acronym:
        return _Parsed("org", label, proper=True, display=label, org_key=_fold(label), acronym=acronym)
    found = _find_name(label)
    if found is None:
        return _parse_org(label)
    name, before, others = found
    if (
        " " not in name
        and before
        and all(t[:1].isupper() for t in before)
        and before[-1].lower() in _INSTITUTIONS
    ):
        return _parse_org(
            label
        )  # "Mine Watch Dravenia": a body's name ending in a place, not a titled person
    while before and before[-1].lower().rstrip(".") in _HONORIFICS:
        before = before[:-1]  # "Health Minister Dr. Inés Marbury": the title before the honorific
    role = _role_of(_frame(before)) if before else None
    for segment in others:
        if role is not None:
            break
        role = _role_of(_frame(segment.split()))
    key = _name_key(name).split()
    full = len(key) >= 2 and name.split()[0] not in _PARTICLES
    return _Parsed("person", label, name=name, full=full, role=role)


_Node = tuple[str, ...]


@dataclass(slots=True)
class _Item:
    doc: str
    text: str
    order: int
    count: int
    parsed: _Parsed


def _collect(mentions: Iterable[Mention]) -> list[_Item]:
    first: dict[tuple[str, str], int] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        key = (m.doc_id, m.text)
        counts[key] += 1
        first[key] = min(first.get(key, m.order), m.order)
    return [
        _Item(doc, text, first[(doc, text)], counts[(doc, text)], _parse(text))
        for doc, text in sorted(counts)
    ]


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
