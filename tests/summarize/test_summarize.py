import datetime as dt

import numpy as np
import pytest

from tests.brief.test_grouping import FIRE, FLOOD_A, FLOOD_B
from tests.builders import article
from warta.config import Config
from warta.errors import ConfigError
from warta.summarize import analyse, headline, summarize
from warta.summarize.scorer import LinearModel, shipped_model
from warta.summarize.sources import overlap_pairs, source_groups

SHARED = "Banjir bandang melanda Kecamatan Cibereum di Kabupaten Sukamaju pada Kamis pagi."
EN = [
    "A flash flood hit the Cibereum district of Sukamaju regency on Thursday morning.",
    "Thousands of residents fled to mosques and village halls as the river overflowed.",
]


def _check(summary, arts):
    by_id = {a.id: a for a in arts}
    for s in summary:
        origin = s.citations[0]
        assert by_id[origin.article].sentences[origin.sentence].text == s.text
        assert s.text in by_id[origin.article].body
        for c in s.citations:
            assert 0 <= c.sentence < len(by_id[c.article].sentences)
        assert len({c.article for c in s.citations}) == len(s.citations)


def test_word_budget_is_never_exceeded():
    arts = [article(FLOOD_A, id="a"), article(FLOOD_B, id="b"), article(FIRE, id="c")]
    for words in (12, 20, 40):
        summary = summarize(arts, Config(summary_sentences=10, summary_max_words=words))
        assert sum(len(s.text.split()) for s in summary) <= words
        _check(summary, arts)


def test_budget_smaller_than_every_sentence_gives_empty_summary():
    arts = [article(FLOOD_A, id="a")]
    assert summarize(arts, Config(summary_max_words=2)) == []


def test_shared_content_cites_every_source():
    arts = [
        article([SHARED, "Warga mengungsi ke masjid terdekat sejak pagi hari tadi."], id="a"),
        article([SHARED.replace("pada Kamis pagi", "Kamis pagi"), "Bupati meninjau lokasi."], id="b"),
        article(["Banjir bandang melanda Cibereum di Kabupaten Sukamaju, Kamis pagi.",
                 "Jalan desa tertutup lumpur setinggi lutut orang dewasa."], id="c"),
    ]
    summary = summarize(arts, Config(summary_sentences=2))
    top = next(s for s in summary if "Cibereum" in s.text)
    assert {c.article for c in top.citations} == {"a", "b", "c"}
    _check(summary, arts)


def test_reading_order_follows_publication_then_position():
    arts = [
        article(FLOOD_A, id="late", published=dt.date(2024, 1, 5)),
        article(FIRE, id="early", published=dt.date(2024, 1, 1)),
    ]
    summary = summarize(arts, Config(summary_sentences=4))
    firsts = [s.citations[0].article for s in summary]
    assert firsts == sorted(firsts, key=lambda a: a != "early")


def test_near_duplicate_articles_count_as_one_source():
    copy = article(list(FLOOD_A), id="copy")
    arts = [article(FLOOD_A, id="a"), copy, article(FIRE, id="c")]
    assert overlap_pairs(arts) == [("a", "copy")]
    assert source_groups(arts) == [0, 0, 1]
    assert source_groups(arts, duplicates=[]) == [0, 1, 2]
    assert source_groups(arts, duplicates=[("c", "copy"), ("x", "y")]) == [0, 1, 1]


def test_support_prefers_content_of_independent_outlets():
    # Two copies of one article do not outvote an independent outlet.
    own = "Pemerintah daerah menjanjikan bantuan logistik bagi para pengungsi banjir hari ini."
    arts = [
        article([own, *FLOOD_A], id="a"),
        article([own, *FLOOD_A], id="a2"),
        article(FLOOD_B, id="b"),
    ]
    summary = summarize(arts, Config(summary_sentences=1), duplicates=[("a", "a2")])
    assert own not in [s.text for s in summary]


def test_english_and_mixed_languages():
    arts = [article(EN, id="en", language="en"), article(FLOOD_A, id="id")]
    summary = summarize(arts, Config(summary_sentences=3))
    assert summary
    _check(summary, arts)


def test_empty_story_and_articles_without_sentences():
    assert summarize([], Config()) == []
    empty = article([], id="e")
    assert summarize([empty], Config()) == []
    arts = [empty, article(FIRE, id="c")]
    _check(summarize(arts, Config()), arts)


def test_one_sentence_article_and_fragments():
    assert [s.text for s in summarize([article(["Gempa."], id="x")], Config())] == ["Gempa."]
    cut = article(["Kebakaran hebat melanda Pasar Kembang di Kota Larangan pada Kamis malam.",
                   "Sebanyak 12 mobil pemadam kebakaran dikerahkan untuk memadamkan api di"], id="c")
    texts = [s.text for s in summarize([cut], Config())]
    assert texts == [cut.sentences[0].text]  # the cut-off sentence is not summary material


def test_huge_story_is_bounded_and_deterministic():
    arts = [article([f"{s} Laporan ke-{k}." for s in FLOOD_A + FIRE], id=f"a{k}") for k in range(40)]
    first = summarize(arts, Config(summary_sentences=5))
    assert 1 <= len(first) <= 5
    assert first == summarize(arts, Config(summary_sentences=5))
    _check(first, arts)


def test_features_shape_and_shipped_model():
    an = analyse([article(FLOOD_A, id="a"), article(FLOOD_B, id="b")])
    assert an.x.shape == (len(an.cands), 8)
    assert np.allclose(np.diag(an.sim), 1.0)
    model = shipped_model()
    assert model is not None
    scores = model.predict(an.x)
    assert ((scores > 0) & (scores < 1)).all()


def test_model_file_must_match_features():
    with pytest.raises(ValueError):
        LinearModel.from_json({"features": ["x"], "mean": [0], "std": [1], "weights": [1], "bias": 0})


def test_headline_is_most_representative_title():
    arts = [
        article(FLOOD_A, id="a", title="Banjir bandang landa Sukamaju"),
        article(FLOOD_B, id="b", title="Ribuan warga Sukamaju mengungsi akibat banjir bandang"),
        article(FIRE, id="c", title="Kebakaran"),
    ]
    assert headline(arts) != "Kebakaran"
    assert headline([article(FIRE, id="c", title=None)]) == ""
    assert headline([article(FIRE, id="c", title="  ")]) == ""


def test_config_rejects_bad_word_budget():
    with pytest.raises(ConfigError):
        Config(summary_max_words=0)
