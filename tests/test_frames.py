"""The analysis as DataFrames: columns, dtypes, one row per record, ids that join."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analyzer import frames as fr
from analyzer.models import (
    CONFLICT_KINDS,
    QUALIFIERS,
    STANCES,
    Analysis,
    Cluster,
    ConfirmationDelay,
    DocumentSummary,
    Quantity,
    ReportingLag,
    Timeline,
    TimelineEvent,
)
from tests.factories import analysis_of, conflict, event, reported, statement, timeline

EMPTY = Analysis(documents=(), claims=())


# A hand-made analysis: every field set at least once, and missing at least once.
CLAIMS = (
    reported(
        "d1@10",
        "d1",
        4200.0,
        "Fire service",
        "residents evacuated",
        outlet="Valley Post",
        published=date(2023, 8, 2),
        asserted_on=date(2023, 8, 1),
        via=("Wire A", "Wire B"),
        qualifier="about",
        approximate=True,
        quantity_key="evacuated",
        speaker_mention="the county fire service",
    ),
    reported(
        "d2@5",
        "d2",
        5000.0,
        "Mayor",
        "residents evacuated",
        outlet="Hill Times",
        value_low=4500.0,
        value_high=5000.0,
        quantity_key="evacuated",
        qualifier="roughly-ish",  # a qualifier this version does not know: kept, not lost
        unit="people",
        stance="confirms",
    ),
    reported("d2@40", "d2", 12.0, None, "homes burned", outlet="Hill Times", quantity_key="homes", per="day"),
)
STATEMENTS = (
    statement(
        "d3@7s",
        "Governor",
        "denies",
        doc="d3",
        sentence="The governor denied that any evacuation had been ordered.",
        end=9,
        asserted_on=date(2023, 8, 3),
        quantity_key="evacuated",
    ),
)
HAND = Analysis(
    documents=(
        DocumentSummary("d1", "Valley Post", date(2023, 8, 2), "Thousands flee", 1, "d1.txt"),
        DocumentSummary("d2", "Hill Times", None, None, 2, "d2.txt"),
        DocumentSummary("d3", None, None, None, 0, "d3.txt"),
    ),
    claims=CLAIMS,
    statements=STATEMENTS,
    quantities=(
        Quantity("evacuated", "residents evacuated", None, ("d1@10", "d2@5")),
        Quantity("homes", "homes burned", None, ("d2@40",)),
    ),
    clusters=(
        Cluster("k-1", "evacuated", "Fire service", 4200.0, ("d1@10",), ("Valley Post",), 1, ("Wire B",)),
        Cluster("k-2", "evacuated", "Mayor", 5000.0, ("d2@5",), ("Hill Times",), 1),
    ),
    conflicts=(
        conflict(
            "c-1",
            "denial",
            CLAIMS[0],
            STATEMENTS[0],
            explanation="Governor denied evacuated, which Fire service about 4,200 asserted.",
        ),
    ),
    timelines=(
        timeline(
            event(CLAIMS[0]),
            event(STATEMENTS[0]),
            event(CLAIMS[1], first_on=date(2023, 8, 4)),
            TimelineEvent("evacuated", "Sheriff", None, "hedges", None, ()),
            delays=[ConfirmationDelay("evacuated", "Mayor", date(2023, 8, 4), 3, "Fire service")],
            lags=[ReportingLag("evacuated", "Valley Post", "d1@10", 1)],
        ),
    ),
)


@pytest.fixture(scope="module")
def corroborated() -> Analysis:
    """Claims of one's own, through the real corroboration stage."""
    claims = [
        reported(
            "a@1",
            "a",
            300.0,
            "Coastguard",
            "people rescued",
            outlet="Harbour News",
            via=("Wire",),
            asserted_on=date(2022, 3, 1),
            published=date(2022, 3, 2),
        ),
        reported(
            "b@1",
            "b",
            310.0,
            "Coastguard",
            "people rescued",
            outlet="Bay Daily",
            via=("Wire",),
            published=date(2022, 3, 2),
        ),
        reported(
            "c@1", "c", 900.0, "Volunteers", "people rescued", outlet="Bay Daily", published=date(2022, 3, 3)
        ),
    ]
    said = statement(
        "c@9s",
        "Navy",
        "confirms",
        doc="c",
        sentence="The navy confirmed the rescue figures.",
        end=5,
        asserted_on=date(2022, 3, 4),
        topic="people rescued",
    )
    docs = [DocumentSummary(d, None, date(2022, 3, 2), None, 1) for d in "abc"]
    return analysis_of(claims, [said], documents=docs)


