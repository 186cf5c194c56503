"""Quantity keys: what a figure counts, where, per what; statements and user queries matched by meaning."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.corroborate.quantities import assign_quantities, fits, match_quantity, profile
from analyzer.corroborate.scope_words import figure_clause
from analyzer.models import Claim, Quantity
from tests.factories import claim, statement


def _claim(cid: str, value: float, item: str | None, sentence: str = "", **kw: Any) -> Claim:
    return claim(cid, value, item=item, sentence=sentence or (item or ""), **kw)


def _keys(claims: list[Claim]) -> dict[str, str]:
    keyed, _, _ = assign_quantities(claims, [])
    return {c.claim_id: c.quantity_key for c in keyed}


# The troop story, in sentences of our own with the items an extractor takes from them.
TROOPS = [
    _claim(
        "z",
        10000,
        "soldiers to back the Russian offensive",
        "Kyiv's president said North Korea was readying 10,000 soldiers to back the Russian offensive.",
    ),
    _claim(
        "n1",
        1500,
        "North Korean special forces sent to Russia",
        "Seoul's spy agency said about 1,500 North Korean special forces were sent to Russia.",
    ),
    _claim(
        "n2", 12000, "troops", "The agency later told parliament that around 12,000 troops were involved."
    ),
    _claim(
        "k",
        3000,
        "North Korean troops in the first tranche trained in Russia",
        "An aide said the first tranche of about 3,000 North Korean troops was being trained in Russia.",
    ),
    _claim(
        "r",
        1200,
        "Russian soldiers dying daily",
        "He cited reports of 1,200 Russian soldiers dying daily.",
        per="day",
    ),
]
FLOOD = [
    _claim("f1", 87, "people killed in the floods", "The governor said 87 people were killed in the floods."),
    _claim("f2", 91, "deaths", "Hospitals have recorded 91 deaths."),
    _claim("f3", 90, "death toll", "The death toll rose to 90, the mayor said."),
    _claim("f4", 300, "residents evacuated", "About 300 residents were evacuated from the valley."),
    _claim("f5", 350, "homeless", "Some 350 are now homeless."),
    _claim("f6", 12, "missing", "Twelve remain missing, the coastguard said."),
    _claim("f7", 40, "losses", "Insurers put losses at $40 million.", unit="USD"),
]
PROTEST = [
    _claim(
        "p1", 8000, "protesters in Paris on 7 March", "Police counted 8,000 protesters in Paris on 7 March."
    ),
    _claim("p2", 30000, "demonstrators in Paris", "Unions said 30,000 demonstrators marched in Paris."),
    _claim(
        "p3",
        250000,
        "protesters in France on 7 March",
        "Across France, 250,000 protesters took part on 7 March.",
    ),
    _claim(
        "p4", 20000, "marchers", "Organisers said 20,000 marchers filled the streets of Paris on Tuesday."
    ),
    _claim("p5", 212, "people detained", "Police said 212 people were detained."),
    _claim("p6", 150, "arrests", "The ministry reported 150 arrests."),
]


@pytest.mark.parametrize(
    ("item", "head"),
    [
        ("soldiers to support the invasion", "troops"),
        ("servicemen", "troops"),
        ("special forces", "troops"),
        ("people killed in the floods", "dead"),
        ("death toll", "dead"),
        ("fatalities", "dead"),
        ("soldiers killed or wounded", "casualties"),
        ("wounded", "injured"),
        ("demonstrators", "protesters"),
        ("people at a rally", "protesters"),
        ("residents evacuated", "displaced"),
        ("homeless", "displaced"),
        ("people detained", "arrested"),
        ("missing", "missing"),
        ("artillery shells fired", "shell"),
    ],
)
def test_head_of_an_item(item: str, head: str) -> None:
    assert profile(item).head == head


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("protesters in Paris", "protesters in France", False),
        ("protesters", "protesters in Paris", True),
        ("North Korean troops", "troops in Russia", True),
        ("Russian troops in Ukraine", "North Korean troops in Russia", False),
        ("Ukrainian soldiers killed", "Russian soldiers killed", False),
        ("civilians killed", "soldiers killed", False),
        ("people killed", "civilians killed", True),
        ("protesters on 7 March", "protesters on 14 March", False),
        ("protesters on March 7", "protesters on 7 March", True),
        ("troops sent by Kim Jong Un to Russia", "North Korean troops deployed to Russia", True),
    ],
)
def test_a_named_place_that_differs_splits_a_missing_one_does_not(a: str, b: str, same: bool) -> None:
    assert fits(profile(a), profile(b)) is same


def test_troop_story_groups_total_apart_from_rate() -> None:
    keys = _keys(TROOPS)
    assert keys["z"] == keys["n1"] == keys["n2"] == keys["k"] == "north-korean-troops-russia"
    assert keys["r"] == "russian-soldiers-dying-daily"


def test_flood_story_synonyms_share_a_quantity_and_money_stays_apart() -> None:
    keys = _keys(FLOOD)
    assert keys["f1"] == keys["f2"] == keys["f3"] == "deaths"
    assert keys["f4"] == keys["f5"] != keys["f1"]
    assert len({keys["f1"], keys["f4"], keys["f6"], keys["f7"]}) == 4
    assert keys["f7"].endswith("-usd")


def test_protest_story_splits_paris_from_france() -> None:
    keys = _keys(PROTEST)
    assert keys["p1"] == keys["p2"] == keys["p4"]  # "marchers" in a sentence about Paris joins Paris
    assert keys["p3"] != keys["p1"]
    assert keys["p5"] == keys["p6"]
    assert "paris" in keys["p1"] and "france" in keys["p3"]


@pytest.mark.parametrize(("per", "unit"), [("day", None), ("week", None), (None, "%")])
def test_a_rate_or_a_share_is_never_grouped_with_a_total(per: str | None, unit: str | None) -> None:
    claims = [_claim("a", 40, "people killed"), _claim("b", 4, "people killed", per=per, unit=unit)]
    keys = _keys(claims)
    assert keys["a"] != keys["b"]


def test_unattributed_claims_get_a_key_and_keys_clash_with_a_suffix() -> None:
    claims = [
        _claim("a", 800, "protesters in Lyon on 2 May"),
        _claim("b", 900, "protesters in Lyon on 9 May"),
        _claim("c", 850, "demonstrators in Lyon", speaker="Police"),
    ]
    keyed, _, quantities = assign_quantities(claims, [])
    assert all(c.quantity_key for c in keyed)
    keys = sorted(q.key for q in quantities)
    assert len(keys) == len(set(keys)) == 2
    assert keys[1] == keys[0] + "-2"
    assert [q.key for q in quantities] == keys
    assert sorted(i for q in quantities for i in q.claim_ids) == ["a", "b", "c"]


def test_quantity_records_carry_a_label_and_unit() -> None:
    _, _, quantities = assign_quantities(FLOOD, [])
    money = next(q for q in quantities if q.unit == "USD")
    assert money.label == "losses" and money.claim_ids == ("f7",)
    troops = next(q for q in assign_quantities(TROOPS, [])[2] if q.key == "north-korean-troops-russia")
    assert troops.label == "North Korean special forces sent to Russia"


@pytest.mark.parametrize(
    ("topic", "sentence", "key"),
    [
        (
            "DPRK troops in Russia",
            "The minister said there was evidence of DPRK troops in Russia.",
            "north-korean-troops-russia",
        ),
        (
            None,
            "Kyiv's president said North Korea was sending soldiers to help Russia.",
            "north-korean-troops-russia",
        ),
        ("such a move", "If true, such a move would be deeply worrying, the spokesman said.", ""),
        ("the budget", "The minister defended the budget.", ""),
        (
            "North Korea buying old weapons from Russia",
            "He said North Korea was buying old weapons from Russia.",
            "",
        ),
    ],
)
def test_statements_take_the_key_of_the_quantity_they_share_words_with(
    topic: str | None, sentence: str, key: str
) -> None:
    said = statement(
        "s", "Someone", "confirms", doc="d", sentence=sentence, asserted_on=date(2024, 1, 1), topic=topic
    )
    _, stated, _ = assign_quantities(TROOPS, [said])
    assert stated[0].quantity_key == key


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("North Korean troops in Russia", "north-korean-troops-russia"),
        ("DPRK soldiers", "north-korean-troops-russia"),
        ("russian deaths per day", "russian-soldiers-dying-daily"),
        ("flood deaths", "deaths"),
        ("evacuees", "evacuated"),
        ("the price of bread", None),
    ],
)
def test_match_quantity_by_meaning(query: str, first: str | None) -> None:
    _, _, quantities = assign_quantities(TROOPS + FLOOD, [])
    found = match_quantity(query, quantities)
    assert (found[0].key if found else None) == first


def test_match_quantity_ranks_best_first() -> None:
    quantities = [
        Quantity("troops-ukraine", "Russian troops in Ukraine", None, ("a",)),
        Quantity("north-korean-troops-russia", "North Korean troops in Russia", None, ("b",)),
    ]
    assert [q.key for q in match_quantity("north korean troops", quantities)] == [
        "north-korean-troops-russia"
    ]


@settings(max_examples=30, deadline=None)
@given(st.permutations(TROOPS + FLOOD + PROTEST))
def test_keys_do_not_depend_on_the_order_of_the_claims(claims: list[Claim]) -> None:
    keyed, _, quantities = assign_quantities(claims, [])
    reference, _, ref_quantities = assign_quantities(TROOPS + FLOOD + PROTEST, [])
    assert {c.claim_id: c.quantity_key for c in keyed} == {c.claim_id: c.quantity_key for c in reference}
    assert quantities == ref_quantities


@pytest.mark.parametrize(
    ("sentence", "joins"),
    [
        ("Seoul said Pyongyang had sent 11,000 troops to help Moscow, a North Korea watcher added.", "nk"),
        ("Officials in Kyiv said 50,000 troops were massing on Ukraine's border.", "ru"),
    ],
)
def test_a_bare_item_joins_the_group_its_sentence_names(sentence: str, joins: str) -> None:
    claims = [
        _claim("nk", 10000, "North Korean troops deployed to Russia"),
        _claim("ru", 500000, "Russian troops in Ukraine"),
        _claim("bare", 11000, "troops", sentence),
    ]
    keys = _keys(claims)
    assert keys["nk"] != keys["ru"]
    assert keys["bare"] == keys[joins]


def test_a_part_named_without_its_whole_counts_what_the_document_counts() -> None:
    sentence = "The spokesman said this first tranche of about 3,000 was being trained at three sites."
    claims = [
        _claim("part", 3000, "trained", sentence, doc="d", start=400),
        _claim("sites", 3, "sites", sentence, doc="d", start=380),
        _claim("whole", 12000, "North Korean troops sent to Russia", doc="d", start=900),
        _claim("elsewhere", 3000, "trained", sentence, doc="other", start=400),
    ]
    keys = _keys(claims)
    assert keys["part"] == keys["whole"] == "north-korean-troops-russia"
    assert keys["sites"] != keys["whole"]  # the sites are counted in their own right
    assert keys["elsewhere"] != keys["whole"]  # no whole in its own document


def test_a_claim_without_an_item_takes_its_label_from_its_key() -> None:
    _, _, (quantity,) = assign_quantities([_claim("a", 87, None, "Turnout reached 87%.", unit="%")], [])
    assert quantity.label == quantity.key.replace("-", " ")


# --- a large block: thousands of claims about one thing -------------------------------------------

# Made-up town names (no gazetteer entry, no calendar word), so a claim "in" one is placed there.
TOWNS = [
    a + b + c for a in ("Bel", "Dor", "Kav", "Mir", "Tal") for b in ("va", "ro", "ne") for c in ("sk", "ny")
]


def _in_town(i: int, town: str, name: str = "Ruiz") -> Claim:
    sentence = f"Some {100 + i} protesters gathered in {town} on Friday, according to {name}."
    return _claim(f"t{i:03d}", 100 + i, f"protesters in {town}", sentence)


def test_a_large_block_keeps_each_place_apart_and_each_bare_figure_alone() -> None:
    # Thirty places, two claims each, and forty quotes with no item: far more groups than a claim is
    # compared with one by one, every claim naming the same person (so a shared name narrows nothing).
    claims = [_in_town(i, TOWNS[i % 30]) for i in range(60)]
    claims += [_claim(f"q{i:03d}", 40 + i, None, f'"{40 + i}," said Ruiz.') for i in range(40)]
    keys = _keys(claims)
    by_town = {TOWNS[i % 30]: {keys[f"t{i:03d}"], keys[f"t{i + 30:03d}"]} for i in range(30)}
    assert all(len(k) == 1 for k in by_town.values())  # both claims of a place share its key
    placed = set[str]().union(*by_town.values())
    assert len(placed) == 30  # and no two places share one
    bare = [keys[f"q{i:03d}"] for i in range(40)]
    assert len(set(bare)) == 40 and not set(bare) & placed
    assert sorted(bare) == sorted(["quantity", *(f"quantity-{n}" for n in range(2, 41))])


def test_a_large_block_of_days_puts_each_day_in_one_group() -> None:
    days = [f"{d} {m}" for m in ("May", "June") for d in range(1, 21)]  # 40 days, four claims each
    claims = [
        _claim(
            f"d{i:03d}",
            10 + i,
            f"people arrested on {days[i % 40]}",
            f"Okafor said {10 + i} people were arrested on {days[i % 40]}.",
        )
        for i in range(160)
    ]
    _, _, quantities = assign_quantities(claims, [])
    assert len(quantities) == 40
    members = {q.key: set(q.claim_ids) for q in quantities}
    for i in range(40):
        assert {f"d{j:03d}" for j in (i, i + 40, i + 80, i + 120)} in members.values()


def test_a_figure_of_the_vocabulary_joins_a_group_whatever_its_other_words() -> None:
    # Forty days, one group each, all with the same words; a figure with no day fits all of them and
    # joins one, though its other words are not theirs (only items outside the vocabulary must match).
    days = [f"{d} {m}" for m in ("May", "June") for d in range(1, 21)]
    claims = [
        _claim(
            f"d{i:02d}",
            100 + i,
            f"protesters singing loudly outside parliament on {day}",
            f"Some {100 + i} protesters singing loudly outside parliament on {day}, said Ruiz.",
        )
        for i, day in enumerate(days)
    ]
    claims.append(
        _claim(
            "x",
            90,
            "protesters blocking traffic near the harbour bridge",
            "Some 90 protesters blocking traffic near the harbour bridge, said Ruiz.",
        )
    )
    keys = _keys(claims)
    assert len({keys[f"d{i:02d}"] for i in range(40)}) == 40
    assert keys["x"] in {keys[f"d{i:02d}"] for i in range(40)}


def _any_shared_key(block: Any, prof: Any, words: set[str]) -> list[Any]:
    """The groups a claim may join, found by looking at every group (what the indexes must give)."""
    from analyzer.corroborate import grouping

    if len(block.groups) <= grouping._SCAN:
        return block.groups
    keys = prof.entities | words
    return [g for g in block.groups if (prof.vocab and g.unanchored) or not g.keys.isdisjoint(keys)]


_ASIDES = ["singing", "loudly", "harbour", "bridge", "waving", "flags", "blocking", "traffic", "parliament"]


@st.composite
def _one_story(draw: st.DrawFn) -> list[Claim]:
    """Claims of one story with the variety that makes many groups: places, days, names, no items."""
    claims = []
    for i in range(draw(st.integers(40, 160))):
        town = draw(st.sampled_from(TOWNS[:12]))
        name = draw(st.sampled_from(["Ruiz", "Okafor", "Lindqvist"]))
        item = draw(
            st.sampled_from(
                [
                    None,
                    "protesters",
                    f"protesters in {town}",
                    f"marchers from {town}",
                    f"protesters on {draw(st.integers(1, 6))} May",
                    f"crates of {draw(st.sampled_from(['rice', 'flour', 'grain']))} sent to {town}",
                    f"civilians hurt in {town}",
                    "French marchers",
                    " ".join(
                        [
                            "protesters",
                            *draw(st.lists(st.sampled_from(_ASIDES), min_size=1, max_size=3, unique=True)),
                            f"on {draw(st.integers(1, 4))} June",
                        ]
                    ),
                ]
            )
        )
        sentence = f"{i + 1} {item or 'people'} were counted in {town}, according to {name}."
        if draw(st.booleans()):
            sentence = f'"{i + 1}," said {name}.'
        claims.append(_claim(f"c{i:03d}", i + 1, item, sentence))
    return claims


@settings(max_examples=60, deadline=None)
@given(_one_story(), st.sampled_from([0, 4, 32]))
def test_the_indexes_of_a_large_block_choose_what_a_look_at_every_group_chooses(
    claims: list[Claim], scan: int
) -> None:
    """Past ``scan`` groups a claim meets only the groups its indexes give; they must be the ones a
    look at every group would let it join (a small ``scan`` puts every claim through the indexes)."""
    from analyzer.corroborate import grouping

    real_scan, real_candidates = grouping._SCAN, grouping._Block._candidates
    try:
        grouping._SCAN = scan
        indexed = assign_quantities(claims, [])
        grouping._Block._candidates = _any_shared_key  # type: ignore[method-assign,assignment]
        every = assign_quantities(claims, [])
    finally:
        grouping._SCAN, grouping._Block._candidates = real_scan, real_candidates  # type: ignore[method-assign]
    assert indexed == every


# --- what the sentence says of an item's scope: who did what, where, which year, a part of what ----------


@pytest.mark.parametrize(
    ("item", "sentence", "head"),
    [
        # people of no kind are what the sentence says they did
        ("people", "The Lisbon march drew 8,000 people, the organisers said.", "protesters"),
        (
            "people",
            "Sensors logged 7,400 people, to which the firm added those who joined the rally late.",
            "protesters",
        ),
        ("people", "At least 14 people were hurt when the stand collapsed, the club said.", "injured"),
        ("people", "Nearly 900 more people than usual died during the heatwave.", "dead"),
        (
            "people in Lisbon alone",
            "'8,000 people in Lisbon alone,' the organiser said at the end of the march.",
            "protesters",
        ),
        # what people did, in the item's own words
        ("people marched through Lisbon", "Some 8,000 people marched through Lisbon.", "protesters"),
        (
            "people taken to the streets",
            "The union said 2 million people had taken to the streets.",
            "protesters",
        ),
        ("teachers on strike", "The ministry said 35 percent of teachers were on strike.", "strikers"),
        ("members walked out", "The union said 60 percent of its members walked out.", "strikers"),
        ("nurses", "The board put the strike rate among nurses at 40 percent.", "strikers"),
        ("civilians", "Shelling killed at least 40 civilians, medics said, as troops advanced.", "dead"),
        # protests counted as events, and people of a kind at a protest, are not its marchers
        ("protests", "Police logged 40 protests in the region.", "protest"),
        ("rallies planned", "She said 12 more rallies were planned.", "rally"),
        (
            "police officers",
            "Some 900 police officers were on duty, promising that rioters 'who came not to march' would pay.",
            "officer",
        ),
        (
            "firefighters",
            "He said 1,150 firefighters were on the fire line, backed by soldiers.",
            "firefighter",
        ),
        # two things said: the item keeps its own head
        ("people", "The march drew 8,000 people and 40 were arrested.", "people"),
    ],
)
def test_what_an_item_of_people_counts_is_read_around_it(item: str, sentence: str, head: str) -> None:
    assert profile(item, sentence).head == head


@pytest.mark.parametrize(
    ("item", "sentence", "clause", "head"),
    [
        # the sentence's other figure is of the missing: the intercepted people are not
        ("people in the strait", "Boats carrying 213 people in the strait were stopped, but 30 were missing.",
         "Boats carrying 213 people in the strait were stopped", "people"),
        ("people", "The ministry said 300 people had died, and 40 were missing.", "The ministry said 300 people had died", "dead"),
        ("migrants at sea", "Navy stops 213 migrants at sea, charity says dozens missing", "Navy stops 213 migrants at sea", "migrant"),
        # people who only "took part" or "joined" took part in what the sentence names, beyond their clause
        ("people taken part", "Police put the crowd at 38,000, while the unions said 120,000 people had taken part.",
         "the unions said 120,000 people had taken part.", "protesters"),
        ("people joined", "Organisers of Saturday's march said on Sunday that 150,000 people had joined.",
         "Organisers of Saturday's march said on Sunday that 150,000 people had joined.", "protesters"),
        ("people attended", "Police estimated that 20,000 people attended the rally, and 12 were arrested.",
         "Police estimated that 20,000 people attended the rally", "protesters"),
        ("people attended", "About 3,000 people attended the funeral, and 40 officers kept order.",
         "About 3,000 people attended the funeral", "people"),
        ("people joined the strike", "The union said 8,000 people joined the strike, and the march drew 2,000.",
         "The union said 8,000 people joined the strike", "strikers"),
        ("people to take part", "It called a march for May 1 and expects 90,000 people to take part, and 40 arrests.",
         "It called a march for May 1 and expects 90,000 people to take part", "people"),
    ],
)  # fmt: skip
def test_the_figure_s_own_clause_says_what_people_did(
    item: str, sentence: str, clause: str, head: str
) -> None:
    assert profile(item, sentence, clause=clause, alone=False).head == head


@pytest.mark.parametrize(
    ("item", "sentence", "loc"),
    [
        ("people marched to the square", "In Port Selby, where dockers joined, 5,000 people marched to the square.", {"port selby"}),
        ("people marched to the square", "In Port Selby, the mayor said 5,000 people marched to the square.", set()),
        ("people marched", "In March, 5,000 people marched.", set()),
        ("protesters", "In France, police counted 250,000 protesters.", {"france"}),
        ("number of demonstrators", "Nationwide, the ministry put the number of demonstrators at 200,000.", {"*country"}),
        ("officers injured across the country", "The ministry said 41 officers were injured across the country.", {"*country"}),
        ("demonstrators", "The gap was wider at national level: 200,000 demonstrators, the ministry said.", {"*country"}),
        ("people marched through Lisbon", "Some 8,000 people marched through Lisbon as protests spread nationwide.", {"lisbon"}),
    ],
)  # fmt: skip
def test_where_a_figure_counts_is_read_from_its_sentence_when_its_item_names_no_place(
    item: str, sentence: str, loc: set[str]
) -> None:
    assert set(profile(item, sentence).loc) == loc


@pytest.mark.parametrize(
    ("sentence", "published", "era"),
    [
        ("In 2019, police counted 27,000 marchers in Lisbon.", date(2025, 3, 14), "2019"),
        ("Back in 2019, police counted 27,000 marchers.", date(2025, 3, 14), "2019"),
        (
            "The valley was last hit this hard in 1979, when a quake killed 2,400 people.",
            date(2025, 3, 14),
            "1979",
        ),
        ("The worst season on record, in 2017, killed 9 people.", date(2025, 3, 14), "2017"),
        ("The 2009 explosion at the pit killed 36 miners.", date(2025, 3, 14), "2009"),
        ("In 2025, police counted 27,000 marchers.", date(2025, 3, 14), ""),
        ("Police have counted 300 arrests since 2019.", date(2025, 3, 14), ""),
        ("In 2019, police counted 27,000 marchers.", None, ""),
        # a year closing a sentence of one clause dates its figure ...
        ("Police counted 27,000 marchers in Lisbon in 2019.", date(2025, 3, 14), "2019"),
        ("A march in the same square drew 27,000 people during 2016.", date(2025, 3, 14), "2016"),
        # ... but not a comparison, a record or another clause's event (a sentence's year would date all its figures)
        ("Police counted 27,000 marchers, more than in 2019.", date(2025, 3, 14), ""),
        ("The 27,000 marchers were the most since counts began in 2009.", date(2025, 3, 14), ""),
        (
            "Police counted 27,000 marchers in Lisbon, which last saw a general strike in 2012.",
            date(2025, 3, 14),
            "",
        ),
        ("Police arrested 27,000 marchers under a law passed in 2015.", date(2025, 3, 14), ""),
        ("Police moved 27,000 people out of tower blocks built in 1974.", date(2025, 3, 14), ""),
        ("Police counted 30,000 marchers and the unions 27,000 in 2023.", date(2025, 3, 14), ""),
        # a year back from the publication's, at the front or closing a one-figure sentence
        ("Last year, police counted 27,000 marchers.", date(2025, 3, 14), "2024"),
        ("Last year's march drew 27,000 people.", date(2025, 3, 14), "2024"),
        ("Two years ago, police counted 27,000 marchers.", date(2025, 3, 14), "2023"),
        ("Police counted 27,000 marchers last year.", date(2025, 3, 14), "2024"),
        ("Last week, police counted 27,000 marchers.", date(2025, 3, 14), ""),
        ("A year on from the strike, 27,000 marchers returned.", date(2025, 3, 14), ""),
        ("Police counted 27,000 marchers, more than last year.", date(2025, 3, 14), ""),
        # a figure set against one of an earlier period is of that period, not the sentence's other figures
        ("Police counted 30,000 this year compared with 27,000 in 2023.", date(2025, 3, 14), "2023"),
        ("Turnout reached 31,000, up from 27,000 last year.", date(2025, 3, 14), "2024"),
        ("Turnout was 31,000, up from 27,000 in the previous election in 2021.", date(2025, 3, 14), "2021"),
        ("The count fell to 26,000, down from about 27,000 a year earlier.", date(2025, 3, 14), "2024"),
        (
            "Organisers said 31,000 marched, against 27,000 in the same period last year.",
            date(2025, 3, 14),
            "2024",
        ),
        # a bare "from" after a verb of change starts the change: its figure is of the period named after it
        ("Turnout rose to 31,000 from 27,000 last year.", date(2025, 3, 14), "2024"),
        ("Membership climbed from 27,000 in 2022 to 31,000.", date(2025, 3, 14), "2022"),
        ("The count fell to 26,000 from about 27,000 a year earlier.", date(2025, 3, 14), "2024"),
        # ... but an earlier count of the same thing is a revision, and a year after the figure's clause is no period
        ("The ministry raised its count to 31,000 from 27,000 on Tuesday.", date(2025, 3, 14), ""),
        ("Buses brought 27,000 marchers from towns in the north in 2023 and 2024.", date(2025, 3, 14), ""),
        ("Rising rents have driven 27,000 people from the city centre in 2023 alone.", date(2025, 3, 14), ""),
        ("Turnout fell sharply, and 27,000 marchers from the north came last year.", date(2025, 3, 14), ""),
        ("The ministry raised its count to 31,000, up from 27,000 on Tuesday.", date(2025, 3, 14), ""),
        ("Police counted 31,000, up from 27,000 at noon, the most in a decade.", date(2025, 3, 14), ""),
        ("Police compared 27,000 marchers with the crowds of the 1990s.", date(2025, 3, 14), ""),
    ],
)
def test_a_figure_set_in_an_earlier_year_is_of_that_year(
    sentence: str, published: date | None, era: str
) -> None:
    then = _claim("then", 27000, "marchers", sentence, published=published)
    now = _claim("now", 42000, "marchers", "Police counted 42,000 marchers.", published=date(2025, 3, 14))
    keys = _keys([then, now])
    assert (keys["then"] != keys["now"]) is bool(era)
    assert keys["then"].endswith(f"-{era}") if era else "-19" not in keys["then"]


CITY = "Lisbon"


def _march(cid: str, value: float, item: str | None, sentence: str, **kw: Any) -> Claim:
    return _claim(cid, value, item, sentence, doc=kw.pop("doc", "d1"), **kw)


def test_a_city_s_marchers_stay_apart_from_the_nationwide_total_and_another_city_s() -> None:
    claims = [
        _march("police", 8000, "people", f"The {CITY} march drew 8,000 people according to the police.", start=10),
        _march("unions", 30000, "people marched through Lisbon", "For the unions, 30,000 people marched through Lisbon.", doc="d2"),
        _march("total", 200000, "number of demonstrators", "Nationwide, the ministry put the number of demonstrators "
               f"at 200,000, including 9,000 in {CITY}.", start=100),
        _march("part", 9000, "towns", "Nationwide, the ministry put the number of demonstrators at 200,000, including "
               f"9,000 in {CITY}.", start=140),
        _march("port", 5000, "people marched to the harbour", "In Port Selby, where dockers joined, 5,000 people marched "
               "to the harbour, the prefecture said.", doc="d3"),
        _march("old", 27000, "marchers in Lisbon", "In 2019, police counted 27,000 marchers in Lisbon.", doc="d4",
               published=date(2025, 3, 14)),
    ]  # fmt: skip
    keys = _keys(claims)
    assert keys["police"] == keys["unions"]
    assert keys["part"] == keys["total"] != keys["police"]  # the part goes where its whole goes
    assert len({keys["police"], keys["total"], keys["port"], keys["old"]}) == 4
    assert "nationwide" in keys["total"] and "port-selby" in keys["port"] and keys["old"].endswith("2019")


@pytest.mark.parametrize(
    ("sentence", "values", "part", "whole"),
    [
        ("The ministry counted 500 arrests across the country, 120 of them in Lisbon.", (500, 120), 120, 500),
        (
            "Organisers counted 200,000 in 90 towns, including 9,000 in Lisbon.",
            (200000, 90, 9000),
            9000,
            200000,
        ),
        ("The hospital treated 236 wounded people, 48 of them children.", (236, 48), 48, 236),
        ("Rescuers found 300 survivors, two dozen of whom were children.", (300, 24), 24, 300),
    ],
)
def test_a_part_its_sentence_gives_joins_the_quantity_of_its_whole(
    sentence: str, values: tuple[float, ...], part: float, whole: float
) -> None:
    items: dict[float, str] = {
        500: "arrests",
        120: "arrests",
        200000: "people",
        90: "towns",
        9000: "towns",
        236: "wounded people",
    }
    claims = [
        _claim(
            f"v{v:g}",
            v,
            items.get(v, "survivors" if v == 300 else "children"),
            sentence,
            doc="d",
            start=i * 20,
        )
        for i, v in enumerate(values)
    ]
    keyed, _, quantities = assign_quantities(claims, [])
    key = {c.value: c.quantity_key for c in keyed}
    assert key[part] == key[whole]
    label = next(q.label for q in quantities if q.key == key[whole])
    assert label == items.get(whole, "survivors")  # the part's own item does not name the whole


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("marchers in Port Selby", "people-marched-harbour-port-selby"),
        ("marchers in Lisbon", "crowd-lisbon"),
        ("marchers in Lisbon in 2019", "marchers-lisbon-2019"),
        ("demonstrators nationwide", "demonstrators-nationwide"),
    ],
)
def test_match_quantity_finds_the_place_and_the_year_a_key_names(query: str, first: str) -> None:
    quantities = [
        Quantity("crowd-lisbon", "people marched through Lisbon", None, ("a",)),
        Quantity("people-marched-harbour-port-selby", "people marched to the harbour", None, ("b",)),
        Quantity("marchers-lisbon-2019", "marchers in Lisbon at the largest demonstration", None, ("c",)),
        Quantity("demonstrators-nationwide", "number of demonstrators", None, ("d",)),
    ]
    found = [q.key for q in match_quantity(query, quantities)]
    assert found[0] == first
    if "Port Selby" in query:
        assert found == [first]  # another named place is never offered
    if "2019" not in query and "Lisbon" in query:
        assert found.index("marchers-lisbon-2019") > found.index(first)


@pytest.mark.parametrize(
    "bare",
    [
        "The Lisbon march drew 8,000 people, police said.",
        "Police said 8,000 people marched, the most Lisbon has seen.",
    ],
)
def test_a_bare_count_joins_the_group_placed_where_its_sentence_names(bare: str) -> None:
    claims = [
        _claim("city", 30000, "people marched through Lisbon", "Unions said 30,000 people marched through Lisbon."),
        _claim("big", 200000, "demonstrators", "Nationwide, 200,000 demonstrators marched as Lisbon's mayor "
               "watched, the ministry said."),
        _claim("big2", 210000, "demonstrators", "Across the country, 210,000 demonstrators marched, unions said."),
        _claim("bare", 8000, "people", bare),
    ]  # fmt: skip
    keys = _keys(claims)
    assert keys["big"] == keys["big2"] != keys["city"]
    assert keys["bare"] == keys["city"]


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        # a measure's dimension words tell its quantities apart
        ("metres long", "metres deep in places", False),
        ("mph", "mph limit", False),
        ("metres wide", "metres of snow", False),
        ("metres long", "metres long", True),
        ("metres tall", "metres high", True),
        ("metres", "metres long", True),
        ("mph", "mph", True),
        ("kilometres long", "kilometres long across the valley", True),
        # counted things of the vocabulary carry no dimension: "across the country" is a place
        ("people displaced across the country", "people displaced", True),
    ],
)
def test_measures_of_different_dimensions_are_different_quantities(
    first: str, second: str, together: bool
) -> None:
    keys = _keys([_claim("a", 300, first), _claim("b", 8, second)])
    assert (keys["a"] == keys["b"]) is together


@pytest.mark.parametrize(
    ("sentence", "value", "clause"),
    [
        ("Boats carried 213 people, the navy said, but 30 were missing.", 30.0, "30 were missing."),
        ("Rescuers found 27 bodies and are still searching for 41 people.", 41.0, "are still searching for 41 people."),
        ("Rescuers found 27 bodies and are still searching for 41 people.", 27.0, "Rescuers found 27 bodies"),
        ("The storm killed 19 people and drove 310,000 from their homes.", 19.0, "The storm killed 19 people"),
        # two counts of one clause share its predicate
        ("Police said 40 people and 12 officers were hurt in the clashes.", 40.0,
         "Police said 40 people and 12 officers were hurt in the clashes."),
        ("Between 20 and 30 people died, the mayor said.", 30.0, "Between 20 and 30 people died"),
        ("About 3,000 people and some 200 tractors took part.", 200.0, "About 3,000 people and some 200 tractors took part."),
        # one figure: "and" inside its clause stays
        ("Police and medics said 300 people were hurt and taken to hospital.", 300.0,
         "Police and medics said 300 people were hurt and taken to hospital."),
    ],
)  # fmt: skip
def test_the_clause_of_a_figure(sentence: str, value: float, clause: str) -> None:
    assert figure_clause(sentence, value) == clause


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # what happened to the things counted makes two counts of them
        ("homes destroyed", "homes damaged", False),
        ("flights cancelled", "flights delayed", False),
        ("ballots ruled valid", "ballots ruled invalid", False),
        ("students absent", "students present", False),
        ("runners treated", "runners who started the race", False),
        # ... said in other words, or not said at all, it is one count
        ("homes destroyed", "homes burned", True),
        ("homes destroyed or damaged", "homes destroyed", True),
        ("homes destroyed", "homes", True),
        ("customers hit by the breach", "customers affected", True),
        ("shares traded by noon", "shares that changed hands by noon", True),
        ("homes destroyed in the damaged district", "homes destroyed", True),  # where, not what happened
    ],
)
def test_what_happened_to_the_things_counted_parts_two_counts(first: str, second: str, same: bool) -> None:
    claims = [
        _claim("a", 50, first, f"The agency said 50 {first}.", speaker="agency", doc="d1"),
        _claim("b", 20, second, f"The council said 20 {second}.", speaker="council", doc="d2"),
    ]
    keys = _keys(claims)
    assert (keys["a"] == keys["b"]) is same
