"""Extraction on a process pool: same output whatever ``--jobs``, bounded work units, failures as warnings."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from analyzer.errors import CorpusError
from analyzer.ingest import iter_documents
from analyzer.ingest.readers import read_jsonl_file
from analyzer.models import CorpusWarning, Document
from analyzer.parallel import (
    MIN_POOL_DOCS,
    Progress,
    WorkerError,
    corpus_bytes,
    iter_batches,
    plan,
    start_method,
    worker_count,
)
from analyzer.pipeline import analyze
from analyzer.serialize import analysis_dict, dumps
from analyzer.settings import Settings
from benchmarks.corpus import FIXTURES, build

# ------------------------------------------------------------------ helpers the workers call by name


def identity(doc: Document) -> Document:
    return doc


def with_pid(doc: Document) -> tuple[str, int]:
    return doc.doc_id, os.getpid()


def explode_on_marker(doc: Document) -> str:
    if "KABOOM" in doc.text:
        raise ValueError("the extractor choked")
    return doc.doc_id


def die_on_marker(doc: Document) -> str:
    if "KABOOM" in doc.text:
        os._exit(3)  # a worker killed mid-task (out of memory, a crash in a C extension)
    return doc.doc_id


def slow(doc: Document) -> str:
    time.sleep(0.05)
    return doc.doc_id


def describe(event: object) -> object:
    """A comparable form of an event: the document's fields, or the warning's text."""
    if isinstance(event, CorpusWarning):
        return ("warning", str(event))
    if isinstance(event, Document):
        return (event.doc_id, event.text, event.outlet, event.url, event.published, event.title, event.source)
    return event


def events(paths: list[Path], extract: Callable[[Document], Any], **kwargs: int) -> list[Any]:
    return [describe(e) for batch in iter_batches(paths, extract, **kwargs) for e in batch.events]


@pytest.fixture(autouse=True)
def _no_workers_left() -> Iterator[None]:
    yield
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children(), "worker processes were left behind"


# ------------------------------------------------------------------ a corpus with every kind of input


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Pages, sidecars, record files with good and bad lines, and files that are skipped."""
    root = tmp_path / "mixed"
    (root / "b-folder" / "inner").mkdir(parents=True)
    for i in range(12):
        (root / f"page{i:02d}.txt").write_text(
            f"Harbour Post\n\nThe harbour master said {40 + i} boats were stranded by the ice on Monday.\n"
            "Subscribe to our newsletter\n",
            encoding="utf-8",
        )
    (root / "page03.meta.json").write_text('{"outlet": "Bay Courier", "published": "2024-02-05"}')
    (root / "page04.meta.json").write_text('{"published": 20240205}')  # a wrong type: warned about
    (root / "empty.txt").write_text("   \n")
    (root / "notes.csv").write_text("a,b\n")
    (root / ".hidden.txt").write_text("Nobody reads this.")
    (root / "b-folder" / "inner" / "deep.html").write_text(
        "<html><head><title>Ferry halted</title></head><body><article><p>The ferry operator said "
        "300 passengers were kept ashore while crews cleared the ice from the slipway.</p></article>"
        "</body></html>"
    )
    lines = [
        "\ufeff" + json.dumps({"id": "r1", "text": "The coastguard said 18 fishermen were rescued."}),
        "",
        "{not json",
        json.dumps({"text": "Officials said 7 roads were closed.", "published": "2024-02-04"}),
        json.dumps({"id": 5, "html": "<p>The mayor said 12 schools would stay shut.</p>"}),
        json.dumps({"id": "r6", "title": "no text at all"}),
        json.dumps(["a", "list"]),
    ] + [
        json.dumps({"id": f"bulk{i}", "text": f"Volunteers said {i + 100} meals were served."})
        for i in range(40)
    ]
    (root / "b-folder" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "records.json").write_text(
        json.dumps([{"id": "j1", "text": "Police said 4 cars were towed."}, {"text": ""}, 3])
    )
    (root / "page05.txt").write_bytes(b"The council said 9 \xff shelters opened.")  # an invalid byte
    return root


