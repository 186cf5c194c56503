"""Cues of reporting verbs: a subject before the verb ("the coastguard said"), the speaker after it
(``"...," said Captain Ana Ruiz``), a participle or a second verb sharing the main clause's subject
("..., adding", "and said"), and the institution a news outlet reports ("Reuters reported that the
ministry would buy 24").

A form that is also a noun ("reports", "estimate") is a cue only where it is used as a verb, and a verb
that gives a figure only with its object ("put the toll at 87", "appealed for $2 million") only with it.

>>> from analyzer.extract.tokens import tokenize
>>> text = "The estimate was revised, the agency said."
>>> toks = tokenize(text)
>>> [(a.mention, a.cue, a.kind) for a in verb_cues(text, toks, frozenset(), [t.low for t in toks])]
[('the agency', 'said', 'subject')]
"""

from __future__ import annotations

import re

from analyzer.extract.cues import (
    INFO_NOUNS,
    OWNER_PRONOUNS,
    Attribution,
    inside_quote,
    make_attribution,
    quote_spans,
    shared_subject,
)
from analyzer.extract.number_words import FIGURE_WORD_ALT
from analyzer.extract.sentence_subjects import sentence_subject
from analyzer.extract.speaker_phrases import (
    apposed_after,
    appositive_name,
    ownerless,
    skip_left,
    subject_before,
)
from analyzer.extract.tokens import MONTHS, QUOTES, WEEKDAYS, Token, np_head, phrase_after, span_text
from analyzer.extract.vocab import (
    AGENT_NOUNS,
    CLAIM_OBJECT,
    ESTIMATE_AT_VERBS,
    INSTITUTION_NOUNS,
    NOUN_LIKE_FORMS,
    PRONOUNS,
    REPORTING_FORMS,
    WEAK_VERBS,
    is_media_name,
)

__all__ = ["verb_cues"]

