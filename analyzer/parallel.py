"""Extraction on all cores: the corpus cut into work units, run on a process pool, results in input order.

The parent process only walks the folders and finds line boundaries in JSONL files; the workers
read, decode, clean and extract. A *unit* is a piece of the corpus a worker can read on its own: a
page file (``.txt``, ``.html``, ``.json``, or a ``.jsonl`` file in UTF-16, which is decoded whole), a
run of lines of a ``.jsonl`` file (by byte offsets and the number of its first line, so record ids
``<stem>:<line>`` are the ones a single reader gives), or a run of rows of a ``.parquet`` file. Units
are batched into *tasks* of about :data:`BATCH_BYTES`; at most two tasks per worker are in flight,
and their results are handed back strictly in input order (:func:`in_order`), so memory stays
bounded and the output does not depend on the number of workers. The same planner and the same task
function serve ``jobs=1`` (run in this process), the pool and the Dask backend.

Every failure inside a task is a :class:`~analyzer.models.CorpusWarning`, never a crash: a document
whose extraction raises is skipped with a warning, and so is the rest of a unit whose reader raises.
A worker process that dies (killed, out of memory) raises :class:`WorkerError` in the parent, which
then terminates the pool; so does an interrupt (workers ignore SIGINT and are terminated by the
parent), never leaving workers behind or the parent waiting.

Start method, chosen deliberately (:func:`start_method`): ``fork`` on Linux when the parent runs a
single thread, because the workers then inherit the imported analyzer and its compiled patterns and
start in milliseconds. A process that runs other threads (a progress bar that refreshes itself, a
Dask client) is never forked, since a lock another thread holds at that moment would stay locked in
the child forever; it uses ``forkserver`` (a clean server process, with the analyzer preloaded,
forks the workers), and ``spawn`` where neither exists. With those two, as everywhere multiprocessing
does not fork, a script that runs :func:`iter_batches` must guard its entry point with
``if __name__ == "__main__":`` (the ``corroborate`` command and ``python -m analyzer`` do).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("The coastguard said 42 people were rescued.")
>>> _ = (folder / "b.jsonl").write_text('{"text": "Police said 12 were held."}\\n{"text": 1}\\n')
>>> [e.message if isinstance(e, CorpusWarning) else e.doc_id
...  for batch in iter_batches([folder], lambda d: d, jobs=1) for e in batch.events]
['a', 'b:1', "record has no 'text' or 'html' string; skipped"]
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any, Generic, TypeVar

from analyzer.errors import AnalyzerError
from analyzer.ingest import READERS
from analyzer.ingest.fields import is_sidecar, skip_sidecar
from analyzer.ingest.files import check_paths, iter_files, read_error
from analyzer.ingest.readers import (
    jsonl_documents,
    numbered_lines,
    open_binary,
    record_document,
    starts_utf16,
)
from analyzer.models import CorpusWarning, Document

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
F = TypeVar("F")  # a handle on a running task: a future of the pool or of Dask
PathLike = str | os.PathLike[str]
Warn = Callable[[CorpusWarning], None]

BATCH_BYTES = 64 * 1024  # input bytes per task: ~0.1 s of extraction, so IPC costs well under 1 %
BATCH_DOCS = 32  # documents per task at most, so small corpora still spread over the workers
MIN_POOL_DOCS = 8  # below this (or with a single task) no pool is started: same results, no start-up
RECORD_COLUMNS = ("id", "text", "html", "outlet", "url", "published", "title")


class WorkerError(AnalyzerError):
    """A worker process died (killed, out of memory, crashed); the run cannot be completed."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a run is: what a progress bar shows.

    ``stage`` is ``extract`` while documents are read (``bytes_done`` of ``bytes_total`` input
    bytes; ``bytes_total`` is None when unknown), then ``resolve`` (speaker names across the
    corpus), ``corroborate`` (quantities, clusters, conflicts, timelines) and ``done``.

    >>> Progress("extract", 10, 42, 1000, 4000).fraction
    0.25
    """

    stage: str
    documents: int
    claims: int
    bytes_done: int = 0
    bytes_total: int | None = None

    @property
    def fraction(self) -> float | None:
        """The share of the input read, or None when the total is unknown."""
        if not self.bytes_total:
            return None
        return min(1.0, self.bytes_done / self.bytes_total)


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of the corpus one worker reads on its own.

    ``kind`` is ``file`` (a page, a ``.json`` file or a UTF-16 ``.jsonl`` file, read by the ingest
    reader of its suffix),
    ``lines`` (bytes ``start``..``stop`` of a ``.jsonl`` file, whose first line is number
    ``first``) or ``rows`` (rows ``start``..``stop`` of a ``.parquet`` file, numbered from
    ``start + 1``). ``size`` is its input bytes, ``docs`` the documents it can hold.
    """

    kind: str
    path: str
    size: int
    docs: int
    first: int = 1
    start: int = 0
    stop: int = 0


