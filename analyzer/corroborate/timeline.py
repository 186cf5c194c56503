"""When each speaker first spoke about a quantity, and how long others took to confirm it.

Statements without a figure count: "there is evidence that ..." confirms,
"if it is true, it would be concerning" hedges. A speaker appears once per
stance (the first time they asserted, hedged, confirmed or denied), so a
hedge that later became a confirmation shows both steps.

>>> from datetime import date
>>> from analyzer.models import Claim, Statement
>>> claims = [Claim("a", "d1", 40.0, "", 0, 0, speaker="Coastguard", quantity_key="missing",
...                 asserted_on=date(2024, 5, 1), published=date(2024, 5, 2), outlet="Gazette")]
>>> statements = [Statement("s", "d2", "Ministry", "", 0, 0, "confirms", asserted_on=date(2024, 5, 4),
...                         quantity_key="missing")]
>>> timeline, = build_timelines(claims, statements)
>>> [(e.speaker, e.stance) for e in timeline.events], timeline.confirmation_delays[0].days_after_first
([('Coastguard', 'asserts'), ('Ministry', 'confirms')], 3)
>>> timeline.reporting_lags[0].days
1

A speaker who first hedged and later asserted has confirmed:

>>> hedge = Statement("h", "d3", "Navy", "", 0, 0, "hedges", asserted_on=date(2024, 5, 2), quantity_key="missing")
>>> later = Claim("b", "d3", 40.0, "", 0, 0, speaker="Navy", quantity_key="missing", asserted_on=date(2024, 5, 6))
>>> [(d.speaker, d.days_after_first) for d in build_timelines([*claims, later], [*statements, hedge])[0].confirmation_delays]
[('Ministry', 3), ('Navy', 5)]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from analyzer.models import Claim, ConfirmationDelay, ReportingLag, Statement, Timeline, TimelineEvent
from analyzer.native import register_records

_ASSERTING = ("asserts", "confirms")


@dataclass(frozen=True, slots=True)
class _Said:
    """A claim or a statement, reduced to what the timeline needs."""

    ident: str
    speaker: str
    on: date | None
    stance: str
    value: float | None
    published: date | None

    def order(self) -> tuple[int, date, date, str]:
        return (0 if self.on else 1, self.on or date.min, self.published or date.max, self.ident)


def _said(claims: Sequence[Claim], statements: Sequence[Statement]) -> dict[str, list[_Said]]:
    by_key: dict[str, list[_Said]] = defaultdict(list)
    for c in claims:
        if c.quantity_key and c.speaker:
            by_key[c.quantity_key].append(
                _Said(c.claim_id, c.speaker, c.asserted_on, c.stance, c.value, c.published)
            )
    for s in statements:
        if s.quantity_key and s.speaker:
            by_key[s.quantity_key].append(
                _Said(s.statement_id, s.speaker, s.asserted_on, s.stance, None, s.published)
            )
    return by_key


def _events(key: str, said: list[_Said]) -> tuple[TimelineEvent, ...]:
    firsts: dict[tuple[str, str], list[_Said]] = {}
    for item in sorted(said, key=_Said.order):
        group = firsts.setdefault((item.speaker, item.stance), [item])
        if item is not group[0] and item.on is not None and item.on == group[0].on:
            group.append(item)  # the same day's other reports of that statement
    events = []
    for (speaker, stance), items in firsts.items():
        value = next((i.value for i in items if i.value is not None), None)
        ids = tuple(sorted(i.ident for i in items))
        events.append((items[0].order(), TimelineEvent(key, speaker, items[0].on, stance, value, ids)))
    events.sort(key=lambda oe: (oe[0][0], oe[0][1], oe[1].speaker, oe[1].stance, oe[0][2], oe[0][3]))
    return tuple(e for _, e in events)


def _delays(key: str, said: list[_Said]) -> tuple[ConfirmationDelay, ...]:
    dated = sorted(
        ((i.on, i) for i in said if i.on is not None and i.stance in _ASSERTING), key=lambda di: di[1].order()
    )
    if not dated:
        return ()
    start, first = dated[0]
    hedged: dict[str, date] = {}
    for i in said:
        if i.on is not None and i.stance == "hedges":
            hedged[i.speaker] = min(i.on, hedged.get(i.speaker, i.on))
    confirmed: dict[str, date] = {}
    for on, item in dated:
        if item.speaker == first.speaker:
            continue
        # a speaker who hedged ("if true, ...") and later asserts it has confirmed it
        if item.stance == "confirms" or (item.speaker in hedged and hedged[item.speaker] < on):
            confirmed.setdefault(item.speaker, on)
    delays = [ConfirmationDelay(key, s, on, (on - start).days, first.speaker) for s, on in confirmed.items()]
    return tuple(sorted(delays, key=lambda d: (d.first_on, d.speaker)))


def _lags(key: str, claims: Sequence[Claim]) -> tuple[ReportingLag, ...]:
    lags = [
        ReportingLag(key, c.outlet or c.doc_id, c.claim_id, (c.published - c.asserted_on).days)
        for c in claims
        if c.asserted_on and c.published
    ]
    return tuple(sorted(lags, key=lambda lag: (lag.outlet, lag.days, lag.claim_id)))


def build_timelines(claims: Sequence[Claim], statements: Sequence[Statement] = ()) -> tuple[Timeline, ...]:
    """Per quantity: first statements in date order (undated after), confirmation delays, reporting lags.

    The first assertion is the earliest dated statement that asserts or
    confirms; a confirmation delay is the days from it to another speaker's
    first dated confirmation, or to their first assertion after they had
    hedged (looked into the reports, then gave the figure). Unattributed claims have no speaker to place on
    the timeline but still give reporting lags.
    """
    said = _said(claims, statements)
    claims_by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity_key:
            claims_by_key[claim.quantity_key].append(claim)
    timelines = []
    for key in sorted(said.keys() | claims_by_key.keys()):
        items = said.get(key, [])
        timelines.append(
            Timeline(key, _events(key, items), _delays(key, items), _lags(key, claims_by_key[key]))
        )
    return tuple(timelines)


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
