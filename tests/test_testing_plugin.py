"""The assertion helpers and the pytest plugin (run through ``pytester`` on a corpus written here)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.testing import (
    _is_corpus,
    assert_absent,
    assert_claim,
    assert_conflict,
    assert_delay,
    assert_expectation,
)
from tests.test_expectations import STORY

pytest_plugins = ["pytester"]

# ---------------------------------------------------------------- the helpers

HELPER_CASES: list[tuple[Callable[[], None], str | None]] = [
    (lambda: assert_conflict(STORY, "ferry passengers missing", [("HRA", 40), ("Vell", 55)]), None),
    (
        lambda: assert_conflict(STORY, "missing passengers", [("Vell", 55), ("Vell", 61)], kind="revision"),
        None,
    ),
    (
        lambda: assert_conflict(STORY, "ferry passengers missing", [("Vell", 50)]),
        "expected Vell 50 in a conflict on ferry passengers missing; found Tomas Vell 55 in d2",
    ),
    (
        lambda: assert_conflict(
            STORY, "ferry passengers missing", [("HRA", 40), ("Vell", 55)], kind="denial"
        ),
        "found them only in a disagreement on ferry-passengers-missing",
    ),
    (lambda: assert_delay(STORY, "HRA", "Ruiz", 7), None),
    (lambda: assert_delay(STORY, "HRA", "Ruiz"), None),
    (lambda: assert_delay(STORY, "HRA", "Ruiz", 9, tolerance=1), "found Ana Ruiz 2031-03-09, 7 days after"),
    (lambda: assert_claim(STORY, "Vell", 55, doc="d2"), None),
    (lambda: assert_claim(STORY, "Ruiz", 55, stance="confirms"), None),
    (lambda: assert_claim(STORY, "Vell", 5000), "expected a claim of Vell 5,000; found Tomas Vell 61 in d2"),
    (lambda: assert_absent(STORY, "Ruiz", 61), None),
    (
        lambda: assert_absent(STORY, "Vell", 61, doc="d2"),
        "expected no claim of Vell 61 in d2; found Tomas Vell 61",
    ),
    (
        lambda: assert_claim(
            STORY, "rescue service", 40, aliases=[["Harbour Rescue Agency", "rescue service"]]
        ),
        None,
    ),
]


@pytest.mark.parametrize(("call", "message"), HELPER_CASES)
def test_helpers_raise_the_check_message(call: Callable[[], None], message: str | None) -> None:
    if message is None:
        call()
        return
    with pytest.raises(AssertionError) as info:
        call()
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda: assert_conflict(STORY, "ferry passengers missing", [("HRA", 40)], kind="feud"),
            "kind must be",
        ),
        (lambda: assert_conflict(STORY, "ferry passengers missing", []), "at least one"),
        (lambda: assert_claim(STORY, "Vell", 55, stance="says"), "stance must be"),
    ],
)
def test_helpers_refuse_malformed_arguments(call: Callable[[], None], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        call()


def test_assert_expectation_takes_loaded_records(tmp_path: Path) -> None:
    from analyzer.expectations import load_expectations

    path = tmp_path / "k.toml"
    path.write_text('[[claim]]\nspeaker = "Okafor"\nvalue = 250\n', encoding="utf-8")
    (expectation,) = load_expectations(path)
    assert_expectation(STORY, expectation)


# ---------------------------------------------------------------- telling corpus paths from test paths


@pytest.mark.parametrize(
    ("arg", "corpus"),
    [
        ("articles", True),  # a folder of documents
        ("articles/a.txt", True),
        ("articles/feed.jsonl", True),
        ("suite", False),  # a folder with test modules
        ("suite/test_x.py", False),
        ("suite/test_x.py::test_one", False),
        ("known.toml", False),  # the expectations file itself
        ("nowhere", False),
    ],
)
def test_positional_paths_are_corpus_or_tests(tmp_path: Path, arg: str, corpus: bool) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Police said 4 people were hurt.", encoding="utf-8")
    (tmp_path / "articles" / "feed.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "suite").mkdir()
    (tmp_path / "suite" / "test_x.py").write_text("def test_one(): pass\n", encoding="utf-8")
    (tmp_path / "known.toml").write_text("", encoding="utf-8")
    assert _is_corpus(arg, tmp_path, (tmp_path / "known.toml").resolve()) is corpus


# ---------------------------------------------------------------- the plugin, end to end

ARTICLES = {
    "a.txt": (
        "Storm leaves fishermen missing off Ostrel\n\n"
        "The coastguard said on Tuesday that 42 fishermen were missing after the storm off the Ostrel coast.\n\n"
        "Rescue boats searched the bay through the night.\n"
    ),
    "b.txt": (
        "Fishermen toll disputed\n\n"
        "The harbour authority said on Thursday that 57 fishermen were missing after the storm off the "
        "Ostrel coast.\n\nMayor Ines Varga confirmed on Friday that 57 fishermen were missing.\n"
    ),
}
SIDECARS = {
    "a.meta.json": {"outlet": "Ostrel Daily", "published": "2031-05-08"},
    "b.meta.json": {"outlet": "Coast Courier", "published": "2031-05-10"},
}
KNOWN = """\
[[conflict]]
quantity = "fishermen missing"
kind = "disagreement"
figures = [ { speaker = "coastguard", value = 42 }, { speaker = "harbour authority", value = 57 } ]

