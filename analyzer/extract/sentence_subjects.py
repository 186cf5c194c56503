"""The subject that opens a sentence: the actor of a sentence with no reporting verb, the subject a
participle or a second verb shares ("..., citing", "and says"), and a pronoun that opens a sentence.

>>> from analyzer.extract.tokens import tokenize
>>> toks = tokenize("On Monday, the harbour board closed the port, citing storms.")
>>> sentence_subject(toks, 9)
(3, 6)
"""

from __future__ import annotations

import re

from analyzer.extract.cues import INFO_NOUNS, Attribution
from analyzer.extract.tokens import PREPOSITIONS, QUOTES, Token, np_head, phrase_after, span_text, tokenize
from analyzer.extract.vocab import AGENT_NOUNS, DETERMINERS, PRONOUNS

__all__ = ["capitalised_inside", "own_agent_before", "pronoun_subject", "sentence_actor", "sentence_subject"]

_POSSESSION_OR_BEING = frozenset({"has", "have", "had", "is", "are", "was", "were", "'s"})
_DASHES = frozenset({"-", "—", "–"})
# What may follow a sentence's subject without saying it did something: a copula, a preposition.
_NOT_ACTIONS = frozenset({"is", "are", "was", "were", "be", "and", "or", "of", "said", "says"}) | PREPOSITIONS
_TEMPORAL_OPENER_RE = re.compile(
    r"(?:(?:a\s+few|several|two|three|four|five|many)\s+)?(?:hours|days|weeks|minutes|moments|months|years|"
    r"shortly|soon|later|earlier|then|meanwhile|separately|now|also|still)(?:\s+(?:later|after|earlier|before))?\b",
    re.IGNORECASE,
)
_ADVERBIAL_OPENERS = frozenset(
    [
        "on",
        "in",
        "at",
        "after",
        "before",
        "earlier",
        "later",
        "meanwhile",
        "however",
        "separately",
        "last",
        "yesterday",
        "speaking",
        "during",
        "asked",
        "despite",
        "amid",
        "while",
        "when",
        "also",
        "still",
        "but",
        "and",
        "then",
        "late",
        "early",
        "since",
        "following",
    ]
)


def _after_dateline(tokens: list[Token]) -> int:
    """The index after a wire dateline that opens a sentence ("TELMARA, Nov 3 (Reuters) -"), else 0.

    A dateline is a place in capitals, then commas, words, dates and an agency in brackets, up to a dash.
    """
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 1 and tokens[0].is_word):
        return 0
    for k in range(1, min(len(tokens), 16)):
        text = tokens[k].text
        if text in _DASHES:
            return k + 1 if k + 1 < len(tokens) else 0
        if not (tokens[k].is_word or text in {",", ".", "(", ")"}):
            return 0
    return 0


def _after_apposition(tokens: list[Token], i: int) -> int:
    """The token after an apposition that opens at token ``i`` (", a data firm,"), or ``i`` itself."""
    if i + 2 >= len(tokens) or tokens[i].text != "," or tokens[i + 1].low not in {"a", "an", "the"}:
        return i
    for k in range(i + 2, min(len(tokens), i + 12)):
        if tokens[k].text == ",":
            return k + 1
        if not tokens[k].is_word:
            return i
    return i


def _apposed_name(tokens: list[Token], i: int) -> tuple[tuple[int, int], int] | None:
    """A name in commas after a description (", Ana Ruiz," from token ``i``), and the token after it and
    after a relative aside that may follow (", who toured the plant Monday,"): (name span, verb index).

    >>> toks = tokenize("The firm's chief, Ana Ruiz, who toured the site, apologized.")
    >>> _apposed_name(toks, 3)
    ((4, 6), 12)
    """
    n = len(tokens)
    if i + 3 >= n or tokens[i].text != ",":
        return None
    k = i + 1
    while k < n and k - i <= 5 and tokens[k].is_capitalised and tokens[k].is_word:
        k += 1
    if k - i < 3 or k >= n or tokens[k].text != ",":
        return None  # two capitalised words at least, closed by a comma
    span = (i + 1, k)
    verb_at = k + 1
    if verb_at < n and tokens[verb_at].low in {"who", "which"}:
        verb_at = next((m + 1 for m in range(verb_at + 1, min(n, verb_at + 30)) if tokens[m].text == ","), n)
    return span, verb_at


