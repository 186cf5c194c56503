"""A claim's offsets point into the text as given (CONTRACT section 2: a .txt file is the document)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.ingest.boilerplate import clean_text
from analyzer.ingest.offsets import SourceMap

PAGES = {
    "menus and a teaser before the story": (
        "Home | World | Sport | Weather\n\nMost read\n1. Bridge closed after 3 crashes\n\n"
        "Flood leaves 40 dead\n\nThe river burst its banks on Monday, and officials said 40 people had died.\n"
    ),
    "a headline below the byline block": (
        "By Ana Ruiz\nPublished 3 May 2025\n\nFlood leaves 40 dead\n\n"
        "Officials said 40 people had died and 1,200 were moved to shelters.\n"
    ),
    "hard-wrapped lines and doubled spaces": (
        "Flood leaves 40 dead\n\nThe river burst its banks on Monday  morning, and officials in the\n"
        "lower valley said that 40 people had died while another 1,200 had\nbeen moved to shelters.\n"
    ),
    "odd and zero-width spaces": (
        "Flood leaves 40 dead\n\nOfficials said\u00a040\u200b people had died, and 1,200\u2009were moved.\n"
    ),
    "a list with markers": (
        "Flood leaves 40 dead\n\nWhat we know:\n- Officials said 40 people died.\n- About 1,200 were moved.\n"
    ),
    "a paragraph printed twice": (
        "Flood leaves 40 dead\n\nOfficials said 40 people had died.\n\nOfficials said 40 people had died.\n\n"
        "Rescuers said 1,200 were moved.\n"
    ),
    "windows line ends": "Flood leaves 40 dead\r\n\r\nOfficials said 40 people had died.\r\n",
}


@pytest.mark.parametrize("raw", PAGES.values(), ids=PAGES.keys())
def test_every_figure_of_the_kept_text_maps_to_the_same_figure_in_the_page(raw: str) -> None:
    kept = clean_text(raw, "Flood leaves 40 dead")
    where = SourceMap(kept, raw)
    for figure in ("40", "1,200"):
        at = kept.find(figure, kept.index("\n\n"))  # in the body, not the headline
        if at < 0:
            continue
        start, end = where.to_source(at), where.to_source_end(at + len(figure))
        assert raw[start:end] == figure
        assert raw[:start].split()[-1] == kept[:at].split()[-1]  # the same place: the same word before


def test_the_headline_maps_to_its_own_line_wherever_it_stands() -> None:
    raw = "Sport | Weather\n\nBy Ana Ruiz\n\nFlood leaves 40 dead\n\nOfficials said 40 people had died.\n"
    kept = clean_text(raw, "Flood leaves 40 dead")
    where = SourceMap(kept, raw)
    assert kept.startswith("Flood leaves 40 dead")
    assert where.to_source(kept.index("40")) == raw.index("40")
    assert where.to_source(kept.rindex("40")) == raw.rindex("40")


def test_an_offset_outside_any_kept_paragraph_is_kept_as_it_is() -> None:
    where = SourceMap("Forty died.", "Something else entirely.")
    assert where.to_source(3) == 3


def test_claims_of_a_text_file_point_into_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = {
        "a": PAGES["menus and a teaser before the story"],
        "b": PAGES["hard-wrapped lines and doubled spaces"],
    }
    for name, raw in pages.items():
        (corpus / f"{name}.txt").write_text(raw, encoding="utf-8")
    records = [{"id": "r1", "text": PAGES["a headline below the byline block"], "url": "u", "outlet": "Wire"}]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["claims", str(corpus), "--format", "jsonl", "-q", "-j", "1"]) == 0
    given = {**pages, "r1": records[0]["text"]}
    claims = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {c["doc_id"] for c in claims} == {"a", "b", "r1"}
    for c in claims:
        assert given[c["doc_id"]][c["start"] : c["end"]].replace(",", "") == f"{c['value']:g}"


def test_a_standfirst_above_the_headline_maps_to_itself_not_to_a_later_copy() -> None:
    raw = (
        "Officials said 40 people died on Monday.\n\nFlood leaves 40 dead in the valley\n\n"
        "The river burst its banks overnight. Officials said 40 people died on Monday. Rescuers searched.\n"
    )
    kept = clean_text(raw, "Flood leaves 40 dead in the valley")
    where = SourceMap(kept, raw)
    first = kept.index("Officials said 40")
    assert where.to_source(first + len("Officials said ")) == raw.index("40")  # the standfirst's own 40
    last = kept.rindex("Officials said 40")
    assert where.to_source(last + len("Officials said ")) == raw.rindex("Officials said 40") + 15


def test_records_moved_to_given_offsets_keep_every_other_field():
    """The pipeline moves claims and statements to the given text's offsets field by field (faster than
    ``dataclasses.replace``): every field must come through, including any added later."""
    import dataclasses
    from datetime import date

    from analyzer.models import Claim, Statement
    from analyzer.pipeline import _claim_at, _statement_at

    day, other = date(2024, 3, 1), date(2024, 3, 2)
    claim = Claim(
        "c1", "d1", 42.0, "s", 1, 2, "Outlet", day, "police", "the police", ("AP",), 40.0, 45.0,
        "at least", True, "sum", "people", "dead", "deaths", "denies", other, "day",
    )  # fmt: skip
    statement = Statement(
        "s1",
        "d1",
        "police",
        "s",
        1,
        2,
        "confirms",
        day,
        "the police",
        "Outlet",
        other,
        ("AP",),
        "troops",
        "k",
    )
    for record, moved in ((claim, _claim_at(claim, 7, 9)), (statement, _statement_at(statement, 7, 9))):
        for field in dataclasses.fields(record):
            if field.default is not dataclasses.MISSING:  # a field added with a default must be set above
                assert getattr(record, field.name) != field.default, field.name
        assert moved == dataclasses.replace(record, start=7, end=9)
