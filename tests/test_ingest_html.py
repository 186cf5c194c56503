"""HTML pages: main text through trafilatura, a flat scan when it fails, metadata from the markup."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from analyzer.ingest import html as html_module
from analyzer.ingest import iter_documents
from analyzer.ingest.html import html_to_text, markup_text
from analyzer.models import CorpusWarning

ARTICLE = """\
<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Flood rescue saves 42 in valley | Valley Post</title>
<meta property="og:title" content="Flood rescue saves 42 in valley">
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-03-05T07:00:00+00:00">
<style>.x { content: "Hidden 777 style"; }</style>
<script>var teaser = "Hidden 888 script";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Flood rescue saves 42 in valley</h1>
<p>The coastguard said 42 people were rescued overnight &amp; 7 were still missing after the river burst its banks.</p>
<!-- Hidden 999 comment -->
<p>&ldquo;We pulled 42 people out of the water,&rdquo; said Captain Ana Ruiz, who leads the rescue teams in the valley.</p>
<p>Engineers wrote &amp;lt;b&amp;gt; on the plans, and officials said 300 homes would be inspected by Friday.</p>
<ul><li>The regional health office said 15 patients were treated for hypothermia on Monday.</li>
<li>The army said 120 soldiers had joined the search in the upper valley on Monday.</li></ul>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">12,000 Flee as River Bursts Its Banks</a></li></ul></aside>
<footer>Copyright 2024 Valley Post. All rights reserved.</footer>
</body></html>
"""


def warnings_of(markup: str) -> tuple[html_module.HtmlPage, list[CorpusWarning]]:
    warnings: list[CorpusWarning] = []
    page = html_to_text(markup, "page.html", warnings.append)
    return page, warnings


def test_main_text_and_metadata() -> None:
    page, warnings = warnings_of(ARTICLE)
    assert warnings == []
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0] == "Flood rescue saves 42 in valley"
    for text in [
        "The coastguard said 42 people were rescued overnight & 7 were still missing",
        "\u201cWe pulled 42 people out of the water,\u201d said Captain Ana Ruiz",
        "The regional health office said 15 patients were treated for hypothermia on Monday.",
        "The army said 120 soldiers had joined the search",
    ]:
        assert any(text in paragraph for paragraph in paragraphs)
    for text in ["Hidden", "12,000", "Copyright", "Home", "Subscribe", "teaser"]:
        assert text not in page.text
    assert (page.fields.title, page.fields.outlet, page.fields.published) == (
        "Flood rescue saves 42 in valley",
        "Valley Post",
        date(2024, 3, 5),
    )


def test_entities_are_decoded_exactly_once() -> None:
    page, _ = warnings_of(ARTICLE)
    assert "Engineers wrote &lt;b&gt; on the plans" in page.text


def test_deeply_nested_markup_does_not_blow_the_stack() -> None:
    depth = 50_000
    markup = (
        "<html><body>"
        + "<div>" * depth
        + "<p>The coastguard said 42 people were rescued overnight from the flooded valley.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    page, _ = warnings_of(markup)
    assert page.text == "The coastguard said 42 people were rescued overnight from the flooded valley."


def test_extractor_failure_is_warned_and_the_flat_scan_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    page, warnings = warnings_of(ARTICLE)
    assert [w.message for w in warnings] == [
        "markup nested too deeply for the HTML extractor; used a plain text scan"
    ]
    assert "The coastguard said 42 people were rescued overnight & 7 were still missing" in page.text
    assert "Hidden" not in page.text
    assert page.fields.title == "Flood rescue saves 42 in valley | Valley Post"


def test_page_without_an_article_falls_back_to_the_cleaned_flat_text() -> None:
    markup = (
        "<html><body><div>Skip to content</div><div>Storm Hits the Coast</div>"
        "<div>Officials said 42 people died.</div><div>Comments 0</div></body></html>"
    )
    page, _ = warnings_of(markup)
    assert "Officials said 42 people died." in page.text
    assert "Skip to content" not in page.text
    assert "Comments" not in page.text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>a</p><p>b</p>", "\na\n\nb\n"),
        ("<p>x<!-- <p>hidden</p> -->y</p>", "\nxy\n"),
        ("<p>x<!-- never closed", "\nx"),
        ("<script>if (a < b) { document.write('</div>'); }</script><p>z</p>", "\nz\n"),
        ("<STYLE>p{}</STYLE>Fish &amp; chips &amp;amp; peas", "Fish & chips &amp; peas"),
        ("a < b and c > d", "a < b and c > d"),
        ("<p>unclosed <b>tag", "\nunclosed tag"),
        ("<script>never closed <p>lost</p>", ""),
    ],
)
def test_markup_text(markup: str, expected: str) -> None:
    assert markup_text(markup) == expected


def test_markup_text_is_linear_on_hostile_input() -> None:
    import time

    hostile = "<!--" * 50_000 + "<script>" * 50_000 + "<" * 100_000 + "<a " * 50_000
    start = time.process_time()
    markup_text(hostile)
    assert time.process_time() - start < 5.0


def test_html_file_with_sidecar_and_declared_charset(tmp_path: Path) -> None:
    latin = ARTICLE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Ana Ruiz", "Ana Ru\u00edz")
    (tmp_path / "story.html").write_bytes(latin.encode("iso-8859-1", errors="xmlcharrefreplace"))
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "The Valley Post", "published": None}))
    warnings: list[CorpusWarning] = []
    (document,) = iter_documents([tmp_path], warnings.append)
    assert warnings == []
    assert document.doc_id == "story"
    assert "Captain Ana Ru\u00edz" in document.text
    assert document.outlet == "The Valley Post"
    assert document.published == date(2024, 3, 5)
    assert document.title == "Flood rescue saves 42 in valley"


def test_htm_extension_and_empty_html(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_text(ARTICLE)
    (tmp_path / "b.html").write_text("<html><body><script>x()</script></body></html>")
    warnings: list[CorpusWarning] = []
    documents = list(iter_documents([tmp_path], warnings.append))
    assert [d.doc_id for d in documents] == ["a"]
    assert [str(w) for w in warnings] == [
        f"{tmp_path / 'b.html'}: no article text left after boilerplate removal; skipped"
    ]


LIVE_PAGE = """\
<html><head><title>Quarry blast live | Dale News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main>
<h1>Quarry blast: toll rises to six - live</h1>
<section class="summary">
<h2>{heading}</h2>
<ul>
<li>Death toll rises to six, fire service says</li>
<li>Union says 14 workers had raised safety concerns</li>
</ul>
</section>
<div class="entry"><p><time>15:10</time></p>
<p>The fire service said in a statement that crews had searched the whole site and that six people had died.</p>
<p>The quarry's owner, Dale Aggregates, said 40 people had been working on the site at the time of the blast.</p>
</div>
<div class="entry"><p><time>13:45</time></p>
<p>The regional hospital said it was treating nine patients, three of them in a serious condition.</p>
</div>
</main>
<aside><h3>Most read</h3><ul><li><a href="/x">Storm leaves 30,000 without power</a></li></ul></aside>
</body></html>
"""


@pytest.mark.parametrize("heading", ["Key points", "What we know so far", "At a glance", "Key Takeaways:"])
def test_a_summary_list_the_extractor_dropped_is_kept_once(heading: str) -> None:
    page, _ = warnings_of(LIVE_PAGE.format(heading=heading))
    paragraphs = page.text.split("\n\n")
    for item in [
        "Death toll rises to six, fire service says",
        "Union says 14 workers had raised safety concerns",
    ]:
        assert paragraphs.count(item) == 1
    assert paragraphs.index("Union says 14 workers had raised safety concerns") < next(
        i for i, p in enumerate(paragraphs) if p.startswith("The fire service said")
    )
    assert "30,000" not in page.text  # a list under another heading stays out


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<h2>Key points</h2><ul><li>Six dead, police say</li></ul>", ("Key points", ["Six dead, police say"])),
        ("<h2>Key points</h2><ol><li>Six dead</li><li>Nine hurt</li></ol>", ("Key points", ["Six dead", "Nine hurt"])),
        # an item's own markup (bold, a line break, a paragraph) stays inside the item
        ("<h3>What we know:</h3><ul><li><p>Six dead,</p><p>police say</p></li><li>Nine <b>hurt</b></li></ul>",
         ("What we know", ["Six dead, police say", "Nine hurt"])),
        # a nested list: its items are items too, and the outer list goes on after it
        ("<h2>Key points</h2><ul><li>Six dead<ul><li>two children</li></ul></li><li>Nine hurt</li></ul>",
         ("Key points", ["Six dead", "two children", "Nine hurt"])),
        # a link or a button named like a heading is no heading; the real one further down is taken
        ("<nav><a href='#k'>Key points</a><ul><li>Weather</li><li>Sport</li></ul></nav>"
         "<h2>Key points</h2><ul><li>Six dead</li></ul>", ("Key points", ["Six dead"])),
        # the heading must be an element's whole text, and the list must follow it closely
        ("<p>The key points of the plan</p><ul><li>Six dead, police say</li></ul>", None),
        ("<h2>Key points</h2>" + "<p>filler</p>" * 100 + "<ul><li>Six dead</li></ul>", None),
        ("<h2>Most read</h2><ul><li>Six dead, police say</li></ul>", None),
        ("<h2>Key points</h2><ul><li>Six dead", None),  # no closing tag: nothing is guessed
    ],
)  # fmt: skip
def test_summary_list(markup: str, expected: tuple[str, list[str]] | None) -> None:
    assert html_module.summary_list(markup) == expected


def test_summary_items_the_extractor_kept_are_marked_in_place() -> None:
    page = "<h2>Key points</h2><ul><li>Nine treated in hospital, three seriously</li><li>Roads shut</li></ul>"
    kept = [
        "Storm hits coast",
        "Key points",
        "Nine treated in hospital, three seriously",
        "Roads shut",
        "Body.",
    ]
    assert html_module.with_summary(page, kept) == [
        "Storm hits coast",
        "Key points",
        "- Nine treated in hospital, three seriously",
        "- Roads shut",
        "Body.",
    ]
    page_text, _ = warnings_of(
        f"<html><body><article><h1>Storm hits coast</h1>{page}<p>The storm hit.</p></article></body></html>"
    )
    assert "Nine treated in hospital, three seriously" in page_text.text.split("\n\n")


@pytest.mark.parametrize(
    "markup",
    [
        "<h2>Key points</h2>" + "<ul>" * 20_000 + ">key points<" * 20_000,
        "<h2>key points" + " " * 200_000,
        "<h2>Key points</h2><ul>" + "<li>" * 100_000,
        "<p>Key points</p>" * 20_000,
    ],
)
def test_summary_list_is_linear_on_hostile_input(markup: str) -> None:
    started = time.perf_counter()
    html_module.summary_list(markup)
    assert time.perf_counter() - started < 2.0


def test_a_live_entry_keeps_its_heading_and_its_text_apart() -> None:
    entries = "".join(
        f"<div class='entry'><p>{stamp} {heading}</p><p>{body}</p></div>"
        for stamp, heading, body in [
            (
                "17:42",
                "Minister denies report",
                "The minister said on Monday that 40 people were still missing.",
            ),
            ("16:10", "Water reaches town", "The fire service said 12 homes had been flooded."),
        ]
    )
    page, _ = warnings_of(f"<html><body><main><h1>Flood live</h1>{entries}</main></body></html>")
    paragraphs = page.text.split("\n\n")
    assert "The minister said on Monday that 40 people were still missing." in paragraphs
    assert "The fire service said 12 homes had been flooded." in paragraphs
    assert not any(p.startswith("17:42") and "minister said" in p for p in paragraphs)


def test_body_paragraphs_of_a_container_with_its_own_text_stay_one() -> None:
    from lxml import etree

    body = etree.fromstring(
        "<body><div>Police said <p>40 were hurt.</p> and left</div><div><p>A.</p><p>B.</p></div></body>"
    )
    assert list(html_module._body_paragraphs(body)) == ["Police said 40 were hurt. and left", "A.", "B."]
