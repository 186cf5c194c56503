"""Quantity keys: what a figure counts, where, per what; statements and user queries matched by meaning."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.corroborate.quantities import assign_quantities, fits, match_quantity, profile
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
    assert len(set.union(*by_town.values())) == 30  # and no two places share one
    bare = [keys[f"q{i:03d}"] for i in range(40)]
    assert len(set(bare)) == 40 and not set(bare) & set.union(*by_town.values())
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
    from analyzer.corroborate import quantities

    if len(block.groups) <= quantities._SCAN:
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
    from analyzer.corroborate import quantities

    real_scan, real_candidates = quantities._SCAN, quantities._Block._candidates
    try:
        quantities._SCAN = scan
        indexed = assign_quantities(claims, [])
        quantities._Block._candidates = _any_shared_key  # type: ignore[method-assign]
        every = assign_quantities(claims, [])
    finally:
        quantities._SCAN, quantities._Block._candidates = real_scan, real_candidates  # type: ignore[method-assign]
    assert indexed == every
