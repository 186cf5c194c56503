"""Evidence in the document texts: title+name pairs and acronym definitions."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from analyzer.names import initials
from analyzer.native import register_records
from analyzer.resolve.mentions import _country_of, _frame, _Item, _Role, _role_of
from analyzer.resolve.names import _acronym, _is_name_token, _name_key, _split_paren
from analyzer.resolve.patterns import _PAREN_ACRONYM, _QUOTES, _ROLE_HIT, _TITLE_NAME, _TITLE_REACH
from analyzer.resolve.vocab import _CONNECTORS, _NON_NAMES, _PARTICLES


@dataclass(frozen=True, slots=True)
class _Title:
    doc: str
    role: _Role
    name: str  # the full name that holds the title


@dataclass(frozen=True, slots=True)
class _Definition:
    doc: str
    acronym: str
    expansion: str
    country: str | None


def _initials(display: str) -> str:
    return initials(_split_paren(display)[0])


def _scan_definitions(doc: str, text: str) -> Iterable[_Definition]:
    for m in _PAREN_ACRONYM.finditer(text):
        letters = _acronym(m.group(1))
        if not letters:
            continue
        tokens = text[max(0, m.start() - 200) : m.start()].translate(_QUOTES).split()
        picked: list[str] = []
        j = len(tokens)
        while j and len(picked) < len(letters):
            tok = tokens[j - 1]
            if tok.lower() in _CONNECTORS and picked:
                j -= 1
            elif tok[:1].isupper() and tok[-1].isalnum() and not tok.lower().endswith("'s"):
                picked.append(tok[0])
                j -= 1
            else:
                break
        if "".join(reversed(picked)) != letters:
            continue
        while j < len(tokens) and tokens[j].lower() in _CONNECTORS:
            j += 1
        country = None
        if j and tokens[j - 1].lower().endswith("'s"):
            country = next(
                (c for k in (2, 1) if (c := _country_of([*tokens[j - k : j - 1], tokens[j - 1][:-2]]))), None
            )
        elif j:
            country = next((c for k in (2, 1) if (c := _country_of(tokens[max(0, j - k) : j]))), None)
        yield _Definition(doc, letters, " ".join(tokens[j:]), country)


def _title_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_TITLE_NAME.finditer(text)``, found from the role words only."""
    pos = 0
    while (hit := _ROLE_HIT.search(text, pos)) is not None:
        m = _TITLE_NAME.search(text, max(pos, hit.start() - _TITLE_REACH))
        if m is None:
            return
        yield m
        pos = max(m.end(), pos + 1)


def _scan_titles(doc: str, text: str) -> Iterable[_Title]:
    for m in _title_matches(text):
        words: list[str] = []
        for tok in m.group("name").translate(_QUOTES).split():
            possessive = tok.lower().endswith("'s")
            word = tok[:-2] if possessive else tok.rstrip(".")
            if not _is_name_token(word) and tok not in _PARTICLES:
                break
            words.append(word)
            if possessive:
                break
        while words and words[-1] in _PARTICLES:
            words.pop()
        if len(words) < 2:
            continue
        pre = m.group("pre").translate(_QUOTES).split()
        while pre and (pre[0].lower() in _NON_NAMES or pre[0].endswith(",")):
            pre = pre[1:]
        role = _role_of(_frame([*pre, *(m.group("rank") or "").split(), *m.group("role").split()]))
        if role is not None:
            yield _Title(doc, role, " ".join(words))


def _evidence(items: Sequence[_Item], doc_texts: Mapping[str, str]) -> tuple[list[_Title], list[_Definition]]:
    titles: list[_Title] = []
    definitions: list[_Definition] = []
    for doc in sorted(doc_texts):
        titles.extend(_scan_titles(doc, doc_texts[doc]))
        definitions.extend(_scan_definitions(doc, doc_texts[doc]))
    known = {_name_key(it.parsed.name) for it in items if it.parsed.full}
    known |= {_name_key(t.name) for t in titles if len(t.name.split()) == 2}
    trimmed = []
    for t in titles:  # "President Ana Ruiz Visits Port" in a headline: keep the known name inside
        words = t.name.split()
        cut = next((k for k in range(len(words) - 1, 1, -1) if _name_key(" ".join(words[:k])) in known), 0)
        trimmed.append(_Title(t.doc, t.role, " ".join(words[:cut])) if cut else t)
    for it in items:
        p = it.parsed
        if p.kind == "person" and p.full and p.role is not None:
            trimmed.append(_Title(it.doc, p.role, p.name))
    return trimmed, definitions


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
