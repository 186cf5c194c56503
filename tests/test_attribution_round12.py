"""Round 12 of attribution rules: a body located by a place after "in"; "according to official results"
names no one; a stray comma between a subject and its verb; an earlier report "on <day> from X". Every
sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.models import Claim
from tests.factories import claims_by_value

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    return claims_by_value(text, published=published)


def _speaker(text: str, value: float) -> str | None:
    return _claims(text)[value].speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a body's proper name located by "in <Place>": the body speaks, not the place
        ("The Harbor Trust in North Wales said 587 appointments were postponed.", 587, "The Harbor Trust"),
        ("The Red Cross in Kenya said 40 people died in the floods.", 40, "The Red Cross"),
        ("UNICEF in Yemen said 312 children were treated last week.", 312, "UNICEF"),
        ("The Foreign Office in London said 46 Britons were evacuated.", 46, "The Foreign Office"),
        # near-misses: agents in a place, as before; the place is still read over
        ("Officials in Tarvia said 19 people were missing.", 19, "Officials"),
        ("Heavy Rains in Kenya killed 40 people, police said.", 40, "police"),
    ],
)
def test_body_located_by_place(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "according to (the) official results/figures": an adjective, no official speaks
        ("According to official results, the party won 317 seats.", 317, None),
        ("According to official figures, 40 people died in the fire.", 40, None),
        ("According to the official results, the bloc took 137 seats.", 137, None),
        # the speaker of the sentence speaks through the results it cites
        ("Dan Obi said that according to official results, the party won 317 seats.", 317, "Dan Obi"),
        ("Dan Obi said that according to the final results, the party won 59 seats.", 59, "Dan Obi"),
        # near-misses: an author or an owner is named; an official speaks
        (
            "According to the results released by the Election Board, the party won 317 seats.",
            317,
            "the Election Board",
        ),
        (
            "Reuters reported that, according to the board's preliminary results, the party had 68 seats.",
            68,
            "the board",
        ),
        ("According to an official, 40 people died in the fire.", 40, "an official"),
        ("According to officials, 40 people died in the fire.", 40, "officials"),
    ],
)
def test_official_results(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a stray comma between the subject that opens the sentence and its verb
        (
            "Provincial Minister for Health Ali Raza Khan, said that 40 hospitals were built.",
            40,
            "Provincial Minister for Health Ali Raza Khan",
        ),
        ("Ali Raza Khan, said 40 hospitals were built.", 40, "Ali Raza Khan"),
        (
            "Deputy Commissioner Omar Baig, said on Monday that 12 schools had reopened.",
            12,
            "Deputy Commissioner Omar Baig",
        ),
        ("The Deputy Commissioner, said that 12 schools had reopened.", 12, "The Deputy Commissioner"),
        # near-misses: an opening phrase that is no subject; an inverted speaker; an adverb aside
        ("In the end, said 40 hospitals were built.", 40, None),
        ("On Monday, said 40 hospitals were built.", 40, None),
        ("The figure was 40, said Ali Khan.", 40, "Ali Khan"),
        ("Police, however, said 40 people died.", 40, "Police"),
    ],
)
def test_stray_comma_subject(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


def test_stray_comma_speaker_carries_to_the_occasion() -> None:
    text = (
        "Provincial Minister for Health Ali Raza Khan, said that 40 hospitals were built. "
        "He expressed these views while chairing a meeting on Monday."
    )
    claim = _claims(text)[40]
    assert claim.speaker == "Provincial Minister for Health Ali Raza Khan"
    assert claim.asserted_on == date(2026, 4, 20)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # an earlier/previous report (on a day) from X: X speaks, not "previous"
        (
            "A previous report on Thursday from security and local sources put the death toll at seven.",
            7,
            "security and local sources",
        ),
        ("A previous report from hospital sources put the death toll at nine.", 9, "hospital sources"),
        ("An earlier statement on Monday from the army put the death toll at 11.", 11, "the army"),
        ("An initial report from the coast guard said 23 people were rescued.", 23, "the coast guard"),
        # near-misses: the object of "on" is a topic, not a day; an owner before the noun
        ("A report on housing from the council said 7 homes were lost.", 7, None),
        ("A statement on Monday from the governor's office said 8 people died.", 8, "the governor's office"),
    ],
)
def test_earlier_report_from(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "According to the statement/report," with no author: the source named just before goes on
        (
            "The army said on Thursday its forces killed 60 fighters. According to the statement, five "
            "civilians were killed in the shelling.",
            5,
            "The army",
        ),
        (
            "The relief agency said 300 tents were delivered. According to the latest report, 1,400 families "
            "remain without shelter.",
            1400,
            "The relief agency",
        ),
        # near-misses: an indefinite statement is another document; nobody spoke before
        (
            "The army said on Thursday its forces killed 60 fighters. According to a statement, five "
            "civilians were killed in the shelling.",
            5,
            None,
        ),
        ("According to the statement, five civilians were killed in the shelling.", 5, None),
    ],
)
def test_according_to_the_statement(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "<plural agents> estimate/reports that": a verb, not a compound noun
        ("The authorities estimate that more than 80 homes burned down.", 80, "The authorities"),
        ("The police estimate that 2,000 people joined the march.", 2000, "The police"),
        ("The organisers estimate that 15,000 people attended.", 15000, "The organisers"),
        # near-miss: "the official estimate that ..." is a noun; the closing speaker speaks
        ("The official estimate that 80 homes burned down was wrong, the mayor said.", 80, "the mayor"),
    ],
)
def test_plural_agents_estimate_that(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "X said in a statement ... The statement predicted ...": X's own statement goes on
        (
            "Nearly 116,000 refugees have arrived since May, the agency said in a statement on Sunday. The "
            "statement predicted that 250,000 refugees could arrive by December.",
            250000,
            "the agency",
        ),
        (
            "The board said in a statement that 40 homes flooded. The statement added that 12 roads were shut.",
            12,
            "The board",
        ),
        # near-miss: a statement brought in by someone else is not the speaker's
        (
            "The agency said 116,000 refugees arrived. A rights group released a statement on Sunday. The "
            "statement said 250,000 refugees would arrive.",
            250000,
            None,
        ),
    ],
)
def test_statement_the_speaker_issued(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # an additive "also" carries a figure given in words as it carries one in digits
        (
            "The Harbor Trust said 587 appointments were postponed. Some eight planned operations have also "
            "been cancelled.",
            8,
            "The Harbor Trust",
        ),
        ("Police said 30 people were held. Twelve cars were also seized.", 12, "Police"),
        ("The ministry said 80 schools shut. Around forty clinics had also closed.", 40, "The ministry"),
        # near-misses: another paragraph; "also" on no past verb; nobody spoke before
        ("Police said 30 people were held.\n\nTwelve cars were also seized.", 12, None),
        (
            "The Harbor Trust said 587 appointments were postponed. The town also has twelve schools.",
            12,
            None,
        ),
        ("The storm hit on Monday. Twelve cars were also wrecked.", 12, None),
    ],
)
def test_also_carries_number_words(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "The reports said" goes on with the source of the report named just before
        (
            "The toll reached 8,560, according to the latest report of the Disaster Centre. The reports said "
            "the number of injured crossed 22,000.",
            22000,
            "Disaster Centre",
        ),
        # near-misses: nobody named before; media reports with a modifier are their own source
        ("The reports said the number of injured crossed 22,000.", 22000, None),
        ("Local media reports said 40 people died.", 40, "Local media"),
    ],
)
def test_the_reports_said(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "according to (the latest) report/figures/data of <Name>": the name is the author
        (
            "The toll reached 8,560, according to the latest report of the Disaster Centre.",
            8560,
            "Disaster Centre",
        ),
        ("According to figures of the Health Ministry, 40 people died.", 40, "Health Ministry"),
        ("According to data of the Water Board, 12 wells ran dry.", 12, "Water Board"),
        # near-misses: "of" and no name; a person described by "of"
        ("According to reports of heavy looting, 40 shops were damaged.", 40, None),
        ("Police said that according to reports of looting, 40 shops were damaged.", 40, "Police"),
        ("According to the director of the hospital, 40 people died.", 40, "the director of the hospital"),
    ],
)
def test_information_of_a_name(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "The CS/DC/PM": the initials of a title given before a person's name stand for that person
        (
            'Interior Cabinet Secretary Lena Okoth gave an update. "The total stands at 241," said Okoth. '
            "The CS said that 5 skeletons were found.",
            5,
            "Interior Cabinet Secretary Lena Okoth",
        ),
        (
            "Deputy Commissioner Omar Baig visited the site. Baig said 12 homes collapsed. The DC said 5 "
            "more were damaged.",
            5,
            "Baig",
        ),
        # near-misses: initials of a body's name; nobody with such a title; no speaker yet
        (
            'United Nations Secretary-General Ana Berg spoke. "We sent 40 trucks," said Berg. The UN said that '
            "5 trucks were looted.",
            5,
            "The UN",
        ),
        ("Omar Baig said 12 homes collapsed. The DC said 5 more were damaged.", 5, "The DC"),
        ("The CS said that 5 skeletons were found.", 5, "The CS"),
    ],
)
def test_title_initials(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "<participle> (on) <weekday> by X": the day the figure was given comes before its giver
        (
            "At least 60 pilgrims died, diplomats said, up from an official count of 41 provided Tuesday by Amman.",
            41,
            "Amman",
        ),
        ("The toll of 41 released on Monday by the ministry was revised.", 41, "the ministry"),
        ("A figure of 41 was given on Friday by police.", 41, "police"),
        # near-miss: a day with no "by" after it names no one
        ("A figure of 41 was given on Friday.", 41, None),
    ],
)
def test_passive_by_after_a_day(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # unnamed sources issue no statement: "the statement" goes back to the body named before them
        (
            "The army has announced the death of 11 soldiers. An earlier report from security sources put "
            'the toll at seven. "At least 20 soldiers were injured," said the statement.',
            20,
            "The army",
        ),
        (
            "The ministry announced 40 arrests. Local sources said 7 died. The statement said 20 were hurt.",
            20,
            "The ministry",
        ),
        # near-misses: no body before the sources; a report (not issued) goes on with the sources
        ("Security sources said 7 died. The statement said 20 were hurt.", 20, "Security sources"),
        (
            "The ministry announced 40 arrests. Local sources said 7 died. The report said 20 were hurt.",
            20,
            "Local sources",
        ),
    ],
)
def test_sources_issue_no_statement(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker
