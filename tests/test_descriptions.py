"""Definite descriptions that stand for a name given earlier: "Telvon, the mobile operator ... The operator said".

All sentences are invented for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.descriptions import described_names, named_by
from analyzer.extract.document import extract_document
from analyzer.models import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name, then its description in apposition
        ("Telvon, the country's largest mobile operator, lost its network.", [("operator", "Telvon")]),
        ("The fire hit Brisa Foods, a food company based in Rasko.", [("company", "Brisa Foods")]),
        ("Open Wake, a rescue charity, sent two boats.", [("charity", "Open Wake")]),
        # a description, then the name in apposition
        ("The rail operator, Meridian Rail, cut 40 trains.", [("operator", "Meridian Rail")]),
        # a noun or a title before the name
        ("Shares in mining company Karsten Minerals fell.", [("company", "Karsten Minerals")]),
        ("Governor Ilse Brandt toured the site.", [("governor", "Ilse Brandt")]),
        # no pairing: dates, adverbs, places after a preposition, descriptions without an agent noun
        ("On Monday, the company said it would reopen.", []),
        ("Separately, the agency, which runs the port, said little.", []),
        ("In Rasko, the mayor said the bridge held.", []),
        ("Velka, a small town near the border, flooded.", []),
        # an indefinite apposition describes even the object of a preposition; a definite one does not
        ("They ordered a count from Civica Metrics, an independent firm.", [("firm", "Civica Metrics")]),
        ("In Rasko, the mayor, who was re-elected, spoke.", []),
    ],
)
def test_described_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.head, d.name) for d in described_names(text)] == expected


def test_named_by_takes_the_latest_before_the_position_with_all_modifiers() -> None:
    text = "Telvon, a mobile operator, and Dunmore, a cable operator, both lost service. Later text."
    found = described_names(text)
    assert named_by(found, "operator", set(), len(text)) == "Dunmore"
    assert named_by(found, "operator", {"mobile"}, len(text)) == "Telvon"
    assert named_by(found, "operator", {"satellite"}, len(text)) is None
    assert named_by(found, "operator", set(), 0) is None  # nothing described before the position


def _speakers(text: str) -> dict[float, str | None]:
    doc = Document("t", text, published=date(2025, 3, 14))
    return {c.value: c.speaker for c in extract_document(doc).claims}


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "Telvon, the country's largest mobile operator, was hit by an outage. "
            "The mobile operator said 2.1 million customers were affected.",
            2_100_000,
            "Telvon",
        ),
        (
            "Shares in mining company Karsten Minerals fell sharply. The company said 40 workers were trapped.",
            40,
            "Karsten Minerals",
        ),
        (
            "Colonel Radek Sorin led the operation. The colonel said 14 soldiers were wounded.",
            14,
            "Radek Sorin",
        ),
        # a body named by its name alone as a speaker, then "the company"
        (
            "Ondina Lines said 212 passengers were aboard. The company said 30 crew were aboard.",
            30,
            "Ondina Lines",
        ),
        # a closing description names the sentence's subject, a name the text writes mid-sentence too
        (
            "Brisa Foods will cut 900 jobs, the Tarvian snack maker said on Tuesday. Shares in Brisa fell.",
            900,
            "Brisa Foods",
        ),
        (
            "TARVO, May 3 (Wire) - Ondina Lines will cut 12 routes, the ferry operator said. Shares in Ondina fell.",
            12,
            "Ondina Lines",
        ),
        # a closing name is no description of the subject: "the Anglia News Agency reported"
        (
            "Telvona had said that 1.8 million were affected, the Anglia News Agency reported. "
            "Shares in Telvona fell. The agency said 40 staff were moved.",
            40,
            "The agency",
        ),
        # "It" after a sentence that described a body: the body, before an older speaker
        (
            "Police put the crowd at 40,000. A group of newspapers ordered a count from Civica Metrics, "
            "an independent firm that uses sensors. It put the crowd at 61,000.",
            61_000,
            "Civica Metrics",
        ),
        # a sentence-opening capital that the text never writes mid-sentence is no name
        ("Heavy rain flooded 40 homes, the agency said.", 40, "the agency"),
        # a description with another modifier is somebody else
        (
            "Telvon, a mobile operator, lost service. The state operator said 300 engineers were sent.",
            300,
            "The state operator",
        ),
    ],
)
def test_definite_description_finds_the_described_name(text: str, value: float, speaker: str) -> None:
    assert _speakers(text)[value] == speaker


def test_the_company_skips_a_name_described_as_something_else() -> None:
    text = (
        "Ondina Lines said on Monday that 212 passengers were aboard. "
        "Sea Watch Norden, an independent monitoring group, said 9 accidents had been recorded. "
        "A port official said the company had reported 230 tickets sold."
    )
    assert _speakers(text)[230] == "Ondina Lines"  # the company's own report, not the monitoring group's
    text = text.replace("an independent monitoring group", "a shipping company")
    assert _speakers(text)[230] == "Sea Watch Norden"


def test_the_company_reaches_back_only_a_few_sentences() -> None:
    filler = " ".join(f"The ferry sailed past buoy {n} at dawn." for n in "ABCDEFGH")
    text = f"Ondina Lines said 212 passengers were aboard. {filler} The company said 30 crew were aboard."
    assert _speakers(text)[30] == "The company"
