import datetime as dt

from tests.builders import article
from warta.brief import build_stories, group_articles, story_id
from warta.config import Config

FLOOD_A = [
    "Banjir bandang melanda Kecamatan Cibereum di Kabupaten Sukamaju pada Kamis pagi.",
    "Ribuan warga Sukamaju mengungsi ke masjid dan balai desa setelah Sungai Cilalawi meluap.",
    "BPBD Sukamaju mengerahkan perahu karet untuk mengevakuasi warga yang terjebak banjir.",
]
FLOOD_B = [
    "Sungai Cilalawi meluap dan banjir bandang menerjang Cibereum, Kabupaten Sukamaju.",
    "BPBD Sukamaju mencatat ribuan warga mengungsi akibat banjir bandang itu.",
    "Perahu karet dikerahkan untuk mengevakuasi warga Cibereum yang terjebak.",
]
FIRE = [
    "Kebakaran hebat melanda Pasar Kembang di Kota Larangan pada Kamis malam.",
    "Sebanyak 12 mobil pemadam kebakaran dikerahkan untuk memadamkan api di pasar itu.",
    "Ratusan kios pedagang pakaian hangus terbakar dalam kebakaran tersebut.",
]


def _ids(groups):
    return sorted(sorted(a.id for a in g) for g in groups)


def test_same_event_grouped_and_other_event_apart():
    arts = [
        article(FLOOD_A, id="a", title="Banjir bandang landa Sukamaju"),
        article(FLOOD_B, id="b", title="Sungai Cilalawi meluap, ribuan warga Sukamaju mengungsi"),
        article(FIRE, id="c", title="Kebakaran Pasar Kembang hanguskan ratusan kios"),
    ]
    assert _ids(group_articles(arts, Config())) == [["a", "b"], ["c"]]


def test_grouping_is_deterministic_and_order_independent():
    arts = [
        article(FLOOD_A, id="a"),
        article(FIRE, id="c"),
        article(FLOOD_B, id="b"),
    ]
    first = _ids(group_articles(arts, Config()))
    assert first == _ids(group_articles(list(reversed(arts)), Config()))


def test_time_window_keeps_far_apart_articles_in_different_stories():
    day = dt.date(2022, 1, 13)
    arts = [
        article(FLOOD_A, id="a", published=day),
        article(FLOOD_B, id="b", published=day + dt.timedelta(days=60)),
    ]
    assert _ids(group_articles(arts, Config(story_window_days=7))) == [["a"], ["b"]]


def test_undated_articles_still_group():
    arts = [article(FLOOD_A, id="a", published=dt.date(2022, 1, 13)), article(FLOOD_B, id="b")]
    assert _ids(group_articles(arts, Config())) == [["a", "b"]]


def test_empty_input_gives_no_stories():
    assert group_articles([], Config()) == []
    assert build_stories([], Config()) == []


def test_story_id_is_stable_as_the_story_grows():
    a = article(FLOOD_A, id="a", published=dt.date(2022, 1, 13))
    b = article(FLOOD_B, id="b", published=dt.date(2022, 1, 14))
    assert story_id([a, b]) == story_id([b, a]) == story_id([a])
    assert story_id([a]) != story_id([b])


def test_stories_sorted_largest_first_with_representative_title():
    arts = [
        article(FIRE, id="c", title="Kebakaran Pasar Kembang"),
        article(FLOOD_A, id="a", title="Banjir bandang landa Sukamaju"),
        article(FLOOD_B, id="b", title="Banjir bandang di Sukamaju, ribuan warga mengungsi"),
    ]
    stories = build_stories(arts, Config())
    assert [len(s.articles) for s in stories] == [2, 1]
    assert stories[0].title in {"Banjir bandang landa Sukamaju",
                                "Banjir bandang di Sukamaju, ribuan warga mengungsi"}
    assert stories[0].language == "id"


def test_story_without_titles_uses_a_summary_sentence():
    stories = build_stories([article(FIRE, id="c", title=None)], Config())
    assert stories[0].title in FIRE
