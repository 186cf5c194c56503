"""The extractor's quality gate: claims scored against hand-labelled gold, with pinned floors.

Twelve gold sets: the project's own articles (``fixtures/corpus``, gold in ``fixtures/gold.jsonl``);
``fixtures/probes``, five other stories written after the extractor and then used to develop its
rules; ``fixtures/holdout``, five more stories by another hand, scored blind first (figures kept
below) and then also used to develop rules; ``fixtures/blind``, five more stories in house styles
nobody had tuned for (a transcript, a press release, a live blog), written without seeing the
extractor, scored blind first and then used for a round of general rules too; ``fixtures/blind5``,
five more stories by yet another hand (a translated page that writes "8.400" and "1,2 million", a
transcript, a press release, a live blog), written without seeing the extractor, scored blind after
the first round of rules and then used for a second round; ``fixtures/blind6``, five more stories by
another hand (a translated page that writes "3.000" and "8,5%", a transcript, a press release, a live
blog, a JSON-lines digest), written without seeing the extractor and scored blind after session 3's
rules, then used for a third round of rules; ``fixtures/blind7``, five more stories by another hand (a
broadcaster's live page, a briefing transcript, a press release, an explainer, a JSON-lines digest),
scored blind at the start of session 4, then used for a fourth round of rules (round 4);
``fixtures/blind8``, five more stories by another hand (a briefing transcript, a local TV page with a
video transcript, a government press note, Indian English with lakh and crore, an Australian live page, an
aggregator rewrite, a JSON-lines digest), written without seeing the extractor, scored blind at the end of
session 4, then used for a fifth round of rules (round 5); ``fixtures/blind9``, five more stories in house
styles new to the sets (a fact-check, a markets brief, an NGO's first-person statement, a Q&A, Canadian,
Irish, Nigerian, New Zealand and Kenyan English, a live blog), written without seeing the extractor and
scored before and after round 5 without being tuned on, then used for a sixth round of rules (round 6,
with 32 real news pages read by a reviewer, kept out of the project); ``fixtures/blind10``, five more (a cruise ship's
outbreak, a pipeline leak, a teachers' boycott, freed hostages, a salmon escape; Malaysian, Singaporean,
Pakistani, Philippine and Scottish outlets, a TV page with a video transcript, an op-ed, a statistical
bulletin), scored blind and then used for round 8 of rules (session 6); ``fixtures/blind11``, five more (a
gang violence toll, a port strike, a water contamination notice, a satellite debris fall, a bank run; an AP
wire, a Caribbean and a West African daily, a UK regional paper, a TV transcript, a Bangladeshi authority's
release, an aggregator rewrite, a live page, a digest), the set whose claims no rule is tuned on (only its
dates were used, for one rule); and the shared seed articles when they are checked out beside the
project. A set that no rule was tuned on is measured before any tuning, and said
so here.
A floor is pinned a little under the figure measured when it was set; a change that drops below it fails
here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.models import Analysis
from analyzer.pipeline import analyze
from tests.scoring import load_aliases, load_gold, score

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# measured 2026-11-21: fixtures recall 0.964, attribution precision 0.988, dates 0.90
FIXTURE_FLOORS = {"recall": 0.92, "attribution_precision": 0.95, "date_accuracy": 0.85}
# measured 2026-11-21, before any work on them: probes recall 0.773, attribution precision 0.840, dates 0.786;
# measured 2026-11-21 after the general rules for them (issue 2): recall 1.000, attribution 1.000, dates 1.000
PROBE_FLOORS = {"recall": 0.97, "attribution_precision": 0.97, "date_accuracy": 0.95}
# measured 2026-11-21 on the state before any rule was written with it in view (0.739/0.838/0.655 at
# the commit before the probe work; 0.847/0.914/0.971 after it). The holdout was then used for tuning
# (round 2 of general rules): measured 2026-11-21 after it, recall 0.973, attribution 1.000, dates 0.973;
# from here on it is a dev set like the probes, no longer a blind estimate
HOLDOUT_FLOORS = {"recall": 0.95, "attribution_precision": 0.97, "date_accuracy": 0.95}
# measured 2026-11-21 before any rule was written with it in view: recall 0.731, attribution precision 0.913,
# dates 0.936 (the honest estimate for unseen coverage); then used for a round of general rules: measured
# 2026-11-21 after it, recall 0.808, attribution 0.963, dates 0.941; a dev set from here on, like the holdout
BLIND_FLOORS = {"recall": 0.77, "attribution_precision": 0.93, "date_accuracy": 0.91}
# measured 2026-11-21 before any rule was written with it in view:
# recall 0.766, attribution precision 0.886, dates 0.900 (the estimate for unseen coverage after the first
# round of rules); then used for a second round: measured 2026-11-21 while it was under way, recall 0.846,
# attribution 0.953, dates 0.953 (floors a little lower, as rules were still landing); a dev set from here on
BLIND5_FLOORS = {"recall": 0.81, "attribution_precision": 0.92, "date_accuracy": 0.92}
# measured 2026-11-21 at commit 3937567, before any rule was written with it in view: recall 0.873, attribution
# precision 0.959, dates 0.941 (the estimate for unseen coverage after session 3). blind6 was then used for
# tuning (round 3 of general rules): measured 2026-11-21 after it, recall 0.933, attribution 1.000, dates
# 0.980; a dev set from here on, no longer a blind estimate
BLIND6_FLOORS = {"recall": 0.91, "attribution_precision": 0.97, "date_accuracy": 0.95}
# measured 2026-11-21 at commit f7464c4, before any rule was written with it in view: recall 0.885, attribution
# precision 0.944, dates 0.909 (the estimate for unseen coverage at the start of session 4); after the round
# tuned on blind6, still untouched: recall 0.892, attribution 0.944, dates 0.909. Then blind7 was used for
# tuning (round 4: recall 0.899 -> 0.986, attribution 0.944 -> 0.980, dates 0.909 -> 0.982) and is no
# longer a blind estimate.
BLIND7_FLOORS = {"recall": 0.97, "attribution_precision": 0.96, "date_accuracy": 0.96}
# measured 2026-11-21 at commit f7464c4, before any rule was written with it in view: recall 0.840, attribution
# precision 0.901, dates 0.877; at commit 5e0f445, after the session's two tuning rounds on blind6 and blind7
# and still untouched: recall 0.858, attribution 0.905, dates 0.877 (the estimate for unseen coverage at the
# end of session 4). It was then used for tuning (round 5: recall 0.858 -> 0.975, attribution 0.905 -> 0.952,
# dates 0.877 -> 1.0) and is no longer a blind estimate.
BLIND8_FLOORS = {"recall": 0.96, "attribution_precision": 0.94, "date_accuracy": 0.97}
# measured 2026-11-21 at commit e0d6c45, before any rule was written with it in view: recall 0.637, attribution
# precision 0.780, dates 0.786; after round 5 (tuned on blind8) and still untouched: recall 0.651, attribution
# 0.803, dates 0.786. It was then used for tuning (round 6: recall 0.815, attribution 0.875, dates 0.857).
BLIND9_FLOORS = {"recall": 0.79, "attribution_precision": 0.85, "date_accuracy": 0.83}
# measured 2026-11-21 at commit 67ed920, before any rule was written with it in view: recall 0.550, attribution
# precision 0.882, dates 0.708 (0.541 / 0.873 / 0.708 at e0d6c45, the start of session 5). No rule is tuned on
# it: it is the estimate for unseen coverage. After round 6 (tuned on blind9 and real pages), still untouched:
# recall 0.574, attribution precision 0.899, dates 0.750. It was then used for tuning (round 8, session 6:
# recall 0.919, attribution 0.925, dates 0.912) and is no longer a blind estimate.
BLIND10_FLOORS = {"recall": 0.89, "attribution_precision": 0.90, "date_accuracy": 0.88}
# measured 2026-11-21 at commit 2618fc7 (the start of session 6), before any rule was written with it in view:
# recall 0.715, attribution precision 0.915, dates 0.462; at 695553e, after rounds 8 and 9 (tuned on blind10
# and new real pages) and one rule on statement dates developed on its dates (d3efc60): recall 0.746,
# attribution 0.919, dates 0.683. Its claims and speakers were used for no rule: its recall and precision are
# the estimate for unseen invented coverage.
BLIND11_FLOORS = {"recall": 0.71, "attribution_precision": 0.89, "date_accuracy": 0.65}
SEED_FLOORS = {"recall": 0.85, "attribution_precision": 0.95, "date_accuracy": 0.99}


@pytest.fixture(scope="module")
def fixture_analysis() -> Analysis:
    return analyze([FIXTURES / "corpus"])


def _check(analysis: Analysis, folder: Path, gold_name: str, floors: dict[str, float]) -> None:
    result, notes = score(
        analysis.claims, load_gold(folder / gold_name), load_aliases(folder / "aliases.json")
    )
    measured = {
        "recall": result.recall,
        "attribution_precision": result.attribution_precision,
        "date_accuracy": result.date_accuracy,
    }
    below = {k: round(v, 3) for k, v in measured.items() if v < floors[k]}
    assert not below, f"below the floor {floors}: {below}\n" + "\n".join(notes)


def test_fixture_claims_meet_the_floor(fixture_analysis: Analysis) -> None:
    _check(fixture_analysis, FIXTURES, "gold.jsonl", FIXTURE_FLOORS)


def test_probe_claims_meet_the_floor() -> None:
    probes = FIXTURES / "probes"
    _check(analyze([probes / "corpus"]), probes, "gold.jsonl", PROBE_FLOORS)


def test_holdout_claims_meet_the_floor() -> None:
    holdout = FIXTURES / "holdout"
    _check(analyze([holdout / "corpus"]), holdout, "gold.jsonl", HOLDOUT_FLOORS)


def test_blind_claims_meet_the_floor() -> None:
    blind = FIXTURES / "blind"
    _check(analyze([blind / "corpus"]), blind, "gold.jsonl", BLIND_FLOORS)


def test_blind5_claims_meet_the_floor() -> None:
    blind5 = FIXTURES / "blind5"
    _check(analyze([blind5 / "corpus"]), blind5, "gold.jsonl", BLIND5_FLOORS)


def test_blind6_claims_meet_the_floor() -> None:
    blind6 = FIXTURES / "blind6"
    _check(analyze([blind6 / "corpus"]), blind6, "gold.jsonl", BLIND6_FLOORS)


def test_blind7_claims_meet_the_floor() -> None:
    blind7 = FIXTURES / "blind7"
    _check(analyze([blind7 / "corpus"]), blind7, "gold.jsonl", BLIND7_FLOORS)


def test_blind8_claims_meet_the_floor() -> None:
    blind8 = FIXTURES / "blind8"
    _check(analyze([blind8 / "corpus"]), blind8, "gold.jsonl", BLIND8_FLOORS)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed corpus is not checked out beside the project")
def test_seed_claims_meet_the_floor() -> None:
    _check(analyze([SEEDS]), SEEDS, "gold.jsonl", SEED_FLOORS)


def test_sidebar_headlines_are_not_claims(fixture_analysis: Analysis) -> None:
    """Related-story headlines carry figures; none of them may become a claim of the article."""
    sentences = {c.sentence for c in fixture_analysis.claims}
    assert not any("Kyiv says" in s and s.startswith("12,000") for s in sentences)


def test_blind9_claims_meet_the_floor() -> None:
    blind9 = FIXTURES / "blind9"
    _check(analyze([blind9 / "corpus"]), blind9, "gold.jsonl", BLIND9_FLOORS)


def test_blind10_claims_meet_the_floor() -> None:
    blind10 = FIXTURES / "blind10"
    _check(analyze([blind10 / "corpus"]), blind10, "gold.jsonl", BLIND10_FLOORS)


def test_blind11_claims_meet_the_floor() -> None:
    blind11 = FIXTURES / "blind11"
    _check(analyze([blind11 / "corpus"]), blind11, "gold.jsonl", BLIND11_FLOORS)