# Verbs after which the speaker may follow: '"...," said Ruiz'. Not "tell": after ", told" comes the hearer ("Ana Lind,
# an analyst, told Harbour Radio that she ...").
_INVERTABLE = frozenset({"say", "add", "write", "state", "note", "explain", "insist", "warn", "claim"})
_PUT_QUALIFIERS = (
    r"(?:about\s+|around\s+|some\s+|least\s+|at\s+least\s+|more\s+than\s+|nearly\s+|roughly\s+|over\s+|just\s+"
    r"|close(?:r)?\s+to\s+|near(?:er)?\s+|below\s+|under\s+|almost\s+|approximately\s+|between\s+|well\s+"
    r"|(?:less|fewer)\s+than\s+|up\s+to\s+|as\s+(?:much|many|high|low|few|little)\s+as\s+)*"
)
# what a figure starts with: a digit, a currency sign or a number word ("put it at three")
# (a currency written before the digits: "Rs 310 crore", "R55 million", "A$2.4 billion", "₹40 lakh")
_FIGURE_START = rf"(?:[\d$€£₹¥]|(?:Rs\.?|INR|USD|EUR|GBP|[A-Z]{{1,2}}\$|R)[^\S\n]?\d|{FIGURE_WORD_ALT})"
# "put the toll at 87", "put it at 87", "put losses at 40 tonnes" (a bare noun of one to three words)
# "put the crowd in the 200,000 range": a round figure's neighbourhood is an estimate too
_IN_RANGE = (
    r"(?=[$€£]?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+(?:range|region|ballpark|neighbou?rhood)\b)"
)
_PUT_AT_RE = re.compile(
    r"\s+(?:it|them|that|this|(?:the|its|their|his|her|a|an|our)\b[^,.;:]{1,90}?|(?:[a-z][\w'’\-]*\s+){0,2}[a-z][\w'’\-]*"
    r"(?:\s+(?:since|in|from|for|this|last)\s+[\w'’\-]+)?)"
    rf"\s+(?:(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}|in\s+the\s+{_IN_RANGE})"
    rf"|\s+(?:it|them)?\s*(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}",
    re.IGNORECASE,
)
# "raised the toll to 40", "revised its estimate to 1.2 percent": raise/lower/revise/update give a
# figure only when what they change is a figure someone keeps ("raised interest rates to 5 percent" acts)
_ADJUST_AT_RE = re.compile(
    r"\s+(?:(?:up|down)\s+)?(?:it|them|(?:(?:the|its|their|his|her|a|an|our)\b(?:[^,.;:]{0,60}?\s)?"
    r"|(?:[a-z][\w'’\-]*\s+){0,2})"  # a headline's bare noun: "raises spill estimate to 3,100 tonnes"
    r"(?:(?:death\s+)?tolls?|figures?|numbers?|counts?|tally|tallies|estimates?|forecasts?|totals?|projections?)"
    r"(?:\s+(?:of|for|from|in)\s+[^,.;:]{1,40}?)?)"
    rf"\s+(?:(?:up|down)(?:wards?)?\s+)?(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}",
    re.IGNORECASE,
)
_PUT_STEMS = frozenset({"put", "place"})
_AFTER_INVERTED = frozenset(
    {"who", "which", "in", "on", "at", "during", "adding", "told", "to", "from", "after"}
)
# Forms that are verbs or nouns; before a finite verb or "of" they are nouns.
_NOUN_OR_VERB = NOUN_LIKE_FORMS | {"forecast", "forecasts", "projects", "estimates", "counts"}
_AFTER_A_NOUN = frozenset({"was", "were", "is", "are", "has", "had", "would", "will", "could", "of"})
_CLOSING = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_PASSIVE_ADVERBS = frozenset({"never", "not", "also", "already", "since", "later", "first", "officially"})
_IRREGULAR_PARTICIPLES = frozenset({"told", "said", "shown", "given", "written", "known", "seen", "thought"})
# "given to reporters by": the passive's agent follows after the hearers
_PASSIVE_AFTER_RE = re.compile(
    r"\s+(?:to\s+(?:the\s+)?(?:reporters|journalists|press|media|parliament)\s+)?by\b", re.IGNORECASE
)
_PREPOSITIONS = frozenset(
    {"citing", "quoting", "of", "from", "in", "on", "with", "to", "by", "per", "and", "the"}
)
_OBJECT_PREPOSITIONS = frozenset(
    {"at", "in", "on", "of", "from", "for", "with", "by", "near", "across", "inside", "outside", "around"}
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
    if _plural_agents_before_that(tokens, i):
        return True  # "The authorities estimate that ...": no "authorities estimate" as a noun takes "that"
    if _singular_agent_states(tokens, i):
        return True  # "The ministry claims that ...", "The army reports 300 ...": "the" opens the subject
    before = tokens[i - 1].low if i > 0 else ""
    if (
        _to_have_after(tokens, i)
        and before
        and before not in _NOUN_DETERMINERS
        and before not in REPORTING_FORMS
    ):
        return True  # "The Minister of Health claims to have identified ...": a noun takes no "to have"
    if any(t.low in _PREPOSITIONS for t in tokens[max(0, i - 2) : i]):
        return False
    if i > 0 and tokens[i - 1].low in REPORTING_FORMS:
        return False  # "denied reports that", "rejected claims that": the object of a verb, a noun
    if i + 1 >= len(tokens):
        return i > 0 and tokens[i - 1].text != ","  # "..., Governor Says"
    if tokens[i - 1].text == "," and _closing_source(tokens, i + 1):
        return True  # "..., reports Xinhua news agency.": inverted, its source closes the sentence
    nxt = tokens[i + 1]
    return (
        nxt.low in _CLAUSE_STARTS
        or nxt.text[:1].isdigit()
        or nxt.text in {",", ":"}
        or nxt.text in QUOTES
        or _to_have_after(tokens, i)
    )


def _to_have_after(tokens: list[Token], i: int) -> bool:
    """A perfect infinitive follows the form: "claims to have identified 123 cases" (a noun takes no "to have").

    >>> from analyzer.extract.tokens import tokenize
    >>> _to_have_after(tokenize("Kyiv claims to have downed 3 drones"), 1), _to_have_after(tokenize("claims to"), 0)
    (True, False)
    """
    return i + 2 < len(tokens) and tokens[i + 1].low == "to" and tokens[i + 2].low == "have"


# agent nouns whose compound with a reporting noun is a common noun phrase ("police reports that ...",
# "intelligence reports"): no verb after them on this evidence alone
_COMPOUND_AGENTS = frozenset({"police", "media", "intelligence", "staff", "television", "radio"})


def _singular_agent_states(tokens: list[Token], i: int) -> bool:
    """A present-tense form after "the" and one singular agent noun, before "that", a figure or "to have":
    "The ministry claims that ...", "The army reports 300 ...", "The minister claims to have ...". (A plural
    or compound agent is left to the other rules: "the police reports that ..." is as often a noun.)

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The ministry states that 40 died")
    >>> _singular_agent_states(toks, 2), _singular_agent_states(tokenize("The hospital records show 300 beds"), 2)
    (True, False)
    """
    if not 2 <= i < len(tokens) - 1 or tokens[i - 2].low != "the" or not tokens[i].low.endswith("s"):
        return False
    agent = tokens[i - 1]
    if not agent.is_word or agent.is_possessive or agent.low not in AGENT_NOUNS or agent.low.endswith("s"):
        return False
    if agent.low in _COMPOUND_AGENTS:
        return False
    nxt = tokens[i + 1]
    if nxt.low in {"it", "they"}:  # "The army claims it has killed 300": a pronoun and its verb
        return i + 2 < len(tokens) and tokens[i + 2].low in _AUXILIARIES
    if nxt.low == "that":  # not "The ministry reports that were leaked showed ...": a relative clause
        return not (i + 2 < len(tokens) and tokens[i + 2].low in _AUXILIARIES)
    return nxt.text[:1].isdigit() or _to_have_after(tokens, i)


def _plural_agents_before_that(tokens: list[Token], i: int) -> bool:
    """Whether the form at ``i`` comes between a plural agent noun and "that": "The authorities estimate that".

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The authorities estimate that 80 died")
    >>> _plural_agents_before_that(toks, 2), _plural_agents_before_that(tokenize("the official estimate that"), 2)
    (True, False)
    """
    return (
        0 < i < len(tokens) - 1
        and tokens[i + 1].low == "that"
        and tokens[i - 1].low in AGENT_NOUNS
        and (tokens[i - 1].low.endswith("s") or tokens[i - 1].low == "police")
        and not tokens[i - 1].is_possessive
    )


def _closing_source(tokens: list[Token], a: int) -> bool:
    """Whether tokens from ``a`` are only a short name that ends the sentence: "the BBC.", "Xinhua news agency."
    (capitalised first, or "the" and a capital, at most 6 words)."""
    end = len(tokens) - (tokens[-1].text in {".", "!"})
    rest = tokens[a:end]
    if not 1 <= len(rest) <= 6 or not all(t.is_word for t in rest):
        return False
    first = rest[1] if rest[0].low == "the" and len(rest) > 1 else rest[0]
    return first.is_capitalised


_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "number"}
)


