"""Assertion helpers and the pytest plugin for known conflicts.

In Python, the helpers raise :class:`AssertionError` with the message of
``corroborate check`` (what was expected and the closest thing found)::

    analysis = analyze(["articles/"])
    assert_conflict(analysis, "troops sent abroad", [("Ana Ruiz", 10000), ("HRA", 12000)])
    assert_claim(analysis, "Tomas Vell", 3000, doc="harbour-report")

The plugin (entry point ``pytest11: corroboration``) adds:

- ``pytest --corroboration-expect FILE PATH...``: the expectations file runs as tests, one per
  expectation; the PATH arguments that are not test files are the corpus, analysed once. Without
  other test paths only the expectations run.
- a session-scoped ``corroboration`` fixture: the analysis of ``--corroboration-corpus PATH`` (or of
  the ini option ``corroboration_corpus``), made once per session;
- ``--corroboration-aliases FILE`` (ini ``corroboration_aliases``): alias groups for the analysis and
  for matching speakers.

Nothing happens unless those options are given, and nothing heavy is imported until an analysis
or an expectation is needed.

>>> from analyzer.models import Analysis, Claim
>>> analysis = Analysis((), (Claim("c1", "d1", 3000.0, "", 0, 0, speaker="Tomas Vell"),))
>>> assert_claim(analysis, "Vell", 3000)
>>> assert_absent(analysis, "Vell", 3000)
Traceback (most recent call last):
AssertionError: expected no claim of Vell 3,000; found Tomas Vell 3,000 in d1
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from analyzer.expectations import Expectation
    from analyzer.models import Analysis

LOGGER = logging.getLogger(__name__)

__all__ = [
    "assert_absent",
    "assert_claim",
    "assert_conflict",
    "assert_delay",
    "assert_expectation",
    "corroboration",
]

CORPUS_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
Aliases = Sequence[Sequence[str]]

# ---------------------------------------------------------------- assertion helpers


def assert_expectation(analysis: Analysis, expectation: Expectation, aliases: Aliases = ()) -> None:
    """Raise :class:`AssertionError` with the check's message unless ``expectation`` holds."""
    __tracebackhide__ = True
    from analyzer.expectations import evaluate

    outcome = evaluate(expectation, analysis, aliases)
    if not outcome.passed:
        raise AssertionError(outcome.message)


def assert_conflict(
    analysis: Analysis,
    quantity: str,
    figures: Iterable[tuple[str, float]],
    *,
    kind: str | None = None,
    aliases: Aliases = (),
) -> None:
    """A conflict on the quantity these words describe holds every (speaker, value), of ``kind`` if given."""
    __tracebackhide__ = True
    from analyzer.expectations import ConflictExpectation, ExpectedFigure
    from analyzer.models import CONFLICT_KINDS

    if kind is not None and kind not in CONFLICT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(CONFLICT_KINDS)}, not {kind!r}")
    wanted = tuple(ExpectedFigure(speaker, float(value)) for speaker, value in figures)
    if not wanted:
        raise ValueError("figures must name at least one (speaker, value)")
    assert_expectation(analysis, ConflictExpectation(quantity, wanted, kind), aliases)


def assert_delay(
    analysis: Analysis,
    first: str,
    then: str,
    days: int | None = None,
    *,
    tolerance: int = 1,
    quantity: str | None = None,
    aliases: Aliases = (),
) -> None:
    """``then`` confirmed ``days`` (± ``tolerance``) after ``first`` first asserted (any delay if None)."""
    __tracebackhide__ = True
    from analyzer.expectations import DelayExpectation

    assert_expectation(analysis, DelayExpectation(first, then, days, tolerance, quantity), aliases)


def assert_claim(
    analysis: Analysis,
    speaker: str,
    value: float,
    *,
    doc: str | None = None,
    stance: str | None = None,
    aliases: Aliases = (),
) -> None:
    """Some claim of ``speaker`` with ``value`` (in ``doc``, with ``stance``, when given)."""
    __tracebackhide__ = True
    from analyzer.expectations import ClaimExpectation
    from analyzer.models import STANCES

    if stance is not None and stance not in STANCES:
        raise ValueError(f"stance must be one of {', '.join(STANCES)}, not {stance!r}")
    assert_expectation(analysis, ClaimExpectation(speaker, float(value), doc, stance), aliases)


def assert_absent(
    analysis: Analysis, speaker: str, value: float, *, doc: str | None = None, aliases: Aliases = ()
) -> None:
    """No claim of ``speaker`` with ``value`` (in ``doc`` when given)."""
    __tracebackhide__ = True
    from analyzer.expectations import AbsentExpectation

    assert_expectation(analysis, AbsentExpectation(speaker, float(value), doc), aliases)


# ---------------------------------------------------------------- the plugin


class CorroborationUnavailable(Exception):
    """The corpus of the session cannot be analysed (none given, unreadable, bad alias file)."""


class ExpectationFailed(Exception):
    """An expectation of the file does not hold; the message is the check's."""


