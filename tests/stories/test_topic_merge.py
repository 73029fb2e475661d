"""The topic level's member stories, re-checks and merges (TopicLinker on hand-made vectors)."""

import datetime as dt
import json

import numpy as np
import pytest

from tests.stories.test_topics import _stream
from warta.stories import Clusterer, Params, topics
from warta.stories.dedup import DuplicateIndex, band_keys
from warta.stories.topics import TopicLinker

DAY = dt.date(2022, 3, 1)


def _vecs(**fields: dict[str, float]) -> dict[str, dict[str, float]]:
    """Unit vectors per field from raw weights."""
    out = {}
    for f, raw in fields.items():
        norm = sum(v * v for v in raw.values()) ** 0.5
        out[f] = {t: v / norm for t, v in raw.items()}
    return out


QUAKE = _vecs(title={"gempa": 1.0, "majene": 1.0}, body={"gempa": 1.0, "majene": 1.0, "korban": 1.0})
FLOOD = _vecs(title={"banjir": 1.0, "sukamaju": 1.0}, body={"banjir": 1.0, "sukamaju": 1.0, "sungai": 1.0})
# A story that starts on another note (aid) and turns out to be about the quake once it grows.
AID = _vecs(title={"bantuan": 1.0, "logistik": 1.0}, body={"bantuan": 1.0, "logistik": 1.0, "posko": 1.0})
AID_GROWN = _vecs(title={"bantuan": 1.0, "gempa": 1.0, "majene": 1.0},
                  body={"gempa": 1.0, "majene": 1.0, "korban": 1.0, "bantuan": 0.5})


def _new(linker: TopicLinker, story: str, vecs, day=DAY) -> str:
    query = linker.query(vecs)
    topic = linker.link(story, vecs, query, day, "id")
    linker.add(topic, story, vecs, query, day, "id")
    return topic


def test_recheck_merges_into_the_older_topic_and_ids_resolve():
    linker = TopicLinker(0.3, 365)
    quake = _new(linker, "s-quake", QUAKE)
    flood = _new(linker, "s-flood", FLOOD, DAY + dt.timedelta(days=1))
    aid = _new(linker, "s-aid", AID, DAY + dt.timedelta(days=2))
    assert len({quake, flood, aid}) == 3
    linker.recheck("s-aid", AID_GROWN, linker.query(AID_GROWN), DAY + dt.timedelta(days=3), "id")
    assert linker.resolve(aid) == linker.resolve(quake) == quake  # the older id stays
    assert linker.resolve(flood) == flood
    assert [(t.id, t.stories, t.articles) for t in linker.topics] == [
        (quake, ["s-quake", "s-aid"], 2), (flood, ["s-flood"], 1)]
    # A later article of the merged story lands in the merged topic, and the state round-trips.
    linker.add(aid, "s-aid", AID_GROWN, linker.query(AID_GROWN), DAY + dt.timedelta(days=4), "id")
    assert linker.topics[0].articles == 3
    restored = TopicLinker.from_dict(json.loads(json.dumps(linker.to_dict())))
    assert restored.to_dict() == linker.to_dict()
    assert restored.resolve(aid) == quake


def test_recheck_below_the_threshold_changes_nothing():
    linker = TopicLinker(0.95, 365)
    quake = _new(linker, "s-quake", QUAKE)
    aid = _new(linker, "s-aid", AID)
    linker.recheck("s-aid", AID_GROWN, linker.query(AID_GROWN), DAY, "id")
    assert linker.resolve(aid) == aid != quake
    assert len(linker.topics) == 2
    linker.recheck("unknown story", AID_GROWN, linker.query(AID_GROWN), DAY, "id")  # ignored


@pytest.mark.parametrize("mode", ["centroid", "members", "max"])
def test_link_modes_link_a_matching_story(monkeypatch, mode):
    monkeypatch.setattr(topics, "LINK_MODE", mode)
    linker = TopicLinker(0.3, 365)
    quake = _new(linker, "s1", QUAKE)
    assert _new(linker, "s2", QUAKE, DAY + dt.timedelta(days=30)) == quake
    assert _new(linker, "s3", FLOOD, DAY + dt.timedelta(days=31)) != quake


def test_member_link_survives_a_diluted_centroid(monkeypatch):
    """Many articles of one subject dilute the topic centroid; a new story close to one member
    story still links by that member (the point of the member scores)."""
    linker = TopicLinker(0.5, 365)
    topic = _new(linker, "s0", QUAKE)
    for k in range(30):  # drift: each story adds its own new words
        v = _vecs(title={"gempa": 0.3, f"w{k}": 2.0}, body={"gempa": 0.3, f"w{k}": 2.0, f"x{k}": 2.0})
        linker.link(f"d{k}", v, linker.query(v), DAY, "id")
        linker.add(topic, f"d{k}", v, linker.query(v), DAY, "id")
    monkeypatch.setattr(topics, "LINK_MODE", "centroid")
    assert linker._best(linker._margins(QUAKE, linker.query(QUAKE), "id")) is None
    monkeypatch.setattr(topics, "LINK_MODE", "max")
    assert linker._best(linker._margins(QUAKE, linker.query(QUAKE), "id")) == 0


