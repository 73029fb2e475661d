"""The page builders: coverage chart and escaping."""

from __future__ import annotations

import datetime as dt

from tests.builders import article
from warta.model import Story
from warta.serve.pages import coverage_chart, list_page, story_page
from warta.store import StoryPage, StoryRow

D = dt.date(2024, 1, 10)


def _story(*days: dt.date | None, title: str = "Judul") -> Story:
    arts = [article([f"Kalimat ke {i}."], id=f"a{i}", published=d, title=title, source="<b>S</b>")
            for i, d in enumerate(days)]
    return Story("s1", "Banjir", "id", arts)


def test_chart_has_one_dot_per_dated_article_stacked_by_day() -> None:
    svg = "\n".join(coverage_chart(_story(D, D, D + dt.timedelta(days=3), None)))
    assert svg.count("<circle") == 3
    assert 'href="#s1-1"' in svg and 'href="#s1-3"' in svg and 'href="#s1-4"' not in svg
    assert "2024-01-10" in svg and "2024-01-13" in svg
    assert "&lt;b&gt;S&lt;/b&gt;" in svg and "<b>" not in svg


def test_chart_for_one_day_and_for_undated_stories() -> None:
    one = "\n".join(coverage_chart(_story(D)))
    assert one.count("<circle") == 1 and one.count("<text") == 1
    assert coverage_chart(_story(None, None)) == []


def test_story_page_escapes_everything() -> None:
    page = story_page(_story(D, title="<script>alert(1)</script> {0} {y}"))
    assert "<script>" not in page and "&lt;script&gt;" in page and "{0} {y}" in page
    assert page.index("<h3>Summary</h3>") < page.index("<h3>Coverage</h3>") < page.index("<h3>Sources</h3>")


def test_list_page_escapes_and_pages() -> None:
    rows = [StoryRow("x", "<img src=x onerror=alert(1)>", 2, "2024-01-01", "2024-01-02", 1)]
    html = list_page(StoryPage(rows, 45, 2, 20, query='"><script>'))
    assert "<img" not in html and "<script>" not in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "page=1" in html and "page=3" in html
    assert "No stories." in list_page(StoryPage([], 0, 1, 20))
