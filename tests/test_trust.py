"""Truth discovery: synthetic cases with known answers (never the shared benchmark data)."""

from __future__ import annotations

import csv
import gzip
import random
import tracemalloc
from pathlib import Path

import pytest

from analyzer.corroborate.trust import (
    ItemVerdict,
    Observation,
    claim_observations,
    estimate_trust,
    parse_value,
)
from analyzer.corroborate.trust_table import ITEM_SEPARATOR, read_observations, run_trust_csv
from analyzer.errors import CorpusError
from analyzer.models import Claim


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,234", 1234.0),
        ("12,000,000", 12_000_000.0),
        (" 10.00 ", 10.0),
        ("-3", -3.0),
        ("\u221242", -42.0),
        ("1.5e3", 1500.0),
        (".5", 0.5),
        (7, 7.0),
        (2.5, 2.5),
        (" N/A ", "n/a"),
        ("Two  Hundred", "two hundred"),
        ("1_000", "1_000"),  # float() would accept it; a table cell like this is not a number
        ("nan", "nan"),
        ("12,34", "12,34"),  # not a thousands grouping
        (True, "true"),
        (float("inf"), "inf"),
    ],
)
def test_parse_value(raw: float | str, expected: float | str) -> None:
    assert parse_value(raw) == expected


def _copier_world(seed: int, items: int = 120) -> tuple[list[Observation], dict[str, float]]:
    """Three independent sources right 80% of the time, with scattered errors; one careless source
    right 30% of the time, and four copiers that repeat the careless source on 90% of items."""
    rng = random.Random(seed)
    obs: list[Observation] = []
    truth: dict[str, float] = {}
    for i in range(items):
        item, true = f"district {i} evacuees", float(1000 + 10 * i)
        truth[item] = true
        for name in ("agency", "hospital", "red cross"):
            wrong = true + 100 * rng.choice([3, 5, 7, 9, 11, 13])
            obs.append(Observation(name, item, true if rng.random() < 0.8 else wrong))
        careless = true if rng.random() < 0.3 else true + 100 * rng.choice([2, 4, 6])
        obs.append(Observation("rumour mill", item, careless))
        for k in range(4):
            own = true + 1000 * rng.choice([2, 4, 6, 8])
            obs.append(Observation(f"aggregator {k}", item, careless if rng.random() < 0.9 else own))
    return obs, truth


def _accuracy(result_items: dict[str, ItemVerdict], truth: dict[str, float]) -> float:
    return sum(result_items[k].value == v for k, v in truth.items()) / len(truth)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_copy_detection_lets_the_truth_win_against_a_block_of_copiers(seed: int) -> None:
    obs, truth = _copier_world(seed)
    blind = estimate_trust(obs, copy_detection=False)
    aware = estimate_trust(obs)
    assert _accuracy(blind.items, truth) < 0.5  # five voices repeating one careless source win
    assert _accuracy(aware.items, truth) > 0.85
    independent = ("agency", "hospital", "red cross")
    copiers = ("rumour mill", *(f"aggregator {k}" for k in range(4)))
    assert min(aware.sources[s] for s in independent) > max(aware.sources[s] for s in copiers)
    flagged = {frozenset(pair[:2]) for pair in aware.copies}
    assert frozenset(("aggregator 0", "rumour mill")) in flagged
    assert not any(frozenset((a, b)) in flagged for a in independent for b in independent)


def test_sources_that_agree_because_they_are_right_are_not_copiers() -> None:
    rng = random.Random(5)
    names = ("police", "fire service", "coastguard", "mayor")
    obs = []
    for i in range(60):
        true = float(500 + i)
        for k, name in enumerate(names):  # each errs its own way: wrong values never coincide
            obs.append(Observation(name, f"q{i}", true if rng.random() < 0.85 else true + 40 * (k + 1)))
    result = estimate_trust(obs)
    backed = [i for i in range(60) if sum(o.value == 500 + i for o in obs if o.item == f"q{i}") >= 2]
    assert len(backed) > 50
    assert all(result.items[f"q{i}"].value == 500 + i for i in backed)
    assert result.copies == ()
    assert all(result.sources[name] > 0.7 for name in names)


