"""The speaker of a sentence carried over to the figures the next sentence gives with no cue of its own."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import extract_document
from analyzer.extract.sentence_subjects import capitalised_inside, own_agent_before
from analyzer.extract.tokens import tokenize
from analyzer.models import Claim, Document

_PUBLISHED = date(2025, 3, 12)  # a Wednesday


def _claims(text: str) -> list[Claim]:
    return list(extract_document(Document("d1", text, outlet="Daily Ledger", published=_PUBLISHED)).claims)


def _speaker_of(text: str, value: float) -> str | None:
    found = [c for c in _claims(text) if c.value == value]
    assert found, f"no claim of {value} in {text!r}"
    return found[0].speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a body, a plain "said"
        (
            "The coastguard said 22 sailors were rescued. Another 9 are still missing.",
            9,
            "The coastguard",
        ),
        # a person by name, "told reporters"
        (
            "Mayor Ilona Vance told reporters that 310 homes had no power. About 1,200 people slept in schools.",
            1200,
            "Mayor Ilona Vance",
        ),
        # "according to", closing the sentence
        (
            "Some 48 villages were cut off, according to the regional council. A further 17 were flooded.",
            17,
            "the regional council",
        ),
        # a plural source
        (
            "Health officials said 61 patients were treated overnight. Eleven remain in intensive care.",
            11,
            "Health officials",
        ),
        # an inverted cue
        (
            "At least 35 shops were looted, said Ravi Onasi, the chamber's head. Losses reached $4 million.",
            4_000_000,
            "Ravi Onasi",
        ),
        # a passive with no agent, a rise
        (
            "The health ministry reported 140 new cases on Tuesday. The total rose to 2,315.",
            2315,
            "The health ministry",
        ),
        # an apostrophe is no quotation
        (
            "The regulator said 38 branches were inspected. There were 52 examiners at the bank's head office.",
            52,
            "The regulator",
        ),
        # a place or a measure later in the clause, a year in another clause
        (
            "Police said 12 people were arrested. Another 30 were hurt in the main square.",
            30,
            "Police",
        ),
        ("Police said 12 people were arrested. Another 11 remain in hospital beds.", 11, "Police"),
        ("Police said 12 people were arrested. Another 9 were swept 2 miles downstream.", 9, "Police"),
        (
            "Police said 12 people were arrested. Another 7 remain missing, the highest number since 2019.",
            7,
            "Police",
        ),
        # "However," goes on with the count
        ("The coastguard said 22 sailors were rescued. However, 9 are still missing.", 9, "The coastguard"),
        # "neighbouring" is no neighbour, "passenger" no passer-by
        (
            "The neighbouring state's health ministry said 22 people died. Another 9 are still missing.",
            9,
            "The neighbouring state's health ministry",
        ),
        (
            "The passenger ferry's owner said 22 people were rescued. Another 9 are still missing.",
            9,
            "The passenger ferry's owner",
        ),
        # a second clause that opens on its figure
        (
            "The fire service said 14 homes burned. Another 30 were damaged and 200 residents fled.",
            200,
            "The fire service",
        ),
        # "that figure": the speaker's figure, said on for a part
        (
            "Utility officials said 90,000 homes had no power. In the north, that figure is 12,000.",
            12_000,
            "Utility officials",
        ),
    ],
)
def test_the_next_sentence_takes_the_speaker(text: str, value: float, speaker: str) -> None:
    assert _speaker_of(text, value) == speaker


def test_the_carried_claim_keeps_the_date_and_asserts() -> None:
    text = "The fire brigade said on Monday that 14 barns burned down. Another 30 were damaged."
    by_value = {c.value: c for c in _claims(text)}
    assert by_value[30].speaker == "The fire brigade"
    assert by_value[30].asserted_on == by_value[14].asserted_on == date(2025, 3, 10)
    assert by_value[30].stance == "asserts"


def test_the_same_number_of_another_thing_keeps_the_carry() -> None:
    text = (
        "Police said 12 were held. Another 3 were hurt. Later, the hospital said 3 nurses had been treated."
    )
    speakers = sorted((c.speaker or "", c.item or "") for c in _claims(text) if c.value == 3)
    assert speakers == [("Police", "hurt"), ("the hospital", "nurses treated")]


def test_the_carried_claim_keeps_the_via() -> None:
    text = "The coastguard told Reuters that 22 sailors were rescued. Another 9 are still missing."
    by_value = {c.value: c for c in _claims(text)}
    assert by_value[9].via == by_value[22].via
    assert "Reuters" in by_value[9].via


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a paragraph break between
        ("The coastguard said 22 sailors were rescued.\n\nAnother 9 are still missing.", 9),
        # two sentences away: one sentence of reach
        ("The coastguard said 22 sailors were rescued. The storm moved east. Another 9 are missing.", 9),
        # the carried sentence carries no further
        ("The coastguard said 22 sailors were rescued. Another 9 are missing. Some 40 boats sank.", 40),
        # its own agent subject: a name, an agent noun, an "of" phrase
        ("Police said 12 people were arrested. The Red Cross handed out 300 blankets.", 300),
        ("Police said 12 people were arrested. Organisers of the rally put attendance at 9,000.", 9000),
        ("The firm said 80 jobs would go. The company employs 4,100 people in the region.", 4100),
        ("Police said 12 people were arrested. Rescue teams pulled 16 people from the river.", 16),
        ("Aid came from Oxfam. Police said 12 were held. Oxfam handed out 300 blankets.", 300),
        ("Police said 12 people were arrested. Last year 40 were held at the same march.", 40),
        # background figures: a year, a measure, a capacity, a price, a relative clause
        ("Officials said 300 died in the quake. It was the worst since 1999, when 500 were killed.", 500),
        ("The army said 40 soldiers were wounded. The front runs for 120 kilometres.", 120),
        ("Officials said 40 died. The quake had a magnitude of 6.8 and 90 aftershocks followed.", 90),
        # a new source of its own
        ("Police said 12 people were held. Another report was of 30 arrests in the north.", 30),
        ("Police said 2,000 fans were held back. The ground has a capacity of 45,000.", 45_000),
        ("The union said 600 drivers struck. Tickets cost $3 a ride.", 3),
        ("The mayor said 30 homes flooded. Rain fell on the valley, which holds 8,000 farms.", 8000),
        # a figure another speaker gave above; a turn to another matter
        ("A charity counted 70 dead. Police said 12 were held. Another 70 were missing.", 70),
        ("Police said 12 people were held. Meanwhile, 40 shops stayed shut.", 40),
        ("Police said 12 people were held. According to a leaflet, 40 shops stayed shut.", 40),
        ("Police said 12 people were held. Separately, 40 shops stayed shut.", 40),
        ("Police said 12 people were held. Another 70 were missing. A charity said 70 were missing.", 70),
        # another agent, the reporter's doubt, a population, what people use, a possession, a has-list
        ('"We rescued 22 people," the captain said. Another 40 were later picked up by a navy ship.', 40),
        ("Police said 12 people were arrested. It is unclear whether 30 were hurt.", 30),
        ("Police said 12 people were arrested. About 3,000 people live in the town.", 3000),
        ("The union said 600 drivers struck. Some 2 million commuters use the network each day.", 2_000_000),
        ("Police said 12 people were arrested. The city's 14 hospitals were put on alert.", 14),
        ("The ministry said 40 people died. The region has 3 million residents and 12 hospitals.", 12),
        # a name that only ever opens a sentence, another place, a "when" clause
        ("The union said 600 workers walked out. Acme cut 300 jobs last month.", 300),
        ("The ministry said 40 people died in Ruritania. In neighbouring Fredonia, 12 people died.", 12),
        ("The health ministry said 40 people died. The outbreak began in March, when 3 cases were found.", 3),
        # a clause that does not go on with the count
        ("Police said 12 people were arrested. The protest drew 5,000 people.", 5000),
        ("Police said 12 people were arrested. The ferry was carrying 340 passengers.", 340),
        ("Police said 12 people were arrested. Crews from 6 neighbouring towns helped.", 6),
        # a has-list, a relative "that", data with a source of their own, a survivor's narration
        ("Police said 12 people were held. The district has about 40 schools.", 40),
        ("Police said 12 people were held. Rain soaked a crowd that numbered 5,000.", 5000),
        ("Police said 12 people were held. Census figures show 30 per cent of residents rent.", 30),
        ("Gunmen killed 12 people, a survivor said. Another 9 were wounded.", 9),
        # a question, a list line, a headline
        ("The ministry said 25 wells were dug. Why were 60 villages left without one?", 60),
        ("Flood toll rises as agency counts 70 dead\n61 bridges were swept away.", 61),
        ("Police said 12 people were held on Monday.\n- 9 cars burned\n- 4 shops were looted", 9),
        # after a denial, a witness's account, a quotation another speaker closed
        ("Police denied that 50 people were hurt. Another 20 were taken to hospital.", 20),
        ("Shots were fired at 200 marchers, witnesses said. Another 30 fled into a church.", 30),
        (
            'Police said 12 people were held, but "we saw 40 vans," a resident said. Another 9 were freed.',
            9,
        ),
        # a quotation of its own
        ('Police said 12 people were held. "Another 9 were freed," a lawyer added later.', 9),
    ],
)
def test_no_carry(text: str, value: float) -> None:
    claims = _claims(text)
    found = [c for c in claims if c.value == value]
    assert found, f"no claim of {value} in {text!r}"
    # no speaker, or the one its own sentence names (a quotation's lawyer, a charity's own 70): never the
    # speaker of the sentence before
    for c in found:
        assert c.speaker is None or c.speaker.lower() in c.sentence.lower(), (c.speaker, c.sentence)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("The company employs 4,000 people.", "4,000", True),
        ("Organisers of the march raised attendance to 9,000.", "9,000", True),
        ("On Monday, army medics treated 50 people.", "50", True),
        ("The Harbour Board closed 12 berths.", "12", True),
        ("Floodwater destroyed 40 more homes.", "40", False),
        ("Another 30 were damaged.", "30", False),
        ("The toll rose to 52.", "52", False),
        ("The number of injured rose to 52.", "52", False),
        ("They counted 52.", "52", False),
        ("Another survey was of 52 farms.", "52", True),
        ("That figure is 52 in the north.", "52", False),
    ],
)
def test_own_agent_before(sentence: str, figure: str, expected: bool) -> None:
    tokens = tokenize(sentence)
    at = sentence.index(figure)
    before = next(j for j, t in enumerate(tokens) if t.start >= at)
    assert own_agent_before(tokens, before) is expected


@pytest.mark.parametrize(
    ("page", "sentence", "expected"),
    [
        # a one-word subject the page also writes with a capital inside a sentence: a name
        ("Aid came from Oxfam. Oxfam handed out 300 tents.", "Oxfam handed out 300 tents.", True),
        ("Workers at Acme, the mill, struck. Acme cut 300 jobs.", "Acme cut 300 jobs.", True),
        # only ever opening a sentence: no name known
        ("Floodwater rose. Floodwater destroyed 40 homes.", "Floodwater destroyed 40 homes.", False),
    ],
)
def test_own_agent_before_with_the_page_words(page: str, sentence: str, expected: bool) -> None:
    tokens = tokenize(sentence)
    at = sentence.index(next(w for w in sentence.split() if w[:1].isdigit()))
    before = next(j for j, t in enumerate(tokens) if t.start >= at)
    assert own_agent_before(tokens, before, capitalised_inside(page)) is expected


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("Aid came from Oxfam. Floodwater rose.", {"Oxfam"}),
        ("Floodwater rose, Acme's staff said; Mayor Vance left.", {"Acme", "Mayor"}),
        ("Rain fell.\nOxfam said 3.", set()),
        ("", set()),
    ],
)
def test_capitalised_inside(page: str, words: set[str]) -> None:
    assert capitalised_inside(page) == words
