"""Title, outlet and publication date read from the page itself."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.ingest.pagemeta import PageMetadata, find_date, read_page_metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 25, 2024 4:40 PM", date(2024, 5, 25)),
        ("by Jane Roe May 25, 2024 4:40 PM 2 min read", date(2024, 5, 25)),
        ("21/10/2024 22h20", date(2024, 10, 21)),
        ("04/03/2024", date(2024, 3, 4)),  # ambiguous: day first
        ("10/21/2024", date(2024, 10, 21)),  # impossible day first: month first
        ("2024-10-21", date(2024, 10, 21)),
        ("2024-10-21T08:30:00Z", date(2024, 10, 21)),
        ("Oct. 21, 2024", date(2024, 10, 21)),
        ("Sept. 3, 2023", date(2023, 9, 3)),
        ("21 October 2024", date(2024, 10, 21)),
        ("Monday 21 October 2024 10.30 BST", date(2024, 10, 21)),
        ("1st of March, 2022", date(2022, 3, 1)),
        ("21.10.2024", date(2024, 10, 21)),
        ("31/02/2024", None),
        ("Comments 0", None),
        ("It may 2024 be", None),
        ("99/99/2024", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


PAGE_WITH_MASTHEAD = """\
Coastal Towns Brace for Second Storm as Forecasters Warn of Gusts

https://news.harborledgermedia.com/images/photos/1/storm.jpg
Harbor Ledger Media
Weather
04/03/2024 18h05

The national weather service said on Monday that gusts of up to 140 km/h were expected.

More from the coast
Ferry Strike Ends After Two Days
12/01/2023 09h00
"""

PAGE_WITH_BYLINE = """\
Become a member
Skip to content

Harbor officials count 1,400 homes flooded after tidal surge

by Marta Quill March 3, 2024 9:15 AM 3 min read
Residents wade through a street on March 2, 2023. (Petra Lind / AFP via Getty Images)

The port authority said on Saturday that 1,400 homes had been flooded.
"""

PAGE_WITH_NEWSLETTER = """\
Council accuses contractor of overbilling for bridge repairs
The city council said on Thursday that the contractor had overbilled the city, the Harbor Ledger has learned.
Subscribe to The Harbor Ledger
Sign up for The Harbor Ledger's Free Newsletters
The contractor denied any wrongdoing on 5 June 2021.
"""

PAGE_WITH_SIGNOFF = """\
Why Did the Ferry Operator Wait Three Days to Report the Spill?

Lena Park Views

Regulators said on Monday, 12 February 2024, that the operator waited three days.

Lena Park
lena.park@harborledger.com
"""

PAGE_WITH_PUBLISHED_LINE = """\
World
Storm Leaves 42 Dead in Coastal Towns
Updated 22 March 2024
Published 21 March 2024
The coastguard said 42 people died.
"""

PAGE_WITH_BODY_DATES_ONLY = """\
Storm Leaves 42 Dead in Coastal Towns
The storm that hit on 21 March 2024 was the worst since 12 May 1998, officials said.

