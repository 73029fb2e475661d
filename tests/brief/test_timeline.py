"""The story timeline: merged across sources, planned vs happened, ordered, cited."""

from __future__ import annotations

import datetime as dt

from tests.builders import article
from warta.annotate import annotate
from warta.brief.timeline import MAX_ENTRIES, build_timeline, rank_dates
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


def test_a_sentence_with_two_dates_gives_an_entry_for_each() -> None:
    a = article(["Hujan turun Senin (10/1/2022) dan banjir datang Kamis (13/1/2022)."], id="a",
                published=dt.date(2022, 1, 14))
    story = _story(a)
    build_timeline(story, Config())
    assert [(e.date, e.text) for e in story.timeline] == [
        ("2022-01-10", "Hujan turun Senin (10/1/2022)"),
        ("2022-01-13", "banjir datang Kamis (13/1/2022)."),
    ]
    assert all(e.citations == (Citation("a", 0),) for e in story.timeline)


def test_dates_rank_by_sources_and_publication_days() -> None:
    a = article(["Banjir terjadi Kamis (13/1/2022).", "Hujan turun Senin (10/1/2022)."], id="a",
                published=dt.date(2022, 1, 14))
    b = article(["Warga mengungsi Kamis (13/1/2022).", "Tanggul jebol Rabu (12/1/2022)."], id="b",
                published=dt.date(2022, 1, 14))
    c = article(["Bantuan tiba Jumat (14/1/2022).", "Hujan turun Senin (10/1/2022)."], id="c",
                published=dt.date(2022, 1, 15))
    story = _story(a, b, c)
    # 13/1: two sources + published the day before two sources; 14/1: one source, published
    # that day by two and the day before one; 10/1: two sources.
    assert rank_dates(story)[:3] == ["2022-01-14", "2022-01-13", "2022-01-10"]
    build_timeline(story, Config(), max_dates=2)
    assert sorted({e.date for e in story.timeline}) == ["2022-01-13", "2022-01-14"]


def test_background_dates_rank_last_and_stay_out_of_a_fixed_length_timeline() -> None:
    a = article(["Banjir terjadi Kamis (13/1/2022).", "Banjir besar terakhir terjadi 5 Maret 2015.",
                 "Banjir 5 Maret 2015 menewaskan 10 orang."], id="a", published=dt.date(2022, 1, 14))
    story = _story(a)
    assert rank_dates(story) == ["2022-01-13", "2015-03-05"]
    assert rank_dates(story, background=False) == ["2022-01-13"]
    build_timeline(story, Config(), max_dates=5)
    assert [e.date for e in story.timeline] == ["2022-01-13"]
    old = _story(article(["Banjir besar terjadi 5 Maret 2015."], id="b", published=dt.date(2022, 1, 14)))
    build_timeline(old, Config(), max_dates=5)
    assert old.timeline == [] and old.timeline_note and "background" in old.timeline_note
    build_timeline(story, Config())
    assert story.timeline[0].date == "2015-03-05"  # kept, in date order


def test_a_long_story_is_capped_at_max_entries() -> None:
    sentences = [f"Rapat ke-{i} digelar pada {1 + i % 28} {('Januari', 'Februari')[i // 28]} 2022."
                 for i in range(50)]
    story = _story(article(sentences, id="a", published=dt.date(2022, 2, 23)))
    build_timeline(story, Config(), max_dates=5)
    assert len({e.date for e in story.timeline}) == 5
    build_timeline(story, Config())
    assert len(story.timeline) == MAX_ENTRIES
    assert [e.date for e in story.timeline] == sorted(e.date for e in story.timeline)