def _quoted_report(tokens: list[Token], i: int) -> bool:
    """A quoted speaker recounting what a named third party said: '"The company said 48,000, then 73,000"'
    (the company's figures, not the quote's own words: "we said", "I think" stay the quote's).

    >>> from analyzer.extract.tokens import tokenize
    >>> _quoted_report(tokenize('"The company said 48,000, then 73,000.'), 3)
    True
    >>> _quoted_report(tokenize('"We said 48,000.'), 2), _quoted_report(tokenize('"The company said that we'), 3)
    (False, False)
    """
    if tokens[i].low not in {"said", "says"} or i + 1 >= len(tokens) or i < 1:
        return False
    subject = tokens[i - 1]
    if not subject.is_word or subject.low in PRONOUNS or not np_head(subject):
        return False
    return tokens[i + 1].text[:1].isdigit()  # the figure right after: "said 48,000"


def _relative_clause_verb(tokens: list[Token], i: int) -> bool:
    """ "The group, which the military estimates has 60 members": after "which/who" and its subject, a form
    that is also a noun is the relative clause's verb when a finite verb follows it.

    >>> from analyzer.extract.tokens import tokenize
    >>> _relative_clause_verb(tokenize("The group, which the army estimates has 60 members"), 6)
    True
    >>> _relative_clause_verb(tokenize("The army estimates have risen"), 2)
    False
    """
    if i + 1 >= len(tokens) or tokens[i + 1].low not in _AUXILIARIES:
        return False
    for k in range(i - 1, max(-1, i - 5), -1):
        if tokens[k].low in {"which", "who", "whom"}:
            subject = tokens[k + 1] if k + 1 < i else None
            return subject is not None and (
                (subject.low == "the" and k + 2 < i) or subject.is_capitalised or subject.low in AGENT_NOUNS
            )
        if not tokens[k].is_word:
            return False
    return False