Task = tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class Batch(Generic[T]):
    """What one task gave, in corpus order: results and warnings interleaved as they arose."""

    events: list[T | CorpusWarning]
    size: int = 0  # input bytes the task covered


# ------------------------------------------------------------------------------------------ planning


def worker_count(jobs: int) -> int:
    """Workers for ``--jobs``: the number given, or one per core this process may use for 0.

    >>> worker_count(3), worker_count(0) >= 1
    (3, True)
    """
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan(
    paths: Iterable[PathLike], *, batch_bytes: int = BATCH_BYTES, batch_docs: int = BATCH_DOCS
) -> Iterator[Task | CorpusWarning]:
    """The corpus as tasks (tuples of units) and warnings (about files skipped), in corpus order.

    Files are found as :func:`analyzer.ingest.iter_documents` finds them (folders depth-first in
    sorted order, sidecars skipped, other kinds warned about). Raises
    :class:`~analyzer.errors.CorpusError` at once when a given path does not exist.
    """
    checked = check_paths(paths)
    return _plan(checked, batch_bytes, batch_docs)


def _plan(paths: list[Path], batch_bytes: int, batch_docs: int) -> Iterator[Task | CorpusWarning]:
    warnings: list[CorpusWarning] = []
    batch: list[Unit] = []
    size = docs = 0
    for item in _units(paths, warnings.append, batch_bytes):
        if isinstance(item, CorpusWarning):
            if batch:
                yield tuple(batch)
                batch, size, docs = [], 0, 0
            yield item
            continue
        if batch and (size + item.size > batch_bytes or docs + item.docs > batch_docs):
            yield tuple(batch)
            batch, size, docs = [], 0, 0
        batch.append(item)
        size += item.size
        docs += item.docs
    if batch:
        yield tuple(batch)


def _units(paths: list[Path], warn: Warn, chunk_bytes: int) -> Iterator[Unit | CorpusWarning]:
    """Units and warnings in corpus order (a warning raised while finding a unit comes before it)."""
    pending: list[CorpusWarning] = []
    for path in iter_files(paths, pending.append):
        yield from pending
        pending.clear()
        if skip_sidecar(path, pending.append):
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            found: Iterable[Unit] = _jsonl_units(path, pending.append, chunk_bytes)
        elif suffix == ".parquet":
            found = _parquet_units(path, pending.append, chunk_bytes)
        elif suffix in READERS:
            found = [Unit("file", str(path), _size(path), 1)]
        else:
            kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
            pending.append(CorpusWarning(str(path), f"unsupported file type {kind}; skipped"))
            found = ()
        for unit in found:
            yield from pending  # raised while finding this unit: they come first
            pending.clear()
            yield unit
        yield from pending
        pending.clear()
    yield from pending


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _jsonl_units(path: Path, warn: Warn, chunk_bytes: int) -> Iterator[Unit]:
    """Runs of whole lines of about ``chunk_bytes``; the parent reads the lines only to count them.

    A UTF-16 file (:func:`~analyzer.ingest.readers.starts_utf16`) is one ``file`` unit instead:
    its reader decodes it whole, and its lines are not the runs of bytes between ``\\n`` bytes.
    """
    handle = open_binary(path, warn)
    if handle is None:
        return
    with handle:
        failed: list[CorpusWarning] = []  # a read that failed: said after the lines read before it
        lines = numbered_lines(handle, path, failed.append)
        start = end = count = 0
        first = 1
        for number, line in lines:
            if number == 1 and starts_utf16(line):
                yield Unit("file", str(path), _size(path), 1)
                break
            end += len(line)
            count += 1
            if end - start >= chunk_bytes:
                yield Unit("lines", str(path), end - start, count, first, start, end)
                start, first, count = end, number + 1, 0
        if count:
            yield Unit("lines", str(path), end - start, count, first, start, end)
        for warning in failed:
            warn(warning)


