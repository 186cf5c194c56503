"""Attribution cues: who says it, on sentences of our own (EXTRACTION.md, "Who says it")."""

from __future__ import annotations

import re

import pytest

from analyzer.extract.attribution import choose, figure_asides, find_attributions, sentence_actor


def _speaker_of(sentence: str, figure: str) -> tuple[str | None, tuple[str, ...]]:
    atts = find_attributions(sentence)
    start = sentence.index(figure)
    end = start + len(figure)
    others = []
    choice = choose(atts, start, end, others, sentence)
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


def test_a_body_that_recorded_stays_a_cue_beside_a_source() -> None:
    atts = find_attributions("The ministry recorded 40 cases, according to the WHO.")
    assert [a.mention for a in atts] == ["The ministry", "the WHO"]


def test_show_in_the_base_form_needs_that() -> None:
    assert find_attributions("The TV show drew 40,000 viewers.") == []
    assert find_attributions("The returns show 188 deaths.") == []


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # a verb that reports only with an actor: no actor, no cue
        ("Of 3,762 voters, 2,398 cast a ballot, which gives a turnout of 63.7 per cent.", []),
        ("The agency gives a figure of 40.", [("The agency", False)]),
        # "its results showed": the body the pronoun stands for
        ("With 99.6% counted, its preliminary results showed 68 seats for the party.", [("its", True)]),
    ],
)
def test_weak_verbs_need_an_actor(sentence: str, cues: list[tuple[str, bool]]) -> None:
    assert [(a.mention, a.is_pronoun) for a in find_attributions(sentence)] == cues