_VERB_CUE_WORDS = frozenset(REPORTING_FORMS) | {"citing"}  # the tokens verb_cues reads
_POINT_TO_RE = re.compile(r"\s+(?:to|out)\b")
_THAT_AFTER_RE = re.compile(r"\s+that\b")
_ADMITTED_TO_RE = re.compile(
    r"\s+(?:to|into)\s+(?:(?:a|the)\s+)?(?:[\w\-]+\s+)?(?:hospitals?|wards?|care|clinics?|intensive)\b"
    r"|\s+(?:in|over|during|since)\s+the\s+(?:past|last|previous)\b",
    re.IGNORECASE,
)
_APPEAL_FOR_RE = re.compile(r"\s+(?:on\s+\w+\s+)?for\s+(?:some\s+|about\s+|nearly\s+|an\s+extra\s+)?[$€£\d]")
_SPEAK_OF_RE = re.compile(r"\s+(?:of|about)\b")
_REPORTED_ILL_RE = re.compile(
    r"\s+(?:(?:similar|mild|severe|gastrointestinal|flu-like|any)\s+)?(?:symptoms|illness|sickness|vomiting"
    r"|diarrh?o?ea|nausea|fever|feeling\s+(?:ill|unwell|sick)|being\s+(?:ill|unwell|sick))\b",
    re.IGNORECASE,
)
# "The unrest has claimed 212 lives", "claimed the lives of 40": a verb of killing, its subject no speaker
_CLAIMED_LIVES_RE = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some|another|a\s+further)\s+)?"
    r"(?:[\d,.]+|[a-z]+(?:-[a-z]+)?)(?:\s+(?:more|other|human))?\s+(?:lives|victims)\b"
    r"(?!\s+(?:were|was|had|have|are|could|would|will|might)\b)|\s+the\s+lives\s+of\b",
    re.IGNORECASE,
)
_CLAIM_OBJECT_RE = re.compile(CLAIM_OBJECT, re.IGNORECASE)
_DENY_ACTION_STEMS = frozenset({"reject", "dismiss", "dispute"})
_NOUN_STEMS = frozenset({"estimate", "count", "record", "claim", "forecast", "report"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _after_possessor(tokens: list[Token], i: int) -> bool:
    """Token i follows an article, or a possessive pronoun or "a" and up to two modifiers: a noun (not an
    "a" that opens a preposition's object: "Analysts at a Geneva institute estimate").

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("The bank revised its growth forecast to 1.2%")
    >>> _after_possessor(toks, 5), _after_possessor(tokenize("The ministry forecast 3% growth"), 2)
    (True, False)
    """
    if i > 0 and tokens[i - 1].low in {"the", "an", "a"}:
        return True
    base = tokens[i].low in _NOUN_STEMS  # "a union claim that": after "a", a bare form is no verb
    for k in range(i - 1, max(-1, i - 4), -1):
        low = tokens[k].low
        if low in _POSSESSIVE_PRONOUNS:
            return True
        if base and low in {
            "a",
            "an",
        }:  # "denied a union claim", not "Analysts at a Geneva institute estimate"
            return not (k > 0 and tokens[k - 1].low in _OBJECT_PREPOSITIONS)
        if not (tokens[k].is_word and low.isalpha() and (tokens[k].text[:1].islower() or base)):
            return False
    return False


def verb_cues(text: str, tokens: list[Token], known: frozenset[str], lows: list[str]) -> list[Attribution]:
    """Cues of reporting verbs (``lows``: the tokens' lower-case forms, read first to find the verbs)."""
    out: list[Attribution] = []
    candidates = [i for i, low in enumerate(lows) if low in _VERB_CUE_WORDS]
    quotes = quote_spans(text) if candidates else []
    for i in candidates:
        tok = tokens[i]
        stem = REPORTING_FORMS.get(tok.low)
        if stem is None:
            if tok.low == "citing" and not out and i > 0 and tokens[i - 1].text == ",":
                subj = sentence_subject(tokens, i)  # "Kirby underlined the losses, citing reports that ..."
                if subj is not None:
                    out.append(make_attribution(text, tokens, subj, tok, "participle", known))
            continue
        if _lacks_its_object(text, tokens, i, stem) or _states_nothing(text, tokens, i, stem, quotes):
            continue
        inverted = _inverted_cue(text, tokens, i, stem, known)
        if inverted is not None:
            out.append(inverted)
        else:
            out += _subject_cues(text, tokens, i, stem, out, known)
    if "appeal" in lows:
        out += _appeal_noun_cues(text, tokens, known, lows, out)
    return out


_LIGHT_APPEAL_VERBS = frozenset({"made", "makes", "make", "launched", "launches", "issued", "issues"})


def _appeal_noun_cues(
    text: str, tokens: list[Token], known: frozenset[str], lows: list[str], earlier: list[Attribution]
) -> list[Attribution]:
    """ "X made an (urgent) appeal for $5 million": the light verb and the noun are "appealed for"."""
    out: list[Attribution] = []
    for k, low in enumerate(lows):
        if low != "appeal" or not _APPEAL_FOR_RE.match(text, tokens[k].end):
            continue
        art = k - 1 if k > 0 and lows[k - 1] in ("a", "an") else k - 2
        if art < 1 or lows[art] not in ("a", "an") or lows[art - 1] not in _LIGHT_APPEAL_VERBS:
            continue
        out += _subject_cues(text, tokens, art - 1, "appeal", [*earlier, *out], known)
    return out


def _lacks_its_object(text: str, tokens: list[Token], i: int, stem: str) -> bool:
    """A verb that reports only with its object, without it: not "put the toll at 87", "pointed to", "spoke
    of", "appealed for $2 million", "rejected claims that"; or a reporter's beat ("reported on two wars")."""
    end = tokens[i].end
    if stem in ESTIMATE_AT_VERBS and not (_PUT_AT_RE if stem in _PUT_STEMS else _ADJUST_AT_RE).match(
        text, end
    ):
        return True
    if stem == "point" and not _POINT_TO_RE.match(text, end):
        return True
    if tokens[i].low in {"show", "indicate"} and not _THAT_AFTER_RE.match(text, end):
        return True  # "figures from the authority show that ...", not "the returns show 188", "the TV show"
    if stem == "admit" and _ADMITTED_TO_RE.match(text, end):
        return (
            True  # "patients admitted in the past week", "admitted to hospital": an admission, no statement
        )
    if stem == "appeal" and not _APPEAL_FOR_RE.match(text, end):
        return True  # "appealed for $1.2 billion": the sum it asks for; not "appealed the verdict"
    if stem == "speak" and not _SPEAK_OF_RE.match(text, end):
        return True
    if stem in _DENY_ACTION_STEMS and not _CLAIM_OBJECT_RE.match(text, end):
        return True  # "Parliament rejected 12 amendments": an action, not a denial
    if stem == "claim" and _CLAIMED_LIVES_RE.match(text, end):
        return True  # "Unrest in the north has claimed 212 lives": it killed them, it states nothing
    if stem == "report" and _REPORTED_ILL_RE.match(text, end):
        return True  # "18 crew members had reported symptoms": they fell ill, they state no figure
    # "She has reported on two earthquakes": covered them as a reporter
    return stem == "report" and _reports_on_a_topic(tokens, i)


def _states_nothing(text: str, tokens: list[Token], i: int, stem: str, quotes: list[tuple[int, int]]) -> bool:
    """A reporting form that is no statement here: an infinitive, a passive, a noun, a quoted word."""
    tok = tokens[i]
    if i > 0 and tokens[i - 1].low in {"to", "having"}:
        # "to say": an infinitive states nothing yet; "reported having found 12 bodies": a perfect participle
        # goes with the verb before it, whose subject it shares
        return True
    if (
        i > 1
        and tok.low.endswith("ed")
        and tokens[i - 1].low in INFO_NOUNS
        and _modifies_a_document(tokens, i)
    ):
        return True  # "in a statement issued on Tuesday", "figures released on Friday": the document's participle
    if tok.low.endswith(("ed", "en")) and _PASSIVE_AFTER_RE.match(text, tok.end):
        return (
            True  # "deaths reported by the agency", "given to reporters by": the by-phrase names the speaker
        )
    aux = i - 2 if i > 1 and tokens[i - 1].low in _PASSIVE_ADVERBS else i - 1
    if (
        aux >= 0
        and tokens[aux].low in _PASSIVE_AUX
        and (tok.low.endswith("ed") or tok.low in _IRREGULAR_PARTICIPLES)
    ):
        return True  # "was confirmed", "were never counted": passive, the subject is what was said
    if (
        tok.low in {"report", "reports"}
        and i > 0
        and tokens[i - 1].low in {"the", "a", "these", "those", "media", "news", "of"}
        and not _media_report_verb(tokens, i)
    ):
        return True  # "the reports", a noun
    if _relative_clause_verb(tokens, i):
        return False  # "which the military estimates has 60 members"
    if stem in _NOUN_STEMS and _after_possessor(tokens, i):
        return True  # "the estimate", "its growth forecast", "their latest count": a noun
    if inside_quote(tok.start, quotes) and not _quoted_report(tokens, i):
        return True  # "we assess" inside a quotation is the speaker's own words
    if _place_state(tokens, i):
        return True  # "in Nigeria's Kano state, killing 12": a place's state, a noun
    if tok.low in NOUN_LIKE_FORMS and not _verb_context(tokens, i):
        return True  # "citing hospital records", "the hermit state": a noun, not a verb
    # "the growth forecast was too optimistic": the subject of the next verb, a noun
    return tok.low in _NOUN_OR_VERB and i + 1 < len(tokens) and tokens[i + 1].low in _AFTER_A_NOUN


_WHEN_OR_BY = frozenset(
    {"on", "in", "by", "at", "to", "online", "late", "earlier", "last", "this", "yesterday", "today", "overnight",
     "early", "after", "before", "during", "since", "hours", "days"}
)  # fmt: skip


def _modifies_a_document(tokens: list[Token], i: int) -> bool:
    """Whether the participle at ``i``, right after a lower-case information noun, modifies it: a time or an agent
    follows ("a statement issued on Tuesday", "figures released Friday by the agency"), not what it says ("The
    statement predicted that ...").

    >>> from analyzer.extract.tokens import tokenize
    >>> _modifies_a_document(tokenize("in a statement issued Tuesday night"), 3)
    True
    >>> _modifies_a_document(tokenize("The statement predicted that 250,000 would come"), 2)
    False
    """
    if not tokens[i - 1].text.islower() or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.low in _WHEN_OR_BY or nxt.low in WEEKDAYS or (nxt.is_capitalised and nxt.low in MONTHS)


def _place_state(tokens: list[Token], i: int) -> bool:
    """ "state" after a place's name, itself after a possessive, a preposition or a lower-case word: "in
    Nigeria's Kano state", "across Borno state": a region, no verb ("The Health Ministry states" is one).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("Gunmen hit a village in Nigeria's Kano state, killing 12.")
    >>> _place_state(toks, next(i for i, t in enumerate(toks) if t.low == "state"))
    True
    """
    if tokens[i].low not in {"state", "states"} or i < 2 or not tokens[i - 1].is_capitalised:
        return False
    before = tokens[i - 2]
    return before.is_possessive or before.low in _PREPOSITIONS or before.text.islower()


_NOUN_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "one", "another", "its", "their", "his", "her", "our", "latest", "new"}
)


