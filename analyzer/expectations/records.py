"""The records of an expectations file and of a check: what must hold, and whether it did."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from analyzer.corroborate.conflicts import format_number

RELATIVE_TOLERANCE = 0.005  # an expected figure and a reported one agree within 0.5 %
TOP_QUANTITIES = 3  # quantities whose words best match an expectation's words that are searched
Aliases = Sequence[Sequence[str]]

# ---------------------------------------------------------------- the records


@dataclass(frozen=True, slots=True)
class ExpectedFigure:
    """One (speaker, value) an expectation names."""

    speaker: str
    value: float

    def describe(self) -> str:
        return f"{self.speaker} {format_number(self.value)}"


@dataclass(frozen=True, slots=True)
class ConflictExpectation:
    """A conflict on a quantity (given by words) holding every figure, of ``kind`` when given.

    >>> ConflictExpectation("boats lost", (ExpectedFigure("Navy", 4), ExpectedFigure("Rebels", 9))).describe()
    'conflict on boats lost: Navy 4 vs Rebels 9'
    """

    quantity: str
    figures: tuple[ExpectedFigure, ...]
    kind: str | None = None
    line: int = 0
    table: ClassVar[str] = "conflict"

    def describe(self) -> str:
        figures = " vs ".join(f.describe() for f in self.figures)
        return f"{self.kind or 'conflict'} on {self.quantity}: {figures}"


@dataclass(frozen=True, slots=True)
class DelayExpectation:
    """``then`` confirmed ``days`` (± ``tolerance``) after ``first`` first asserted; any delay when None.

    >>> DelayExpectation("Ana Ruiz", "Tomas Vell", 10).describe()
    'Tomas Vell confirms 10 ± 1 days after Ana Ruiz'
    """

    first: str
    then: str
    days: int | None = None
    tolerance: int = 1
    quantity: str | None = None
    line: int = 0
    table: ClassVar[str] = "delay"

    def describe(self) -> str:
        when = "after" if self.days is None else f"{self.days} ± {self.tolerance} days after"
        on = f" on {self.quantity}" if self.quantity else ""
        return f"{self.then} confirms {when} {self.first}{on}"


@dataclass(frozen=True, slots=True)
class ClaimExpectation:
    """A claim of ``speaker`` with ``value`` (in ``doc``, with ``stance``, when given)."""

    speaker: str
    value: float
    doc: str | None = None
    stance: str | None = None
    line: int = 0
    table: ClassVar[str] = "claim"

    def describe(self) -> str:
        return f"claim of {_claim_words(self.speaker, self.value, self.doc, self.stance)}"


@dataclass(frozen=True, slots=True)
class AbsentExpectation:
    """No claim of ``speaker`` with ``value`` (in ``doc`` when given)."""

    speaker: str
    value: float
    doc: str | None = None
    line: int = 0
    table: ClassVar[str] = "absent"

    def describe(self) -> str:
        return f"no claim of {_claim_words(self.speaker, self.value, self.doc, None)}"


Expectation = ConflictExpectation | DelayExpectation | ClaimExpectation | AbsentExpectation


@dataclass(frozen=True, slots=True)
class Expectations:
    """The expectations of one file, in file order."""

    items: tuple[Expectation, ...]
    source: str = ""

    def __iter__(self) -> Iterator[Expectation]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether one expectation holds, and what was found (the closest thing, when it fails)."""

    expectation: Expectation
    passed: bool
    message: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcomes of a file of expectations against one analysis."""

    outcomes: tuple[Outcome, ...]
    source: str = ""

    @property
    def passed(self) -> bool:
        return all(o.passed for o in self.outcomes)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)

    def summary(self) -> str:
        """How many expectations passed and failed, in one line."""
        failed = len(self.failures)
        return f"{len(self)} expectations: {len(self) - failed} passed, {failed} failed"


def _claim_words(speaker: str, value: float, doc: str | None, stance: str | None) -> str:
    text = f"{speaker} {format_number(value)}"
    return text + (f" in {doc}" if doc else "") + (f" ({stance})" if stance else "")