def _parquet_units(path: Path, warn: Warn, chunk_bytes: int) -> Iterator[Unit]:
    """Runs of rows of about ``chunk_bytes`` (estimated from the file size); needs pyarrow."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        warn(
            CorpusWarning(str(path), "reading Parquet needs pyarrow (pip install 'analyzer[dask]'); skipped")
        )
        return
    try:
        parquet = pq.ParquetFile(path)
        rows, names = parquet.metadata.num_rows, set(parquet.schema_arrow.names)
    except Exception as exc:  # pyarrow raises its own errors for files that are not Parquet
        warn(CorpusWarning(str(path), f"not a readable Parquet file ({exc}); skipped"))
        return
    if not names & {"text", "html"}:
        warn(CorpusWarning(str(path), "no 'text' or 'html' column; skipped"))
        return
    size = _size(path)
    step = max(1, min(BATCH_DOCS, rows * chunk_bytes // max(1, size)))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        yield Unit(
            "rows", str(path), size * (stop - start) // max(1, rows), stop - start, start + 1, start, stop
        )


# ------------------------------------------------------------------------------------------ workers


def read_unit(unit: Unit, warn: Warn) -> Iterator[Document]:
    """The documents of one unit, read as the ingest readers read them."""
    path = Path(unit.path)
    if unit.kind == "file":
        yield from READERS[path.suffix.lower()](path, warn)
    elif unit.kind == "lines":
        try:
            with path.open("rb") as handle:
                handle.seek(unit.start)
                data = handle.read(unit.stop - unit.start)
        except OSError as exc:
            warn(read_error(path, exc))
            return
        yield from jsonl_documents(path, enumerate(io.BytesIO(data), start=unit.first), warn)
    elif unit.kind == "rows":
        for row, record in _parquet_rows(path, unit.start, unit.stop):
            document = record_document(record, f"{path.stem}:{row}", f"{path}:{row}", warn)
            if document is not None:
                yield document
    else:
        raise ValueError(f"unknown unit kind {unit.kind!r}")


def _parquet_rows(path: Path, start: int, stop: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number from 1, record) for rows ``start``..``stop``, dates written as ISO strings."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    columns = [c for c in RECORD_COLUMNS if c in parquet.schema_arrow.names]
    offset = 0
    for group in range(parquet.num_row_groups):
        n = parquet.metadata.row_group(group).num_rows
        if offset + n > start and offset < stop:
            low, high = max(start - offset, 0), min(stop - offset, n)
            table = parquet.read_row_group(group, columns=columns).slice(low, high - low)
            for j, record in enumerate(table.to_pylist()):
                yield offset + low + j + 1, {k: _plain(v) for k, v in record.items()}
        offset += n
        if offset >= stop:
            break


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as the ISO strings a JSONL record would hold."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def run_task(task: Task, extract: Callable[[Document], T]) -> list[T | CorpusWarning]:
    """Read and extract the units of one task (in a worker, or in this process).

    Never raises for a bad input: a document whose extraction raises is skipped with a warning, and
    a reader that raises skips the rest of its unit with a warning.
    """
    events: list[T | CorpusWarning] = []
    warn = events.append
    for unit in task:
        try:
            for document in read_unit(unit, warn):
                events.append(extract_safely(extract, document))
        except Exception as exc:
            LOGGER.debug("reading %s failed", unit.path, exc_info=True)
            warn(
                CorpusWarning(unit.path, f"reading failed ({type(exc).__name__}: {exc}); rest of it skipped")
            )
    return events


def extract_safely(extract: Callable[[Document], T], document: Document) -> T | CorpusWarning:
    """``extract(document)``, or a warning naming the document when it raises.

    >>> def broken(d): raise ValueError("no")
    >>> str(extract_safely(broken, Document("d1", "Ten died.", source="a.txt")))
    'a.txt: extraction failed (ValueError: no); document skipped'
    """
    try:
        return extract(document)
    except Exception as exc:
        LOGGER.debug("extraction of %s failed", document.doc_id, exc_info=True)
        source = document.source or document.doc_id
        return CorpusWarning(source, f"extraction failed ({type(exc).__name__}: {exc}); document skipped")


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it terminates the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ------------------------------------------------------------------------------------------ running


def start_method() -> str:
    """``fork`` on Linux in a single-threaded process, else ``forkserver``, else ``spawn`` (see above)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def iter_batches(
    paths: Iterable[PathLike],
    extract: Callable[[Document], T],
    *,
    jobs: int = 0,
    batch_bytes: int = BATCH_BYTES,
    batch_docs: int = BATCH_DOCS,
) -> Generator[Batch[T], None, None]:
    """Run ``extract`` over every document of the corpus, ``jobs`` processes at a time (0: one per
    core, 1: in this process), yielding each task's results in corpus order.

    ``extract`` must be a module-level function (workers receive it by name). The sequence of
    events does not depend on ``jobs``. Close the iterator (``contextlib.closing``) when stopping
    early: that terminates the workers.
    """
    items = plan(paths, batch_bytes=batch_bytes, batch_docs=batch_docs)
    return _run(items, extract, worker_count(jobs))