def test_units_give_the_documents_and_warnings_of_the_ingest_readers(mixed: Path) -> None:
    warnings: list[CorpusWarning] = []
    expected: list[Any] = []
    for doc in iter_documents([mixed], warnings.append):
        expected.extend(describe(w) for w in warnings)
        warnings.clear()
        expected.append(describe(doc))
    expected.extend(describe(w) for w in warnings)
    # Documents and warnings in the same order; warnings about a file come where the reader raised them.
    for batch_bytes in (64 * 1024, 200):  # 200 bytes cuts the JSONL file into many runs of lines
        got = events([mixed], identity, jobs=1, batch_bytes=batch_bytes)
        assert sorted(map(str, got)) == sorted(map(str, expected))
        assert [e for e in got if e[0] != "warning"] == [e for e in expected if e[0] != "warning"]
    assert events([mixed], identity, jobs=2, batch_bytes=200, batch_docs=3) == events(
        [mixed], identity, jobs=1, batch_bytes=200, batch_docs=3
    )


def test_record_lines_keep_their_numbers_when_cut_into_runs(mixed: Path) -> None:
    got = events([mixed / "b-folder" / "wire.jsonl"], identity, jobs=1, batch_bytes=100)
    ids = [e[0] for e in got if e[0] != "warning"]
    assert ids[:3] == ["r1", "wire:4", "5"]
    assert ids[3:] == [f"bulk{i}" for i in range(40)]
    tasks = [t for t in plan([mixed / "b-folder" / "wire.jsonl"], batch_bytes=100) if isinstance(t, tuple)]
    units = [u for task in tasks for u in task]
    assert len(units) > 5
    assert all(u.kind == "lines" for u in units)
    assert [u.first for u in units] == sorted(u.first for u in units)
    assert sum(u.size for u in units) == (mixed / "b-folder" / "wire.jsonl").stat().st_size


_FEED = "".join(
    json.dumps({"id": f"f{n}", "text": f"The union said {300 + n} dockers walked out at Pier {n}."}) + "\r\n"
    for n in range(6)
)


