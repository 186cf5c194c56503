"""One reader per file kind: each turns one file into :class:`Document` records, reporting what is
wrong with a file or record through ``warn`` and going on.

Metadata precedence: a sidecar (or the record's own fields) first, then what the page says
(trafilatura's metadata for HTML, :func:`read_page_metadata` for text).
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from analyzer.ingest.boilerplate import KindCache, clean_text
from analyzer.ingest.fields import Fields, read_fields, read_sidecar
from analyzer.ingest.files import Warn, decode_bytes, read_bytes, read_error
from analyzer.ingest.html import html_to_text
from analyzer.ingest.pagemeta import read_page_metadata
from analyzer.models import CorpusWarning, Document

LOGGER = logging.getLogger(__name__)


def _doc_id(path: Path) -> str:
    return path.stem


def text_document(doc_id: str, raw: str, given: Fields, source: str, warn: Warn) -> Document | None:
    """A document from plain page text: boilerplate removed, gaps in ``given`` filled from the page."""
    known: KindCache = {}  # the page's units classified by the header reader, for the cleaner
    if given.outlet is not None and given.published is not None and given.title is not None:
        fields = given  # the sidecar says it all: no need to read the page's header
    else:
        page = read_page_metadata(raw, given.url, known)
        fields = given.over(Fields(outlet=page.outlet, published=page.published, title=page.title))
    text = clean_text(raw, fields.title, known)
    return _document(doc_id, text, fields, source, warn, original=raw if text != raw else None)


def html_document(doc_id: str, markup: str, given: Fields, source: str, warn: Warn) -> Document | None:
    """A document from HTML: the extractor's main text; gaps in ``given`` filled from the markup."""
    page = html_to_text(markup, source, warn, given.title)
    return _document(doc_id, page.text, given.over(page.fields), source, warn)


def _document(
    doc_id: str, text: str, fields: Fields, source: str, warn: Warn, original: str | None = None
) -> Document | None:
    if not text.strip():
        warn(CorpusWarning(source, "no article text left after boilerplate removal; skipped"))
        return None
    return Document(
        doc_id=doc_id,
        text=text,
        outlet=fields.outlet,
        url=fields.url,
        published=fields.published,
        title=fields.title,
        source=source,
        original=original,
    )


def read_text_file(path: Path, warn: Warn) -> Iterator[Document]:
    """A ``.txt`` file: one document, id = file stem."""
    data = read_bytes(path, warn)
    raw = decode_bytes(data, str(path), warn) if data is not None else None
    if raw is None:
        return
    document = text_document(_doc_id(path), raw, read_sidecar(path, warn), str(path), warn)
    if document is not None:
        yield document


def read_html_file(path: Path, warn: Warn) -> Iterator[Document]:
    """A ``.html``/``.htm`` file: one document, id = file stem."""
    data = read_bytes(path, warn)
    markup = decode_bytes(data, str(path), warn, html=True) if data is not None else None
    if markup is None:
        return
    document = html_document(_doc_id(path), markup, read_sidecar(path, warn), str(path), warn)
    if document is not None:
        yield document


def record_document(record: Any, default_id: str, source: str, warn: Warn) -> Document | None:
    """A document from one corpus record ``{id, text or html, outlet, url, published, title}``."""
    if not isinstance(record, dict):
        warn(CorpusWarning(source, f"expected a JSON object, not {type(record).__name__}; skipped"))
        return None
    text, markup = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(markup, str) and markup.strip()):
        warn(CorpusWarning(source, "record has no 'text' or 'html' string; skipped"))
        return None
    doc_id = default_id
    given_id = record.get("id")
    if isinstance(given_id, str) and given_id.strip():
        doc_id = given_id.strip()
    elif isinstance(given_id, int) and not isinstance(given_id, bool):
        doc_id = str(given_id)
    elif given_id is not None:
        warn(CorpusWarning(source, f"'id' must be a string or an integer; used {default_id!r}"))
    fields = read_fields(record, source, warn)
    if isinstance(text, str) and text.strip():
        return text_document(doc_id, text, fields, source, warn)
    return html_document(doc_id, str(markup), fields, source, warn)


