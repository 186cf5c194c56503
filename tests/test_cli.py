"""The command line: every command documented, every output in the shape of CONTRACT.md."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from analyzer.cli import build_parser, main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
CLAIM_KEYS = {
    "claim_id", "doc_id", "outlet", "published", "speaker", "speaker_mention", "via", "value", "value_low",
    "value_high", "qualifier", "approximate", "derived", "unit", "item", "quantity_key", "stance", "asserted_on",
    "sentence", "start", "end",
}  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert sub.description or any(c.help for c in subparsers._choices_actions if c.dest == name)
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest} has no help"


def test_claims_jsonl_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "claims", str(FIXTURES), "--format", "jsonl", "-q", "-j", "1")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(row.keys() >= CLAIM_KEYS for row in rows)
    kirby = [r for r in rows if r["speaker"] == "John Kirby" and r["value"] == 3000]
    assert kirby and kirby[0]["asserted_on"] == "2024-10-23"


def test_claims_csv_and_json_agree_with_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    _, jsonl, _ = _run(capsys, "claims", str(FIXTURES), "--format", "jsonl", "-q", "-j", "1")
    _, as_json, _ = _run(capsys, "claims", str(FIXTURES), "--format", "json", "-q", "-j", "1")
    _, as_csv, _ = _run(capsys, "claims", str(FIXTURES), "--format", "csv", "-q", "-j", "1")
    ids = [json.loads(line)["claim_id"] for line in jsonl.splitlines()]
    assert [r["claim_id"] for r in json.loads(as_json)] == ids
    assert [r["claim_id"] for r in csv.DictReader(io.StringIO(as_csv))] == ids


def test_claims_table_shows_speaker_and_figure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "claims", str(FIXTURES), "-q", "-j", "1")
    assert code == 0
    assert "Volodymyr Zelenskyy" in out and "10,000" in out


def test_report_json_has_the_contract_sections(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "report", str(FIXTURES), "--format", "json", "-q", "-j", "1")
    assert code == 0
    report = json.loads(out)
    assert {"documents", "claims", "clusters", "conflicts", "timeline"} <= report.keys()
    conflict = report["conflicts"][0]
    assert {"quantity_key", "kind", "members", "explanation"} <= conflict.keys()
    assert {"claim_id", "doc_id", "speaker", "value", "asserted_on"} <= conflict["members"][0].keys()
    cluster = report["clusters"][0]
    assert {
        "cluster_id",
        "quantity_key",
        "speaker",
        "value",
        "claim_ids",
        "outlets",
        "independent_sources",
    } <= (cluster.keys())
    delays = [d for t in report["timeline"] for d in t["confirmation_delays"]]
    assert any(d["days_after_first"] == 10 and d["first_speaker"] == "Volodymyr Zelenskyy" for d in delays)


def test_report_focuses_on_a_quantity_by_its_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "report",
        str(FIXTURES),
        "--format",
        "json",
        "--quantity",
        "North Korean troops in Russia",
        "-q",
    )
    assert code == 0
    keys = {c["quantity_key"] for c in json.loads(out)["claims"]}
    assert len(keys) == 1 and "korea" in next(iter(keys))


def test_report_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "report", str(FIXTURES), "--format", "markdown", "-q", "-j", "1")
    assert code == 0
    assert out.startswith("# Corroboration report") and "| speaker | figure |" in out


def test_report_to_a_file_is_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.txt"
    code, out, _ = _run(capsys, "report", str(FIXTURES), "-o", str(target), "-q", "-j", "1")
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "disagreement" in text


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_graph_is_readable_by_networkx(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"story{suffix}"
    code, _, _ = _run(capsys, "graph", str(FIXTURES), "-o", str(target), "-q", "-j", "1")
    assert code == 0
    if suffix == ".graphml":
        graph = nx.read_graphml(target)
    elif suffix == ".gexf":
        graph = nx.read_gexf(target)
    else:
        graph = nx.node_link_graph(json.loads(target.read_text(encoding="utf-8")), edges="edges")
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    assert {"speaker", "claim", "quantity", "outlet", "document"} <= kinds


def test_unknown_quantity_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "report", str(FIXTURES), "--quantity", "zzz qqq", "-q")
    assert code == 2 and err.count("\n") == 1


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holds = tmp_path / "holds.toml"
    holds.write_text('[[claim]]\nspeaker = "John Kirby"\nvalue = 3000\n', encoding="utf-8")
    fails = tmp_path / "fails.toml"
    fails.write_text('[[claim]]\nspeaker = "John Kirby"\nvalue = 5000\n', encoding="utf-8")
    assert _run(capsys, "check", str(FIXTURES), "--expect", str(holds), "-q")[0] == 0
    code, out, _ = _run(capsys, "check", str(FIXTURES), "--expect", str(fails), "-q")
    assert code == 1 and "expected" in out and "3,000" in out