def _media_report_verb(tokens: list[Token], i: int) -> bool:
    """ "British media report that ...": after a plural "media" with an adjective, "report that" is the verb
    (not "a media report that", "the media report that").

    >>> from analyzer.extract.tokens import tokenize
    >>> _media_report_verb(tokenize("British media report that 40 died"), 2)
    True
    >>> _media_report_verb(tokenize("He denied a media report that 40 died"), 4)
    False
    """
    return (
        tokens[i].low == "report"
        and tokens[i - 1].low == "media"
        and i >= 2
        and tokens[i - 2].is_word
        and tokens[i - 2].low not in _NOUN_DETERMINERS
        and tokens[i - 2].low not in REPORTING_FORMS
        and i + 1 < len(tokens)
        and tokens[i + 1].low == "that"
    )


def _bare_headline_source(text: str, tokens: list[Token], k: int) -> tuple[int, int] | None:
    """A headline's speaker after ", says": a noun modifier and an agent noun, with no article, closing the
    headline or its clause ("2,600 barrels, says pipeline firm; ministry puts it at 4,000").

    >>> from analyzer.extract.tokens import tokenize
    >>> s = "Leak: 2,600 barrels, says pipeline firm"
    >>> _bare_headline_source(s, tokenize(s), 6)
    (6, 8)
    """
    if text[-1:] in {".", "!", "?", '"', "”"} or k + 1 >= len(tokens):
        return None  # a sentence, not a headline
    first, head = tokens[k], tokens[k + 1]
    if not (
        first.is_word and first.text.isalpha() and first.text.islower() and first.low not in _NOUN_DETERMINERS
    ):
        return None
    if head.low not in AGENT_NOUNS or head.is_capitalised:
        return None
    closes = k + 2 == len(tokens) or tokens[k + 2].text in {";", ",", "–", "—", "-", ":"}
    return (k, k + 2) if closes else None


