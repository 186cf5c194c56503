"""Statements without a figure: what an attributed sentence asserts, confirms, hedges or denies.

>>> from datetime import date
>>> from analyzer.extract.attribution import find_attributions
>>> from analyzer.extract.discourse import Discourse
>>> from analyzer.models import Document, Sentence
>>> text = "The army said the claims were false and denied any incursion."
>>> doc, sent = Document("d", text, published=date(2024, 10, 23)), Sentence(text, 0, len(text), 0, 0)
>>> [(s.speaker, s.stance) for s in figureless_statements(doc, sent, find_attributions(text), [], Discourse(), ())]
[('The army', 'denies')]
"""

from __future__ import annotations

import re

from analyzer.extract.attribution import Attribution
from analyzer.extract.discourse import Discourse, resolve
from analyzer.extract.stance import statement_stance
from analyzer.extract.statement_dates import another_occasion, dated, speaker_date
from analyzer.models import DateMention, Document, Sentence, Statement
from analyzer.patterns import prefixed

__all__ = ["dated_cue_statements", "figureless_statements"]

_ANAPHORIC_TOPIC_RE = prefixed(
    "tsi",
    r"\b(?:th(?:ese|ose|is|at)\s+(?:reports?|claims?|development|move|deployment|information|figures?)|"
    r"such\s+a\s+\w+|the\s+reports?|it)\b",
    re.IGNORECASE,
)


def figureless_statements(
    doc: Document,
    sent: Sentence,
    atts: list[Attribution],
    dates: list[DateMention],
    state: Discourse,
    credits: tuple[str, ...],
) -> list[Statement]:
    """The statement of an attributed sentence without a figure: it can still assert, confirm, hedge or deny."""
    text = sent.text
    chosen = [
        a
        for a in atts
        if not a.media and a.kind in {"subject", "inverted", "participle", "according", "colon"}
    ]
    if not chosen:
        return []
    att = chosen[-1] if chosen[-1].cue_start < len(text) // 2 else chosen[0]
    speaker = resolve(att, state)
    if speaker is None:
        return []
    topic = text[att.cue_end :] if att.cue_end < len(text) - 10 else text[: att.start]
    statement = _statement(doc, sent, att, speaker, topic, atts, dates, state, credits, carry=True)
    return [] if statement is None else [statement]


def dated_cue_statements(
    doc: Document,
    sent: Sentence,
    atts: list[Attribution],
    resolved: dict[int, str | None],
    used: set[int],
    dates: list[DateMention],
    state: Discourse,
    credits: tuple[str, ...],
) -> list[Statement]:
    """The cues of a sentence with figures that no figure took, each a statement of its own when dated:
    "Zelenskyy, who first accused Pyongyang of sending troops on Oct. 13, has said ... 10,000".

    ``resolved`` maps a cue's index to its speaker, ``used`` holds the ids of the cues figures took.
    """
    text = sent.text
    out: list[Statement] = []
    for idx, cue in enumerate(atts):
        name = resolved.get(idx)
        if (
            id(cue) in used
            or cue.media
            or name is None
            or cue.kind not in {"subject", "inverted", "participle"}
        ):
            continue
        later = [a.cue_start for a in atts if a.cue_start > cue.cue_end]
        topic = text[cue.cue_end : min(later) if later else len(text)]
        statement = _statement(doc, sent, cue, name, topic, atts, dates, state, credits, carry=False)
        if statement is not None:
            out.append(statement)
    return out


def _statement(
    doc: Document,
    sent: Sentence,
    att: Attribution,
    speaker: str,
    topic: str,
    atts: list[Attribution],
    dates: list[DateMention],
    state: Discourse,
    credits: tuple[str, ...],
    *,
    carry: bool,
) -> Statement | None:
    """One statement without a figure, or None when its words are too few to say anything."""
    text = sent.text
    if len(topic.split(None, 3)) < 4:  # (fewer than four words; no need to split them all)
        return None
    when, stated = dated(text, att, dates, state)
    if not stated and carry and not another_occasion(text, att):
        when = speaker_date(state, speaker)
    if not carry and when is None:
        return None
    if _ANAPHORIC_TOPIC_RE.search(topic):
        topic = f"{topic} [{state.previous}]"  # "these reports": what the sentence before reported
    via = [a.mention for a in atts if a.media] + list(att.citing)
    via += [c for c in credits if c not in via]
    return Statement(
        statement_id=f"{doc.doc_id}@{sent.start + att.cue_start}s",
        doc_id=doc.doc_id,
        speaker=speaker,
        sentence=text,
        start=sent.start,
        end=sent.end,
        stance=statement_stance(topic),
        asserted_on=when,
        speaker_mention=att.mention,
        outlet=doc.outlet,
        published=doc.published,
        via=tuple(dict.fromkeys(via)),
        topic=topic.strip(' ,.:;"“”'),
    )
