"""Round 11 of attribution rules: statements carried on by a contrast, a topic shift or a running total; one
person under a title and a role noun; a capitalised title aside after a name. Every sentence here is written
for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.models import Claim, Document
from tests.factories import claims_by_value

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    return claims_by_value(text, published=published)


def _speaker(text: str, value: float) -> str | None:
    return _claims(text)[value].speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a contrast broken off the statement before: the same voice goes on
        (
            "Mayor Lena Ortiz said 340 families were in shelters. While another 85 families are staying "
            "with relatives.",
            85,
            "Lena Ortiz",
        ),
        (
            "The electoral board on Monday said turnout was 61.2 per cent.\n\nWhile turnout of 66.4 per "
            "cent was recorded in the north, followed by the coast 58.3.",
            66.4,
            "electoral board",
        ),
        (
            "Police said 14 people were arrested. Whereas 9 others were released without charge.",
            9,
            "Police",
        ),
        # "As for X," / "Likewise," / "Similarly," go on with the statement
        (
            "Election officer Tom Ruiz said the Unity Party leads the upper house with 41 seats. As for the "
            "lower house, the Green Party leads with 73 seats.",
            73,
            "Tom Ruiz",
        ),
        (
            "The minister said families of the dead would get $9,000 each. Likewise, $2,500 will be paid for "
            "each lost cow.",
            2500,
            "minister",
        ),
        (
            "The agency said 120 schools were shut. Similarly, 48 clinics closed for the week.",
            48,
            "agency",
        ),
        # a running total the figure before brings up
        (
            "Nine more people died, according to the Health Directorate. This takes the total number of "
            "cases this year to 12,480, and the death toll to 77.",
            77,
            "Health Directorate",
        ),
        (
            "The ministry said 31 new cases were found. This brings the overall tally to 905.",
            905,
            "ministry",
        ),
    ],
)
def test_statement_carried_on(text: str, value: float, speaker: str) -> None:
    assert speaker in (_speaker(text, value) or "")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # narration first: nothing to carry on
        ("The river rose overnight. While 85 families left, most stayed.", 85),
        ("Roads were shut across the region. Likewise, 2,500 cows were moved to higher ground.", 2500),
        ("The rain kept falling. This brings the total number of schools shut to 905.", 905),
        # "As for" with no comma is no connective
        ("Police said 14 were held. As for 9 of them there was no charge.", 9),
    ],
)
def test_no_statement_to_carry_on(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "The minister ... the minister ... he told": one person, several sentences on
        (
            "The minister said 538 villages were hit. He said 4,100 houses were damaged.\n\n"
            "Crops were lost. Roads were cut.\n\nThe administration has given out 2,200 tents, he told.",
            2200,
            "minister",
        ),
        (
            "Provincial Minister for Water Ana Berg said the plan was ready. Later the minister said 90 "
            "wells were dry. Crops failed. Herds were moved.\n\nThe board has sent 600 tankers, she told.",
            600,
            "minister",
        ),
    ],
)
def test_one_person_under_a_role_noun(text: str, value: float, speaker: str) -> None:
    assert speaker in (_speaker(text, value) or "").lower()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # two persons have spoken: "he" three sentences on stays unresolved
        (
            "The minister said 538 villages were hit. Mayor Tom Ruiz said 4,100 houses were damaged.\n\n"
            "Crops were lost. Roads were cut.\n\nThe administration has given out 2,200 tents, he told.",
            2200,
        ),
    ],
)
def test_role_noun_of_another_person(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            '"Twenty people are hurt," Ravi Menon, Deputy Commissioner of Police for the Northern Range '
            "District, told reporters at the site.",
            20,
            "Ravi Menon",
        ),
        (
            "Thirty homes burned, Amara Obi, Chief Fire Officer for the Eastern Division of the City Council, "
            "told reporters.",
            30,
            "Amara Obi",
        ),
        ('"We found 12 bodies," Jan Holt, Director of Operations, said.', 12, "Jan Holt"),
    ],
)
def test_capitalised_title_aside(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a long capitalised aside with no title head stays out of reach
        (
            '"Twenty people are hurt," Ravi Menon, Northern Range District Police Station of the Lower Valley, '
            "told reporters.",
            20,
            None,
        ),
    ],
)
def test_capitalised_aside_without_title(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a capitalised dateline opening the lead (even repeated as a teaser) is no speaker's turn
        ("Blaze kills 9\n\nLAGOS: A fire at a warehouse killed at least 9 people on Monday.", 9, None),
        (
            "LAGOS: A fire at a warehouse killed at least 9 people on Monday.\n\nBy Wire\n\n"
            "LAGOS: A fire at a warehouse killed at least 9 people on Monday.\n\nThe depot held 300 drums.",
            300,
            None,
        ),
        ("NEW DELHI: A bus fell into a gorge, killing 14 people, police said.", 14, "police"),
    ],
)
def test_dateline_is_no_turn(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # labels that open several paragraphs are turns
        ("MAYOR: We found 8 bodies.\n\nREPORTER: Where?\n\nMAYOR: In the north, 3 more.", 8, "Mayor"),
        ("MAYOR: We found 8 bodies.\n\nMAYOR: Then 3 more in the north.", 8, "Mayor"),
    ],
)
def test_transcript_labels_stay_turns(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a quotation of several sentences: its speaker is named after it closes
        (
            '"Six people, including the driver, died at the scene. Thirty are hurt," Mira Das, Deputy '
            "Superintendent of Police for the Hill District, told reporters.",
            6,
            "Mira Das",
        ),
        (
            '"Six people, including the driver, died at the scene. Thirty are hurt," Mira Das, Deputy '
            "Superintendent of Police for the Hill District, told reporters.",
            30,
            "Mira Das",
        ),
        (
            '"We pulled 14 people out alive. Then the roof fell," said Omar Haddad, a rescuer.',
            14,
            "Omar Haddad",
        ),
        (
            'Fire chief Ana Berg spoke at noon. "We have found 7 bodies so far. More may be inside," she said.',
            7,
            "Ana Berg",
        ),
        ('"Nine homes burned down. The rest are fine," Inspector Lee Park said.', 9, "Lee Park"),
    ],
)
def test_quotation_of_several_sentences(text: str, value: float, speaker: str) -> None:
    assert (_speaker(text, value) or "").endswith(speaker)  # (a title before the name is kept, as elsewhere)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # the quotation closes in its own sentence: the name after it speaks for the next sentence only
        ('"We have found 7 bodies." The rest fled, Ana Berg said.', 7, None),
        # another paragraph
        ('"We have found 7 bodies. More may\n\nbe inside," Ana Berg said.', 7, None),
    ],
)
def test_quotation_closed_before_the_name(text: str, value: float, speaker: str | None) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "has claimed N lives" kills; the speaker is the one who says so
        ("Unrest in Freedonia has claimed 212 lives, the government said on Friday.", 212, "government"),
        ("The fever has claimed 48 more lives, health officials said.", 48, "officials"),
        ("The storm claimed the lives of 40 people, the agency said.", 40, "agency"),
        # a claim with a clause after it stays a claim
        ("The rebels claimed 40 soldiers were killed.", 40, "rebels"),
        ("The rebels claimed 40 lives were lost on the other side.", 40, "rebels"),
    ],
)
def test_claimed_lives_is_no_claim(text: str, value: float, speaker: str) -> None:
    assert (_speaker(text, value) or "").endswith(speaker)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # the one body named before "and other <agents>" speaks
        (
            "The U.N. migration agency and other aid groups said 80 people were missing.",
            80,
            "U.N. migration agency",
        ),
        ("Police and other agencies said 12 people died.", 12, "Police"),
        ("About 300 homes were lost, the Red Cross and other charities said.", 300, "Red Cross"),
        # "and other" after the cue is not the speaker's
        ("Police said 12 people and other animals died.", 12, "Police"),
    ],
)
def test_named_before_others(text: str, value: float, speaker: str) -> None:
    assert (_speaker(text, value) or "").removeprefix("The ").removeprefix("the ") == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # an -ing form after "after/while/before (adverb)": the main clause's subject speaks
        (
            "Norvel Media started laying off staff on Monday after previously disclosing last week that it "
            "would cut its workforce by 12%.",
            12,
            "Norvel Media",
        ),
        ("The firm closed two plants on Friday while announcing a loss of $40 million.", 40_000_000, "firm"),
        ("Police arrested dozens after saying 300 people had rioted.", 300, "Police"),
        # a comma participle keeps the speaker of the clause before
        ("The health ministry reported 40 deaths, adding 12 were children.", 12, "health ministry"),
    ],
)
def test_participle_after_subordinator(text: str, value: float, speaker: str) -> None:
    assert (_speaker(text, value) or "").endswith(speaker)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # no -ing form after the subordinator: nothing changes
        ("Police arrested 30 people after the riot, officials said.", 30, "officials"),
        ("After announcing the closure, the company said 300 jobs would go.", 300, "company"),
    ],
)
def test_participle_after_subordinator_near_misses(text: str, value: float, speaker: str) -> None:
    assert (_speaker(text, value) or "").endswith(speaker)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # the agents a reduced relative describes speak, not what they lead
        (
            "Three ministers leading the security response, including defence minister Jan Smit, say they "
            "know of about 12 people.",
            12,
            "Three ministers",
        ),
        ("Officials overseeing the rescue said 40 people were saved.", 40, "Officials"),
        ("Investigators monitoring the site said 12 people were missing.", 12, "Investigators"),
        # no agent noun before the participle: nothing changes
        ("Roads leading to the town were cut, and police said 40 people were stranded.", 40, "police"),
    ],
)
def test_agents_before_a_reduced_relative(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # reporters or witnesses on the spot who saw or counted the figure
        ("AFP journalists saw 3 people lying still near the gate.", 3, "AFP journalists"),
        ("An AFP correspondent counted 12 bodies at the morgue.", 12, "AFP correspondent"),
        ("A Reuters witness saw at least 20 armoured vehicles on the road.", 20, "Reuters witness"),
        ("Two AFP photographers counted 14 bodies in the square.", 14, "AFP photographers"),
    ],
)
def test_reporters_who_saw(text: str, value: float, speaker: str) -> None:
    assert speaker in (_speaker(text, value) or "")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # anyone else who saw: no source named
        ("Residents saw 12 bodies in the river.", 12),
        ("The town saw 40 homes destroyed.", 40),
    ],
)
def test_others_who_saw(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # the object of "of/for" may run past four words: article, participle, name, nouns
        (
            "The operator of the ruptured Kelso gas line said 4,000 homes lost supply.",
            4000,
            "The operator of the ruptured Kelso gas line",
        ),
        (
            "A spokesman for the newly formed Tana River Authority said 40 people died.",
            40,
            "Tana River Authority",
        ),
    ],
)
def test_long_object_of_a_preposition(text: str, value: float, speaker: str) -> None:
    assert speaker in (_speaker(text, value) or "")


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # no agent noun before the preposition: the speaker named later stays
        (
            "Floods in the north of the badly hit Kelso Valley region killed 40, officials said.",
            40,
            "officials",
        ),
    ],
)
def test_long_object_without_agent(text: str, value: float, speaker: str) -> None:
    assert _speaker(text, value) == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "..., reports <name>." closing the sentence is inverted like "says"
        ("At least 30 people died in the floods, reports Xinhua news agency.", 30, "Xinhua news agency"),
        ("At least 30 people died in the floods, reports the BBC.", 30, "BBC"),
        ("Some 12 homes were swept away, reports Kelso Radio.", 12, "Kelso Radio"),
    ],
)
def test_closing_reports_name(text: str, value: float, speaker: str) -> None:
    assert speaker in (_speaker(text, value) or "")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "reports" as a noun after the comma
        ("Prices rose 4%, reports show.", 4),
        ("The toll rose to 30, reports of looting spread.", 30),
        ("The toll rose to 30, reports say.", 30),
    ],
)
def test_reports_as_a_noun(text: str, value: float) -> None:
    assert _speaker(text, value) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # after review: a speech cue outranks a witness; the name must follow the close in its own sentence
        ("A witness saw 3 gunmen at the gate, police said.", "police"),
        ("Police said AFP journalists saw 3 bodies near the bridge.", "Police"),
    ],
)
def test_a_speech_cue_outranks_a_witness(text: str, speaker: str) -> None:
    (claim,) = extract_document(Document("d", text, outlet="Wire")).claims
    assert claim.speaker_mention == speaker


def test_a_name_after_the_close_s_sentence_does_not_speak_for_the_quotation() -> None:
    text = '"Five people died there. Twenty are hurt," the banner read at the gates. Later the mayor said 3 were held.'
    claims = extract_document(Document("d", text, outlet="Wire")).claims
    assert {c.value: c.speaker_mention for c in claims}.get(20.0) is None