def sentence_actor(sentence: str) -> str | None:
    """The named person or body a sentence without a reporting verb is about, when it opens the sentence
    as the subject of a verb: "Labour Minister Ilse Brandauer did not attend ...", "The Harbour Board
    declined to comment". Not "X is the Post's editor": a copula says what X is, not what X does.

    >>> sentence_actor("Army spokesman Colonel Radek Sorin would not be drawn on casualties.")
    'Army spokesman Colonel Radek Sorin'
    >>> sentence_actor("Hundreds of families spent the night outside.") is None
    True
    """
    tokens = tokenize(sentence[:160])  # a subject opens the sentence: its start is enough
    i = _after_dateline(tokens)
    if i == 0 and tokens and tokens[0].low in _ADVERBIAL_OPENERS:
        i = next((k + 1 for k in range(min(len(tokens), 10)) if tokens[k].text == ","), 0)
    span = phrase_after(tokens, i)
    if span is None:
        return None
    end = span[1]
    while end > span[0] and not np_head(tokens[end - 1]):
        end -= 1
    if end - span[0] < 2 or end >= len(tokens):
        return None
    verb_at = _after_apposition(tokens, end)  # "Crowd Metrics, a data firm, used drone images"
    apposed = _apposed_name(tokens, end) if verb_at == end else None
    if apposed is not None:  # "The firm's president, Ana Ruiz, (who ...,) apologized": the name acts
        span, verb_at = apposed
        end = span[1]
    if verb_at >= len(tokens):
        return None
    verb = tokens[verb_at]
    if not (verb.is_word and verb.text[:1].islower()) or verb.low in _NOT_ACTIONS:
        return None
    if verb.low in {"has", "have", "had"} and verb_at + 1 < len(tokens) and tokens[verb_at + 1].low == "been":
        return None
    names = [t for t in tokens[span[0] : end] if t.is_capitalised]
    if len(names) < 2 or not (tokens[end - 1].is_capitalised or tokens[end - 1].low in AGENT_NOUNS):
        return None  # a name has two capitalised words ("Ada Kern", "Harbour Board"): not "Rescue teams"
    return span_text(sentence, tokens, (span[0], end))[0]


