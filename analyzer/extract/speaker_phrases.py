"""The speaker phrase before a reporting verb: its modifiers, appositions, asides and relative clauses.

"A local official in the Serran valley, who asked not to be named, said": the official;
"The national rail operator, National Rail Services (NRS), said": the name in the aside;
"Interior ministry figures put": the ministry, which speaks through its figures.

>>> from analyzer.extract.tokens import tokenize
>>> text = "A local official in the valley, citing police records, said 12 died."
>>> toks = tokenize(text)
>>> (span, cited) = subject_before(text, toks, 11)
>>> " ".join(t.text for t in toks[span[0] : span[1]]), cited
('A local official', ('police records',))
"""

from __future__ import annotations

import re

from analyzer.extract.cues import AUTHORING_PARTICIPLES, INFO_NOUNS
from analyzer.extract.sentence_subjects import sentence_subject
from analyzer.extract.tokens import (
    MONTHS,
    QUOTES,
    SKIPPABLE,
    WEEKDAYS,
    Token,
    np_head,
    phrase_after,
    phrase_before,
)
from analyzer.extract.vocab import AGENT_NOUNS, DATA_STATUS_WORDS, DETERMINERS, PRONOUNS, REPORTING_FORMS

__all__ = [
    "CARRIED_INFO",
    "apposed_after",
    "appositive_name",
    "carried_information",
    "ownerless",
    "skip_left",
    "subject_before",
]

_MODIFYING_PARTICIPLES = frozenset(
    {"released", "published", "issued", "compiled", "provided", "obtained", "seen"}
)
# Prepositions that attach a phrase to the noun before it: "officials in the valley", "a poll by X for Y".
_PP_LINKS = frozenset({"in", "at", "from", "for", "on", "with", "of"})
_HEAD_LINKS = frozenset({"of", "for", "in", "at", "from", "on"})
_INFO_LINKS = frozenset({"of", "from", "on"})
_INFO_MODIFIERS = frozenset(
    {"latest", "own", "official", "new", "preliminary", "final", "updated", "first"}
    | {"previous", "earlier", "initial", "separate", "recent", "last", "second", "later"}
)
_DESCRIPTION_HEADS = AGENT_NOUNS | {"operator", "firm", "company", "group", "body"}
_CITED_ASIDE_RE = re.compile(r"(?:citing|quoting)\s+(.+)$", re.IGNORECASE)


def skip_left(tokens: list[Token], i: int) -> int:
    """Index just after the speaker phrase when walking left from token i over adverbs and dates."""
    j = i
    while j > 0:
        low = tokens[j - 1].low
        if (
            low in SKIPPABLE
            or low in WEEKDAYS
            or (low.isdigit() and len(low) <= 2 and not _named_number(tokens, j - 1))
        ):
            j -= 1
            continue
        if tokens[j - 1].text[:1].isupper() and low in {"october", "september", "november", "december"}:
            j -= 1
            continue
        break
    return j


def _named_number(tokens: list[Token], k: int) -> bool:
    """Whether the number at token ``k`` ends a name ("France 24", "Channel 4"), not a date ("March 12").

    >>> from analyzer.extract.tokens import tokenize
    >>> [_named_number(tokenize(s), 1) for s in ("France 24 reported", "March 12 said", "on 12 said")]
    [True, False, False]
    """
    before = tokens[k - 1] if k > 0 else None
    return (
        before is not None
        and before.is_capitalised
        and before.low.rstrip(".") not in MONTHS
        and before.low not in WEEKDAYS
        and before.low not in SKIPPABLE
    )


_LONG_ASIDE_OPENERS = frozenset({"who", "which", "speaking", "citing", "quoting", "according"})


def _role_of_body(tokens: list[Token], a: int) -> bool:
    """Whether the aside at token ``a`` opens on a role: an agent or title noun in its first words, or one to
    four lower-case words and "for/of/at/with (the) <Name>" ("disaster management delegate for the IFRC")."""
    m = a
    while (
        m < len(tokens)
        and m - a < 4
        and tokens[m].is_word
        and tokens[m].text.islower()
        and tokens[m].low not in {"for", "of", "at", "with"}
    ):
        if tokens[m].low in _TITLE_HEADS or tokens[m].low in AGENT_NOUNS:
            return True
        m += 1
    if m == a or m + 1 >= len(tokens) or tokens[m].low not in {"for", "of", "at", "with"}:
        return False
    nxt = tokens[m + 2] if tokens[m + 1].low == "the" and m + 2 < len(tokens) else tokens[m + 1]
    return nxt.is_capitalised


