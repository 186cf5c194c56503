"""Conflicts: the tolerance the words allow, and the four kinds with their one-line explanations."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.corroborate.conflicts import compatible, find_conflicts, format_figure, interval, part_marker
from analyzer.corroborate.core import weigh_sources
from analyzer.models import Claim, Statement
from analyzer.settings import Settings
from tests.factories import claim, statement

NIS = "National Intelligence Service (South Korea)"
KEY = "north-korean-troops-russia"


def _claim(cid: str, value: float, speaker: str | None = None, **kw: Any) -> Claim:
    return claim(cid, value, speaker, **{"quantity_key": KEY, **kw})


def _about(cid: str, value: float, speaker: str | None = None, **kw: Any) -> Claim:
    return _claim(cid, value, speaker, qualifier="about", approximate=True, **kw)


SEED = [
    _claim("z", 10000, "Volodymyr Zelenskyy", item="soldiers to back the Russian offensive"),
    _about(
        "n1", 1500, NIS, item="North Korean special forces sent to Russia", asserted_on=date(2024, 10, 18)
    ),
    _about("n2", 12000, NIS, item="troops"),
    _about(
        "k",
        3000,
        "John Kirby",
        item="North Korean troops in the first tranche",
        asserted_on=date(2024, 10, 23),
        via=("Reuters",),
        stance="confirms",
    ),
    _claim(
        "r",
        1200,
        "John Kirby",
        item="Russian soldiers dying daily",
        per="day",
        qualifier="more than",
        value_low=1200,
        quantity_key="russian-soldiers-dying-daily",
        asserted_on=date(2024, 10, 21),
    ),
]


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (_about("a", 3000), _claim("b", 3100), True),
        (_claim("a", 10000, qualifier="at least", value_low=10000), _claim("b", 11000), True),
        (_claim("a", 1500), _claim("b", 12000), False),
        (_claim("a", 10000), _about("b", 12000), False),
        (_claim("a", 500, qualifier="up to", value_high=500), _claim("b", 300), True),
        (_claim("a", 500, qualifier="up to", value_high=500), _claim("b", 600), False),
        # "up to" is an estimate of the most there were: a figure far below it is another estimate
        (_claim("a", 200000, qualifier="up to", value_high=200000), _claim("b", 30000), False),
        (_claim("a", 200000, qualifier="up to", value_high=200000), _claim("b", 120000), True),
        # "fewer than" is a bound and no more
        (_claim("a", 900, qualifier="fewer than", value_high=900), _claim("b", 300), True),
        (_claim("a", 20000, value_low=18000, value_high=20000), _claim("b", 19000), True),
        (_claim("a", 20000, value_low=18000, value_high=20000), _claim("b", 23000), False),
        (_claim("a", 3000, qualifier="nearly", approximate=True), _claim("b", 3000), True),
        (_claim("a", 3000, qualifier="nearly", approximate=True), _claim("b", 3300), False),
        (_claim("a", 1200, qualifier="more than", value_low=1200), _claim("b", 1000), False),
        (_claim("a", 40, unit="%"), _claim("b", 40), False),
        (_claim("a", 40, per="day"), _claim("b", 40), False),
        (_claim("a", 100), _claim("b", 104), True),
        (_claim("a", 100), _claim("b", 112), False),
    ],
)
def test_compatible_uses_the_tolerance_the_words_allow(a: Claim, b: Claim, ok: bool) -> None:
    assert compatible(a, b) is ok


def test_tolerances_are_settings() -> None:
    assert not compatible(_claim("a", 100), _claim("b", 112))
    assert compatible(_claim("a", 100), _claim("b", 112), relative_tolerance=0.06)


_values = st.floats(min_value=1, max_value=1e7, allow_nan=False)
_figures = st.builds(
    lambda v, q, lo, hi: _claim(
        "x",
        v,
        qualifier=q,
        approximate=q in ("about", "nearly"),
        value_low=lo if q in ("at least", "more than") else None,
        value_high=hi if q in ("up to", "fewer than") else None,
    ),
    _values,
    st.sampled_from([None, "about", "nearly", "at least", "more than", "up to", "fewer than"]),
    _values,
    _values,
)


@settings(max_examples=200, deadline=None)
@given(_figures, _figures)
def test_compatible_is_symmetric(a: Claim, b: Claim) -> None:
    assert compatible(a, b) == compatible(b, a)


@settings(max_examples=100, deadline=None)
@given(_figures)
def test_a_figure_is_compatible_with_itself(a: Claim) -> None:
    low, high = interval(a)
    assert low <= high and compatible(a, a)


def _by_kind(claims: list[Claim], statements: list[Statement] | None = None) -> dict[str, list]:
    found: dict[str, list] = {}
    for conflict in find_conflicts(claims, statements or []):
        found.setdefault(conflict.kind, []).append(conflict)
    return found


def test_seed_story_one_disagreement_holds_every_figure() -> None:
    kinds = _by_kind(SEED)
    (disagreement,) = kinds["disagreement"]
    assert {(m.speaker, m.value) for m in disagreement.members} == {
        ("Volodymyr Zelenskyy", 10000),
        (NIS, 1500),
        (NIS, 12000),
        ("John Kirby", 3000),
    }
    assert [m.claim_id for m in disagreement.members] == [
        "n1",
        "k",
        "n2",
        "z",
    ]  # dated first, then by speaker
    assert all(c.quantity_key == KEY for cs in kinds.values() for c in cs)


def test_seed_story_revision_and_its_explanation() -> None:
    (revision,) = _by_kind(SEED)["revision"]
    assert [(m.speaker, m.value) for m in revision.members] == [(NIS, 1500), (NIS, 12000)]
    assert revision.explanation == (
        f"{NIS} said about 1,500 on 2024-10-18, then about 12,000 (undated): a revision upward by 10,500."
    )


def test_seed_story_scope_for_the_first_tranche() -> None:
    (scope,) = _by_kind(SEED)["scope"]
    ids = {m.claim_id for m in scope.members}
    assert {"k", "n1"} <= ids and {"z", "n2"} <= ids
    assert '"first tranche"' in scope.explanation and '"special forces"' in scope.explanation


def test_rates_are_their_own_quantity() -> None:
    assert not [c for c in find_conflicts(SEED) if c.quantity_key == "russian-soldiers-dying-daily"]


@pytest.mark.parametrize(
    ("item", "sentence", "marker"),
    [
        ("troops in the first batch", "", "first batch"),
        ("people killed so far", "", "so far"),
        ("people killed in the capital alone", "", "in the capital"),
        ("protesters in one city", "", "in one city"),
        ("troops", "The first batch of 900 troops landed on Monday.", "first batch"),
        ("children among them", "", "among them"),
        ("people", "The storm killed 40 people, including 12 children.", None),  # the whole, not the part
        ("people", "The initial estimate of 40 dead was later raised.", None),
        ("people killed in the floods", "", None),
        ("people marched in other cities", "", "in other cities"),
        ("new cases of the virus detected", "", "new cases"),
        ("new homes built", "", None),
        ("patients with new cases of flu", "", None),
        ("people marched elsewhere", "", "elsewhere"),
    ],
)
def test_part_markers(item: str, sentence: str, marker: str | None) -> None:
    assert part_marker(_claim("a", 1, item=item, sentence=sentence)) == marker


@pytest.mark.parametrize(
    ("sentence", "value", "marker"),
    [
        ("The storm killed 40 people, including 12 children.", 12, "including"),
        ("The storm killed 40 people, including 12 children.", 40, None),  # the whole
        ("Police made 500 arrests, 120 of them in the capital.", 120, "of them"),
        ("Police made 500 arrests, 120 of them in the capital.", 500, None),
        ("The clinic saw 236 wounded, 48 of whom were children.", 48, "of whom"),
        ("Officials said 19 of the dead were children.", 19, "of the"),
        ("Rescuers found 300 survivors, two dozen of them children.", 24, "of them"),
        ("The fund raised $40 million, of which $10 million went to schools.", 10e6, "of which"),
        ("Turnout reached 1.2 million, including 300,000 in the capital.", 300000, "including"),
        ("Police counted 120 protesters in the capital.", 120, None),
        # an increment, or a count of somewhere else, is no count of the whole
        ("Police counted 38,000, and another 40,000 marched in other cities.", 40000, "another"),
        ("Rescuers found a further 12 bodies on Monday.", 12, "a further"),
        ("Police counted 38,000, and another 40,000 marched in other cities.", 38000, None),
    ],
)
def test_a_figure_its_sentence_gives_as_a_part_is_a_part(
    sentence: str, value: float, marker: str | None
) -> None:
    assert part_marker(_claim("a", value, item="people", sentence=sentence)) == marker


@pytest.mark.parametrize(
    ("sentence", "first", "then", "steps"),
    [
        # the figure a change starts from was said first, wherever it stands
        ("The toll rose to 52 from 40, the agency said.", 52, 40, [40, 52]),
        ("The toll rose from 40 to 52, the agency said.", 40, 52, [40, 52]),
        ("The agency put the toll at 58, raising its count from an earlier 52.", 58, 52, [52, 58]),
        ("The agency cut its estimate to 31 from about 45.", 31, 45, [45, 31]),
        # no change phrase: in the order written
        ("The agency said 52 had died; later it gave 40.", 52, 40, [52, 40]),
    ],
)
def test_a_speaker_s_figures_of_one_day_revise_in_the_order_said(
    sentence: str, first: float, then: float, steps: list[float]
) -> None:
    at = {first: sentence.find(f"{first:g}"), then: sentence.find(f"{then:g}")}
    day = date(2025, 3, 18)
    claims = [
        _claim(f"d@{at[v]}", v, "agency", doc="d", sentence=sentence, start=at[v], asserted_on=day)
        for v in (first, then)
    ]
    (revision,) = _by_kind(claims)["revision"]
    assert [m.value for m in revision.members] == steps


def test_figures_of_one_page_keep_the_page_s_order_past_nine_hundred_and_ninety_nine() -> None:
    day = date(2025, 3, 18)
    claims = [
        _claim("d@1000", 60, "agency", doc="d", start=1000, asserted_on=day),  # "d@1000" sorts before "d@995"
        _claim("d@995", 40, "agency", doc="d", start=995, asserted_on=day),
    ]
    (revision,) = _by_kind(claims)["revision"]
    assert [m.value for m in revision.members] == [40, 60]


def test_an_increment_revises_nothing() -> None:
    sentence = "Police counted 38,000, and another 40,000 marched in other cities, the union said."
    claims = [
        _claim("d@15", 38000, "union", doc="d", sentence=sentence, start=15),
        _claim("d@43", 40000, "union", doc="d", sentence=sentence, start=43),
    ]
    assert "revision" not in _by_kind(claims)


def test_a_speaker_s_vote_is_the_figure_its_change_ends_at() -> None:
    sentence = "The agency said the toll rose to 52 from 40."
    day = date(2025, 3, 18)
    claims = [
        _claim("d@32", 52, "agency", doc="d", sentence=sentence, start=32, asserted_on=day),
        _claim("d@40", 40, "agency", doc="d", sentence=sentence, start=40, asserted_on=day),
        _claim(
            "e@5", 52, "ministry", doc="e", sentence="The ministry said 52 died.", start=5, asserted_on=day
        ),
    ]
    verdicts, _ = weigh_sources(claims, Settings())
    assert [(v.value, v.support) for v in verdicts] == [(52.0, 2)]


def test_a_part_said_with_its_whole_is_a_scope_not_a_revision() -> None:
    sentence = "The ministry counted 500 arrests across the country, 120 of them in the capital."
    claims = [
        _claim("whole", 500, "Ministry", quantity_key="arrests", sentence=sentence, asserted_on=date(2024, 3, 8)),
        _claim("part", 120, "Ministry", quantity_key="arrests", sentence=sentence, asserted_on=date(2024, 3, 8)),
        _claim("later", 600, "Ministry", quantity_key="arrests", sentence="It later counted 600.",
               asserted_on=date(2024, 3, 9)),
    ]  # fmt: skip
    kinds = _by_kind(claims)
    assert [m.claim_id for m in kinds["revision"][0].members] == ["whole", "later"]
    assert [m.claim_id for m in kinds["scope"][0].members] == ["part", "whole", "later"]
    assert kinds["scope"][0].explanation.startswith('Ministry\'s 120 ("of them") counts a part of')


@pytest.mark.parametrize(
    ("first", "revises"),
    [
        # the whole (33 trapped miners) counts another thing: 12 is this quantity's figure
        ("The operator said 12 of the 33 trapped miners had been rescued.", True),
        ("Officials said 12 of their 40 boats had returned.", True),
        ("The operator said 12 of the thirty-three trapped miners had been rescued.", True),
        # a part of a whole named without a figure ("of the dead"): still a part
        ("The operator said 12 of the rescued were children.", False),
        ("The operator said 12 of them had been rescued.", False),
    ],
)
def test_a_part_whose_whole_counts_another_thing_can_be_revised(first: str, revises: bool) -> None:
    claims = [
        _claim("a", 12, "Operator", quantity_key="rescued", sentence=first, asserted_on=date(2025, 3, 3)),
        _claim("b", 20, "Operator", quantity_key="rescued", sentence="It said 20 had been rescued.",
               asserted_on=date(2025, 3, 5)),
    ]  # fmt: skip
    assert ("revision" in _by_kind(claims)) is revises


@pytest.mark.parametrize(
    ("item", "increment"),
    [
        ("more bodies recovered from the mud", True),
        ("additional troops", True),
        ("further cases", True),
        ("bodies recovered from the mud", False),
        ("more people than in 2019", False),
    ],
)
def test_an_increment_is_a_part_and_revises_no_total(item: str, increment: bool) -> None:
    claims = [
        _claim("a", 27, "Agency", quantity_key="toll", item="toll", sentence="It put the toll at 27.",
               asserted_on=date(2025, 3, 3)),
        _claim("b", 4, "Agency", quantity_key="toll", item=item, sentence="Four more were found.",
               asserted_on=date(2025, 3, 4)),
    ]  # fmt: skip
    kinds = _by_kind(claims)
    assert ("revision" in kinds) is not increment
    assert (part_marker(claims[1]) is not None) is increment


def test_flood_story_figures_within_tolerance_do_not_conflict() -> None:
    claims = [
        _about("a", 3000, "Red Cross", quantity_key="evacuated"),
        _claim("b", 3100, "Governor", quantity_key="evacuated"),
        _claim("c", 87, "Governor", quantity_key="deaths", asserted_on=date(2024, 4, 2)),
        _claim("d", 87, "Hospital", quantity_key="deaths"),
    ]
    assert find_conflicts(claims) == ()


def test_protest_story_police_against_unions_and_a_revision_downward() -> None:
    claims = [
        _claim("police", 48000, "Police", quantity_key="protesters-paris", asserted_on=date(2024, 3, 7)),
        _claim("unions", 120000, "Unions", quantity_key="protesters-paris", asserted_on=date(2024, 3, 7)),
        _claim("police2", 41000, "Police", quantity_key="protesters-paris", asserted_on=date(2024, 3, 8)),
    ]
    kinds = _by_kind(claims)
    assert [m.claim_id for m in kinds["disagreement"][0].members] == ["police", "unions", "police2"]
    assert kinds["revision"][0].explanation == (
        "Police said 48,000 on 2024-03-07, then 41,000 on 2024-03-08: a revision downward by 7,000."
    )


def test_denial_of_a_figure_and_of_the_whole_quantity() -> None:
    claims = [
        _claim("asserted", 300, "Rescuers", quantity_key="missing", asserted_on=date(2024, 5, 1)),
        _claim(
            "denied", 300, "Governor", quantity_key="missing", stance="denies", asserted_on=date(2024, 5, 2)
        ),
    ]
    statements = [
        statement(
            "s",
            "Ministry",
            "denies",
            sentence="The ministry denied that anyone was missing.",
            asserted_on=date(2024, 5, 3),
            quantity_key="missing",
        ),
    ]
    denials = _by_kind(claims, statements)["denial"]
    assert [[m.claim_id for m in d.members] for d in denials] == [["asserted", "denied"], ["asserted", "s"]]
    assert (
        denials[0].explanation
        == "Governor denied 300 on 2024-05-02, which Rescuers 300 on 2024-05-01 asserted."
    )
    assert "disagreement" not in _by_kind(claims, statements)


def test_hedged_figures_do_not_disagree() -> None:
    claims = [
        _claim("a", 300, "Rescuers", quantity_key="missing"),
        _claim("b", 30, "Governor", quantity_key="missing", stance="hedges"),
    ]
    assert find_conflicts(claims) == ()


def test_conflict_ids_are_stable_and_claims_without_a_key_are_skipped() -> None:
    first = find_conflicts(SEED)
    assert first == find_conflicts(list(reversed(SEED)))
    assert all(c.conflict_id.startswith("c-") for c in first)
    assert len({c.conflict_id for c in first}) == len(first)
    assert find_conflicts([_claim("a", 1, "A", quantity_key=""), _claim("b", 9, "B", quantity_key="")]) == ()


@settings(max_examples=30, deadline=None)
@given(st.permutations(SEED))
def test_conflicts_do_not_depend_on_the_order_of_the_claims(claims: list[Claim]) -> None:
    assert find_conflicts(claims) == find_conflicts(SEED)


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        (_claim("a", 3000, qualifier="about"), "about 3,000"),
        (_claim("a", 20000, value_low=18000, value_high=20000), "18,000-20,000"),
        (_claim("a", 42.5, unit="%"), "42.5%"),
        (_claim("a", 40e6, unit="USD"), "40,000,000 USD"),
        (_claim("a", 1200, qualifier="more than", per="day"), "more than 1,200 a day"),
    ],
)
def test_figures_read_as_a_journalist_writes_them(claim: Claim, text: str) -> None:
    assert format_figure(claim) == text


# --- Scale: disagreements and scope found without testing every pair (issue 7) -------------------------

_QUALIFIERS = [None, None, "about", "nearly", "at least", "more than", "up to", "fewer than"]


@st.composite
def _figure_sets(draw: st.DrawFn) -> list[Claim]:
    claims = []
    for i in range(draw(st.integers(0, 12))):
        value = float(draw(st.sampled_from([100, 103, 110, 120, 150, 200, 1000])))
        ranged = draw(st.booleans()) and draw(st.booleans())
        claims.append(
            claim(
                f"c{i}",
                value,
                doc=f"d{i % 4}",
                speaker=draw(st.sampled_from([None, "Police", "Organisers", "Mayor"])),
                qualifier=draw(st.sampled_from(_QUALIFIERS)),
                approximate=draw(st.booleans()),
                value_low=value * 0.9 if ranged else None,
                value_high=value if ranged else None,
                item=draw(st.sampled_from([None, "protesters", "the first wave", "marchers so far"])),
                unit=draw(st.sampled_from([None, None, "%"])),
                per=draw(st.sampled_from([None, None, "day"])),
                quantity_key="k",
                stance=draw(st.sampled_from(["asserts", "confirms", "denies"])),
            )
        )
    return claims


def test_a_page_s_own_figures_do_not_disagree_with_one_another() -> None:
    fires = "About 300 fires were burning, 19 of them out of control."
    claims = [
        _claim("a@6", 300, None, doc="a", sentence=fires, start=6),
        _claim("a@42", 19, None, doc="a", sentence=fires, start=42),
    ]
    assert "disagreement" not in _by_kind(claims)
    other_page = _claim("b@3", 250, None, doc="b", sentence="About 250 fires were burning.", start=3)
    (disagreement,) = _by_kind([*claims, other_page])["disagreement"]
    assert {m.claim_id for m in disagreement.members} == {"a@6", "a@42", "b@3"}  # each against the other page


def _pairwise_members(claims: list[Claim]) -> tuple[list[str], list[str]]:
    """The definitions: disagreeing figures and scope parts, by testing every pair."""
    from analyzer.corroborate.conflicts import _distinct_figures

    figures = _distinct_figures(c for c in claims if c.stance in ("asserts", "confirms"))

    def same(a: Claim, b: Claim) -> bool:  # one speaker, or one page's own voice
        return a.speaker == b.speaker and (a.speaker is not None or a.doc_id == b.doc_id)

    disagreeing = [
        a.claim_id
        for a in figures
        if any(not same(a, b) and not compatible(a, b) for b in figures if b is not a)
    ]
    parts = [c for c in figures if part_marker(c)]
    wholes = [c for c in figures if not part_marker(c)]
    small = [c for c in parts if any(w.value > c.value and not compatible(c, w) for w in wholes)]
    large = [w for w in wholes if any(w.value > c.value and not compatible(c, w) for c in small)]
    return disagreeing, sorted(c.claim_id for c in [*small, *large])


@settings(max_examples=400, deadline=None)
@given(_figure_sets())
def test_disagreement_and_scope_members_equal_the_pairwise_definition(claims: list[Claim]) -> None:
    disagreeing, scope = _pairwise_members(claims)
    found = find_conflicts(claims)
    got = next((c for c in found if c.kind == "disagreement"), None)
    assert (sorted(m.claim_id for m in got.members) if got else []) == sorted(disagreeing)
    got_scope = next((c for c in found if c.kind == "scope"), None)
    assert (sorted(m.claim_id for m in got_scope.members) if got_scope else []) == scope


@pytest.mark.parametrize(
    ("sentence", "revises"),
    [
        # figures one speaker gives in one breath, with no word of change: a list, a comparison, two things
        ("The Unity list takes 88 seats and the Farmers' Bloc 31, the commissioner said.", False),
        ("The board said 64% of flights left on time on Friday, against 93% in a normal week.", False),
        ("The union said it had 120 members at the depot and 45 at the yard.", False),
        ("Compensation is 500,000 for each death and 80,000 for each injury, the minister said.", False),
        # the same two figures with a word that tells of a change, or of another time
        ("The agency raised the toll to 88 from 31.", True),
        ("The agency said 31 had died, but later put the figure at 88.", True),
        ("The agency, which had said 31 were dead, now counts 88.", True),
        ("The agency revised its count of the dead, 31 and then 88.", True),
    ],
)
def test_figures_said_at_once_revise_nothing_unless_the_sentence_tells_a_change(
    sentence: str, revises: bool
) -> None:
    values = [float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?=\D)", sentence)][:2]
    claims = [
        _claim(f"d@{i}", v, "agency", doc="d", sentence=sentence, start=i, asserted_on=date(2025, 3, 18))
        for i, v in enumerate(values)
    ]
    assert ("revision" in _by_kind(claims)) is revises


def test_a_part_beside_a_figure_keeps_that_figure_s_revision_in_a_later_sentence() -> None:
    first = "The governor said 27 people were in hospital, four of them in a grave state."
    later = "By the evening, she said, 19 people remained in hospital."
    claims = [
        _claim("d@0", 27, "governor", doc="d", sentence=first, start=0, asserted_on=date(2025, 3, 18)),
        _claim("d@1", 4, "governor", doc="d", sentence=first, start=1, asserted_on=date(2025, 3, 18)),
        _claim("d@2", 19, "governor", doc="d", sentence=later, start=2, asserted_on=date(2025, 3, 18)),
    ]
    (revision,) = _by_kind(claims)["revision"]
    assert [m.value for m in revision.members] == [27, 19]


@pytest.mark.parametrize(
    "sentence",
    [
        # inflected verbs and nouns of change, two moments, "by nightfall"
        "The count dropped to 12 after 31 were found alive, officials said.",
        "The toll climbs to 31 from 12, officials said.",
        "Officials issued a correction: 31, not 12.",
        "The ministry put the toll at 12 on Monday and at 31 on Wednesday.",
        "The dead numbered 12 in the morning and 31 by nightfall, police said.",
        "The death toll, which stood at 12 on Monday, has reached 31, police said.",
    ],
)
def test_a_sentence_that_tells_a_change_keeps_its_revision(sentence: str) -> None:
    claims = [
        _claim(f"d@{i}", v, "agency", doc="d", sentence=sentence, start=i, asserted_on=date(2025, 3, 18))
        for i, v in enumerate((12.0, 31.0) if sentence.find("12") < sentence.find("31") else (31.0, 12.0))
    ]
    assert "revision" in _by_kind(claims)


def test_a_list_s_first_figure_is_revised_by_a_later_sentence() -> None:
    listed = "The governor said 27 people died in the blast and 3 in the crush that followed."
    later = "The governor later said 35 people had died in the blast."
    claims = [
        _claim("d@0", 27, "governor", doc="d", sentence=listed, start=0, asserted_on=date(2025, 3, 18)),
        _claim("d@1", 3, "governor", doc="d", sentence=listed, start=1, asserted_on=date(2025, 3, 18)),
        _claim("e@0", 35, "governor", doc="e", sentence=later, start=0, asserted_on=date(2025, 3, 19)),
    ]
    (revision,) = _by_kind(claims)["revision"]
    assert [m.value for m in revision.members] == [27, 35]


def test_figures_of_one_page_and_day_with_no_word_of_change_are_a_breakdown() -> None:
    day = date(2025, 3, 18)
    sentences = [
        "Officials said 26 foreigners were among the dead.",
        "Five of the foreign victims were from Portugal, officials said.",
        "The remaining seats went to smaller parties, and four victims were from Chile, officials said.",
    ]
    items = ("foreigners among the dead", "foreign victims from Portugal", "victims from Chile")
    claims = [
        _claim(f"d@{i}", v, "officials", doc="d", sentence=s, start=i, asserted_on=day, item=item)
        for i, (v, s, item) in enumerate(zip((26, 5, 4), sentences, items, strict=True))
    ]
    assert "revision" not in _by_kind(claims)
    later = "Officials later said 31 foreigners were among the dead."  # a word of change: a revision
    claims.append(
        _claim("d@9", 31, "officials", doc="d", sentence=later, start=9, asserted_on=day, item=items[0])
    )
    (revision,) = _by_kind(claims)["revision"]
    assert [m.value for m in revision.members] == [26, 31]


@pytest.mark.parametrize(
    ("first", "later", "revises"),
    [
        # the same item said again on one page and day is a revision, whatever the words
        ("The ministry said 40 people were killed.", "The ministry said 52 people were killed.", True),
        (
            "The ministry said on Tuesday that 40 were killed.",
            "By Tuesday night it said 52 were killed.",
            True,
        ),
        ("10:05 The ministry says 40 were killed.", "16:40 The ministry says 52 were killed.", True),
        # a breakdown: another item, in a sentence that tells no change, even after a change word before it
        (
            "The toll rose to 26 foreigners, the ministry said.",
            "5 were from Portugal, the ministry said.",
            False,
        ),
    ],
)
def test_one_page_s_figures_of_one_day_revise_when_the_item_repeats(
    first: str, later: str, revises: bool
) -> None:
    day = date(2025, 3, 18)
    items = ("people killed", "people killed") if revises else ("foreigners killed", "victims from Portugal")
    values = [float(re.findall(r"\b\d+\b(?!:)", s)[-1]) for s in (first, later)]
    claims = [
        _claim(f"d@{i}", v, "ministry", doc="d", sentence=s, start=i, asserted_on=day, item=item)
        for i, (v, s, item) in enumerate(zip(values, (first, later), items, strict=True))
    ]
    assert ("revision" in _by_kind(claims)) is revises