def read_jsonl_file(path: Path, warn: Warn) -> Iterator[Document]:
    """A ``.jsonl`` file, streamed line by line: one document per object line, id = ``id`` else
    ``<stem>:<line>``; bad lines are reported with their number and skipped. A file that starts
    with a UTF-16 byte order mark (what some Windows tools write) is decoded whole first."""
    handle = open_binary(path, warn)
    if handle is None:
        return
    with handle:
        try:
            utf16 = starts_utf16(handle.read(2))
            handle.seek(0)
            data = handle.read() if utf16 else b""
        except OSError as exc:
            warn(read_failed(path, 1, exc))
            return
        lines = _utf16_lines(path, data, warn) if utf16 else numbered_lines(handle, path, warn)
        yield from jsonl_documents(path, lines, warn)


def starts_utf16(head: bytes) -> bool:
    """Whether a JSONL file that starts with ``head`` is UTF-16 (it has the byte order mark), and so
    is decoded whole: its lines are not the runs of bytes between ``\\n`` bytes that UTF-8 lines are.

    >>> starts_utf16("{}".encode("utf-16")), starts_utf16(b"{}")
    (True, False)
    """
    return head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def open_binary(path: Path, warn: Warn) -> BinaryIO | None:
    """The file opened for reading bytes, or None (with a warning) when it cannot be opened."""
    try:
        return path.open("rb")
    except OSError as exc:
        warn(read_error(path, exc))
    return None


def read_failed(path: Path, number: int, exc: OSError) -> CorpusWarning:
    """The warning for a file whose reading failed at line ``number``."""
    return CorpusWarning(f"{path}:{number}", f"read failed: {exc.strerror or exc}; rest of file skipped")


def numbered_lines(
    lines: Iterable[bytes], path: Path, warn: Warn, first: int = 1
) -> Iterator[tuple[int, bytes]]:
    """The lines of an open file with their numbers from ``first``; a read that fails ends them, with
    a warning that names the line it stopped at."""
    number = first - 1
    try:
        for number, line in enumerate(lines, start=first):
            yield number, line
    except OSError as exc:
        warn(read_failed(path, number + 1, exc))


def jsonl_documents(path: Path, lines: Iterable[tuple[int, bytes]], warn: Warn) -> Iterator[Document]:
    """The documents of numbered JSONL lines (a whole file, or a run of its lines)."""
    for number, line in lines:
        document = _jsonl_line(path, number, line, warn)
        if document is not None:
            yield document


def _utf16_lines(path: Path, data: bytes, warn: Warn) -> Iterator[tuple[int, bytes]]:
    """The lines of a UTF-16 JSONL file (with its BOM) as UTF-8, numbered like any other."""
    text = data.decode("utf-16", errors="replace")
    bad = text.count("\ufffd")
    if bad:
        warn(CorpusWarning(str(path), f"{bad} invalid UTF-16 byte pair{'s' if bad != 1 else ''} replaced"))
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.encode("utf-8", errors="replace")


def _jsonl_line(path: Path, number: int, line: bytes, warn: Warn) -> Document | None:
    source = f"{path}:{number}"
    if number == 1:
        line = line.removeprefix(b"\xef\xbb\xbf")
    if not line.strip():
        return None
    if b"\x00" in line:
        warn(CorpusWarning(source, "binary data (NUL bytes); line skipped"))
        return None
    text = line.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - line.count("\ufffd".encode())
    if bad:
        warn(CorpusWarning(source, f"{bad} invalid UTF-8 byte{'s' if bad != 1 else ''} replaced"))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(CorpusWarning(source, f"invalid JSON: {exc.msg} (column {exc.colno}); line skipped"))
        return None
    except RecursionError:
        warn(CorpusWarning(source, "JSON nested too deeply; line skipped"))
        return None
    return record_document(record, f"{path.stem}:{number}", source, warn)


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list of " + ", ".join(sorted({type(item).__name__ for item in value}))
    return type(value).__name__


def read_json_file(path: Path, warn: Warn) -> Iterator[Document]:
    """A ``.json`` file: a list of records; id = ``id`` else ``<stem>:<index + 1>``."""
    data = read_bytes(path, warn)
    text = decode_bytes(data, str(path), warn) if data is not None else None
    if text is None:
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(CorpusWarning(str(path), f"invalid JSON at line {exc.lineno}: {exc.msg}; skipped"))
        return
    except RecursionError:
        warn(CorpusWarning(str(path), "JSON nested too deeply; skipped"))
        return
    if not isinstance(records, list) or (records and not any(isinstance(r, dict) for r in records)):
        warn(
            CorpusWarning(
                str(path), f"expected a JSON list of record objects, not {_shape(records)}; skipped"
            )
        )
        return
    for index, record in enumerate(records, start=1):
        document = record_document(record, f"{path.stem}:{index}", f"{path}:{index}", warn)
        if document is not None:
            yield document