def _parenthetical_left(text: str, tokens: list[Token], j: int) -> tuple[int, str | None] | None:
    """When tokens[j-1] is a comma closing ", <aside>,", the index before the aside and what it cites."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"} and tokens[k].text not in QUOTES:
        k -= 1
    if k >= 1 and tokens[k].text in QUOTES:  # ", which had put turnout at "closer to 55%" on Monday,"
        opener = k
        while opener >= 1 and tokens[opener].text not in {",", ";", ":"}:
            opener -= 1
        quotes = sum(t.text in QUOTES for t in tokens[opener + 1 : j - 1])
        if (
            opener >= 1
            and tokens[opener].text == ","
            and tokens[opener + 1].low in {"which", "who"}
            and quotes % 2 == 0
        ):
            k = opener
    if k < 1 or tokens[k].text != ",":
        return None
    # "Ana Lind, a geologist at X who has studied the slopes for two decades, said": a person or a body the
    # sentence opens with, described by a relative clause of its own, may run longer than other asides
    described = (
        j - 2 - k <= 28
        and tokens[k + 1].low in {"a", "an"}
        and _describes_an_agent(tokens, k + 2, j - 1)
        and not any(t.text in {",", ";", ":"} or t.text in QUOTES for t in tokens[:k])
        and any(t.low in {"who", "which"} for t in tokens[k + 2 : j - 1])
    )
    # "Ana Lind, disaster management delegate for the International Federation of Red Cross and Red Crescent
    # Societies (IFRC), said": a role and the long name of its body, after a name that opens the sentence
    role = (
        not described
        and j - 2 - k <= 26
        and tokens[k - 1].is_capitalised
        and tokens[k + 1].text[:1].islower()
        and _role_of_body(tokens, k + 1)
        and not any(t.text in {",", ";", ":"} or t.text in QUOTES for t in tokens[:k])
        and not any(
            t.low in {"who", "which", "that"} or t.low in REPORTING_FORMS for t in tokens[k + 1 : j - 1]
        )
    )
    if j - 2 - k > 14 and not described and not role and tokens[k + 1].low not in _LONG_ASIDE_OPENERS:
        return None
    first = tokens[k + 1]
    aside = text[first.start : tokens[j - 2].end]
    low = first.low
    cited = None
    m = _CITED_ASIDE_RE.match(aside)
    if m:
        cited = m.group(1).strip()
    elif not (
        first.text[:1].islower()
        or low in {"who", "which", "however", "the", "a", "an", "in", "at", "speaking", "according"}
        or (len(aside.split()) <= 8 and tokens[k - 1].is_capitalised)
        or (tokens[k - 1].is_capitalised and _capitalised_title(tokens, k + 1, j - 1))
    ):
        return None
    return k, cited


def _capitalised_title(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens ``a``..``b`` are one capitalised title with its portfolio: "Additional Superintendent of
    Police for the Northern Range District" (a title head, then only names and of/for/the/and/on)."""
    return any(t.is_capitalised and t.low in _TITLE_HEADS for t in tokens[a:b]) and all(
        t.is_capitalised or t.low in {"of", "for", "the", "and", "on"} or t.text in {"(", ")"}
        for t in tokens[a:b]
    )


_DESCRIPTION_ENDS = frozenset(
    {"at", "of", "in", "for", "from", "with", "on", "who", "which", "that", "based"}
)


def _describes_an_agent(tokens: list[Token], a: int, b: int) -> bool:
    """Whether the description in tokens[a:b] ("senior geologist at X who ...") names a person's role or a body
    ("a village in the north" does not).

    >>> from analyzer.extract.tokens import tokenize
    >>> [_describes_an_agent(tokenize(t), 0, 6) for t in ("senior geologist at the institute", "village in the north")]
    [True, False]
    """
    end = next((m for m in range(a, b) if tokens[m].low in _DESCRIPTION_ENDS or not tokens[m].is_word), b)
    if end == a:
        return False
    head = tokens[end - 1].low
    return head in AGENT_NOUNS or head.endswith(("ist", "ian"))


