"""The plain-text boilerplate cleaner on invented pages: what must survive and what must not."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.boilerplate import (
    Kind,
    Unit,
    classify,
    clean_text,
    is_headline_like,
    is_title_case,
    split_units,
)

# A membership banner, a menu, a byline with a reading time, a photo caption with a credit, an AI audio
# note, the body, then a related story (headline and teaser) and a subscribe block.
MEMBER_PAGE = """\
This is the final week of our spring appeal, and we would be grateful if you become a member now
Become a member
Skip to content
Edit post

Harbor officials count 1,400 homes flooded after tidal surge

by Marta Quill March 3, 2024 9:15 AM 3 min read
Residents wade through a flooded street in Lowmere on March 2, 2024. (Petra Lind / AFP via Getty Images)
This audio is created with AI assistance

The port authority said on Saturday that 1,400 homes had been flooded when the surge breached the sea wall, according to a statement seen by reporters.

"We have never seen water this high in the old town," the harbor master told the local radio station.

Engineers estimate that repairs to the wall will take at least 18 months.

Tidal surge costs hit 2 billion, insurers brace for more claims
According to the regional insurers' association, damage across the coast could exceed 2 billion euros this year. The figure is far above the estimates that the association published earlier in the
It is the final week of our spring appeal.
We would be grateful if you become a member today. With your help we can keep reporting.
Support us this spring
Become a member

Latest News

Enter your email to subscribe
* indicates required
Subscribe
* indicates required
Thank you for signing up for our newsletter. We have sent you a confirmation email.
"""

# Bulleted title and summary, paragraphs on single lines, a caption glued to a body line, a lone link.
BULLET_PAGE = """\
- Rescuers search for 30 missing miners after shaft collapse
- The collapse happened during the night shift.
- Families gathered at the gate of the mine
Rescue teams were searching on Tuesday for 30 miners trapped after a shaft collapsed in the northern coalfield.
"We are doing everything we can to reach them," a spokesperson for the mine operator said.
The regional governor said 112 workers had been brought to the surface. A file photo taken on May 4, 2022 shows the entrance of the mine in the northern coalfield
Mining minister expected to visit the coalfield soon
The mine was last inspected in January, according to state records.
"""

# A menu, a title ending in "?", an author line, an "Image of" caption, the body, a sign-off with an
# email, comment counters, a related list with numbers in its headlines, ranked lists with labels.
LIST_PAGE = """\
Quick access to main page (top) Direct access to main contents

Why Did the Ferry Operator Wait Three Days to Report the Spill?

Lena Park Views

Image of the oil slick photographed by the coast guard. Source: coast guard aerial unit

Regulators said on Monday that the ferry operator waited three days before reporting an oil spill of about 4,000 litres near the harbor.

The operator said in a statement that 11 crew members had been questioned, and that it would cooperate with the inquiry.

Lena Park
lena.park@harborledger.com

Comments0

250

[NATION] Latest Stories

  \u2022 5,000 Litres of Fuel Recovered From Bay, Navy Says
  \u2022 Ferry Union Calls 48-Hour Strike Over Safety Rules

You May Also Like

  \u2022 1
    Harbor Tolls Rise 12% as Port Expands Cargo Terminal

    BUSINESS\u00a0

  \u2022 2
    City Council Approves 300 New Bus Shelters

    LATEST\u00a0

