"""Word and punctuation tokens with their offsets, and noun-phrase scans over them.

The attribution rules walk tokens left or right from a reporting verb to find
the phrase that names the speaker. A speaker phrase is a run of capitalised
words, agent nouns ("officials", "ministry"), their modifiers ("senior",
"health") and possessives, closed by a determiner.

>>> toks = tokenize("South Korea's spy agency reported on Friday")
>>> [t.text for t in toks]
['South', "Korea's", 'spy', 'agency', 'reported', 'on', 'Friday']
>>> phrase_before(toks, 4)
(0, 4)
"""

from __future__ import annotations

import re

from analyzer.extract.vocab import AGENT_NOUNS, DETERMINERS, NP_MODIFIERS

# A word runs over letters, digits, apostrophes, hyphens, "&" and inner periods ("U.S", "a.m"); written
# unrolled (a run of word characters, then each inner period with the run after it) so it scans fast.
_TOKEN_RE = re.compile(r"\d+(?:[,.]\d+)+|[^\W_][\w'’\-&]*(?:\.(?=\w)[\w'’\-&]*)*\.?|[^\w\s]")
QUOTES = frozenset({'"', "“", "”", "‘", "’", "«", "»", "'"})
_ABBREV_END = re.compile(
    r"^(?:[A-Za-z]\.){2,}$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Jr|Sr|Prof)\.$"
)

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTH_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
MONTHS = MONTH_NAMES | frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
# Words that may stand between a speaker and its verb without being part of the speaker.
SKIPPABLE = frozenset(
    [
        "also",
        "later",
        "previously",
        "earlier",
        "again",
        "then",
        "first",
        "further",
        "reportedly",
        "repeatedly",
        "publicly",
        "officially",
        "separately",
        "already",
        "now",
        "initially",
        "subsequently",
        "recently",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "would",
        "will",
        "could",
        "did",
        "does",
        "do",
        "not",
        "never",
        "only",
        "just",
        "still",
        "since",
        "been",
        "quickly",
        "privately",
        "openly",
        "once",
        "twice",
        "yesterday",
        "today",
        "tonight",
        "on",
        "last",
        "this",
        "week",
        "month",
        "year",
        "night",
        "morning",
        "afternoon",
        "evening",
        "late",
        "early",
        "itself",
        "themselves",
        "himself",
        "herself",
        "however",
        "meanwhile",
        "too",
        "even",
        "similarly",
        "likewise",
        "in",
        "turn",
        "had'nt",
        "has't",
    ]
)
CAPITALISED_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "on",
        "in",
        "at",
        "after",
        "before",
        "despite",
        "meanwhile",
        "however",
        "but",
        "and",
        "or",
        "also",
        "earlier",
        "later",
        "while",
        "when",
        "if",
        "as",
        "since",
        "although",
        "though",
        "yet",
        "so",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "what",
        "who",
        "which",
        "where",
        "why",
        "how",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "every",
        "no",
        "not",
        "according",
        "following",
        "amid",
        "among",
        "during",
        "under",
        "over",
        "for",
        "from",
        "with",
        "without",
        "by",
        "to",
        "of",
        "until",
        "unlike",
        "like",
        "asked",
        "speaking",
        "writing",
        "responding",
        "addressing",
        "commenting",
        "citing",
        "quoting",
    ]
)
PREPOSITIONS = frozenset(
    [
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "along",
        "across",
        "through",
        "near",
        "about",
        "against",
        "among",
        "between",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
        "as",
        "like",
        "per",
        "via",
        "within",
        "without",
        "around",
        "behind",
        "beyond",
    ]
)
FUNCTION_WORDS = PREPOSITIONS | frozenset(
    ["and", "or", "but", "nor", "so", "yet", "if", "that", "which", "who", "whom", "whose"]
)
CONNECTORS = frozenset({"of", "for", "and", "on", "de", "du", "del", "la", "le", "to", "&"})


