"""The discourse state of one document, and the speakers its pronouns and descriptions refer back to.

Sentences are read in order; :class:`Discourse` keeps who spoke last (a person, a body, a group), when each
speaker last spoke, and what the page itself is (a transcript's turn, a press release's voice).
:func:`resolve` follows "she", "it", "the agency" or "the company" back to the speaker they stand for.

>>> from analyzer.extract.attribution import find_attributions
>>> state = Discourse(text="")
>>> remember(state, "The Provincial Disaster Agency")
>>> state.sentence = 1
>>> [resolve(a, state) for a in find_attributions("The agency said 40 died.")]
['The Provincial Disaster Agency']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from analyzer.extract.attribution import Attribution, find_attributions, sentence_actor
from analyzer.extract.cues import OWNER_PRONOUNS
from analyzer.extract.descriptions import Description, described_names, named_by
from analyzer.extract.mentions import bare_name, definite_head, kind_of
from analyzer.extract.speaker_phrases import CARRIED_INFO, TITLE_HEADS
from analyzer.models import Sentence

__all__ = [
    "INFO_REACH",
    "PRONOUN_REACH",
    "Discourse",
    "remember",
    "remember_actor",
    "resolve",
    "resolve_in_sentence",
]

PRONOUN_REACH = 2  # sentences a pronoun reaches back over
HEADING_REACH = 6  # sentences "He said" reaches back over when it opens a section after a subheading
SOLE_PERSON_REACH = 4  # ... or when the story has quoted one person only
INFO_REACH = 2  # sentences "The statement also said" reaches back over to its source
# an ownerless information noun that carries on a statement: "The statement", "the latest data"
_CARRIED_RE = re.compile(r"[Tt]he\s+(?:(?:latest|new|updated|official|final|same|own)\s+)?[a-z]+")
# A pronoun that may refer back to a person or body named in an earlier sentence.
_PERSON_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b|^(?:It|They)\b")
# A sentence that may open with a named subject: two capitalised words, perhaps after "On Monday, ".
_ACTOR_START_RE = re.compile(r"(?:[A-Z][^,]{0,40},\s+)?[A-Z][\w'’.\-]*\s+(?:[a-z]+\s+)?[A-Z]")
# an unnamed voice of a body described: "a spokesperson for the hospital", "officials at the agency"
_VOICE_FOR_RE = re.compile(
    r"(?:[Aa]n?\s+|[Tt]he\s+)?(?:[Ss]pokes(?:person|man|woman)|[Oo]fficials?)\s+(?:for|at|of)\s+"
    r"(?P<body>the\s+[a-z]+)"
)
# a statement an "it" in the next sentence may stand for: "In a statement, the organisers said ..."
_STATEMENT_NOUN_RE = re.compile(
    r"\b(?:[Ii]n|a|an|its|their|the)\s+(?:[a-z]+\s+)?(?:statement|release|communiqu[eé]|bulletin|notice)\b"
)
# Heads of a description that make the described a body an "it" can refer back to
_BODY_HEADS = frozenset(
    {"firm", "company", "agency", "group", "organisation", "organization", "charity", "institute", "operator"}
)
# Heads of a definite description that stand for the body last named by its name alone, within a few sentences
_FIRM_HEADS = frozenset({"company", "firm", "operator", "group", "organisation", "organization", "charity"})
_FIRM_REACH = 6
_HEAD_SYNONYMS = (
    frozenset({"agency", "service", "office", "bureau"}),
    frozenset({"ministry", "department"}),
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    frozenset({"president", "leader"}),
)


@dataclass(slots=True)
class Discourse:
    """Who spoke last and when: the state that carries across sentences of one document."""

    speakers: list[str] = field(default_factory=list)  # resolved speakers, most recent last
    last_person: str | None = None
    last_org: str | None = None
    last_plural: str | None = None
    last_bare: str | None = None  # the last speaker named by capitalised words alone: a person or a body
    people: set[str] = field(default_factory=set)  # names a later "he" or "she" referred to: no bodies
    last_date: date | None = None
    # each speaker's latest name and date by its key, the latest to speak last
    said_by: dict[str, tuple[str, date | None]] = field(default_factory=dict)
    quote_speaker: str | None = None
    quote_paragraph: int = -1
    open_quote_paragraph: int = -1  # a paragraph whose quotation runs on into the next one, which names it
    sentence: int = 0  # index of the sentence being read
    last_seen: dict[str, int] = field(default_factory=dict)  # speaker -> sentence index it last spoke in
    confirm_paragraph: int = -1  # a paragraph opened by "officials confirmed ..." without a figure
    previous: str = ""  # the sentence before, for statements that point back to it ("these reports")
    turn: str | None = None  # a transcript's speaker of the paragraphs read ("MINISTER MARBURY:") ...
    turn_label: str | None = None  # ... as its label writes it
    publisher: str | None = None  # an outlet that announces in its own page (a press release): its voice
    text: str = ""  # the document's text ...
    offset: int = 0  # ... and where the sentence being read starts in it ...
    prev_offset: int = 0  # ... and the sentence before it
    described: list[Description] | None = None  # names given a description ("Telvon, the operator")
    when: dict[int, tuple[date | None, bool]] = field(default_factory=dict)  # this sentence's cue dates
    future: dict[tuple[int, int], bool] = field(
        default_factory=dict
    )  # this sentence's dates: in a future context?
    last_said: date | None = None  # the date of the last dated statement ...
    last_said_at: int = -99  # ... and the sentence it was in: "X also said" continues it


def resolve(att: Attribution, state: Discourse) -> str | None:
    """The speaker an attribution names, following pronouns and definite descriptions back."""
    if att.kind == "carried":
        return _carried_speaker(att, state)
    if att.is_pronoun:
        return _resolve_pronoun(att, state)
    voice = _VOICE_FOR_RE.fullmatch(att.mention)
    if voice is not None:  # "A spokesperson for the hospital": the hospital named before speaks
        body = voice.group("body")
        named = resolve(replace(att, mention=body, start=att.start + voice.start("body")), state)
        return named if named is not None and named != body else att.mention
    words = att.mention.split()
    if words[0] in {"The", "the"} and words[-1] in CARRIED_INFO and _CARRIED_RE.fullmatch(att.mention):
        return _information_owner(state, words[-1])  # "The statement also said": its source, named before
    if len(words) == 2 and words[0] in {"The", "the"} and 2 <= len(words[1]) <= 4 and words[1].isupper():
        holder = _initials_title_holder(state, words[1], state.offset + att.start)
        if holder is not None:
            return holder  # "Interior Cabinet Secretary Ana Berg ... The CS said": the holder of the title
    if state.turn is not None and len(words) > 1 and words[0] in {"Our", "My"}:
        return state.turn  # an interview's answer: "Our survey puts ...", "Our GPS records show ..."
    if len(words) == 1 and words[0][:1].isupper():
        for earlier in reversed(state.speakers):  # "Amsel" after "Governor Ruth Amsel"
            if earlier != att.mention and earlier.split()[-1] == words[0] and kind_of(earlier) == "person":
                return earlier
    head = definite_head(att.mention)
    if head is not None:
        family = next((f for f in _HEAD_SYNONYMS if head in f), frozenset({head}))
        modifiers = {w.lower() for w in att.mention.split()[1:-1]}
        for earlier in reversed(state.speakers):
            known = _known_words(earlier)
            # "the intelligence agency" -> "National Intelligence Service"; not "the weather service"
            if known & family and modifiers <= known and earlier.lower() != att.mention.lower():
                return _body_of(earlier, family)
        at = state.offset + att.start
        # a description needs its head word written before the mention, or the mention closes the
        # sentence ("X will cut 900 jobs, the snack maker said"): else there is nothing to look for
        if state.text[max(0, at - 2) : at] == ", " or _words_re(family).search(state.text, 0, at) is not None:
            if state.described is None:  # worked out once per document, when first needed
                state.described = described_names(state.text)
            # "Telvon, the country's largest mobile operator, ... The operator said": the name it described
            named = named_by(state.described, family, modifiers, state.offset + att.end)
            if named is not None:
                return named
        if head in _FIRM_HEADS and not modifiers:
            named = _named_firm(state, head)
            if named is not None:
                return named  # "Karsten Minerals said ... The company said": a body named by its name alone
    return att.mention


@lru_cache(maxsize=1024)  # a story's speakers come back over and over (each time they speak, once more)
def _known_words(speaker: str) -> frozenset[str]:
    """The words of a speaker's name in lower case, without possessive endings or stops."""
    return frozenset(w.lower().strip(".,").replace("’s", "").replace("'s", "") for w in speaker.split())