def _analyses(request: pytest.FixtureRequest) -> dict[str, Analysis]:
    return {
        "empty": EMPTY,
        "hand": HAND,
        "corroborated": request.getfixturevalue("corroborated"),
        "fixtures": request.getfixturevalue("fixtures_analysis"),
    }


ANALYSES = ("empty", "hand", "corroborated", "fixtures")
COLUMNS = {
    "documents": fr.DOCUMENT_COLUMNS,
    "claims": fr.CLAIM_COLUMNS,
    "statements": fr.STATEMENT_COLUMNS,
    "quantities": fr.QUANTITY_COLUMNS,
    "clusters": fr.CLUSTER_COLUMNS,
    "conflicts": fr.CONFLICT_COLUMNS,
    "timeline": fr.TIMELINE_COLUMNS,
    "delays": fr.DELAY_COLUMNS,
    "lags": fr.LAG_COLUMNS,
}


def _text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype)


DTYPES = [
    ("documents", "published", "datetime64[ns]"),
    ("documents", "claims", "int64"),
    ("documents", "outlet", "text"),
    ("claims", "published", "datetime64[ns]"),
    ("claims", "asserted_on", "datetime64[ns]"),
    ("claims", "value", "float64"),
    ("claims", "value_low", "float64"),
    ("claims", "value_high", "float64"),
    ("claims", "stance", "category"),
    ("claims", "qualifier", "category"),
    ("claims", "unit", "category"),
    ("claims", "approximate", "bool"),
    ("claims", "start", "int64"),
    ("claims", "via", "text"),
    ("claims", "speaker", "text"),
    ("claims", "cluster_id", "text"),
    ("statements", "stance", "category"),
    ("statements", "asserted_on", "datetime64[ns]"),
    ("quantities", "unit", "category"),
    ("quantities", "speakers", "int64"),
    ("clusters", "value", "float64"),
    ("clusters", "independent_sources", "int64"),
    ("conflicts", "kind", "category"),
    ("conflicts", "value", "float64"),
    ("conflicts", "asserted_on", "datetime64[ns]"),
    ("conflicts", "member", "int64"),
    ("timeline", "first_on", "datetime64[ns]"),
    ("timeline", "stance", "category"),
    ("timeline", "value", "float64"),
    ("timeline", "first_assertion", "bool"),
    ("timeline", "days_after_first", "Int64"),
    ("delays", "first_on", "datetime64[ns]"),
    ("delays", "days_after_first", "int64"),
    ("lags", "days", "int64"),
]


@pytest.mark.parametrize("which", ANALYSES)
@pytest.mark.parametrize(("frame", "column", "dtype"), DTYPES)
def test_dtypes_are_fixed_even_when_empty(
    request: pytest.FixtureRequest, which: str, frame: str, column: str, dtype: str
) -> None:
    series = getattr(fr.to_frames(_analyses(request)[which]), frame)[column]
    if dtype == "text":
        assert _text(series), series.dtype
    else:
        assert str(series.dtype) == dtype


@pytest.mark.parametrize("which", ANALYSES)
@pytest.mark.parametrize("frame", list(COLUMNS))
def test_columns_are_those_documented(request: pytest.FixtureRequest, which: str, frame: str) -> None:
    assert tuple(getattr(fr.to_frames(_analyses(request)[which]), frame).columns) == COLUMNS[frame]


ROWS = [
    ("documents", lambda a: len(a.documents)),
    ("claims", lambda a: len(a.claims)),
    ("statements", lambda a: len(a.statements)),
    ("quantities", lambda a: len(a.quantities)),
    ("clusters", lambda a: len(a.clusters)),
    ("conflicts", lambda a: sum(len(c.members) for c in a.conflicts)),
    ("timeline", lambda a: sum(len(t.events) for t in a.timelines)),
    ("delays", lambda a: sum(len(t.confirmation_delays) for t in a.timelines)),
    ("lags", lambda a: sum(len(t.reporting_lags) for t in a.timelines)),
]