Share it on...
"""

# Title first, body, a subscribe block with promo lines, an author bio, then teasers under separators.
TEASER_PAGE = """\
Council accuses contractor of overbilling for bridge repairs
The city council said on Thursday that a contractor had overbilled the city by 2.5 million dollars for repairs to the river bridge.
The claim was first reported by a local newspaper and later confirmed by the council's auditor, who said 14 invoices were under review.
Subscribe to The Harbor Ledger
Get the stories that matter to you, plus analysis from our reporters.
Sign up for The Harbor Ledger's Free Newsletters
From our morning briefing to a weekly digest, get the best of The Harbor Ledger delivered to your inbox.
The contractor denied any wrongdoing and said it would publish its own accounts.
Tomas Reyes has worked as a staff writer at The Harbor Ledger since 2019. He began his career covering courts for a regional weekly.
-
Mayor unveils 40-million budget for new tram line
Quick Take The plan would add 9 stations by the end of the decade
By Ana Soto, The Harbor Ledger Published
-
Is the old lighthouse set to reopen this summer?
Quick Take Volunteers say repairs are almost finished
By Ana Soto Published
"""

# Title, a URL, a masthead, a section label, a numeric date line, a subheading, the body, a
# disclaimer and a lone "Related" heading.
DATELINE_PAGE = """\
Coastal Towns Brace for Second Storm as Forecasters Warn of Gusts

https://news.example-harborledger.com/images/photos/123/original/storm.jpg
Harbor Ledger Media
Weather
04/03/2024 18h05

### Storm Warnings Extended Along the Coast

The national weather service said on Monday that gusts of up to 140 km/h were expected overnight, and that 22 towns had opened shelters.

"Stay indoors if you can," the service's director said at a briefing.

The views expressed in this article do not reflect the opinion of the publisher or its affiliates.

Related
"""

# Syndication credits at the start and end of an article.
CREDIT_PAGE = """\
Landslide blocks mountain highway

(Kestrel News Agency) -- A landslide blocked the main mountain highway on Sunday, and police said 7 vehicles were trapped.

Rescuers reached all the vehicles by nightfall, officials said.

\u2014 Reuters

Source: BBC

