"""Sentence splitting with exact character spans, tuned for Indonesian news.

One compiled regex finds every newline and every candidate end (``.``, ``?``, ``!``, ``...``,
``…``, with any closing quotes or brackets glued to it, followed by a space or the end of the
line); cheap checks on the word before and the character after decide whether a candidate is
a boundary.  Rules, in order:

* a line break always ends a sentence (headlines need no stop); ``Sentence.paragraph`` is the
  index of the sentence's line among the lines that hold at least one sentence (blank lines do
  not count), so it is 0, 1, 2, ... without gaps;
* a closing quote after the end mark (``diatur. " ucap dia``, ``diatur.” Kata``) belongs to the
  sentence; when the word after it is lower case (a speech verb: ``“... .” ujar X.``) the
  sentence goes on;
* the next word in lower case: no boundary (``dr. budi``, ``Apa? kata dia``, ``... lalu``),
  unless it is in brackets (a credit tag: ``kata dia. (ant/rin)``);
* before a dot: an abbreviation from ``lang/<code>/abbreviations.toml`` (``Jl.``, ``Prof.``,
  ``Rp .`` in tokenised text too) or a list number/letter opening the sentence (``1. Pertama``):
  no boundary, except for the ``sentence_final`` abbreviations (``dll.``) before a capitalised
  word; a dotted abbreviation (``S.H.``, ``U.S.``, ``a.n.``; not a web address) or a single
  capital letter (an initial: ``Susilo B. Yudhoyono``): no boundary unless the next word is a
  capitalised stopword of the language (``S.H. Dia ...``, ``the U.S. He ...``);
* otherwise a boundary.

Dots inside tokens (``2.000``, ``05.06``, ``Kompas.com``, ``13/1/2022``) are never candidates.
Quotations that hold several sentences are split at their inner sentence ends (as IndoSum does);
the last piece keeps the closing quote and the speech verb that follows it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang
from ..model import Sentence

# A candidate end: terminal punctuation with closing quotes/brackets glued on, then a space or
# the end of the text; or a newline.
_CANDIDATE = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’)\]»]*(?=[ \t\r\f\v\u00a0\u2009\u202f]|\n|\Z)|\n")
_SPACE = " \t\r\f\v\u00a0\u2009\u202f\n"
_HSPACE = " \t\r\f\v\u00a0\u2009\u202f"
_OPENERS = "\"'“‘([«"
_CLOSE_QUOTES = "\"”’'"
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}")
_TLDS = frozenset(
    ["com", "id", "net", "org", "co", "go", "ac", "gov", "edu", "io", "info", "biz", "tv", "uk",
     "au", "sg", "my", "us", "html", "php"]
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
#: Languages where an end mark before a lower-case word is still a boundary when nothing
#: else explains the lower case (see :func:`_lower_start`).  Not Indonesian: there a lower-case
#: word after "?" or a dot is the norm for a speech verb or a title ("Apa? kata dia", "dr. budi").
_LOWER_STARTS = frozenset(["en"])
_ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])


@dataclass(frozen=True)
class _Abbreviations:
    words: frozenset[str]
    final: frozenset[str]
    starters: frozenset[str]  # lower-case function words: "Dia", "The" after "S.H." start anew
    lower: frozenset[str]  # every abbreviation lower-cased (lower-cased text: "mr. smith")


def _variants(words: list[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        out.update((w, w.upper(), w[:1].upper() + w[1:]))
    return out


@functools.cache
def _abbreviations(language: str) -> _Abbreviations:
    data = lang.load_with_default(language, "abbreviations") if _valid(language) else {}
    if not data:
        data = lang.load(lang.DEFAULT, "abbreviations")
    final = _variants(data.get("sentence_final", []))
    words = _variants(data.get("abbreviations", [])) | final
    code = language if _valid(language) and lang.load(language, "abbreviations") else lang.DEFAULT
    stop = lang.load(code, "stopwords").get("stopwords", [])
    return _Abbreviations(frozenset(words), frozenset(final), frozenset(w.lower() for w in stop),
                          frozenset(w.lower() for w in words))


def _valid(language: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{2,3}", language))


def _is_dotted(token: str) -> bool:
    """``S.H``, ``U.S``, ``a.n``, ``M.Si`` (final dot removed), but not ``www.x.co.id``."""
    if "." not in token or not _DOTTED.fullmatch(token):
        return False
    low = token.lower()
    return not (low.startswith("www.") or low.rsplit(".", 1)[1] in _TLDS)


def split_sentences(body: str, language: str) -> list[Sentence]:
    """Split ``body`` into sentences whose spans index into it exactly.

    ``body[s.start:s.end] == s.text`` for every sentence, with surrounding whitespace left out;
    spans increase and do not overlap.  Every line is a paragraph: ``paragraph`` counts only the
    lines that hold a sentence (0, 1, 2, ... without gaps).  Abbreviations come from
    ``lang/<language>/abbreviations.toml`` (English when the language has none).  Empty or
    blank ``body`` -> ``[]``.
    """
    if not body or body.isspace():
        return []
    abbr = _abbreviations(language)
    out: list[Sentence] = []
    n = len(body)
    start = 0  # start of the pending sentence (may point at whitespace)
    line_start = 0
    paragraph = 0
    line_used = False

    def emit(end: int) -> None:
        nonlocal line_used
        s = start
        while s < end and body[s] in _SPACE:
            s += 1
        e = end
        while e > s and body[e - 1] in _SPACE:
            e -= 1
        if e > s:
            out.append(Sentence(body[s:e], s, e, paragraph))
            line_used = True

    for m in _CANDIDATE.finditer(body):
        pos = m.start()
        end = m.end()
        if body[pos] == "\n":
            emit(pos)
            if line_used:
                paragraph += 1
                line_used = False
            start = line_start = end
            continue
        if pos < start:  # inside a stretch already taken (a detached closing quote)
            continue
        # The next non-space character on this line.
        nxt = end
        while nxt < n and body[nxt] in _HSPACE:
            nxt += 1
        if nxt >= n or body[nxt] == "\n":
            continue  # the line break (or the end) closes the sentence anyway
        ch = body[nxt]
        # A detached quote after the end mark: a closing one if it is a curly close or a
        # straight quote that closes an open one in this line.
        if ch in _CLOSE_QUOTES and (ch == "”" or (ch == '"' and body.count('"', line_start, nxt) % 2 == 1)):
            after = nxt + 1
            while after < n and body[after] in _HSPACE:
                after += 1
            if after < n and body[after].islower():
                continue  # "... ." ujar dia -> one sentence
            if after >= n or body[after] == "\n":
                continue
            end = nxt + 1
            ch = body[after]
            nxt = after
        # The first letter of the next word (past opening quotes and brackets).
        first = nxt
        while first < n and body[first] in _OPENERS:
            first += 1
            while first < n and body[first] in _HSPACE:
                first += 1
        if (first < n and body[first].islower() and ch not in "(["
                and not (language in _LOWER_STARTS
                         and _lower_start(body, start, m.group(), pos, nxt, first, abbr))):
            continue  # a bracket after an end opens a new unit: "kata dia. (ant)"
        mark = body[pos]
        single_dot = mark == "." and (end - pos == 1 or body[pos + 1] in _CLOSE_QUOTES + ")]»")
        if single_dot and not _dot_ends(body, start, pos, first, abbr):
            continue
        emit(end)
        start = end
    emit(n)
    return out


def _dot_ends(body: str, start: int, pos: int, first: int, abbr: _Abbreviations) -> bool:
    """Whether the single dot at ``pos`` ends the sentence that began at ``start``."""
    # The token before the dot; in tokenised text ("Rp . 5") the word before the space.
    t_end = pos
    detached = False
    if t_end > start and body[t_end - 1] in _HSPACE:
        detached = True
        while t_end > start and body[t_end - 1] in _HSPACE:
            t_end -= 1
    t_start = t_end
    while t_start > start and body[t_start - 1] not in _SPACE:
        t_start -= 1
    token = body[t_start:t_end].lstrip(_OPENERS)
    if not token:
        return True
    capital_next = first < len(body) and body[first].isupper()
    if token in abbr.words:
        return capital_next and token in abbr.final
    if detached:
        return True
    if (len(token) == 1 and token.isupper()) or _is_dotted(token):
        # An initial ("B. Yudhoyono") or "S.H.", "U.S.": a boundary only before a function word.
        if not capital_next:
            return False
        word = _WORD.match(body, first)
        return word is not None and word.group().lower() in abbr.starters
    # "1. Pertama", "a. Kedua", "IV. Penutup" opening a sentence: a list label.
    at_start = not body[start:t_start].strip()
    return not (at_start and ((token.isdigit() and len(token) <= 3) or len(token) == 1 or token in _ROMAN))


def _lower_start(
    body: str, start: int, mark: str, pos: int, nxt: int, first: int, abbr: _Abbreviations
) -> bool:
    """Whether the end mark ``mark`` at ``pos``, followed by a lower-case word at ``first``,
    ends a sentence anyway: lower-cased or sloppily cased English ("rescue me, elmo! that's
    what you'll shout", "minutes of it. " the film ...").  Not after a closing quote glued to
    the mark (a speech verb follows: '"Help!" she said'), not after an ellipsis ("and then...
    the"), not after an abbreviation in any case ("mr. smith"), a dotted one ("p.m. on") or an
    initial in any case ("john f. kennedy")."""
    if any(q in mark for q in _CLOSE_QUOTES) or mark.startswith("..") or mark[0] == "…":
        return False
    if mark[0] in "!?" or first > nxt:  # "!", "?", or an opening quote before the word
        return True
    token = body[start:pos].rsplit(None, 1)[-1].lstrip(_OPENERS) if body[start:pos].strip() else ""
    if len(mark) > 1 or len(token) == 1 or token.lower() in abbr.lower:
        return False
    return _dot_ends(body, start, pos, first, abbr)
