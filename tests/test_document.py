"""Claims of whole documents: carry-over across sentences, statement dates, credits (our own texts)."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import document_credits, extract_document
from analyzer.models import Claim, Document

MONDAY = date(2024, 3, 11)


def _claims(text: str, published: date | None = MONDAY) -> list[Claim]:
    return list(extract_document(Document("t", text, published=published)).claims)


def _by_value(claims: list[Claim]) -> dict[float, Claim]:
    return {c.value: c for c in claims}


def test_pronoun_carries_the_last_person() -> None:
    text = (
        "Mining Minister Lena Okafor estimated the losses at $40 million on Friday. "
        "She later raised that to $55 million.\n\n"
        "Okafor's deputy, however, put the figure at $30 million."
    )
    got = _by_value(_claims(text))
    assert got[40e6].speaker == "Mining Minister Lena Okafor"
    assert got[55e6].speaker == "Mining Minister Lena Okafor"
    assert got[55e6].speaker_mention == "She"
    assert got[30e6].speaker == "Okafor's deputy"
    assert got[40e6].asserted_on == date(2024, 3, 8)
    assert got[55e6].asserted_on is None  # "later": another time, not the Friday statement


def test_definite_description_refers_back() -> None:
    text = (
        "The Provincial Disaster Agency said on Sunday that 23 people had died. "
        "Later that evening, the agency said 31 bodies had been recovered."
    )
    got = _by_value(_claims(text))
    assert got[31].speaker == "The Provincial Disaster Agency"


def test_continued_statement_shares_its_date() -> None:
    text = (
        "In a briefing on Monday, Governor Ruth Amsel said 14 bridges were closed.\n\n"
        '"We will reopen them one by one," Amsel said. She added that 600 workers were on the job.'
    )
    got = _by_value(_claims(text))
    assert got[14].asserted_on == MONDAY
    assert got[600].asserted_on == MONDAY
    assert got[600].speaker == "Governor Ruth Amsel"


def test_same_day_takes_the_previous_statement_date() -> None:
    text = (
        "On Wednesday, the navy chief said the search would go on. "
        "On the same day, port officials said 19 crew members were still missing."
    )
    got = _by_value(_claims(text, date(2024, 3, 14)))
    assert got[19].asserted_on == date(2024, 3, 13)


def test_event_date_is_not_the_statement_date() -> None:
    got = _claims("Some 200 troops arrived on Friday, officials said.")
    assert got[0].speaker == "officials"
    assert got[0].asserted_on is None


def test_vague_time_stays_null() -> None:
    got = _claims("The ministry said earlier this month that 75 clinics had closed.")
    assert got[0].asserted_on is None


def test_unattributed_figure_has_no_speaker() -> None:
    got = _claims("The storm, which killed 14 people in 2019, returned on Sunday.")
    assert [(c.speaker, c.value) for c in got] == [(None, 14)]


def test_quote_continues_in_the_next_sentence() -> None:
    text = '"The water came in minutes," said Pedro Salas, the fire chief. "We lost 11 engines."'
    got = _by_value(_claims(text))
    assert got[11].speaker == "Pedro Salas"


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("LISBON, March 3 (Reuters) - Port workers said 300 ships were idle.", ("Reuters",)),
        ("Port workers said 300 ships were idle.\n\nSource: BBC", ("BBC",)),
        ("Port workers said 300 ships were idle.\n\n— AP", ("AP",)),
        ("Port workers said 300 ships were idle.\n\nSource: the harbour office", ()),
    ],
)
def test_syndication_credits(text: str, credits: tuple[str, ...]) -> None:
    assert document_credits(text) == credits


def test_credit_goes_to_via() -> None:
    got = _claims("LISBON, March 3 (Reuters) - Port workers said 300 ships were idle.")
    assert got[0].via == ("Reuters",)