@lru_cache(maxsize=64)
def _initials_re(acronym: str) -> re.Pattern[str]:
    """A capitalised title whose words' initials spell ``acronym``, and the name after it."""
    title = r"\s+".join(f"{letter}[a-z]+" for letter in acronym)
    return re.compile(rf"\b(?P<title>{title})\s+(?P<name>(?:[A-Z][\w'’\-]+\s+){{0,2}}[A-Z][\w'’\-]+)")


def _initials_title_holder(state: Discourse, acronym: str, at: int) -> str | None:
    """The speaker who holds the title ``acronym`` abbreviates: "Cabinet Secretary Ana Berg" for "The CS" (the
    title must end in a title head: "United Nations Secretary-General" is no "UN"); the last such holder
    written before ``at`` who has spoken.

    >>> state = Discourse(text="Cabinet Secretary Ana Berg spoke. The CS said 5 died.")
    >>> remember(state, "Berg")
    >>> _initials_title_holder(state, "CS", 34), _initials_title_holder(state, "UN", 34)
    ('Berg', None)
    """
    holders: list[str] = [
        m.group("name").split()[-1]
        for m in _initials_re(acronym).finditer(state.text, 0, at)
        if m.group("title").split()[-1].lower() in TITLE_HEADS
    ]
    for last in reversed(holders):
        for earlier in reversed(state.speakers):
            if earlier.split()[-1] == last:
                return earlier
    return None