def sentence_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject at the start of the clause that ends before token ``before`` (for participles)."""
    i = _after_dateline(tokens)
    # skip a leading adverbial ending with a comma ("On Wednesday, ...", "However, ...")
    if i == 0 and tokens and tokens[0].low in _ADVERBIAL_OPENERS:
        for k in range(min(before, 10)):
            if tokens[k].text == ",":
                i = k + 1
                break
            if tokens[k].text in QUOTES or tokens[k].text in {";", ":"}:
                break
    m = _TEMPORAL_OPENER_RE.match(" ".join(t.text for t in tokens[i : i + 4]))
    if m:
        i += len(m.group(0).split())
    if i < len(tokens) and tokens[i].low in PRONOUNS and tokens[i].is_word:
        return (i, i + 1)
    span = phrase_after(tokens, i)
    if span is None or span[1] > before:
        return None
    nxt = span[1]
    if (
        nxt - span[0] > 1
        and nxt < len(tokens)
        and (tokens[nxt].low in DETERMINERS or tokens[nxt].text[:1].isdigit())
        and tokens[nxt - 1].text.islower()
        and tokens[nxt - 1].low not in AGENT_NOUNS
    ):
        nxt -= 1  # "The central bank kept its rate ...", "The firm cut 200 jobs": a verb, not a noun
        span = (span[0], nxt)
    if nxt < len(tokens) and not tokens[nxt].is_word and tokens[nxt].text != ",":
        return None
    return span


_NEW_SOURCE = frozenset({"a", "an", "another"})
# a capitalised word written inside a sentence, after a lower-case word or a comma: "aid came from Oxfam"
_CAPITALISED_INSIDE_RE = re.compile(r"[a-z,;][^\S\n]+([A-Z]\w*)")


def capitalised_inside(page: str) -> frozenset[str]:
    """The words the ``page`` writes with a capital inside a sentence (one pass over the page), by which
    a one-word subject opening a sentence is told for a name.

    >>> sorted(capitalised_inside("Aid came from Oxfam. Floodwater rose, Acme's staff said."))
    ['Acme', 'Oxfam']
    """
    return frozenset(m.group(1) for m in _CAPITALISED_INSIDE_RE.finditer(page))


def own_agent_before(tokens: list[Token], before: int, page_words: frozenset[str] = frozenset()) -> bool:
    """Whether the clause that ends before token ``before`` opens on an agent of its own that does
    something (not "is", not "said"): a name ("The Red Cross handed out 300 tents") or an agent noun
    ("Organisers of the march raised attendance to 9,000"), or a new source ("Another survey found 40").
    Not "Floods destroyed 40 homes", not "Another 30
    were damaged": a figure with no agent of its own may be a speaker's figure, said on. A one-word
    subject opening the sentence is a name when the page also capitalises it inside a sentence (``page_words``,
    from :func:`capitalised_inside`).

    >>> toks = tokenize("The company employs 4,000 people.")
    >>> own_agent_before(toks, 3)
    True
    >>> toks = tokenize("Floodwater destroyed 40 more homes.")
    >>> own_agent_before(toks, 2)
    False
    >>> own_agent_before(tokenize("Oxfam sent 40 trucks."), 2, capitalised_inside("Aid came from Oxfam."))
    True
    """
    span = sentence_subject(tokens, before)
    if span is None or span[1] >= before or tokens[span[0]].low in PRONOUNS:
        return False
    first = span[0]
    if tokens[first].low in _NEW_SOURCE and any(t.low in INFO_NOUNS for t in tokens[first + 1 : first + 3]):
        return True  # "Another report was of two incidents": a source of its own
    verb_at = span[1]
    if tokens[verb_at].low == "of":  # "Organisers of the march raised ...": the head is the first noun's
        inner = phrase_after(tokens, verb_at + 1)
        if inner is None or inner[1] >= before:
            return False
        verb_at = inner[1]
    verb = tokens[verb_at]
    if not (verb.is_word and verb.text[:1].islower()) or verb.low in _NOT_ACTIONS:
        return False
    end = span[1]
    while end > span[0] and not np_head(tokens[end - 1]):
        end -= 1
    if end == span[0]:
        return False
    head = tokens[end - 1]
    # a capital means a name unless it only opens the sentence: "Army medics", not "Floodwater"
    named = any(t.is_capitalised and t.low not in DETERMINERS for t in tokens[max(span[0], 1) : end])
    if not named and span[0] == 0 and end == 1 and tokens[0].is_capitalised and page_words:
        # one word opening the sentence ("Oxfam handed out ..."): a name if the page writes it with a
        # capital inside a sentence too
        named = tokens[0].text in page_words
    return named or head.low in AGENT_NOUNS


def pronoun_subject(text: str, tokens: list[Token]) -> list[Attribution]:
    """A sentence whose subject is a pronoun: "She later raised that to $55 million"."""
    i = 0
    while i < len(tokens) and (tokens[i].text in QUOTES or tokens[i].low in {"but", "and", "however", ","}):
        i += 1
    if (
        i < len(tokens)
        and tokens[i].low in {"he", "she", "they"}
        and i + 1 < len(tokens)
        and tokens[i + 1].is_word
        and tokens[i + 1].low not in _POSSESSION_OR_BEING  # "She has covered two wars": a bio, not a claim
    ):
        tok = tokens[i]
        return [
            Attribution(
                tok.text,
                tok.start,
                tok.end,
                tokens[i + 1].text,
                tokens[i + 1].start,
                tokens[i + 1].end,
                "pronoun",
                is_pronoun=True,
            )
        ]
    return []