@pytest.mark.parametrize("which", ANALYSES)
@pytest.mark.parametrize(("frame", "count"), ROWS)
def test_one_row_per_record(request: pytest.FixtureRequest, which: str, frame: str, count: object) -> None:
    analysis = _analyses(request)[which]
    assert len(getattr(fr.to_frames(analysis), frame)) == count(analysis)  # type: ignore[operator]


def _ids(frames: fr.Frames) -> set[str]:
    return set(frames.claims.claim_id) | set(frames.statements.statement_id)


JOINS = [  # (frame, column, is a list column, where its ids must be)
    ("conflicts", "claim_id", False, "claims or statements"),
    ("conflicts", "doc_id", False, "documents"),
    ("clusters", "claim_ids", True, "claims"),
    ("quantities", "claim_ids", True, "claims"),
    ("timeline", "claim_ids", True, "claims or statements"),
    ("lags", "claim_id", False, "claims"),
    ("claims", "doc_id", False, "documents"),
    ("claims", "cluster_id", False, "clusters"),
    ("claims", "quantity_key", False, "quantities"),
]


@pytest.mark.parametrize("which", ["hand", "corroborated", "fixtures"])
@pytest.mark.parametrize(("frame", "column", "listed", "target"), JOINS)
def test_ids_join_across_frames(
    request: pytest.FixtureRequest, which: str, frame: str, column: str, listed: bool, target: str
) -> None:
    frames = fr.to_frames(_analyses(request)[which])
    table = getattr(frames, frame)
    values = set((fr.explode(table, column) if listed else table)[column].dropna())
    allowed = {
        "claims": set(frames.claims.claim_id),
        "claims or statements": _ids(frames),
        "documents": set(frames.documents.doc_id),
        "clusters": set(frames.clusters.cluster_id),
        "quantities": set(frames.quantities.quantity_key),
    }[target]
    assert values <= allowed, values - allowed


def test_fixtures_give_rows_to_join(fixtures_analysis: Analysis) -> None:
    frames = fr.to_frames(fixtures_analysis)
    assert len(frames.claims) > 20 and len(frames.conflicts) > 0 and len(frames.clusters) > 0
    merged = frames.conflicts.merge(frames.claims, on="claim_id", how="inner", suffixes=("", "_claim"))
    assert len(merged) > 0
    assert (merged.value == merged.value_claim).all()


def test_hand_made_values_come_through() -> None:
    frames = fr.to_frames(HAND)
    claims = frames.claims.set_index("claim_id")
    first = claims.loc["d1@10"]
    assert first.via == "Wire A; Wire B"
    assert first.published == pd.Timestamp("2023-08-02") and first.asserted_on == pd.Timestamp("2023-08-01")
    assert first.qualifier == "about" and bool(first.approximate) is True
    assert first.cluster_id == "k-1" and first.speaker_mention == "the county fire service"
    second = claims.loc["d2@5"]
    assert pd.isna(second.published) and pd.isna(second.asserted_on)
    assert (second.value_low, second.value_high) == (4500.0, 5000.0)
    assert second.stance == "confirms" and second.unit == "people" and second.via == ""
    third = claims.loc["d2@40"]
    assert pd.isna(third.speaker) and pd.isna(third.value_low) and pd.isna(third.cluster_id)
    assert third.per == "day"
    assert list(frames.claims.qualifier.cat.categories) == [*QUALIFIERS, "roughly-ish"]
    assert list(frames.claims.stance.cat.categories) == list(STANCES)


def test_conflicts_have_one_row_per_member_with_the_conflict_repeated() -> None:
    conflicts = fr.conflicts_frame(HAND)
    assert conflicts.member.tolist() == [0, 1]
    assert conflicts.claim_id.tolist() == ["d1@10", "d3@7s"]
    assert set(conflicts.conflict_id) == {"c-1"} and conflicts.explanation.nunique() == 1
    assert conflicts.kind.tolist() == ["denial", "denial"]
    assert list(conflicts.kind.cat.categories) == list(CONFLICT_KINDS)
    assert conflicts.value.tolist() == [4200.0, 0.0]