def test_nouns_that_look_like_verbs() -> None:
    s = "The reports of 300 missing alarmed the council."
    assert find_attributions(s) == []


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # a possessive pronoun and modifiers before a noun-like cue: a noun, not a verb
        ("The bank revised its growth forecast to 1.2%, Governor Ilse Brandt said.", ["revised", "said"]),
        ("The union doubled their latest count to 400.", []),
        ("Her own estimate was 40.", []),
        # after "a" and modifiers, a bare form is a noun: the denial's object, not a second speaker
        ("The firm denied a Radio Tarvia report that 2,000 jobs would go.", ["denied"]),
        ("The operator denied a union claim that 1,100 posts were cut.", ["denied"]),
        # a passive with an irregular participle: "had been told" reports nothing of its subject
        ("A nurse said 300 patients had been told on Monday to go home.", ["said"]),
        # an adverb inside the passive: "were never counted" reports nothing of its subject either
        ("The union says 3,000 workers who quit were never counted in the survey.", ["says"]),
        ("The board said 40 claims were not reported to the insurer.", ["said"]),
        # the same words as verbs
        ("A union claims 400 members quit.", ["claims"]),
        ("The ministry forecast 3% growth.", ["forecast"]),
        ("Analysts estimate the cost at $4 billion.", ["estimate"]),
    ],
)
def test_noun_uses_after_a_possessor(sentence: str, cues: list[str]) -> None:
    assert [a.cue for a in find_attributions(sentence)] == cues


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a restrictive relative clause between the subject and the verb
        ("An officer who was not authorised to speak said 30 cells were full.", "30", "An officer"),
        ("Residents who fled the district told reporters that 18 houses burned.", "18", "Residents"),
        # a prepositional phrase after the subject: where it is is not part of who it is, what it belongs to is
        ("A nurse in the northern ward said 45 beds were empty.", "45", "A nurse"),
        (
            "A nurse in the northern ward, speaking on condition of anonymity, said 45 beds were empty.",
            "45",
            "A nurse",
        ),
        (
            "Engineers at the city water board said 12 pumps had failed.",
            "12",
            "Engineers at the city water board",
        ),
        # an appositive name after a description: the name
        ("A spokeswoman for the port, Ida Holm, said 8 cranes were damaged.", "8", "Ida Holm"),
        ("A lawmaker from the Green bloc, Tomas Rehn, claimed the plan cut 90 jobs.", "90", "Tomas Rehn"),
        ("The chief engineer for Dorval, Ana Pires, said 16 bridges were unsafe.", "16", "Ana Pires"),
        # a comma before the verb that closes an aside is no inversion
        (
            "Mayor Ana Ruiz, who opened the bridge on Friday, said the extra 40 buses would run daily.",
            "40",
            "Mayor Ana Ruiz",
        ),
        # the author of a poll, not the paper it was made for
        (
            "A survey by the Harbour Institute for the Daily Star, conducted last month, found that 44% agreed.",
            "44%",
            "the Harbour Institute",
        ),
        # a participle or a coordinated verb takes the subject of the main clause, after a dateline too
        (
            "PORTSEA, May 2 (Reuters) - Nine ships sank, the coastguard said, adding that 31 sailors were missing.",
            "31",
            "the coastguard",
        ),
        ("The agency put the loss at 40 tonnes and said 12 boats were damaged.", "12", "The agency"),
        (
            "KALVO, June 12 (AFP) - A ferry sank off Kalvo on Thursday, the coastguard said, adding that 143 were saved.",
            "143",
            "the coastguard",
        ),
        # a reporting form used as a noun, before a copula
        (
            "The bank said the deficit would reach 4% because the ministry's revenue forecast was too high.",
            "4%",
            "The bank",
        ),
        # an acronym is a name, even when it spells a function word
        ("Polio cases top 300, WHO says", "300", "WHO"),
        # a description headed by "head of", with the name in apposition
        (
            "The head of the city's water board, Dr. Maria Costa, warned that 300,000 homes could lose water.",
            "300,000",
            "Dr. Maria Costa",
        ),
        # the author named in an information noun's by-phrase, with what it belongs to
        (
            "A study by researchers at Kessel University, published on Monday, estimated the losses at €3 billion.",
            "€3 billion",
            "researchers at Kessel University",
        ),
        # an age between a name and its description
        ('"We lost it all," said Joao Vidal, 61, a fisherman, who said 40 boats sank.', "40", "Joao Vidal"),
        # a first name spelt like a month
        (
            "Opposition leader Jan Novak, who wants an inquiry, said 150 were missing.",
            "150",
            "Opposition leader Jan Novak",
        ),
        # a possessive count with a modifier: the possessor
        ("The health ministry's latest tally showed 2,310 cases.", "2,310", "The health ministry"),
        # a weak verb that tells what happened, under a closing attribution
        ("Rescuers found two more bodies on Friday, the fire brigade said.", "two", "the fire brigade"),
        ("Police counted 27,000 marchers; the unions claimed 110,000.", "27,000", "Police"),
        # "and said" after a subject whose verb reports nothing: the verb is not part of the subject
        (
            "The central bank kept its rate at 4.5% and said inflation would fall to 2.1%.",
            "2.1%",
            "The central bank",
        ),
        # "according to a statement from X"
        (
            "According to a statement from the prime minister's office, 12 ministers will attend.",
            "12",
            "the prime minister's office",
        ),
        ("A measure that critics say will cost 5,000 jobs passed.", "5,000", "critics"),
        # an indefinite description of any noun before a full name in apposition
        (
            "A local priest, Father Miguel Soto, said at least 60 families were homeless.",
            "60",
            "Father Miguel Soto",
        ),
        # a reduced passive after the subject: "polled by" names the pollster, not the speaker
        ("Economists polled by the agency expected a contraction of 1.8%.", "1.8%", "Economists"),
        # after a name, a lower-case word joins the phrase only on the way to an agent noun
        (
            "The tally compiled by the Associated Press shows at least 71 deaths.",
            "71",
            "the Associated Press",
        ),
        ("According to the UN refugee agency, 40,000 people fled.", "40,000", "the UN refugee agency"),
        # a title with its portfolio or a role noun, then the full name in apposition: the name speaks
        (
            "Seyland's Minister for Coastal Affairs, Odile Marchetti, told reporters that 2.3 million had left.",
            "2.3 million",
            "Odile Marchetti",
        ),
        (
            "The union's branch chair, Ilse Brandauer, said yesterday that 420 staff had left.",
            "420",
            "Ilse Brandauer",
        ),
        (
            '"It was 40 at least," said the port authority\'s chief engineer, Amit Sahota.',
            "40",
            "Amit Sahota",
        ),
        ("40 ships waited, said the harbour's spokeswoman, Lena Varga, on Monday.", "40", "Lena Varga"),
        # no full name after the comma: the description speaks
        ("40 ships waited, said the ministry, which runs the port.", "40", "the ministry"),
        # a body's figures or data show what it asserts
        ("The agency's figures show that the appeal was 9 percent funded.", "9 percent", "The agency"),
        ("The union's data suggest 3,100 jobs were cut.", "3,100", "The union"),
        # records are what a speaker cites, not a statement of their keeper
        (
            "An official said the company's own records showed only 58 workers on the shift.",
            "58",
            "An official",
        ),
        # a name with an acronym and a long apposition before its verb; a capitalised information noun
        (
            "The Institute for Population Statistics (IPS), a research body funded by grants, said 1,940 died.",
            "1,940",
            "The Institute for Population Statistics",
        ),
        (
            "The Office for National Statistics said 40 homes were empty.",
            "40",
            "The Office for National Statistics",
        ),
        # a place that recorded what a named source counted is no speaker
        (
            "According to figures compiled by the institute, the province of Varano recorded 402 deaths.",
            "402",
            "the institute",
        ),
        # a headline's "X Says" before its figure; a capitalised "Figures" in a headline is no count
        ("Tarvo Floods: UN Says 4.6 Million In Need As Government Disputes Figures", "4.6 Million", "UN"),
        # an appeal for a sum: the appealer's figure
        (
            "The United Nations on Tuesday appealed for $1.2 billion in aid.",
            "$1.2 billion",
            "The United Nations",
        ),
        ("The lawyers appealed the 12-year sentence of 40 men.", "40", None),
        # a description aside before a relative-clause aside: the name before both
        (
            "Gov. Ana Ruiz, a Democrat, who toured the site on Monday, told reporters the state would seek $25 million.",
            "$25 million",
            "Gov. Ana Ruiz",
        ),
        ("In Tarvo, Jan Vell, the port's spokesman, said on Monday that 40 ships waited.", "40", "Jan Vell"),
        # "show that" after information from a body: the body; a qualifier inside "put ... at"
        (
            "Figures from the Sports Grounds Authority show that 61 per cent of grounds failed.",
            "61 per cent",
            "the Sports Grounds Authority",
        ),
        (
            'The Bloc, which had put turnout at "closer to 55%" on Monday, said it would appeal.',
            "55%",
            "The Bloc",
        ),
        # people joined to the story speak: families, relatives, passengers
        ("Families of the victims said 8 people were still missing.", "8", "Families of the victims"),
        ("Passengers told reporters that 40 cars were stuck on the bridge.", "40", "Passengers"),
        # "admitted to reporters" is a statement; "a" after a preposition opens its object, not a noun cue
        ("The mayor admitted to reporters that 30 homes were lost.", "30", "The mayor"),
        (
            "Analysts at a Geneva institute estimate 40,000 people fled.",
            "40,000",
            "Analysts at a Geneva institute",
        ),
        # an admission to hospital is no admission of a fact
        ("A doctor said 40% of the patients admitted in the past week were children.", "40%", "A doctor"),
        # after a semicolon, a participle shares its own clause's subject
        (
            "Senator Ana Ruiz put the backlog at $1.9 billion; the governor's office disputed that figure, "
            "saying it was closer to $1.2 billion.",
            "$1.2 billion",
            "the governor's office",
        ),
        # a definite description with a run of lower-case modifiers
        (
            "At least 58 have died, the provincial disaster management agency said.",
            "58",
            "the provincial disaster management agency",
        ),
        # a by-phrase ends before the verb it is the subject of
        (
            "Readings published by the environment agency show levels of 0.4 parts per million.",
            "0.4",
            "the environment agency",
        ),
        # small words inside a name in title case
        ("Doctors Without Borders said 45 patients were treated.", "45", "Doctors Without Borders"),
        ("Teachers Against Cuts said 4,000 marched.", "4,000", "Teachers Against Cuts"),
        ("Friends of the Earth said 12 beaches were closed.", "12", "Friends of the Earth"),
        ("The Ministry of the Interior said 45 people were held.", "45", "The Ministry of the Interior"),
        # not across a preposition in lower case, nor "for the": "a poll for the Post" is not the pollster's name
        ("A spokesman for the Red Cross said 4 died.", "4", "A spokesman for the Red Cross"),
        ("A poll by the Nordvik Institute for the Post found 41% support.", "41%", "the Nordvik Institute"),
    ],
)
def test_speaker_phrases(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        (
            "Lena Vos, an engineer, who said she had counted 19 cracks, left early.",
            [("Lena Vos", "said"), ("she", "counted")],
        ),
        # "reported on" a topic is a reporter's beat, and "She has ..." tells what she has, not what she says
        ("She has reported on 12 elections for the paper.", []),
        ("They now number about 3,000.", [("They", "now")]),
        ("She later put it at $55 million.", [("She", "put")]),
        ("He reported on 12 March that 12 wells were dry.", [("He", "reported")]),
        ("He reported on Monday that 12 wells were dry.", [("He", "reported")]),
    ],
)
def test_cues(sentence: str, cues: list[tuple[str, str]]) -> None:
    assert [(a.mention, a.cue) for a in find_attributions(sentence)] == cues


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Transport Minister Ada Kern visited the flooded depot on Monday.", "Transport Minister Ada Kern"),
        ("Labour Minister Ivo Brandt did not attend the session.", "Labour Minister Ivo Brandt"),
        ("On Tuesday, Colonel Dana Mirov declined to comment.", "Colonel Dana Mirov"),
        ("The Harbour Board declined to comment.", "The Harbour Board"),
        ("Jana Weiss is the paper's science editor.", None),
        ("Hundreds of families spent the night outside.", None),
        ("Rescue teams worked through the night.", None),
    ],
)
def test_sentence_actor(sentence: str, actor: str | None) -> None:
    assert sentence_actor(sentence) == actor


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        # "put the toll at" with the figure in quotes, or with a bare noun as the object
        (
            'Farmers had earlier put the loss at "at least 300" cattle, the radio reported.',
            "300",
            "Farmers",
            ("the radio",),
        ),
        ("The watchdog put losses at 40 tonnes.", "40", "The watchdog", ()),
        # ... and a currency written before the digits ("Rs", the rand's "R", "A$"); a headline's present tense
        ("Growers put loss at Rs 310 crore", "Rs 310 crore", "Growers", ()),
        ("Our engineers now put it at R60 million.", "R60 million", "Our engineers", ()),
        ("Analysts put the bill at A$2.4 billion.", "A$2.4 billion", "Analysts", ()),
        # the passive's agent after the hearers: "given to reporters by"
        ("The toll of 70 was given to reporters by a union lawyer.", "70", "a union lawyer", ()),
        # "according to" an information noun: its author, or no one
        ("Some 70 people were held, according to a report by the bar council.", "70", "the bar council", ()),
        ("Some 70 people were held, according to the latest figures.", "70", None, ()),
        (
            "Some 4,000 people fled, according to figures from the emergency agency.",
            "4,000",
            "the emergency agency",
            (),
        ),
        # the owner of the information, before a modifier in "-ing" that is part of its name
        (
            "According to the housing ministry's own data, 2,100 flats stood empty.",
            "2,100",
            "the housing ministry",
            (),
        ),
        # a verb of denial reports a figure it denies
        ("The ministry rejected claims that 5,000 flats were empty.", "5,000", "The ministry", ()),
        # a verb that reports only with an actor, inside a reported clause, is what happened, not who said it
        (
            "The ministry said 118 patients were in hospital and that medical teams had given 9,000 doses.",
            "9,000",
            "The ministry",
            (),
        ),
        # "X's own count stood at N": the possessor counted
        (
            "The port authority's own count stood at 2,910 containers on Monday.",
            "2,910",
            "The port authority",
            (),
        ),
        # an institution that is the subject of what an outlet reports is the source; the outlet is the channel
        (
            "The Courier reported that the transport ministry would order 60 new trains.",
            "60",
            "the transport ministry",
            ("The Courier",),
        ),
        # a cue after a figure claims it only when it closes the clause
        (
            "Parliament voted 212 to 80 to extend a decree that the opposition says is illegal.",
            "212",
            None,
            (),
        ),
        (
            "The Red Cross, which flew in 14 doctors last week, said the camps were full.",
            "14",
            None,
            (),
        ),
        # a cue in a relative aside speaks of that aside only
        (
            "The toll, which officials put at three on Sunday, rose to five on Monday.",
            "three",
            "officials",
            (),
        ),
        ("The toll, which officials put at three on Sunday, rose to five on Monday.", "five", None, ()),
        # an information noun with no actor before it names no one
        (
            "A study published on Friday by the Marsh Institute found that 61% of farms were hit.",
            "61%",
            "the Marsh Institute",
            (),
        ),
    ],
)
def test_speaker_and_via(sentence: str, figure: str, speaker: str | None, via: tuple[str, ...]) -> None:
    assert _speaker_of(sentence, figure) == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "asides"),
    [
        ("Rebels said 40 died, a figure the army denied.", [("the army", "denies")]),
        ("The mayor said 40 died, a number the police later confirmed.", [("the police", "confirms")]),
        (
            "Some 300 were held, a figure given to reporters by a union lawyer.",
            [("a union lawyer", "asserts")],
        ),
        (
            "Critics say it costs €5m, a figure first given by the audit office.",
            [("the audit office", "asserts")],
        ),
        # a negated verb takes no stance; a verb of no stance takes none either
        ("Residents said 40 died, a figure the army would not confirm.", []),
        ("The unions claim 2 million, a figure the ministry has not given.", []),
        ("Rebels said 40 died, a figure the army has since revised.", []),
        ("Rebels said 40 died, the army said.", []),
    ],
)
def test_figure_asides(sentence: str, asides: list[tuple[str, str]]) -> None:
    found = figure_asides(sentence, find_attributions(sentence))
    assert [(a.attribution.mention, a.stance) for a in found] == asides


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "on <Place>" locates the speaker, as "in <place>" does; "on the board" is what it belongs to
        ("A nurse on Kelvara who asked not to be named said 73 patients were moved.", "73", "A nurse"),
        ("A resident on Little Orn said 12 boats were lost.", "12", "A resident"),
        ("A doctor on the ward said 12 beds were free.", "12", "A doctor on the ward"),
    ],
)
def test_speaker_phrases_round2(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # the author of the document named by the by-phrase of an authoring participle
        (
            "The train carried 340 people, according to a passenger list released by the rail operator.",
            "340",
            "the rail operator",
        ),
        (
            "According to records compiled by the health board, 57 clinics closed.",
            "57",
            "the health board",
        ),
        ("According to a report by the auditors, 12 contracts were void.", "12", "the auditors"),
    ],
)
def test_authored_documents(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "seen/obtained by" names who read the document: its owner before the information noun speaks
        (
            "Transport ministry figures seen by the Courier put delays at 4,300.",
            "4,300",
            "Transport ministry",
        ),
        ("Police statistics obtained by the Ledger put thefts at 82.", "82", "Police"),
        # an authoring participle keeps its agent
        ("The tally compiled by the Ledger shows 82 thefts.", "82", "the Ledger"),
    ],
)
def test_documents_read_by_others(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "put <bare noun phrase> <time or place phrase> at N"
        ("Customs data put grain exports since March at 4.2 million.", "4.2 million", "Customs"),
        ("The union puts job losses in Tarvo at 1,200.", "1,200", "The union"),
        ("The agency put road deaths this year at 610.", "610", "The agency"),
    ],
)
def test_put_at_with_a_modifier(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a surname particle inside an appositive name
        (
            "The charity's director of logistics, Pieter van Dam, has told the Ledger that 70 boats sank.",
            "70",
            "Pieter van Dam",
        ),
        # the hearer of "told X that" is not the subject of the reported clause
        ("Ines Walde told Radio North that the board now expects 300 layoffs.", "300", "Ines Walde"),
        ("The mayor has told the Courier that the council now plans 45 new schools.", "45", "The mayor"),
        # a description whose makers are named in a by-phrase, then the body's name
        (
            "A group set up by the growers, the Valley Orchard Alliance, said 600 farms were flooded.",
            "600",
            "the Valley Orchard Alliance",
        ),
        (
            "An association formed by the widows, the Harbour Families Union, said 31 boats never returned.",
            "31",
            "the Harbour Families Union",
        ),
    ],
)
def test_appositives_and_hearers(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a relative clause may have a speech verb of its own before the main one
        (
            "A senior engineer who spoke on condition of anonymity said the firm's own logs showed 58 pumps.",
            "58",
            "A senior engineer",
        ),
        ("A doctor who spoke to reporters said 40 beds were free.", "40", "A doctor"),
    ],
)
def test_relative_clause_with_a_speech_verb(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


def _all_speakers(sentence: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    atts = find_attributions(sentence)
    figures = list(re.finditer(r"\d[\d,]*", sentence))
    spans = [m.span() for m in figures]
    out = {}
    for m in figures:
        choice = choose(atts, m.start(), m.end(), [s for s in spans if s != m.span()], sentence)
        out[m.group()] = (choice.attribution.mention if choice.attribution else None, choice.via)
    return out


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        # the institution an outlet reports on speaks, even after a time phrase before "that"
        (
            "Reuters reported on Friday that the navy had counted 140 people in the bay.",
            "140",
            "the navy",
            ("Reuters",),
        ),
        (
            "AFP reported late on Monday that the ministry had registered 35 new permits.",
            "35",
            "the ministry",
            ("AFP",),
        ),
        # a second source after ", while/whereas/but" does not reach back to the first figure
        (
            "Reuters reported on Friday that the navy had found 140 people, while Sea Aid put the number at 200.",
            "140",
            "the navy",
            ("Reuters",),
        ),
        (
            "Some 80 ships docked, whereas the union put the number at 95.",
            "80",
            None,
            (),
        ),
        (
            "The port counted 80 ships, whereas the union put the number at 95.",
            "80",
            "The port",
            (),
        ),
    ],
)
def test_reported_institutions_and_contrasts(
    sentence: str, figure: str, speaker: str | None, via: tuple[str, ...]
) -> None:
    assert _all_speakers(sentence)[figure] == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        # a closing verb with a clause of its own reports that clause, not the figure before it
        ("Storm cuts power to 9,000 homes, utility says repairs will take days", "9,000", None, ()),
        ("About 300 people marched on Sunday, police said the crowd was calm.", "300", None, ()),
        # a closing verb with a time, place or manner phrase, or a hearer, still reaches back
        ("About 300 people marched, police said on Sunday.", "300", "police", ()),
        ("About 300 people marched, police said in a statement.", "300", "police", ()),
        ("About 300 people marched, the mayor told reporters.", "300", "the mayor", ()),
    ],
)
def test_closing_verbs_with_their_own_clause(
    sentence: str, figure: str, speaker: str | None, via: tuple[str, ...]
) -> None:
    assert _all_speakers(sentence)[figure] == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a name right after the verb with a quote opening after it is what was said of it, not an inversion
        (
            'Mayor Ana Kell, speaking on the radio, said Dorval "will rebuild" and that 40 homes would be repaired.',
            "40",
            "Mayor Ana Kell",
        ),
        ('"We saved 40 homes," said Ana Kell.', "40", "Ana Kell"),
    ],
)
def test_no_inversion_before_a_quote(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "and said" takes the subject of its own clause, the nearest reporting subject before it
        (
            "The navy rescued 140 people, the force said, but a local charity put the number at 200 "
            "and said at least 30 people were missing.",
            "30",
            "a local charity",
        ),
        ("The ministry denied the report and said 12 schools were open.", "12", "The ministry"),
        # a weak verb's subject inside the reported clause is not that subject
        (
            "The ministry said rescuers found 40 bodies and said 12 people were still missing.",
            "12",
            "The ministry",
        ),
    ],
)
def test_coordinated_verb_subject(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # a place's record over years is the reporter's background
        ("Tarvia has recorded at least 12 deadly floods since 2009, the worst in 2014.", []),
        ("Norland has seen 30 mine disasters since 1990.", []),
        # a body's count, a span from a month, or a statement stay cues
        ("The ministry has recorded 40 cases since 2020.", ["The ministry"]),
        ("Tarvia has recorded 40 cases since January.", ["Tarvia"]),
        ("Tarvia said 12 floods hit the coast since 2009.", ["Tarvia"]),
    ],
)
def test_narrated_records(sentence: str, speakers: list[str]) -> None:
    assert [a.mention for a in find_attributions(sentence)] == speakers


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # any number word starts the figure of "put ... at": the words come from the number tables
        ("The agency put the toll at fifteen on Monday.", "fifteen", "The agency"),
        ("The agency put the toll at sixteen on Monday.", "sixteen", "The agency"),
        ("The agency put the toll at thirteen on Monday.", "thirteen", "The agency"),
        ("The charity put the number of dead at one.", "one", "The charity"),
        ("The bank put the losses at a million euros.", "a million", "The bank"),
        ("The ministry put the crowd at hundreds.", "hundreds", "The ministry"),
        # raise/lower/revise/update report a figure only when they change a toll, a count, an estimate
        ("The agency raised the death toll to 40 on Monday.", "40", "The agency"),
        ("The fund revised its estimate of the losses to 1.2 billion.", "1.2 billion", "The fund"),
        ("The bank raised interest rates to 5 percent, officials said.", "5", "officials"),
        ("The city lowered the speed limit to 30 km/h, the mayor said.", "30", "the mayor"),
        ("The airline raised fares to 90 euros.", "90", None),
    ],
)
def test_put_at_number_words_and_adjusting_verbs(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # reject/dismiss/dispute deny only a claim ("that ...", "the reports", "the figures")
        ("Parliament rejected 12 amendments on Tuesday.", "12", None),
        ("The court dismissed 40 cases last year.", "40", None),
        ("The union disputed 300 dismissals.", "300", None),
        ("Voters rejected the plan by 52 to 48 percent.", "52", None),
        ("The board rejected 14 bids, the company said.", "14", "the company"),
        ("The ministry rejected reports that 300 had died.", "300", "The ministry"),
        ("The army dismissed the claims of 1,000 deserters.", "1,000", "The army"),
        ("The council disputed the figures of 80 evictions.", "80", "The council"),
        ("The police rejected as false reports that 45 were held.", "45", "The police"),
    ],
)
def test_denial_verbs_need_a_claim(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        # an institution in what an outlet reports is the source only when it informs or announces an intention
        ("AP reported that the police arrested 120 protesters overnight.", "120", "AP", ()),
        ("Reuters reported that the army killed 40 militants.", "40", "Reuters", ()),
        ("The Courier reported that the army had shelled 12 villages.", "12", "The Courier", ()),
        (
            "Reuters reported that the port authority had counted 19 ships.",
            "19",
            "the port authority",
            ("Reuters",),
        ),
        (
            "Reuters reported that the defence ministry would buy 24 air-defence systems.",
            "24",
            "the defence ministry",
            ("Reuters",),
        ),
        ("AFP reported that the agency planned to hire 300 nurses.", "300", "the agency", ("AFP",)),
        (
            "The Post reported on Tuesday that the company expected charges of up to €750 million.",
            "€750 million",
            "the company",
            ("The Post",),
        ),
    ],
)
def test_reported_institution_informs(sentence: str, figure: str, speaker: str, via: tuple[str, ...]) -> None:
    assert _speaker_of(sentence, figure) == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # people by where they were: a guest, a visitor, a diner as the speaker after the verb
        ('"There were 30 of us on the floor," said guest Ewan Hale.', "30", "guest Ewan Hale"),
        ('"We waited 40 minutes for 12 buses," said commuter Ria Das.', "12", "commuter Ria Das"),
        ("Visitors told reporters that 200 people were queuing.", "200", "Visitors"),
        ('"At least 15 tables were sick," said diner Omar Feld, 52.', "15", "diner Omar Feld"),
    ],
)
def test_people_at_an_event_are_speakers(sentence: str, figure: str, speaker: str) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a headline's present tense and bare noun: "X raises estimate to N"
        ("Ferry sinking: coastguard raises death toll to 41 as search ends", "41", "coastguard"),
        ("Health ministry lowers case estimate to 1,200", "1,200", "Health ministry"),
        ("The institute revises its growth forecast to 1.4%", "1.4%", "The institute"),
        ("Central bank raises interest rates to 5%", "5%", None),  # an act, no estimate changed
        ("The union raises pay to 40 euros an hour.", "40", None),
    ],
)
def test_headline_raises_an_estimate(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "put ... at" with any bound before the figure, and a relative aside's own "put ... at"
        ("The insurer put the damage at below $40 million.", "$40 million", "The insurer"),
        ("The union puts the shortfall at as much as €60 million.", "€60 million", "The union"),
        ("Police put the crowd at up to 5,000.", "5,000", "Police"),
        ("The ministry put the cost at less than $2 billion.", "$2 billion", "The ministry"),
        (
            "Brenna Lines, which last week put the loss at under 300 tonnes, said on Friday it would pay.",
            "300",
            "Brenna Lines",
        ),
    ],
)
def test_put_at_with_a_bound(sentence: str, figure: str, speaker: str) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker", "via"),
    [
        # an unnamed source known by what it knows, cited by an outlet: the source speaks, through the outlet
        (
            "Freight Weekly reported, citing two people familiar with the claim, that insurers set aside $80 million.",
            "$80 million",
            "two people familiar with the claim",
            ("Freight Weekly",),
        ),
        (
            "The deal is worth $2 billion, according to people briefed on the talks.",
            "$2 billion",
            "people briefed on the talks",
            (),
        ),
        (
            "The club will pay €40 million, Sports Daily reported, citing sources close to the club.",
            "€40 million",
            "sources close to the club",
            ("Sports Daily",),
        ),
        ("Harbour Monthly reported that 12 ships were delayed.", "12", "Harbour Monthly", ()),
    ],
)
def test_cited_unnamed_sources(sentence: str, figure: str, speaker: str, via: tuple[str, ...]) -> None:
    assert _speaker_of(sentence, figure) == (speaker, via)


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # figures/data from a named source show: the source speaks
        (
            "Figures from the Northern Health Observatory show 41% of wards were full.",
            "41%",
            "the Northern Health Observatory",
        ),
        ("Data published by Eurostat showed that 12.4% of young workers were jobless.", "12.4%", "Eurostat"),
        ("Statistics from the Port of Lunder suggest 900 ships were delayed.", "900", "the Port of Lunder"),
        ("The figures from Monday show 40 schools closed.", "40", None),  # a day, no source
    ],
)
def test_data_from_a_named_source(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a headline's bare subject after a comma keeps its lower-case modifiers
        ("More than 9,000 evacuated, civil protection agency says", "9,000", "civil protection agency"),
        ("Death toll rises to 40, state news agency says", "40", "state news agency"),
        ("40 people died, local police said.", "40", "local police"),
        ("Rescuers found 40 bodies, police said.", "40", "police"),
        ("Storm kills 40, and police say more are missing", "40", None),
    ],
)
def test_headline_subject_keeps_its_modifiers(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "according to <a role>, <Name>,": the person named; the phrase goes on after "of"
        ("According to the director of the clinic, Dr. Ida Holm, 17 patients remain.", "17", "Dr. Ida Holm"),
        ("According to the head of the agency, Ana Ruiz, 40 staff left.", "40", "Ana Ruiz"),
        ("According to the director of the clinic, 17 patients remain.", "17", "the director of the clinic"),
        ("According to police, Anna Berg, 34, and 3 others died.", "3", "police"),
        ("According to the ministry, Tarvia and Lunder Port, 40 homes burned.", "40", "the ministry"),
    ],
)
def test_according_to_a_role_and_its_name(sentence: str, figure: str, speaker: str) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # "<adjective> media report that": the verb; "a media report that": a noun
        ("British media report that the firm was fined 4 times.", "4", "British media"),
        ("Local media report that 40 people died.", "40", "Local media"),
        ("Officials rejected media report that 40 people died.", "40", "Officials"),
    ],
)
def test_media_report_as_a_verb(sentence: str, figure: str, speaker: str) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "figure", "speaker"),
    [
        # a Title Case headline whose subject admits, confirms, warns ... the figure right after the verb
        ("Water Board Admits 1,240 Homes Were Never Connected", "1,240", "Water Board"),
        ("Port Authority Confirms 38 Containers Lost In Storm", "38", "Port Authority"),
        ("Charity Warns 2 Million Face Winter Without Heating", "2 Million", "Charity"),
        ("Regional Council Reveals $40m Hole In Budget", "$40m", "Regional Council"),
        # a verb that kills is no verb of saying; a verb far from the figure stays out
        ("Flash Flood Claims 12 Lives In Mountain Villages", "12", None),
        ("Fire Claims 3 Firefighters In Ostby", "3", None),
        ("Avalanche Claims 5 Skiers On Mont Blanc", "5", None),
        ("Ferry Disaster Claims 52 Passengers", "52", None),
        ("Board Admits Failures As 1,240 Homes Wait For Water", "1,240", None),
    ],
)
def test_headline_verbs_before_a_figure(sentence: str, figure: str, speaker: str | None) -> None:
    assert _speaker_of(sentence, figure)[0] == speaker
