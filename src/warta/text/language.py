"""Language identification: py3langid on a short sample, plus word hints for close pairs.

py3langid is restricted to :data:`CANDIDATES` (languages a news digest plausibly meets): this
keeps odd answers away ("la", "zxx", "ln" on Indonesian), and scoring against 40 columns
instead of 140 is several times faster.  Only the first :data:`SAMPLE_CHARS` characters are
classified.  Where a language's ``lang/<code>/language_hints.toml`` names rivals (Indonesian vs
Malay), marker words decide between the two.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import lang

#: Languages py3langid may answer (ISO 639-1).  Others are mapped to the nearest of these.
CANDIDATES: tuple[str, ...] = (
    "id", "ms", "jv", "su", "tl", "vi", "th", "en", "es", "fr", "it", "de", "nl", "pt", "ca",
    "ro", "sv", "da", "no", "fi", "pl", "cs", "sk", "hu", "hr", "sl", "tr", "el", "ru", "uk",
    "bg", "ar", "fa", "ur", "hi", "bn", "he", "zh", "ja", "ko", "sw", "af",
)  # fmt: skip
#: How much of the text is classified at first, and at most (cut back to a word boundary).
#: Characters a ``quick`` guess looks at.
QUICK_CHARS = 300
FIRST_CHARS = 800
SAMPLE_CHARS = 2000
#: py3langid log-probability margin under which the longer sample is classified.
MARGIN = 20.0
#: Fewer letters than this -> "und".
MIN_LETTERS = 15

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class _Rivalry:
    language: str
    markers: frozenset[str]
    rival: str
    rival_markers: frozenset[str]
    pattern: re.Pattern[str]  # any marker of either side, as a whole lower-case word


@functools.cache
def _identifier() -> Any:
    """The py3langid identifier, restricted to :data:`CANDIDATES`, with a float32 table."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    ident.set_languages([c for c in CANDIDATES if c in set(ident.labels)])
    # The packaged table is float16; a float32 copy of the few kept columns scores ~4x faster.
    ident.nb_ptc = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
    ident.nb_pc = np.asarray(ident.nb_pc, dtype=np.float32)
    return ident


@functools.cache
def _rivalries() -> tuple[_Rivalry, ...]:
    out: list[_Rivalry] = []
    for code in lang.available_languages():
        hints = lang.load(code, "language_hints")
        for rival, words in hints.get("rivals", {}).items():
            mine = frozenset(w.lower() for w in hints["markers"])
            theirs = frozenset(w.lower() for w in words)
            alternation = "|".join(sorted(map(re.escape, mine | theirs), key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
            out.append(_Rivalry(code, mine, rival, theirs, pattern))
    return tuple(out)


def _cut(text: str, start: int, limit: int) -> int:
    """End of a chunk starting at ``start``: ``limit`` chars, moved back to a space if near."""
    end = start + limit
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", end - 100, end)
    return space if space > start else end


def _classify(text: str, first_chars: int = FIRST_CHARS, extend: bool = True) -> tuple[str, int]:
    """(py3langid's answer, end of the sample it looked at).

    Looks at the first ``first_chars`` characters, and (with ``extend``) at up to
    :data:`SAMPLE_CHARS` only when the best two languages are closer than :data:`MARGIN`
    (log-probability).
    """
    ident = _identifier()
    first = _cut(text, 0, first_chars)
    try:
        from py3langid.langid import visit_counts

        nm, rowbase, out = ident.tk_nextmove, ident._rowbase, ident.tk_output
        counts = visit_counts(nm, rowbase, out, ident._encode(text[:first]))
        if counts is None:
            return str(ident.classify(text[:first])[0]), first
        scores = ident._sparse_score(counts, ident.nb_ptc)
        end = first
        if extend and first < len(text):
            top2 = np.partition(scores, -2)[-2:]
            if top2[1] - top2[0] < MARGIN:
                end = _cut(text, first, SAMPLE_CHARS - first)
                more = visit_counts(nm, rowbase, out, ident._encode(text[first:end]))
                if more:
                    counts.update(more)
                    scores = ident._sparse_score(counts, ident.nb_ptc)
        return str(ident.nb_classes[int(scores.argmax())]), end
    except (AttributeError, ImportError, TypeError):  # another py3langid version: public API
        end = _cut(text, 0, SAMPLE_CHARS)
        return str(ident.classify(text[:end])[0]), end


def _resolve(code: str, sample: str) -> str:
    lowered: str | None = None
    for r in _rivalries():
        if code not in (r.language, r.rival):
            continue
        if lowered is None:
            lowered = sample.lower()
        found = set(r.pattern.findall(lowered))
        mine = len(found & r.markers)
        theirs = len(found & r.rival_markers)
        if mine > theirs:
            return r.language
        if theirs > mine:
            return r.rival
    return code


def detect_language(text: str, quick: bool = False) -> str:
    """ISO 639-1 code of the language of ``text``; ``"und"`` when there is too little text.

    Classifies the first ~800 characters (up to ~2,000 when unsure) with py3langid restricted
    to :data:`CANDIDATES`; when the answer is one of a close pair declared in
    ``language_hints.toml`` (Indonesian vs Malay) the pair's marker words decide.  Fewer than
    :data:`MIN_LETTERS` letters -> "und".  ``quick`` looks at the first :data:`QUICK_CHARS`
    only: a first guess (e.g. to pick cleaning rules) that a later full call refines.
    """
    for count, _ in enumerate(_LETTER.finditer(text, 0, SAMPLE_CHARS), 1):
        if count >= MIN_LETTERS:
            break
    else:
        return "und"
    code, end = _classify(text, QUICK_CHARS, extend=False) if quick else _classify(text)
    return _resolve(code, text[:end])