def test_member_vectors_go_cold_with_the_window():
    linker = TopicLinker(0.3, 10)
    _new(linker, "s1", QUAKE)
    later = _new(linker, "s2", FLOOD, DAY + dt.timedelta(days=40))  # moves the clock on
    assert linker._members[0].vecs == {} and len(linker._member_index) == 1
    assert _new(linker, "s3", QUAKE, DAY + dt.timedelta(days=41)) not in (later, linker.topics[0].id)


def test_clusterer_stories_report_the_final_topic_and_state_version_2_loads():
    c = Clusterer()
    c.add_many(_stream())
    assert all(s.topic == c._topics.resolve(s.topic) for s in c.stories if s.topic)
    old = json.loads(c.to_bytes())
    old["version"] = 2
    del old["topics"]["members"]
    for t in old["topics"]["topics"]:
        del t["merged_into"]
    loaded = Clusterer.from_dict(old)
    assert [s.topic for s in loaded.stories] == [s.topic for s in c.stories]
    loaded.add(_stream()[0].__class__(**{**_stream()[0].__dict__, "id": "again"}))
    assert loaded.story_of("again") is not None


def test_topic_level_never_changes_stories_in_any_mode(monkeypatch):
    base = Clusterer(Params(topics=False))
    base.add_many(_stream())
    for mode in ("centroid", "members", "max"):
        monkeypatch.setattr(topics, "LINK_MODE", mode)
        c = Clusterer(Params(topic_threshold=0.01))
        c.add_many(_stream())
        assert [s.articles for s in c.stories] == [s.articles for s in base.stories]


def test_band_index_finds_what_datasketch_finds():
    """The own LSH band index proposes exactly datasketch MinHashLSH's candidates."""
    from datasketch import MinHash, MinHashLSH

    from warta.stories.dedup import JACCARD, NUM_PERM, SCHEME, _permutations

    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64)
    prints = []
    for k in range(60):  # copies of one fingerprint with k % 40 values changed: some share bands
        v = base.copy()
        idx = rng.choice(NUM_PERM, size=k % 40, replace=False)
        v[idx] = rng.integers(0, 2**32, size=len(idx), dtype=np.uint64)
        prints.append(v)
    lsh = MinHashLSH(threshold=JACCARD, num_perm=NUM_PERM)
    mine = DuplicateIndex()
    def minhash(v):
        return MinHash(num_perm=NUM_PERM, hashvalues=v, permutations=_permutations(), scheme=SCHEME)

    for i, v in enumerate(prints[:40]):
        lsh.insert(str(i), minhash(v))
        mine.add(str(i), f"key{i}", v, i)
    for v in prints[40:]:
        expected = set(lsh.query(minhash(v)))
        got = set().union(*(t.get(b, set()) for t, b in zip(mine._tables, band_keys(v), strict=True)))
        assert got == expected
    assert len(band_keys(base)) == len(mine._tables)
    for i in range(40):
        mine.remove(str(i))
    assert all(not t for t in mine._tables)


def _drift(k: int) -> dict[str, dict[str, float]]:
    """A quake story with its own extra words (k-th of a series)."""
    return _vecs(title={"gempa": 1.0, f"w{k}": 1.0}, body={"gempa": 1.0, "majene": 1.0, f"x{k}": 1.0})


def test_member_cap_keeps_the_largest_then_the_newest_members(monkeypatch):
    monkeypatch.setattr(topics, "MEMBER_CAP", 3)
    linker = TopicLinker(0.3, 365)
    topic = _new(linker, "big", QUAKE)
    for _ in range(4):  # "big" has 5 articles: always kept
        linker.add(topic, "big", QUAKE, linker.query(QUAKE), DAY, "id")
    for k in range(6):
        assert _new(linker, f"s{k}", _drift(k), DAY + dt.timedelta(days=k)) == topic
    kept = {linker._member_ids[m] for m in linker._indexed[0]}
    assert kept == {"big", "s4", "s5"}
    assert len(linker._member_index) == 3
    assert all(not linker._members[linker._member_of[f"s{k}"]].vecs for k in range(4))
    # A dropped member that grows is indexed again (and another one leaves).
    grown = _drift(0)
    for _ in range(2):
        linker.add(topic, "s0", grown, linker.query(grown), DAY + dt.timedelta(days=7), "id")
    linker.recheck("s0", grown, linker.query(grown), DAY + dt.timedelta(days=7), "id")
    assert {linker._member_ids[m] for m in linker._indexed[0]} == {"big", "s0", "s5"}
    restored = TopicLinker.from_dict(json.loads(json.dumps(linker.to_dict())))
    assert restored.to_dict() == linker.to_dict()
    assert restored._indexed == linker._indexed