def _inverted_cue(
    text: str, tokens: list[Token], i: int, stem: str, known: frozenset[str]
) -> Attribution | None:
    """The speaker after the verb: '"...," said Captain Ana Ruiz', "..., said the agency"."""
    tok = tokens[i]
    if stem == "show" and i > 0 and tokens[i - 1].text == ",":
        return _shown_by(text, tokens, i, known)
    if not (
        i > 0
        and (tokens[i - 1].text == "," or tokens[i - 1].text in QUOTES)
        # "..., reports Xinhua news agency.": "report" inverts only before a name that ends the sentence
        and (stem in _INVERTABLE or (stem == "report" and _closing_source(tokens, i + 1)))
        and not tok.low.endswith("ing")
        and appositive_name(tokens, i) is None  # "An MP, Moses Kalundi, said the ...": not inverted
    ):
        return None
    span = phrase_after(tokens, i + 1) or _bare_headline_source(text, tokens, i + 1)
    if span is None:
        return None
    if (
        span[1] + 1 < len(tokens)
        and tokens[span[1]].low == "from"
        and tokens[span[1] - 1].low in INFO_NOUNS
        and ownerless(tokens, span)
    ):
        author = phrase_after(tokens, span[1] + 1)  # "..., said a statement from the governor's office"
        if author is None:
            return None
        span = author
    after = tokens[span[1]] if span[1] < len(tokens) else None
    if (
        (after is None or not after.is_word or after.low in _AFTER_INVERTED)
        # 'said Tarvia "cannot take everyone"': a quote opening after the name is what was said of it
        and (after is None or after.text not in QUOTES)
        # the speaker after the verb is a name or an agent noun, or closes the clause:
        # not "said the extra €2.4 billion", "claimed the budget hid"
        and (np_head(tokens[span[1] - 1]) or after is None or after.text in _CLOSING)
    ):
        return make_attribution(text, tokens, apposed_after(tokens, span), tok, "inverted", known)
    return None


def _subject_cues(
    text: str, tokens: list[Token], i: int, stem: str, earlier: list[Attribution], known: frozenset[str]
) -> list[Attribution]:
    """The cues of a verb whose speaker comes before it (``earlier``: the sentence's cues so far): the main
    clause's subject for a second verb ("and said") or a participle ("..., adding"), else its own subject."""
    tok = tokens[i]
    j = skip_left(tokens, i)
    matrix = next((a for a in earlier if a.kind in {"subject", "inverted"}), None)
    if matrix is not None and j > 0 and tokens[j - 1].low in {"and", "but"}:
        # "X denied ... and said": X said; the nearest clause's subject when a second source came between
        # ("..., the force said, but a charity put the number at 260 and said ...": the charity)
        nearest = next(
            (
                a
                for a in reversed(earlier)
                if a.kind in {"subject", "inverted"} and REPORTING_FORMS.get(a.cue.lower()) not in WEAK_VERBS
            ),
            matrix,
        )
        return [shared_subject(nearest, tok, "subject")]
    participle = tok.low.endswith("ing") and i > 0 and tokens[i - 1].text == ","
    if participle and matrix is not None and _SUBORDINATE_OPENING_RE.match(text):
        main = _main_clause_subject(text, tokens, matrix, i)
        if main is not None:  # "While X claimed 40,000, the ministry contradicted that, saying 9,000"
            return [make_attribution(text, tokens, main, tok, "participle", known)]
    if participle and matrix is not None:  # "..., the authority said, adding that": the authority adds
        # after a semicolon, the clause's own subject: "X put it at 1.9; the office disputed it, saying ..."
        clause = text.rfind(";", 0, tok.start)
        own = next(
            (a for a in reversed(earlier) if a.kind in {"subject", "inverted"} and a.cue_start > clause),
            None,
        )
        if clause < 0 and own is not None and own is not matrix and _closes_before(text, own, tok.start):
            clause = 0  # "X raised its estimate to 62,000, minister Y said, adding ...": Y adds
        return [shared_subject(own if clause >= 0 and own is not None else matrix, tok, "participle")]
    if tok.low.endswith("ing") and _after_subordinator(tokens, i):
        # "X started cutting jobs on Tuesday after previously disclosing ...": the main clause's subject
        subj = sentence_subject(tokens, i)
        if subj is None:
            return []
        verb = next(
            (
                k
                for k in range(subj[0] + 2, subj[1])
                if tokens[k].text.islower() and tokens[k].low.endswith("ed")
            ),
            subj[1],
        )  # "The firm closed two plants": the subject ends at its past verb
        return [make_attribution(text, tokens, (subj[0], verb), tok, "participle", known)]
    found = subject_before(text, tokens, i)
    if found is not None:
        return _own_subject_cues(text, tokens, i, stem, found, known)
    if participle:
        subj = sentence_subject(tokens, i)
        if subj is not None:
            return [make_attribution(text, tokens, subj, tok, "participle", known)]
    return []


