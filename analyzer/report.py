"""Rendering only: rich tables for a terminal, Markdown, CSV and JSON writers.

Nothing here computes; it formats an :class:`Analysis` or a list of claims.
Every writer returns text so the CLI can write it atomically.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analyzer.models import Analysis, Claim, Cluster, Quantity, Timeline
from analyzer.serialize import CLAIM_FIELDS, TRUST_CAVEAT, analysis_dict, claim_dict, dumps, number

if TYPE_CHECKING:
    from analyzer.expectations import CheckReport

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_QUALIFIER_WORDS = {
    "about": "about ",
    "nearly": "nearly ",
    "at least": "at least ",
    "more than": "more than ",
    "up to": "up to ",
    "fewer than": "fewer than ",
}


def figure_text(
    value: float,
    *,
    low: float | None = None,
    high: float | None = None,
    qualifier: str | None = None,
    unit: str | None = None,
    per: str | None = None,
) -> str:
    """A figure as a reader writes it.

    >>> figure_text(3000, qualifier="about")
    'about 3,000'
    >>> figure_text(20000, low=18000, high=20000)
    '18,000–20,000'
    >>> figure_text(1200, qualifier="more than", per="day")
    'more than 1,200 a day'
    >>> figure_text(42.5, unit="%")
    '42.5%'
    """

    def fmt(x: float) -> str:
        n = number(x)
        return f"{n:,}" if isinstance(n, int) else f"{x:,.2f}".rstrip("0").rstrip(".")

    core = f"{fmt(low)}–{fmt(high)}" if low is not None and high is not None and low != high else fmt(value)
    if unit == "%":
        core += "%"
    elif unit in _CURRENCY_SIGNS:
        core = _CURRENCY_SIGNS[unit] + core
    elif unit:
        core = f"{core} {unit}"
    text = _QUALIFIER_WORDS.get(qualifier or "", "") + core
    if per:
        text += f" a {per}"
    return text


def claim_figure(c: Claim) -> str:
    return figure_text(
        c.value, low=c.value_low, high=c.value_high, qualifier=c.qualifier, unit=c.unit, per=c.per
    )


# ---------------------------------------------------------------- claims


def claims_table(claims: Sequence[Claim]) -> Table:
    """The default output of ``corroborate claims``: one row per claim."""
    table = Table(box=box.SIMPLE_HEAVY, show_lines=False, expand=False, title=f"{len(claims)} claims")
    table.add_column("speaker", style="bold", overflow="fold", max_width=24)
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("counts", overflow="fold", max_width=28)
    table.add_column("date", no_wrap=True)
    table.add_column("outlet", overflow="fold", max_width=18)
    table.add_column("sentence", overflow="fold", ratio=1, min_width=20)
    for c in claims:
        table.add_row(
            c.speaker or Text("—", style="dim"),
            claim_figure(c),
            c.item or "",
            c.asserted_on.isoformat()
            if c.asserted_on
            else (c.published.isoformat() + "*" if c.published else ""),
            c.outlet or c.doc_id,
            _sentence_snippet(c),
        )
    table.caption = "date: when the speaker said it; * = not stated, publication date shown"
    return table


def _sentence_snippet(c: Claim, width: int = 110) -> str:
    s = c.sentence
    if len(s) <= width:
        return s
    # centre on the figure's words
    words = claim_figure(c).split()[-1].rstrip("%")
    pos = max(s.find(words.split("–")[0]), 0)
    a = max(0, pos - width // 2)
    b = min(len(s), a + width)
    return ("…" if a else "") + s[a:b].strip() + ("…" if b < len(s) else "")


def claims_jsonl(claims: Sequence[Claim]) -> str:
    return "".join(dumps(claim_dict(c), indent=None) + "\n" for c in claims)


def claims_json(claims: Sequence[Claim]) -> str:
    return dumps([claim_dict(c) for c in claims]) + "\n"


def claims_csv(claims: Sequence[Claim]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*CLAIM_FIELDS, "per"], lineterminator="\n")
    writer.writeheader()
    for c in claims:
        row = claim_dict(c)
        row["via"] = "; ".join(row["via"])
        writer.writerow(row)
    return buf.getvalue()


# ---------------------------------------------------------------- report


def report_json(analysis: Analysis) -> str:
    return dumps(analysis_dict(analysis)) + "\n"


def _by_quantity(analysis: Analysis) -> list[tuple[Quantity, list[Claim]]]:
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        claims_of[c.quantity_key].append(c)
    out = []
    for q in analysis.quantities:
        attributed = [c for c in claims_of.get(q.key, []) if c.speaker]
        if attributed:
            out.append((q, attributed))
    out.sort(key=lambda qc: (-len({c.speaker for c in qc[1]}), -len(qc[1]), qc[0].key))
    return out


def _figures_table(claims: list[Claim], clusters: list[Cluster]) -> Table:
    table = Table(box=box.SIMPLE, expand=False, pad_edge=False)
    table.add_column("speaker", style="bold", overflow="fold", max_width=22)
    table.add_column("figure", justify="right", overflow="fold", max_width=18)
    table.add_column("said on", no_wrap=True)
    table.add_column("outlets", overflow="fold", max_width=22)
    table.add_column("origins", justify="right")
    cluster_of = {cid: cl for cl in clusters for cid in cl.claim_ids}
    seen: set[str] = set()
    rows = []
    for c in claims:
        cl = cluster_of.get(c.claim_id)
        key = cl.cluster_id if cl else c.claim_id
        if key in seen:
            continue
        seen.add(key)
        members = [x for x in claims if cl and x.claim_id in cl.claim_ids] or [c]
        dates = sorted(x.asserted_on for x in members if x.asserted_on)
        outlets = list(cl.outlets) if cl else [c.outlet or c.doc_id]
        rows.append(
            (
                dates[0].isoformat() if dates else "9999",
                c.speaker or "",
                claim_figure(c),
                dates[0].isoformat() if dates else "—",
                ", ".join(outlets),
                str(cl.independent_sources if cl else 1),
            )
        )
    for row in sorted(rows):
        table.add_row(*row[1:])
    return table


def _timeline_table(t: Timeline) -> Table:
    table = Table(box=box.SIMPLE, expand=False, pad_edge=False)
    table.add_column("first on", no_wrap=True)
    table.add_column("speaker", style="bold", overflow="fold", max_width=26)
    table.add_column("stance")
    table.add_column("figure", justify="right")
    for e in t.events:
        table.add_row(
            e.first_on.isoformat() if e.first_on else "—",
            e.speaker,
            e.stance,
            figure_text(e.value) if e.value is not None else "—",
        )
    return table


def lag_summary(t: Timeline) -> str:
    """Per outlet, the median days from a statement to its publication: "Reuters 0 d, The Week 2 d".

    >>> from analyzer.models import ReportingLag
    >>> lag_summary(Timeline("q", (), (), (ReportingLag("q", "Daily", "a", 1), ReportingLag("q", "Daily", "b", 3))))
    'Daily 2 d'
    """
    days: dict[str, list[int]] = defaultdict(list)
    for lag in t.reporting_lags:
        days[lag.outlet].append(lag.days)
    return ", ".join(f"{outlet} {statistics.median(d):g} d" for outlet, d in sorted(days.items()))


def report_renderables(
    analysis: Analysis, quantity_keys: Sequence[str] | None = None
) -> list[RenderableType]:
    """The rich report: per quantity, figures, conflicts and timeline; then the warnings."""
    parts: list[RenderableType] = []
    n_docs, n_claims = len(analysis.documents), len(analysis.claims)
    attributed = sum(1 for c in analysis.claims if c.speaker)
    parts.append(
        Text.from_markup(
            f"[bold]{n_docs}[/] documents, [bold]{n_claims}[/] figures ([bold]{attributed}[/] attributed), "
            f"[bold]{len(analysis.conflicts)}[/] conflicts"
        )
    )
    conflicts_of: dict[str, list] = defaultdict(list)
    for cf in analysis.conflicts:
        conflicts_of[cf.quantity_key].append(cf)
    clusters_of: dict[str, list[Cluster]] = defaultdict(list)
    for cl in analysis.clusters:
        clusters_of[cl.quantity_key].append(cl)
    timeline_of = {t.quantity_key: t for t in analysis.timelines}
    verdict_of = {v.quantity_key: v for v in analysis.verdicts}
    for q, claims in _by_quantity(analysis):
        if quantity_keys is not None and q.key not in quantity_keys:
            continue
        if quantity_keys is None and len(claims) < 2 and not conflicts_of.get(q.key):
            continue
        body: list[RenderableType] = [_figures_table(claims, clusters_of.get(q.key, []))]
        for cf in conflicts_of.get(q.key, []):
            body.append(Text.from_markup(f"[bold red]{cf.kind}[/]: {cf.explanation}"))
        verdict = verdict_of.get(q.key)
        if verdict is not None:
            body.append(
                Text(
                    f"best supported: {figure_text(verdict.value)} "
                    f"(confidence {verdict.confidence:.2f}, {verdict.support} agreeing source"
                    f"{'s' if verdict.support != 1 else ''})",
                    style="green",
                )
            )
        t = timeline_of.get(q.key)
        if t is not None and t.events:
            body.append(Text("timeline", style="bold"))
            body.append(_timeline_table(t))
            for d in t.confirmation_delays:
                body.append(
                    Text(
                        f"{d.speaker} confirmed on {d.first_on.isoformat()}, "
                        f"{d.days_after_first} days after {d.first_speaker}'s first assertion"
                    )
                )
        if t is not None and t.reporting_lags:
            body.append(Text("reporting lag: " + lag_summary(t), style="dim"))
        parts.append(Panel(Group(*body), title=f"[bold]{q.label}[/]", subtitle=q.key, box=box.ROUNDED))
    if analysis.reliabilities and quantity_keys is None:
        parts.append(_reliability_table(analysis))
    if analysis.warnings:
        parts.append(Text(f"{len(analysis.warnings)} warnings", style="bold yellow"))
        for w in analysis.warnings:
            parts.append(Text(f"  {w}", style="yellow"))
    return parts


def _reliability_table(analysis: Analysis) -> Table:
    """Each speaker's and outlet's reliability, most reliable first, with the caveat."""
    table = Table(box=box.SIMPLE, title="source reliability", caption=TRUST_CAVEAT, expand=False)
    table.add_column("source", overflow="fold", max_width=34)
    table.add_column("kind")
    table.add_column("reliability", justify="right")
    table.add_column("figures", justify="right")
    ranked = sorted(analysis.reliabilities, key=lambda r: (r.kind != "speaker", -r.reliability, r.name))
    for r in ranked:
        table.add_row(r.name, r.kind, f"{r.reliability:.2f}", str(r.claims))
    return table


def render_report(analysis: Analysis, console: Console, quantity_keys: Sequence[str] | None = None) -> None:
    for part in report_renderables(analysis, quantity_keys):
        console.print(part)


def report_text(analysis: Analysis, *, width: int = 100, quantity_keys: Sequence[str] | None = None) -> str:
    """The rich report as plain text (for a file or a pipe)."""
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, record=True)
    render_report(analysis, console, quantity_keys)
    return console.export_text()


def report_markdown(analysis: Analysis, quantity_keys: Sequence[str] | None = None) -> str:
    """The report as Markdown, for a newsroom wiki or a pull request."""
    lines = ["# Corroboration report", ""]
    lines.append(
        f"{len(analysis.documents)} documents, {len(analysis.claims)} figures, {len(analysis.conflicts)} conflicts."
    )
    lines.append("")
    conflicts_of: dict[str, list] = defaultdict(list)
    for cf in analysis.conflicts:
        conflicts_of[cf.quantity_key].append(cf)
    timeline_of = {t.quantity_key: t for t in analysis.timelines}
    for q, claims in _by_quantity(analysis):
        if quantity_keys is not None and q.key not in quantity_keys:
            continue
        if quantity_keys is None and len(claims) < 2 and not conflicts_of.get(q.key):
            continue
        lines += [
            f"## {q.label}",
            "",
            f"`{q.key}`",
            "",
            "| speaker | figure | said on | outlet |",
            "|---|---|---|---|",
        ]
        for c in sorted(
            claims, key=lambda c: (c.asserted_on.isoformat() if c.asserted_on else "9999", c.speaker or "")
        ):
            said = c.asserted_on.isoformat() if c.asserted_on else "—"
            lines.append(f"| {c.speaker} | {claim_figure(c)} | {said} | {c.outlet or c.doc_id} |")
        lines.append("")
        for cf in conflicts_of.get(q.key, []):
            lines.append(f"- **{cf.kind}**: {cf.explanation}")
        t = timeline_of.get(q.key)
        if t is not None:
            for d in t.confirmation_delays:
                lines.append(
                    f"- {d.speaker} confirmed on {d.first_on.isoformat()}, {d.days_after_first} days after "
                    f"{d.first_speaker}'s first assertion"
                )
        lines.append("")
    if analysis.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in analysis.warnings] + [""]
    return "\n".join(lines)


# ---------------------------------------------------------------- check


def check_table(report: CheckReport) -> Table:
    """The outcomes of ``corroborate check`` as a rich table for a terminal, a summary below it."""
    table = Table(title=report.source or None, caption=report.summary(), show_lines=False)
    table.add_column("line", justify="right", style="dim")
    table.add_column("expectation")
    table.add_column("result")
    table.add_column("found", overflow="fold")
    for o in report:
        result = Text("pass", style="green") if o.passed else Text("FAIL", style="bold red")
        table.add_row(str(o.expectation.line or ""), o.expectation.describe(), result, o.message)
    return table