[[claim]]
speaker = "Varga"
value = 57
stance = "confirms"

[[delay]]
first = "coastguard"
then = "Ines Varga"
days = 3

[[absent]]
speaker = "coastguard"
value = 57
"""
WRONG = '\n[[claim]]\nspeaker = "Varga"\nvalue = 60\n'


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # in process, analyzer is imported before the inner run marks its plugin for assertion rewriting
    return pytester.runpytest("-W", "ignore::pytest.PytestAssertRewriteWarning", *args)


@pytest.fixture
def corpus(pytester: pytest.Pytester) -> Path:
    folder = pytester.mkdir("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, meta in SIDECARS.items():
        (folder / name).write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_expectations_run_as_one_test_each(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makefile(".toml", known=KNOWN + WRONG)
    result = _run(pytester, "--corroboration-expect", "known.toml", "articles", "-v")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(
        [
            "corroboration: *known.toml against *articles",
            "known.toml::conflict-line1 PASSED*",
            "known.toml::claim-line6 PASSED*",
            "known.toml::delay-line11 PASSED*",
            "known.toml::absent-line16 PASSED*",
            "known.toml::claim-line20 FAILED*",
            "*expected a claim of Varga 60; found Ines Varga 57 in b (confirms)*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_json_file_and_the_corpus_option_work_the_same(pytester: pytest.Pytester, corpus: Path) -> None:
    data = {
        "claim": [{"speaker": "coastguard", "value": 42, "doc": "a"}],
        "absent": [{"speaker": "Varga", "value": 42}],
    }
    pytester.makefile(".json", known=json.dumps(data, indent=1))
    result = _run(pytester, "--corroboration-expect", "known.json", "--corroboration-corpus", "articles")
    result.assert_outcomes(passed=2)
    assert result.ret == pytest.ExitCode.OK


def test_a_bad_file_is_one_collection_error_with_its_line(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makefile(".toml", known='[[claim]]\nspeaker = "Varga"\nvalue = "many"\n')
    result = _run(pytester, "--corroboration-expect", "known.toml", "articles")
    assert "known.toml: line 3: [[claim]] 'value' must be a number, not 'many'\n" in result.stdout.str()
    result.assert_outcomes(errors=1)
    assert "Traceback" not in result.stdout.str()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--corroboration-expect", "known.toml"], "*--corroboration-expect needs a corpus*"),
        (
            ["--corroboration-expect", "missing.toml", "articles"],
            "*--corroboration-expect: no such file: missing.toml*",
        ),
    ],
)
def test_usage_errors_are_one_line(
    pytester: pytest.Pytester, corpus: Path, args: list[str], error: str
) -> None:
    pytester.makefile(".toml", known=KNOWN)
    result = _run(pytester, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([error])


def test_an_unreadable_corpus_fails_each_expectation_with_its_reason(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", known=KNOWN)
    result = _run(pytester, "--corroboration-expect", "known.toml", "--corroboration-corpus", "gone")
    result.assert_outcomes(failed=4)
    result.stdout.fnmatch_lines(["*gone*"])


FIXTURE_TESTS = """
from analyzer.testing import assert_claim, assert_conflict, assert_delay


