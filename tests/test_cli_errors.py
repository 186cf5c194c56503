"""Every user mistake is one line on stderr and exit 2, never a traceback; ``--debug`` shows the
traceback; output files are written whole or not at all.

:func:`analyzer.cli.main` runs in this process (usage errors leave through ``SystemExit(2)``, as
argparse does); the tests about standard output itself (a closed pipe, a full disk) run
``python -m analyzer`` in a subprocess.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import analyzer.atomic
from analyzer.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "corpus"
ARTICLE = (
    "Harbour Fire Leaves Dozens Homeless\n\n"
    "The fire brigade said 37 families had lost their homes in the blaze on the quay.\n\n"
    "According to the port authority, 12 warehouses were destroyed.\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one in-process run (argparse's SystemExit included)."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(err: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with a one-article corpus and the bad auxiliary files the cases need."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "fire.txt").write_text(ARTICLE, encoding="utf-8")
    files = {
        "aliases-broken.json": '[["Fire Brigade", "the brigade"]',
        "aliases-shape.json": '{"Fire Brigade": "the brigade"}',
        "aliases-numbers.json": '[["Fire Brigade", 7]]',
        "aliases-empty.json": "",
        "expect-broken.toml": "[[claim]]\nspeaker = \n",
        "expect-unknown.toml": '[[rumour]]\nspeaker = "X"\n',
        "expect-value.toml": '[[claim]]\nspeaker = "Fire Brigade"\nvalue = "dozens"\n',
        "expect-broken.json": '{"claim": [{"speaker": "X", "value": 3}',
        "expect-list.json": "[1, 2]",
        "table.csv": "source,item,value\nA,fires,3\nB,fires,4\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "expect-binary.toml").write_bytes(b"\x00\xff\xfe binary")
    return tmp_path


USAGE_ERRORS = [
    ("no-command", [], "required: command"),
    ("unknown-command", ["tally"], "invalid choice: 'tally'"),
    ("no-path", ["claims"], "required: PATH"),
    ("missing-path", ["claims", "{w}/nowhere"], "{w}/nowhere: no such file or directory"),
    ("missing-second-path", ["report", "{c}", "{w}/gone.txt"], "{w}/gone.txt: no such file or directory"),
    ("unknown-option", ["claims", "{c}", "--colour"], "unrecognized arguments: --colour"),
    ("claims-format", ["claims", "{c}", "--format", "xml"], "invalid choice: 'xml'"),
    ("report-format", ["report", "{c}", "--format", "csv"], "invalid choice: 'csv'"),
    ("jobs-word", ["claims", "{c}", "-j", "many"], "not a number of workers: 'many'"),
    ("jobs-negative", ["claims", "{c}", "--jobs", "-3"], "cannot be negative"),
    ("aliases-missing", ["claims", "{c}", "--aliases", "{w}/none.json"], "{w}/none.json: no such file"),
    ("aliases-broken", ["claims", "{c}", "--aliases", "{w}/aliases-broken.json"], "invalid JSON at line 1"),
    ("aliases-shape", ["report", "{c}", "--aliases", "{w}/aliases-shape.json"], "must be a list of strings"),
    (
        "aliases-numbers",
        ["claims", "{c}", "--aliases", "{w}/aliases-numbers.json"],
        "non-empty list of strings",
    ),
    ("aliases-empty", ["claims", "{c}", "--aliases", "{w}/aliases-empty.json"], "invalid JSON"),
    ("aliases-folder", ["claims", "{c}", "--aliases", "{w}"], "cannot read"),
    ("expect-not-given", ["check", "{c}"], "required: --expect"),
    ("expect-missing", ["check", "{c}", "--expect", "{w}/none.toml"], "{w}/none.toml: no such file"),
    ("expect-broken-toml", ["check", "{c}", "--expect", "{w}/expect-broken.toml"], "line 2: invalid TOML"),
    (
        "expect-unknown-table",
        ["check", "{c}", "--expect", "{w}/expect-unknown.toml"],
        "unknown table 'rumour'",
    ),
    ("expect-bad-value", ["check", "{c}", "--expect", "{w}/expect-value.toml"], "must be a number"),
    ("expect-broken-json", ["check", "{c}", "--expect", "{w}/expect-broken.json"], "invalid JSON"),
    ("expect-json-list", ["check", "{c}", "--expect", "{w}/expect-list.json"], "expected an object"),
    ("expect-binary", ["check", "{c}", "--expect", "{w}/expect-binary.toml"], "cannot read"),
    ("graph-no-output", ["graph", "{c}"], "-o FILE is required"),
    ("graph-format", ["graph", "{c}", "-o", "{w}/graph.txt"], "unknown graph format"),
    (
        "graph-no-folder",
        ["graph", "{c}", "-o", "{w}/none/graph.json"],
        "{w}/none/graph.json: no such directory",
    ),
    (
        "output-no-folder",
        ["claims", "{c}", "--format", "jsonl", "-o", "{w}/none/c.jsonl"],
        "no such directory",
    ),
    ("output-is-a-folder", ["claims", "{c}", "--format", "jsonl", "-o", "{w}"], "cannot write"),
    ("output-empty", ["claims", "{c}", "--format", "jsonl", "-o", ""], "-o/--output: an empty file name"),
    ("output-blank", ["report", "{c}", "--output", "  "], "an empty file name"),
    ("plot-empty", ["report", "{c}", "--plot", ""], "--plot: an empty file name"),
    (
        "trust-sources-out-empty",
        [
            "trust",
            "{w}/table.csv",
            "--source",
            "source",
            "--item",
            "item",
            "--value",
            "value",
            "--sources-out",
            "",
        ],
        "an empty file name",
    ),
    ("unknown-quantity", ["report", "{c}", "--quantity", "zebra migrations"], "no quantity matches"),
    (
        "plot-format",
        ["report", "{c}", "--format", "json", "--plot", "{w}/timeline.bmp"],
        "unknown image format",
    ),
    (
        "plot-no-folder",
        ["report", "{c}", "--format", "json", "--plot", "{w}/none/t.png"],
        "no such directory",
    ),
    (
        "trust-missing",
        ["trust", "{w}/none.csv", "--source", "s", "--item", "i", "--value", "v"],
        "no such file",
    ),
    (
        "trust-column",
        ["trust", "{w}/table.csv", "--source", "outlet", "--item", "item", "--value", "value"],
        "no column 'outlet'",
    ),
    ("trust-no-options", ["trust", "{w}/table.csv"], "the following arguments are required"),
]


@pytest.mark.parametrize(
    ("argv", "expected"), [case[1:] for case in USAGE_ERRORS], ids=[c[0] for c in USAGE_ERRORS]
)
def test_user_mistakes_are_one_line_and_exit_2(
    argv: list[str], expected: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(w=work, c=work / "corpus") for a in argv]
    code, out, err = run([*args, "-j", "1"] if "{c}" in argv[1:2] else args, capsys)
    assert code == 2
    assert_one_line(err)
    assert expected.format(w=work) in err
    assert out == ""


@pytest.mark.parametrize("plot", ["timeline.bmp", "none/timeline.png", "timeline"])
def test_a_plot_path_is_refused_before_the_corpus_is_read(
    plot: str, work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from analyzer import pipeline

    def no_analysis(*args: object, **kwargs: object) -> object:
        raise AssertionError("the corpus was read before the plot path was checked")

    monkeypatch.setattr(pipeline, "analyze", no_analysis)
    code, out, err = run(["report", str(work / "corpus"), "--plot", str(work / plot)], capsys)
    assert (code, out) == (2, "")
    assert_one_line(err)
    assert str(work / plot) in err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("claims", "report", "check", "graph", "trust"):
        code, out, err = run([command, "--help"], capsys)
        assert code == 0 and err == ""
        assert out.startswith(f"usage: corroborate {command}")


def test_debug_shows_the_traceback_of_a_user_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["--debug", "claims", str(work / "corpus"), "--aliases", str(work / "aliases-shape.json")], capsys
    )
    assert code == 2
    assert err.startswith("Traceback (most recent call last):")
    assert "AliasError" in err
    assert err.rstrip("\n").splitlines()[-1].startswith("corroborate: error: ")


def _crash(*args: object, **kwargs: object) -> object:
    raise RuntimeError("an invariant broke")


def test_a_bug_is_one_line_without_debug_and_a_traceback_with_it(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("analyzer.pipeline.analyze", _crash)
    code, _, err = run(["claims", str(work / "corpus"), "-j", "1"], capsys)
    assert code == 3
    assert_one_line(err)
    assert "internal error: RuntimeError: an invariant broke" in err and "--debug" in err
    with pytest.raises(RuntimeError, match="an invariant broke"):
        main(["--debug", "claims", str(work / "corpus"), "-j", "1"])


@pytest.mark.parametrize("value", ["inf", "nan", "-inf"])
def test_a_non_finite_expected_value_is_a_user_error(
    value: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "odd.toml").write_text(f'[[claim]]\nspeaker = "Fire Brigade"\nvalue = {value}\n')
    code, _, err = run(["check", str(work / "corpus"), "--expect", str(work / "odd.toml"), "-j", "1"], capsys)
    assert code == 2
    assert_one_line(err)
    assert "line 3" in err


# ------------------------------------------------------------------------------------------- output


class FailingHandle(io.RawIOBase):
    """A file handle that takes ``budget`` bytes, then fails as a full disk (or as ``error``)."""

    def __init__(self, real: Any, budget: int, error: BaseException) -> None:
        self.real, self.budget, self.error = real, budget, error

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)[: self.budget]
        self.real.write(chunk)
        self.real.flush()
        self.budget -= len(chunk)
        if self.budget <= 0:
            raise self.error
        return len(chunk)

    def close(self) -> None:
        self.real.close()
        super().close()


def failing_fdopen(error: BaseException, budget: int = 10) -> Callable[..., Any]:
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return FailingHandle(real_fdopen(fd, "wb"), budget, error)

    return fdopen


OUTPUTS = [
    pytest.param(["claims", "{c}", "--format", "jsonl", "-o", "{out}"], "out.jsonl", id="claims-jsonl"),
    pytest.param(["report", "{c}", "--format", "json", "-o", "{out}"], "out.json", id="report-json"),
    pytest.param(["report", "{c}", "-o", "{out}"], "out.txt", id="report-text"),
    pytest.param(["graph", "{c}", "-o", "{out}"], "out.json", id="graph-json"),
    pytest.param(["graph", "{c}", "-o", "{out}"], "out.gexf", id="graph-gexf"),
    pytest.param(
        ["graph", "{c}", "-o", "{out}"],
        "out.graphml",
        id="graph-graphml",
    ),
    pytest.param(["report", "{c}", "--format", "json", "--plot", "{out}"], "timeline.svg", id="plot"),
]


@pytest.mark.parametrize(("argv", "name"), OUTPUTS)
def test_a_full_disk_leaves_the_old_file_whole_and_no_temporary_file(
    argv: list[str],
    name: str,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = work / "out"
    out_dir.mkdir()
    target = out_dir / name
    target.write_text("the previous report\n")
    monkeypatch.setattr(
        analyzer.atomic.os, "fdopen", failing_fdopen(OSError(errno.ENOSPC, "No space left on device"))
    )
    code, _, err = run([a.format(c=work / "corpus", out=target) for a in argv] + ["-j", "1"], capsys)
    assert code == 2
    assert_one_line(err)
    assert f"{target}: cannot write: No space left on device" in err
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in out_dir.iterdir()) == [name]


def test_ctrl_c_while_writing_leaves_the_old_file_whole(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = work / "report.json"
    target.write_text("the previous report\n")
    monkeypatch.setattr(analyzer.atomic.os, "fdopen", failing_fdopen(KeyboardInterrupt()))
    code, _, err = run(
        ["report", str(work / "corpus"), "--format", "json", "-o", str(target), "-j", "1"], capsys
    )
    assert code == 130
    assert err == "corroborate: interrupted\n"
    assert target.read_text() == "the previous report\n"
    assert not [p for p in work.iterdir() if p.name.startswith(".report.json")]


def test_ctrl_c_while_reading_writes_nothing(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = work / "claims.jsonl"
    target.write_text("the previous claims\n")

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("analyzer.pipeline.extract_one", interrupt)
    code, _, err = run(
        ["claims", str(work / "corpus"), "--format", "jsonl", "-o", str(target), "-j", "1"], capsys
    )
    assert code == 130
    assert err == "corroborate: interrupted\n"
    assert target.read_text() == "the previous claims\n"


def test_a_successful_write_replaces_the_file_with_normal_permissions(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = work / "claims.json"
    target.write_text("old")
    code, out, err = run(
        ["claims", str(work / "corpus"), "--format", "json", "-o", str(target), "-j", "1"], capsys
    )
    assert (code, out, err) == (0, "", "")
    claims = json.loads(target.read_text())
    assert {c["value"] for c in claims} == {37, 12}
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == []


def test_an_unwritable_folder_is_exit_2_and_one_line(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # what a folder without write permission gives; simulated, since the tests may run as root
    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(analyzer.atomic.tempfile, "mkstemp", refuse)
    target = work / "report.md"
    code, _, err = run(
        ["report", str(work / "corpus"), "--format", "markdown", "-o", str(target), "-j", "1"], capsys
    )
    assert code == 2
    assert_one_line(err)
    assert f"{target}: cannot write: Permission denied" in err
    assert not target.exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes whatever the mode")
def test_a_read_only_folder_is_exit_2_and_one_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = work / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        code, _, err = run(
            ["claims", str(work / "corpus"), "--format", "csv", "-o", str(locked / "c.csv"), "-j", "1"],
            capsys,
        )
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert_one_line(err)
    assert "Permission denied" in err


def test_writing_to_a_fifo_keeps_the_fifo(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import stat

    fifo = work / "pipe.jsonl"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there: opening to write won't block
    try:
        code, _, err = run(
            ["claims", str(work / "corpus"), "--format", "jsonl", "-o", str(fifo), "-j", "1"], capsys
        )
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert {json.loads(line)["value"] for line in received.splitlines()} == {37, 12}


def test_writing_through_a_symbolic_link_keeps_the_link(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = work / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old")
    link = work / "latest.json"
    link.symlink_to(real)
    code, _, err = run(
        ["claims", str(work / "corpus"), "--format", "json", "-o", str(link), "-j", "1"], capsys
    )
    assert code == 0, err
    assert link.is_symlink()
    assert json.loads(real.read_text())


def test_trust_output_is_written_whole_or_not_at_all(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = work / "chosen.csv"
    target.write_text("the previous table\n")

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("analyzer.corroborate.trust_table._spelling", interrupt)
    argv = ["trust", str(work / "table.csv"), "--source", "source", "--item", "item", "--value", "value"]
    code, _, _ = run([*argv, "-o", str(target)], capsys)
    assert code == 130
    assert target.read_text() == "the previous table\n"


# ------------------------------------------------------------------------------------ standard output


def module(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "analyzer", *args], **kwargs)


def big_corpus(folder: Path) -> Path:
    """Enough articles that the claims do not fit in a pipe's buffer (64 KB)."""
    folder.mkdir()
    for n in range(400):
        (folder / f"fire{n:03d}.txt").write_text(ARTICLE.replace("37", str(100 + n)), encoding="utf-8")
    return folder


