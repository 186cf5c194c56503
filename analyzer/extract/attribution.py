"""Who says it: attribution cues in one sentence and the speaker each figure belongs to.

The cues are the general ways news text attributes a statement: a subject
before a reporting verb ("the coastguard said"), the speaker after it
(``"...," said Captain Ana Ruiz``), "according to X", "X's count", a speaker
before a colon and a quote, a headline's ", Governor Says", and a pronoun
subject carried over from an earlier sentence (resolved by the caller).

>>> [a.mention for a in find_attributions("At least 42 people were rescued, the coastguard said.")]
['the coastguard']
>>> [a.mention for a in find_attributions('"We pulled 42 out," said Captain Ana Ruiz, who leads the team.')]
['Captain Ana Ruiz']
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from analyzer.extract.tokens import (
    QUOTES,
    SKIPPABLE,
    WEEKDAYS,
    Token,
    np_head,
    phrase_after,
    phrase_before,
    span_text,
    tokenize,
)
from analyzer.extract.vocab import (
    AGENT_NOUNS,
    ESTIMATE_AT_VERBS,
    NOUN_LIKE_FORMS,
    PRONOUNS,
    REPORTING_FORMS,
    WEAK_VERBS,
    is_media_name,
)
from analyzer.patterns import prefixed

# Verbs after which the speaker may follow: '"...," said Ruiz'.
_INVERTABLE = frozenset(
    {"say", "add", "tell", "write", "state", "note", "explain", "insist", "warn", "claim"}
)
_PARTICIPLE_RE = re.compile(r"ing$")
_ACCORDING_RE = prefixed(
    "api", r"\b(?:according\s+to|per|as\s+reported\s+by|in\s+the\s+words\s+of)\s+", re.IGNORECASE
)
_CITING_RE = re.compile(r",?\s*\b(?:citing|quoting|sourcing)\s+", re.IGNORECASE)
# in every match of _CITING_RE: where it is absent, no cue cites anything
_CITING_WORD_RE = prefixed("cqs", r"\b(?:citing|quoting|sourcing)\s+", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"\b(?:by|in|from)\s+(?P<np>(?:the\s+)?[\w.'’\- ]{2,60}?)(?:'s|’s)?\s+"
    r"(?:own\s+)?(?:count|estimate|estimates|tally|figures|reckoning|numbers|calculations?)\b",
    re.IGNORECASE,
)
_FOR_THE_RE = re.compile(
    r"\bfor\s+(?P<np>the\s+[A-Za-z'’\-]+(?:\s+[A-Za-z'’\-]+){0,3}?)(?=\s*(?:[,.;)]|$|\band\b|\bit\s+was\b|\bthere\s+were\b))",
    re.IGNORECASE,
)
_PUT_AT_RE = re.compile(
    r"\s+(?:it|them|that|this|(?:the|its|their|his|her|a|an|our)\b[^,.;:]{1,90}?)\s+(?:at|to)\s+"
    r"(?:about\s+|around\s+|some\s+|least\s+|at\s+least\s+|more\s+than\s+|nearly\s+|roughly\s+|over\s+|just\s+)*[\d$€£]"
    r"|\s+(?:it|them)?\s*(?:at|to)\s+[\d$€£]",
    re.IGNORECASE,
)
_MODIFYING_PARTICIPLES = frozenset(
    {"released", "published", "issued", "compiled", "provided", "obtained", "seen"}
)
_AFTER_INVERTED = frozenset(
    {"who", "which", "in", "on", "at", "during", "adding", "told", "to", "from", "after"}
)
_PHRASE_WINDOW = 300
_COUNT_WORDS = frozenset(
    {
        "count",
        "estimate",
        "estimates",
        "tally",
        "figures",
        "reckoning",
        "numbers",
        "calculation",
        "calculations",
    }
)
_PHRASE_TRIGGERS = _COUNT_WORDS | {"according", "per", "as", "words", "by"}
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_PASSIVE_BY_RE = prefixed(
    "ragcepiq",
    r"\b(?:reported|announced|given|cited|estimated|counted|recorded|confirmed|released|published|provided|"
    r"issued|compiled|quoted|claimed)\s+by\s+",
    re.IGNORECASE,
)
_INFO_NOUNS = frozenset(
    [
        "intelligence",
        "data",
        "figures",
        "figure",
        "statistics",
        "estimates",
        "estimate",
        "numbers",
        "records",
        "record",
        "report",
        "reports",
        "study",
        "survey",
        "poll",
        "analysis",
        "assessment",
        "evidence",
        "calculations",
        "count",
        "tally",
        "sensors",
        "documents",
    ]
)
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
_QUOTE_RE = re.compile(r"“[^“”]{1,2000}”|\"[^\"]{1,2000}\"")
_PREPOSITIONS = frozenset(
    {"citing", "quoting", "of", "from", "in", "on", "with", "to", "by", "per", "and", "the"}
)
_CLAUSE_STARTS = frozenset(
    {
        "that",
        "the",
        "a",
        "an",
        "about",
        "around",
        "some",
        "nearly",
        "more",
        "at",
        "up",
        "as",
        "it",
        "he",
        "she",
        "they",
        "there",
        "its",
        "their",
        "his",
        "her",
        "over",
        "roughly",
        "approximately",
    }
)


def _verb_context(tokens: list[Token], i: int) -> bool:
    """Whether a form that is also a noun is used as a verb here: "the ministry reports 50 dead"."""
    if any(t.low in _PREPOSITIONS for t in tokens[max(0, i - 2) : i]):
        return False
    if i + 1 >= len(tokens):
        return i > 0 and tokens[i - 1].text != ","  # "..., Governor Says"
    nxt = tokens[i + 1]
    return nxt.low in _CLAUSE_STARTS or nxt.text[:1].isdigit() or nxt.text in {",", ":"} or nxt.text in QUOTES


_WORDS_RE = re.compile(r"[A-Za-z][\w'’\-]*")
_VERB_CUE_WORDS = frozenset(REPORTING_FORMS) | {"citing"}  # the tokens _verb_cues reads
_CITED_ASIDE_RE = re.compile(r"(?:citing|quoting)\s+(.+)$", re.IGNORECASE)
_POINT_TO_RE = re.compile(r"\s+(?:to|out)\b")
_SPEAK_OF_RE = re.compile(r"\s+(?:of|about)\b")
_WHO_CITED_RE = re.compile(r"\s*,\s*(?:which|who)\s+(?:cited|quoted)\s+([^,.;]{2,60})")
_THAT_GAP_RE = re.compile(r"\s*(?:that\s+)?")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue that attributes part of a sentence to a speaker.

    ``kind`` is ``subject`` (X said), ``inverted`` (said X), ``according``
    (according to X), ``count`` (by X's count), ``colon`` (X: "..."),
    ``participle`` (X ..., claiming that), or ``pronoun`` (He later ...).
    ``citing`` holds what the speaker cites ("citing hospital records").
    """

    mention: str
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    kind: str
    media: bool = False
    citing: tuple[str, ...] = ()
    is_pronoun: bool = False


