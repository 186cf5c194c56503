"""HTML pages: main text through trafilatura, a flat scan when it fails, metadata from the markup."""

from __future__ import annotations

import json
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