@pytest.mark.parametrize(
    ("claims", "chosen", "support"),
    [
        # "at least 10,000" supports 11,000: two sources for it against one for 9,000
        (
            [
                ("ministry", 10_000, 10_000, None),
                ("unions", 11_000, None, None),
                ("police", 9_000, None, None),
            ],
            11_000.0,
            2,
        ),
        # "up to 600" supports 550 against 900
        ([("mayor", 600, None, 600), ("ngo", 550, None, None), ("army", 900, None, None)], 550.0, 2),
        # a range "18,000-20,000" supports 19,000 against 25,000
        (
            [
                ("organisers", 20_000, 18_000, 20_000),
                ("police", 19_000, None, None),
                ("press", 25_000, None, None),
            ],
            19_000.0,
            2,
        ),
        # without bounds, 10,000 and 11,000 are not close enough (5%): a three-way tie, smallest first
        (
            [("ministry", 10_000, None, None), ("unions", 11_000, None, None), ("police", 9_000, None, None)],
            9_000.0,
            1,
        ),
    ],
)
def test_bounds_support_the_values_inside_them(
    claims: list[tuple[str, float, float | None, float | None]], chosen: float, support: int
) -> None:
    obs = [Observation(who, "crowd", value, low=low, high=high) for who, value, low, high in claims]
    verdict = estimate_trust(obs).items["crowd"]
    assert verdict.value == chosen
    assert verdict.support == support


@pytest.mark.parametrize(
    ("figures", "chosen", "support"),
    [
        (["3,000", "3,100", "2,500"], 3000.0, 2),  # 3,000 and 3,100 agree within 5%; 2,500 stands alone
        (["3,100", "3,000", "2,500"], 3000.0, 2),  # the same whatever the order
        (["3,000", "3,500", "2,500"], 2500.0, 1),  # 3,000 and 3,500 do not agree: a three-way tie, smallest
        (["41", "42", "17"], 41.0, 2),  # small counts agree within one unit
    ],
)
def test_close_figures_support_each_other(figures: list[str], chosen: float, support: int) -> None:
    obs = [Observation(f"outlet {i}", "injured", text) for i, text in enumerate(figures)]
    verdict = estimate_trust(obs).items["injured"]
    assert verdict.value == chosen
    assert verdict.support == support


def test_close_figures_need_implication() -> None:
    obs = [Observation(f"outlet {i}", "injured", text) for i, text in enumerate(["3,000", "3,100", "2,500"])]
    assert estimate_trust(obs).items["injured"].value == 3000.0
    assert estimate_trust(obs, implication=0.0).items["injured"].value == 2500.0  # plain tie: smallest


@pytest.mark.parametrize(
    ("claims", "chosen"),
    [
        ([("a", "12"), ("b", "15")], 12.0),  # tie: the smaller number
        ([("a", "unknown"), ("b", "40")], 40.0),  # tie: numbers before words
        ([("a", "N/A"), ("b", " n/a"), ("c", "40")], "n/a"),  # words match after lower/strip
        ([("a", "5"), ("a", "5"), ("b", "7"), ("c", "7")], 7.0),  # a repeated claim counts once
    ],
)
def test_ties_and_normalisation(claims: list[tuple[str, str]], chosen: float | str) -> None:
    verdict = estimate_trust([Observation(s, "x", v) for s, v in claims]).items["x"]
    assert verdict.value == chosen


def test_a_source_giving_two_values_splits_its_vote() -> None:
    obs = [Observation("wire", "x", 10), Observation("wire", "x", 20), Observation("paper", "x", 20)]
    verdict = estimate_trust(obs).items["x"]
    assert verdict.value == 20.0
    assert [c.value for c in verdict.candidates] == [20.0, 10.0]
    assert [c.support for c in verdict.candidates] == [2, 1]


def test_reliable_sources_outrank_noisy_ones_and_win_one_against_one() -> None:
    rng = random.Random(11)
    obs = []
    for i in range(80):
        true = float(100 + i)
        obs += [Observation("careful", f"q{i}", true), Observation("careful too", f"q{i}", true)]
        obs.append(Observation("sloppy", f"q{i}", true if rng.random() < 0.4 else true + 50))
    obs += [Observation("careful", "disputed", 7), Observation("sloppy", "disputed", 3)]
    result = estimate_trust(obs)
    assert result.sources["careful"] > 0.9 > 0.5 > result.sources["sloppy"]
    assert result.items["disputed"].value == 7.0  # the smaller 3 would win a blind tie
    assert result.claims == {"careful": 81, "careful too": 80, "sloppy": 81}