def test_merging_two_full_topics_respects_the_cap(monkeypatch):
    """Regression: the merged topic's surplus members are dropped while the merge is under way."""
    monkeypatch.setattr(topics, "MEMBER_CAP", 2)
    linker = TopicLinker(0.3, 365)
    quake = _new(linker, "q0", QUAKE)
    aid = _new(linker, "a0", AID)
    for k in range(1, 4):
        _new(linker, f"q{k}", QUAKE, DAY + dt.timedelta(days=k))
        _new(linker, f"a{k}", AID, DAY + dt.timedelta(days=k))
    linker.recheck("a3", AID_GROWN, linker.query(AID_GROWN), DAY + dt.timedelta(days=5), "id")
    assert linker.resolve(aid) == quake
    assert len(linker._indexed[0]) == 2 and 1 not in linker._indexed
    assert len(linker._member_index) == 2


def test_topic_to_topic_merge(monkeypatch):
    """A topic whose articles came to match another topic merges with it when a story re-check
    fires, even if that story alone matches nothing (only with TOPIC_MERGE; older id stays)."""
    near = _vecs(title={"gempa": 1.0, "majene": 1.0, "susulan": 1.0},
                 body={"gempa": 1.0, "majene": 1.0, "susulan": 1.0})
    later = DAY + dt.timedelta(days=2)
    for merge in (False, True):
        monkeypatch.setattr(topics, "TOPIC_MERGE", merge)
        linker = TopicLinker(0.75, 365)
        quake = _new(linker, "s-quake", QUAKE)
        after = _new(linker, "s-after", near, DAY + dt.timedelta(days=1))
        assert quake != after  # 0.71 < 0.75
        for _ in range(3):  # the second topic's later articles are about the quake itself
            linker.add(after, "s-after", QUAKE, linker.query(QUAKE), later, "id")
        linker.recheck("s-after", FLOOD, linker.query(FLOOD), later, "id")
        assert (linker.resolve(after) == quake) is merge
        assert len(linker.topics) == (1 if merge else 2)


def test_member_stories_of_another_language_are_scored_by_the_embedding(monkeypatch):
    """A Spanish story and an Italian story about one crisis share no words; with embeddings the
    Italian one links into the Spanish one's topic through the member story (the centroid
    path is switched off to isolate it); without embeddings it starts its own topic."""
    from warta.stories.topics import embedding_fields

    monkeypatch.setattr(topics, "LINK_MODE", "members")
    emb = np.zeros(8)
    emb[0] = 1.0
    es = _vecs(title={"siria": 1.0, "guerra": 1.0}, body={"siria": 1.0, "guerra": 1.0})
    it = _vecs(title={"siriana": 1.0, "conflitto": 1.0}, body={"siriana": 1.0, "conflitto": 1.0})
    for embedded in (False, True):
        linker = TopicLinker(0.3, 365)
        extra = embedding_fields(emb) if embedded else {}
        first = linker.link("s-es", es | extra, linker.query(es | extra), DAY, "es")
        linker.add(first, "s-es", es | extra, linker.query(es | extra), DAY, "es")
        second = linker.link("s-it", it | extra, linker.query(it | extra), DAY, "it")
        assert (second == first) is embedded
    restored = TopicLinker.from_dict(json.loads(json.dumps(linker.to_dict())))
    assert restored.to_dict() == linker.to_dict()


@pytest.mark.parametrize(("small", "merged"), [(0, True), (2, False), (3, True)])
def test_topic_merge_small_only_absorbs_fragments(monkeypatch, small, merged):
    """With TOPIC_MERGE_SMALL, two topics merge only when one has at most that many articles."""
    monkeypatch.setattr(topics, "TOPIC_MERGE", True)
    monkeypatch.setattr(topics, "TOPIC_MERGE_SMALL", small)
    near = _vecs(title={"gempa": 1.0, "majene": 1.0, "susulan": 1.0},
                 body={"gempa": 1.0, "majene": 1.0, "susulan": 1.0})
    later = DAY + dt.timedelta(days=2)
    linker = TopicLinker(0.75, 365)
    quake = _new(linker, "s-quake", QUAKE)
    after = _new(linker, "s-after", near, DAY + dt.timedelta(days=1))
    for _ in range(2):  # quake: 3 articles, after: 4
        linker.add(quake, "s-quake", QUAKE, linker.query(QUAKE), later, "id")
    for _ in range(3):
        linker.add(after, "s-after", QUAKE, linker.query(QUAKE), later, "id")
    linker.recheck("s-after", FLOOD, linker.query(FLOOD), later, "id")
    assert (linker.resolve(after) == quake) is merged