_ISSUED_NOUNS = frozenset({"statement", "communique", "release", "bulletin", "notification"})
_UNNAMED_SOURCES = frozenset({"source", "sources", "witnesses", "residents", "locals"})


def _information_owner(state: Discourse, noun: str) -> str | None:
    """The source whose statement an ownerless "The statement / data / report" carries on: the last speaker,
    if they spoke within :data:`INFO_REACH` sentences (twice that when the sentence before names "the
    <noun>" too) and the sentence before brought in no other such document ("Amnesty released a report on
    Monday. The report said ..."); else the page's own voice.

    >>> state = Discourse(text="")
    >>> remember(state, "The Kelm Water Board")
    >>> state.sentence = 1
    >>> _information_owner(state, "statement")
    'The Kelm Water Board'
    >>> state.sentence, state.previous = 2, "Amnesty released a report on Monday."
    >>> _information_owner(state, "report") is None
    True
    >>> state.sentence, state.previous = 1, "The board said in a statement that 40 homes flooded."
    >>> _information_owner(state, "statement")
    'The Kelm Water Board'
    """
    if state.speakers:
        last = state.speakers[-1]
        if noun in _ISSUED_NOUNS and last.rsplit(None, 1)[-1].lower() in _UNNAMED_SOURCES:
            # "sources" issue no statement: "X announced 11 deaths. A report from security sources put it
            # at seven. '...,' said the statement": X's, the last speaker before the sources
            issuer = next(
                (
                    s
                    for s in reversed(state.speakers)
                    if s.rsplit(None, 1)[-1].lower() not in _UNNAMED_SOURCES
                ),
                None,
            )
            if issuer is not None and state.sentence - state.last_seen.get(issuer, -99) <= INFO_REACH:
                return issuer
        gap = state.sentence - state.last_seen.get(last, -99)
        before = state.previous.lower()
        own = f"in a {noun}" in before or f"in an {noun}" in before
        if (f"a {noun}" in before or f"an {noun}" in before) and not (own and gap == 1):
            pass  # another document brought in: "Amnesty released a report on Monday."
            # (but "X said in a statement on Sunday. The statement predicted ...": X's own, carried on)
        elif gap == 1 or (gap <= INFO_REACH and noun not in before):
            return last
        elif gap <= 2 * INFO_REACH and f"the {noun}" in before:
            return last  # '"...," the notification read.' carries it on
    return state.turn or state.publisher


def _body_of(earlier: str, family: frozenset[str]) -> str:
    """The body an earlier speaker names when the description's head is only in its "of" phrase: "the board"
    after "The Deputy Director of the Kelm Water Board" is the board, not its director.

    >>> _body_of("The Deputy Director of the Kelm Water Board", frozenset({"board"}))
    'the Kelm Water Board'
    >>> _body_of("Kelm Water Board", frozenset({"board"}))
    'Kelm Water Board'
    """
    before, sep, after = earlier.partition(" of ")
    if sep and after and not {w.lower() for w in before.split()} & family:
        return after
    return earlier


