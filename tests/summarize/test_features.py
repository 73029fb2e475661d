import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest

from warta.brief.vectors import idf_table
from warta.summarize.features import similarity

TERMS = [
    ["banjir", "jakarta", "banjir", "warga"],
    ["banjir", "jakarta", "pengungsi"],
    ["harga", "cabai", "naik"],
    ["warga", "pengungsi", "banjir", "bekasi"],
    [],
    ["tunggal"],
]


def similarity_matrix(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """The plain dense computation the sparse one must equal (kept here as the reference)."""
    vocab: dict[str, int] = {}
    for terms in term_lists:
        for t in terms:
            vocab.setdefault(t, len(vocab))
    n = len(term_lists)
    if n == 0 or not vocab:
        return np.zeros((n, n), dtype=np.float64)
    idf, _ = idf_table(term_lists)
    m = np.zeros((n, len(vocab)), dtype=np.float64)
    for i, terms in enumerate(term_lists):
        for t, c in Counter(terms).items():
            m[i, vocab[t]] = (1.0 + math.log(c)) * idf[t]
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    m /= norms[:, None]
    sim: np.ndarray = m @ m.T
    return sim


def test_sparse_similarity_equals_the_dense_reference():
    got = similarity(TERMS)
    want = similarity_matrix(TERMS)
    np.fill_diagonal(want, [1.0 if t else 0.0 for t in TERMS])
    assert got.shape == (6, 6)
    assert np.allclose(got, want, atol=1e-12)
    assert np.allclose(got, got.T)
    assert got[0, 1] > got[0, 2] == pytest.approx(0.0)


def test_sentences_without_shared_or_any_terms():
    assert similarity([]).shape == (0, 0)
    assert np.array_equal(similarity([[], []]), np.zeros((2, 2)))
    # No term shared by two sentences: identity (each sentence equals itself).
    assert np.array_equal(similarity([["a1"], ["b1", "b2"]]), np.eye(2))


def test_large_story_stays_sparse_and_exact():
    rng = np.random.default_rng(7)
    terms = [[f"t{int(k)}" for k in rng.integers(0, 3000, size=25)] for _ in range(400)]
    got = similarity(terms)
    want = similarity_matrix(terms)
    np.fill_diagonal(want, 1.0)
    assert np.allclose(got, want, atol=1e-12)