Related
Published 3 January 2020
"""

PAGE_WITH_DATELINE = """\
Dam Collapse Leaves 300 Missing, Governor Says
LOWMERE, Oct. 21, 2024 (Kestrel News Agency) -- A dam collapsed on Sunday, the governor said.
"""

PAGE_WITH_DATED_LEAD = """\
Dam Collapse Leaves 300 Missing, Governor Says
On Monday, 12 February 2024, the governor said 300 people were missing after the dam failed.
"""

PAGE_WITH_SECTION_LABEL_ONLY = """\
Storm Leaves 42 Dead in Coastal Towns
Latest News
21 March 2024
The coastguard said 42 people died.
"""


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            PAGE_WITH_MASTHEAD,
            PageMetadata(
                "Coastal Towns Brace for Second Storm as Forecasters Warn of Gusts",
                "Harbor Ledger Media",
                date(2024, 3, 4),
            ),
        ),
        (
            PAGE_WITH_BYLINE,
            PageMetadata(
                "Harbor officials count 1,400 homes flooded after tidal surge", None, date(2024, 3, 3)
            ),
        ),
        (
            PAGE_WITH_NEWSLETTER,
            PageMetadata(
                "Council accuses contractor of overbilling for bridge repairs", "The Harbor Ledger", None
            ),
        ),
        (
            PAGE_WITH_SIGNOFF,
            PageMetadata(
                "Why Did the Ferry Operator Wait Three Days to Report the Spill?", "harborledger.com", None
            ),
        ),
        (
            PAGE_WITH_PUBLISHED_LINE,
            PageMetadata("Storm Leaves 42 Dead in Coastal Towns", None, date(2024, 3, 21)),
        ),
        (PAGE_WITH_BODY_DATES_ONLY, PageMetadata("Storm Leaves 42 Dead in Coastal Towns", None, None)),
        (
            PAGE_WITH_DATELINE,
            PageMetadata("Dam Collapse Leaves 300 Missing, Governor Says", None, date(2024, 10, 21)),
        ),
        (PAGE_WITH_DATED_LEAD, PageMetadata("Dam Collapse Leaves 300 Missing, Governor Says", None, None)),
        (
            PAGE_WITH_SECTION_LABEL_ONLY,
            PageMetadata("Storm Leaves 42 Dead in Coastal Towns", None, date(2024, 3, 21)),
        ),
    ],
    ids=[
        "masthead-matches-domain",
        "byline",
        "newsletter",
        "signoff-email",
        "published-wins-over-updated",
        "body-and-sidebar-dates-ignored",
        "dateline",
        "a-date-in-the-lead-is-no-dateline",
        "section-label-is-no-outlet",
    ],
)
def test_read_page_metadata(page: str, expected: PageMetadata) -> None:
    assert read_page_metadata(page) == expected


@pytest.mark.parametrize(
    "promo",
    [
        "Subscribe to Lowmere Extra",  # printed nowhere else on the page
        "Subscribe to Our Newsletter\nSubscribe to Our Newsletter\nOur Newsletter is free.",
        "Sign up for Premium Access\nPremium Access costs little.",
    ],
)
def test_subscribe_names_that_are_no_masthead_are_not_outlets(promo: str) -> None:
    page = f"Storm Leaves 42 Dead\nThe coastguard said 42 people died.\n{promo}\n"
    assert read_page_metadata(page).outlet is None


def test_webmail_signoff_is_not_an_outlet() -> None:
    page = "Storm Leaves 42 Dead\nThe coastguard said 42 people died.\nJane Roe\njane.roe@gmail.com\n"
    assert read_page_metadata(page).outlet is None


def test_masthead_beside_the_date_line_is_an_outlet() -> None:
    page = "Storm Leaves 42 Dead in Coastal Towns\nThe Lowmere Courier\n21/03/2024 10h00\nThe coastguard said 42 died.\n"
    assert read_page_metadata(page).outlet == "The Lowmere Courier"


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("LOWMERE EVENING POST\nThe coast's own voice since 1921\n", "Lowmere Evening Post"),
        ("THE VALLEY REVIEW\nNews | Sport | Weather\n", "The Valley Review"),
        ("BREAKING NEWS\n", None),
        ("WORLD\n", None),
    ],
)
def test_all_capitals_masthead_at_the_top(top: str, expected: str | None) -> None:
    page = top + "Storm leaves 42 dead in coastal towns\nBy Ana Ruiz\n\nThe coastguard said 42 people died.\n"
    meta = read_page_metadata(page)
    assert meta.outlet == expected
    assert meta.title == "Storm leaves 42 dead in coastal towns"


def test_only_the_top_of_a_huge_page_is_read() -> None:
    page = "Storm Leaves 42 Dead in Coastal Towns\n" + "The coastguard said 42 people died.\n" * 200_000
    assert read_page_metadata(page + "Published 1 January 2020\n").published is None


BODY_LINE = (
    "The port authority said on Monday that the operator would pay a fine of 40,000 euros for the spill."
)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Lena Okafor · Tue 4 Mar 2025 // 08:40 UTC", date(2025, 3, 4)),
        ("Lena Okafor | 4 March 2025", date(2025, 3, 4)),
        ("Tomas Vell Ruiz - March 4, 2025, 9:15 AM", date(2025, 3, 4)),
        ("Lena Okafor · Senior reporter", None),  # a name and a role: no date
        ("Home | World | 4 March 2025", None),  # a menu ending in a date is not a byline
    ],
)
def test_a_byline_without_by_dates_the_page(stamp: str, expected: date | None) -> None:
    page = f"Harbor Ledger\nNews | Sport | Weather\n\nFerry Operator Fined Over Spill\n\n{stamp}\n\n{BODY_LINE}\n"
    assert read_page_metadata(page).published == expected


PAGE_UNDER_A_LABEL = "World & Business\n\nDockers Say 12K Marched\n\nThe dockers' union said 12,000 people marched on Friday.\n"


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/2026/05/02/dockers-say-12k-marched/",
        "https://news.example/world/dockers-say-12k-marched-8812345.html",
    ],
)
def test_the_address_of_a_page_points_at_its_headline(url: str) -> None:
    # a short headline under a section label, found by the words of the page's address
    assert read_page_metadata(PAGE_UNDER_A_LABEL, url).title == "Dockers Say 12K Marched"


@pytest.mark.parametrize("url", ["https://news.example/?p=8812345", "https://news.example/world/", None])
def test_an_address_that_spells_no_headline_changes_nothing(url: str | None) -> None:
    assert read_page_metadata(PAGE_UNDER_A_LABEL, url) == read_page_metadata(PAGE_UNDER_A_LABEL)


@pytest.mark.parametrize(
    ("top", "expected", "title"),
    [
        # a bare "date" label at the head of the page, then the headline on the same line
        ("date 2021-02-04 Crews Hope Weekend Rain Will Hold The Fire", date(2021, 2, 4), "Crews Hope Weekend Rain Will Hold The Fire"),
        ("Date: 04/02/2021\n\nCrews Hope Weekend Rain Will Hold The Fire", date(2021, 2, 4), "Crews Hope Weekend Rain Will Hold The Fire"),
        # a label below the top dates nothing: a stamp above it is the page's date
        ("March 3, 2024\n\nCrews Hope Weekend Rain Will Hold The Fire\n\ndate 2021-02-04", date(2024, 3, 3), "Crews Hope Weekend Rain Will Hold The Fire"),
        # a "dates" headline is no label
        ("Dates Set For Fire Inquiry", None, "Dates Set For Fire Inquiry"),
        ("Crews Hope Weekend Rain Will Hold The Fire", None, "Crews Hope Weekend Rain Will Hold The Fire"),
    ],
)  # fmt: skip
def test_a_date_label_at_the_top_dates_the_page_and_leaves_the_headline(
    top: str, expected: date | None, title: str
) -> None:
    page = read_page_metadata(f"{top}\n\n{BODY_LINE}\n")
    assert (page.published, page.title) == (expected, title)