def _bulk_world(seed: int) -> tuple[list[Observation], dict[str, float], dict[str, float]]:
    """A bulk importer fills 1,500 items nobody else covers and is right against 300 one-claim passers-by
    (right 30% of the time), but six careful editors correct it on 6 of the 30 items each shares with it.

    Returns the observations, the disputed items and the passers-by's items, each with its truth.
    """
    rng = random.Random(seed)
    obs: list[Observation] = []
    disputed: dict[str, float] = {}
    passed: dict[str, float] = {}
    count = 0

    def new_item() -> tuple[str, float]:
        nonlocal count
        count += 1
        return f"town {count} population", float(1000 + 37 * count)

    for _ in range(1500):
        item, true = new_item()
        obs.append(Observation("import bot", item, true))
    for k in range(300):
        item, true = new_item()
        passed[item] = true
        obs.append(Observation("import bot", item, true))
        obs.append(Observation(f"passer-by {k}", item, true if rng.random() < 0.3 else true * 1.5))
    for j in range(6):
        for q in range(30):
            item, true = new_item()
            if q < 6:
                disputed[item] = true
            obs.append(Observation("import bot", item, true * 2 if q < 6 else true))
            obs.append(Observation(f"editor {j}", item, true))
    return obs, disputed, passed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bulk_source_does_not_feed_on_its_unchecked_claims(seed: int) -> None:
    obs, disputed, passed = _bulk_world(seed)
    blind = estimate_trust(obs, dampening=None)  # unchecked claims left out
    assert _accuracy(blind.items, disputed) < 0.1  # the importer's own heavy vote wins every dispute
    assert blind.sources["import bot"] > 0.9
    result = estimate_trust(obs)
    assert _accuracy(result.items, disputed) > 0.9  # the editors who checked it win
    assert _accuracy(result.items, passed) > 0.9  # and it still beats one-claim passers-by
    editors = [result.sources[f"editor {j}"] for j in range(6)]
    assert 0.5 < result.sources["import bot"] < 0.7 < min(editors)


def test_dampening_changes_nothing_when_every_claim_can_be_checked() -> None:
    obs, _ = _copier_world(6, items=60)  # every item has eight sources
    assert estimate_trust(obs) == estimate_trust(obs, dampening=None)


def test_deterministic_and_independent_of_input_order() -> None:
    obs, _ = _copier_world(4, items=40)
    first = estimate_trust(obs)
    shuffled = list(obs)
    random.Random(9).shuffle(shuffled)
    second = estimate_trust(shuffled)
    assert first == second
    assert first == estimate_trust(obs)


def test_empty_input() -> None:
    result = estimate_trust([])
    assert (result.items, result.sources, result.copies) == ({}, {}, ())


@pytest.mark.parametrize(
    "options",
    [
        {"implication": 1.0},
        {"implication": -0.1},
        {"copy_rate": 1.0},
        {"false_values": 0},
        {"dampening": 1.5},
        {"dampening": -0.1},
    ],
)
def test_bad_options_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        estimate_trust([Observation("a", "x", 1)], **options)  # type: ignore[arg-type]


def test_memory_stays_linear_on_200k_observations() -> None:
    rng = random.Random(0)
    obs = [
        Observation(f"s{rng.randrange(3000)}", f"item {i // 5}", float(rng.choice([100, 100, 100, 120, 90])))
        for i in range(195_000)
    ]
    obs += [Observation(f"s{j}", "hot item", float(j % 7)) for j in range(5_000)]  # 5,000 sources on one item
    tracemalloc.start()
    try:
        result = estimate_trust(obs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.items) == 39_001
    assert peak < 250 * 2**20  # ~110 MiB; pairing all 5,000 sources of the hot item would take ~1.4 GiB