With AFP
"""

PAGES = {
    "member": (
        MEMBER_PAGE,
        [
            "Harbor officials count 1,400 homes flooded after tidal surge",
            "The port authority said on Saturday that 1,400 homes had been flooded",
            '"We have never seen water this high in the old town,"',
            "Engineers estimate that repairs to the wall will take at least 18 months.",
            "damage across the coast could exceed 2 billion euros this year.",
        ],
        [
            "spring appeal",
            "Become a member",
            "Skip to content",
            "Edit post",
            "Marta Quill",
            "min read",
            "Getty Images",
            "AI assistance",
            "Tidal surge costs hit 2 billion, insurers brace",
            "Support us",
            "Latest News",
            "Subscribe",
            "subscribe",
            "indicates required",
            "newsletter",
        ],
    ),
    "bullets": (
        BULLET_PAGE,
        [
            "Rescuers search for 30 missing miners after shaft collapse",
            "Rescue teams were searching on Tuesday for 30 miners trapped",
            '"We are doing everything we can to reach them,"',
            "The regional governor said 112 workers had been brought to the surface.",
            "The mine was last inspected in January, according to state records.",
        ],
        ["A file photo taken on May 4, 2022", "Mining minister expected to visit", "Families gathered"],
    ),
    "list": (
        LIST_PAGE,
        [
            "Why Did the Ferry Operator Wait Three Days to Report the Spill?",
            "Regulators said on Monday that the ferry operator waited three days",
            "11 crew members had been questioned",
        ],
        [
            "Quick access",
            "Views",
            "Image of the oil slick",
            "aerial unit",
            "harborledger.com",
            "Comments",
            "250",
            "Latest Stories",
            "5,000 Litres of Fuel Recovered",
            "48-Hour Strike",
            "You May Also Like",
            "Harbor Tolls Rise 12%",
            "300 New Bus Shelters",
            "BUSINESS",
            "LATEST",
            "Share it on",
        ],
    ),
    "teasers": (
        TEASER_PAGE,
        [
            "Council accuses contractor of overbilling for bridge repairs",
            "a contractor had overbilled the city by 2.5 million dollars",
            "who said 14 invoices were under review.",
            "The contractor denied any wrongdoing and said it would publish its own accounts.",
        ],
        [
            "Subscribe",
            "Get the stories that matter to you",
            "Newsletters",
            "your inbox",
            "has worked as a staff writer",
            "began his career",
            "40-million budget",
            "9 stations",
            "Ana Soto",
            "old lighthouse",
            "Published",
        ],
    ),
    "dateline": (
        DATELINE_PAGE,
        [
            "Coastal Towns Brace for Second Storm as Forecasters Warn of Gusts",
            "gusts of up to 140 km/h were expected overnight, and that 22 towns had opened shelters.",
            '"Stay indoors if you can," the service\'s director said at a briefing.',
        ],
        ["https://", "Harbor Ledger Media", "Weather", "18h05", "###", "views expressed", "Related"],
    ),
    "credits": (
        CREDIT_PAGE,
        [
            "Landslide blocks mountain highway",
            "(Kestrel News Agency) -- A landslide blocked the main mountain highway on Sunday",
            "Rescuers reached all the vehicles by nightfall, officials said.",
            "\u2014 Reuters",
            "Source: BBC",
            "With AFP",
        ],
        [],
    ),
}


@pytest.mark.parametrize(("page", "must_contain", "must_not_contain"), PAGES.values(), ids=PAGES.keys())
def test_pages_keep_the_article_and_drop_the_furniture(
    page: str, must_contain: list[str], must_not_contain: list[str]
) -> None:
    cleaned = clean_text(page)
    for text in must_contain:
        assert text in cleaned
    for text in must_not_contain:
        assert text not in cleaned


@pytest.mark.parametrize("page", [p for p, _, _ in PAGES.values()], ids=PAGES.keys())
def test_headline_comes_first_and_paragraphs_are_separated_by_blank_lines(page: str) -> None:
    cleaned = clean_text(page)
    first = cleaned.split("\n\n")[0]
    assert is_headline_like(first)
    assert "\n\n\n" not in cleaned
    assert all(paragraph.strip() == paragraph and paragraph for paragraph in cleaned.split("\n\n"))


@pytest.mark.parametrize("page", [p for p, _, _ in PAGES.values()], ids=PAGES.keys())
def test_cleaning_is_idempotent(page: str) -> None:
    once = clean_text(page)
    assert clean_text(once) == once


def test_title_hint_picks_the_headline_despite_quote_styles() -> None:
    page = "Home\nCoastal Herald\nOfficials \u2018confident\u2019 of rescue\n\nThe coastguard said 42 people were rescued.\n"
    cleaned = clean_text(page, title="Officials 'confident' of rescue")
    assert cleaned.startswith("Officials \u2018confident\u2019 of rescue\n\n")
    assert "Coastal Herald" not in cleaned


def test_hard_wrapped_paragraphs_are_joined_back() -> None:
    page = (
        "Ferry Strike Ends After Two Days\n\n"
        "The ferry union said on Friday that its members had voted to end the\n"
        "strike after the operator agreed to hire 60 more deck hands, a spokesman\n"
        "for the union told reporters in the port city on Friday evening.\n"
    )
    cleaned = clean_text(page)
    assert "voted to end the strike after the operator agreed to hire 60 more deck hands" in cleaned


def test_a_headline_between_one_line_paragraphs_is_not_glued_to_the_next() -> None:
    page = (
        "Ferry Strike Ends After Two Days at the Northern Port Terminal\n"
        "The ferry union said on Friday that its members had voted to end the strike.\n"
        "The operator agreed to hire 60 more deck hands by the end of the year, it said.\n"
        "Transport minister expected to visit the northern port city next week\n"
        "Ferries will run on the normal timetable again from Monday, the operator said.\n"
    )
    cleaned = clean_text(page)
    assert "Transport minister expected" not in cleaned
    assert "Ferries will run on the normal timetable again from Monday, the operator said." in cleaned


def test_sentence_case_headlines_on_consecutive_lines_stay_apart() -> None:
    page = (
        "Storm Toll Climbs to 42\n\nThe coastguard said 42 people had died by Sunday.\n\n"
        "Coastguard says it rescued 42 of 56 sailors overnight\n"
        "Fuel prices steady after 2% slide as supply fears ease\n"
        "Harbor exports fall for the first time in 10 months\n"
        "Sponsored content\n"
    )
    units = [u.text for u in split_units(page)]
    assert "Fuel prices steady after 2% slide as supply fears ease" in units
    cleaned = clean_text(page)
    assert "56 sailors" not in cleaned and "2% slide" not in cleaned and "10 months" not in cleaned


def test_a_list_announced_by_the_body_is_kept() -> None:
    page = (
        "Storm Toll Climbs\n\nThe ministry gave these figures for the three provinces:\n"
        "- 42 dead in the north\n- 17 missing in the east\n\nThe army sent 300 soldiers to help.\n"
    )
    cleaned = clean_text(page)
    assert "42 dead in the north" in cleaned
    assert "17 missing in the east" in cleaned


@pytest.mark.parametrize(
    "opener", ["The inspections have found:", "Officials said on Friday:", "The survey found the following:"]
)
def test_a_list_announced_by_a_short_clause_is_kept(opener: str) -> None:
    page = (
        "Fire Toll Rises in the Hills\n\nInspectors finished their survey of the burnt valley on Friday.\n\n"
        f"{opener}\n\n  \u2022 12 homes destroyed, 3 damaged\n  \u2022 40 sheds destroyed, 9 damaged\n"
        "  \u2022 210 homes saved.\n\nThe survey ends next week.\n"
    )
    cleaned = clean_text(page)
    assert opener in cleaned
    assert "12 homes destroyed, 3 damaged" in cleaned and "40 sheds destroyed, 9 damaged" in cleaned


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a sentence that lost its full stop is still the story's
        ("The board said the closures cover 21 districts and 105 schools, with the worst damage in the "
         "north and the hill towns", True),
        ("- Harlow Foods said it would cut 2,000 jobs, or 6 percent of its staff, over the next two years as "
         "the grocer", True),
        # a headline or a teaser is short, and has no stop either
        ("Storm leaves 42 dead in coastal towns as rivers burst, officials say", False),
        ("Ferry operator says 12 ships held in port", False),
    ],
)  # fmt: skip
def test_a_sentence_without_its_full_stop_is_kept_and_a_headline_is_not(line: str, kept: bool) -> None:
    page = f"Schools Shut in the Hills\n\nThe storm closed roads across the region on Monday.\n\n{line}\n\nMore rain is due.\n"
    assert (line.lstrip("- ") in clean_text(page)) is kept


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        # a photo's text printed twice, the second time with its credit: the photo's caption
        ("Smoke rises over the valley after the fire.", "Smoke rises over the valley after the fire. Ana Ruiz", False),
        ("Crews at the dam on Tuesday night.", "Crews at the dam on Tuesday night. Tom Hale/AFP", False),
        # a paragraph that goes on is no caption
        ("Police said 40 people died.", "Police said 40 people died. The toll rose later.", True),
    ],
)  # fmt: skip
def test_a_caption_printed_again_with_its_credit_is_dropped(first: str, second: str, kept: bool) -> None:
    page = (
        f"Valley Fire Kills 40\n\n{first}\n{second}\n\nThe fire service said 40 people had died by Monday.\n"
    )
    cleaned = clean_text(page)
    assert (first in cleaned) is kept
    assert "The fire service said 40 people had died by Monday." in cleaned


@pytest.mark.parametrize("heading", ["Key points", "KEY FACTS", "What we know so far:", "At a glance"])
def test_the_items_of_a_page_summary_are_kept_and_a_related_list_is_not(heading: str) -> None:
    page = (
        f"Dam Breach Floods Valley - Live\n\n{heading}\n- Rescuers say 48 people were pulled from roofs\n"
        "- Governor puts damage at $20 million\n\n09:40\nThe river crested at noon, the water board "
        "said in a short statement.\n\nMost read\n- Ferry operator says 12 ships held in port\n"
    )
    cleaned = clean_text(page)
    assert "Rescuers say 48 people were pulled from roofs" in cleaned
    assert "Governor puts damage at $20 million" in cleaned
    assert "12 ships" not in cleaned
    assert heading.rstrip(":") not in cleaned


def test_short_body_paragraphs_after_a_related_box_are_kept() -> None:
    page = (
        "Storm Toll Climbs to 42\n\nThe coastguard said 42 people had died by Sunday.\n\n"
        "Related\n\u2022 Ferry Union Calls 48-Hour Strike\n\u2022 Harbor Tolls Rise 12%\n\n"
        "Officials said 17 people were still missing.\n\nThe army sent 300 soldiers.\n"
    )
    cleaned = clean_text(page)
    assert "Officials said 17 people were still missing." in cleaned
    assert "The army sent 300 soldiers." in cleaned
    assert "48-Hour" not in cleaned and "12%" not in cleaned


def test_repeated_paragraphs_are_kept_once() -> None:
    line = "The harbor master said 12 boats were lost in the storm."
    cleaned = clean_text(f"Boats Lost in Storm\n\n{line}\n\nOther news follows here today.\n\n{line}\n")
    assert cleaned.count(line) == 1


@pytest.mark.parametrize(
    "line",
    [
        "He said 42 died.",
        "Officials said 3,000 people had been evacuated.",
        "\u201cWe counted 17 bodies,\u201d she said.",
        "By Tuesday, 300 people had fled the city.",
        "The storm, which killed 14 people in 2019, returned on Sunday.",
        "Local media, quoting police sources, said 12 were detained.",
        "The agency said it would publish a newsletter of its findings, which it sent to 40 towns.",
        "John Arce is a reporter who was detained for 9 days, his employer said.",
        "Photos of the damage show 300 homes destroyed, officials said.",
        "Published figures show 300 deaths in the province.",
        "Cases rose to 42 last week (source: ministry/agency data).",
        "Turnout was 61% (up from 55/57 in the last two votes).",
    ],
)
def test_short_body_sentences_with_figures_are_prose(line: str) -> None:
    assert classify(Unit(line, line)) is Kind.PROSE
    assert line in clean_text(f"Storm Hits the Coast Again\n\n{line}\n")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", Kind.FURNITURE),
        ("Comments 12", Kind.FURNITURE),
        ("300", Kind.FURNITURE),
        ("WORLD", Kind.FURNITURE),
        ("Share this article", Kind.FURNITURE),
        ("Advertisement", Kind.FURNITURE),
        ("by Jane Roe Oct. 21, 2024 4:40 PM 2 min read", Kind.FURNITURE),
        ("Updated 21 October 2024 10.30 BST", Kind.FURNITURE),
        ("Published: Oct. 21, 2024 at 4:40 p.m. ET", Kind.FURNITURE),
        ("Photo: Ana Ruiz/Harbor Ledger", Kind.FURNITURE),
        ("Soldiers march past the town hall on Friday. (Ana Ruiz/AP Photo)", Kind.FURNITURE),
        ("This picture taken on March 1 shows the harbor from the air.", Kind.FURNITURE),
        ("Photos of the flooded harbor at dawn on Sunday.", Kind.FURNITURE),
        ("Rescuers search the rubble in Lowmere. (Ana Ruiz / POOL / AFP)", Kind.FURNITURE),
        ("Sign up for our daily briefing", Kind.PROMO),
        ("Enter your email to subscribe", Kind.PROMO),
        ("Most Read", Kind.RELATED),
        ("[SPORT] Popular Now", Kind.RELATED),
        ("Editors\u2019 Picks", Kind.RELATED),
        ("Read more: Storm leaves 42 dead", Kind.FURNITURE),
        ("(Yonhap)", Kind.CREDIT),
        ("tk/js (Reuters, AFP, dpa, AP)", Kind.CREDIT),  # editors' initials before the agencies
        ("(dpa)", Kind.CREDIT),
        ("see also (AP)", Kind.HEADLINE),
        ("\u2014 Associated Press", Kind.CREDIT),
        ("Additional reporting by Ana Ruiz in Lowmere", Kind.CREDIT),
        ("12,000 Troops Gather Near the Border, Officials Say", Kind.HEADLINE),
        ("Storm leaves 42 dead in coastal towns", Kind.HEADLINE),
        ("-", Kind.SEPARATOR),
        ("* * *", Kind.SEPARATOR),
    ],
)
def test_classify_lines(line: str, kind: Kind) -> None:
    assert classify(Unit(line, line)) is kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dam Collapse Leaves 300 Missing, Governor Says", True),
        ("North Korea's Kim Jong Un met Russia's Vladimir Putin", False),
        ("A Storm", False),
        ("Storm leaves 42 dead", False),
    ],
)
def test_is_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


def test_a_mid_article_section_break_does_not_swallow_the_next_paragraph() -> None:
    page = "Storm Hits the Coast\n\nThe first wave hit at dawn.\n\n* * *\n\nBy noon, 42 people had died.\n"
    assert "By noon, 42 people had died." in clean_text(page)


def test_markers_and_wrapping_in_split_units() -> None:
    units = split_units(
        "\u2022 First item\n  2. Second item\nA wrapped line\nthat goes on.\n\n  Next  \u00a0 one "
    )
    assert [(u.text, u.marker) for u in units] == [
        ("First item", True),
        ("Second item", True),
        ("A wrapped line that goes on.", False),
        ("Next one", False),
    ]


@pytest.mark.parametrize(
    "hostile",
    [
        "1," * 200_000,
        "9" * 500_000,
        '"' * 300_000,
        "word " * 200_000,
        ("Title Case Words Again " * 20 + "\n") * 5_000,
        "(" * 100_000 + "photo" + ")" * 100_000,
        "- \n" * 100_000,
        "continued line without an end\n" * 100_000,
        "Title Case Line Of A Wrapped Block Here\n" * 100_000,
        "x" * 2_000_000,
    ],
    ids=[
        "commas",
        "digits",
        "quotes",
        "repeated-words",
        "headline-run",
        "parens",
        "markers",
        "continuations",
        "wrapped-title-case",
        "one-huge-line",
    ],
)
def test_hostile_inputs_are_cleaned_quickly(hostile: str) -> None:
    start = time.process_time()
    clean_text(hostile)
    assert time.process_time() - start < 5.0


def test_throughput_is_well_above_one_megabyte_per_second() -> None:
    # furniture-heavy pages are the slow case (many short lines); measured in CPU time of this process
    page = "\n".join(p for p, _, _ in PAGES.values())
    big = page * (2_000_000 // len(page) + 1)
    start = time.process_time()
    cleaned = clean_text(big)
    seconds = time.process_time() - start
    assert len(big.encode()) / seconds > 2_000_000
    assert "The contractor denied any wrongdoing" in cleaned


PAGE_LINES = sorted({line for page, _, _ in PAGES.values() for line in page.splitlines()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PAGE_LINES, ""]), max_size=30))
def test_any_mix_of_page_lines_is_cleaned_without_invention_and_idempotently(lines: list[str]) -> None:
    page = "\n".join(lines)
    cleaned = clean_text(page)
    flat = " ".join(page.split())
    for paragraph in cleaned.split("\n\n") if cleaned else []:
        assert " ".join(paragraph.split()) in flat
    assert clean_text(cleaned) == cleaned


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.mark.skipif(not (SEEDS / "gold.jsonl").is_file(), reason="shared seed corpus not present")
def test_seed_gold_sentences_survive_and_list_headlines_do_not() -> None:
    gold = [
        json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    for record in gold:
        cleaned = clean_text((SEEDS / f"{record['doc']}.txt").read_text(encoding="utf-8"))
        assert record["sentence"] in cleaned
    for page in SEEDS.glob("*.txt"):
        cleaned = clean_text(page.read_text(encoding="utf-8"))
        # no line of a list (bulleted or ranked) survives as a paragraph of its own
        for line in page.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s+\u2022 \S", line):
                continue
            if re.match(r"\s{4}\S", line):
                assert line.strip() not in cleaned.split("\n\n")


@pytest.mark.parametrize(
    ("page", "first"),
    [
        # a date label glued to the lead: the lead is the article's, the label goes
        (
            "date 2018-01-23 Six villagers were shot dead in a raid on the market, police said on Monday.\n\n"
            "The police said two children were taken.",
            "Six villagers were shot dead in a raid on the market, police said on Monday.",
        ),
        # below the page's first line a label is left alone: "Dated 2019-01-12 filings show ..." is a sentence
        (
            "Six villagers were shot dead in a raid on the market, police said on Monday.\n\n"
            "Dated 2019-01-12 filings show the market was inspected.",
            "Six villagers were shot dead in a raid on the market, police said on Monday.",
        ),
        # in prose, "date" followed by a date is left alone
        (
            "Officials set the date 2021-02-04 as the deadline for claims, the ministry said in a statement.",
            "Officials set the date 2021-02-04 as the deadline for claims, the ministry said in a statement.",
        ),
    ],
)
def test_a_date_label_glued_to_a_line_is_cut_from_it(page: str, first: str) -> None:
    assert clean_text(page).split("\n\n")[0] == first


TABLE_PAGE = """\
Harbour Health Board
Weekly Statistical Update

