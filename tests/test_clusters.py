"""Clusters: one claim across outlets, and how many independent origins stand behind it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.corroborate.clusters import (
    build_clusters,
    cluster_statements,
    origin_of,
    quote_text,
    same_quote,
)
from analyzer.models import Claim, Statement
from tests.factories import claim, statement


def _claim(cid: str, value: float, speaker: str | None = "Governor", **kw: Any) -> Claim:
    return claim(cid, value, speaker, **{"quantity_key": "deaths", **kw})


def _statement(sid: str, sentence: str, speaker: str = "Governor", **kw: Any) -> Statement:
    return statement(sid, speaker, "confirms", sentence=sentence, **{"quantity_key": "deaths", **kw})


@pytest.mark.parametrize(
    ("via", "outlet", "copy_origin", "expected"),
    [
        (("Reuters",), "Daily", {}, "Reuters"),
        (("AFP", "hospital records"), "Daily", {}, "AFP"),  # an unnamed source is nobody in particular
        (("local media", "Associated Press"), "Daily", {}, "Associated Press"),  # the farthest named source
        (("reports",), "Daily", {}, "Daily"),
        ((), "Daily", {"doc-x": "doc-o"}, "Origin Times"),  # copied from another page
        ((), None, {"doc-x": "doc-y"}, "doc-y"),  # copied from a page with no outlet
        ((), None, {}, "doc-x"),
    ],
)
def test_origin_of_a_report(
    via: tuple[str, ...], outlet: str | None, copy_origin: dict[str, str], expected: str
) -> None:
    assert (
        origin_of("doc-x", via, outlet, copy_origin, {"doc-o": "Origin Times", "doc-x": outlet}) == expected
    )


def test_outlets_citing_one_wire_are_one_origin() -> None:
    claims = [
        _claim("a", 87, outlet="Daily", via=("Reuters",)),
        _claim("b", 87, outlet="Herald", via=("REUTERS",)),
        _claim("c", 87, outlet="Post", via=("Reuters",)),
        _claim("d", 86, outlet="Gazette"),
    ]
    (cluster,) = build_clusters(claims, {}, {})
    assert cluster.outlets == ("Daily", "Gazette", "Herald", "Post")
    assert cluster.origins == ("Gazette", "Reuters")
    assert cluster.independent_sources == 2
    assert cluster.value == 87 and cluster.claim_ids == ("a", "b", "c", "d")


def test_copied_articles_are_one_origin() -> None:
    claims = [_claim("a", 87, doc="orig", outlet="Courier"), _claim("b", 87, doc="copy", outlet="Aggregator")]
    (cluster,) = build_clusters(
        claims, {"orig": "orig", "copy": "orig"}, {"orig": "Courier", "copy": "Aggregator"}
    )
    assert cluster.independent_sources == 1 and cluster.origins == ("Courier",)
    (apart,) = build_clusters(claims, {}, {})
    assert apart.independent_sources == 2


@pytest.mark.parametrize(
    ("figures", "groups"),
    [
        ([(87, None), (90, None), (88, None)], 1),
        ([(10000, None), (12000, "about")], 2),
        ([(1500, "about"), (12000, "about"), (3000, None)], 3),
        ([(10000, "at least"), (11000, None), (10500, None)], 1),
        ([(10000, "at least"), (11000, None), (14000, None)], 2),
    ],
)
def test_one_speaker_splits_into_compatible_figures(
    figures: list[tuple[float, str | None]], groups: int
) -> None:
    claims = [
        _claim(f"c{i}", v, qualifier=q, approximate=q == "about", value_low=v if q == "at least" else None)
        for i, (v, q) in enumerate(figures)
    ]
    assert len(build_clusters(claims, {}, {})) == groups


def test_clusters_keep_speakers_quantities_rates_and_stances_apart() -> None:
    claims = [
        _claim("a", 87),
        _claim("b", 87, speaker="Hospital"),
        _claim("c", 87, quantity_key="missing"),
        _claim("d", 87, per="day"),
        _claim("e", 87, stance="denies"),
        _claim("f", 87, speaker=None),
        _claim("g", 87, quantity_key=""),
    ]
    clusters = build_clusters(claims, {}, {})
    assert sorted(c.claim_ids for c in clusters) == [("a",), ("b",), ("c",), ("d",), ("f",)]
    assert next(c for c in clusters if c.claim_ids == ("f",)).speaker is None


@settings(max_examples=30, deadline=None)
@given(
    st.permutations([_claim(f"c{i}", v, outlet=f"O{i % 3}") for i, v in enumerate([87, 90, 12, 13, 300, 87])])
)
def test_clusters_do_not_depend_on_the_order_of_the_claims(claims: list[Claim]) -> None:
    assert build_clusters(claims, {}, {}) == build_clusters(sorted(claims, key=lambda c: c.claim_id), {}, {})


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "It's only a matter of how fast the water rises",
            "It's only a question of how quickly the water rises",
            True,
        ),
        (
            'The mayor said: "We will not leave until the last family is safe."',
            '"We won\'t leave until the last family is safe," the mayor told reporters.',
            True,
        ),
        ("We have enough boats for everyone", "The dam could fail within hours", False),
    ],
)
def test_quotes_match_across_rewrites(a: str, b: str, same: bool) -> None:
    assert same_quote(a, b) is same


def test_quote_text_takes_the_quoted_words() -> None:
    assert quote_text("“The water is still rising,” she said.") == "The water is still rising,"
    assert quote_text("She said the water was rising.") == "She said the water was rising."


def test_statement_clusters_count_origins() -> None:
    statements = [
        _statement(
            "s1", 'He said: "It is only a matter of how high the river climbs."', outlet="Daily", via=("AFP",)
        ),
        _statement("s2", '"It is just a question of how high the river climbs," he said.', outlet="Post"),
        _statement("s3", '"We have enough boats," he said.', outlet="Post", asserted_on=date(2024, 4, 2)),
        _statement("s4", 'He said: "It is only a matter of how high the river climbs."', speaker="Mayor"),
    ]
    clusters = cluster_statements(statements, {}, {})
    by_ids = {c.statement_ids: c for c in clusters}
    assert set(by_ids) == {("s1", "s2"), ("s3",), ("s4",)}
    assert by_ids[("s1", "s2")].origins == ("AFP", "Post") and by_ids[("s1", "s2")].independent_sources == 2


# --- Scale: one comparison per distinct quote (issue 7) ------------------------------------------------


@pytest.mark.parametrize(
    ("sentences", "groups"),
    [
        # a quote syndicated to many pages, and a different one
        (
            ['"We will rebuild every bridge in the valley," she said.'] * 30
            + ["She said the roads were closed."],
            2,
        ),
        # sentences with no words match nothing, not even each other
        (["...", "...", "—"], 3),
        # a rewrite of the quote joins it
        (['"We will rebuild every bridge in the valley"', '"We\'ll rebuild every bridge in the valley"'], 1),
    ],
)
def test_statements_quoting_the_same_words_form_one_cluster(sentences: list[str], groups: int) -> None:
    statements = [
        statement(f"s{i:03d}", "Ana Ruiz", doc=f"d{i:03d}", sentence=text, quantity_key="bridges")
        for i, text in enumerate(sentences)
    ]
    clusters = cluster_statements(statements, {})
    assert len(clusters) == groups
    assert sorted(i for c in clusters for i in c.statement_ids) == [s.statement_id for s in statements]
