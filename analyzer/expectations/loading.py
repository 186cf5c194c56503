"""Reading an expectations file (TOML, or JSON with the same keys) with line numbers in every error."""

from __future__ import annotations

import json
import logging
import math
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.errors import ExpectationError
from analyzer.expectations.records import (
    AbsentExpectation,
    ClaimExpectation,
    ConflictExpectation,
    DelayExpectation,
    Expectation,
    Expectations,
    ExpectedFigure,
)
from analyzer.models import CONFLICT_KINDS, STANCES

LOGGER = logging.getLogger(__name__)

# table -> (required keys, optional keys); "number" is an int or float (not a bool)
_SCHEMA: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "conflict": ({"quantity": "string", "figures": "list"}, {"kind": "string"}),
    "delay": (
        {"first": "string", "then": "string"},
        {"days": "integer", "tolerance": "integer", "quantity": "string"},
    ),
    "claim": ({"speaker": "string", "value": "number"}, {"doc": "string", "stance": "string"}),
    "absent": ({"speaker": "string", "value": "number"}, {"doc": "string"}),
}
_FIGURE_KEYS = {"speaker": "string", "value": "number"}
_TOML_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"at line (\d+)(?:, column (\d+))?")
_JSON_GAP = re.compile(r"[\s,]*")
_JSON_COLON = re.compile(r"\s*:\s*")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One table of the file before it is checked: its name, keys, and the lines it spans."""

    table: str
    data: Any
    line: int
    end: int  # first line after the table


def load_expectations(path: str | Path) -> Expectations:
    """Read a TOML or JSON expectations file; raise :class:`ExpectationError` with ``line N: reason``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "known.toml"
    >>> _ = f.write_text('# known\\n[[claim]]\\nspeaker = "Tomas Vell"\\nvalue = 3000\\n')
    >>> load_expectations(f).items
    (ClaimExpectation(speaker='Tomas Vell', value=3000.0, doc=None, stance=None, line=2),)
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ExpectationError(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExpectationError(source, f"cannot read: {exc}") from None
    as_json = Path(path).suffix.lower() == ".json" or (
        Path(path).suffix.lower() != ".toml" and text.lstrip().startswith("{")
    )
    entries = _json_entries(text, source) if as_json else _toml_entries(text, source)
    lines = text.splitlines()
    items = [_build(entry, lines, source) for entry in entries]
    items.sort(key=lambda e: e.line)
    LOGGER.debug("%s: %d expectations", source, len(items))
    return Expectations(tuple(items), source)


def _toml_entries(text: str, source: str) -> list[_Entry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        where = f"line {found.group(1)}" if found else "line 1"
        reason = _TOML_LINE.sub("", str(exc)).replace("()", "").strip().rstrip(".")
        column = f" (column {found.group(2)})" if found and found.group(2) else ""
        raise ExpectationError(source, f"{where}: invalid TOML: {reason}{column}") from None
    headers: dict[str, list[int]] = {}
    starts: list[int] = []
    for m in _TOML_HEADER.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        headers.setdefault(m.group(1), []).append(line)
        starts.append(line)
    total = text.count("\n") + 2
    entries = []
    for name, value in data.items():
        line = _key_line(text, name)
        if name not in _SCHEMA or not isinstance(value, list):
            _unknown_or_shape(name, source, line)
        for i, item in enumerate(value):
            start = headers.get(name, [])[i] if i < len(headers.get(name, [])) else line
            end = min((s for s in starts if s > start), default=total)
            entries.append(_Entry(name, item, start, end))
    return entries


def _key_line(text: str, name: str) -> int:
    """The line where a top-level name first appears as a table header or a key."""
    pattern = re.compile(rf'^[ \t]*(?:\[\[?[ \t]*{re.escape(name)}\b|"?{re.escape(name)}"?[ \t]*[=:])', re.M)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _unknown_or_shape(name: str, source: str, line: int) -> None:
    if name not in _SCHEMA:
        raise ExpectationError(source, f"line {line}: unknown table {name!r} (expected one of {_known()})")
    raise ExpectationError(source, f"line {line}: {name!r} must be a list of tables ([[{name}]])")


def _known() -> str:
    return ", ".join(_SCHEMA)


def _json_entries(text: str, source: str) -> list[_Entry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExpectationError(source, f"line {exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ExpectationError(source, f"line 1: expected an object with the lists {_known()}")
    decoder = json.JSONDecoder()
    idx = _skip(_JSON_GAP, text, 0) + 1  # past "{"
    entries: list[_Entry] = []

    def line_at(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    while True:
        idx = _skip(_JSON_GAP, text, idx)
        if text[idx] == "}":
            return entries
        key_line = line_at(idx)
        name, idx = decoder.raw_decode(text, idx)
        idx = _skip(_JSON_COLON, text, idx)
        if name not in _SCHEMA or text[idx] != "[":
            _unknown_or_shape(name, source, key_line)
        idx += 1
        while True:
            idx = _skip(_JSON_GAP, text, idx)
            if text[idx] == "]":
                idx += 1
                break
            start = idx
            item, idx = decoder.raw_decode(text, idx)
            entries.append(_Entry(name, item, line_at(start), line_at(idx) + 1))


def _skip(pattern: re.Pattern[str], text: str, idx: int) -> int:
    m = pattern.match(text, idx)
    return m.end() if m else idx


def _build(entry: _Entry, lines: Sequence[str], source: str) -> Expectation:
    name, data = entry.table, entry.data
    if name not in _SCHEMA:
        _unknown_or_shape(name, source, entry.line)
    if not isinstance(data, dict):
        raise ExpectationError(source, f"line {entry.line}: each {name} must be a table of keys")
    required, optional = _SCHEMA[name]

    span = range(entry.line, min(entry.end, len(lines) + 1))

    def fail(key: str | None, reason: str, item: int = 0) -> ExpectationError:
        """The error, at the line of ``key`` (of its ``item``-th inline table when given) or of the table."""
        line = entry.line
        if key is not None:
            pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*[=:]')
            line = next((n for n in span if pattern.match(lines[n - 1])), entry.line)
            braces = 0
            for n in range(line, span.stop) if item else ():
                braces += lines[n - 1].count("{")
                if braces >= item:
                    line = n
                    break
        return ExpectationError(source, f"line {line}: [[{name}]] {reason}")

    for key in data:
        if key not in required and key not in optional:
            raise fail(key, f"has an unknown key {key!r} (known: {', '.join([*required, *optional])})")
    for key in required:
        if key not in data:
            raise fail(None, f"is missing the key {key!r}")
    for key, value in data.items():
        kind = required.get(key) or optional[key]
        if not _is(kind, value):
            raise fail(key, f"{key!r} must be {_article(kind)}, not {value!r}")
    if data.get("kind") is not None and data["kind"] not in CONFLICT_KINDS:
        raise fail("kind", f"'kind' must be one of {', '.join(CONFLICT_KINDS)}, not {data['kind']!r}")
    if data.get("stance") is not None and data["stance"] not in STANCES:
        raise fail("stance", f"'stance' must be one of {', '.join(STANCES)}, not {data['stance']!r}")
    if data.get("tolerance", 0) < 0:
        raise fail("tolerance", "'tolerance' must not be negative")
    line = entry.line
    if name == "conflict":
        return ConflictExpectation(data["quantity"], _figures(data["figures"], fail), data.get("kind"), line)
    if name == "delay":
        return DelayExpectation(
            data["first"],
            data["then"],
            data.get("days"),
            data.get("tolerance", 1),
            data.get("quantity"),
            line,
        )
    if name == "claim":
        return ClaimExpectation(
            data["speaker"], float(data["value"]), data.get("doc"), data.get("stance"), line
        )
    return AbsentExpectation(data["speaker"], float(data["value"]), data.get("doc"), line)


def _figures(raw: list[Any], fail: Callable[..., ExpectationError]) -> tuple[ExpectedFigure, ...]:
    if not raw:
        raise fail("figures", "'figures' must list at least one { speaker, value }")
    figures = []
    for i, fig in enumerate(raw, 1):
        if not isinstance(fig, dict) or set(fig) != set(_FIGURE_KEYS):
            raise fail("figures", f'figure {i} must be {{ speaker = "...", value = number }}, not {fig!r}', i)
        for key, kind in _FIGURE_KEYS.items():
            if not _is(kind, fig[key]):
                raise fail("figures", f"figure {i}: {key!r} must be {_article(kind)}, not {fig[key]!r}", i)
        figures.append(ExpectedFigure(fig["speaker"], float(fig["value"])))
    return tuple(figures)


def _is(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str) and bool(value.strip())
    if kind == "list":
        return isinstance(value, list)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    # a number: and a finite one ("inf" and "nan" are no figure anyone reported)
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _article(kind: str) -> str:
    return {"string": "a non-empty string", "list": "a list", "integer": "a whole number"}.get(
        kind, "a number"
    )