def stop_reading_early(args: list[str]) -> tuple[int, str]:
    """Run the tool into a pipe whose reader takes one line and goes (``| head -1``)."""
    process = module(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    return process.wait(timeout=120), err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_a_reader_that_stops_early_is_not_an_error(fmt: str, tmp_path: Path) -> None:
    code, err = stop_reading_early(
        ["claims", str(big_corpus(tmp_path / "corpus")), "--format", fmt, "-j", "1"]
    )
    assert (code, err) == (0, "")


def test_a_reader_that_stops_early_on_the_rich_report_is_not_an_error() -> None:
    code, err = stop_reading_early(["report", str(FIXTURES), "-j", "1"])
    assert (code, err) == (0, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_exit_2(tmp_path: Path) -> None:
    corpus = big_corpus(tmp_path / "corpus")
    with open("/dev/full", "wb") as full:
        process = module(
            ["claims", str(corpus), "--format", "jsonl", "-j", "1"], stdout=full, stderr=subprocess.PIPE
        )
        _, err = process.communicate(timeout=120)
    assert process.returncode == 2, err
    assert err.count(b"\n") == 1 and b"No space left on device" in err


def processes_reading(folder: Path) -> list[int]:
    """Processes whose command line names ``folder``: the tool and its workers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(folder).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_ctrl_c_with_workers_stops_them_all_and_writes_nothing(tmp_path: Path) -> None:
    import signal
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4000):  # many seconds of work on two workers: it is interrupted long before the end
        (corpus / f"fire{n:04d}.txt").write_text(ARTICLE.replace("37", str(1000 + n)), encoding="utf-8")
    target = tmp_path / "claims.jsonl"
    target.write_text("the previous claims\n")
    process = module(
        ["claims", str(corpus), "--format", "jsonl", "-o", str(target), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(2.5)  # past the imports, into the extraction
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == b"corroborate: interrupted\n"
    assert target.read_text() == "the previous claims\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "corpus"]
    deadline = time.monotonic() + 10
    while processes_reading(corpus) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_reading(corpus) == []
