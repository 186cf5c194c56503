"""What an item counts (its head): a class of the vocabulary, a phrase, a protest, or a plain noun.

"soldiers killed" counts the dead (an event says more than who met it); "took to the streets" and
"42,000 marched" count protesters; an item of bare people ("people", "teachers") says nothing of
what they did, which its sentence may tell; an item that names nothing counted, or only a part
("the first tranche"), takes what its sentence counts.

>>> from analyzer.corroborate.item_words import tokenize
>>> def head(item: str, sentence: str = "") -> str:
...     tokens = tokenize(item)
...     return head_from_sentence(read_head(item, tokens, set()), tokens, set(), sentence).head
>>> head("soldiers killed"), head("workers who walked out"), head("boats sunk")
('dead', 'strikers', 'boat')
>>> head("people", "The march drew 42,000 people."), head("a tranche", "3,000 troops arrived.")
('protesters', 'troops')
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from analyzer.corroborate.item_words import (
    BARE_EXTRA,
    CLASSES,
    EVENT_CLASSES,
    GENERIC_PEOPLE,
    NOT_NAMES,
    PART_NOUNS,
    PARTICIPATION,
    PHRASE_CLASSES,
    PLACE_PREPOSITIONS,
    POPULATION,
    PROTEST_CONTEXT,
    PROTEST_NOUNS,
    PROTEST_VERBS,
    STOPWORDS,
    Token,
    head_class,
    lemma,
    looks_plural,
    tokenize,
)
from analyzer.native import register_records


@dataclass(frozen=True, slots=True)
class Head:
    """What an item counts, read from its words (and from its sentence when they do not say)."""

    head: str
    at: int  # the index of the item's word it was read from (len(tokens) when none)
    vocab: bool  # a class of the vocabulary
    inferred: bool  # read around the item's people, not from a word of them ("people" who marched)
    classes: tuple[tuple[int, str], ...]  # (index, class) of the words or phrases that name a class
    phrases: tuple[tuple[str, str], ...]  # (class, phrase) of the phrases that name a class


def read_head(text: str, tokens: list[Token], in_entity: set[int]) -> Head:
    """The head an item's own words give (words inside a name are not read)."""
    classes = [(i, c) for i, t in enumerate(tokens) if i not in in_entity and (c := CLASSES.get(t.word))]
    phrases = [] if classes else _phrase_classes(text)
    if not classes:
        classes = _at_phrase(tokens, phrases) or _protest_classes(tokens, in_entity)
    head, head_at, vocab = _head_index(tokens, classes)
    # "people" who marched are protesters: the head was read around the people, not from a word of them
    inferred = vocab and not any(t.word in CLASSES for i, t in enumerate(tokens) if i not in in_entity)
    return Head(head, head_at, vocab, inferred, tuple(classes), tuple(phrases))


def head_from_sentence(
    read: Head,
    tokens: list[Token],
    in_entity: set[int],
    sentence: str,
    *,
    clause: str | None = None,
    alone: bool = True,
) -> Head:
    """The head, once the sentence says what an item of no counted thing or of bare people counts.

    What bare people did is read in ``clause`` (the whole sentence when None); for "people" of no
    kind, in the whole sentence too when the figure is ``alone`` in it.
    """
    sentence_tokens = tokenize(sentence) if sentence else []
    if not sentence_tokens:
        return read
    # No item, or only a part of something ("the first tranche"): the sentence says what is counted.
    if not tokens or read.head in PART_NOUNS:
        found = [c for t in sentence_tokens if (c := CLASSES.get(t.word))]
        return replace(read, head=head_class(set(found)), vocab=True) if found else read
    # Only who was counted ("people", "teachers"): the sentence says what they did, when it says one thing.
    if read.vocab or not only_people(tokens, in_entity):
        return read
    own = clause if clause is not None else (sentence if alone else "")
    generic = _generic(tokens)
    said = _sentence_class(own, tokenize(own), protest=generic)
    # people of no kind alone in their sentence, or who only "took part", did what the sentence says
    if said is None and generic and (alone or _took_part(tokens)) and own != sentence:
        said = _sentence_class(sentence, sentence_tokens, protest=True)
    return read if said is None else replace(read, head=said, vocab=True, inferred=True)


