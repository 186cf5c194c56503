"""The one record of knobs the stages read: no globals.

>>> Settings().relative_tolerance
0.05
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import AliasError
from analyzer.native import register_records


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds and user tables for one run.

    ``aliases`` are groups of names that stand for one actor; the first name
    of a group is its canonical name.
    """

    aliases: tuple[tuple[str, ...], ...] = ()
    name_similarity: float = 90.0  # rapidfuzz ratio at which two spellings are one name
    quantity_similarity: float = 60.0  # rapidfuzz token ratio at which two items are one quantity
    relative_tolerance: float = 0.05  # "about 3,000" and "3,100" agree
    approximate_tolerance: float = 0.10
    quote_similarity: float = 80.0
    jobs: int = 0  # worker processes for extraction; 0 = one per core, 1 = none
    dask: str | None = None  # a Dask scheduler address, or "local" for a LocalCluster


def load_aliases(path: str | Path) -> tuple[tuple[str, ...], ...]:
    """Read an alias file: a JSON list of lists of names, or an object {canonical: [aliases]}.

    Raises :class:`AliasError` naming the file and the reason.
    """
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise AliasError(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasError(source, f"cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise AliasError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    groups: list[tuple[str, ...]] = []
    if isinstance(data, dict):
        for canonical, names in data.items():
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise AliasError(source, f"aliases of {canonical!r} must be a list of strings")
            groups.append((str(canonical), *names))
    elif isinstance(data, list):
        for i, group in enumerate(data):
            if not isinstance(group, list) or not group or not all(isinstance(n, str) for n in group):
                raise AliasError(source, f"group {i + 1} must be a non-empty list of strings")
            groups.append(tuple(group))
    else:
        raise AliasError(source, "expected a list of lists of names or an object of name lists")
    return tuple(groups)


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