_SUBORDINATORS = frozenset({"after", "before", "since", "upon", "while", "when", "without"})


def _after_subordinator(tokens: list[Token], i: int) -> bool:
    """Whether the -ing form at ``i`` heads a clause opened by "after/before/since/upon/while/when/without"
    (one -ly adverb may come between): "after previously disclosing", "while announcing"."""
    k = i - 1
    if k > 0 and tokens[k].low.endswith("ly") and tokens[k].text.islower():
        k -= 1
    return k > 0 and tokens[k].low in _SUBORDINATORS and tokens[k].text.islower()


def _shown_by(text: str, tokens: list[Token], i: int, known: frozenset[str]) -> Attribution | None:
    """ "..., showed the data available on the official website of the Kelm Water Board": an ownerless
    information noun after an inverted "showed" hands the figure to its owner, named after "of/from/by"
    within a few lower-case words ("the data of X", "figures from X", "the data posted by X").

    >>> s = "At least 88 homes were damaged, showed the data on the website of the Kelm Water Board."
    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize(s)
    >>> _shown_by(s, toks, next(k for k, t in enumerate(toks) if t.text == "showed"), frozenset()).mention
    'the Kelm Water Board'
    """
    n = i + 1
    if n < len(tokens) and tokens[n].low in {"the", "a", "an"}:
        n += 1
    if n + 1 < len(tokens) and tokens[n].low not in INFO_NOUNS and tokens[n + 1].low in INFO_NOUNS:
        n += 1  # "the latest data", "official figures"
    if n >= len(tokens) or tokens[n].low not in INFO_NOUNS or tokens[n].is_capitalised:
        return None
    for k in range(n + 1, min(len(tokens) - 1, n + 9)):
        t = tokens[k]
        if t.low in {"of", "from", "by"}:
            author = phrase_after(tokens, k + 1)
            if author is None or not tokens[author[1] - 1].is_capitalised:
                return None
            return make_attribution(text, tokens, author, tokens[i], "inverted", known)
        if not t.is_word or t.is_capitalised:
            return None
    return None


_SUBORDINATE_OPENING_RE = re.compile(r"(?:While|Whilst|Although|Though|Whereas)\s")


def _main_clause_subject(
    text: str, tokens: list[Token], matrix: Attribution, i: int
) -> tuple[int, int] | None:
    """The subject of the main clause after an opening "While/Although <matrix clause>,": the phrase right
    after the comma that closes the subordinate clause, when a verb follows it before the participle at ``i``.

    >>> from analyzer.extract.tokens import tokenize
    >>> s = "While fans claimed 40,000 came, the ministry disputed that, saying 9,000."
    >>> toks = tokenize(s)
    >>> m = Attribution("fans", 6, 10, "claimed", 11, 18, "subject")
    >>> i = next(k for k, t in enumerate(toks) if t.text == "saying")
    >>> span = _main_clause_subject(s, toks, m, i)
    >>> span_text(s, toks, span)[0] if span else None
    'the ministry'
    """
    comma = next((k for k, t in enumerate(tokens) if t.text == "," and t.start > matrix.cue_end), None)
    if comma is None or comma + 2 >= i:
        return None
    span = phrase_after(tokens, comma + 1)
    if span is None or span[1] >= i - 1 or tokens[span[1]].is_capitalised or not tokens[span[1]].is_word:
        return None
    return span


def _closes_before(text: str, att: Attribution, at: int) -> bool:
    """Whether the cue ``att`` ends just before the comma before ``at`` ("..., Y said on Tuesday, adding").

    >>> _closes_before("X rose, Y said, adding", Attribution("Y", 8, 9, "said", 10, 14, "subject"), 16)
    True
    """
    gap = text[max(att.end, att.cue_end) : at]
    if len(gap) > 30 or gap.count(",") != 1 or not gap.rstrip().endswith(",") or ";" in gap:
        return False
    # a closing speaker after a comma, not an aside's ("..., as the group had alleged, saying": the subject's)
    return text[: min(att.start, att.cue_start)].rstrip().endswith(",")