def _carried_speaker(att: Attribution, state: Discourse) -> str | None:
    """Who a sentence with no cue of its own goes on quoting: the speaker of the sentence right before ("X
    said 21 people were held. Of those, 14 ..."); a backshifted clause ("N were currently ...") only in the
    same paragraph.

    >>> state = Discourse(text="Police said 21 were held. Of those, 14 were charged.")
    >>> remember(state, "Police")
    >>> state.sentence, state.prev_offset, state.offset = 1, 0, 26
    >>> _carried_speaker(Attribution("Of those", 0, 8, "Of those", 0, 8, "carried"), state)
    'Police'
    """
    if att.cue == "quote":
        after = _speaker_after_quote(state)
        if after is not None:
            return after
    if not _spoke_before(state):
        return None
    if (
        att.cue in ("currently", "others", "also", "quote")
        and "\n" in state.text[state.prev_offset : state.offset]
    ):
        if att.cue == "quote" and _quoted_again_after(state, state.speakers[-1]):
            return state.speakers[-1]
        return None
    return state.speakers[-1]


def _quoted_again_after(state: Discourse, speaker: str) -> bool:
    """Whether a quotation standing alone in its paragraph, right after a paragraph where ``speaker`` spoke,
    is followed by a paragraph that opens on a quotation the same speaker is named for: the quotation between
    them is theirs ("According to Ana Berg, ..." + '"A total of 74 ..."' + '"There are 12 more," says Berg.').

    >>> text = 'Ana Berg said bodies were found.\\n\\n"A total of 74 were found."\\n\\n"It is grim," says Berg.'
    >>> state = Discourse(text=text)
    >>> state.offset = text.index('"A total')
    >>> _quoted_again_after(state, "Ana Berg"), _quoted_again_after(state, "Ivo Tal")
    (True, False)
    """
    text, start = state.text, state.offset
    end = text.find("\n", start)
    if end < 0:
        return False
    paragraph = text[start:end].rstrip()
    if not paragraph.endswith(('"', "”")) or sum(paragraph.count(q) for q in '"“”') != 2:
        return False  # one whole quotation, the paragraph's only one
    nxt = end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if text[nxt : nxt + 1] not in {'"', "“"}:
        return False
    line_end = text.find("\n", nxt)
    following = text[nxt : line_end if line_end >= 0 else len(text)]
    for found in find_attributions(following):
        if found.kind in {"subject", "inverted"} and not found.is_pronoun and not found.media:
            return _same_name(found.mention, speaker)
    return False


def _same_name(named: str, speaker: str) -> bool:
    """Whether ``named`` names ``speaker``: by surname alone ("Berg"), or by the same given name and surname.

    >>> _same_name("Berg", "Mayor Ana Berg"), _same_name("Ana Berg", "Ana Berg"), _same_name("Lena Berg", "Ana Berg")
    (True, True, False)
    """
    words, own = named.split(), speaker.split()
    if words[-1] != own[-1]:
        return False
    given = [w for w in words[:-1] if w[:1].isupper()]
    return not given or (len(own) > 1 and given[-1] == own[-2])


_QUOTE_RUN = 700  # characters a quotation of several sentences may run before the name after it


def _speaker_after_quote(state: Discourse) -> str | None:
    """The speaker named right after the close of a quotation of several sentences that the sentence being
    read opens: '"Five people died. Twenty are hurt," Ana Berg, Chief of Police, told reporters.' (the same
    paragraph only).

    >>> text = '"Five people died there. Twenty are hurt," Ana Berg told reporters.'
    >>> _speaker_after_quote(Discourse(text=text))
    'Ana Berg'
    >>> _speaker_after_quote(Discourse(text='"Five people died there." The rest fled, Ana Berg said.')) is None
    True
    """
    text, start = state.text, state.offset
    end = text.find("\n", start, start + _QUOTE_RUN)
    end = end if end >= 0 else min(len(text), start + _QUOTE_RUN)
    close = next((i for i in range(start + 1, end) if text[i] in '"”'), -1)
    if close < 0 or text[close - 1 : close] not in {",", "!", "?"}:
        return None  # "...died there." closes a quotation of its own: nothing carries it on
    first_stop = text.rfind(". ", start, close)
    if first_stop < 0:
        return None  # one sentence: its own cue speaks for it
    stop = text.find(". ", close, end)  # the sentence that holds the close, not the rest of the paragraph
    segment = text[first_stop + 2 : stop + 1 if stop >= 0 else end]
    at = close - (first_stop + 2)
    for found in find_attributions(segment):
        if found.cue_start > at and found.kind in {"subject", "inverted"} and not found.media:
            return found.mention if not found.is_pronoun else _resolve_pronoun(found, state)
    return None


