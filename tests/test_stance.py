"""Stance of a figure or statement, on sentences of our own."""

from __future__ import annotations

import pytest

from analyzer.extract.stance import stance_of, statement_stance


def _stance(sentence: str, cue: str, figure: str) -> str:
    start = sentence.index(figure)
    return stance_of(sentence, sentence.index(cue), start, start + len(figure))


@pytest.mark.parametrize(
    ("sentence", "cue", "figure", "stance"),
    [
        ("The coastguard said 42 people were rescued.", "said", "42", "asserts"),
        ("Officials confirmed on Thursday that 300 people were missing.", "confirmed", "300", "confirms"),
        ("The ministry acknowledged that 18 prisoners had escaped.", "acknowledged", "18", "confirms"),
        ("The governor denied reports that 300 people were missing.", "denied", "300", "denies"),
        ("The army rejected claims that 1,000 soldiers had deserted.", "rejected", "1,000", "denies"),
        (
            "If the reports of 300 missing are true, it would be a catastrophe, the governor said.",
            "said",
            "300",
            "hedges",
        ),
        ("The toll could rise to 90, the agency said.", "said", "90", "hedges"),
        ("The mayor said as many as 2,000 might have left the city.", "said", "2,000", "hedges"),
        # "confirmed" after the figure names a kind of case, it is no stance of the speaker
        ("The ministry's tally showed 2,310 confirmed cases.", "showed", "2,310", "asserts"),
        ("The ministry said 2,310 cases had been confirmed by laboratory tests.", "said", "2,310", "asserts"),
        ("Officials later confirmed that 300 were missing.", "confirmed", "300", "confirms"),
        # a speaker after the figure who cannot confirm it hedges
        (
            "Reports said 300 troops crossed, but the minister said he could not confirm it.",
            "minister",
            "300",
            "hedges",
        ),
        ("The ministry rejected claims that 5,000 flats were empty.", "rejected", "5,000", "denies"),
        # reject/dismiss/dispute of a thing, not of a claim, is no denial
        ("The court dismissed 40 cases, officials said.", "officials", "40", "asserts"),
        ("The ministry rejected reports that 300 had died.", "rejected", "300", "denies"),
        ("The union disputed the figure of 300 job losses.", "disputed", "300", "denies"),
        # a hedge in another clause after the closing cue is not about the figure
        (
            "At least 12 people were killed, police said, adding the toll could rise.",
            "police",
            "12",
            "asserts",
        ),
        (
            "At least 12 people were killed, police said on Friday, possibly in a crush.",
            "police",
            "12",
            "asserts",
        ),
        (
            "Some 70 homes were flooded, the council said and added more rain might come.",
            "council",
            "70",
            "asserts",
        ),
        (
            "About 30 boats sank, the minister said he could not confirm the figure.",
            "minister",
            "30",
            "hedges",
        ),
    ],
)
def test_stance(sentence: str, cue: str, figure: str, stance: str) -> None:
    assert _stance(sentence, cue, figure) == stance


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("there is evidence that foreign fighters are in the city", "confirms"),
        ("if it's true that the militia has crossed, it would be highly concerning", "hedges"),
        ("that the shipments were fake news", "denies"),
        ("that the bridge would reopen next week", "asserts"),
    ],
)
def test_statement_stance(words: str, stance: str) -> None:
    assert statement_stance(words) == stance
