"""Round 8 of attribution rules: statements carried over several sentences, subjects with asides, headline
sources, outlets in between. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.attribution import find_attributions
from analyzer.extract.document import extract_document
from analyzer.models import Claim, Document

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, outlet: str | None = None, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    doc = Document("t", text, outlet=outlet, published=published)
    return {c.value: c for c in extract_document(doc).claims if c.value is not None}


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "The Kelm Water Board said 40 homes were flooded.\n\nThe data also showed that 45 schools were shut.",
            45,
            "The Kelm Water Board",
        ),
        (
            "The Tarn Health Department said 12 patients were in hospital.\n\n"
            "The statement also said that 31 staff had been sent home.",
            31,
            "The Tarn Health Department",
        ),
        (
            "The Brenn Ministry of Labour said 300 workers were laid off.\n\n"
            'The notification further read, "A total of 1,240 claims have been filed."',
            1240,
            "The Brenn Ministry of Labour",
        ),
        (
            "The Vesta Fire Service said 17 crews were deployed.\n\n"
            "However the table attached to the update, showed that 23 houses were lost.",
            23,
            "The Vesta Fire Service",
        ),
        (
            "The Orr Statistics Office said 8 districts reported shortages. Prices rose in the north.\n\n"
            "The report added that 14 markets had closed.",
            14,
            "The Orr Statistics Office",
        ),
    ],
)
def test_an_ownerless_statement_carries_on_the_source_named_before(
    text: str, value: float, speaker: str
) -> None:
    assert _claims(text)[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # nobody spoke before: the statement has no source
        ("Heavy rain fell for a week.\n\nThe report said 33 roads were closed.", 33),
        # the source spoke long ago
        (
            "Police said 9 people were held. Rain fell. Roads closed. Shops shut.\n\nThe report said 33 were hurt.",
            33,
        ),
        # another document brought in right before: not the earlier speaker's
        (
            "Police said 9 people were held.\n\nA charity released a report on Monday.\n\n"
            "The report said 33 were hurt.",
            33,
        ),
    ],
)
def test_an_ownerless_statement_without_a_recent_source_is_nobody_s(text: str, value: float) -> None:
    assert _claims(text)[value].speaker != "Police"


@pytest.mark.parametrize(
    "sentence",
    [
        "The data centre showed losses of 40 percent.",
        "The report card of 12 pupils was lost.",
        "The statements of 12 witnesses were read.",
    ],
)
def test_no_carried_statement_without_a_verb_of_showing(sentence: str) -> None:
    mentions = {a.mention for a in find_attributions(sentence)}
    assert not mentions & {"The data", "The report", "The statements"}


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Two more fishermen freed, 3 still held – military", "military"),
        ("Floods kill 40 in the north: local police", "local police"),
        ("Landslide buries 12 homes - officials", "officials"),
        ("Ferry fire: 31 rescued — coastguard", "coastguard"),
    ],
)
def test_a_headline_names_a_lower_case_source_after_its_dash(headline: str, source: str) -> None:
    assert [a.mention for a in find_attributions(headline)] == [source]


@pytest.mark.parametrize(
    "headline",
    [
        "Floods kill 40 in the north - in pictures",
        "Storm toll rises to 12 – what happened",
        "Ferry fire leaves 31 hurt: explained",
        "Quake of 6.1 hits coast – live",
    ],
)
def test_a_headline_s_lower_case_tail_that_is_no_agent_names_no_source(headline: str) -> None:
    assert find_attributions(headline) == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Attendance rose to 71 percent, according to the department's school monitoring app.",
            "the department",
        ),
        ("Cases rose to 71, according to the ministry's website.", "the ministry"),
        ("Some 40 roads were shut, according to the council's traffic dashboard.", "the council"),
        # near-misses: a person the possessor is related to speaks for themself
        ("Nine were hurt, according to the victim's mother.", "the victim's mother"),
        ("Cases rose to 71, according to the ministry's chief spokesman.", "the ministry's chief spokesman"),
    ],
)
def test_a_body_speaks_through_its_app_or_website(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("People familiar with the matter said 14 staff were fired.", "People familiar with the matter"),
        (
            "Two people familiar with the plans told Radio Kelm that 14 staff were fired.",
            "Two people familiar with the plans",
        ),
        ("A source close to the talks said 40 delegates attended.", "A source close to the talks"),
        (
            "Officials with knowledge of the deal said it was worth $4 billion.",
            "Officials with knowledge of the deal",
        ),
        ("Two people briefed on the audit said 9 sites failed.", "Two people briefed on the audit"),
        (
            "Two people familiar with the review, who were not allowed to speak publicly, told Radio Kelm that 14"
            " staff were fired.",
            "Two people familiar with the review",
        ),
    ],
)
def test_unnamed_sources_familiar_with_the_matter_speak(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    ["The river close to the town said to hold 4 dams.", "The road familiar to drivers was shut for 4 days."],
)
def test_no_source_in_a_familiar_phrase_without_people(sentence: str) -> None:
    assert find_attributions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Two officials told Radio Kelm that inspectors found 14 faults.", ["Two officials"]),
        ("The ministry said on Tuesday that police counted 40 bodies.", ["The ministry"]),
        ("The agency said divers discovered 3 more wrecks.", ["The agency"]),
        # near-misses: a finding in a clause of its own keeps its subject
        ("The ministry said 40 died, and inspectors found 14 faults.", ["The ministry", "inspectors"]),
        ("Inspectors found 14 faults last year.", ["Inspectors"]),
    ],
)
def test_a_finding_inside_what_a_speaker_says_is_the_speaker_s(sentence: str, speakers: list[str]) -> None:
    assert [a.mention for a in find_attributions(sentence)] == speakers


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "Police sources said 11 were freed.\n\nRelatives at the port told reporters that they still counted 6"
            " men missing.",
            6,
            "Relatives at the port",
        ),
        ("Lena Vos, an engineer, said she had counted 19 cracks.", 19, "Lena Vos"),
    ],
)
def test_a_pronoun_finding_inside_a_statement_is_the_speaker_s(text: str, value: float, speaker: str) -> None:
    assert _claims(text)[value].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The operator, Kelm Oil Pipelines, stood by its figure of 2,600 barrels.", "Kelm Oil Pipelines"),
        ("Kelm Oil stood by its estimate of 2,600 barrels.", "Kelm Oil"),
        ("The ministry stands by its count of 40 deaths.", "The ministry"),
        (
            "The union came down to 20 percent, according to two people who were in the room.",
            "two people who were in the room",
        ),
        (
            "The offer rose to 15 percent, according to people who attended the meeting.",
            "people who attended the meeting",
        ),
        (
            "The board's own figures, released with the revised plan on the 15th, show that a nurse earns 61,500 rupees.",
            "The board",
        ),
    ],
)
def test_rarer_cues_of_a_figure_s_source(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelm Oil stood by the river for 2 hours.",
        "The board's own figures, released with 40 pages of notes, show that a nurse earns 61,500 rupees.",
    ],
)
def test_near_misses_of_rarer_cues(sentence: str) -> None:
    assert find_attributions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The union's chief, Ana Lind, says the association stands by its figure of 38,112 members.",
            "Ana Lind",
        ),
        ("Kelm Bank said it stood by its count of 1.6 million clients.", "Kelm Bank"),
    ],
)
def test_stood_by_inside_what_a_speaker_says_is_the_speaker_s(sentence: str, speaker: str) -> None:
    mentions = [a.mention for a in find_attributions(sentence)]
    assert mentions[:1] == [speaker]
    assert "the association" not in mentions


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "The agency said on its website that 221 of the 2,914 guests and 36 of the 1,102 crew members had"
            " reported fever.",
            ["The agency"],
        ),
        ("The agency said that officials reported 12 deaths.", ["The agency"]),
        # near-misses: another clause, or a named reporter, keeps its own cue
        ("The agency said 40 died, and officials reported 12 deaths.", ["The agency", "officials"]),
        ("The agency said that 40 died; officials reported 12 deaths.", ["The agency", "officials"]),
        ("The agency said that Kelm Radio reported 12 deaths.", ["The agency", "Kelm Radio"]),
    ],
)
def test_people_counted_inside_a_that_clause_report_nothing_of_their_own(
    sentence: str, speakers: list[str]
) -> None:
    assert [a.mention for a in find_attributions(sentence)] == speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Lena Hart, 67, a retired nurse from Kelm who was on her fifth trip, said 400 people fell ill.",
            "Lena Hart",
        ),
        ("Tom Reyes, 45, a farmer, told reporters that 12 houses burned.", "Tom Reyes"),
        ("Tom Reyes, 45, told reporters that 12 houses burned.", "Tom Reyes"),
    ],
)
def test_a_speaker_s_age_before_a_long_description(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("The Kelm group, which the military estimates has fewer than 60 members, fled.", ["the military"]),
        ("The group, which Kelm Police estimates has 60 members, fled.", ["Kelm Police"]),
        ("The militia, which the ministry reports has 300 fighters, withdrew.", ["the ministry"]),
        # near-misses: the forms are nouns here
        ("The group, whose estimates have 60 errors, fled.", []),
        ("The army estimates have risen to 60.", []),
    ],
)
def test_a_relative_clause_s_speaker_before_a_noun_like_verb(sentence: str, speakers: list[str]) -> None:
    assert [a.mention for a in find_attributions(sentence)] == speakers


@pytest.mark.parametrize(
    ("headline", "values"),
    [
        (
            "Kelm leak: 2,600 barrels, says pipeline firm; ministry puts it at 4,000",
            {2600: "pipeline firm", 4000: "ministry"},
        ),
        ("Ferry fire: 31 hurt, says port authority; police count 40", {31: "port authority"}),
        ("Strike shuts 9,400 schools, says teachers union", {9400: "teachers union"}),
    ],
)
def test_a_headline_with_a_bare_source_after_says(headline: str, values: dict[float, str]) -> None:
    claims = _claims(headline + "\n\nThe town was quiet on Monday.\n")
    assert {v: claims[v].speaker for v in values} == values


@pytest.mark.parametrize("headline", ["Storm kills 40, says very much", "Leak: 2,600 barrels, says the the"])
def test_no_bare_headline_source_without_an_agent_noun(headline: str) -> None:
    assert find_attributions(headline) == []


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "The new number, announced by Governor Ana Ruiz on Sunday, is up from the 77 dead reported previously.",
            77,
            None,
        ),
        ("The ministry said 40 died, up from the 12 given earlier.", 12, None),
        # near-misses: a named earlier source, or "earlier" about the event
        ("The ministry said 40 died, up from the 12 reported earlier by police.", 12, "police"),
        ("The ministry said 40 people died earlier on Monday.", 40, "The ministry"),
    ],
)
def test_a_figure_an_unnamed_earlier_report_gave_has_no_speaker(
    text: str, value: float, speaker: str | None
) -> None:
    assert _claims(text)[value].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Officials in Kelm revised the death toll from last week's earthquake up to 90.", "Officials"),
        ("The ministry raised the toll in the northern province to 90.", "The ministry"),
    ],
)
def test_an_adjusted_toll_with_a_phrase_after_it(sentence: str, speaker: str) -> None:
    assert [a.mention for a in find_attributions(sentence)] == [speaker]


def test_no_adjusted_toll_without_a_toll_noun() -> None:
    assert find_attributions("The ministry raised the wall from the river to 90 metres.") == []


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "Ana Ruiz said 21 complaints were filed, up from the 14 she cited earlier this week.",
            14,
            "Ana Ruiz",
        ),
        (
            "Figures from the Kelm Board show 1,650 schools shut, down from the 2,100 it reported earlier.",
            2100,
            "the Kelm Board",
        ),
    ],
)
def test_an_earlier_figure_with_its_own_subject_keeps_the_speaker(
    text: str, value: float, speaker: str
) -> None:
    assert _claims(text)[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "Crews recovered eight bodies – seven firefighters and a guard, according to rescue officials.",
            8,
            "rescue officials",
        ),
        (
            "Firms cut 598,000 jobs in January, the worst month in years, and the jobless rate rose to 7.6 percent,"
            " according to the Kelm Labour Office.",
            598000,
            "the Kelm Labour Office",
        ),
        # near-misses: a semicolon ends the statement; a nearer speaker keeps its figure
        ("The storm destroyed 40 homes; 12 people died, according to police.", 40, None),
        ("The mayor said 40 homes burned and 12 people died, according to police.", 40, "The mayor"),
    ],
)
def test_a_closing_according_to_reaches_every_figure_before_it(
    text: str, value: float, speaker: str | None
) -> None:
    assert _claims(text)[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The union, which had asked for 25 percent, settled for 20 percent, according to two people who were there.",
            25,
        ),
        (
            "The count went up to 261 on Monday, when the agency added four crew reported sick by the ship's doctors.",
            261,
        ),
    ],
)
def test_a_closing_phrase_does_not_reach_into_an_aside_or_a_later_clause(text: str, value: float) -> None:
    assert _claims(text)[value].speaker is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        ('"The company said 48,000, then 73,000, and it keeps rising," said Ana Ruiz.', 48000, "The company"),
        ('"Kelm Police says 40 were held, but we counted more," said Ana Ruiz.', 40, "Kelm Police"),
        # near-misses: the quote's own words
        ('"We said 48,000 and we stand by it," said Ana Ruiz.', 48000, "Ana Ruiz"),
        ('"The company said that we lost 48,000," said Ana Ruiz.', 48000, "Ana Ruiz"),
    ],
)
def test_a_quote_recounting_a_third_party_s_figure(text: str, value: float, speaker: str) -> None:
    assert _claims(text)[value].speaker == speaker