def _skip_left(tokens: list[Token], i: int) -> int:
    """Index just after the speaker phrase when walking left from token i over adverbs and dates."""
    j = i
    while j > 0:
        low = tokens[j - 1].low
        if low in SKIPPABLE or low in WEEKDAYS or (low.isdigit() and len(low) <= 2):
            j -= 1
            continue
        if tokens[j - 1].text[:1].isupper() and low in {"october", "september", "november", "december"}:
            j -= 1
            continue
        break
    return j


def _parenthetical_left(text: str, tokens: list[Token], j: int) -> tuple[int, str | None] | None:
    """When tokens[j-1] is a comma closing ", <aside>,", the index before the aside and what it cites."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"} and tokens[k].text not in QUOTES:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    if j - 2 - k > 14 and tokens[k + 1].low not in {
        "who",
        "which",
        "speaking",
        "citing",
        "quoting",
        "according",
    }:
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
    ):
        return None
    return k, cited


def _appositive_name(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "The national rail operator, National Rail Services (NRS), said": the name in the aside."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"}:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    aside = [t for t in tokens[k + 1 : j - 1] if t.text not in {"(", ")"}]
    if not aside or not all(t.is_capitalised or t.low in {"of", "for", "and", "the"} for t in aside):
        return None
    before = tokens[k - 1]
    if before.text[:1].islower() and before.low in AGENT_NOUNS | {
        "operator",
        "firm",
        "company",
        "group",
        "body",
    }:
        end = j - 1
        while (end > k + 1 and tokens[end - 1].text in {"(", ")"}) or (
            end > k + 1 and tokens[end - 2].text == "("
        ):
            end -= 1
        return (k + 1, end)
    return None


def _subject_before(
    text: str, tokens: list[Token], verb: int
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """The subject phrase of the reporting verb at token index ``verb``, and what it cites."""
    cited: list[str] = []
    j = _skip_left(tokens, verb)
    if j >= 3 and tokens[j - 1].text == ")" and tokens[j - 3].text == "(":
        j -= 3  # "the National Intelligence Service (NIS) said"
    named = _appositive_name(tokens, j)
    if named is not None:
        return named, ()
    for _ in range(3):
        paren = _parenthetical_left(text, tokens, j)
        if paren is None:
            break
        k, what = paren
        if what:
            cited.append(what)
        j = _skip_left(tokens, k)
    if j > 0 and tokens[j - 1].low in {"which", "who", "that"} and j > 1 and tokens[j - 2].text == ",":
        j -= 2
    if j > 0 and tokens[j - 1].low in PRONOUNS and tokens[j - 1].is_word:
        return (j - 1, j), tuple(cited)
    if j > 0 and tokens[j - 1].low in {"and", "but"}:
        subject = _sentence_subject(tokens, j - 1)  # "The front has called a strike and says ..."
        return (subject, tuple(cited)) if subject is not None else None
    # "figures released on Friday put ...": step over a participle that modifies the subject
    if j > 1 and tokens[j - 1].low in _MODIFYING_PARTICIPLES:
        j -= 1
    if j > 1 and tokens[j - 1].low in _INFO_NOUNS and (np_head(tokens[j - 2]) or tokens[j - 2].is_possessive):
        j -= 1  # "Interior ministry figures put ...": the ministry speaks through its figures
        if tokens[j - 1].is_possessive:
            return None  # "Kyiv's intelligence shows ...": evidence cited, not a speaker
    span = phrase_before(tokens, j)
    if span is None:
        return None
    # "Interior ministry figures", "Kyiv's intelligence": the actor is before the information noun
    while span[1] - span[0] > 1 and tokens[span[1] - 1].low in _INFO_NOUNS:
        span = (span[0], span[1] - 1)
        if tokens[span[1] - 1].is_possessive:
            return None
    if span[1] - span[0] == 1 and tokens[span[0]].low in _INFO_NOUNS:
        return None
    return span, tuple(cited)


def _sentence_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject at the start of the clause that ends before token ``before`` (for participles)."""
    i = 0
    # skip a leading adverbial ending with a comma ("On Wednesday, ...", "However, ...")
    if tokens and tokens[0].low in _ADVERBIAL_OPENERS:
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
    if nxt < len(tokens) and not tokens[nxt].is_word and tokens[nxt].text != ",":
        return None
    return span


