"""Round 9 of extraction quality: page credits, glued sentence stops, local currencies, paired quotes."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import document_credits, extract_document
from analyzer.extract.number_words import local_currency, page_country
from analyzer.extract.sentences import split_sentences
from analyzer.models import Claim, Document

MONDAY = date(2025, 3, 3)


def _claims(text: str, url: str | None = None) -> list[Claim]:
    return list(extract_document(Document("t", text, url=url, published=MONDAY)).claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash and one agency name closing the last paragraph
        (
            "Floods killed 40 people, officials said.\nThe rain will ease by Friday, Ruiz said. — Sapa",
            ("Sapa",),
        ),
        ("Twelve homes burned, police said. – Bernama", ("Bernama",)),
        ('"We lost 30 cattle," he said. — Reuters', ("Reuters",)),
        # "With files from" / "With reporting from" on a closing line
        (
            "The fire burned 500 homes, the mayor said.\nWith files from The Canadian Press.",
            ("The Canadian Press",),
        ),
        ("Nine died, police said.\nWith reporting by Reuters", ("Reuters",)),
        # an agency in brackets opening the first paragraph, before a capitalised word
        ("Headline\n\n(WashingtonTimes) The rally drew 20,000, organisers said.", ("WashingtonTimes",)),
        ("(AFP) Four people died in the blast, police said.", ("AFP",)),
    ],
)
def test_page_credits(text: str, expected: tuple[str, ...]) -> None:
    assert document_credits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a dash inside the sentence, a writer's two-word name, no stop before the dash
        "Floods killed 40 people — officials said so on Monday.",
        "The toll rose to 12, police said. — Ana Ruiz",
        "The toll rose to 12 — Monday",
        # a bracketed label that is no agency
        "(VIDEO) Four people died in the blast, police said.",
        "(UPDATE) The toll rose to 12, police said.",
        "With the river rising, 300 people left.",
    ],
)
def test_no_page_credit(text: str) -> None:
    assert document_credits(text) == ()


def test_closing_dash_credit_reaches_every_claim() -> None:
    claims = _claims("The cholera outbreak has killed 59 people, Health Minister Ana Ruiz said. — Sapa")
    assert [(c.value, c.via) for c in claims] == [(59.0, ("Sapa",))]
    assert claims[0].speaker is not None and claims[0].speaker.endswith("Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rain fell on Monday.According to the agency, 26 died.",
            ["Rain fell on Monday.", "According to the agency, 26 died."],
        ),
        (
            "It rained until Tuesday.It warned of more rain.",
            ["It rained until Tuesday.", "It warned of more rain."],
        ),
        (
            "Ten died in Sindh.Police said 12 more were hurt.",
            ["Ten died in Sindh.", "Police said 12 more were hurt."],
        ),
        # near misses: addresses, initials, abbreviations, short words
        ("See example.Com for more.", ["See example.Com for more."]),
        ("Visit www.Dawn.Com today.", ["Visit www.Dawn.Com today."]),
        ("The U.S.Army said so.", ["The U.S.Army said so."]),
        ("He met Gen.Smith there.", ["He met Gen.Smith there."]),
        ("Read it at site.org/News.Today now.", ["Read it at site.org/News.Today now."]),
    ],
)
def test_glued_sentence_stops(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_glued_stop_gives_no_speaker_from_a_day() -> None:
    claims = _claims("Schools stay shut until Tuesday.It said over 200 relief camps were set up.")
    assert all(c.speaker != "Tuesday.It" for c in claims)


@pytest.mark.parametrize(
    ("url", "text", "country"),
    [
        ("https://edmonton.example.ca/news/1", "", "ca"),
        ("http://www.example.com.au/a", "", "au"),
        ("https://example.co.nz/a?x=1", "", "nz"),
        ("https://example.com/pk/news", "", None),
        (None, "Relief released\n\nISLAMABAD: The minister said ...", "pk"),
        (None, "Headline\n\nTORONTO, May 5 - The city said ...", "ca"),
        (None, "Headline\n\nKARACHI (Reuters) - The city said ...", "pk"),
        # near misses: a city named later, a lowercase city, an unknown dateline
        (None, "Headline\n\nThe minister flew to ISLAMABAD: he said ...", None),
        (None, "Headline\n\nIslamabad: the minister said ...", None),
        (None, "Headline\n\nNAIROBI: The minister said ...", None),
    ],
)
def test_page_country(url: str | None, text: str, country: str | None) -> None:
    assert page_country(url, text) == country


@pytest.mark.parametrize(
    ("text", "unit", "country", "expected"),
    [
        ("$3.58 billion", "USD", "ca", "CAD"),
        ("about $81,000", "USD", "au", "AUD"),
        ("between $3 and $4", "USD", "nz", "NZD"),
        ("Rs2.5 billion", "INR", "pk", "PKR"),
        ("Rs. 5,000", "INR", "lk", "LKR"),
        ("20 million rupees", "INR", "pk", "PKR"),
        # an explicit currency, a page of no known country, another country's page: unchanged
        ("US$2.75 billion", "USD", "ca", "USD"),
        ("C$5", "CAD", "au", "CAD"),
        ("$3.58 billion", "USD", None, "USD"),
        ("$3.58 billion", "USD", "ng", "USD"),
        ("Rs 5,000", "INR", "in", "INR"),
        ("₹5,000", "INR", "pk", "INR"),
        ("40 percent", "%", "pk", "%"),
    ],
)
def test_local_currency(text: str, unit: str, country: str | None, expected: str) -> None:
    assert local_currency(text, unit, country) == expected


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        ("https://news.example.ca/x", "Insurers said the damage reached $3.5 billion.", "CAD"),
        ("https://news.example.com/x", "Insurers said the damage reached $3.5 billion.", "USD"),
        (None, "Aid\n\nLAHORE: The minister said Rs5 billion was released.", "PKR"),
        (None, "Aid\n\nMUMBAI: The minister said Rs5 billion was released.", "INR"),
    ],
)
def test_claim_units_by_page_country(url: str | None, text: str, expected: str) -> None:
    units = [c.unit for c in _claims(text, url) if c.value >= 1e9]
    assert units == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "“At least 92% or 152 cases were in the city,’’ said Ana Ruiz.",
        "‘‘At least 92% or 152 cases were in the city,’’ said Ana Ruiz.",
        "''At least 92% or 152 cases were in the city,'' said Ana Ruiz.",
        "“At least 92% or 152 cases were in the city,” said Ana Ruiz.",
    ],
)
def test_two_apostrophes_close_a_quote(text: str) -> None:
    claims = _claims(text)
    assert sorted(c.value for c in claims) == [92.0, 152.0]
    assert {c.speaker for c in claims} == {"Ana Ruiz"}
    assert all(text[c.start : c.end].endswith(("92%", "152")) for c in claims)  # offsets unchanged


def test_an_apostrophe_pair_inside_words_changes_nothing() -> None:
    text = "The rivers’ banks broke and 40 homes flooded, officials said."
    assert [(c.value, c.speaker) for c in _claims(text)] == [(40.0, "officials")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Regions 1 (Ilocos), 2, 3, 4 and 5 were hit, the agency said, with 12 dead.", [12.0]),
        ("Floods hit Region 6, 7 and 8, the council said.", []),
        ("Districts 4 and 9 reported 30 and 12 cases, officials said.", [30.0, 12.0]),
        ("Regions 4-A and 5 had 12 deaths, the agency said.", [12.0]),
        ("Wards 3, 4 and 5 lost power, officials said.", []),
        ("Signal No. 3 remains up, the bureau said.", []),
        # near misses: a count after a labelled place, counts listed after a verb
        ("In Region 5, 14 people died and 3 were hurt, officials said.", [14.0, 3.0]),
        ("In Region 5, 14 died, officials said.", [14.0]),
        ("Zone 2 had 5, 6 and 7 cases, officials said.", [5.0, 6.0, 7.0]),
        ("Police said District 9 had 40 cases.", [40.0]),
    ],
)
def test_place_label_lists(text: str, values: list[float]) -> None:
    assert [c.value for c in _claims(text)] == values
