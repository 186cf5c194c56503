"""The same corpus gives byte-identical output, whatever the order its files are created or listed in,
the number of workers, the locale, the time zone or the hash seed of the machine that runs it.

Runs that change the process environment (locale, time zone, hash seed) are subprocesses of
``python -m analyzer``; the rest call :func:`analyzer.cli.main` in this process.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.models import Analysis
from analyzer.pipeline import analyze
from analyzer.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.is_file())


def copy_corpus(target: Path, order: list[Path]) -> Path:
    """The fixtures copied into ``target``, created in the given order (so folder order differs)."""
    target.mkdir(parents=True)
    for path in order:
        shutil.copyfile(path, target / path.name)
    return target


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def run_module(args: list[str], env_changes: dict[str, str], cwd: Path) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "TZ", "PYTHONHASHSEED"))}
    env.update(env_changes)
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def test_creation_order_of_the_files_does_not_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = fixture_files()
    forward = copy_corpus(tmp_path / "forward", files)
    backward = copy_corpus(tmp_path / "backward", files[::-1])
    for path in forward.iterdir():  # different times as well: nothing may sort by them
        os.utime(path, (1_000_000_000, 1_000_000_000 + len(path.name)))
    first = run_main(["report", str(forward), "--format", "json", "-j", "1"], capsys)
    second = run_main(["report", str(backward), "--format", "json", "-j", "1"], capsys)
    assert first == second
    assert '"claims": [\n' in first  # a real report, with claims in it


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_folder_and_its_files_listed_one_by_one_give_the_same_claims(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = [str(p) for p in fixture_files() if not p.name.endswith(".meta.json")]
    by_folder = run_main(["claims", str(FIXTURES), "--format", fmt, "-j", "1"], capsys)
    by_files = run_main(["claims", *listed, "--format", fmt, "-j", "1"], capsys)
    assert by_folder == by_files


def test_the_order_of_the_paths_on_the_command_line_does_not_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = [str(p) for p in fixture_files() if not p.name.endswith(".meta.json")]
    forward = run_main(["report", *listed, "--format", "json", "-j", "1"], capsys)
    backward = run_main(["report", *listed[::-1], "--format", "json", "-j", "1"], capsys)
    assert forward == backward


@pytest.fixture(scope="module")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four copies of the fixtures: enough documents for the worker pool to start (several tasks)."""
    from analyzer.parallel import BATCH_DOCS
    from benchmarks.corpus import build

    target = tmp_path_factory.mktemp("replicated") / "corpus"
    build(target, 4)
    assert sum(1 for p in target.rglob("*.txt")) > BATCH_DOCS
    return target


@pytest.mark.parametrize("command", [["report", "--format", "json"], ["claims", "--format", "jsonl"]])
def test_the_number_of_workers_does_not_matter(
    command: list[str], replicated: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    name, *options = command
    with caplog.at_level(logging.INFO, logger="analyzer.parallel"):
        outputs = {
            jobs: run_main([name, str(replicated), *options, "-j", jobs], capsys) for jobs in ("1", "2", "0")
        }
    assert "extracting on 2 worker processes" in caplog.text  # the pool did run
    assert outputs["1"] == outputs["2"] == outputs["0"]


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "TZ": "Pacific/Auckland", "PYTHONHASHSEED": "1"},
        {"LC_ALL": "C.UTF-8", "TZ": "Etc/GMT+12", "PYTHONHASHSEED": "2"},
        {"LANG": "C.UTF-8", "TZ": "Etc/GMT-14", "PYTHONHASHSEED": "random"},
    ],
    ids=["C-auckland", "utf8-minus12", "lang-plus14-random-hash"],
)
def test_locale_time_zone_and_hash_seed_do_not_matter(env: dict[str, str], tmp_path: Path) -> None:
    args = ["report", str(FIXTURES), "--format", "json", "-j", "1"]
    reference = run_module(args, {"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"}, tmp_path)
    assert run_module(args, env, tmp_path) == reference
    assert b'"conflicts": [' in reference


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_graph_export_is_identical_across_time_zones_and_hash_seeds(suffix: str, tmp_path: Path) -> None:
    outputs = []
    for n, env in enumerate(
        [{"TZ": "Etc/GMT+12", "PYTHONHASHSEED": "0"}, {"TZ": "Etc/GMT-14", "PYTHONHASHSEED": "3"}]
    ):
        target = tmp_path / f"graph{n}{suffix}"
        run_module(["graph", str(FIXTURES), "-o", str(target), "-j", "1"], env, tmp_path)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


def test_gexf_export_does_not_carry_the_date_of_the_run(tmp_path: Path) -> None:
    outputs = []
    # 26 hours apart: whatever the time of day, these two zones are on different dates
    for n, zone in enumerate(["Etc/GMT+12", "Etc/GMT-14"]):
        target = tmp_path / f"graph{n}.gexf"
        run_module(["graph", str(FIXTURES), "-o", str(target), "-j", "1"], {"TZ": zone}, tmp_path)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def test_two_runs_in_one_process_are_identical(capsys: pytest.CaptureFixture[str]) -> None:
    # caches warmed by the first run (compiled patterns, lru caches) must not change the second
    args = ["report", str(FIXTURES), "--format", "markdown", "-j", "1"]
    assert run_main(args, capsys) == run_main(args, capsys)


def test_a_claims_only_run_gives_the_records_of_a_full_run(fixtures_analysis: Analysis) -> None:
    """``corroborate claims`` stops after the quantity keys: the same claims, statements and quantities,
    with nothing built on them."""
    short = analyze([FIXTURES], Settings(jobs=1), claims_only=True)
    assert fixtures_analysis.conflicts and fixtures_analysis.clusters  # the full run has them to skip
    assert (short.documents, short.claims, short.statements, short.quantities, short.warnings) == (
        fixtures_analysis.documents,
        fixtures_analysis.claims,
        fixtures_analysis.statements,
        fixtures_analysis.quantities,
        fixtures_analysis.warnings,
    )
    assert (short.clusters, short.conflicts, short.timelines, short.verdicts) == ((), (), (), ())