@pytest.mark.parametrize(
    ("data", "kinds"),
    [
        (_FEED.encode("utf-8"), {"lines"}),
        (b"\xef\xbb\xbf" + _FEED.encode("utf-8"), {"lines"}),
        (_FEED.encode("utf-16"), {"file"}),  # with its byte order mark: decoded whole
        (b"\xfe\xff" + _FEED.encode("utf-16-be"), {"file"}),
        (_FEED.encode("utf-16-le"), {"lines"}),  # no mark: read line by line by both, NUL bytes and all
        (_FEED.replace("Pier", "Quai Mü").encode("latin-1"), {"lines"}),  # invalid UTF-8, line by line
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-no-bom", "latin1"],
)
def test_a_jsonl_file_gives_what_its_reader_gives_in_any_encoding(
    tmp_path: Path, data: bytes, kinds: set[str]
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    warnings: list[CorpusWarning] = []
    expected = []
    for doc in read_jsonl_file(path, warnings.append):
        expected += [*map(describe, warnings), describe(doc)]
        warnings.clear()
    expected += map(describe, warnings)
    units = [u for task in plan([path], batch_bytes=40) if isinstance(task, tuple) for u in task]
    assert {u.kind for u in units} == kinds
    assert events([path], identity, jobs=1, batch_bytes=40) == expected
    assert len([e for e in expected if e[0] != "warning"]) in (0, 6)


@pytest.mark.parametrize(
    ("batch_bytes", "batch_docs", "tasks"),
    [
        (10**9, 10**9, 1),  # everything in one task
        (10**9, 4, 3),  # twelve pages, four a task
        (1, 10**9, 12),  # one page a task
    ],
)
def test_tasks_are_bounded_by_bytes_and_documents(
    tmp_path: Path, batch_bytes: int, batch_docs: int, tasks: int
) -> None:
    for i in range(12):
        (tmp_path / f"p{i:02d}.txt").write_text(f"The agency said {i + 10} people were hurt.")
    planned = [
        t for t in plan([tmp_path], batch_bytes=batch_bytes, batch_docs=batch_docs) if isinstance(t, tuple)
    ]
    assert len(planned) == tasks
    assert [u.path for task in planned for u in task] == sorted(str(p) for p in tmp_path.iterdir())


def test_a_missing_path_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        iter_batches([tmp_path / "nowhere"], identity)


# ------------------------------------------------------------------ the same output whatever --jobs


def test_the_pool_really_runs_elsewhere_and_keeps_corpus_order(mixed: Path) -> None:
    serial = events([mixed], with_pid, jobs=1, batch_docs=2)
    pooled = events([mixed], with_pid, jobs=2, batch_docs=2)
    strip = [e[0] if isinstance(e, tuple) and e[0] != "warning" else e for e in serial]
    assert [e[0] if isinstance(e, tuple) and e[0] != "warning" else e for e in pooled] == strip
    pids = {e[1] for e in pooled if isinstance(e, tuple) and e[0] != "warning"}
    assert os.getpid() not in pids
    assert {e[1] for e in serial if isinstance(e, tuple) and e[0] != "warning"} == {os.getpid()}


def test_a_tiny_corpus_starts_no_pool(tmp_path: Path) -> None:
    for i in range(MIN_POOL_DOCS - 1):
        (tmp_path / f"p{i}.txt").write_text(f"The agency said {i + 10} people were hurt.")
    got = events([tmp_path], with_pid, jobs=4, batch_docs=1)
    assert {e[1] for e in got} == {os.getpid()}


def test_fixture_report_is_identical_for_one_and_two_workers() -> None:
    one = analyze([FIXTURES], Settings(jobs=1))
    two = analyze([FIXTURES], Settings(jobs=2))
    assert dumps(analysis_dict(one)) == dumps(analysis_dict(two))
    assert one == two


@pytest.mark.slow
def test_tenfold_corpus_report_is_identical_for_one_and_two_workers(tmp_path: Path) -> None:
    build(tmp_path / "c", 10)
    one = analyze([tmp_path / "c"], Settings(jobs=1))
    two = analyze([tmp_path / "c"], Settings(jobs=2))
    assert len(one.documents) == 10 * len(analyze([FIXTURES], Settings(jobs=1)).documents)
    assert dumps(analysis_dict(one)) == dumps(analysis_dict(two))


def test_duplicate_ids_are_warned_about_in_the_same_place_whatever_the_workers(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for i in range(6):
            (tmp_path / folder / f"same{i}.txt").write_text(f"The agency said {i + 20} people were hurt.")
    one = analyze([tmp_path], Settings(jobs=1))
    two = analyze([tmp_path], Settings(jobs=2))
    assert [str(w) for w in one.warnings] == [str(w) for w in two.warnings]
    assert len(one.warnings) == 6 and "duplicate document id" in one.warnings[0].message
    assert len(one.documents) == 6


# ------------------------------------------------------------------ failures


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_breaks_extraction_is_a_warning(mixed: Path, jobs: int) -> None:
    (mixed / "page07.txt").write_text("The harbour master said KABOOM 12 boats sank.")
    got = events([mixed], explode_on_marker, jobs=jobs, batch_docs=2)
    assert (
        "warning",
        f"{mixed / 'page07.txt'}: extraction failed (ValueError: the extractor choked); document skipped",
    ) in got
    assert "page08" in got and "page06" in got


def test_analyze_turns_an_extraction_error_into_a_warning(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analyzer.pipeline

    real = analyzer.pipeline.extract_document

    def fragile(doc: Document, known: frozenset[str] = frozenset()) -> object:
        if doc.doc_id == "page02":
            raise RecursionError("too deep")
        return real(doc, known)

    monkeypatch.setattr(analyzer.pipeline, "extract_document", fragile)
    analysis = analyze([mixed], Settings(jobs=1))
    assert any(
        w.message == "extraction failed (RecursionError: too deep); document skipped"
        for w in analysis.warnings
    )
    assert "page02" not in {d.doc_id for d in analysis.documents}
    assert {"page01", "page03", "r1"} <= {d.doc_id for d in analysis.documents}


def test_a_worker_that_dies_raises_instead_of_hanging(mixed: Path) -> None:
    (mixed / "page07.txt").write_text("The harbour master said KABOOM 12 boats sank.")
    started = time.monotonic()
    with pytest.raises(WorkerError, match="worker process died"):
        events([mixed], die_on_marker, jobs=2, batch_docs=2)
    assert time.monotonic() - started < 30


def test_stopping_early_terminates_the_workers(tmp_path: Path) -> None:
    for i in range(64):
        (tmp_path / f"p{i:02d}.txt").write_text(f"The agency said {i + 10} people were hurt.")
    started = time.monotonic()
    with (
        pytest.raises(KeyboardInterrupt),
        closing(iter_batches([tmp_path], slow, jobs=2, batch_docs=8)) as batches,
    ):
        for _ in batches:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the workers are busy
            time.sleep(1)
    # the workers were terminated, not waited for (their tasks would take 8 x 0.05 s each)
    assert time.monotonic() - started < 5
    assert not multiprocessing.active_children()


# ------------------------------------------------------------------ Parquet shards, progress, start method


def test_parquet_rows_read_like_jsonl_records(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from datetime import date

    records: list[dict[str, Any]] = [
        {
            "id": None if i % 3 == 0 else f"p{i}",
            "text": f"The fire service said {i + 30} homes were evacuated.",
            "outlet": "Valley News",
            "published": date(2024, 3, 1 + i % 5),
        }
        for i in range(25)
    ]
    records.append({"id": "blank", "text": None, "outlet": None, "published": None})
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "shard.parquet", row_group_size=7)
    with (tmp_path / "shard.jsonl").open("w") as handle:
        for r in records:
            r = {**r, "published": r["published"].isoformat() if r["published"] else None}
            handle.write(json.dumps({k: v for k, v in r.items() if v is not None}) + "\n")
    from_parquet = events([tmp_path / "shard.parquet"], identity, jobs=1, batch_bytes=300)
    from_jsonl = events([tmp_path / "shard.jsonl"], identity, jobs=1)
    docs = [e[:6] for e in from_parquet if e[0] != "warning"]
    assert docs == [e[:6] for e in from_jsonl if e[0] != "warning"]
    assert docs[0][0] == "shard:1" and docs[1][0] == "p1"
    assert [e[1].split(": ", 1)[1] for e in from_parquet if e[0] == "warning"] == [
        "record has no 'text' or 'html' string; skipped"
    ]


def test_a_file_that_is_not_parquet_is_a_warning(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    (tmp_path / "broken.parquet").write_text("not parquet at all")
    got = events([tmp_path], identity, jobs=1)
    assert len(got) == 1 and "not a readable Parquet file" in got[0][1]


def test_progress_reports_documents_claims_bytes_and_stages(tmp_path: Path) -> None:
    build(tmp_path / "c", 2)
    reports: list[Progress] = []
    analysis = analyze([tmp_path / "c"], Settings(jobs=1), progress=reports.append)
    stages = [r.stage for r in reports]
    assert stages[-3:] == ["resolve", "corroborate", "done"]
    assert set(stages[:-3]) == {"extract"}
    final = reports[-1]
    assert final.documents == len(analysis.documents)
    assert final.claims == len(analysis.claims)
    assert final.bytes_done == final.bytes_total == corpus_bytes([tmp_path / "c"])
    assert final.fraction == 1.0
    assert [r.documents for r in reports] == sorted(r.documents for r in reports)


def test_progress_is_called_a_few_times_a_second_at_most(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"p{i:02d}.txt").write_text(f"The agency said {i + 10} people were hurt.")
    reports: list[Progress] = []
    started = time.monotonic()
    analyze([tmp_path], Settings(jobs=1), progress=reports.append)
    elapsed = time.monotonic() - started
    extract_calls = sum(1 for r in reports if r.stage == "extract")
    assert extract_calls <= elapsed / 0.25 + 2


def test_start_method_never_forks_a_threaded_process() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(("jobs", "expected"), [(1, 1), (3, 3), (0, len(os.sched_getaffinity(0)))])
def test_worker_count(jobs: int, expected: int) -> None:
    assert worker_count(jobs) == expected


def test_without_process_support_extraction_runs_here(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import analyzer.parallel

    def no_semaphores(workers: int) -> None:
        raise OSError("function not implemented")

    monkeypatch.setattr(analyzer.parallel, "_executor", no_semaphores)
    got = events([mixed], with_pid, jobs=2, batch_docs=2)
    assert {e[1] for e in got if e[0] != "warning"} == {os.getpid()}
    assert "no worker processes" in caplog.text