class Token:
    """A word or punctuation mark of a sentence, with what the rules ask of it computed once."""

    __slots__ = ("end", "is_capitalised", "is_possessive", "is_word", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int, features: _Features | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low, self.is_word, self.is_capitalised, self.is_possessive = features or _features(text)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


_Features = tuple[str, bool, bool, bool]
_Piece = tuple[str, int, int, _Features]  # text, offsets in the match, features


def _features(text: str) -> _Features:
    """What a token's text says of it: lower-case form, word or not, capitalised name word, possessive."""
    low = text.lower()
    if "’" in low:
        low = low.replace("’", "'")
    if low[-1:] == "." and len(low) > 1 and not _ABBREV_END.match(text):
        low = low[:-1]
    first = text[:1]
    # an acronym is a name even when its letters spell a function word: "WHO", "IT"
    is_capitalised = first.isupper() and (
        (low not in CAPITALISED_STOPWORDS and low not in WEEKDAYS) or (len(text) > 1 and text.isupper())
    )
    is_possessive = low[-2:] == "'s" or (low[-2:] == "s'" and len(low) > 2)
    return low, first.isalnum(), is_capitalised, is_possessive


def _pieces(tok: str) -> tuple[_Piece, ...]:
    """The tokens one match of the token pattern makes: itself, or a word and its closing period."""
    if tok.endswith(".") and len(tok) > 1 and not _ABBREV_END.match(tok):
        n = len(tok) - 1
        return ((tok[:-1], 0, n, _features(tok[:-1])), (".", n, n + 1, _features(".")))
    return ((tok, 0, len(tok), _features(tok)),)


# Interpreted, a token is made fastest by object.__new__ and plain stores (no Python frame for __init__);
# compiled by mypyc (`make native`), Token is a native class that only its constructor may build, and fast.
try:
    object.__new__(Token)
    _NATIVE_TOKEN = False
except TypeError:
    _NATIVE_TOKEN = True

# Words recur: what each distinct match makes is worked out once (bounded: cleared when full). A match that
# is one token (nearly all) is kept flat: its length and features, no pieces; a word with its closing period
# keeps its two pieces.
_Entry = tuple[int, str, bool, bool, bool, tuple[_Piece, ...] | None]
_ENTRIES: dict[str, _Entry] = {}
_ENTRIES_MAX = 50_000


def _entry(tok: str) -> _Entry:
    """The cache entry of one match: its length, the features of its one token, or its pieces."""
    pieces = _pieces(tok)
    low, is_word, is_capitalised, is_possessive = pieces[0][3]
    return (len(tok), low, is_word, is_capitalised, is_possessive, pieces if len(pieces) > 1 else None)


def tokenize(text: str) -> list[Token]:
    """Split a sentence into word and punctuation tokens with offsets.

    >>> [(t.text, t.start, t.low, t.is_capitalised) for t in tokenize("Gen. Ruiz’s unit left.")][1:]
    [('Ruiz’s', 5, "ruiz's", True), ('unit', 12, 'unit', False), ('left', 17, 'left', False), ('.', 21, '.', False)]
    """
    out: list[Token] = []
    append = out.append
    new = object.__new__
    cache = _ENTRIES
    find = text.find
    end = 0
    # the pattern skips only whitespace and "_" between its matches, and no match starts with either: each
    # match is the first occurrence of its text from where the one before ended
    for tok in _TOKEN_RE.findall(text):
        entry = cache.get(tok)
        if entry is None:
            if len(cache) >= _ENTRIES_MAX:
                cache.clear()
            entry = cache[tok] = _entry(tok)
        n, low, is_word, is_capitalised, is_possessive, pieces = entry
        start = find(tok, end)
        end = start + n
        if pieces is None:
            if _NATIVE_TOKEN:
                append(Token(tok, start, end, (low, is_word, is_capitalised, is_possessive)))
                continue
            token = new(Token)
            token.text = tok
            token.start = start
            token.end = end
            token.low = low
            token.is_word = is_word
            token.is_capitalised = is_capitalised
            token.is_possessive = is_possessive
            append(token)
            continue
        for piece_text, a, b, features in pieces:
            append(Token(piece_text, start + a, start + b, features))
    return out


def _np_word(tok: Token) -> bool:
    """A token that can be part of a speaker phrase."""
    if not tok.is_word:
        return False
    low = tok.low
    if tok.is_capitalised and low not in MONTHS:
        return True
    base = low[:-2] if low.endswith("'s") else low.rstrip("'")
    return base in AGENT_NOUNS or base in NP_MODIFIERS or (tok.is_possessive and base.isalpha())


def _month_named(tokens: list[Token], j: int) -> bool:
    """A first name spelt like a month: "Jan Novak", "April Reyes" (a month is followed by a day, not a name)."""
    tok = tokens[j]
    return (
        tok.is_capitalised
        and tok.low in MONTHS
        and j + 1 < len(tokens)
        and tokens[j + 1].is_capitalised
        and tokens[j + 1].low not in MONTHS
    )


def np_head(tok: Token) -> bool:
    """A token that can end a speaker phrase: a name or an agent noun."""
    if not tok.is_word or tok.is_possessive:
        return False
    low = tok.low
    if low in AGENT_NOUNS:
        return True
    return tok.is_capitalised and low not in MONTHS and not low.isdigit()


def _determined(tokens: list[Token], i: int, reach: int = 3) -> bool:
    """A determiner or possessive opens the phrase within ``reach`` words before token i ("the port authority").

    Not when a preposition stands before that determiner: "along the route" is no subject.
    """
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        tok = tokens[k]
        if not tok.is_word or tok.low in FUNCTION_WORDS:
            return False
        if tok.low in DETERMINERS or tok.is_possessive:
            return not (k > 0 and tokens[k - 1].low in PREPOSITIONS)
    return False


def _inside_name(tokens: list[Token], j: int, start: int) -> bool:
    """A small word inside a name in title case: "Doctors Without Borders", "Friends of the Earth".

    A capitalised preposition between two capitalised words, or "the" between "of" after a
    capitalised word and the capitalised word that opens the rest of the name (``start``).
    """
    if j != start - 1 or j < 1 or not tokens[start].is_capitalised:
        return False
    tok, before = tokens[j], tokens[j - 1]
    if tok.text[:1].isupper() and tok.low in PREPOSITIONS:
        return before.is_capitalised
    return tok.low == "the" and before.low == "of" and j >= 2 and tokens[j - 2].is_capitalised


def phrase_before(tokens: list[Token], end: int, limit: int = 12) -> tuple[int, int] | None:
    """The speaker phrase ending just before token index ``end`` (exclusive), as token indexes.

    Walks left over name words, agent nouns, modifiers, possessives and
    connectors; a determiner closes the phrase. A plain noun may head the
    phrase when a determiner or possessive governs it ("the harbour master").
    Returns None when the token before ``end`` cannot end a speaker phrase.
    """
    i = end - 1
    if i < 0:
        return None
    head = tokens[i]
    # a name or an agent noun, or a plain noun a determiner or possessive governs
    if not np_head(head) and not (
        head.is_word
        and head.text[:1].islower()
        and head.low.isalpha()
        and not head.is_possessive
        and head.low not in DETERMINERS
        and head.low not in FUNCTION_WORDS
        and _determined(tokens, i)
    ):
        return None
    start = i
    j = i - 1
    while j >= 0 and end - j <= limit:
        tok = tokens[j]
        low = tok.low
        if (
            _np_word(tok)
            or (low in CONNECTORS and j - 1 >= 0 and _np_word(tokens[j - 1]) and low != "to")
            or _month_named(tokens, j)
            or _inside_name(tokens, j, start)
        ):
            start = j
        elif low in DETERMINERS and tok.is_word:
            start = j
            break
        elif (
            tok.is_word
            and tok.text[:1].islower()
            and low.replace("-", "").isalpha()
            and low not in FUNCTION_WORDS  # "a study by researchers": "by" modifies nothing
            and _determined(tokens, j, 3)
        ):
            start = j  # "the port authority": an unlisted noun modifier right after a determiner
        else:
            break
        j -= 1
    while start < i and tokens[start].low in CONNECTORS:
        start += 1
    return (start, i + 1)


_STOP_AFTER = frozenset(
    [
        "and",
        "or",
        "but",
        "said",
        "says",
        "told",
        "reported",
        "stated",
        "which",
        "who",
        "that",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "after",
        "before",
        "since",
        "during",
        "as",
        "than",
        "while",
        "when",
        "because",
        "if",
        "same",
        "day",
        "week",
        "month",
        "year",
        "yesterday",
        "today",
        "earlier",
        "later",
        "last",
        "this",
        "next",
    ]
)


_PRONOUN_WORDS = frozenset({"it", "he", "she", "they", "we", "i", "you"})


def phrase_after(tokens: list[Token], begin: int, limit: int = 12) -> tuple[int, int] | None:
    """The speaker phrase starting at token index ``begin``, as token indexes (end exclusive)."""
    n = len(tokens)
    i = begin
    determined = False
    if i < n and tokens[i].is_word and (tokens[i].low in DETERMINERS or tokens[i].is_possessive):
        determined = True
        i += 1
    last_head = -1
    j = i
    while j < n and j - begin < limit:
        tok = tokens[j]
        if _np_word(tok) or _month_named(tokens, j):
            if np_head(tok) or (determined and not tok.is_possessive):
                last_head = j
            if tok.is_possessive:
                determined = True
        elif tok.low in CONNECTORS and last_head == j - 1 and j + 1 < n and _np_word(tokens[j + 1]):
            pass
        elif (
            determined
            and tok.is_word
            and tok.text[:1].islower()
            and tok.low.isalpha()
            and tok.low not in _STOP_AFTER
            and tok.low not in _PRONOUN_WORDS  # "a report it published": the pronoun begins a clause
            and tok.low not in DETERMINERS
            # a participle is a verb, unless a noun of the phrase follows: "the housing ministry"
            and (not tok.low.endswith(("ed", "ing")) or (j + 1 < n and _np_word(tokens[j + 1])))
            # after a name, a lower-case word belongs to the phrase only on the way to an agent noun:
            # "the UN refugee agency", not "the Associated Press shows"
            and not (
                last_head >= 0
                and tokens[last_head].is_capitalised
                and not any(t.low in AGENT_NOUNS for t in tokens[j : j + 3])
            )
        ):
            last_head = j  # "according to the port authority"
        else:
            break
        j += 1
    if last_head < 0:
        return None
    return (begin, last_head + 1)


def span_text(text: str, tokens: list[Token], span: tuple[int, int]) -> tuple[str, int, int]:
    """The text of a token span and its character offsets."""
    a, b = tokens[span[0]].start, tokens[span[1] - 1].end
    return text[a:b], a, b