class _State:
    """What the plugin knows for one pytest run: the files, and the analysis once it is made."""

    def __init__(self, expect: Path | None, corpus: list[Path], alias_files: list[Path]) -> None:
        self.expect = expect
        self.corpus = corpus
        self.alias_files = alias_files
        self.analysis: Analysis | None = None
        self.aliases: tuple[tuple[str, ...], ...] = ()
        self.error: str | None = None

    def analyse(self) -> tuple[Analysis, tuple[tuple[str, ...], ...]]:
        """The corpus analysed once per run, with the alias groups it was analysed under."""
        if self.analysis is None and self.error is None:
            self.error = (
                "no corpus: give --corroboration-corpus PATH or set corroboration_corpus in the ini file"
            )
            if self.corpus:
                self.error = None
                self._run()
        if self.error is not None:
            raise CorroborationUnavailable(self.error)
        assert self.analysis is not None
        return self.analysis, self.aliases

    def _run(self) -> None:
        from analyzer.errors import AnalyzerError
        from analyzer.pipeline import analyze
        from analyzer.settings import Settings, load_aliases

        try:
            self.aliases = tuple(group for f in self.alias_files for group in load_aliases(f))
            LOGGER.info("analysing the corroboration corpus %s", ", ".join(map(str, self.corpus)))
            self.analysis = analyze(self.corpus, Settings(aliases=self.aliases))
        except AnalyzerError as exc:
            self.error = str(exc)


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("corroboration", "known conflicts of a news corpus (analyzer)")
    group.addoption(
        "--corroboration-expect",
        metavar="FILE",
        default=None,
        help="expectations file (TOML or JSON) to run as tests; PATH arguments that are not tests are the corpus",
    )
    group.addoption(
        "--corroboration-corpus",
        metavar="PATH",
        action="append",
        default=[],
        help="corpus file or folder for the corroboration fixture (repeatable)",
    )
    group.addoption(
        "--corroboration-aliases", metavar="FILE", default=None, help="alias groups (JSON) for the corpus"
    )
    parser.addini(
        "corroboration_corpus", "corpus paths for the corroboration fixture", type="paths", default=[]
    )
    parser.addini(
        "corroboration_aliases", "alias files (JSON) for the corroboration corpus", type="paths", default=[]
    )


def _is_corpus(arg: str, base: Path, expect: Path) -> bool:
    """A positional argument that names articles, not tests: a document file or a folder without .py."""
    if "::" in arg:
        return False
    path = base / arg
    if not path.exists() or path.resolve() == expect:
        return False
    if path.is_file():
        return path.suffix.lower() in CORPUS_SUFFIXES
    return not any(path.rglob("*.py"))


def pytest_configure(config: pytest.Config) -> None:
    base = config.invocation_params.dir
    corpus = [base / p for p in config.getoption("corroboration_corpus", [])]
    aliases = config.getoption("corroboration_aliases", None)
    alias_files = [base / aliases] if aliases else list(config.getini("corroboration_aliases"))
    expect_opt = config.getoption("corroboration_expect", None)
    expect = (base / expect_opt).resolve() if expect_opt else None
    if expect is not None:
        if not expect.is_file():
            raise pytest.UsageError(f"--corroboration-expect: no such file: {expect_opt}")
        explicit = config.args_source == pytest.Config.ArgsSource.ARGS
        tests = [a for a in config.args if not _is_corpus(a, base, expect)] if explicit else []
        corpus += [base / a for a in config.args if explicit and a not in tests]
        if not any(_covers(base / t.split("::", 1)[0], expect) for t in tests):
            tests.append(str(expect))
        config.args[:] = tests
    if not corpus:
        corpus = list(config.getini("corroboration_corpus"))
    if expect is not None and not corpus:
        raise pytest.UsageError(
            "--corroboration-expect needs a corpus: pytest --corroboration-expect FILE PATH..., "
            "--corroboration-corpus PATH or the ini option corroboration_corpus"
        )
    config.stash[_STATE] = _State(expect, corpus, alias_files)


def _covers(path: Path, target: Path) -> bool:
    path = path.resolve()
    return path == target or (path.is_dir() and target.is_relative_to(path))


def pytest_report_header(config: pytest.Config) -> list[str]:
    state = config.stash.get(_STATE, None)
    if state is None or state.expect is None:
        return []
    return [f"corroboration: {state.expect} against {', '.join(map(str, state.corpus))}"]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = parent.config.stash.get(_STATE, None)
    expect = state.expect if state is not None else None
    if expect is not None and file_path.name == expect.name and file_path.resolve() == expect:
        return ExpectationFile.from_parent(parent, path=file_path)
    return None


class ExpectationFile(pytest.File):
    """An expectations file: one test item per expectation, in file order."""

    def collect(self) -> Iterator[ExpectationItem]:
        from analyzer.errors import ExpectationError
        from analyzer.expectations import load_expectations

        try:
            expectations = load_expectations(self.path)
        except ExpectationError as exc:
            raise self.CollectError(str(exc)) from None
        seen: dict[str, int] = {}
        for exp in expectations:
            name = f"{exp.table}-line{exp.line}"
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name += f"-{seen[name]}"
            yield ExpectationItem.from_parent(self, name=name, expectation=exp)


class ExpectationItem(pytest.Item):
    """One expectation of the file, evaluated against the session's analysis."""

    def __init__(self, *, expectation: Expectation, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.expectation = expectation

    def runtest(self) -> None:
        from analyzer.expectations import evaluate

        try:
            analysis, aliases = self.config.stash[_STATE].analyse()
        except CorroborationUnavailable as exc:
            raise ExpectationFailed(str(exc)) from None
        outcome = evaluate(self.expectation, analysis, aliases)
        if not outcome.passed:
            raise ExpectationFailed(outcome.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ExpectationFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.expectation.line - 1 if self.expectation.line else None
        return self.path, line, self.expectation.describe()


@pytest.fixture(scope="session")
def corroboration(request: pytest.FixtureRequest) -> Analysis:
    """The analysis of the corroboration corpus, made once per session."""
    try:
        return request.config.stash[_STATE].analyse()[0]
    except CorroborationUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
