"""Attribution cues: who says it, on sentences of our own (EXTRACTION.md, "Who says it")."""

from __future__ import annotations

import pytest

from analyzer.extract.attribution import choose, find_attributions


def _speaker_of(sentence: str, figure: str) -> tuple[str | None, tuple[str, ...]]:
    atts = find_attributions(sentence)
    start = sentence.index(figure)
    end = start + len(figure)
    others = []
    choice = choose(atts, start, end, others)
    return (choice.attribution.mention if choice.attribution else None), choice.via


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # subject before the verb, in its forms
        ("The fire brigade said 17 homes were destroyed.", "17", "The fire brigade"),
        ("Hospital officials told reporters that 64 patients were admitted.", "64", "Hospital officials"),
        ("The ministry reported on Friday that 230 schools had closed.", "230", "The ministry"),
        (
            "The league's commissioner estimated that 9,000 fans attended.",
            "9,000",
            "The league's commissioner",
        ),
        (
            "Regional Governor Tomas Berg confirmed that 31 villages were cut off.",
            "31",
            "Regional Governor Tomas Berg",
        ),
        (
            "Mayor Ines Walde has repeatedly claimed that 4,000 jobs were created.",
            "4,000",
            "Mayor Ines Walde",
        ),
        # speaker after the clause
        (
            "At least 19 climbers were rescued overnight, the mountain rescue service said.",
            "19",
            "the mountain rescue service",
        ),
        ("The toll now stands at 52, officials told reporters on Tuesday.", "52", "officials"),
        ("Some 800 ballots were disputed, election monitors said.", "800", "election monitors"),
        ("Flood Leaves 300 Stranded, Governor Says", "300", "Governor"),
        # quotes with the speaker on either side
        (
            '"We moved 120 families before dawn," said Captain Lea Novak, who runs the shelter.',
            "120",
            "Captain Lea Novak",
        ),
        ('"We moved 120 families before dawn," Captain Lea Novak said.', "120", "Captain Lea Novak"),
        ('Captain Lea Novak: "We moved 120 families before dawn."', "120", "Captain Lea Novak"),
        # according to, per, counts
        ("According to the port authority, 44 vessels were stuck.", "44", "the port authority"),
        ("Some 44 vessels were stuck (according to the port authority).", "44", "the port authority"),
        ("The rally drew 30,000 people by the organisers' count.", "30,000", "the organisers"),
        # put the figure at
        (
            "The insurers' association put the damage at 80 million.",
            "80 million",
            "The insurers' association",
        ),
        (
            "Figures from the transport ministry put the number of cancelled trains at 415.",
            "415",
            "the transport ministry",
        ),
        # titles, possessive organisations, unnamed sources
        (
            "Senate Majority Leader Amy Holt said 51 votes were secured.",
            "51",
            "Senate Majority Leader Amy Holt",
        ),
        ("Norway's coastal agency reported that 12 ships ran aground.", "12", "Norway's coastal agency"),
        ("A senior diplomat told this newspaper that 600 advisers had arrived.", "600", "A senior diplomat"),
        ("Western officials said 2,000 mercenaries were involved.", "2,000", "Western officials"),
        # appositive and parenthetical asides
        ("Petra Lind, a spokeswoman for the utility, said 90,000 homes lost power.", "90,000", "Petra Lind"),
        ("The mayor, citing hospital records, said 87 people had died.", "87", "The mayor"),
        (
            "The agency, which last week reported 1,100 cases, said on Monday that 1,480 had been confirmed.",
            "1,480",
            "The agency",
        ),
        # participles carry the main subject
        ("The union raised the alarm on Sunday, warning that 3,500 jobs would go.", "3,500", "The union"),
        # no attribution at all
        ("The storm, which killed 14 people in 2019, returned on Sunday.", "14", None),
    ],
)
def test_speaker(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


def test_two_speakers_in_one_sentence() -> None:
    s = "Turnout reached 1.3 million according to the ministry and 2.9 million according to the organisers."
    atts = find_attributions(s)
    a, b = s.index("1.3 million"), s.index("2.9 million")
    spans = [(a, a + 11), (b, b + 11)]
    first = choose(atts, a, a + 11, [spans[1]])
    second = choose(atts, b, b + 11, [spans[0]])
    assert first.attribution is not None and first.attribution.mention == "the ministry"
    assert second.attribution is not None and second.attribution.mention == "the organisers"


def test_count_without_a_verb() -> None:
    s = "The march drew 48,000 people by the police count, 120,000 for the unions."
    atts = find_attributions(s)
    a, b = s.index("48,000"), s.index("120,000")
    assert choose(atts, a, a + 6, [(b, b + 7)]).attribution.mention == "the police"  # type: ignore[union-attr]
    assert choose(atts, b, b + 7, [(a, a + 6)]).attribution.mention == "the unions"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        (
            "Reuters reported that the port authority had counted 19 ships.",
            "19",
            "the port authority",
            ("Reuters",),
        ),
        (
            "Local media, quoting police sources, said 12 were detained.",
            "12",
            "police sources",
            ("Local media",),
        ),
        (
            "The cabinet may resign over the 40 million shortfall, NBC News reported on Monday, citing senior aides.",
            "40 million",
            "senior aides",
            ("NBC News",),
        ),
        (
            '"We counted 85 boats," the harbour master told reporters, per The Associated Press.',
            "85",
            "the harbour master",
            ("The Associated Press",),
        ),
        (
            "The mayor, citing hospital records, said 87 people had died.",
            "87",
            "The mayor",
            ("hospital records",),
        ),
    ],
)
def test_via(sentence: str, figure: str, speaker: str, via: tuple[str, ...]) -> None:
    assert _speaker_of(sentence, figure) == (speaker, via)


def test_quoted_we_is_not_a_speaker() -> None:
    s = 'The spokesman said: "We assess that 3,000 are in training."'
    mentions = [a.mention for a in find_attributions(s)]
    assert "We" not in mentions and "we" not in mentions


def test_nouns_that_look_like_verbs() -> None:
    s = "The reports of 300 missing alarmed the council."
    assert find_attributions(s) == []
