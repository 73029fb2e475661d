"""Tokens, stemmed content terms and capitalised-name terms.

* :func:`tokenize`: word tokens; letters of any script, digits, hyphenated words
  (``anak-anak``, ``COVID-19``), apostrophes inside words (``Jum'at``) and numbers with
  separators (``2.000``, ``2,5``, ``13/1/2022``, ``05.06``) are one token each.
* :func:`content_terms`: lower-cased tokens minus stopwords (``lang/<code>/stopwords.toml``,
  checked before stemming), stemmed: Indonesian with PySastrawi (cached per word),
  English with a light suffix stripper, other languages not stemmed.  Numbers are kept.
* :func:`name_terms`: runs of capitalised words (an entity proxy), lower-cased.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .. import lang

_TOKEN = re.compile(
    r"\d+(?:[.,:/]\d+)+(?:-[^\W_]+)*"  # numbers with separators: 2.000  2,5  13/1/2022
    r"|[^\W_]+(?:['’-][^\W_]+)*",  # words, hyphenated words, in-word apostrophes
    re.UNICODE,
)
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_GAP = re.compile(r"[ \t\u00a0]+")

#: Capitalised words that are not names (weekdays, months), besides the calendar data files.
_COMMON_CAPITALISED = frozenset(
    ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
     "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "january", "february", "march", "may", "june", "july", "august", "october", "december",
     "wib", "wita", "wit", "baca"]
)  # fmt: skip


def tokenize(text: str) -> list[str]:
    """Word tokens of ``text`` (case kept), for overlap measures such as ROUGE.

    Letters of any script and digits; hyphenated words (``anak-anak``) and numbers with
    separators (``2.000``, ``13/1/2022``) stay whole; punctuation is dropped.
    """
    return _TOKEN.findall(text)


@functools.cache
def _stopwords(language: str) -> frozenset[str]:
    data = lang.load_if_code(language, "stopwords")
    return frozenset(w.lower() for w in data.get("stopwords", []))


@functools.cache
def _all_stopwords() -> frozenset[str]:
    out: set[str] = set()
    for code in lang.available_languages():
        out |= _stopwords(code)
    return frozenset(out)


@functools.cache
def _sastrawi() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=200_000)
def stem_id(word: str) -> str:
    """Indonesian stem of one lower-case word (PySastrawi; ``menyesalkan`` -> ``sesal``)."""
    stem = str(_sastrawi().stem(word))
    return stem or word


@functools.lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    """A light English stem of one lower-case word: plurals, ``-ing``, ``-ed``, possessives."""
    w = word
    for tail in ("'s", "’s"):
        if w.endswith(tail):
            w = w[: -len(tail)]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix, min_len in (("ing", 6), ("ed", 5)):
        if len(w) >= min_len and w.endswith(suffix):
            w = w[: -len(suffix)]
            if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # running -> run, stopped -> stop
            break
    return w


_STEMMERS = {"id": stem_id, "en": stem_en}


def content_terms(text: str, language: str) -> list[str]:
    """Lower-cased, stemmed content words of ``text``, in order (repeats kept).

    Stopwords of ``language`` are dropped (before stemming: the lists hold inflected forms), punctuation is
    dropped, numbers are kept as tokens, one-letter words are dropped.  Indonesian is stemmed
    with PySastrawi (``menyesalkan`` -> ``sesal``), English with a light suffix stripper, other
    languages are only lower-cased.
    """
    stop = _stopwords(language)
    stem = _STEMMERS.get(language)
    out: list[str] = []
    for token in _TOKEN.findall(text):
        word = token.lower()
        if _NUMBER.fullmatch(word):
            out.append(word)
            continue
        if len(word) < 2 or word in stop:
            continue
        if stem is not None:
            word = stem(word)
            if len(word) < 2:
                continue
        out.append(word)
    return out


@functools.cache
def _not_names() -> frozenset[str]:
    words = set(_COMMON_CAPITALISED)
    for code in lang.available_languages():
        cal = lang.load(code, "calendar")
        for key in ("months", "weekdays"):
            words.update(k.lower() for k in cal.get(key, {}))
    return frozenset(words) | _all_stopwords()


def name_terms(text: str) -> list[str]:
    """Capitalised-name spans of ``text`` (an entity proxy), lower-cased, in order.

    A span is a run of capitalised words on one line, not crossing punctuation (initials inside
    a run are skipped: "Susilo B. Yudhoyono" -> "susilo yudhoyono").  Stopwords
    (any language's, so sentence-initial "Dia", "Menurut", "The" go), weekday and month names
    and one-letter words split a run and are left out.  ``"Presiden Joko Widodo bertemu
    Kapolri di Istana Bogor"`` -> ``["presiden joko widodo", "kapolri", "istana bogor"]``.
    """
    skip = _not_names()
    out: list[str] = []
    run: list[str] = []
    last_end = -1
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        initial = len(word) == 1 and word.isupper() and text.startswith(".", m.end())
        if run and initial and _GAP.fullmatch(text, last_end, m.start()):
            last_end = m.end() + 1  # an initial inside a name: "Susilo B. Yudhoyono"
            continue
        joined = last_end >= 0 and _GAP.fullmatch(text, last_end, m.start()) is not None
        if run and (not joined or not word[0].isupper() or len(low) < 2 or low in skip):
            out.append(" ".join(run))
            run = []
        if word[0].isupper() and len(low) >= 2 and low not in skip:
            run.append(low)
            last_end = m.end()
        else:
            last_end = -1
    if run:
        out.append(" ".join(run))
    return out