def apposed_after(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "said Network Elbridge's chief engineer, Amit Sahota.": the full name apposed to a title, else ``span``."""
    a, b = span
    if b + 2 >= len(tokens) or tokens[b].text != "," or not any(t.low in _TITLE_HEADS for t in tokens[a:b]):
        return span
    end = b + 1
    while end < len(tokens) and (tokens[end].is_capitalised or tokens[end].low in _APPOSITIVE_LINKS):
        end += 1
    closes = end == len(tokens) or tokens[end].text in {".", ",", ";", "!", "?"}
    return (b + 1, end) if closes and end - (b + 1) >= 2 and tokens[b + 1].is_capitalised else span


def appositive_name(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "The national rail operator, National Rail Services (NRS), said": the name in the aside."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"}:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    aside = [t for t in tokens[k + 1 : j - 1] if t.text not in {"(", ")"}]
    if not aside or not all(t.is_capitalised or t.low in _APPOSITIVE_LINKS for t in aside):
        return None
    if not _describes(tokens, k, aside):
        return None
    end = j - 1
    while (end > k + 1 and tokens[end - 1].text in {"(", ")"}) or (
        end > k + 1 and tokens[end - 2].text == "("
    ):
        end -= 1
    return (k + 1, end)


def _describes(tokens: list[Token], k: int, aside: list[Token]) -> bool:
    """Whether the phrase before the comma at token ``k`` describes the one the name in ``aside`` names."""
    described = _subject_phrase(tokens, k) or _hyphen_led(tokens, k)  # "A spokesman for the U.S.-led ...,"
    by = next((m for m in range(k - 1, max(1, k - 5), -1) if tokens[m].low == "by"), None)
    if by is not None and (described is None or described[0] >= by):
        # "A group formed by the families, the X Committee,": the description is the group, not its makers
        part = by - 1 - (tokens[by - 1].low == "up")
        if part > 0 and tokens[part].low.endswith(("ed", "en", "set")):
            described = _subject_phrase(tokens, part) or described
    if described is not None:
        # "An opposition MP for Kiremba, Moses Kalundi,": a description headed by an agent noun
        head = _head_of(tokens, described)
        if _description_head(head):
            return True
        if (
            (
                (tokens[described[0]].low in {"a", "an", "another"} and head.text[:1].islower())
                # "Tenaro's Minister for Humanitarian Affairs, Salma Idrissa,": a title with its portfolio
                or any(t.low in _TITLE_HEADS for t in tokens[described[0] : described[1]])
            )
            and len([t for t in aside if t.is_capitalised]) >= 2
        ):
            return True  # "A local priest, Father Miguel Soto,": an indefinite description, a full name
    if len([t for t in aside if t.is_capitalised]) >= 2 and _titled_description(tokens, k):
        return True  # "X's Coordinator for Information on Tarn (TN) Affairs, Arif Wali Khan,": a long title
    if (
        tokens[k - 1].low in _TITLE_HEADS
        and tokens[k - 1].text[:1].islower()
        and len([t for t in aside if t.is_capitalised]) >= 2
    ):
        return (
            True  # "The Department of Fire Services (DFES) deputy commissioner, Tom Reyes,": a title, a name
        )
    return _description_head(tokens[k - 1])


_TITLE_REACH = 14  # tokens a capitalised title may stand before the comma of the name it describes


def _titled_description(tokens: list[Token], k: int) -> bool:
    """Whether the phrase before the comma at token ``k`` is a capitalised title with its portfolio, from the
    sentence's start or an opening connective: "Meanwhile, the Prime Minister's Coordinator for Information
    on Tarn (TN) Affairs" (a title head, then only names, "of/for/on/and" and a parenthesised acronym)."""
    m = k - 1
    seen_title = False
    while m >= 0 and k - m <= _TITLE_REACH:
        tok = tokens[m]
        if tok.text == ",":
            break
        if tok.is_capitalised and tok.low in _TITLE_HEADS:
            seen_title = True
        elif not (
            tok.is_capitalised or tok.text in {"(", ")"} or tok.low in _APPOSITIVE_LINKS or tok.is_possessive
        ) and tok.low not in {"the", "on", "for", "of", "and"}:
            return False
        m -= 1
    return seen_title and (m < 0 or tokens[m].text == ",")


def _description_head(tok: Token) -> bool:
    """A word that heads a description of a speaker ("operator", "MP"), in lower case or an acronym."""
    return (tok.text[:1].islower() or tok.text.isupper()) and tok.low in _DESCRIPTION_HEADS


# lower-case words inside a name: connectors and the particles of surnames ("Sanne de Vries")
_APPOSITIVE_LINKS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "du",
        "dos",
        "la",
        "le",
    }
)
# Heads of a description that name one person's office, whatever their case ("Minister for Health")
TITLE_HEADS = _TITLE_HEADS = frozenset(
    {
        "minister",
        "secretary",
        "commissioner",
        "director",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "president",
        "governor",
        "mayor",
        "chief",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "engineer",
        "officer",
        "executive",
        "ambassador",
        "envoy",
        "coordinator",
        "representative",
        "prosecutor",
        "judge",
        "superintendent",
        "inspector",
        "commander",
        "magistrate",
    }
)


def _head_of(tokens: list[Token], span: tuple[int, int]) -> Token:
    """The head word of a speaker phrase: the last word before its first "of"/"for" ("officer for Kiremba")."""
    for k in range(span[0] + 1, span[1]):
        if tokens[k].low in _HEAD_LINKS:
            return tokens[k - 1]
    return tokens[span[1] - 1]


def _bare_place(tokens: list[Token], start: int, end: int) -> bool:
    """ "on Marenza", "on Crete": a name with no determiner and no agent noun after "on" is a place (an island).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("A doctor on Lesbos said")
    >>> _bare_place(toks, 3, 4)
    True
    """
    return all(
        tokens[k].is_capitalised and tokens[k].low not in AGENT_NOUNS and not tokens[k].is_possessive
        for k in range(start, end)
    )


def _drop_place(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "A port official on Kelvara": a bare place after "on" at the end of the phrase locates the speaker."""
    start, end = span
    for k in range(start + 1, end - 1):
        if tokens[k].low == "on" and _bare_place(tokens, k + 1, end):
            return (start, k)
    return span


def _information_of(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The phrase of an information noun whose "of"/"from" phrases end at token ``start``: in "its own tally
    of calls from members showed", the tally shows, not the members (its owner is then the speaker).

    >>> from analyzer.extract.tokens import tokenize
    >>> _information_of(tokenize("its own tally of calls from members showed"), 6)
    (0, 3)
    """
    k = start
    from_ = False
    for _ in range(2):
        link = k - 1
        while link > k - 4 and link > 0 and tokens[link].is_word and tokens[link].low not in _INFO_LINKS:
            link -= 1  # the words of the object of the preposition: "calls", "local members"
        if link < 1 or tokens[link].low not in _INFO_LINKS:
            return None
        # "A previous report on Thursday from X": the day the report came is no object of its own
        from_ = tokens[link].low == "from" or (
            from_ and tokens[link].low == "on" and all(t.low in _DAY_WORDS for t in tokens[link + 1 : k])
        )
        head = tokens[link - 1]
        if head.low in INFO_NOUNS and not head.is_capitalised:
            info = phrase_before(tokens, link)
            if info is not None and from_ and ownerless(tokens, info):
                return None  # "A statement from the governor's office said": the office, its author
            return info
        k = link
    return None


_DAY_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)


