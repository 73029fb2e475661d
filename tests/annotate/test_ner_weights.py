"""The CRF weights file and its Viterbi decoder: same labels as CRFsuite, small, robust."""

import sys
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from warta.annotate.entities import features, tagger, weights

SENTENCES = [
    (["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."],
     ["O", "B-PERSON", "I-PERSON", "O", "O", "B-LOCATION", "O"]),
    (["Warga", "Bandung", "mengungsi", "ke", "Bekasi"],
     ["O", "B-LOCATION", "O", "O", "B-LOCATION"]),
    (["KPK", "memeriksa", "Retno", "Marsudi"], ["B-ORGANIZATION", "O", "B-PERSON", "I-PERSON"]),
    (["hujan", "turun", "sejak", "pagi"], ["O", "O", "O", "O"]),
]
PROBES = [["Jakarta"], ["Joko", "Widodo"], ["Menteri", "Retno", "Marsudi", "ke", "Bandung", "."],
          ["KPK"], ["warga", "bekasi", "mengungsi"], [], ["Qwzx", "Jkl", "-", "2.000", "orang"]]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CRFsuite model trained on four sentences (with scheme copies), in a temp folder."""
    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in SENTENCES:
        trainer.append(features.sentence_features(words), labels)
        trainer.append(features.sentence_features(words, scheme="idner"), labels)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    trainer.train(str(path))
    return path


def test_exported_weights_tag_like_crfsuite(tiny_model: Path, tmp_path: Path) -> None:
    out = weights.export(tiny_model, tmp_path / "tiny.weights.json.gz")
    crf = pycrfsuite.Tagger()
    crf.open(str(tiny_model))
    try:
        tagger.use_model(out)
        for words in PROBES + [w for w, _ in SENTENCES]:
            for scheme in (None, "idner", "nerp", tagger.AUTO):
                expected = crf.tag(features.sentence_features(
                    words, scheme=tagger.CASED_SCHEME if scheme == tagger.AUTO and tagger.is_cased(words)
                    else tagger.LOWER_SCHEME if scheme == tagger.AUTO else scheme)) if words else []
                assert tagger.crf_labels(words, "id", scheme) == list(expected), (words, scheme)
        # The .crfsuite file itself is still accepted (tagged through CRFsuite).
        tagger.use_model(tiny_model)
        assert tagger.crf_labels(["Joko", "Widodo"], "id", None) == list(
            crf.tag(features.sentence_features(["Joko", "Widodo"])))
    finally:
        tagger.use_model(None)


def test_export_is_deterministic(tiny_model: Path, tmp_path: Path) -> None:
    a = weights.export(tiny_model, tmp_path / "a.json.gz").read_bytes()
    b = weights.export(tiny_model, tmp_path / "b.json.gz").read_bytes()
    assert a == b


def test_decode_edge_cases() -> None:
    # The matrix ends with the zero row every model has (see CrfWeights.group_sums).
    w = weights.CrfWeights(("O", "B-X"), np.zeros((2, 2)), {"a": 0}, np.array([[0.0, 1.0], [0.0, 0.0]]))
    assert w.decode(np.zeros((0, 2))) == []
    assert w.decode(np.zeros((3, 2))) == ["O", "O", "O"]  # ties go to the first label
    assert w.decode(np.array([[0.0, 2.0], [1.0, 0.0]])) == ["B-X", "O"]
    assert w.group_sums([["unknown", "a", "a"], []]).tolist() == [[0.0, 2.0], [0.0, 0.0]]


def test_not_a_weights_file(tmp_path: Path) -> None:
    import gzip

    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(gzip.compress(b'{"format": "other"}'))
    with pytest.raises(ValueError, match="not a"):
        weights.load(bad)


def test_shipped_model_is_small_and_tags() -> None:
    shipped = Path(features.__file__).parents[2] / "models" / tagger.MODEL_FILE
    assert shipped.stat().st_size < 5_000_000  # the repo's file size limit
    spans = tagger.tag_words(["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."])
    assert (1, 3, "PERSON") in spans and (5, 6, "LOCATION") in spans


def test_decode_many_matches_decode_per_sequence() -> None:
    rng = np.random.default_rng(7)
    labels = ("O", "B-PERSON", "I-PERSON", "B-LOCATION")
    w = weights.CrfWeights(labels, rng.normal(size=(4, 4)), {}, np.zeros((1, 4)))
    batch = [rng.normal(size=(n, 4)) for n in (5, 1, 0, 9, 2)]
    assert w.decode_many(batch) == [w.decode(e) for e in batch]
    assert w.decode_many([]) == []
    assert w.decode_many([np.zeros((0, 4))]) == [[]]


def test_group_sums_with_empty_and_unknown_groups() -> None:
    w = weights.CrfWeights(("O", "B-X"), np.zeros((2, 2)), {"a": 0, "b": 1},
                           np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]]))
    sums = w.group_sums([["a", "b"], [], ["zz"], ["b", "b"]])
    assert sums.tolist() == [[1.0, 2.0], [0.0, 0.0], [0.0, 0.0], [0.0, 4.0]]


def test_a_crfsuite_file_without_python_crfsuite_names_the_extra(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped model needs no CRFsuite; only a .crfsuite file does, and the message says how.
    from warta.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    try:
        tagger.use_model(tmp_path / "m.crfsuite")
        with pytest.raises(MissingExtraError, match=r"warta\[train\]"):
            tagger._crfsuite()
        with pytest.raises(MissingExtraError, match=r"warta\[train\]"):
            weights.export(tmp_path / "m.crfsuite", tmp_path / "out.json.gz")
    finally:
        tagger.use_model(None)