def test_conflict(corroboration):
    assert_conflict(corroboration, "fishermen missing", [("coastguard", 42), ("Varga", 57)])


def test_delay(corroboration):
    assert_delay(corroboration, "coastguard", "Varga", 3)


def test_claim(corroboration):
    assert_claim(corroboration, "harbour authority", 99)
"""

COUNTING_CONFTEST = """
import analyzer.pipeline

calls = []
real = analyzer.pipeline.analyze


def counting(*args, **kwargs):
    calls.append(args)
    return real(*args, **kwargs)


def pytest_configure(config):
    analyzer.pipeline.analyze = counting


def pytest_unconfigure(config):
    analyzer.pipeline.analyze = real
    with open("calls.txt", "w") as out:
        out.write(str(len(calls)))
"""


def test_the_fixture_and_the_file_share_one_analysis(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makepyfile(test_story=FIXTURE_TESTS)
    pytester.makeconftest(COUNTING_CONFTEST)
    pytester.makefile(".toml", known=KNOWN)
    result = _run(pytester, "--corroboration-expect", "known.toml", "articles", "test_story.py")
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines(
        ["*expected a claim of harbour authority 99; found harbour authority 57 in b*"]
    )
    assert (pytester.path / "calls.txt").read_text() == "1"


def test_the_fixture_reads_the_corpus_from_the_ini_file(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makepyfile(test_story=FIXTURE_TESTS)
    pytester.makeini("[pytest]\ncorroboration_corpus = articles\n")
    result = _run(pytester, "test_story.py")
    result.assert_outcomes(passed=2, failed=1)


def test_aliases_from_a_file_reach_the_analysis_and_the_matching(
    pytester: pytest.Pytester, corpus: Path
) -> None:
    (pytester.path / "aliases.json").write_text(json.dumps([["Ostrel Coastguard", "coastguard"]]))
    pytester.makefile(".toml", known='[[claim]]\nspeaker = "Ostrel Coastguard"\nvalue = 42\ndoc = "a"\n')
    args = ["--corroboration-expect", "known.toml", "articles"]
    _run(pytester, *args).assert_outcomes(passed=1)
    _run(pytester, *args, "--corroboration-aliases", "aliases.json").assert_outcomes(passed=1)
    pytester.makefile(".toml", known='[[claim]]\nspeaker = "Ostrel Coastguard"\nvalue = 42\n')
    (pytester.path / "aliases.json").write_text("[1]")
    result = _run(pytester, *args, "--corroboration-aliases", "aliases.json")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*aliases.json: group 1 must be a non-empty list of strings*"])


def test_the_fixture_without_a_corpus_says_how_to_give_one(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_story=FIXTURE_TESTS)
    result = _run(pytester, "test_story.py")
    result.assert_outcomes(errors=3)
    result.stdout.fnmatch_lines(["*no corpus: give --corroboration-corpus PATH*"])


def test_the_plugin_is_quiet_when_not_asked(pytester: pytest.Pytester, corpus: Path) -> None:
    pytester.makepyfile(test_plain="def test_one():\n    assert 1 + 1 == 2\n")
    result = _run(pytester, "-v")
    result.assert_outcomes(passed=1)
    assert "corroboration" not in result.stdout.str()


def test_importing_the_plugin_loads_no_pipeline() -> None:
    code = "import sys, analyzer.testing; print(sorted(m for m in sys.modules if m.startswith(('analyzer.', 'rapidfuzz', 'numpy', 'pandas', 'rich'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # analyzer.native (the choice between compiled modules and sources) needs the standard library only
    assert out.strip() == "['analyzer.native', 'analyzer.testing']"