def _sole_person(state: Discourse, person: str) -> bool:
    """Whether ``person`` is the only person who has spoken in the document so far, and plainly a person: a
    titled name ("Minister Ana Berg") or one a "she" referred to before, not a bare "Maritime New Zealand"."""
    if bare_name(person) and person not in state.people:
        return False
    low = person.lower()  # "The minister said ... the minister said": one person
    return all(
        s.lower() == low or kind_of(s) != "person" or _titled_as(state, s, person) for s in state.speakers
    )


def _titled_as(state: Discourse, role: str, person: str) -> bool:
    """Whether the bare role noun ``role`` ("minister") and ``person`` are one: the story named ``person``
    first with that title ("Provincial Minister for Revenue Ana Berg, said ... the minister said").

    >>> state = Discourse(text="Provincial Minister for Revenue Ana Berg said 4. Later the minister said 5.")
    >>> [_titled_as(state, r, "Ana Berg") for r in ("minister", "mayor")]
    [True, False]
    """
    role = role.removeprefix("the ").removeprefix("The ")
    if not role.isalpha() or not role.islower():
        return False
    at = state.text.find(person)
    if at < 0:
        return False
    before = state.text[max(0, at - 60) : at]
    return f"{role.capitalize()} " in before and "." not in before.rpartition(role.capitalize())[2]


_HEADING_BEFORE_RE = re.compile(r"\n[^\S\n]*([^\n]{2,80}?)[^\S\n]*\n\s*$")


def _after_heading(state: Discourse) -> bool:
    r"""Whether the sentence being read opens a section: the line before it is a short subheading (no
    closing stop, no quote, capitalised).

    >>> state = Discourse(text="Ana Berg said 4.\n\nCases in the north\n\nShe said 9.")
    >>> state.offset = 37
    >>> _after_heading(state)
    True
    >>> state = Discourse(text="Ana Berg said 4.\n\nShe said 9.")
    >>> state.offset = 18
    >>> _after_heading(state)
    False
    """
    m = _HEADING_BEFORE_RE.search(state.text, max(0, state.offset - 90), state.offset)
    if m is None:
        return False
    line = m.group(1)
    return line[:1].isupper() and line[-1:] not in '.!?:;,"”’)' and not any(q in line for q in '"“”')


def _spoke_before(state: Discourse) -> bool:
    """Whether the last speaker spoke in the sentence before."""
    return bool(state.speakers) and state.last_seen.get(state.speakers[-1], -99) == state.sentence - 1


def _resolve_pronoun(att: Attribution, state: Discourse) -> str | None:
    """The speaker a pronoun refers back to: the last person for "he" and "she", the last group or body
    for "they", the last body for "it"; none past :data:`PRONOUN_REACH` sentences."""
    low = OWNER_PRONOUNS.get(att.mention.lower(), att.mention.lower())
    if low in {"he", "she"}:
        found = state.last_person
    elif low == "they":
        found = state.last_plural or state.last_org
    elif low == "it" and _STATEMENT_NOUN_RE.search(state.previous) and _spoke_before(state):
        # "In a statement, the organisers said ... It added that ...": the statement, so its authors
        return state.speakers[-1]
    elif low == "it":
        found = state.last_org
        # "Nordic Lines ... It added": a bare name may be a body; "it" says it is one
        bare = state.last_bare
        if (
            bare is not None
            and (found is None or state.last_seen.get(bare, -99) > state.last_seen.get(found, -99))
            and not (bare in state.people or (len(bare.split()) == 2 and kind_of(bare) == "person"))
        ):  # "A bank spokesperson, Reza Kowalczyk, ... Its count": "it" is no person
            found = bare
        if found is None or state.last_seen.get(found, -99) < state.sentence - 1:
            # "... commissioned a count from Civica Metrics, an independent firm. It put the crowd at
            # 61,000": a body the sentence before described is nearer than an older speaker
            described = _body_described_before(state)
            if described is not None:
                return described
    else:
        found = None
    # a pronoun reaches back two sentences at most: further, other subjects have come between
    if found is not None and state.sentence - state.last_seen.get(found, -99) > PRONOUN_REACH:
        # "Gauteng outbreak" + "He said ...": a section opens on the person the story has followed
        gap = state.sentence - state.last_seen.get(found, -99)
        if not (low in {"he", "she"} and gap <= HEADING_REACH):
            return None
        # ... or the story has quoted that one person only, a few sentences back
        if not (_after_heading(state) or (gap <= SOLE_PERSON_REACH and _sole_person(state, found))):
            return None
    if found is not None and low in {"he", "she"} and kind_of(found) == "person":
        state.people.add(found)  # "said Ana Berg ... She said": a person, no firm a later "the company" names
    return found