def _head_index(tokens: list[Token], classes: list[tuple[int, str]]) -> tuple[str, int, bool]:
    """The thing counted: a vocabulary class when one is named, else the first plural-looking noun."""
    if classes:
        head = head_class({c for _, c in classes})
        return head, classes[0][0], True
    content = [(i, t) for i, t in enumerate(tokens) if t.word not in STOPWORDS and not t.capital]
    for i, tok in content:
        if looks_plural(tok.word):
            return lemma(tok.word), i, False
    if content:
        return lemma(content[0][1].word), content[0][0], False
    return "", len(tokens), False


def _phrase_classes(text: str) -> list[tuple[str, str]]:
    """Classes an item names by a phrase ("took to the streets", "walked out"): (class, phrase)."""
    found = []
    for pattern, cls in PHRASE_CLASSES:
        match = pattern.search(text)
        if match is not None:
            found.append((cls, " ".join(match.group(0).lower().split())))
    return found


def _at_phrase(tokens: list[Token], phrases: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """Each phrase's class at the index of the phrase's first word."""
    found = []
    for cls, phrase in phrases:
        first = phrase.split()[0]
        found.append((next((i for i, t in enumerate(tokens) if t.word == first), len(tokens)), cls))
    return sorted(found)


def _protest_classes(tokens: list[Token], in_entity: set[int]) -> list[tuple[int, str]]:
    """People who marched ("42,000 marched", "people at the rally") are protesters; protests counted as
    events ("297 protests", "a dozen rallies") are not."""
    verbs = [i for i, t in enumerate(tokens) if t.word in PROTEST_VERBS and i not in in_entity]
    if verbs:
        return [(verbs[0], "protesters")]
    nouns = [i for i, t in enumerate(tokens) if t.word in PROTEST_NOUNS and i not in in_entity]
    if not nouns:
        return []
    _, counted, _ = _head_index(tokens, [])
    if counted < len(tokens) and tokens[counted].word in PROTEST_NOUNS:
        return []
    return [(nouns[0], "protesters")]


def only_people(tokens: list[Token], in_entity: set[int]) -> bool:
    """The item names people and nothing they did: "people", "teachers", "civilians in the town".

    Words after a preposition of place say where, not what: "people in Lyon alone" names people.
    """
    words = []
    for i, t in enumerate(tokens):
        if t.word in PLACE_PREPOSITIONS:
            break
        if i not in in_entity and t.word not in STOPWORDS and t.word not in NOT_NAMES:
            words.append(t.word)
    people = [w for w in words if w in GENERIC_PEOPLE or w in POPULATION]
    return bool(people) and all(
        w in GENERIC_PEOPLE or w in POPULATION or w in BARE_EXTRA or w in PARTICIPATION for w in words
    )


def _took_part(tokens: list[Token]) -> bool:
    """The item says only that people were there: "people had taken part", "people joined"."""
    return any(t.word in PARTICIPATION for t in tokens)


def _generic(tokens: list[Token]) -> bool:
    return any(t.word in GENERIC_PEOPLE for t in tokens)


def _sentence_class(sentence: str, tokens: list[Token], *, protest: bool) -> str | None:
    """The one thing a sentence says people did or met (killed and wounded count as casualties); None
    for none or several. Who they were ("troops", "firefighters") is not what they did.

    With ``protest``, a protest the sentence names counts ("the march drew 42,000 people"): only for
    people of no kind, since officers at a march are not marchers.
    """
    found = {c for t in tokens if (c := CLASSES.get(t.word)) and c in EVENT_CLASSES}
    found |= {
        cls
        for pattern, cls in PHRASE_CLASSES
        if (protest or cls != "protesters") and pattern.search(sentence)
    }
    if protest and any(t.word in PROTEST_CONTEXT or CLASSES.get(t.word) == "protesters" for t in tokens):
        found.add("protesters")  # "the march", "the crowd": people of no kind there are its marchers
    if found == {"dead", "injured"}:
        return "casualties"
    return next(iter(found)) if len(found) == 1 else None


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
