"""Round 6 of attribution rules: organisations' own statements, interviews under mixed-case labels, and
the other families of the round. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.extract.genres import interview_date, interview_labels, is_release, is_transcript
from analyzer.models import Claim, Document

WEDNESDAY = date(2026, 4, 22)


def _claims(text: str, outlet: str | None = None, published: date | None = WEDNESDAY) -> dict[float, Claim]:
    doc = Document("t", text, outlet=outlet, published=published)
    return {c.value: c for c in extract_document(doc).claims if c.value is not None}


@pytest.mark.parametrize(
    ("tail", "outlet", "expected"),
    [
        ("About RAG: The Roads Action Group is a charity founded in 2001.", "Roads Action Group", True),
        ("About the Roads Action Group: It is a charity.", "Roads Action Group", True),
        ("Notes to editors\nThe group has 40 staff.", "Roads Action Group", True),
        ("ENDS", "Roads Action Group", True),
        ("Media contact: Jo Bell, 555 0192", "Roads Action Group", True),
        ("About Ormond: The town has 4,000 people.", "Roads Action Group", False),  # not the publisher
        ("About RAG: The Roads Action Group is a charity.", "The Valley Herald", False),  # a news outlet
        ("The group said it ENDS its work in May.", "Roads Action Group", False),  # not a line of its own
    ],
)
def test_release_closing_matter(tail: str, outlet: str, expected: bool) -> None:
    text = f"Crash toll rises\n\nWe have now counted 31 deaths on the coast road.\n\n{tail}\n"
    assert is_release(text, outlet) is expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("We have now recorded 31 deaths on the coast road.", 31),
        ("Our field teams spoke to 418 drivers who use the road.", 418),
        ("On Monday we put the toll at 29.", 29),
        ("We estimate that about 6,500 vehicles use the road each day.", 6500),
    ],
)
def test_release_first_person_is_the_publisher(sentence: str, value: float) -> None:
    text = (
        "Coast road: our count now stands at 31\n\n"
        f"Ten days after the pile-up, the group has finished its own review.\n\n{sentence}\n\n"
        "About RAG: The Roads Action Group is a road-safety charity.\n"
    )
    claims = _claims(text, outlet="Roads Action Group")
    assert claims[value].speaker == "Roads Action Group"


_INTERVIEW = (
    "The harbour master, Capt Imogen Vale-Asher, spoke to The Ledger on Tuesday.\n\n"
    "The Ledger: The union says 400 boats were damaged. Is that right?\n\n"
    "Capt Vale-Asher: Our own survey puts the figure at 212 boats.\n\n"
    "The Ledger: And the cost of repairs?\n\n"
    "Capt Vale-Asher: About 3.5 million dollars, which the port will cover.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_INTERVIEW, ("The Ledger", "Capt Vale-Asher")),
        ("Q: How many?\nDr Ruiz: Forty.\nQ: Since when?\nDr Ruiz: Since May.", ("Q", "Dr Ruiz")),
        # the side that asks more questions is the interviewer, even when it speaks second
        (
            "Dr Ruiz: Forty.\nThe Ledger: Why?\nDr Ruiz: Rain.\nThe Ledger: When?\nDr Ruiz: May.",
            ("The Ledger", "Dr Ruiz"),
        ),
        ("Update: 40 died.\nPhoto: The dam.\nUpdate: 50 died.\nPhoto: The road.", None),  # headings
        ("Dr Ruiz: Forty.\nThe Ledger: Why?\nDr Ruiz: Rain.", None),  # too short to be an interview
        ("MINISTER VALE: We have 40.\nQUESTION: How many?\nMINISTER VALE: Forty.\nQUESTION: Why?", None),
    ],
)
def test_interview_labels(text: str, expected: tuple[str, str] | None) -> None:
    assert interview_labels(text) == expected


def test_interview_is_a_transcript_and_its_answers_speak() -> None:
    text = "Harbour damage put at 212 boats\n\nStorms hit the port last week.\n\n" + _INTERVIEW
    assert is_transcript(text)
    claims = _claims(text, outlet="The Ledger")
    assert claims[212].speaker is not None and "Vale-Asher" in claims[212].speaker
    assert claims[3_500_000].speaker is not None and "Vale-Asher" in claims[3_500_000].speaker
    assert claims[400].speaker is None or "Vale-Asher" not in claims[400].speaker  # the question's


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("The harbour master spoke to The Ledger on Tuesday.", date(2026, 4, 21)),
        ("The harbour master was interviewed on Monday.", date(2026, 4, 20)),
        ("The harbour master spoke to The Ledger.", None),  # no day: the page's own date applies
    ],
)
def test_interview_date(intro: str, expected: date | None) -> None:
    text = f"{intro}\n\nThe Ledger: How many?\n\nCapt Vale: 40.\n\nThe Ledger: Why?\n\nCapt Vale: Storms.\n"
    assert interview_date(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "speaker"),
    [
        (
            "Twelve pupils were reported missing by the Lakeside Scout Association.",
            12,
            "Lakeside Scout Association",
        ),
        ("At least 31 walkers were also reported treated by Mountain Rescue.", 31, "Mountain Rescue"),
        (
            "Nine boats and the wrecks of two others were reported ashore by the district council.",
            9,
            "council",
        ),
        (
            "Nine boats and the wrecks of two others were reported ashore by the district council.",
            2,
            "council",
        ),
        ("Police said 40 had died, and 12 more were reported missing by relatives.", 40, "Police"),
        ("Police said 40 had died, and 12 more were reported missing by relatives.", 12, "relatives"),
        (
            "The toll rose to 44, said a statement from the provincial governor's office.",
            44,
            "governor's office",
        ),
        ("The toll rose to 44, a statement from the Governor's Office said.", 44, "Governor's Office"),
        ("A joint statement from the two unions said 440 jobs would go.", 440, "unions"),
        (
            "Figures from the Rail Passengers Council, seen by The Herald, show 412 complaints.",
            412,
            "Council",
        ),
        ("Data from the Water Board, obtained by the Ledger, showed 38 leaks.", 38, "Water Board"),
    ],
)
def test_passive_agents_and_statements_from(sentence: str, value: float, speaker: str) -> None:
    claim = _claims(sentence, outlet="The Herald")[value]
    assert claim.speaker is not None and claim.speaker.endswith(speaker)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Some 40 families were given shelter by the Red Cross.", 40),  # giving shelter is no report
        ("About 60 homes were left flooded by the river.", 60),  # no reporting verb
    ],
)
def test_no_passive_agent(sentence: str, value: float) -> None:
    assert _claims(sentence, outlet="The Herald")[value].speaker is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Analysts at Brightwater Capital", "Brightwater Capital"),
        ("Lawyers at Hale Dunmore LLP", "Hale Dunmore LLP"),
        ("a spokesperson for the Tarn Valley Water Board", "Tarn Valley Water Board"),
        ("Analysts", "Analysts"),
    ],
)
def test_professionals_at_a_firm_speak_for_it(mention: str, expected: str) -> None:
    from analyzer.resolve.mentions import _parse

    assert _parse(mention).label == _parse(expected).label


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a statement's "it" is its authors
        ("In a statement, the organisers said 16,100 riders started. It added that 1,150 stewards were on duty.",
         1150, "the organisers"),
        ("The league said in a press release that 40 clubs had applied. It said 12 were accepted.", 12, "The league"),
        # an unnamed voice of a body described by its head word: the body named before
        ("St Columba's General Hospital said it had admitted 23 patients. A spokesperson for the hospital told us "
         "that nine patients were critical.", 9, "St Columba's General Hospital"),
        ("The Tarn Valley Water Board said it cut supplies to 4,000 homes. Officials at the board said 300 had "
         "been reconnected.", 300, "The Tarn Valley Water Board"),
        # "a spokesperson for the office confirmed to X": no count "for the office confirmed to X"
        ("The Pension Office said claims were rising. Its count stood at 2,310 on Friday, a spokesperson for the "
         "office confirmed to The Herald.", 2310, "The Pension Office"),
    ],
)  # fmt: skip
def test_statements_and_voices_refer_back(text: str, value: float, speaker: str) -> None:
    assert _claims(text, outlet="The Herald")[value].speaker == speaker


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("The Ministry of Roads and Inland Waterways", "Ministry of Roads and Inland Waterways"),
        ("Centre for Flood Control and Prevention", "Centre for Flood Control and Prevention"),
        ("Institute of Geology and Hydrology", "Institute of Geology and Hydrology"),
        ("Tomas Vell and Ana Ruiz", "Ana Ruiz"),  # two people: the last named
    ],
)
def test_and_inside_a_bodys_name(mention: str, expected: str) -> None:
    from analyzer.resolve import resolve_speakers
    from analyzer.resolve.names import Mention

    assert resolve_speakers([Mention("a", mention, 0)])[("a", mention)] == expected


@pytest.mark.parametrize(
    ("headline", "value", "speaker"),
    [
        ("Cholera outbreak kills 61 in coastal districts – NHA", 61, "NHA"),
        ("Voter turnout in second phase stands at 58.40%: Poll Panel", 58.4, "Poll Panel"),
        ("Toll rises to 40 - Red Cross", 40, "Red Cross"),
        ("Local Officials Say Flood Kills 14 Villagers", 14, "Local Officials"),
        ("Flood kills 14 in the north: What We Know", 14, None),  # a section label, no source
        ("Flood kills 14 in the north – Live Updates", 14, None),
    ],
)
def test_headline_sources(headline: str, value: float, speaker: str | None) -> None:
    text = f"{headline}\n\nThe floods hit the coast on Monday."
    assert _claims(text, outlet="The Herald")[value].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "value", "speaker", "via"),
    [
        ("The poll panel in an official statement issued on Thursday said 49 seats were contested.", 49,
         "The poll panel", ()),
        ("The ministry in its statement said 49 seats were contested.", 49, "The ministry", ()),
        ("Interior ministry figures put the turnout at 49 per cent.", 49, "Interior ministry", ()),
        ("The Department of Fire and Rescue Services (DFRS) deputy commissioner, Tom Reyes, said 81 homes were "
         "lost.", 81, "Tom Reyes", ()),
        ("Police say 12 died, France 24 reported.", 12, "Police", ("France 24",)),
        ("The toll reached 40, Channel 4 reported on Monday.", 40, "Channel 4", ()),
        ("Police said on March 12 that 40 had died.", 40, "Police", ()),
    ],
)  # fmt: skip
def test_complex_subjects(sentence: str, value: float, speaker: str, via: tuple[str, ...]) -> None:
    claims = _claims(sentence, outlet="The Herald")
    assert claims[value].speaker == speaker
    assert claims[value].via == via
    assert 24 not in claims  # a number in a name is no figure


@pytest.mark.parametrize(
    ("sentence", "value", "speaker"),
    [
        ("Organisers of today's march against the visit of President Ana Ruiz claimed 200,000 people took part.",
         200000, "Organisers of today's march"),
        ("Members of the Senate Finance Committee said 40 bills were pending.", 40,
         "Members of the Senate Finance Committee"),
        ("Leaders of the strike over pay at the Ormond Mill said 900 workers walked out.", 900,
         "Leaders of the strike"),
    ],
)  # fmt: skip
def test_opening_agents_head_the_subject(sentence: str, value: float, speaker: str) -> None:
    assert _claims(sentence, outlet="The Herald")[value].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "value", "speaker"),
    [
        ("The U.S.-led coalition said 12 civilians were killed.", 12, "The U.S.-led coalition"),
        ("The U.N.-backed mission said 40 people were missing.", 40, "The U.N.-backed mission"),
        ("The Saudi-led coalition said 12 civilians were killed.", 12, "The Saudi-led coalition"),
    ],
)
def test_hyphenated_modifier_after_an_abbreviation(sentence: str, value: float, speaker: str) -> None:
    assert _claims(sentence, outlet="The Herald")[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "it" never stands for a person named by name alone
        ("A bank spokesperson, Reza Kowal, told us on Friday the number had not changed. Its count stood at "
         "2,310 on Friday.", 2310, None),
        # a body named by its name alone still is "it"
        ("Nordic Lines said the ship was delayed. It said 40 containers fell overboard.", 40, "Nordic Lines"),
    ],
)  # fmt: skip
def test_it_is_no_person(text: str, value: float, speaker: str | None) -> None:
    assert _claims(text, outlet="The Herald")[value].speaker == speaker


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("St Brigid's University Hospital", "St Brigid's University Hospital"),
        ("St. Ailbe's Hospital", "St. Ailbe's Hospital"),
        ("Norway's defence ministry", "Norway's defence ministry"),
    ],
)
def test_a_saints_name_owns_nothing(mention: str, expected: str) -> None:
    from analyzer.resolve import resolve_speakers
    from analyzer.resolve.names import Mention

    assert resolve_speakers([Mention("a", mention, 0)])[("a", mention)] == expected


@pytest.mark.parametrize(
    ("headline", "value", "speaker"),
    [
        ("Race stopped at noon; ambulance service says more than 1,100 treated", 1100, "ambulance service"),
        ("Roads shut: fire service says 40 homes lost", 40, "fire service"),
    ],
)
def test_bare_headline_subject_after_a_semicolon(headline: str, value: float, speaker: str) -> None:
    assert _claims(headline + "\n\nThe race was stopped.", outlet="The Herald")[value].speaker == speaker
