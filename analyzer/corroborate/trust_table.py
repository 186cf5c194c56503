"""Truth discovery on any table of (source, item, value) rows: the CSV side of :mod:`trust`.

``corroborate trust FILE.csv --source COL --item COL[,COL...] --value COL [-o OUT.csv]
[--sources-out SRC.csv]`` calls :func:`run_trust_csv`.  OUT keeps the input's item and value column
names, one row per item with the chosen value (in the spelling the sources used most), its
``confidence`` and ``support``; SRC has ``source``, ``reliability`` and ``claims``.  An output path
``-`` means standard output.  A ``.gz`` input is
read decompressed.  The reliability measures agreement with the other sources, not truth.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from analyzer.atomic import write_text_atomic
from analyzer.corroborate.trust import Observation, TrustResult, Value, estimate_trust, parse_value
from analyzer.errors import CorpusError, OutputError

LOGGER = logging.getLogger(__name__)

ITEM_SEPARATOR = "\x1f"  # joins the item columns into the keys of ``TrustResult.items``
OUT_EXTRA = ("confidence", "support")
SOURCES_COLUMNS = ("source", "reliability", "claims")


@dataclass(frozen=True, slots=True)
class TrustTable:
    """The observations read from a table, and how each (item, value) was spelled in it."""

    observations: list[Observation]
    spellings: dict[tuple[str, Value], dict[str, int]]
    skipped: int


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _rows(path: Path, columns: Sequence[str]) -> Iterator[list[str]]:
    """The cells of ``columns`` in each row; clear :class:`CorpusError` for what cannot be read."""
    source = str(path)
    try:
        with _open(path) as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise CorpusError(source, "empty file, no header row")
            names = [h.strip() for h in header]
            for name in columns:
                if name not in names:
                    raise CorpusError(source, f"no column {name!r}; columns are: {', '.join(names)}")
            where = [names.index(name) for name in columns]
            last = max(where)
            for row in reader:
                if len(row) > last:
                    yield [row[i] for i in where]
                elif any(cell.strip() for cell in row):
                    yield [row[i] if i < len(row) else "" for i in where]
    except FileNotFoundError:
        raise CorpusError(source, "no such file") from None
    except IsADirectoryError:
        raise CorpusError(source, "is a directory, not a CSV file") from None
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError) as exc:
        raise CorpusError(source, f"cannot decode: {exc}") from None
    except csv.Error as exc:
        raise CorpusError(source, f"malformed CSV: {exc}") from None
    except OSError as exc:
        raise CorpusError(source, f"cannot read: {exc.strerror or exc}") from None


def read_observations(path: str | Path, *, source: str, items: Sequence[str], value: str) -> TrustTable:
    """Read (source, item, value) observations from a CSV file; rows without source or value are skipped.

    Several item columns are joined with :data:`ITEM_SEPARATOR` into one item key.
    """
    path = Path(path)
    columns = [source, *items, value]
    if not items:
        raise CorpusError(str(path), "no item column given")
    if len(set(columns)) < len(columns):
        raise CorpusError(str(path), f"a column is given twice among {columns}")
    observations: list[Observation] = []
    spellings: dict[tuple[str, Value], dict[str, int]] = {}
    skipped = 0
    for cells in _rows(path, columns):
        who, raw = cells[0].strip(), cells[-1].strip()
        if not who or not raw:
            skipped += 1
            continue
        item = ITEM_SEPARATOR.join(cell.strip() for cell in cells[1:-1])
        observations.append(Observation(who, item, raw))
        counts = spellings.setdefault((item, parse_value(raw)), {})
        counts[raw] = counts.get(raw, 0) + 1
    if skipped:
        LOGGER.warning("%s: %d rows without a source or a value were skipped", path, skipped)
    return TrustTable(observations, spellings, skipped)


def _spelling(table: TrustTable, item: str, value: Value) -> str:
    counts = table.spellings.get((item, value))
    if not counts:
        return str(value)
    return min(counts, key=lambda text: (-counts[text], text))


def _write(path: Path, header: Sequence[str], rows: Iterator[Sequence[object]]) -> None:
    if str(path) == "-":  # the caller asked for standard output
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    write_text_atomic(path, buffer.getvalue())  # whole or not at all, like every other output


def write_items(
    path: str | Path, result: TrustResult, table: TrustTable, items: Sequence[str], value: str
) -> None:
    """OUT: the item columns, the value column (input names), ``confidence``, ``support``; sorted by item."""
    header = [*items, value, *OUT_EXTRA]
    if len(set(header)) < len(header):
        raise OutputError(str(path), f"the input column names clash with {OUT_EXTRA}: {header}")

    def rows() -> Iterator[list[object]]:
        for key in sorted(result.items, key=lambda k: tuple(k.split(ITEM_SEPARATOR))):
            verdict = result.items[key]
            cells = key.split(ITEM_SEPARATOR)
            yield [*cells, _spelling(table, key, verdict.value), f"{verdict.confidence:.6f}", verdict.support]

    _write(Path(path), header, rows())


def write_sources(path: str | Path, result: TrustResult) -> None:
    """SRC: ``source``, ``reliability``, ``claims``; most reliable first, then by name."""
    ranked = sorted(result.sources.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = ([name, f"{reliability:.6f}", result.claims[name]] for name, reliability in ranked)
    _write(Path(path), SOURCES_COLUMNS, rows)


def run_trust_csv(
    input_path: str | Path,
    *,
    source: str,
    items: Sequence[str],
    value: str,
    out: str | Path | None = None,
    sources_out: str | Path | None = None,
    **options: Any,
) -> TrustResult:
    """Read a CSV of claims, estimate trust (``options`` go to :func:`estimate_trust`), write OUT and SRC.

    Raises :class:`CorpusError` naming the file and the reason (a missing column is named) and
    :class:`OutputError` for an output that cannot be written.  ``result.items`` is keyed by the item
    cells joined with :data:`ITEM_SEPARATOR`.
    """
    table = read_observations(input_path, source=source, items=items, value=value)
    result = estimate_trust(table.observations, **options)
    LOGGER.info(
        "%s: %d claims, %d items, %d sources",
        input_path,
        len(table.observations),
        len(result.items),
        len(result.sources),
    )
    if out is not None:
        write_items(out, result, table, items, value)
    if sources_out is not None:
        write_sources(sources_out, result)
    return result