def _run(
    items: Iterator[Task | CorpusWarning], extract: Callable[[Document], T], workers: int
) -> Generator[Batch[T], None, None]:
    head: list[Task | CorpusWarning] = []
    tasks = docs = 0
    if workers > 1:
        for item in items:
            head.append(item)
            if not isinstance(item, CorpusWarning):
                tasks += 1
                docs += sum(unit.docs for unit in item)
                if tasks >= 2 and docs >= MIN_POOL_DOCS:
                    break
    stream = chain(head, items)
    executor = None
    if workers > 1 and tasks >= 2 and docs >= MIN_POOL_DOCS:
        try:
            executor = _executor(workers)
        except (OSError, ImportError, NotImplementedError) as exc:  # no semaphores (some sandboxes)
            LOGGER.warning("no worker processes (%s); extracting in this process", exc)
    if executor is not None:
        yield from _pooled(stream, extract, executor, workers)
        return
    for item in stream:
        if isinstance(item, CorpusWarning):
            yield Batch([item])
        else:
            yield Batch(run_task(item, extract), _size_of(item))


def _size_of(task: Task) -> int:
    return sum(unit.size for unit in task)


def _executor(workers: int) -> ProcessPoolExecutor:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["analyzer.pipeline"])
    LOGGER.info("extracting on %d worker processes (%s)", workers, method)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)


def _pooled(
    items: Iterator[Task | CorpusWarning],
    extract: Callable[[Document], T],
    executor: ProcessPoolExecutor,
    workers: int,
) -> Iterator[Batch[T]]:
    def submit(task: Task) -> Future[list[T | CorpusWarning]]:
        return executor.submit(run_task, task, extract)

    def result(future: Future[list[T | CorpusWarning]]) -> list[T | CorpusWarning]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise WorkerError(
                "worker", f"a worker process died ({exc}); rerun with --jobs 1 to see why"
            ) from exc

    finished = False
    try:
        yield from in_order(items, submit, result, window=2 * workers, ready=_done)
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _terminate(executor)


def _done(future: Future[Any]) -> bool:
    return future.done()


def in_order(
    items: Iterable[Task | CorpusWarning],
    submit: Callable[[Task], F],
    result: Callable[[F], list[T | CorpusWarning]],
    *,
    window: int,
    ready: Callable[[F], bool] | None = None,
    abandon: Callable[[F], None] | None = None,
) -> Generator[Batch[T], None, None]:
    """Each task's events in corpus order, the tasks submitted as they come, about ``window`` in flight.

    ``submit`` starts a task and returns its handle (a future); ``result`` waits for a handle's
    events (and turns a lost worker into :class:`WorkerError`). The oldest task is given back as
    soon as ``ready`` says it is done, or when the window is full; a warning takes its place in
    the order without waiting. ``abandon`` is called on every handle still queued when the
    consumer stops early or an error is raised. The process pool and the Dask backend both stream
    through this.

    >>> a, c = Unit("file", "a.txt", 3, 1), Unit("file", "c.txt", 5, 1)
    >>> tasks = [(a,), CorpusWarning("b.csv", "skipped"), (c,)]
    >>> [([str(e) for e in b.events], b.size) for b in in_order(tasks, lambda t: [t[0].path], list, window=1)]
    [(['a.txt'], 3), (['b.csv: skipped'], 0), (['c.txt'], 5)]
    """
    queue: deque[tuple[F | None, list[T | CorpusWarning], int]] = deque()  # (handle, events ready, bytes)
    in_flight = 0

    def pop() -> Batch[T]:
        nonlocal in_flight
        handle, events, size = queue.popleft()
        if handle is None:
            return Batch(events, size)
        in_flight -= 1
        return Batch(result(handle), size)

    def head_ready() -> bool:
        handle = queue[0][0]
        return handle is None or (ready is not None and ready(handle))

    try:
        for item in items:
            if isinstance(item, CorpusWarning):
                queue.append((None, [item], 0))
            else:
                queue.append((submit(item), [], _size_of(item)))
                in_flight += 1
            while queue and (in_flight >= window or head_ready()):
                yield pop()
        while queue:
            yield pop()
    finally:
        if abandon is not None:
            for handle, _, _ in queue:
                if handle is not None:
                    abandon(handle)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now (an interrupt, an error, or the consumer stopped early)."""
    # The executor has no public way to kill busy workers; its process table is the only handle.
    processes: list[Any] = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    for process in processes:
        process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
    if manager is not None:
        # Left running, the pool's manager thread races the interpreter's exit hook over a closed
        # pipe ("Exception ignored ... Bad file descriptor" after "interrupted"); with its workers
        # gone it ends at once.
        manager.join(timeout=5)
    LOGGER.debug("terminated %d worker processes", len(processes))


def corpus_bytes(paths: Iterable[PathLike]) -> int:
    """Input bytes of the files a run will read (for a progress bar's time left); no warnings."""
    total = 0
    for path in iter_files(check_paths(paths), lambda w: None):
        suffix = path.suffix.lower()
        if not is_sidecar(path) and (suffix in READERS or suffix == ".parquet"):
            total += _size(path)
    return total
