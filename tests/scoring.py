"""Score extracted claims against a gold file: recall, attribution precision, date accuracy.

The gold format is the one of ``fixtures/gold.jsonl`` (doc, speaker, aliases,
speaker_mention, value, asserted_on, stance, sentence). A predicted claim
matches a gold claim when it is in the same document, its value (or one of
its bounds) is within 0.5% of the gold value, and its speaker is one of the
gold speaker's names (exactly after normalisation, as a surname or acronym of
it, or within a rapidfuzz ratio of 90).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from analyzer.models import Claim

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def norm(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower().replace("’", "'")
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"\b(?:the|of|a|an)\b", " ", name)
    return " ".join(name.split())


def same_name(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or fuzz.ratio(a, b) >= 90:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(short) == 1 and len(short[0]) >= 3:
        word = short[0]
        initials = "".join(t[0] for t in long_ if t not in {"and", "for", "in", "on"})
        return word in long_ or word == initials
    return False


@dataclass(frozen=True)
class Score:
    gold: int
    found: int
    on_gold_figure: int
    right_speaker: int
    dated: int
    dates_right: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def attribution_precision(self) -> float:
        return self.right_speaker / self.on_gold_figure if self.on_gold_figure else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dated if self.dated else 1.0


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_aliases(path: Path) -> list[list[str]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _names(gold: dict, groups: Sequence[Sequence[str]]) -> list[str]:
    names = [norm(gold.get("speaker"))]
    mention = norm(gold.get("speaker_mention"))
    if mention and mention not in _PRONOUNS:
        names.append(mention)
    names += [norm(a) for a in gold.get("aliases") or []]
    for group in groups:
        normed = [norm(g) for g in group]
        if any(same_name(n, g) for n in names for g in normed):
            names += normed
    return [n for n in names if n]


def _said(c: Claim) -> list[str]:
    out = [norm(c.speaker)]
    mention = norm(c.speaker_mention)
    if mention and mention not in _PRONOUNS:
        out.append(mention)
    return [n for n in out if n]


def _same_value(c: Claim, value: float) -> bool:
    return any(
        v is not None and abs(v - value) <= 0.005 * abs(value) for v in (c.value, c.value_low, c.value_high)
    )


def score(
    claims: Iterable[Claim], gold: list[dict], groups: Sequence[Sequence[str]] = ()
) -> tuple[Score, list[str]]:
    """The score, and one line per miss, misattribution or wrong date (for a readable failure)."""
    attributed = [c for c in claims if c.speaker]
    by_doc: dict[str, list[Claim]] = {}
    for c in attributed:
        by_doc.setdefault(c.doc_id, []).append(c)
    seen: set[tuple[str, str, float]] = set()
    golds = []
    for g in gold:
        key = (g["doc"], norm(g["speaker"]), float(g["value"]))
        if key not in seen:
            seen.add(key)
            golds.append(g)
    notes: list[str] = []
    found = dated = dates_right = 0
    for g in golds:
        names = _names(g, groups)
        hit = next(
            (
                c
                for c in by_doc.get(g["doc"], [])
                if _same_value(c, float(g["value"])) and any(same_name(p, n) for p in _said(c) for n in names)
            ),
            None,
        )
        if hit is None:
            notes.append(f"MISSED {g['doc']}: {g['speaker']} {g['value']} | {g.get('sentence', '')[:100]}")
            continue
        found += 1
        if g.get("asserted_on"):
            dated += 1
            got = hit.asserted_on.isoformat() if hit.asserted_on else None
            if got == g["asserted_on"]:
                dates_right += 1
            else:
                notes.append(
                    f"DATE {g['doc']}: {g['speaker']} {g['value']} gold {g['asserted_on']} got {got}"
                )
    on_gold = right = 0
    gold_by_doc: dict[str, list[dict]] = {}
    for g in golds:
        gold_by_doc.setdefault(g["doc"], []).append(g)
    for c in attributed:
        matching = [g for g in gold_by_doc.get(c.doc_id, []) if _same_value(c, float(g["value"]))]
        if not matching:
            continue
        on_gold += 1
        if any(same_name(p, n) for g in matching for n in _names(g, groups) for p in _said(c)):
            right += 1
        else:
            notes.append(f"MISATTRIBUTED {c.doc_id}: {c.speaker!r} {c.value} | {c.sentence[:100]}")
    return Score(len(golds), found, on_gold, right, dated, dates_right), notes