def ownerless(tokens: list[Token], span: tuple[int, int]) -> bool:
    """An information noun's phrase that names no owner: "a statement", "the latest figures"."""
    return all(
        t.low in DETERMINERS
        or t.low in _INFO_MODIFIERS
        or t.low in INFO_NOUNS
        or t.low in {"joint", "written"}
        for t in tokens[span[0] : span[1]]
    )


def _extend_left(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """The whole subject when the phrase found is the object of a preposition that modifies it.

    "A local official in the Serran valley said": the subject is the official, not the valley;
    "A poll by the Institute for the Post found": the author of the poll, not the paper it was for.
    """
    info = _information_of(tokens, span[0])
    if info is not None:
        return info
    start, end = span
    through_place = False
    for _ in range(3):
        link = start - 1
        while link > start - 4 and link > 0 and tokens[link].is_word and tokens[link].low not in _PP_LINKS:
            link -= 1  # "engineers at the city water board": the phrase found may be only "board"
        if link < 1 or tokens[link].low not in _PP_LINKS:
            break
        if tokens[link].low == "of" and tokens[link - 1].low in _PLACE_HEADS and not through_place:
            # "the health department in the (South African) province of Gauteng": a place's name is no
            # speaker; the place phrase is read over to what it locates
            j = link - 1
            while j > max(0, link - 6) and tokens[j - 1].is_word and tokens[j - 1].low not in _PP_LINKS:
                j -= 1
            through_place, start = True, j
            continue
        outer = phrase_before(tokens, link)
        if outer is None:
            break
        a, b = outer
        if a >= 2 and tokens[a - 1].low == "by" and tokens[a - 2].low in INFO_NOUNS:
            # the by-phrase of an information noun names its author: "a study by researchers at X"
            return outer if tokens[link].low in {"for", "in"} else (a, end)
        head = _head_of(tokens, outer)
        if head.low not in AGENT_NOUNS and not (
            tokens[link].low == "in" and _proper_body(tokens, outer) and _bare_place(tokens, start, end)
        ):
            break
        if tokens[link].low == "in" or (tokens[link].low == "on" and _bare_place(tokens, start, end)):
            # where the speaker is ("officials in the valley") is not part of who it is; but a place named as
            # "the province of X" stays with it: "the health department in the province of X" is X's
            start, end = a, (end if through_place else b)
        else:
            start = a  # what it belongs to is: "doctors at the city hospital", "a spokesman for the group"
        through_place = False
    if through_place:
        return span  # no speaker before the place: "the province of Gauteng said" stays as it was
    return (start, end)


def _proper_body(tokens: list[Token], span: tuple[int, int]) -> bool:
    """A body's proper name that a place after "in" locates: "The Harbor Trust (in North Wales) said", "the
    Red Cross", "UNICEF"; one capitalised word that is no acronym ("Floods in Kenya") is no such name.

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The Harbor Trust in Wales said")
    >>> _proper_body(toks, (0, 3)), _proper_body(tokenize("Floods in Kenya said"), (0, 1))
    (True, False)
    """
    words = [t for t in tokens[span[0] : span[1]] if t.low not in DETERMINERS]
    if not words or not all(t.is_capitalised and t.is_word and not t.is_possessive for t in words):
        return False
    return len(words) > 1 or (len(words[0].text) > 1 and words[0].text.isupper())


_PLACE_HEADS = frozenset(
    {
        "province",
        "region",
        "state",
        "city",
        "district",
        "county",
        "country",
        "town",
        "municipality",
        "capital",
    }
)


_NOT_MODIFIERS = frozenset(
    {
        "and",
        "but",
        "or",
        "nor",
        "as",
        "while",
        "whereas",
        "though",
        "although",
        "so",
        "yet",
        "then",
        "also",
        "now",
    }
    | {"which", "who", "whom", "whose", "that", "where", "when", "if", "because", "since", "after", "before"}
    | {"until", "than", "there", "not", "only", "even", "just", "still", "however", "though", "by", "to"}
)


def _bare_modifiers(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """A headline's subject without an article after a comma takes its lower-case modifiers: "..., civil
    protection agency says" (the agency of civil protection, not any agency).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("16,500 evacuated, civil protection agency says")
    >>> _bare_modifiers(toks, (5, 6))
    (3, 6)
    """
    start, end = span
    if end - start != 1 or not tokens[start].text.islower():
        return span
    k = start
    while (
        k > 0
        and start - k < 3
        and tokens[k - 1].is_word
        and tokens[k - 1].text.isalpha()
        and tokens[k - 1].text.islower()
        and tokens[k - 1].low not in _NOT_MODIFIERS
        and tokens[k - 1].low not in DETERMINERS
        and tokens[k - 1].low not in PRONOUNS
        and tokens[k - 1].low not in REPORTING_FORMS
        and tokens[k - 1].low not in _PP_LINKS
    ):
        k -= 1
    if k < start and k > 0 and tokens[k - 1].text in {",", ";", ":", "–", "—"}:
        return (k, end)
    return span


# tokens back from the verb to the preposition of an object phrase that no noun phrase reading covers: "The
# operator of the ruptured Kelso gas line said" (article, participle, name, two nouns)
_PP_REACH = 8


def _subject_phrase(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The speaker phrase ending before token ``end``, with the prepositional phrases that modify it.

    The object of such a preposition may be any noun: "an official in the Serran valley".
    """
    span = phrase_before(tokens, end) or _hyphen_led(tokens, end)
    if span is not None:
        return _drop_place(tokens, _extend_left(tokens, _bare_modifiers(tokens, span)))
    familiar = _familiar_source(tokens, end)
    if familiar is not None:
        return familiar
    for k in range(end - 1, max(0, end - _PP_REACH), -1):
        tok = tokens[k]
        if tok.low in _PP_LINKS:
            outer = phrase_before(tokens, k)
            if outer is not None and k + 1 < end and _head_of(tokens, outer).low in AGENT_NOUNS:
                return _extend_left(tokens, outer if tok.low == "in" else (outer[0], end))
            return None
        if not tok.is_word:
            return None
    return None


# the unnamed sources of news agencies: "people familiar with the matter", "a source close to the talks"
_FAMILIAR_LINKS = frozenset({"familiar", "close", "briefed", "knowledge", "aware"})
_FAMILIAR_NOUNS = frozenset(
    {
        "people",
        "person",
        "persons",
        "source",
        "sources",
        "officials",
        "official",
        "diplomats",
        "diplomat",
        "executives",
        "executive",
        "individuals",
        "insiders",
        "insider",
        "staff",
        "employees",
        "members",
    }
)


def _familiar_source(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """ "(Two) people familiar with the matter", "a source close to the talks", "officials briefed on the
    plan", "people with knowledge of the deal": an unnamed source whose phrase ends at token ``end``.

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("Two people familiar with the inspection said")
    >>> _familiar_source(toks, 6)
    (0, 6)
    >>> _familiar_source(tokenize("The river close to the town said"), 6) is None
    True
    """
    for k in range(end - 2, max(0, end - 9), -1):
        tok = tokens[k]
        if not tok.is_word:
            return None
        if tok.low not in _FAMILIAR_LINKS:
            continue
        head = k - 1
        if tok.low == "knowledge" and head >= 0 and tokens[head].low in {"with", "direct", "first-hand"}:
            head -= 2 if tokens[head].low != "with" else 1  # "people with (direct) knowledge of"
            if head >= 0 and tokens[head].low == "with":
                head -= 1
        if head < 0 or tokens[head].low not in _FAMILIAR_NOUNS:
            return None
        start = head
        while (
            start > 0
            and start > head - 3
            and tokens[start - 1].is_word
            and not tokens[start - 1].is_capitalised
        ):
            start -= 1  # "two people", "a senior official", "several people"
        if start > 0 and tokens[start - 1].is_capitalised and tokens[start - 1].is_word and start - 1 == 0:
            start -= 1  # the sentence's first word: "Two people", "Several sources"
        return (start, end)
    return None


def _hyphen_led(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """A phrase whose modifier the tokenizer split at its hyphen after an abbreviation: "The U.S.-led
    coalition" (tokens "U.S.", "-", "led", "coalition").

    >>> from analyzer.extract.tokens import tokenize
    >>> _hyphen_led(tokenize("The U.S.-led coalition said"), 5)
    (0, 5)
    """
    k = end - 1
    while k > end - 4 and k > 2 and tokens[k].is_word and not tokens[k].is_capitalised:
        if tokens[k - 1].text == "-" and tokens[k - 1].start == tokens[k - 2].end == tokens[k - 1].end - 1:
            left = phrase_before(tokens, k - 1)
            return (left[0], end) if left is not None else None
        k -= 1
    return None


def _before_relative_clause(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "A local official who asked not to be named said": the phrase before a restrictive relative clause.

    "who" follows a person; "that" only a name or an agent noun ("the agency that runs the port").
    """
    for k in range(j - 1, max(0, j - 14) - 1, -1):
        tok = tokens[k]
        if tok.text in {"who", "that"} and k > 0:
            span = _subject_phrase(tokens, k)
            if span is not None and (tok.text == "who" or np_head(tokens[span[1] - 1])):
                if tok.text == "that" and span[0] > 0 and tokens[span[0] - 1].low in REPORTING_FORMS:
                    return None  # "has told the Courier that ...": the hearer, then the reported clause
                return span
            return None
        if not tok.is_word or (tok.low in REPORTING_FORMS and tokens[k - 1].low not in {"to", "who"}):
            return None  # "who spoke on condition of anonymity said": the relative clause's own verb
    return None


# a participle that heads a reduced relative clause on an agent noun: "ministers leading the response"
_LEADING_RE = re.compile(r"(?:lead|head|oversee|run|coordinat|manag|direct|investigat|monitor)ing")


def _before_reduced_passive(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "Economists polled by Reuters expected ...": the subject is the agent noun before a participle and
    its by-phrase, not the by-phrase (a survey's author stays: "the tally compiled by AP shows")."""
    a = span[0]
    if a >= 2 and _LEADING_RE.fullmatch(tokens[a - 1].text):
        # "Three ministers leading the security response ... say": the agents, not what they lead
        outer = phrase_before(tokens, a - 1)
        if outer is not None and _head_of(tokens, outer).low in AGENT_NOUNS:
            return outer
        return span
    if a < 3 or tokens[a - 1].low != "by" or not tokens[a - 2].low.endswith(("ed", "en")):
        return span
    if a >= 4 and tokens[a - 3].low in INFO_NOUNS and tokens[a - 2].low not in AUTHORING_PARTICIPLES:
        owner = phrase_before(tokens, a - 3)
        if owner is not None and not tokens[a - 4].is_possessive:
            # "Interior ministry figures seen by the Courier": the ministry's figures
            return (owner[0], a - 3)
    outer = phrase_before(tokens, a - 2)
    if outer is None or _head_of(tokens, outer).low not in AGENT_NOUNS:
        return span
    return outer


_STRAY_REACH = 16  # tokens a subject may run before a stray comma and its verb


def _before_stray_comma(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The sentence's opening subject cut from its verb by a stray comma: "Provincial Minister for Health
    Ana Ruiz Khan, said that ..." (common in South Asian outlets); the phrase must open the sentence and end
    in a name or an agent noun ("In the end, said ..." is no subject).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("Deputy Commissioner Ana Ruiz, said that")
    >>> _before_stray_comma(toks, 5), _before_stray_comma(tokenize("In the end, said that"), 4)
    ((0, 4), None)
    """
    if not (2 < j <= _STRAY_REACH and tokens[j - 1].text == ","):
        return None
    span = _subject_phrase(tokens, j - 1)
    if span is None or span[0] != 0 or span[1] != j - 1:
        return None
    last = tokens[span[1] - 1]
    if last.is_word and (last.low in AGENT_NOUNS or (last.is_capitalised and span[1] - span[0] > 1)):
        return span
    return None


def _name_before_description(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "Yusuf Darreh, a pharmacist": the name an appositive description (ending before ``j``) follows."""
    desc = phrase_before(tokens, j)
    if desc is None or desc[0] < 2 or tokens[desc[0]].low not in {"a", "an"}:
        return None
    k = desc[0] - 1
    if tokens[k].text != ",":
        return None
    if k >= 3 and tokens[k - 1].low.isdigit() and tokens[k - 2].text == ",":
        k -= 2  # "Joao Vidal, 61, a fisherman": step over the age
    name = phrase_before(tokens, k)
    if name is None or not all(t.is_capitalised for t in tokens[name[0] : name[1]]):
        return None
    return name


def _only_status_words(tokens: list[Token], end: int) -> bool:
    """Whether the words that open the sentence up to token ``end`` only date or rank figures ("Latest",
    "Official", "New monthly").

    >>> from analyzer.extract.tokens import tokenize
    >>> _only_status_words(tokenize("Latest figures show"), 1), _only_status_words(tokenize("Army figures"), 1)
    (True, False)
    """
    return end > 0 and all(t.is_word and t.low in DATA_STATUS_WORDS for t in tokens[:end])


def subject_before(
    text: str, tokens: list[Token], verb: int
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """The subject phrase of the reporting verb at token index ``verb``, and what it cites."""
    j = left = _left_of(tokens, verb)
    named = appositive_name(tokens, j)
    if named is not None:
        return named, ()
    if j > 1 and tokens[j - 1].low.isdigit() and _named_number(tokens, j - 1):
        name = phrase_before(tokens, j - 1)  # "France 24 reported": a name with its number
        return ((name[0], j), ()) if name is not None and name[1] == j - 1 else None
    if j > 2 and tokens[j - 1].low in _OCCASION_NOUNS:
        j = skip_left(tokens, _before_occasion(tokens, j))
    j, cited = _before_asides(text, tokens, j)
    stray = _before_stray_comma(tokens, j)
    if stray is not None:
        return stray, cited
    if j > 1 and tokens[j - 1].text in {"which", "who", "that"} and tokens[j - 2].text == ",":
        j -= 2
        named = _name_before_description(tokens, j)
        if named is not None:
            return named, cited  # "Yusuf Darreh, a pharmacist, who said": the person, by name
    if j > 0 and tokens[j - 1].low in PRONOUNS and tokens[j - 1].is_word:
        return (j - 1, j), cited
    if j > 0 and tokens[j - 1].low in {"and", "but"}:
        subject = sentence_subject(tokens, j - 1)  # "The front has called a strike and says ..."
        return (subject, cited) if subject is not None else None
    # "figures released on Friday put ...": step over a participle that modifies the subject
    if j > 1 and tokens[j - 1].low in _MODIFYING_PARTICIPLES:
        j -= 1
    if j > 2 and tokens[j - 1].low in INFO_NOUNS:
        j = _before_in_statement(tokens, j)
    if j > 1 and tokens[j - 1].low in INFO_NOUNS and _only_status_words(tokens, j - 1):
        return None  # "Latest figures show", "Official data released on Monday showed": nobody named
    if (
        j > 1
        and tokens[j - 1].low in INFO_NOUNS
        and not tokens[j - 1].is_capitalised  # "the Office for National Statistics" is a name
        and (np_head(tokens[j - 2]) or tokens[j - 2].is_possessive)
    ):
        j -= 1  # "Interior ministry figures put ...": the ministry speaks through its figures
        if tokens[j - 1].is_possessive:
            return None  # "Kyiv's intelligence shows ...": evidence cited, not a speaker
    relative = ("who" in text or "that" in text) and _before_relative_clause(tokens, j)
    span = relative or _subject_phrase(tokens, j)
    if "which" in text or "who" in text:
        span = _outside_relative_aside(tokens, span, j, left)
    if span is None:
        return None
    actor = _actor_of_information(tokens, _before_reduced_passive(tokens, span))
    if actor is None and carried_information(tokens, span):
        actor = span  # "The statement also said ...": the source named before speaks on (discourse resolves)
    if actor is not None and actor[0] > 3:
        actor = _opening_agents(tokens, actor) or actor
    return (actor, cited) if actor is not None else None


_TRAILING_LINKS = _PP_LINKS | {"against", "over", "about", "to", "by", "into", "near", "under"}


def _opening_agents(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence's opening "<agents> of <NP>" when the phrase found before the verb is the end of what
    it is about: "Organisers of today's march against the visit of President X claimed" (the organisers).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("Organisers of today's march against the visit of President Ana Ruiz claimed")
    >>> _opening_agents(toks, (9, 12))
    (0, 4)
    """
    first = 1 if tokens[0].low == "the" else 0
    if not (
        first + 2 < span[0]
        and tokens[first].low in AGENT_NOUNS
        and tokens[first].low.endswith("s")
        and tokens[first + 1].low == "of"
    ):
        return None
    if any(not t.is_word for t in tokens[first + 2 : span[0]]):
        return None  # a comma or a bracket: another clause, no single subject
    obj = phrase_after(tokens, first + 2)
    if obj is None or obj[1] > span[0]:
        return None
    # "today's march against ...", "the strike over pay": the phrase ends before its own preposition
    end = next((k for k in range(first + 3, obj[1]) if tokens[k].low in _TRAILING_LINKS), obj[1])
    return (0, end)


_OCCASION_NOUNS = frozenset({"conference", "briefing", "meeting", "hearing", "event", "rally", "interview"})


def _before_occasion(tokens: list[Token], j: int) -> int:
    """Where the subject ends before "at a press conference" / "during a briefing" that closes at token
    ``j``: "The deputy director, on Friday, at a press conference said" (the director, its aside skipped next).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The board at a news conference said")
    >>> _before_occasion(toks, 6)
    2
    """
    k = j - 2
    while k > 0 and j - k <= 4 and tokens[k].is_word and not tokens[k].is_capitalised:
        if tokens[k].low in {"at", "during"} and tokens[k + 1].low in DETERMINERS:
            return k
        k -= 1
    return j


def _before_in_statement(tokens: list[Token], j: int) -> int:
    """Where the subject ends before "in an official statement (issued on Thursday)" that closes at token
    ``j``: "The poll panel in an official statement said" (the panel, not "an official").

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The panel in an official statement said")
    >>> _before_in_statement(toks, 5)
    2
    """
    k = j - 2
    while k > 0 and j - k <= 4 and tokens[k].is_word and not tokens[k].is_capitalised:
        if tokens[k].low in {"in", "through", "via"} and tokens[k + 1].low in DETERMINERS:
            return k
        k -= 1
    return j


def _outside_relative_aside(
    tokens: list[Token], span: tuple[int, int] | None, end: int, verb_left: int
) -> tuple[int, int] | None:
    """ "The fund, which manages $2 billion for 9,000 teachers, nurses and others, disclosed": a phrase found
    inside the relative aside that closes before the verb (or none, before token ``end``) is not its
    subject; the sentence's opening phrase is.

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The fund, which serves 9,000 teachers, nurses and others, disclosed the loss.")
    >>> _outside_relative_aside(toks, (5, 6), 11, 12)
    (0, 2)
    """
    if verb_left < 1 or tokens[verb_left - 1].text != ",":
        return span
    last = span[0] if span is not None else end
    w = next(
        (
            k
            for k in range(1, min(last, 12))
            if tokens[k].text == "," and tokens[k + 1].low in {"which", "who"}
        ),
        None,
    )
    if w is None:
        return span
    opening = phrase_before(tokens, w)
    return opening if opening is not None and opening[0] == 0 else span


def _left_of(tokens: list[Token], i: int) -> int:
    """Where the speaker phrase before token ``i`` ends: before adverbs, dates and an acronym in brackets."""
    j = skip_left(tokens, i)
    if j >= 3 and tokens[j - 1].text == ")" and tokens[j - 3].text == "(":
        j -= 3  # "the National Intelligence Service (NIS) said"
    elif j >= 4 and tokens[j - 1].text == ")":
        opener = _bracketed_name_start(tokens, j - 1)
        if opener is not None:
            j = opener  # "The WHO (World Health Organization) said": the name spelt out or translated
    return j


def _bracketed_name_start(tokens: list[Token], close: int) -> int | None:
    """The index of the "(" of a short aside in brackets that closes at ``close`` right after a name or an
    agent noun: a name spelt out or translated ("(Africa Centers for Disease Control and Prevention)"), a
    clause about the subject ("(which runs the clinics)"); at most twelve words, no quotation.

    >>> from analyzer.extract.tokens import tokenize
    >>> _bracketed_name_start(tokenize("The WHO (World Health Organization) said"), 5)
    2
    >>> _bracketed_name_start(tokenize("The count (“about 40,000”) said"), 7) is None
    True
    """
    k = close - 1
    while k > 0 and close - k <= 13 and tokens[k].text != "(":
        tok = tokens[k]
        if tok.text in QUOTES or tok.text in {")", "(", ";"}:
            return None
        k -= 1
    if k <= 0 or tokens[k].text != "(" or close - k < 2 or not np_head(tokens[k - 1]):
        return None
    return k


def _after_age(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` is a person's age in ", 67," right after a name ending at the comma before it.

    >>> from analyzer.extract.tokens import tokenize
    >>> _after_age(tokenize("Ana Ruiz, 67, said"), 3), _after_age(tokenize("In 2019, 67 said"), 3)
    (True, False)
    """
    return (
        2 <= j < len(tokens) - 1
        and tokens[j - 1].text == ","
        and tokens[j].text.isdigit()
        and len(tokens[j].text) <= 3
        and tokens[j + 1].text == ","
        and tokens[j - 2].is_capitalised
        and tokens[j - 2].is_word
    )


def _before_asides(text: str, tokens: list[Token], j: int) -> tuple[int, tuple[str, ...]]:
    """Where the subject ends before up to three asides that close at token ``j``, and what they cite:
    "The Institute for Population Statistics (IPS), a research body, citing census data, said"."""
    cited: list[str] = []
    for _ in range(3):
        paren = _parenthetical_left(text, tokens, j)
        if paren is None:
            if _after_age(tokens, j):
                j -= 1  # "Linda Marsh, 67, a retired teacher, said": the age was stepped over as a number
            break
        k, what = paren
        if what:
            cited.append(what)
        j = _left_of(tokens, k)
        # "Gov. Dale Whitcombe, a Democrat, who toured the site, told": one comma closes the other aside
        earlier = _parenthetical_left(text, tokens, k + 1)
        if earlier is not None and tokens[earlier[0] + 1].low in {"a", "an"}:
            j = k + 1
    return j, tuple(cited)


# Information nouns that carry on the statement of a source named before: "The statement also said",
# "The data also showed", "The notification further read", "The report added"
CARRIED_INFO = frozenset(
    {
        "statement",
        "data",
        "figures",
        "report",
        "reports",
        "notification",
        "bulletin",
        "release",
        "table",
        "survey",
        "study",
        "statistics",
        "communique",
        "filing",
        "note",
        "update",
        "assessment",
    }
)


def carried_information(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether the subject ``span`` opens its sentence as "The (latest) <information noun>" with no owner:
    the statement of a source named before ("The statement also said that ...").

    >>> from analyzer.extract.tokens import tokenize
    >>> carried_information(tokenize("The statement also said"), (0, 2))
    True
    >>> carried_information(tokenize("A report said"), (0, 2)), carried_information(tokenize("The police said"), (0, 2))
    (False, False)
    """
    start, end = span
    if start != 0 or end - start < 2 or tokens[start].low != "the" or tokens[end - 1].low not in CARRIED_INFO:
        return False
    return (
        all(t.low in _INFO_MODIFIERS for t in tokens[start + 1 : end - 1])
        and not tokens[end - 1].is_capitalised
    )


def _actor_of_information(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """ "Interior ministry figures", "the ministry's latest tally": the actor is before the information
    noun; a possessor before it ("Kyiv's intelligence") is evidence cited, and an information noun alone
    ("A poll published ...") names no one."""
    while (
        span[1] - span[0] > 1
        and tokens[span[1] - 1].low in INFO_NOUNS
        and not tokens[span[1] - 1].is_capitalised
    ):
        span = (span[0], span[1] - 1)
        while span[1] - span[0] > 1 and tokens[span[1] - 1].low in _INFO_MODIFIERS:
            span = (span[0], span[1] - 1)  # "the ministry's latest tally"
        if tokens[span[1] - 1].is_possessive:
            return None
    if span[1] - span[0] == 1 and (tokens[span[0]].low in INFO_NOUNS or tokens[span[0]].low in DETERMINERS):
        return None
    return span
