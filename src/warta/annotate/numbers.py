"""Quantities that count something: "lebih dari 2.000 personel", "ribuan warga", "dua belas orang".

Reads Indonesian formats (dot thousands, comma decimals: "2.000", "2,5 juta", "2.000,50"),
English ones ("2,000", "2.5 million"), number words, vague amounts ("puluhan") and ranges
("2.000-2.500"), with the qualifier before them.  A number followed by a time, age, money or
measure word (``not_counts`` in ``lang/<code>/numbers.toml``), a year, a date, a clock time, an
ordinal or a number with no noun after it is not a head count and is left out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..lang import load_with_default
from ..model import Article, Quantity
from .attribution import attribution

_DIGITS = r"\d+(?:[.,]\d+)*"
_WORD = re.compile(r"[\w%$-]+|[^\w\s]", re.UNICODE)
_MONEY_BEFORE = re.compile(r"(?:rp\.?|us\$|\$|€|£|usd|idr|sgd)\s*$", re.IGNORECASE)
_NOT_BEFORE = {"pasal", "nomor", "no", "ayat", "ke", "tahun", "pukul", "jam", "usia", "umur", "berusia",
               "berumur", "tanggal", "tgl", "nomer", "angka", "skor", "kode", "edisi", "seri", "jilid",
               "babak", "menit", "hal", "halaman", "lantai", "rt", "rw", "km", "kilometer", "tipe",
               "sejak", "aged", "age", "page", "number", "at", "in", "since", "year", "on"}


_CLAUSE_END = frozenset({"setelah", "sebelum", "dan", "karena", "sedangkan", "sementara", "namun",
                         "ketika", "saat", "serta", "atau", "tetapi", "after", "and", "but", "while"})


@dataclass(frozen=True)
class _Lex:
    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, str]
    not_counts: frozenset[str]
    pattern: re.Pattern[str]
    fillers: frozenset[str]
    heads: dict[str, str]
    events: dict[str, str]


@functools.cache
def _lexicon(language: str) -> _Lex:
    data: dict[str, Any] = load_with_default(language, "numbers")
    units = dict(data.get("units", {}))
    scales = dict(data.get("scales", {}))
    vague = {k.replace("_", " "): v for k, v in data.get("vague", {}).items()}
    quals = dict(data.get("qualifiers", {}))
    words = sorted([*units, *scales], key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words)
    vague_alt = "|".join(re.escape(w) for w in sorted(vague, key=len, reverse=True))
    qual_alt = "|".join(re.escape(q) for q in sorted(quals, key=len, reverse=True))
    scale_alt = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True))
    number = (
        rf"(?P<num>{_DIGITS}(?:\s*(?:-|–|sampai|hingga|to)\s*{_DIGITS})?"
        rf"(?:\s+(?:{scale_alt})\b)*"
        rf"|(?:(?:{word_alt})\b\s*)+"
        rf"|(?:{vague_alt})\b)"
    )
    qualifier = rf"(?:(?P<qual>{qual_alt})\s+)?" if qual_alt else ""
    pattern = re.compile(rf"(?<![\w.,]){qualifier}{number}", re.IGNORECASE)
    return _Lex(units, scales, vague, quals, frozenset(data.get("not_counts", [])), pattern,
                frozenset(data.get("fillers", [])), dict(data.get("heads", {})),
                dict(data.get("events", {})))


def fact_key(q: Quantity, language: str = "id") -> str | None:
    """What a quantity counts, in a shared form ("2.300 jiwa mengungsi" and "2.000 warga
    mengungsi" -> ``orang mengungsi``); None when too generic to compare ("10 orang")."""
    if not q.counted:
        return None
    lex = _lexicon(language)
    head = lex.heads.get(q.counted, q.counted)
    event = lex.events.get(q.event, q.event) if q.event else None
    if " " in head:  # the head already says what happened ("pengungsi")
        return head
    generic = head in ("orang", "people")
    if event and (event in lex.events.values() or generic):
        return f"{head} {event}"
    # A specific noun with an unknown event word: the noun alone says what is counted.
    return None if generic else head


def parse_digits(text: str, language: str = "id", scaled: bool = False) -> float | None:
    """``"2.000"`` -> 2000, ``"2,5"`` -> 2.5, ``"2.000,50"`` -> 2000.5, ``"2,000"`` -> 2000.

    A single separator followed by exactly three digits is a thousands separator in either
    language; otherwise Indonesian reads a comma as the decimal mark and English a dot.  Before
    a scale word ("6,649 miliar") the single separator is the language's decimal mark.
    """
    if "." in text and "," in text:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        grp = "." if dec == "," else ","
        cleaned = text.replace(grp, "").replace(dec, ".")
    else:
        sep = "." if "." in text else ("," if "," in text else "")
        if not sep:
            cleaned = text
        else:
            groups = text.split(sep)
            decimal = "," if language == "id" else "."
            if scaled and len(groups) == 2 and sep == decimal:
                cleaned = groups[0] + "." + groups[1]
            elif all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
                cleaned = "".join(groups)
            elif len(groups) == 2:
                cleaned = groups[0] + "." + groups[1]
            else:
                return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def _parse_words(words: list[str], lex: _Lex) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for w in words:
        if w in lex.units:
            current += lex.units[w]
            seen = True
        elif w in lex.scales:
            scale = lex.scales[w]
            if w == "belas":
                current = (current or 1) + 10
            elif scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
            seen = True
        else:
            return None
    return total + current if seen else None


def _value(text: str, lex: _Lex, language: str) -> tuple[float, float | None] | None:
    low = text.lower().strip()
    if low in lex.vague:
        return float(lex.vague[low]), None
    m = re.match(rf"({_DIGITS})(?:\s*(?:-|–|sampai|hingga|to)\s*({_DIGITS}))?(.*)$", low)
    if m:
        scaled = bool(m.group(3).split())
        first = parse_digits(m.group(1), language, scaled)
        second = parse_digits(m.group(2), language, scaled) if m.group(2) else None
        if first is None:
            return None
        mult = 1.0
        for w in m.group(3).split():
            mult *= lex.scales.get(w, 1)
        return first * mult, (second * mult if second is not None else None)
    value = _parse_words(low.split(), lex)
    return (value, None) if value is not None else None


_VERB_PREFIXES = ("me", "ber", "di", "ter", "per")


def _is_year(raw: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", raw))


def _event(after: list[str], before: str, lex: _Lex) -> str | None:
    # A known event word in the clause after the noun ("2.300 jiwa dari tiga desa ...
    # mengungsi"), else one just before the number ("menewaskan 10 orang"), else the word
    # right after the noun (fillers skipped).
    for w in after[:8]:
        low = w.lower()
        # The clause ends at punctuation, a conjunction or another number.
        if not w.isalpha() or low in _CLAUSE_END or low in lex.units or low in lex.vague:
            break
        if low in lex.events:
            return low
    # "Korban meninggal dunia tercatat lima orang": an event word shortly before the number.
    for w in reversed(before.split()[-4:]):
        low = w.lower().strip(",")
        if low in lex.events:
            return low
    for w in after[:4]:
        low = w.lower()
        if low in lex.fillers:
            continue
        if (w.isalpha() and w.islower() and low not in lex.not_counts and low not in lex.units
                and low not in lex.scales and low not in lex.vague):
            return low
        break
    return None


def find_quantities(text: str, language: str = "id") -> list[tuple[Quantity, int]]:
    """Head counts in one sentence: ``(quantity with offsets into text, end of counted noun)``.

    ``sentence`` in the returned quantities is 0; the annotator sets it.
    """
    lex = _lexicon(language)
    out: list[tuple[Quantity, int]] = []
    for m in lex.pattern.finditer(text):
        raw = m.group("num").strip()
        if not raw:
            continue
        parsed = _value(raw, lex, language)
        if parsed is None or parsed[0] <= 0:
            continue
        before = text[: m.start()].rstrip()
        words_before = before.split()
        prev_raw = words_before[-1].strip("(,") if words_before else ""
        prev_word = prev_raw.lower()
        follow = (raw.lower() + text[m.end():m.end() + 30]).split()
        idiom = follow[:1] == ["satu"] and ("pun" in follow[1:3] or follow[1:2] == ["sama"])
        if prev_word == "salah" or idiom:
            continue  # "salah satu", "satu pun", "satu sama lain": idioms, not counts
        # A number right after a capitalised word (not the sentence's first) is part of a name
        # or code: "KRI Parang 647", "Pelindo 1", "BK 1200 GO".
        if (raw[:1].isdigit() and len(words_before) > 1 and prev_raw[:1].isupper()
                and not words_before[-1].endswith(",") and prev_word not in lex.qualifiers):
            continue
        if before.endswith(("+", "H -", "H-")):
            continue  # "H+4", "H-60": days around a holiday
        if (prev_word in _NOT_BEFORE or _MONEY_BEFORE.search(before)
                or before.endswith(("ke-", "#"))):
            continue
        # Clock times (10.30 WIB) and decimals with a dot before a time word are excluded below.
        after = text[m.end():]
        rest = _WORD.findall(after[:80])
        if not rest:
            continue
        head = rest[0].lower()
        noun_before = False
        if head in ("-", "/") or (
            raw[:1].isdigit() and (after[:1] in ("/", ":") or after[:2] in ("%", " %"))
        ):
            continue
        if head in ("atau", ",", ".", ")") and prev_word.isalpha() and prev_raw.islower() \
                and prev_word not in lex.not_counts and not prev_word.startswith(_VERB_PREFIXES) \
                and len(words_before) > 1 and raw.replace(".", "").isdigit() and not _is_year(raw):
            # "memperoleh suara 2.197.333 atau ...": the counted noun before the number.
            head = prev_word
            rest = [prev_raw, *rest[1:]]
            noun_before = True
        elif head in lex.not_counts or not head.isalpha() \
                or (_is_year(raw) and raw.isdigit()):
            continue
        months = load_with_default(language, "calendar").get("months", {})
        if raw.isdigit() and len(raw) <= 2 and head in months:
            continue
        if head[:1].isupper() and rest[0][:1].isupper() and raw.isdigit():
            continue
        qual = m.group("qual")
        event = _event(rest[1:], before[: len(before) - len(qual or "")] if qual else before, lex)
        kind = lex.qualifiers.get(qual.lower()) if qual else None
        if kind is None and raw.lower() in lex.vague:
            kind = "vague"
        value, high = parsed
        if high is not None:
            kind = "range"
        if kind == "exact":  # "sebanyak 20 orang": a filler word, not a qualifier
            qual, kind = None, None
        head_end = m.end() + after.find(rest[0]) + len(rest[0])
        start = m.start() if qual else m.start("num")
        if noun_before:
            start, head_end = len(before) - len(prev_raw), m.end()
        out.append((
            Quantity(
                value=value, text=text[start:head_end].strip(), start=start, end=head_end, sentence=0,
                qualifier=qual.lower() if qual else None, qualifier_kind=kind, high=high,
                counted=head, event=event,
            ),
            head_end,
        ))
    return out


def annotate_quantities(article: Article, config: Config) -> None:
    """Annotator: fill ``article.quantities`` (offsets into the body)."""
    found: list[Quantity] = []
    for index, sentence in enumerate(article.sentences):
        who = attribution(sentence.text, article.language)
        for q, _ in find_quantities(sentence.text, article.language):
            found.append(Quantity(
                value=q.value, text=q.text, start=sentence.start + q.start,
                end=sentence.start + q.end, sentence=index, qualifier=q.qualifier,
                qualifier_kind=q.qualifier_kind, high=q.high, counted=q.counted, event=q.event,
                attributed_to=who,
            ))
    article.quantities = found
