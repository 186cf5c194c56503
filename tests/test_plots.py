"""Plots of one quantity: they render on the fixtures and on nothing, say what they should, and save safely."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
import pytest
from matplotlib.figure import Figure

from analyzer import plots
from analyzer.errors import OutputError
from analyzer.models import (
    Analysis,
    Claim,
    ConfirmationDelay,
    DocumentSummary,
    Quantity,
)
from tests.factories import analysis_of, claim, conflict, event, statement, timeline

EMPTY = Analysis(documents=(), claims=())
PNG = b"\x89PNG\r\n\x1a\n"


def _claim(cid: str, value: float, speaker: str | None, **kw: Any) -> Claim:
    return claim(cid, value, speaker, doc=cid.split("@")[0], sentence=f"{speaker} said {value}.", end=3, **kw)


# A quantity with a first assertion, a confirmation three days later, a range, an open bound and a hedge.
SHELTERED = (
    _claim(
        "a@1",
        2500.0,
        "Red Cross",
        quantity_key="sheltered",
        outlet="Coast Echo",
        via=("Wire",),
        asserted_on=date(2021, 6, 1),
        published=date(2021, 6, 2),
        qualifier="about",
        approximate=True,
    ),
    _claim(
        "b@1",
        2500.0,
        "Red Cross",
        quantity_key="sheltered",
        outlet="Inland Daily",
        via=("Wire",),
        published=date(2021, 6, 3),
        qualifier="about",
        approximate=True,
    ),
    _claim(
        "c@1",
        2600.0,
        "Governor",
        quantity_key="sheltered",
        outlet="Inland Daily",
        stance="confirms",
        asserted_on=date(2021, 6, 4),
        published=date(2021, 6, 4),
    ),
    _claim(
        "d@1",
        8000.0,
        "Relief union",
        quantity_key="sheltered",
        outlet="Coast Echo",
        value_low=7000.0,
        value_high=9000.0,
        asserted_on=date(2021, 6, 3),
    ),
    _claim(
        "e@1",
        10000.0,
        "Opposition",
        quantity_key="sheltered",
        outlet="Coast Echo",
        qualifier="more than",
        value_low=10000.0,
        published=date(2021, 6, 5),
    ),
    _claim("f@1", 50.0, "Mayor", quantity_key="sheltered", stance="hedges", published=date(2021, 6, 5)),
    _claim("g@1", 5.0, None, quantity_key="roads-closed", outlet="Coast Echo"),
)
ARMY = statement(
    "h@1s",
    "Army",
    doc="h",
    sentence="The army said it was helping.",
    end=3,
    asserted_on=date(2021, 6, 2),
    quantity_key="sheltered",
)
HAND = Analysis(
    documents=tuple(DocumentSummary(d, "Coast Echo", date(2021, 6, 2), None, 1) for d in "abcdefg"),
    claims=SHELTERED,
    statements=(ARMY,),
    quantities=(
        Quantity("sheltered", "people in emergency shelters", None, ("a@1", "b@1")),
        Quantity("roads-closed", "roads closed", None, ("g@1",)),
    ),
    conflicts=(
        conflict(
            "c-1", "disagreement", SHELTERED[0], SHELTERED[3], explanation="Figures for sheltered disagree."
        ),
    ),
    timelines=(
        timeline(
            event(SHELTERED[0]),
            event(ARMY),
            event(SHELTERED[2]),
            delays=[ConfirmationDelay("sheltered", "Governor", date(2021, 6, 4), 3, "Red Cross")],
        ),
    ),
)


@pytest.fixture(autouse=True)
def _agg_and_close() -> Iterator[None]:
    matplotlib.use("Agg")  # the tests never open a window
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _analysis(request: pytest.FixtureRequest, which: str) -> Analysis:
    return {"empty": EMPTY, "hand": HAND}.get(which) or request.getfixturevalue("fixtures_analysis")


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [
        t.get_text() for ax in fig.axes for t in ax.get_yticklabels()
    ]


@pytest.mark.parametrize("which", ["empty", "hand", "fixtures"])
@pytest.mark.parametrize("kind", plots.KINDS)
def test_each_plot_renders_to_png(
    request: pytest.FixtureRequest, tmp_path: Path, which: str, kind: str
) -> None:
    target = tmp_path / f"{kind}.png"
    plots.save_plot(_analysis(request, which), target, kind)
    data = target.read_bytes()
    assert data.startswith(PNG) and len(data) > 5_000
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".jpg"])
def test_other_formats_are_written_by_their_suffix(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"ranges{suffix}"
    plots.save_plot(HAND, target, "ranges")
    head = target.read_bytes()[:300]
    assert {".svg": b"<svg", ".pdf": b"%PDF", ".jpg": b"\xff\xd8"}[suffix] in head


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
@pytest.mark.parametrize("kind", plots.KINDS)
def test_same_analysis_same_bytes(tmp_path: Path, kind: str, suffix: str) -> None:
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    plots.save_plot(HAND, one, kind)
    plots.save_plot(HAND, two, kind)
    assert one.read_bytes() == two.read_bytes()


def test_a_saved_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "timeline.png"
    plots.save_plot(HAND, target)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize(
    ("name", "kind", "quantity", "message"),
    [
        ("plot.png", "pie", None, "unknown plot kind 'pie': use timeline, ranges, graph"),
        ("plot.bmpx", "timeline", None, "unknown image format '.bmpx'"),
        ("plot", "timeline", None, "unknown image format '(none)'"),
        ("missing/plot.png", "timeline", None, "no such directory"),
        ("plot.png", "timeline", "zebras crossing the road", "no quantity 'zebras crossing the road'"),
    ],
)
def test_save_plot_errors_name_the_path_and_the_reason(
    tmp_path: Path, name: str, kind: str, quantity: str | None, message: str
) -> None:
    target = tmp_path / name
    with pytest.raises(OutputError) as caught:
        plots.save_plot(HAND, target, kind, quantity)
    assert caught.value.source == str(target) and message in caught.value.reason
    assert list(tmp_path.iterdir()) == []


def test_save_plot_leaves_an_old_file_whole_when_drawing_fails(tmp_path: Path, monkeypatch: Any) -> None:
    target = tmp_path / "timeline.png"
    target.write_bytes(b"old")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(RuntimeError):
        plots.save_plot(HAND, target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["timeline.png"]


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (None, "sheltered"),  # five named speakers against none
        ("sheltered", "sheltered"),
        ("roads-closed", "roads-closed"),
        ("people in emergency shelters", "sheltered"),  # words, matched to a quantity
    ],
)
def test_resolve_quantity(asked: str | None, expected: str) -> None:
    assert plots.resolve_quantity(HAND, asked) == expected


def test_resolve_quantity_refuses_what_is_not_there() -> None:
    with pytest.raises(ValueError, match="no quantity 'penguins'"):
        plots.resolve_quantity(HAND, "penguins")
    assert plots.resolve_quantity(EMPTY, None) is None


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([("x", "A"), ("y", "B"), ("y", "C")], "y"),  # more speakers
        ([("x", "A"), ("x", "A"), ("y", "B")], "x"),  # a tie on speakers: more claims
        ([("y", "A"), ("x", "B")], "x"),  # a full tie: the key, for determinism
        ([("x", None), ("x", None), ("y", "B")], "y"),  # unattributed figures are no speaker
    ],
)
def test_default_quantity(claims: list[tuple[str, str | None]], expected: str) -> None:
    made = tuple(_claim(f"d{i}@1", 1.0, who, quantity_key=key) for i, (key, who) in enumerate(claims))
    assert plots.default_quantity(Analysis(documents=(), claims=made)) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(12000.0, "12,000"), (2500.5, "2,500.5"), (0.0, "0"), (1.5e6, "1,500,000"), (0.25, "0.25")],
)
def test_ticks_have_thousands_separators(value: float, text: str) -> None:
    from analyzer.plots.common import _tick

    assert _tick(value) == text


@pytest.mark.parametrize(
    ("day", "text"), [(date(2024, 1, 9), "9 Jan 2024"), (date(1999, 12, 31), "31 Dec 1999")]
)
def test_day_text(day: date, text: str) -> None:
    assert plots.day_text(day) == text


def test_timeline_stars_the_first_assertion_and_annotates_the_delay() -> None:
    fig = plots.plot_timeline(HAND, "sheltered")
    texts = _texts(fig)
    assert "first assertion, 1 Jun 2021: Red Cross" in texts
    assert "Governor confirms, 3 days after Red Cross" in texts
    ax = fig.axes[0]
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]
    assert legend == [
        "Red Cross",
        "Relief union",
        "Governor",
        "Mayor",
        "Opposition",
        "Army",
    ]  # by first figure
    assert ax.get_title() == "people in emergency shelters (sheltered): figures over time"
    assert ax.yaxis.get_major_formatter()(8000.0) == "8,000"


def test_timeline_notes_figures_it_cannot_place() -> None:
    undated = (*SHELTERED, _claim("z@1", 3000.0, "Mayor", quantity_key="sheltered"))
    fig = plots.plot_timeline(Analysis(documents=(), claims=undated), "sheltered")
    assert any("1 figure without any date not shown" in t for t in _texts(fig))


def test_ranges_colour_conflicts_and_show_open_bounds() -> None:
    fig = plots.plot_ranges(HAND, "sheltered")
    labels = _texts(fig)
    assert "Red Cross: about 2,500, 1 Jun 2021" in labels
    assert "Relief union: 7,000-9,000, 3 Jun 2021" in labels
    assert "Mayor: 50 (hedges), 5 Jun 2021" in labels
    assert labels.count("disagreement") == 2  # the two rows of the conflict, tagged in its colour
    ax = fig.axes[0]
    tags = [t for t in ax.texts if t.get_text() == "disagreement"]
    assert all(matplotlib.colors.to_hex(t.get_color()) == "#d62728" for t in tags)
    open_ended = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(open_ended) == 1  # "more than 10,000" runs off to the right


def test_ranges_show_a_part_against_a_whole() -> None:
    analysis = analysis_of(
        [
            claim(
                "a@1",
                400.0,
                "Police",
                doc="a",
                sentence="Police said 400 came in the first wave.",
                item="marchers in the first wave",
                published=date(2020, 5, 1),
            ),
            claim(
                "b@1",
                5000.0,
                "Organisers",
                doc="b",
                sentence="Organisers said 5,000 marched.",
                item="marchers",
                published=date(2020, 5, 1),
            ),
        ]
    )
    assert "scope" in [c.kind for c in analysis.conflicts]
    labels = _texts(plots.plot_ranges(analysis))
    assert any(label.startswith('Police: 400 ["first wave"]') for label in labels)
    assert "scope" in labels


def test_graph_names_speakers_figures_and_outlets() -> None:
    fig = plots.plot_graph(HAND, "sheltered")
    texts = set(_texts(fig))
    assert {"Red Cross", "Governor", "about 2,500", "more than 10,000", "Coast Echo", "Wire"} <= texts
    assert {"speakers", "figures", "outlets"} <= texts
    assert texts.isdisjoint({"roads-closed", "5"})  # another quantity stays out


def _positions(fig: Figure) -> list[tuple[str, tuple[float, float]]]:
    return sorted((t.get_text(), tuple(t.xy)) for ax in fig.axes for t in ax.texts if hasattr(t, "xy"))


@pytest.mark.parametrize("layout", ["layers", "spring"])
def test_graph_layout_is_deterministic(fixtures_analysis: Analysis, layout: str) -> None:
    one = _positions(plots.plot_graph(fixtures_analysis, layout=layout))
    two = _positions(plots.plot_graph(fixtures_analysis, layout=layout))
    assert one == two and len(one) > 5


def test_graph_refuses_an_unknown_layout() -> None:
    with pytest.raises(ValueError, match="unknown layout 'circle'"):
        plots.plot_graph(HAND, layout="circle")


@pytest.mark.parametrize("function", [plots.plot_timeline, plots.plot_ranges, plots.plot_graph])
def test_plots_draw_into_a_given_axes(function: Any) -> None:
    import matplotlib.pyplot as plt

    fig = plt.figure(layout="constrained")
    left, right = fig.subfigures(1, 2)  # type: ignore[misc]
    ax = right.subplots()
    assert function(HAND, "sheltered", ax=ax) is fig
    assert ax.get_title().startswith("people in emergency shelters")
    assert not left.axes


@pytest.mark.parametrize("function", [plots.plot_timeline, plots.plot_ranges, plots.plot_graph])
def test_plots_of_nothing_say_so(function: Any) -> None:
    fig = function(EMPTY)
    assert any(t.startswith("No ") for t in _texts(fig))


def _run(code: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**clean, **env}
    )
    return done.stdout.strip()


@pytest.mark.parametrize(("kind", "pyplot"), [("timeline", False), ("ranges", False), ("graph", True)])
def test_plots_load_pyplot_only_for_networkx_and_never_pandas(kind: str, pyplot: bool) -> None:
    code = (
        "import sys, tempfile, os, analyzer.plots\n"
        "from analyzer.models import Analysis, Claim\n"
        "a = Analysis((), (Claim('a', 'd', 1.0, '', 0, 0, speaker='A', quantity_key='k'),))\n"
        "before = 'matplotlib.pyplot' in sys.modules\n"
        f"analyzer.plots.save_plot(a, os.path.join(tempfile.mkdtemp(), 'x.png'), {kind!r})\n"
        "import matplotlib\n"
        "print(before, 'matplotlib.pyplot' in sys.modules, 'pandas' in sys.modules, matplotlib.get_backend().lower())"
    )
    # save_plot draws without pyplot where it can (no window, no global state); networkx's drawing
    # imports it, and then the backend is Agg on a machine without a display.
    assert _run(code).split() == ["False", str(pyplot), "False", "agg"]


@pytest.mark.parametrize(
    ("env", "backend"),
    [({}, "agg"), ({"MPLBACKEND": "svg"}, "svg"), ({"MPLBACKEND": "pdf"}, "pdf")],
)
def test_no_display_gives_agg_unless_a_backend_was_chosen(env: dict[str, str], backend: str) -> None:
    code = (
        "import analyzer.plots as p\n"
        "from analyzer.models import Analysis\n"
        "import matplotlib\n"
        "p.plot_timeline(Analysis((), ()))\n"
        "print(matplotlib.get_backend().lower())"
    )
    assert _run(code, **env) == backend


SPREAD = Analysis(
    (),
    tuple(
        _claim(f"d{i}@1", value, who, quantity_key="k", published=date(2020, 1, i + 1), qualifier=qualifier)
        for i, (value, who, qualifier) in enumerate(
            [(12.0, "A", None), (40.0, "B", "at least"), (5000.0, "C", "about"), (900.0, "A", None)]
        )
    ),
)


@pytest.mark.parametrize(("function", "axis"), [(plots.plot_timeline, "yaxis"), (plots.plot_ranges, "xaxis")])
def test_figures_spanning_powers_of_ten_get_a_log_scale_with_plain_ticks(function: Any, axis: str) -> None:
    fig = function(SPREAD)
    ax = fig.axes[0]
    fig.canvas.draw()
    scale = getattr(ax, axis)
    assert scale.get_scale() == "log"
    labels = {t.get_text() for t in scale.get_ticklabels()}
    assert {"10", "100", "1,000"} <= labels
    assert ("5,000" in labels) == (axis == "yaxis")  # 1, 2 and 5 of each power of ten where there is room


def test_timeline_ticks_stay_where_the_figures_are() -> None:
    linear = dataclasses.replace(HAND, claims=SHELTERED[:5])  # from 2,500 to 10,000
    ax = plots.plot_timeline(linear, "sheltered").axes[0]
    low, high = ax.get_ylim()
    ticks = ax.get_yticks()
    assert low < 2000 and high > 11000  # room below for statements, above for the delay arrows
    assert min(ticks) >= 2000 and max(ticks) <= 11000  # but no tick labels the empty room


MANY = Analysis(
    (),
    tuple(
        _claim(
            f"d{i}@1",
            100.0 + 10 * i,
            f"Speaker {i % 7}",
            quantity_key="k",
            outlet=f"Outlet {i % 45}",
            published=date(2020, 1, 1 + i % 28),
        )
        for i in range(90)
    ),
)


def test_ranges_show_at_most_forty_rows_and_say_so() -> None:
    ax = plots.plot_ranges(MANY).axes[0]
    assert len(ax.get_yticklabels()) == 40
    assert "40 of 90 figures shown" in ax.get_xlabel()


def test_graph_shows_at_most_thirty_figures_and_outlets_and_says_so() -> None:
    fig = plots.plot_graph(MANY)
    texts = _texts(fig)
    assert sum(t.startswith("Outlet ") for t in texts) <= 30
    assert sum(t[0].isdigit() for t in texts) == 30  # figure labels
    assert any(t.startswith("not shown: 60 figures") for t in texts)
