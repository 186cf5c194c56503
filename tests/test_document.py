"""Claims of whole documents: carry-over across sentences, statement dates, credits (our own texts)."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.document import document_credits, extract_document
from analyzer.extract.mentions import kind_of
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


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a sentence whose subject is a named person doing something, with no figure, is what "She" refers to
        (
            "Mayor Ines Walde said 14 roads were closed. Transport Minister Ada Kern visited the depot on Monday. "
            "She said 70 buses were lost.",
            70,
            "Transport Minister Ada Kern",
        ),
        (
            "Governor Ruth Amsel said 14 roads were closed. Colonel Dana Mirov declined to comment on casualties. "
            "He said 15 soldiers were hurt.",
            15,
            "Colonel Dana Mirov",
        ),
        # and so is the speaker named after a quote: the most recent person, whatever the word before the name
        (
            'Minister Ida Berg said 12 schools had closed. "We will not give in," said union leader Tom Reyes. '
            "He added that 30 more marches were planned.",
            30,
            "union leader Tom Reyes",
        ),
        # an appositive name after a description is the person the next pronoun refers to
        (
            "A lawmaker from the Green bloc, Tomas Rehn, accused the city of hiding costs. "
            "He said at least 90 jobs would go.",
            90,
            "Tomas Rehn",
        ),
        # "It" after a body named by capitalised words alone
        (
            "The ferry operator, Nordic Lines, said the ship could carry 250 people. It added that 12 crew survived.",
            12,
            "Nordic Lines",
        ),
        # a name apposed to a description acts, past a relative aside; a firm "X & Y" is no "she"
        (
            "Harwell Power & Light said on Tuesday that 18,400 homes had no power. The utility's president, "
            "Dana Ruiz, who visited the plant on Monday, apologized to customers. She said 1,150 crews were out.",
            1150,
            "Dana Ruiz",
        ),
        (
            "Marks & Spencer said 40 stores had shut. The chain's finance chief, Omar Bell, met investors. "
            "He said 12 would reopen.",
            12,
            "Omar Bell",
        ),
        # "she" finds no firm named by capitalised words
        ("Nordic Lines said 40 ships were idle. She said 12 crew were missing.", 12, None),
        # a copula says who someone is, not what they did: a bio line leaves the pronoun unresolved
        ("Jana Weiss is the paper's science editor. She has covered 12 elections.", 12, None),
    ],
)
def test_pronoun_refers_to_the_last_person_who_did_something(
    text: str, value: float, speaker: str | None
) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


def test_a_number_in_a_speaker_phrase_is_no_claim() -> None:
    got = _claims("Two senior officials, speaking on condition of anonymity, said 3,000 troops were ready.")
    assert [(c.speaker, c.value) for c in got] == [("Two senior officials", 3000)]


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("the harbour master", "person"),
        ("The head of the port authority", "person"),
        ("union leader Tom Reyes", "person"),
        ("Army spokesman Colonel Dana Mirov", "person"),
        ("Confederation of Dock Workers", "org"),
        ("Ministry of Transport", "org"),
        ("The Harbour Board", "org"),
        ("Health Minister Dr. Ada Kern", "person"),
        ("rescue workers", "plural"),
        ("Harwell Power & Light", "org"),  # partners' names joined by "&" make one firm
        ("Tovey & Sons", "org"),
        # a firm's name by its last word: no surname ends in "Lines", "Chemicals", "Holdings"
        ("Nordic Lines", "org"),
        ("Ostby Chemicals", "org"),
        ("Karla Holm", "person"),
    ],
)
def test_kind_of_mention(mention: str, kind: str) -> None:
    assert kind_of(mention) == kind


FRIDAY, THURSDAY = date(2024, 3, 8), date(2024, 3, 7)


@pytest.mark.parametrize(
    ("text", "value", "asserted_on"),
    [
        # a date in an aside between the speaker and the verb that tells how the statement was made
        ("Governor Ruth Amsel, speaking at a briefing on Friday, said 14 bridges were closed.", 14, FRIDAY),
        (
            "A study by the Marsh Institute, published on Friday, found that 61% of farms were hit.",
            61,
            FRIDAY,
        ),
        # but not a date of what the speaker did before
        ("Governor Ruth Amsel, who toured the valley on Friday, said 14 bridges were closed.", 14, None),
        # the occasion of the statement, dated, after the figures
        (
            "The railway put the cancellations at 3,200 trains, or 12% of trips, in a statement on Friday.",
            3200,
            FRIDAY,
        ),
        # "put the toll at N on <day>": the figure's comma ends no clause
        ("The agency put the toll at 1,388 on Friday.", 1388, FRIDAY),
        # one speaker's cues in one sentence are one statement
        ("The bureau gave a higher estimate on Thursday, saying 2,100 homes were flooded.", 2100, THURSDAY),
        ("The watchdog put losses at 40 tonnes, according to a report it released on Friday.", 40, FRIDAY),
        (
            "PORTSEA, March 8 (Reuters) - The coastguard said on Friday that nine ships sank, adding that "
            "31 sailors were missing.",
            31,
            FRIDAY,
        ),
        # unless one of them is in a relative clause about another occasion
        (
            "The governor, who first warned of floods on Thursday, has said 500 homes are at risk.",
            500,
            None,
        ),
    ],
)
def test_statement_dates(text: str, value: float, asserted_on: date | None) -> None:
    assert _by_value(_claims(text))[value].asserted_on == asserted_on


def test_a_deadline_does_not_date_a_continued_statement() -> None:
    text = (
        "Mayor Ines Walde said on Friday that 14 schools would close. "
        "She said the city would hire 1,400 more teachers by 2028."
    )
    assert _by_value(_claims(text))[1400].asserted_on == FRIDAY


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "The ministry denied that 300 people had been held, a figure given to reporters by a union lawyer.",
            [("The ministry", 300, "denies"), ("a union lawyer", 300, "asserts")],
        ),
        (
            'An opposition MP, Ana Pires, claimed the plan hid "at least €500m" of cuts, a figure the treasury denied.',
            [("Ana Pires", 500e6, "asserts"), ("the treasury", 500e6, "denies")],
        ),
        (
            "Residents said at least 40 people died, a figure the army would not confirm.",
            [("Residents", 40, "asserts")],
        ),
    ],
)
def test_an_aside_about_a_figure_is_a_second_claim(text: str, claims: list[tuple[str, float, str]]) -> None:
    got = _claims(text)
    assert [(c.speaker, c.value, c.stance) for c in got] == claims
    assert len({c.claim_id for c in got}) == len(got)


@pytest.mark.parametrize(
    ("text", "value", "asserted_on"),
    [
        # "also said": another part of the statement just reported, on the same occasion
        (
            "Health Minister Ada Kern said on Friday that 240 cases had been found. "
            "The ministry also said 31 patients were in intensive care.",
            31,
            FRIDAY,
        ),
        # but not "has also ...": the perfect tells of some occasion or other
        (
            "Health Minister Ada Kern said on Friday that 240 cases had been found. "
            "Mayor Ines Walde has also warned that 31 clinics could close.",
            31,
            None,
        ),
        # "since Friday" in what is reported says nothing of when it was said
        (
            "The agency said on Thursday that 12 wells were dry. "
            "It added that 4,000 litres had been trucked in since Friday.",
            4000,
            THURSDAY,
        ),
        # what a closing cue's clause reports ("since 2019", "the last three months") is no other occasion ...
        (
            "The agency said on Thursday that 12 wells were dry. "
            "The toll was 20% higher than in the last three months of 2025, the agency said.",
            20,
            THURSDAY,
        ),
        (
            "The agency said on Thursday that 12 wells were dry. "
            "It was the highest number of dry wells since 2019, the agency said, with 40 more at risk.",
            40,
            THURSDAY,
        ),
        # ... but a closing cue's own "later" or "had said" is
        (
            "The agency said on Thursday that 12 wells were dry. Fifteen wells were dry, the agency said later.",
            15,
            None,
        ),
        (
            "The agency said on Thursday that 12 wells were dry. Nine wells were dry, the agency had said.",
            9,
            None,
        ),
        # but "later" at the cue is another occasion
        (
            "The agency said on Thursday that 12 wells were dry. It later said 15 wells were dry.",
            15,
            None,
        ),
        # "up from N a day earlier": the speaker's figure of the day before
        ("The agency put the toll at 1,388 on Friday, up from 1,214 a day earlier.", 1214, THURSDAY),
        ("The agency put the toll at 1,388 on Friday, compared with 1,214 a day earlier.", 1214, THURSDAY),
        # but without "from/compared with" the phrase dates the event, not the statement
        ("The agency put the toll at 1,388 on Friday, up from about 1,214 a day earlier.", 1214, THURSDAY),
        ("Police said on Friday they had arrested 40 a day earlier.", 40, FRIDAY),
        ("The coastguard said on Friday it had rescued 62 migrants two days before.", 62, FRIDAY),
    ],
)
def test_continued_and_earlier_statements(text: str, value: float, asserted_on: date | None) -> None:
    assert _by_value(_claims(text))[value].asserted_on == asserted_on


def test_a_day_earlier_is_no_rate() -> None:
    got = _by_value(_claims("The agency put the toll at 1,388 on Friday, up from 1,214 a day earlier."))
    assert got[1214].per is None


def test_also_continues_the_statement_just_reported_not_an_earlier_dated_one() -> None:
    text = (
        "The mayor first said on Thursday that the dam was safe, and has since said 300 homes are at risk. "
        "The mayor has also said that 40 roads are closed."
    )
    assert _by_value(_claims(text))[40].asserted_on is None


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a title of office before a name makes an actor the next pronoun refers to
        (
            "Union chairman Pavel Ostrov did not attend the briefing. "
            "He told the Ledger by phone that 2,000 workers would strike.",
            2000.0,
            "Union chairman Pavel Ostrov",
        ),
        (
            "Plant manager Ruta Sileika skipped the hearing. She told reporters that 140 staff were idle.",
            140.0,
            "Plant manager Ruta Sileika",
        ),
    ],
)
def test_titles_of_office_make_actors(text: str, value: float, speaker: str) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # "It" refers to the last body, a one-word name included, not to an earlier group
        (
            "A group calling itself Black Wave claimed the attack.\n\n"
            "Marlo denied that 2.1 million customers were affected.\n\n"
            "It added that 150 staff had been moved to a helpline.",
            150.0,
            "Marlo",
        ),
        (
            "Black Wave claimed the attack.\n\n"
            "Fenwick said on Friday it would pay customers a credit. It added that the cost could reach $60m.",
            60e6,
            "Fenwick",
        ),
    ],
)
def test_it_refers_to_a_one_word_body(text: str, value: float, speaker: str) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Costs may reach $450 million, Bloomberg reported, citing two people familiar with the talks.",
            {450e6},
        ),
        ("Reuters, quoting three senior officials, said 40 warships had sailed.", {40}),
        ("According to five witnesses, about 300 people were on the boat, the coastguard said.", {300}),
        # a count that is itself the claim stays one
        ("The agency said it was citing 12 hospitals in its report.", {12}),
    ],
)
def test_a_number_that_counts_the_sources_is_no_claim(text: str, values: set[float]) -> None:
    assert {c.value for c in _claims(text)} == values


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        (
            "Police estimated the crowd at 40,000. Crowd Metrics, a data firm, used drone images. "
            "It put the crowd at 61,000.",
            61_000,
            "Crowd Metrics",
        ),
        (
            "The coastguard said 30 were rescued. Sea Relief, a volunteer charity, ran two boats all night. "
            "It said 12 more were missing.",
            12,
            "Sea Relief",
        ),
    ],
)
def test_it_after_a_subject_with_an_apposition(text: str, value: float, speaker: str) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the denier denies, the named source of the claim asserts
        (
            "The ministry dismissed a report by Amnesty International that 300 protesters were killed.",
            300,
            {("The ministry", "denies"), ("Amnesty International", "asserts")},
        ),
        (
            "Brisa Foods denied a Radio Tarvia report that 2,000 jobs would go, calling it speculation.",
            2000,
            {("Brisa Foods", "denies"), ("Radio Tarvia", "asserts")},
        ),
        (
            "The army denied allegations from residents that 40 homes were burned.",
            40,
            {("The army", "denies"), ("residents", "asserts")},
        ),
        # "a union claim" after the union was named: the union
        (
            "The Rail Workers' Union said posts had been cut. The operator denied a union claim that 1,100 "
            "posts were cut, saying the real number was 310.",
            1100,
            {("The operator", "denies"), ("The Rail Workers' Union", "asserts")},
        ),
        # no source named: only the denial
        ("Officials denied media reports that 40 people died.", 40, {("Officials", "denies")}),
    ],
)
def test_a_named_claim_is_also_its_source_s(text: str, value: float, expected: set[tuple[str, str]]) -> None:
    got = {(c.speaker, c.stance) for c in _claims(text) if c.value == value}
    assert got == expected


def test_a_named_claim_does_not_reach_past_the_denier_s_own_figure() -> None:
    text = "The operator denied a union claim that 1,100 posts were cut, saying the real number was 310."
    assert {(c.speaker, c.value) for c in _claims(text) if c.value == 310} == {("The operator", 310)}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Police said a man, 45, was arrested.", []),
        ("The dead were aged between 4 and 80, police said.", []),
        ("Police said the victims, aged 19 to 34, were students.", []),
        ("Hospital director Aina Kolb said most victims were over 75.", []),
        ("Police said 41 of the dead were under 18.", [41]),
        ("A doctor said the outbreak hit people over 75 who lived alone.", []),
        ("Police said children under 12 made up 30 of the injured.", [30]),
        # a count after "over" is no age
        ("Officials said casualties were over 75.", [75]),
        ("Officials said the dead included 12 children under five.", [12]),
        # "is/was N" after a person (a pronoun, a kin or neighbour) closing the clause is an age
        ("Ana Ruiz said her neighbour is 83 and on oxygen, and 40 homes were cold.", [40]),
        ("Omar Bell, whose mother was 91, said 12 residents died.", [12]),
        ("She said she was 91.", []),
        ("Officials said the toll was 40.", [40]),
        ("She said her son was 12 when the 300 homes burned.", [12, 300]),
    ],
)
def test_ages_are_no_claims(text: str, kept: list[float]) -> None:
    assert [c.value for c in _claims(text)] == kept


TRANSCRIPT = (
    "Transcript: press briefing on the floods\n\n"
    "MAYOR ILSE VANTER: Good morning. We have evacuated 4,100 residents since Friday.\n\n"
    "Our crews rescued 212 people overnight.\n\n"
    "QUESTION (Radio Tarvo): Are 300 more homes at risk?\n\n"
    "FIRE CHIEF ODA LANN: The water reached 40 homes on the east bank.\n\n"
    "MAYOR ILSE VANTER: I can confirm 9 deaths."
)


def test_transcript_turns_give_their_speaker_and_date() -> None:
    got = {c.value: c for c in _claims(TRANSCRIPT)}
    assert got[4100].speaker == got[212].speaker == got[9].speaker == "Mayor Ilse Vanter"
    assert got[4100].speaker_mention == "MAYOR ILSE VANTER"
    assert got[40].speaker == "Fire Chief Oda Lann"
    assert got[300].speaker is None  # a question asserts nothing
    assert got[212].asserted_on == MONDAY  # the briefing is the statement, made on its date


def test_one_label_makes_no_transcript() -> None:
    text = "UPDATE: The toll rose to 40.\n\nOfficials said 12 were missing."
    assert {c.value: c.speaker for c in _claims(text)} == {40: None, 12: "Officials"}


PRESS_RELEASE = (
    "Brisa Foods announces plant closure\n\n"
    "Tarvo, 11 March 2024 - Brisa Foods today announced that it will cut 900 jobs by 2026.\n\n"
    "We will close the Velka plant, which employs 450 people.\n\n"
    '"These are hard decisions," said chief executive Ana Lind. "Our plants run at 58 percent of capacity."\n\n'
    "Full-year revenue was 1.2 billion euros."
)


def test_a_press_release_speaks_in_its_publisher_s_name() -> None:
    claims = list(
        extract_document(Document("t", PRESS_RELEASE, outlet="Brisa Foods", published=MONDAY)).claims
    )
    got = {c.value: c for c in claims}
    assert got[450].speaker == got[1.2e9].speaker == "Brisa Foods"
    assert got[58].speaker == "chief executive Ana Lind"  # a quote keeps its speaker ...
    assert got[58].asserted_on == MONDAY  # ... and is said on the release's date


def test_a_news_outlet_naming_itself_is_no_press_release() -> None:
    text = "Reuters reported on Friday that 40 ships were stuck.\n\nThe port handled 1,200 ships last year."
    claims = list(extract_document(Document("t", text, outlet="Reuters", published=MONDAY)).claims)
    assert {c.value: c.speaker for c in claims}[1200] is None


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the occasion's own date, after a platform: "in a post on X on March 8"
        (
            "Senator Ana Ruiz put the repair backlog at $1.9 billion in a post on X on March 8.",
            1.9e9,
            date(2024, 3, 8),
        ),
        # "adding that" continues a statement dated with "last Friday": its "last" is no other occasion
        (
            "The ministry said last Friday that it had sent 12,000 doses, adding that the campaign would cost "
            "9 million euros.",
            9e6,
            date(2024, 3, 8),
        ),
        # "later" still marks another occasion
        (
            "The agency said on Friday that 1,500 had left, and later told lawmakers that 12,000 would go.",
            12000,
            None,
        ),
    ],
)
def test_statement_dates_of_continued_cues(text: str, value: float, expected: date | None) -> None:
    assert _by_value(_claims(text))[value].asserted_on == expected


def test_a_toll_raised_far_before_its_small_number() -> None:
    text = "Divers pulled three more bodies from the river, raising the toll from the collapse of the bridge to nine."
    assert sorted(c.value for c in _claims(text)) == [3, 9]


def test_a_correction_note_repeats_a_withdrawn_figure() -> None:
    text = (
        "Police said 40 people were hurt.\n\n"
        "An earlier version of this story gave the capacity of the ground as 45,800, the club said."
    )
    assert [c.value for c in _claims(text)] == [40]


def test_its_results_are_the_body_s() -> None:
    text = (
        "The Central Election Commission said counting went on overnight. "
        "With 99.6% of precincts counted, its preliminary results showed the party on course for 68 seats."
    )
    assert _by_value(_claims(text))[68].speaker == "The Central Election Commission"


def test_a_relative_aside_with_a_quoted_figure() -> None:
    text = (
        'The Bloc, which had put turnout at "closer to 55%" on Monday, said on Wednesday it had found 1,140 '
        "stations with extra ballots, and claimed that as many as 420,000 votes had been added."
    )
    got = _by_value(_claims(text))
    assert {c.speaker for c in got.values()} == {"The Bloc"}
    assert got[55].asserted_on == date(2024, 3, 11)  # its own "on Monday"
    assert got[55].qualifier == "about"
    assert got[1140].asserted_on == got[420000].asserted_on == date(2024, 3, 6)  # Wednesday, continued


def test_headings_in_capitals_make_no_transcript() -> None:
    text = "BREAKING NEWS: Police said 40 died.\n\nBACKGROUND: The dam was built in 1970.\n\nHe said 12 were missing."
    assert {c.value: c.speaker for c in _claims(text)}[40] == "Police"
    assert all(c.speaker != "Background" for c in _claims(text))


def test_a_previous_version_of_a_bill_is_no_correction_note() -> None:
    text = "The previous version of the budget set aside $3 billion for schools, the finance ministry said."
    assert [c.value for c in _claims(text)] == [3e9]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Press office: 01632 960 118 (weekdays). The council said 30 homes were flooded.", [30.0]),
        ("Out of hours: 07700 900 415. Police said 12 people were hurt.", [12.0]),
        ('"Everyone got out," she told Harbour 9. She said 40 people were rescued.', [40.0]),
        ("He told Metro 5 on Sunday that 300 cars were damaged.", [300.0]),
        ("The mayor told Reuters 40 people had died.", [40.0]),  # a count after the hearer stays
        ("A doctor told AFP 12 in intensive care were critical.", [12.0]),  # "in" after an agency's acronym
        ("He told Harbour 7 in an interview that 30 homes burned.", [30.0]),
        ("QUESTION (Radio Lunder 2): Neighbours said 41 were inside, the reporter said.", [41.0]),
        ("He said on Channel 4 that 30 homes burned.", [30.0]),
        ("Lava came to within two kilometres of Ostby, the agency said, and 40 homes burned.", [40.0]),
        ("The fire was within 300 metres from the school, police said.", []),
        ("Police said 3,000 people living within 5 km were moved.", [5.0, 3000.0]),  # a radius, no "of"
        ("Police said the flood hit 12 (Lower Marsh 3) streets and 9 homes.", [9.0, 12.0]),
        ("The council said 12 homes (about 3) were empty.", [3.0, 12.0]),  # no name before the number
        ("Officials said 220 310 tonnes of grain were shipped.", [220310.0]),  # no trunk prefix: a figure
    ],
)
def test_phone_numbers_and_station_names_are_no_figures(text: str, values: list[float]) -> None:
    assert sorted(c.value for c in _claims(text)) == values


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a live blog's entry stamp and heading run into the sentence: the opener after them still dates it
        (
            "08:15 Mayor promises help In a radio address on Saturday night, Mayor Ida Lund said the city "
            "would pay 800 euros to each family.",
            800,
            date(2024, 3, 9),
        ),
        ("09:30 Shelters open On Friday, the council said 400 beds were ready.", 400, date(2024, 3, 8)),
        ("12:10 Update: 40 people were hurt on Friday, police said.", 40, None),  # the event's date
        # a cue in a comparison recalls an earlier statement: "It added" continues the main one
        (
            "The agency said on Sunday that 6,100 people had left, up from the 4,200 it reported on Friday. "
            "It added that 900 of them were in shelters.",
            900,
            date(2024, 3, 10),
        ),
        (
            "The ministry said on Sunday that 300 were hurt, compared with 250 it counted on Friday. "
            "It added that 12 had died.",
            12,
            date(2024, 3, 10),
        ),
        (
            "The coastguard confirmed on Sunday that oil had come ashore. It said the slick covered 58 miles, "
            "up from the 40 miles it reported on Friday.",
            58,
            date(2024, 3, 10),
        ),
        (
            "The agency said on Sunday that 6,100 people had left. It reported on Friday that 900 were in "
            "shelters. It added that 80 were in hospital.",
            80,
            date(2024, 3, 8),
        ),
    ],
)
def test_statement_dates_of_stamped_and_compared_cues(text: str, value: float, expected: date | None) -> None:
    assert _by_value(_claims(text))[value].asserted_on == expected


@pytest.mark.parametrize(
    ("text", "value", "speaker", "when"),
    [
        # a phrase inside the relative aside is not the subject; the aside's own figures have no speaker
        (
            "The fund, which manages $9 billion for 40,000 nurses, porters and other staff, disclosed the "
            "loss in a filing.",
            40000,
            None,
            None,
        ),
        (
            "The union, which represents 12,000 drivers, cleaners and guards, said 300 jobs would go.",
            300,
            "The union",
            None,
        ),
        # a cue in the speaker's own aside marked as earlier does not share the main verb's date
        (
            "Brenna Lines, which last week put the loss at under 300 tonnes, said on Sunday it would pay.",
            300,
            "Brenna Lines",
            None,
        ),
        (
            "Brenna Lines, which put the loss at under 300 tonnes, said on Sunday it would pay.",
            300,
            "Brenna Lines",
            date(2024, 3, 10),
        ),
    ],
)
def test_relative_asides_of_the_subject(
    text: str, value: float, speaker: str | None, when: date | None
) -> None:
    claim = _by_value(_claims(text))[value]
    assert (claim.speaker, claim.asserted_on) == (speaker, when)


@pytest.mark.parametrize(
    ("text", "value", "speakers"),
    [
        # a report in a publication is the publication's claim, besides the denial
        (
            "The mayor denied a report in the weekly Harbour Post that 900 homes were empty.",
            900,
            {"The mayor", "Harbour Post"},
        ),
        (
            "The minister denied a report in the Courier that 400 jobs would go.",
            400,
            {"The minister", "Courier"},
        ),
        ("The minister denied a report in March that 400 jobs would go.", 400, {"The minister"}),
        ("The minister denied a report in a local paper that 400 jobs would go.", 400, {"The minister"}),
    ],
)
def test_a_report_in_a_publication(text: str, value: float, speakers: set[str]) -> None:
    assert {c.speaker for c in _claims(text) if c.value == value} == speakers


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("LUNDER (Harbour Wire) — The port said 40 ships were idle.", ("Harbour Wire",)),
        ("QUESTION (Harbour Radio): Is the figure of 38 final?\nMAYOR: It is.", ()),
        ("Q (Lunder Daily News): How many died?\nMAYOR: Twelve.", ()),
    ],
)
def test_a_questioner_s_outlet_is_no_credit(text: str, credits: tuple[str, ...]) -> None:
    assert document_credits(text) == credits


@pytest.mark.parametrize(
    ("text", "value", "speakers"),
    [
        # a claim "by" its author: the author asserts it, besides the denial (a determiner before the name)
        (
            "The governor rejected a claim by the Harbour Pilots' Association that 60 pilots had quit.",
            60,
            {"The governor", "the Harbour Pilots' Association"},
        ),
        # a description with the author's name apposed: the name
        (
            "The mayor dismissed a claim by an opposition councillor, Rita Moss, that 300 homes were empty.",
            300,
            {"The mayor", "Rita Moss"},
        ),
        ("The mayor dismissed a claim by the Monday deadline that 300 homes were empty.", 300, {"The mayor"}),
    ],
)
def test_a_claim_by_its_author(text: str, value: float, speakers: set[str]) -> None:
    assert {c.speaker for c in _claims(text) if c.value == value} == speakers


@pytest.mark.parametrize(
    ("text", "value", "speaker", "via"),
    [
        # figures supplied/provided by X show: X speaks through them
        (
            "Provisional figures supplied by the Water Board show that 52 wells ran dry.",
            52,
            "the Water Board",
            (),
        ),
        ("Data provided by Harbour Statistics show 17 ships were idle.", 17, "Harbour Statistics", ()),
        # ... also after a lower-case descriptor of the source
        ("Data compiled by consumer group Fair Rent show rents rose 12% last year.", 12, "Fair Rent", ()),
        ("Figures from the watchdog Clean Seas show 31 beaches were shut.", 31, "Clean Seas", ()),
        ("Data from last Monday show 40 people died.", 40, None, ()),
        # a count whose "of"/"from" phrases name what was counted: the owner counted, not the members
        (
            "A tenants' group, Fair Rent, disputed the figure, saying its own tally of calls from members "
            "showed as many as 2,400 homes were cold.",
            2400,
            "Fair Rent",
            (),
        ),
        (
            "The union disputed the figure. Its own count of posts from branches showed 310 jobs had gone.",
            310,
            "The union",
            (),
        ),
        # "X's latest/own/official number|figure is N": X's count; "X's number of ..." says nothing of who counted
        ("Ana Lind spoke first. The utility's latest number is 96,300 customers.", 96300, "The utility", ()),
        ("The ministry's official figure was 40 deaths, by its own account.", 40, "The ministry", ()),
        ("The city's number of homeless is 400.", 400, None, ()),
        # an aside between the count and its verb
        (
            "The utility's own count, published on its website on Friday morning, was 41,800.",
            41800,
            "The utility",
            (),
        ),
        # a passive with an adverb ("were never counted") names nobody; the group says
        (
            "The group says at least 3,000 homes that lost power were never counted because they are on rural lines.",
            3000,
            "The group",
            (),
        ),
        # "X's own count puts N at ...": the counter
        (
            "The union's own count puts the number of striking workers in the U.S. plants at about 8,200.",
            8200,
            "The union",
            (),
        ),
        # "according to X" after a figure, across an abbreviation's period
        ("Some 9,000 people in the U.S. use the device, according to the maker.", 9000, "the maker", ()),
        # "quoting X" works like "citing X"; a lower-case outlet before it ("local radio") is the channel
        (
            "Local radio, quoting the district police, said 14 boats were missing.",
            14,
            "the district police",
            ("Local radio",),
        ),
        (
            "State television, citing the fire service, said 23 homes burned.",
            23,
            "the fire service",
            ("State television",),
        ),
        # a long description with a relative clause between a named speaker and the verb
        (
            "Ola Berg, a hydrologist at Lunder University who has measured the river for thirty years, "
            "said about 2,600 homes stood on the flood plain.",
            2600,
            "Ola Berg",
            (),
        ),
        # ... only for a person or a body the sentence opens with: a place described at length is no speaker
        (
            "A report on Ostby, a village in the north of the country which was cut off by landslides for "
            "more than a week, said 40 homes were lost.",
            40,
            None,
            (),
        ),
        # an outlet named by its medium has no person apposed: the name after it is the sentence's subject
        ("According to local radio, Ana Lind, a farmer from Ostby, lost 40 cows.", 40, "local radio", ()),
        ("According to the newspaper, Ana Lind, a farmer, lost 40 cows.", 40, "the newspaper", ()),
        ("According to the hospital director, Ana Lind, 40 patients were moved.", 40, "Ana Lind", ()),
    ],
)
def test_sources_named_in_counts_data_quotes_and_long_asides(
    text: str, value: float, speaker: str | None, via: tuple[str, ...]
) -> None:
    claim = _by_value(_claims(text))[value]
    assert (claim.speaker, tuple(claim.via)) == (speaker, via)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a bare name a later "he"/"she" referred to is a person: "the company" later is not that name
        (
            '"Nobody listened," said Ivo Marsh, a union organiser. He said 14 complaints were filed.\n\n'
            "The company said in a filing on Monday that it expected costs of $65 million.",
            65e6,
            "The company",
        ),
        # "<Name> of the <Body> said ... he": the pronoun is the named person, not an earlier firm
        (
            "Harbor Freight Lines said it would pay $25,000 to each family.\n\n"
            "Ivo Marsh of the Dockworkers' Guild said Friday that 21 complaints had been filed, "
            "up from the 14 he cited on Monday.",
            14,
            "Ivo Marsh of the Dockworkers' Guild",
        ),
        # "<Name>, <description>, told <Outlet> that she ...": the name speaks, the outlet hears
        (
            "Dr. Lena Fors said 300 patients had called.\n\n"
            "Mia Stone, an analyst at Crane Partners, told The Market Desk on Thursday that she expected "
            "costs of $260 million.",
            260e6,
            "Mia Stone",
        ),
    ],
)
def test_carry_over_keeps_the_sentence_s_own_speaker(text: str, value: float, speaker: str) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # a conversion in brackets repeats the amount before it
        ("The council said it would spend 12 million euros ($13.1 million) on roads.", {12e6}),
        ("The fund said it paid €40m (£34m) and 300 pounds (about $380) to each family.", {40e6, 300}),
        ("The union said 400 workers ($2 million a year in wages) were affected.", {400, 2e6}),
        # an emphatic "not one" counts nothing
        (
            '"Not one house, not a single street will be forgotten," the mayor said of the 40 homes lost.',
            {40},
        ),
        # a local phone number is no range
        ("The council said 30 homes were flooded. Council helpline: 555-2030.", {30}),
        ("The council said between 100-1000 people were affected.", {1000}),
        ("For help, call 911-2030. The council said 30 homes were flooded.", {30}),
        # a range at the end of a clause, or after "number"/"line", is no phone number
        ("Police estimated the crowd at 800-1000.", {1000}),
        ("Estimates of the number killed range from 200-1500.", set()),
        ("The number of homes lost was put at 300-1200, the council said.", {1200}),
        # an act declared in the speaker's aside is no claim of theirs
        (
            "The governor, who declared a state of emergency in three districts on Monday, said 40 roads "
            "were closed.",
            {40},
        ),
        ("The ministry declared 12 people dead.", {12}),
        # figures outside the act's own phrase keep the speaker
        ("The president declared a day of mourning for the 52 people killed.", {52}),
        ("The governor declared a state of emergency after the storm killed 40 people.", {40}),
        # sizes, depths, distances moved and speeds are no counts; an extent is
        ("Geologists said a crack 300 metres long had opened and 40 homes were cleared.", {40}),
        ("Geologists said the slide, some 400 metres wide, covered 40 homes.", {40}),
        # how far a front moved, winds, waves, depths and sea levels are measures people dispute
        ("The ministry said the army advanced 40 km in a week.", {40}),
        ("Forecasters said sustained winds of 150 mph would reach the coast.", {150}),
        ("Forecasters said waves up to 10 metres high were expected.", {10}),
        ("The institute said the quake struck 10 km deep.", {10}),
        ("Scientists said sea levels have risen by 20 centimetres.", {20}),
        ("Officials said the river rose 2 metres overnight.", {2}),
        ("The airline said passenger numbers fell by 2 m last year.", {2}),  # kept, no length
        ("Engineers said the crack had widened by 30 centimetres and 12 homes were cleared.", {12}),
        ("Investigators said the bus was traveling at 70 mph when 9 passengers were thrown out.", {9}),
        ("The coast guard said oil had fouled 35 miles of coast.", {35}),
        # "the official count" is a count, no official counts it
        ("A port officer said the bodies of four sailors were not yet in the official count.", {4}),
    ],
)
def test_figures_that_are_no_claims(text: str, attributed: set[float]) -> None:
    assert {c.value for c in _claims(text) if c.speaker} == attributed


@pytest.mark.parametrize(
    ("text", "value", "when"),
    [
        # a bracketed conversion between the figure and the verb's date is not read
        (
            "The ministry estimated the damage at 3.1 billion rupees ($37 million) on Friday, "
            "up from 2.4 billion rupees a day earlier.",
            3.1e9,
            date(2024, 3, 8),
        ),
        # "up from N <unit> a day earlier": the figure given the day before
        (
            "The ministry estimated the damage at 3.1 billion rupees ($37 million) on Friday, "
            "up from 2.4 billion rupees a day earlier.",
            2.4e9,
            date(2024, 3, 7),
        ),
        (
            "The agency put the toll at 50 on Friday, up from 41 deaths two days earlier.",
            41,
            date(2024, 3, 6),
        ),
        # the speaker's relative aside with a date of its own: that date for the aside's figure
        (
            "The agency, which on Saturday had put the number of evacuees at 9,000, said 14 were missing.",
            9000,
            date(2024, 3, 9),
        ),
        (
            "The agency, which on Saturday had put the number of evacuees at 9,000, said 14 were missing.",
            14,
            None,
        ),
    ],
)
def test_dates_of_conversions_earlier_figures_and_relative_asides(
    text: str, value: float, when: date | None
) -> None:
    assert _by_value(_claims(text))[value].asserted_on == when


_TURNS = (
    "Briefing transcript\n\nMINISTER LIND: Good morning. {before} We said 2,350 homes were lost. "
    "The correct figure as of this morning is 3,105.\n\nQUESTION: How many are missing?\n\n"
    "MINISTER LIND: Nine."
)


@pytest.mark.parametrize(
    ("before", "value", "when"),
    [
        # a turn that recalls a figure given on an earlier day: that day
        ("I want to correct one figure I gave yesterday.", 2350, date(2024, 3, 11)),
        ("I want to correct a number we released on Sunday.", 2350, date(2024, 3, 10)),
        ("I want to correct one figure I gave yesterday.", 3105, date(2024, 3, 12)),
        # no earlier giving named: the briefing's own date
        ("The weather was bad yesterday.", 2350, date(2024, 3, 12)),
    ],
)
def test_a_turn_recalls_an_earlier_figure(before: str, value: float, when: date) -> None:
    text = _TURNS.format(before=before)
    assert _by_value(_claims(text, published=date(2024, 3, 12)))[value].asserted_on == when


@pytest.mark.parametrize(
    ("text", "value", "when"),
    [
        # the day and "I said" in one sentence
        (
            "Briefing transcript\n\nMINISTER LIND: Good morning. Yesterday I said 2,350 homes were lost. "
            "It is now 3,105.\n\nQUESTION: How many are missing?\n\nMINISTER LIND: Nine.",
            2350,
            date(2024, 3, 11),
        ),
        # a deadline is no day a figure was given on
        (
            "Briefing transcript\n\nMINISTER LIND: Good morning. We said we would have news by Monday. "
            "We said 2,350 homes were lost.\n\nQUESTION: How many are missing?\n\nMINISTER LIND: Nine.",
            2350,
            date(2024, 3, 12),
        ),
        (
            "Press briefing\n\nCHIEF ODA: Until Sunday we reported 400 homes lost. Today it is 520.\n\n"
            "QUESTION: And the roads?\n\nCHIEF ODA: Twelve are shut.",
            400,
            date(2024, 3, 12),
        ),
    ],
)
def test_a_document_recalls_the_day_it_gave_a_figure(text: str, value: float, when: date) -> None:
    assert _by_value(_claims(text, published=date(2024, 3, 12)))[value].asserted_on == when


@pytest.mark.parametrize(
    ("text", "value", "speaker", "when"),
    [
        # a closing speaker reports the adjusted estimate; the adjustment's day is the statement's, not the
        # old value's ("from 4,800 last week"); a participle after the closing speaker is that speaker's
        (
            "The city on Friday raised its estimate of homes damaged by the storm to 6,200, from 4,800 last "
            "week, city engineer Ana Ruiz said, adding that 1,120 families would get grants.",
            6200,
            "city engineer Ana Ruiz",
            FRIDAY,
        ),
        (
            "The city on Friday raised its estimate of homes damaged by the storm to 6,200, from 4,800 last "
            "week, city engineer Ana Ruiz said, adding that 1,120 families would get grants.",
            4800,
            "city engineer Ana Ruiz",
            None,
        ),
        (
            "The city on Friday raised its estimate of homes damaged by the storm to 6,200, from 4,800 last "
            "week, city engineer Ana Ruiz said, adding that 1,120 families would get grants.",
            1120,
            "city engineer Ana Ruiz",
            FRIDAY,
        ),
        ("The agency revised the toll to 87, officials said.", 87, "officials", None),
        # no closing speaker: the adjusting verb's subject; another source after "but" keeps its own date
        (
            "The ministry on Friday raised the toll to 40, but a charity said 60 people died.",
            40,
            "The ministry",
            FRIDAY,
        ),
        (
            "The ministry on Friday raised the toll to 40, but a charity said 60 people died.",
            60,
            "a charity",
            None,
        ),
        # a participle after an "as X had alleged" aside is the subject's, not the aside's
        (
            "The firm denied storing more than 400 tons, as the group Clean Air had alleged, saying its "
            "permit capped storage at 250 tons.",
            250,
            "The firm",
            None,
        ),
        # "and said" after the adjusting verb stays the subject's
        ("The agency raised the toll to 87 and said 20 were missing.", 20, "The agency", None),
    ],
)
def test_a_closing_speaker_reports_an_adjusted_estimate(
    text: str, value: float, speaker: str, when: date | None
) -> None:
    got = _by_value(_claims(text))[value]
    assert (got.speaker, got.asserted_on) == (speaker, when)


@pytest.mark.parametrize(
    ("text", "value", "speaker"),
    [
        # a quotation that runs on over a paragraph break (no closing mark, an opening one next) is the
        # speaker's whom the next paragraph names where it closes; a verb inside it is the speaker's word
        (
            'The union said 40 members were hurt.\n\n"The guards had been warning for years that the jail was '
            'full. There were 1,960 inmates in a jail built for 1,100.\n\n"Nobody listened," said Ana Ruiz, '
            "the head of a rights group.",
            1960,
            "Ana Ruiz",
        ),
        (
            'The ward was full.\n\n"We have been short of beds all winter. Some 300 patients waited on trolleys last week.\n\n'
            '"It cannot go on," the hospital\'s chief nurse, Omar Bell, said.',
            300,
            "Omar Bell",
        ),
        # a quotation closed in its own paragraph names nobody ahead
        (
            '"There were 1,960 inmates in a jail built for 1,100." The report ended.\n\n"No," said Ana Ruiz.',
            1960,
            None,
        ),
    ],
)
def test_a_quotation_over_paragraphs_is_named_where_it_closes(
    text: str, value: float, speaker: str | None
) -> None:
    assert _by_value(_claims(text))[value].speaker == speaker


@pytest.mark.parametrize(
    ("text", "per"),
    [
        # "weekly"/"daily" after "at/for a ..." names a publication: a bio's years there are no rate (and no claim)
        ("Omar Bell said 40 homes flooded. He joined in 2021 after nine years at a business weekly.", None),
        ("Officials said 40 trucks crossed the border weekly.", "week"),
        ("Officials said 40 trucks crossed to the camp daily.", "day"),
    ],
)
def test_a_publication_is_no_rate_in_a_clause(text: str, per: str | None) -> None:
    got = _by_value(_claims(text))
    assert 9 not in got
    assert got[40].per == per


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "N times" after a verb of change is a multiplier, no count
        ("The board said bookings were up three times on last year and 40 flights were full.", [40]),
        ("Officials said exports rose 3 times in a year.", []),
        ("Analysts said prices fell by almost two times, to 40 dollars.", [40]),
        # how often something happened stays a count
        ("Police said he was fined three times in two years.", [3]),
    ],
)
def test_a_multiplier_after_a_change_is_no_count(text: str, kept: list[float]) -> None:
    assert [c.value for c in _claims(text)] == kept


def test_a_turn_s_first_person_subject_speaks_on_the_briefing_s_date() -> None:
    text = (
        "Briefing transcript\n\nMINISTER LIND: Good morning. Our engineers now put the damage at R60 million. "
        "The army put it at R80 million.\n\nQUESTION: How many are missing?\n\nMINISTER LIND: Nine."
    )
    got = _by_value(_claims(text, published=date(2024, 3, 12)))
    assert got[60e6].asserted_on == date(2024, 3, 12)
    assert got[80e6].asserted_on is None  # another body's estimate, at no date the turn gives


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # the date of a count's own "published/released on" aside is the count's
        ("The utility's own count, published on its website on Friday morning, was 41,800.", FRIDAY),
        ("The union's own tally, released on Thursday, was 41,800.", THURSDAY),
        ("The utility's own count, which grew all week, was 41,800.", None),
    ],
)
def test_a_count_is_dated_by_its_publication_aside(text: str, when: date | None) -> None:
    assert _by_value(_claims(text))[41800].asserted_on == when


@pytest.mark.parametrize(
    ("text", "value", "asserted_on"),
    [
        # one speaker named another way later in the page: a description of its own words ...
        (
            "The Harbour Safety Directorate said on Thursday that 14 boats sank. The directorate said 9 crew were missing.",
            9,
            THURSDAY,
        ),
        # ... its initials ...
        (
            "Kessel Port Holdings (KPH) said on Thursday that 380 containers were stuck. "
            "KPH, which runs the terminal, said the figure included 42 refrigerated boxes.",
            42,
            THURSDAY,
        ),
        # ... or a possessive form of its name, and a pronoun after any of these
        (
            "Norvia's space agency said on Thursday that 23 pieces had been found. "
            "The Norvia Space Agency put the number of villages hit at 11. It added that 2 were fuel tanks.",
            2,
            THURSDAY,
        ),
        # a later statement under another name with no date of its own is the latest: it dates no carry
        (
            "The Harbour Safety Directorate said on Thursday that 14 boats sank. "
            "The directorate has since said that more were lost. The directorate said 9 crew were missing.",
            9,
            None,
        ),
        # another body that shares a word is no other name: "the finance ministry" is not the health one
        (
            "The Ministry of Health said on Thursday that 31 clinics had closed. The finance ministry said 12 banks had shut.",
            12,
            None,
        ),
    ],
)  # fmt: skip
def test_a_speaker_named_another_way_shares_its_statement_s_date(
    text: str, value: float, asserted_on: date | None
) -> None:
    assert _by_value(_claims(text, published=FRIDAY))[value].asserted_on == asserted_on
