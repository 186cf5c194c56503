"""Ingest: files and folders in, :class:`~analyzer.models.Document` records out (CONTRACT section 1).

``.txt`` pages, ``.html``/``.htm`` pages, ``.jsonl`` and ``.json`` record files; a ``<stem>.meta.json``
sidecar gives a page's metadata. Documents are streamed, folders read recursively in sorted order.
A missing top-level path raises :class:`~analyzer.errors.CorpusError` at the call; everything wrong
with one file or record is a :class:`~analyzer.models.CorpusWarning` passed to ``warn``, and the
rest goes on.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a1.txt").write_text("Skip to content\\nThe coastguard said 42 people were rescued.\\n")
>>> _ = (folder / "notes.csv").write_text("x,y\\n")
>>> warnings = []
>>> [(d.doc_id, d.text) for d in iter_documents([folder], warnings.append)]
[('a1', 'The coastguard said 42 people were rescued.')]
>>> warnings[0].message
"unsupported file type '.csv'; skipped"
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analyzer.ingest.boilerplate import clean_text
from analyzer.ingest.fields import skip_sidecar
from analyzer.ingest.files import Warn, check_paths, iter_files
from analyzer.ingest.pagemeta import PageMetadata, read_page_metadata
from analyzer.ingest.readers import (
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_text_file,
    record_document,
)
from analyzer.models import CorpusWarning, Document

__all__ = [
    "READERS",
    "PageMetadata",
    "clean_text",
    "iter_documents",
    "read_page_metadata",
    "record_document",
]

LOGGER = logging.getLogger(__name__)

READERS: dict[str, Callable[[Path, Warn], Iterator[Document]]] = {
    ".txt": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".jsonl": read_jsonl_file,
    ".json": read_json_file,
}


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], warn: Callable[[CorpusWarning], None]
) -> Iterator[Document]:
    """Stream the documents of files and folders, in path order.

    Raises :class:`~analyzer.errors.CorpusError` at once when a given path does not exist.
    """
    checked = check_paths(paths)
    return _documents(checked, warn)


def _documents(paths: list[Path], warn: Warn) -> Iterator[Document]:
    for path in iter_files(paths, warn):
        if skip_sidecar(path, warn):
            continue
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
            warn(CorpusWarning(str(path), f"unsupported file type {kind}; skipped"))
            continue
        LOGGER.debug("reading %s", path)
        yield from reader(path, warn)
