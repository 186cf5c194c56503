"""Document metadata given outside the page: sidecar ``<stem>.meta.json`` files and record fields.

Values of the wrong type and unparseable dates are reported through ``warn`` and ignored; the valid
ones are kept.

>>> read_fields({"outlet": "Daily", "published": "2024-10-21T08:00:00Z", "x": 1}, "a.meta.json", print)
Fields(outlet='Daily', url=None, published=datetime.date(2024, 10, 21), title=None)
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from analyzer.ingest.files import SIDECAR_SUFFIX, Warn, decode_bytes, read_bytes
from analyzer.models import CorpusWarning
from analyzer.native import register_records

LOGGER = logging.getLogger(__name__)

_TEXT_FIELDS = ("outlet", "url", "title")


@dataclass(frozen=True, slots=True)
class Fields:
    """Outlet, url, publication date and title of a document; None where not given."""

    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None

    def over(self, other: Fields) -> Fields:
        """These fields, with the gaps filled from ``other``.

        >>> Fields(outlet="A").over(Fields(outlet="B", title="T"))
        Fields(outlet='A', url=None, published=None, title='T')
        """
        return Fields(
            outlet=self.outlet if self.outlet is not None else other.outlet,
            url=self.url if self.url is not None else other.url,
            published=self.published if self.published is not None else other.published,
            title=self.title if self.title is not None else other.title,
        )


def parse_published(value: str) -> date | None:
    """An ISO date or date-time as a date, else None.

    >>> parse_published("2024-10-21"), parse_published("2024-10-21T22:20:00+02:00"), parse_published("soon")
    (datetime.date(2024, 10, 21), datetime.date(2024, 10, 21), None)
    """
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def read_fields(record: Mapping[str, Any], source: str, warn: Warn) -> Fields:
    """The metadata fields of a sidecar object or a corpus record; other keys are ignored."""
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            warn(CorpusWarning(source, f"'{name}' must be a string, not {_type_name(value)}; ignored"))
        elif value.strip():
            values[name] = value.strip()
    published = record.get("published")
    if isinstance(published, str) and published.strip():
        parsed = parse_published(published)
        if parsed is None:
            warn(CorpusWarning(source, f"'published' {published!r} is not an ISO date; ignored"))
        values["published"] = parsed
    elif published is not None and not isinstance(published, str):
        warn(
            CorpusWarning(
                source, f"'published' must be an ISO date string, not {_type_name(published)}; ignored"
            )
        )
    return Fields(**values)


def sidecar_path(path: Path) -> Path:
    """``a/b.txt`` -> ``a/b.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


PAGE_SUFFIXES = (".txt", ".html", ".htm")
"""The kinds of file a sidecar can describe."""


def skip_sidecar(path: Path, warn: Warn) -> bool:
    """True for a sidecar (read with its page, not on its own). One that no page will read is named in
    a warning, so that metadata a user gave is never dropped in silence: a sidecar without a page, and
    one whose name is not ``<stem>.meta.json`` in lower case (the name the page looks for).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     skip_sidecar(Path(folder) / "a.meta.json", lambda w: print(w.message))
    sidecar without a page (a.txt, a.html or a.htm); skipped
    True
    >>> skip_sidecar(Path("a.txt"), print)
    False
    """
    if not is_sidecar(path):
        return False
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    if not path.name.endswith(SIDECAR_SUFFIX):
        warn(
            CorpusWarning(
                str(path), f"a sidecar is read only as {stem}{SIDECAR_SUFFIX}, in lower case; skipped"
            )
        )
    elif not _has_page(path.parent, stem):
        pages = [stem + suffix for suffix in PAGE_SUFFIXES]
        warn(
            CorpusWarning(
                str(path), f"sidecar without a page ({', '.join(pages[:-1])} or {pages[-1]}); skipped"
            )
        )
    return True


def _has_page(folder: Path, stem: str) -> bool:
    """Whether ``folder`` holds ``stem`` with a page suffix in any letter case (the readers take any)."""
    if any((folder / (stem + suffix)).is_file() for suffix in PAGE_SUFFIXES):
        return True
    try:  # a rare case (an orphan, or a suffix such as ".Txt"): look at the folder's names
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(stem)]
    except OSError:
        return False
    wanted = {(stem + suffix).casefold() for suffix in PAGE_SUFFIXES}
    return any(name.casefold() in wanted and (folder / name).is_file() for name in names)


def read_sidecar(path: Path, warn: Warn) -> Fields:
    """The sidecar beside ``path`` (empty :class:`Fields` when there is none or it is unusable)."""
    side = sidecar_path(path)
    if not side.is_file():
        return Fields()
    data = read_bytes(side, warn)
    text = decode_bytes(data, str(side), warn) if data is not None else None
    if text is None:
        return Fields()
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(CorpusWarning(str(side), f"invalid JSON at line {exc.lineno}: {exc.msg}; sidecar ignored"))
        return Fields()
    except RecursionError:
        warn(CorpusWarning(str(side), "JSON nested too deeply; sidecar ignored"))
        return Fields()
    if not isinstance(obj, dict):
        warn(CorpusWarning(str(side), f"sidecar must be a JSON object, not {_type_name(obj)}; ignored"))
        return Fields()
    return read_fields(obj, str(side), warn)


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