def test_timeline_marks_the_first_assertion_and_counts_days() -> None:
    timeline = fr.timeline_frame(HAND)
    assert timeline.speaker.tolist() == ["Fire service", "Governor", "Mayor", "Sheriff"]
    assert timeline.position.tolist() == [0, 1, 2, 3]
    assert timeline.first_assertion.tolist() == [True, False, False, False]
    assert timeline.days_after_first.tolist() == [0, 2, 3, pd.NA]
    assert np.isnan(timeline.value.iloc[1]) and pd.isna(timeline.first_on.iloc[3])
    assert timeline.claim_ids.tolist() == ["d1@10", "d3@7s", "d2@5", ""]
    delays = fr.delays_frame(HAND)
    assert delays.to_dict("records") == [
        {
            "quantity_key": "evacuated",
            "speaker": "Mayor",
            "first_on": pd.Timestamp("2023-08-04"),
            "days_after_first": 3,
            "first_speaker": "Fire service",
        }
    ]
    assert fr.lags_frame(HAND).days.tolist() == [1]


def test_first_assertion_is_shared_on_a_tie() -> None:
    events = (
        TimelineEvent("k", "A", date(2023, 1, 2), "asserts", 1.0, ("x",)),
        TimelineEvent("k", "B", date(2023, 1, 2), "confirms", 1.0, ("y",)),
        TimelineEvent("k", "C", date(2023, 1, 1), "hedges", None, ("z",)),  # earlier, but not an assertion
    )
    timeline = fr.timeline_frame(dataclasses.replace(EMPTY, timelines=(Timeline("k", events),)))
    assert timeline.first_assertion.tolist() == [True, True, False]
    assert timeline.days_after_first.tolist() == [0, 0, -1]


def test_quantities_count_claims_speakers_and_conflicts() -> None:
    quantities = fr.quantities_frame(HAND).set_index("quantity_key")
    assert list(quantities.loc["evacuated", ["claims", "speakers", "conflicts"]]) == [2, 3, 1]
    assert list(quantities.loc["homes", ["claims", "speakers", "conflicts"]]) == [1, 0, 0]


def test_clusters_keep_their_lists_in_order() -> None:
    clusters = fr.clusters_frame(HAND).set_index("cluster_id")
    assert list(clusters.loc["k-1", ["claim_ids", "outlets", "origins", "claims"]]) == [
        "d1@10",
        "Valley Post",
        "Wire B",
        1,
    ]
    assert clusters.loc["k-2", "origins"] == ""


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["a; b", "c"], [("r0", "a"), ("r0", "b"), ("r1", "c")]),
        (["", "c"], [("r1", "c")]),
        ([None, "x; y; z"], [("r1", "x"), ("r1", "y"), ("r1", "z")]),
        (["", ""], []),
    ],
)
def test_explode_gives_one_row_per_item(values: list[str | None], expected: list[tuple[str, str]]) -> None:
    frame = pd.DataFrame({"row": ["r0", "r1"], "ids": pd.Series(values, dtype=object)})
    out = fr.explode(frame, "ids")
    assert list(zip(out.row, out.ids, strict=True)) == expected
    assert list(out.index) == list(range(len(expected)))


def test_explode_names_the_columns_when_one_is_missing() -> None:
    with pytest.raises(KeyError, match="no column 'nope': the columns are a"):
        fr.explode(pd.DataFrame({"a": ["x"]}), "nope")
    with pytest.raises(KeyError, match="cluster_id, quantity_key"):
        fr.explode(fr.clusters_frame(HAND), "nope")


def test_frames_are_a_frozen_record_with_a_short_repr() -> None:
    frames = fr.to_frames(HAND)
    with pytest.raises(dataclasses.FrozenInstanceError):
        frames.claims = pd.DataFrame()  # type: ignore[misc]
    assert repr(frames).startswith("Frames(documents=3 rows, claims=3 rows, statements=1 rows")


@pytest.mark.parametrize("name", list(COLUMNS))
def test_single_frame_functions_match_to_frames(name: str) -> None:
    single = getattr(fr, f"{name}_frame")(HAND)
    pd.testing.assert_frame_equal(single, getattr(fr.to_frames(HAND), name))


def test_same_analysis_same_frames(fixtures_analysis: Analysis) -> None:
    a, b = fr.to_frames(fixtures_analysis), fr.to_frames(fixtures_analysis)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_frames_do_not_need_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, analyzer.frames; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
