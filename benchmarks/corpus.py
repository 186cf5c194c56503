"""Build a large corpus for the benchmarks by replicating the bundled fixtures.

Each copy gets its own file names (and record ids), and the figures of every
copy are shifted by a copy-specific amount so that copies are not all one
claim; the text around them, with its web noise, stays the same.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
_NUMBER_RE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def _shift(text: str, copy: int) -> str:
    """Shift comma-grouped figures by the copy number so each copy reports slightly different figures."""
    if copy == 0:
        return text

    def bump(m: re.Match[str]) -> str:
        value = int(m.group().replace(",", "")) + copy
        return f"{value:,}"

    return _NUMBER_RE.sub(bump, text)


def build(target: Path, copies: int, source: Path = FIXTURES) -> int:
    """Write ``copies`` copies of the fixture corpus under ``target``; return the bytes of text written."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total = 0
    files = sorted(p for p in source.iterdir() if p.is_file())
    for i in range(copies):
        folder = target / f"copy{i:05d}"
        folder.mkdir()
        for path in files:
            name = path.name
            if name.endswith(".jsonl"):
                lines = []
                for line in path.read_text(encoding="utf-8").splitlines():
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    rec["id"] = f"{rec.get('id', 'r')}-{i}"
                    if isinstance(rec.get("text"), str):
                        rec["text"] = _shift(rec["text"], i)
                        total += len(rec["text"].encode())
                    lines.append(json.dumps(rec, ensure_ascii=False))
                (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
                continue
            stem, dot, rest = name.partition(".")
            new = folder / f"{stem}-{i}{dot}{rest}"
            if name.endswith(".meta.json"):
                shutil.copyfile(path, new)
            else:
                text = _shift(path.read_text(encoding="utf-8"), i)
                new.write_text(text, encoding="utf-8")
                total += len(text.encode())
    return total
