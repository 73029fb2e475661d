"""CRF features: word clusters, per-set scheme copies, cached per-type features."""

from pathlib import Path

from warta.annotate.entities import features
from warta.annotate.entities.tagger import cased_only, tag_words


def test_cluster_ids_for_known_and_unknown_words() -> None:
    clusters = features.word_clusters()
    assert len(clusters["jakarta"]) == 3  # three granularities
    feats = features.sentence_features(["Jakarta", "Qwxzyk"])
    assert {f"c{i}={c}" for i, c in enumerate(clusters["jakarta"])} <= set(feats[0])
    assert "c=none" in feats[1]
    assert any(f.startswith("-1:c=") for f in feats[1])  # the neighbour's cluster


def test_scheme_adds_a_prefixed_copy_of_every_feature() -> None:
    plain = features.sentence_features(["Presiden", "Joko", "Widodo"])
    augmented = features.sentence_features(["Presiden", "Joko", "Widodo"], scheme="nerp")
    for p, a in zip(plain, augmented, strict=True):
        assert sorted(a) == sorted(p + [f"nerp|{f}" for f in p])


def test_edges_and_empty_sentence() -> None:
    assert features.sentence_features([]) == []
    (only,) = features.sentence_features(["KPK"])
    assert {"-2:edge", "-1:edge", "1:edge", "2:edge", "upper"} <= set(only)


def test_features_are_deterministic_and_cache_safe() -> None:
    words = ["Warga", "Jakarta", "mengungsi", "ke", "Bekasi", "."]
    first = features.sentence_features(words)
    first[0].append("mutated")  # callers may extend the lists; the cache must not change
    assert "mutated" not in features.sentence_features(words)[0]


def test_no_cluster_file_switches_cluster_features_off() -> None:
    try:
        features.use_cluster_file(Path())
        assert not any(f.startswith("c") and "=" in f and f[1].isdigit()
                       for f in features.sentence_features(["Jakarta"])[0])
    finally:
        features.use_cluster_file(None)
    assert features.word_clusters()


def test_cased_only_drops_lower_case_spans_in_cased_sentences() -> None:
    words = ["Pedagang", "Pasar", "Kembang", "melihat", "kiosnya", "hangus"]
    found = [(1, 3, "LOCATION"), (5, 6, "PERSON")]
    assert cased_only(words, found) == [(1, 3, "LOCATION")]
    lower = ["warga", "jakarta", "mengungsi"]  # NERP-style lower-case text keeps its spans
    assert cased_only(lower, [(1, 2, "LOCATION")]) == [(1, 2, "LOCATION")]
    assert cased_only([], []) == []


def test_tag_words_with_each_scheme_runs() -> None:
    words = ["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."]
    for scheme in (None, "nergrit", "nerp", "idner"):
        for s, e, kind in tag_words(words, "id", scheme):
            assert 0 <= s < e <= len(words) and kind
