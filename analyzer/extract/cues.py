"""The attribution record: a cue in a sentence and the speaker it names, and what every kind of cue reads.

>>> text = 'She said "we saw 40 boats", and left.'
>>> quote_spans(text), inside_quote(12, quote_spans(text))
([(9, 26)], True)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from analyzer.extract.tokens import Token, span_text
from analyzer.extract.vocab import PRONOUNS, is_media_name
from analyzer.native import register_records

__all__ = [
    "AUTHORING_PARTICIPLES",
    "INFO_NOUNS",
    "OWNER_PRONOUNS",
    "Attribution",
    "inside_quote",
    "make_attribution",
    "quote_spans",
    "shared_subject",
]

# Nouns of information a speaker gives or is known by: "ministry figures put ...", "according to its data".
INFO_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "communique",
        "bulletin",
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
        "manifest",
        "log",
        "logs",
        "register",
        "list",
        "filing",
        "filings",
        "note",
        "notes",
        "memo",
    ]
)
# Participles that name the author of an information noun by their by-phrase ("records compiled by X");
# "seen by"/"obtained by" name who read it, not who made it.
AUTHORING_PARTICIPLES = frozenset({"released", "published", "issued", "compiled", "provided", "prepared"})
_QUOTE_RE = re.compile(r"“[^“”]{1,2000}”|\"[^\"]{1,2000}\"")


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


# "its results showed": the pronoun of the body that owns them, and the pronoun it stands for
OWNER_PRONOUNS = {"its": "it", "their": "they"}


def make_attribution(
    text: str,
    tokens: list[Token],
    span: tuple[int, int],
    cue: Token,
    kind: str,
    known_outlets: frozenset[str],
    cited: tuple[str, ...] = (),
) -> Attribution:
    """The cue of token ``cue`` whose speaker is the token ``span`` of ``text``."""
    mention, a, b = span_text(text, tokens, span)
    mention = mention.strip(" ,;:")
    is_pronoun = span[1] - span[0] == 1 and (
        tokens[span[0]].low in PRONOUNS or tokens[span[0]].low in OWNER_PRONOUNS
    )
    # (in the order of the fields, positional: a call with keywords costs a third more, interpreted)
    media = not is_pronoun and is_media_name(mention, known_outlets)
    return Attribution(mention, a, b, cue.text, cue.start, cue.end, kind, media, cited, is_pronoun)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages ("..." or “...”) in a sentence."""
    if '"' not in text and "“" not in text:
        return []  # (most sentences quote nothing: two substring tests, no scan)
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def inside_quote(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character ``pos`` is inside one of the quoted ``spans``."""
    return any(a < pos < b for a, b in spans)


def shared_subject(matrix: Attribution, cue: Token, kind: str) -> Attribution:
    """A cue whose subject is the main clause's: a participle ("adding") or a coordinated verb ("and said")."""
    return Attribution(
        matrix.mention,
        matrix.start,
        matrix.end,
        cue.text,
        cue.start,
        cue.end,
        kind,
        matrix.media,
        (),
        matrix.is_pronoun,
    )


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