@lru_cache(maxsize=256)
def _words_re(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(sorted(words))})\b", re.IGNORECASE)


def _body_described_before(state: Discourse) -> str | None:
    """The last body the sentence before the current one describes ("Civica Metrics, an independent firm")."""
    if state.described is not None:
        found = [d for d in state.described if state.prev_offset <= d.start < state.offset]
    else:  # only the sentence before is read, not the whole page
        found = described_names(state.text[state.prev_offset : state.offset])
    return next((d.name for d in reversed(found) if d.head in _BODY_HEADS), None)


def _named_firm(state: Discourse, head: str) -> str | None:
    """The latest speaker of the last few sentences named by capitalised words alone ("Karsten Minerals",
    "Telvona") that the text does not describe as something other than ``head`` ("Mine Watch, a monitoring
    group" is no company)."""
    for name in reversed(state.speakers):
        if state.sentence - state.last_seen.get(name, -99) > _FIRM_REACH:
            return None
        if name in state.people or not (
            bare_name(name) or (" " not in name and name[:1].isupper() and not name.isupper())
        ):
            continue
        if state.described is None:  # a candidate at last: what the page says it is
            state.described = described_names(state.text)
        heads = {d.head for d in state.described if d.name == name}
        if not heads or head in heads:
            return name
    return None


def resolve_in_sentence(
    att: Attribution, earlier: list[Attribution], resolved: dict[int, str | None], state: Discourse
) -> str | None:
    """A pronoun first looks back within its own sentence: "The agency said ..., and it has since told ..."."""
    low = OWNER_PRONOUNS.get(att.mention.lower(), att.mention.lower())
    if att.is_pronoun and low in {"it", "they", "he", "she"}:
        want = {"it": "org", "they": "plural", "he": "person", "she": "person"}[low]
        for idx in range(len(earlier) - 1, -1, -1):
            name = resolved.get(idx)
            kind = kind_of(name) if name else ""
            if (
                name
                and not earlier[idx].media
                and (
                    kind == want
                    or (want == "plural" and kind == "org")
                    or (want == "org" and bare_name(name))  # "Nordic Lines said it had ..."
                    or (want == "person" and _named_person_of(name))
                )
            ):
                return name
    return resolve(att, state)


def _named_person_of(name: str) -> bool:
    """A person's bare name before "of" a body: "Dale Ruiz of the Rail Workers' Union said ... he" (the
    whole mention reads as the body's).

    >>> _named_person_of("Ana Berg of the Red Cross"), _named_person_of("Bank of the West")
    (True, False)
    """
    person, sep, _ = name.partition(" of ")
    return bool(sep) and len(person.split()) in {2, 3} and bare_name(person) and kind_of(person) == "person"


def remember(state: Discourse, speaker: str) -> None:
    """``speaker`` spoke in the sentence being read: the last of their kind a pronoun may refer back to."""
    state.last_seen[speaker] = state.sentence
    state.speakers.append(speaker)
    if len(state.speakers) > 50:
        del state.speakers[:25]
    kind = kind_of(speaker)
    if kind == "person":
        state.last_person = speaker
        if bare_name(speaker) or (" " not in speaker and speaker[:1].isupper()):
            # "Nordic Lines", "Marlo": a name alone may be a body, which a later "It" refers to (a surname
            # alone has been resolved to the full name by now)
            state.last_bare = speaker
    elif kind == "plural":
        state.last_plural = speaker
    else:
        state.last_org = speaker


def remember_actor(text: str, following: list[Sentence], state: Discourse) -> None:
    """The named subject of a sentence without a reporting verb, when a pronoun follows: "She later told
    reporters" refers back to it."""
    if _ACTOR_START_RE.match(text) and any(_PERSON_PRONOUN_RE.search(later.text) for later in following):
        actor = sentence_actor(text)
        if actor is not None and kind_of(actor) != "plural":
            remember(state, actor)