def _write_csv(path: Path, rows: list[list[str]], header: list[str]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


ROWS = [
    ["Daily Bugle", "flood", "evacuated", "1,200"],
    ["Morning Star", "flood", "evacuated", "1200"],
    ["Evening Post", "flood", "evacuated", "1,200"],
    ["Evening Post", "flood", "missing", "14"],
    ["Daily Bugle", "flood", "missing", "12"],
    ["Morning Star", "flood", "missing", "14"],
    ["Gazette", "fire", "homes lost", "about forty"],
    ["", "fire", "homes lost", "40"],  # no source: skipped
]


@pytest.mark.parametrize("name", ["claims.csv", "claims.csv.gz"])
def test_csv_round_trip_keeps_column_names(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    _write_csv(src, ROWS, ["outlet", "story", "metric", "figure"])
    out, sources_out = tmp_path / "out" / "items.csv", tmp_path / "sources.csv"
    result = run_trust_csv(
        src, source="outlet", items=["story", "metric"], value="figure", out=out, sources_out=sources_out
    )
    assert result.items[f"flood{ITEM_SEPARATOR}missing"].value == 14.0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["story", "metric", "figure", "confidence", "support"]
    assert [r[:3] + r[4:] for r in rows[1:]] == [
        ["fire", "homes lost", "about forty", "1"],
        ["flood", "evacuated", "1,200", "3"],  # the spelling most sources used
        ["flood", "missing", "14", "2"],
    ]
    assert all(0.0 < float(r[3]) <= 1.0 for r in rows[1:])
    with sources_out.open(encoding="utf-8") as handle:
        source_rows = list(csv.reader(handle))
    assert source_rows[0] == ["source", "reliability", "claims"]
    assert sorted(r[0] for r in source_rows[1:]) == ["Daily Bugle", "Evening Post", "Gazette", "Morning Star"]
    reliabilities = [float(r[1]) for r in source_rows[1:]]
    assert reliabilities == sorted(reliabilities, reverse=True)


@pytest.mark.parametrize(
    ("columns", "missing"),
    [
        ({"source": "outlet", "items": ["story"], "value": "number"}, "number"),
        ({"source": "site", "items": ["story"], "value": "figure"}, "site"),
        ({"source": "outlet", "items": ["story", "quantity"], "value": "figure"}, "quantity"),
    ],
)
def test_missing_column_is_named(tmp_path: Path, columns: dict[str, object], missing: str) -> None:
    src = tmp_path / "claims.csv"
    _write_csv(src, ROWS, ["outlet", "story", "metric", "figure"])
    with pytest.raises(CorpusError, match=f"no column '{missing}'") as info:
        run_trust_csv(src, **columns)  # type: ignore[arg-type]
    assert info.value.source == str(src)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "no such file"), ("", "empty file"), ('outlet,story,figure\n"a,b\n', "malformed CSV")],
)
def test_unreadable_tables(tmp_path: Path, content: str | None, reason: str) -> None:
    src = tmp_path / "claims.csv"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=reason):
        read_observations(src, source="outlet", items=["story"], value="figure")


def _claim(**fields: object) -> Claim:
    base: dict[str, object] = {
        "claim_id": "c",
        "doc_id": "d",
        "value": 300.0,
        "sentence": "s",
        "start": 0,
        "end": 3,
    }
    base.update({"speaker": "governor", "outlet": "Daily Bugle", "quantity_key": "missing", **fields})
    return Claim(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        (_claim(), "speaker", Observation("governor", "missing", 300.0)),
        (_claim(), "outlet", Observation("Daily Bugle", "missing", 300.0)),
        (
            _claim(value_low=300.0, qualifier="at least"),
            "speaker",
            Observation("governor", "missing", 300.0, low=300.0),
        ),
        (
            _claim(approximate=True),
            "speaker",
            Observation("governor", "missing", 300.0, low=270.0, high=330.0),
        ),
        (_claim(stance="denies"), "speaker", None),
        (_claim(stance="hedges"), "speaker", None),
        (_claim(speaker=None), "speaker", None),
        (_claim(quantity_key=""), "speaker", None),
    ],
)
def test_claim_observations(claim: Claim, source: str, expected: Observation | None) -> None:
    assert claim_observations([claim], source=source) == ([expected] if expected else [])


def test_claims_to_verdict() -> None:
    claims = [
        _claim(claim_id="1", speaker="governor", value=300.0),
        _claim(claim_id="2", speaker="mayor", value=310.0),
        _claim(claim_id="3", speaker="rescue team", value=120.0),
        _claim(claim_id="4", speaker="opposition", value=120.0, stance="denies"),
    ]
    verdict = estimate_trust(claim_observations(claims)).items["missing"]
    assert (verdict.value, verdict.support) == (300.0, 2)


def test_dash_writes_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "claims.csv"
    _write_csv(src, ROWS, ["outlet", "story", "metric", "figure"])
    run_trust_csv(src, source="outlet", items=["story", "metric"], value="figure", out="-")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "story,metric,figure,confidence,support"
    assert len(lines) == 4
