"""The story timeline: merged across sources, planned vs happened, ordered, cited."""

from __future__ import annotations

import datetime as dt

from tests.builders import article
from warta.annotate import annotate
from warta.brief.timeline import build_timeline
from warta.config import Config
from warta.model import Citation, Story


def _story(*articles):  # type: ignore[no-untyped-def]
    for a in articles:
        annotate(a, Config())
    return Story("s1", "t", "id", list(articles))


def test_same_happening_from_two_sources_is_one_entry_citing_both() -> None:
    a = article(["Banjir bandang menerjang Desa Sukamaju, Kamis (13/1/2022) pagi."], id="a",
                published=dt.date(2022, 1, 13))
    b = article(["Kata warga, air mulai naik sore hari.",
                 "Banjir bandang menerjang Desa Sukamaju pada Kamis (13/1)."], id="b",
                published=dt.date(2022, 1, 14))
    story = _story(a, b)
    build_timeline(story, Config())
    (entry,) = [e for e in story.timeline if e.date == "2022-01-13"]
    assert entry.citations == (Citation("a", 0), Citation("b", 1))
    assert entry.text == a.sentences[0].text
    assert entry.status == "happened"


def test_future_dates_are_planned_and_entries_are_ordered() -> None:
    a = article(["Perbaikan tanggul akan selesai pada 19 Januari.", "Banjir terjadi Kamis (13/1)."],
                id="a", published=dt.date(2022, 1, 14))
    story = _story(a)
    build_timeline(story, Config())
    assert [(e.date, e.status) for e in story.timeline] == [("2022-01-13", "happened"),
                                                          ("2022-01-19", "planned")]


def test_undated_article_gets_years_from_the_story() -> None:
    a = article(["Banjir melanda desa itu pada Kamis (13/1/2022)."], id="a", published=dt.date(2022, 1, 13))
    b = article(["Pengungsi pulang pada Senin (17/1)."], id="b")
    story = _story(a, b)
    assert b.published is None
    build_timeline(story, Config())
    assert "2022-01-17" in [e.date for e in story.timeline]


def test_no_dates_gives_an_empty_timeline_with_a_reason() -> None:
    story = _story(article(["Banjir melanda desa itu."], id="a"))
    build_timeline(story, Config())
    assert story.timeline == []
    assert story.timeline_note and "no publication date" in story.timeline_note
