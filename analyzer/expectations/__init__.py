"""Known facts about a story, checked against an :class:`Analysis`: ``corroborate check`` and its tests.

An expectations file (TOML, or JSON with the same keys) lists conflicts that
must be reported, confirmation delays, claims that must be found and claims
that must not. Speakers match with the rules of :mod:`analyzer.resolve`
(surnames, acronyms, spelling variants, user alias groups); values within
0.5 % of the figure or of one of the bounds its words state.

>>> from analyzer.models import Analysis, Claim
>>> analysis = Analysis(documents=(), claims=(Claim("c1", "d1", 3000.0, "", 0, 0, speaker="Tomas Vell"),))
>>> run_check(analysis, Expectations((ClaimExpectation("Vell", 3000), AbsentExpectation("Vell", 5000)))).passed
True
>>> evaluate(ClaimExpectation("Vell", 5000, doc="d1"), analysis).message
'expected a claim of Vell 5,000 in d1; found Tomas Vell 3,000 in d1'
"""

from analyzer.expectations.evaluation import check_text, evaluate, run_check
from analyzer.expectations.loading import load_expectations
from analyzer.expectations.matching import names_match, value_matches
from analyzer.expectations.records import (
    AbsentExpectation,
    CheckReport,
    ClaimExpectation,
    ConflictExpectation,
    DelayExpectation,
    Expectation,
    Expectations,
    ExpectedFigure,
    Outcome,
)

__all__ = [
    "AbsentExpectation",
    "CheckReport",
    "ClaimExpectation",
    "ConflictExpectation",
    "DelayExpectation",
    "Expectation",
    "Expectations",
    "ExpectedFigure",
    "Outcome",
    "check_text",
    "evaluate",
    "load_expectations",
    "names_match",
    "run_check",
    "value_matches",
]