def _own_subject_cues(
    text: str,
    tokens: list[Token],
    i: int,
    stem: str,
    found: tuple[tuple[int, int], tuple[str, ...]],
    known: frozenset[str],
) -> list[Attribution]:
    """The cue of the verb at ``i`` with the subject ``found`` before it (and what it cites), and the
    institution a news outlet reports on, which is the source of the figures it gives."""
    span, cited = found
    if stem in WEAK_VERBS and tokens[span[1] - 1].low not in PRONOUNS:
        head, first = tokens[span[1] - 1], tokens[span[0]]
        if not head.is_capitalised and head.low in {"data", "figures", "records", "statistics"}:
            return []
        if first.low in OWNER_PRONOUNS and span[1] - span[0] > 1 and not head.is_capitalised:
            # "its preliminary results showed": the body "its" stands for
            span = (span[0], span[0] + 1)
        elif not (
            head.is_capitalised
            or head.is_possessive
            or first.low == "the"  # "the port counted 80 ships": a body the story knows
            or head.low in AGENT_NOUNS
            or head.low in INSTITUTION_NOUNS
            or head.low.isupper()
        ):
            return []  # "2,398,115 cast a ballot, which gives a turnout of 63.74%": a ballot states nothing
    cue = make_attribution(text, tokens, span, tokens[i], "subject", known, cited)
    if cue.media and stem in {"report", "say"}:
        actor = _reported_actor(text, tokens, i, known)
        if actor is not None:
            return [cue, actor]
    return [cue]


def _reports_on_a_topic(tokens: list[Token], i: int) -> bool:
    """ "reported on two earthquakes", "reports from the front": a reporter's beat, not a statement."""
    if i + 2 >= len(tokens) or tokens[i + 1].low not in {"on", "from"}:
        return False
    nxt = tokens[i + 2]
    if nxt.low.isdigit():  # "reported on 12 March" is a date, "reported on 12 elections" a beat
        return not (i + 3 < len(tokens) and tokens[i + 3].low in MONTHS)
    return not (nxt.low in WEEKDAYS or nxt.low in MONTHS or nxt.low in {"the", "its", "their"})


def _reported_actor(text: str, tokens: list[Token], i: int, known: frozenset[str]) -> Attribution | None:
    """ "Reuters reported that the defence ministry would buy 24 ...": an institution that is the subject
    of what a news outlet reports is the source of its figures; the outlet is the channel (via)."""
    k = i + 1
    if k < len(tokens) and tokens[k].low in {"on", "late", "early", "last", "this"}:
        # "Reuters reported on Friday that ...": a time phrase before the reported clause
        k = next((m for m in range(k + 1, min(len(tokens), k + 5)) if tokens[m].low == "that"), k)
    if k < len(tokens) and tokens[k].low == "that":
        k += 1
    if k >= len(tokens) or tokens[k].low != "the":
        return None
    span = phrase_after(tokens, k)
    if span is None or span[1] >= len(tokens):
        return None
    head, verb = tokens[span[1] - 1], tokens[span[1]]
    if head.low not in INSTITUTION_NOUNS or not (verb.is_word and verb.text[:1].islower()):
        return None
    if not _informs_or_intends(tokens, span[1]):
        return None  # "AP reported that the police arrested 120": what the police did, told by AP
    if is_media_name(span_text(text, tokens, span)[0], known):
        return None
    return make_attribution(text, tokens, span, tokens[i], "subject", known)


# what an institution does in a reported clause that makes it the source of the figure: it gives
# information, an expectation or announces an intention ("the port authority had counted 19 ships", "the
# company expected charges of 750 million", "the agency plans to hire 300"); any other act is the outlet's
# report of it
_INFORMING_VERBS = frozenset(
    {
        "said", "says", "announced", "announces", "counted", "counts", "recorded", "records", "registered",
        "registers", "estimated", "estimates", "confirmed", "confirms", "found", "finds", "planned", "plans",
        "planning", "intends", "intended", "reported", "reports", "put", "puts", "told", "tallied", "listed",
        "would", "will", "expected", "expects", "forecast", "forecasts", "projected", "projects", "predicted",
        "predicts", "warned", "warns", "believed", "believes", "feared", "fears", "assessed", "assesses",
    }
)  # fmt: skip
_AUXILIARIES = frozenset({"had", "has", "have", "is", "was", "are", "were", "also", "already", "now"})


def _informs_or_intends(tokens: list[Token], j: int) -> bool:
    """Whether the verb group at token ``j`` is one of information or announced intention."""
    while j < len(tokens) - 1 and tokens[j].low in _AUXILIARIES:
        j += 1
    return tokens[j].low in _INFORMING_VERBS