def _make(
    text: str,
    tokens: list[Token],
    span: tuple[int, int],
    cue: Token,
    kind: str,
    known_outlets: frozenset[str],
    cited: tuple[str, ...] = (),
) -> Attribution:
    mention, a, b = span_text(text, tokens, span)
    mention = mention.strip(" ,;:")
    is_pronoun = span[1] - span[0] == 1 and tokens[span[0]].low in PRONOUNS
    return Attribution(
        mention=mention,
        start=a,
        end=b,
        cue=cue.text,
        cue_start=cue.start,
        cue_end=cue.end,
        kind=kind,
        media=not is_pronoun and is_media_name(mention, known_outlets),
        citing=cited,
        is_pronoun=is_pronoun,
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages ("..." or “...”) in a sentence."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def inside_quote(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _verb_cues(text: str, tokens: list[Token], known: frozenset[str], lows: list[str]) -> list[Attribution]:
    """Cues of reporting verbs (``lows``: the tokens' lower-case forms, read first to find the verbs)."""
    out: list[Attribution] = []
    candidates = [i for i, low in enumerate(lows) if low in _VERB_CUE_WORDS]
    quotes = quote_spans(text) if candidates else []
    for i in candidates:
        tok = tokens[i]
        stem = REPORTING_FORMS.get(tok.low)
        if stem is None and tok.low == "citing" and not out and i > 0 and tokens[i - 1].text == ",":
            subj = _sentence_subject(tokens, i)  # "Kirby underlined the losses, citing reports that ..."
            if subj is not None:
                out.append(_make(text, tokens, subj, tok, "participle", known))
            continue
        if stem is None:
            continue
        if stem in ESTIMATE_AT_VERBS and not _PUT_AT_RE.match(text, tok.end):
            continue
        if stem == "point" and not _POINT_TO_RE.match(text, tok.end):
            continue
        if stem == "speak" and not _SPEAK_OF_RE.match(text, tok.end):
            continue
        if i > 0 and tokens[i - 1].low == "to":
            continue  # "to say": an infinitive states nothing yet
        if tok.low.endswith("ed") and i + 1 < len(tokens) and tokens[i + 1].low == "by":
            continue  # "deaths reported by the agency": the by-phrase names the speaker
        if i > 0 and tokens[i - 1].low in _PASSIVE_AUX and tok.low.endswith("ed"):
            continue  # "was confirmed": passive, the subject is what was said, not who said it
        if (
            tok.low in {"report", "reports"}
            and i > 0
            and tokens[i - 1].low in {"the", "a", "these", "those", "media", "news", "of"}
        ):
            continue  # "the reports", a noun
        if (
            stem in {"estimate", "count", "record", "claim"}
            and i > 0
            and tokens[i - 1].low in {"the", "an", "a", "its", "their", "his", "her"}
        ):
            continue
        if inside_quote(tok.start, quotes):
            continue  # "we assess" inside a quotation is the speaker's own words
        if tok.low in NOUN_LIKE_FORMS and not _verb_context(tokens, i):
            continue  # "citing hospital records", "the hermit state": a noun, not a verb
        inverted = (
            i > 0
            and (tokens[i - 1].text == "," or tokens[i - 1].text in QUOTES)
            and stem in _INVERTABLE
            and not tok.low.endswith("ing")
        )
        if inverted:
            span = phrase_after(tokens, i + 1)
            after = tokens[span[1]] if span is not None and span[1] < len(tokens) else None
            if span is not None and (after is None or not after.is_word or after.low in _AFTER_INVERTED):
                out.append(_make(text, tokens, span, tok, "inverted", known))
                continue
        found = _subject_before(text, tokens, i)
        if found is not None:
            span, cited = found
            if stem in WEAK_VERBS and tokens[span[1] - 1].low not in PRONOUNS:
                head = tokens[span[1] - 1]
                if not head.is_capitalised and head.low in {"data", "figures", "records", "statistics"}:
                    continue
            out.append(_make(text, tokens, span, tok, "subject", known, cited))
            continue
        if tok.low.endswith("ing") and i > 0 and tokens[i - 1].text == ",":
            subj = _sentence_subject(tokens, i)
            if subj is not None:
                out.append(_make(text, tokens, subj, tok, "participle", known))
    return out


def _phrase_at(text: str, pos: int, known: frozenset[str], kind: str, cue_start: int) -> Attribution | None:
    """The speaker phrase that starts at character ``pos`` ("according to <X>")."""
    rest = text[pos : pos + _PHRASE_WINDOW]  # a speaker's name is short: read a bounded window
    toks = tokenize(rest)
    span = phrase_after(toks, 0)
    if span is None:
        return None
    mention, a, b = span_text(rest, toks, span)
    cited: tuple[str, ...] = ()
    tail = rest[b:]
    m = _WHO_CITED_RE.match(tail)
    if m:
        cited = (m.group(1).strip(),)
    return Attribution(
        mention=mention,
        start=pos + a,
        end=pos + b,
        cue=text[cue_start:pos].strip(),
        cue_start=cue_start,
        cue_end=pos,
        kind=kind,
        media=is_media_name(mention, known),
        citing=cited,
    )


def _phrase_cues(text: str, known: frozenset[str], words: AbstractSet[str]) -> list[Attribution]:
    """ "according to X", "reported by X", "by X's count": phrases that name a speaker without a verb.

    ``words`` are the sentence's lower-case words: a phrase whose trigger word is absent is not looked for.
    """
    out: list[Attribution] = []
    if not words & _PHRASE_TRIGGERS:
        return out
    # (matches of these two cannot start inside one another: each is found where it starts, group m)
    for m in _ACCORDING_RE.finditer(text):
        att = _phrase_at(text, m.end("m"), known, "according", m.start())
        if att is not None:
            out.append(att)
    for m in _PASSIVE_BY_RE.finditer(text):
        att = _phrase_at(text, m.end("m"), known, "according", m.start())
        if att is not None:
            out.append(att)
    for m in _COUNT_RE.finditer(text) if words & _COUNT_WORDS else ():
        np = m.group("np").rstrip("'’")
        toks = tokenize(np)
        span = phrase_before(toks, len(toks))
        if span is None:
            continue
        mention, a, b = span_text(np, toks, span)
        off = m.start("np")
        out.append(
            Attribution(
                mention,
                off + a,
                off + b,
                m.group(0),
                m.start(),
                m.end(),
                "count",
                is_media_name(mention, known),
            )
        )
    if any(a.kind == "count" for a in out):
        for m in _FOR_THE_RE.finditer(text):
            np = m.group("np")
            out.append(Attribution(np, m.start("np"), m.end("np"), "for", m.start(), m.start("np"), "count"))
    return out


def _colon_cue(text: str, tokens: list[Token], known: frozenset[str]) -> list[Attribution]:
    if ":" not in text:
        return []
    for i, tok in enumerate(tokens[:14]):
        if tok.text == ":" and i + 1 < len(tokens) and tokens[i + 1].text in QUOTES:
            span = phrase_before(tokens, i)
            if span is not None and span[0] == 0:
                return [_make(text, tokens, span, tok, "colon", known)]
    return []


def _pronoun_subject(text: str, tokens: list[Token]) -> list[Attribution]:
    """A sentence whose subject is a pronoun: "She later raised that to $55 million"."""
    i = 0
    while i < len(tokens) and (tokens[i].text in QUOTES or tokens[i].low in {"but", "and", "however", ","}):
        i += 1
    if (
        i < len(tokens)
        and tokens[i].low in {"he", "she", "they"}
        and i + 1 < len(tokens)
        and tokens[i + 1].is_word
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


def _title_case(tokens: list[Token]) -> bool:
    """A headline set in Title Case, where capitals no longer mark names."""
    initials = [t.text[0] for t in tokens if len(t.text) > 3 and t.text[0].isalpha()]
    return len(initials) >= 4 and sum(c.isupper() for c in initials) >= 0.8 * len(initials)


def find_attributions(sentence: str, known_outlets: frozenset[str] = frozenset()) -> list[Attribution]:
    """Every attribution cue in a sentence, in text order of their cues."""
    tokens = tokenize(sentence)
    lows = [t.low for t in tokens]
    found = _verb_cues(sentence, tokens, known_outlets, lows)
    if found and _title_case(tokens):
        # in a headline only the closing ", Governor Says" form is safe: every word there is capitalised
        last_word = max((i for i, t in enumerate(tokens) if t.is_word), default=-1)
        found = [a for a in found if last_word >= 0 and a.cue_start == tokens[last_word].start]
    found += _phrase_cues(sentence, known_outlets, frozenset(lows))
    found += _colon_cue(sentence, tokens, known_outlets)
    if not found:
        found = _pronoun_subject(sentence, tokens)
    found = [a for a in found if a.mention]
    found.sort(key=lambda a: (a.cue_start, a.start))
    return _attach_citing(sentence, _dedupe(found), known_outlets)


def _attach_citing(sentence: str, atts: list[Attribution], known: frozenset[str]) -> list[Attribution]:
    """Give a verb cue the sources it cites after it: "NBC News reported, citing U.S. officials"."""
    if not atts or _CITING_WORD_RE.search(sentence) is None:
        return atts
    out = []
    for idx, att in enumerate(atts):
        limit = atts[idx + 1].cue_start if idx + 1 < len(atts) else len(sentence)
        cited = list(att.citing)
        if att.kind in {"subject", "inverted", "participle", "according"}:
            for m in _CITING_RE.finditer(sentence, att.cue_end, limit):
                cite = _phrase_at(sentence, m.end(), known, "citing", m.start())
                if cite is not None and cite.mention not in cited:
                    cited.append(cite.mention)
        if cited != list(att.citing):
            att = Attribution(
                att.mention,
                att.start,
                att.end,
                att.cue,
                att.cue_start,
                att.cue_end,
                att.kind,
                att.media,
                tuple(cited),
                att.is_pronoun,
            )
        out.append(att)
    return out


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int, int]] = set()
    out = []
    for a in atts:
        key = (a.start, a.end, a.cue_start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


_CLAUSE_BREAK_RE = re.compile(r"[;—–]|\.\s")
_RELATIVE_GAP_RE = re.compile(r"\s*(?:[A-Za-z][\w\-]*\s+){0,2}?(?:that\s+|which\s+)?")


def _nested_in(outer: Attribution, inner: Attribution, sentence: str) -> bool:
    """ "Zelenskyy has said Kyiv believes 10,000 ...": a place standing for its government inside a statement."""
    if inner.is_pronoun or " " in inner.mention.strip() or not sentence:
        return False
    gap = sentence[outer.cue_end : inner.start]
    return outer.cue_end <= inner.start and _THAT_GAP_RE.fullmatch(gap) is not None


@dataclass(frozen=True, slots=True)
class Choice:
    """The attribution a figure belongs to, with the outlets it came through."""

    attribution: Attribution | None
    via: tuple[str, ...]


def choose(
    atts: list[Attribution],
    fig_start: int,
    fig_end: int,
    other_figures: list[tuple[int, int]],
    sentence: str = "",
) -> Choice:
    """Pick the attribution of the figure at [fig_start, fig_end) among a sentence's cues.

    An "according to"/"by X's count" right after the figure (before the next
    figure) wins; then the nearest non-media speaker whose cue precedes the
    figure; then the nearest cue after it. Media cues become ``via``.
    """
    if not atts:
        return Choice(None, ())
    next_fig = min((s for s, _ in other_figures if s >= fig_end), default=10**9)
    phrase_kinds = {"according", "count"}
    media = [a for a in atts if a.media]
    local = [
        a
        for a in atts
        if a.kind in phrase_kinds
        and not a.media
        and fig_end <= a.cue_start < next_fig
        and a.cue_start - fig_end < 80
        and not _CLAUSE_BREAK_RE.search(sentence[fig_end : a.cue_start])
    ]
    local += [
        a
        for a in atts
        if a.kind == "subject"
        and not a.media
        and fig_end <= a.start
        and _RELATIVE_GAP_RE.fullmatch(sentence[fig_end : a.start])
    ]
    if local:
        chosen = local[0]
    else:
        general = [a for a in atts if not (a.kind in phrase_kinds and a.cue_start >= fig_end)]
        before = [a for a in general if a.cue_start < fig_start and not a.media]
        after = [a for a in general if a.cue_start >= fig_end and not a.media]
        if before:
            before.sort(key=lambda a: a.cue_start)
            chosen = before[-1]
            if len(before) > 1 and _nested_in(before[-2], chosen, sentence):
                chosen = before[-2]
        elif after:
            chosen = min(after, key=lambda a: a.cue_start)
        elif media:
            m = min(media, key=lambda a: abs(a.cue_start - fig_start))
            if m.citing:
                synthetic = Attribution(m.citing[0], m.start, m.end, m.cue, m.cue_start, m.cue_end, "citing")
                return Choice(synthetic, (m.mention, *m.citing[1:]))
            return Choice(m, ())
        else:
            return Choice(None, ())
    via = [a.mention for a in media if a is not chosen]
    via += [c for c in chosen.citing if c not in via]
    return Choice(chosen, tuple(dict.fromkeys(via)))


def words(text: str) -> list[str]:
    """The words of a text, for topic matching."""
    return _WORDS_RE.findall(text)