Cases rose in the week to Friday, the board said.

Area | Cases this week | Cases last week
North | 41 | 33
South | 1,204 | 987
Total | 1,245 | 1,020

Home | News | Sport | 2026
Share | 12 | Comments

Markets
FTSE 100 | 7,512.3 | 0.4%
Dow Jones | 38,950 | 0.2%
"""


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("North | 41 | 33", True),  # rows of one table, with figures in their cells
        ("South | 1,204 | 987", True),
        ("Total | 1,245 | 1,020", True),
        ("Area | Cases this week | Cases last week", False),  # the header counts nothing
        ("Home | News | Sport | 2026", False),  # a menu: a year is a label
        ("Share | 12 | Comments", False),  # a lone row with a figure is a share bar, not a table
        ("FTSE 100 | 7,512.3 | 0.4%", False),  # rows with no header row or caption: a ticker
    ],
)
def test_rows_of_a_table_printed_with_bars_are_kept(line: str, kept: bool) -> None:
    assert (line in clean_text(TABLE_PAGE).split("\n\n")) is kept


def test_the_cheap_tests_before_costly_patterns_hold_for_every_match() -> None:
    """The cleaner skips a pattern when a cheap test shows it cannot match: these are the facts it relies on."""
    from re import _parser  # type: ignore[attr-defined]

    from analyzer.ingest import boilerplate, vocab

    # a summary heading is never longer than the bound checked before the pattern
    assert _parser.parse(vocab.SUMMARY_HEADING_RE.pattern).getwidth()[1] <= boilerplate._SUMMARY_LONGEST
    # every date the title test looks for holds a year's four digits
    for date in ("Oct. 21, 2024", "21st of October 2024", "2024-10-21", "21/10/2024", "May 3 2024"):
        assert vocab.DATE_START_RE.search(date) and boilerplate._has_date(date)
    assert not boilerplate._has_date("Storm Leaves 42 Dead on 21 October")
    # disclaimers, inner captions, sentence breaks: the pattern and its gated form agree
    for text in (
        "the views expressed are the author's own",
        "this story was sponsored by the port",
        "all rights reserved.",
        "it may not be reproduced",
        "the opinions expressed do not necessarily reflect the position of the paper",
        "the river rose.",
    ):
        assert boilerplate._is_disclaimer(text) is (vocab.DISCLAIMER_RE.search(text) is not None)
    for text in ("Crews worked. This file photo taken on May 2 shows the dam.", "Crews worked. It rained."):
        assert boilerplate._cut_inner_caption(text) == (
            text[: m.start() + 1] if (m := vocab.INNER_CAPTION_RE.search(text)) else text
        )
    for text in ("Ten died. Two fled", "Ten died", "Is it safe? Yes", "Dam fails… Town floods"):
        assert boilerplate._has_sentence_break(text) is (vocab.SENTENCE_BREAK_RE.search(text) is not None)
