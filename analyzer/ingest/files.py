"""Finding the corpus files under the given paths and turning their bytes into text.

Folders are read recursively in sorted order; symlink loops, unreadable folders, broken links and
special files are reported through ``warn`` and skipped, never followed forever or read blocking.

>>> decode_bytes("caf\\u00e9".encode("utf-16"), "a.txt", lambda w: None)
'café'
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analyzer.errors import CorpusError
from analyzer.models import CorpusWarning

LOGGER = logging.getLogger(__name__)

Warn = Callable[[CorpusWarning], None]

_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_REPLACEMENT_BYTES = "\ufffd".encode()
SIDECAR_SUFFIX = ".meta.json"
"""A page's metadata file: ``<stem>.meta.json`` beside ``<stem>.txt`` or ``<stem>.html``."""
MAX_INVALID_SHARE = 0.2
"""A file with more of its characters undecodable than this is not text (an archive, an image, a
file in an unknown 8-bit encoding): reading it would only feed noise to the extractor."""


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The paths as :class:`Path`; the first that does not exist raises :class:`CorpusError`."""
    checked = [Path(os.fspath(path)) for path in paths]
    for path in checked:
        if not os.path.lexists(path) or not path.exists():
            raise CorpusError(str(path), "no such file or directory")
    return checked


def iter_files(paths: Iterable[Path], warn: Warn) -> Iterator[Path]:
    """Every regular file under ``paths``: a file as given, a folder depth-first in sorted name order."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, warn)
        elif path.is_file() and path.name.lower().endswith(SIDECAR_SUFFIX):
            # given on its own, a sidecar is not read: its page reads it (and may not be in this run)
            warn(CorpusWarning(str(path), "a sidecar is read with its page; give the page instead; skipped"))
        elif path.is_file():
            yield path
        else:
            warn(CorpusWarning(str(path), "not a regular file; skipped"))


def _walk(root: Path, warn: Warn) -> Iterator[Path]:
    visited: set[str] = set()
    stack: list[Iterator[Path]] = []
    entered = _enter(root, visited, warn)
    if entered is not None:
        stack.append(entered)
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        if path.name.startswith("."):
            warn(CorpusWarning(str(path), "hidden file or folder skipped"))
            continue
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            kind = "broken symbolic link" if path.is_symlink() else "vanished before it could be read"
            warn(CorpusWarning(str(path), f"{kind}; skipped"))
            continue
        except OSError as exc:
            warn(CorpusWarning(str(path), f"cannot read: {exc.strerror or exc}; skipped"))
            continue
        if stat.S_ISDIR(mode):
            entered = _enter(path, visited, warn)
            if entered is not None:
                stack.append(entered)
        elif stat.S_ISREG(mode):
            yield path
        else:
            warn(CorpusWarning(str(path), "not a regular file; skipped"))


def _enter(folder: Path, visited: set[str], warn: Warn) -> Iterator[Path] | None:
    """The sorted entries of a folder not visited yet (by its real path), else None with a warning."""
    real = os.path.realpath(folder)
    if real in visited:
        warn(CorpusWarning(str(folder), f"symbolic link loop (back to {real}); skipped"))
        return None
    visited.add(real)
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        warn(CorpusWarning(str(folder), f"cannot read folder: {exc.strerror or exc}; skipped"))
        return None
    return iter([folder / name for name in names])


def read_error(path: Path, exc: OSError) -> CorpusWarning:
    """The warning for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return CorpusWarning(str(path), "vanished before it could be read; skipped")
    if isinstance(exc, PermissionError):
        return CorpusWarning(str(path), "permission denied; skipped")
    return CorpusWarning(str(path), f"cannot read: {exc.strerror or exc}; skipped")


def read_bytes(path: Path, warn: Warn) -> bytes | None:
    """The file's bytes, or None (with a warning) when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        warn(read_error(path, exc))
    return None


def decode_bytes(data: bytes, source: str, warn: Warn, *, html: bool = False) -> str | None:
    """Text of a file: UTF-8 (BOM dropped) or UTF-16 with a BOM; for HTML a declared charset is used
    when the bytes are not UTF-8. Invalid bytes are replaced and counted in a warning; a few stray
    NUL bytes are removed with a warning. Binary data (NUL bytes above one in a thousand, or more
    than :data:`MAX_INVALID_SHARE` of the bytes undecodable) and empty or whitespace-only files
    give None and a warning.

    >>> decode_bytes(b"\\xef\\xbb\\xbfTen died.", "a.txt", print)
    'Ten died.'
    >>> decode_bytes(b"Ten \\xff died.", "a.txt", print)
    a.txt: 1 invalid UTF-8 byte replaced
    'Ten \\ufffd died.'
    >>> decode_bytes(bytes(range(128, 256)), "a.txt", print)
    a.txt: not UTF-8 text (100% of its bytes are invalid); skipped
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
        encoding = "UTF-16"
    else:
        nuls = data.count(b"\x00")
        if nuls * 1000 > len(data):
            warn(CorpusWarning(source, "binary file (NUL bytes); skipped"))
            return None
        if nuls:
            data = data.replace(b"\x00", b"")
            warn(CorpusWarning(source, f"{nuls} stray NUL byte{'s' if nuls != 1 else ''} removed"))
        text, bad, encoding = _decode_8bit(data, html)
    if bad > MAX_INVALID_SHARE * len(text):
        share = round(100 * bad / max(1, len(text)))
        warn(CorpusWarning(source, f"not {encoding} text ({share}% of its bytes are invalid); skipped"))
        return None
    if bad:
        plural = "s" if bad != 1 else ""
        warn(CorpusWarning(source, f"{bad} invalid {encoding} byte{plural} replaced"))
    if not text.strip():
        warn(CorpusWarning(source, "empty file; skipped"))
        return None
    return text


def _decode_8bit(data: bytes, html: bool) -> tuple[str, int, str]:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), 0, "UTF-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _CHARSET_RE.search(data, 0, 4096)
        if declared is not None:
            name = declared.group(1).decode("ascii", errors="replace")
            try:
                if codecs.lookup(name).name != "utf-8":
                    text = data.decode(name, errors="replace")
                    return text, text.count("\ufffd"), name
            except LookupError:
                pass
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count(_REPLACEMENT_BYTES), "UTF-8"
