"""Recognition: the regexes of temporal expressions, built from a language's word lists.

Every shape is one regex whose outer group names its ``kind``; the tagger runs them all and keeps
the longest non-overlapping matches (on equal length, the earlier shape in the list wins).
The words come from ``lang/<code>/calendar.toml`` and ``lang/<code>/time.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ... import lang

_NUM = r"\d{1,3}(?:[.,]\d+)?"
# Abbreviated names (jan, sen, min, may ...) are only read inside a date with a day number.
_SHORT_OK = {"mei", "may"}


@dataclass(frozen=True)
class Grammar:
    """One language's compiled tagger regex plus the word tables normalization needs."""

    language: str
    # (kind, regex) in priority order: on equal length the earlier kind wins.
    regexes: tuple[tuple[str, re.Pattern[str]], ...]
    # Lower-case words an expression can start with; the regexes are only tried at those words
    # and at numbers (a scan of every position by 25 regexes would cost ~5 ms per article).
    triggers: frozenset[str]
    # kind -> the first words its shape can start with ("#" = a number).
    firsts: dict[str, frozenset[str]]
    months: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, Any]

    def lookup(self, table: str, key: str) -> Any:
        """``words[table][key]`` for a matched word, whitespace-normalized, case-folded."""
        return self.words.get(table, {}).get(" ".join(key.lower().split()))


def _alt(words: Any) -> str:
    """A regex alternation of ``words`` (longest first; spaces match any whitespace)."""
    keys = sorted({w for w in words if w}, key=len, reverse=True)
    if not keys:
        return "(?!)"
    return "|".join(r"\s+".join(re.escape(p) for p in k.split()).replace("['’]", "['’]") for k in keys)


def _g(name: str, words: Any) -> str:
    return f"(?P<{name}>{_alt(words)})"


def has_grammar(language: str) -> bool:
    """Whether ``language`` has its own time words (else dateparser serves it)."""
    return bool(lang.load_if_code(language, "time"))


@functools.cache
def grammar(language: str) -> Grammar:
    """The compiled grammar for ``language`` (falls back to English data when it has none)."""
    words = lang.load(language, "time")
    cal = lang.load(language, "calendar")
    if not words or not cal:
        language, words, cal = "en", lang.load("en", "time"), lang.load("en", "calendar")
    months: dict[str, int] = cal["months"]
    weekdays: dict[str, int] = cal["weekdays"]
    full_months = [m for m in months if len(m) >= 4 or m in _SHORT_OK]
    full_days = [d for d in weekdays if len(d) >= 4]
    w = words
    unit = _alt(w.get("units", {}))
    num = rf"(?:{_NUM}|{_alt(w.get('numbers', {}))})"
    zone = rf"(?:\s*(?:{_alt(w.get('zones', {}))}))?"
    # "pukul: 22.00 wib": a stray colon after the time word
    clock = (
        rf"(?:(?:{_alt(w.get('time_word', []))})\s*:?\s*)?\d{{1,2}}[.:]\d{{2}}"
        r"(?:\s*[ap]\.?\s?m\.?)?" + zone
    )
    clock_loose = rf"(?:{_alt(w.get('time_word', []))})\s*:?\s*\d{{1,2}}(?:\s*[ap]\.?\s?m\.?)?" + zone
    pod_words = _alt(w.get("parts_of_day", {}))
    pod = rf"(?:{pod_words})"
    # A time or part of day after a date: parsed again from the matched text by the normalizer.
    approx = rf"(?:(?:{_alt(w.get('approx', []))})\s+)?"
    tail = rf"(?P<tail>\s*,?\s*(?:{clock}|{clock_loose})(?:\s+{pod})?|\s+{pod}(?:\s*,?\s*{clock}|{zone})?)?"
    mods_last, mods_next, mods_this = w.get("last", []), w.get("next", []), w.get("this", [])
    mods = _alt([*mods_last, *mods_next, *mods_this])
    this_or_later = _alt([*mods_this, *w.get("later_today", [])])
    half = _alt(w.get("half", []))
    year_rel = rf"\s+(?:{_alt(w.get('year_word', []))})\s+(?P<yrel>{mods})"
    week_words = _alt([k for k, v in w.get("units", {}).items() if v == "W"])
    week_rel = (
        rf"(?:\s+(?:(?:{_alt(w.get('edges', {}))})\s+)?(?:{week_words})\s+"
        rf"(?P<wrel>{_alt([*mods_last, *mods_next, *mods_this])}))?"
    )
    ordinals = _alt(w.get("ordinals", {}))
    # After a name or date the "next" words include those that never stand before a unit.
    rel = rf"(?:\s+(?P<rel>{_alt([*mods_last, *mods_next, *mods_this, *w.get('next_tails', [])])}))"
    rel_pre = rf"(?:(?P<relp>{_alt([*mods_last, *mods_next, *mods_this])})\s+)"
    wd = _g("wd", full_days)
    wd_any = _g("wd", weekdays)
    mon = _g("mon", full_months)
    mon_any = _g("mon", months)
    year = r"(?P<year>(?:1[89]|20)\d{2})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    dayw = _alt(w.get("day_word", []))
    datew = _alt(w.get("date_word", []))
    monthw = _alt(w.get("month_word", []))
    yearw = _alt(w.get("year_word", []))
    edge = rf"(?:(?P<edge>{_alt(w.get('edges', {}))})\s+)?"
    one = w.get("one_prefix", "")
    one_unit = rf"(?P<one>{re.escape(one)}(?:{unit}))" if one else "(?!)"
    wd_head = rf"(?:(?:{dayw})\s+)?{wd_any}\s*,?\s*"
    # "Rabu dini hari (21/9)", "Selasa kemarin (20/9)": a part of the day or "last" word between
    # the weekday and its bracketed date.
    wd_head_mod = (
        rf"(?:(?:{dayw})\s+)?{wd_any}(?:\s+(?P<wpod>{pod_words})|\s+(?:{_alt([*mods_last, *mods_this])}))?"
        r"\s*,?\s*"
    )
    zone_word = rf"(?:{_alt(w.get('zones', {}))})"
    # Moving holidays (lang/<code>/holidays.toml): "Idul Fitri 1438 Hijriyah", "Lebaran 2017",
    # "Idulfitri 1 Syawal 1438 H", "lebaran tahun ini"; "H-2"; "hari kedua Lebaran".
    hol = lang.load(language, "holidays")
    hw = hol.get("words", {})
    hname = _g("hname", hol.get("names", {}))
    hol_years = (
        rf"(?:\s+\d{{1,2}}\s+(?:{_alt(hw.get('hijri_months', []))}))?"
        rf"(?:\s+(?P<hyear>1[34]\d\d)\s*(?:{_alt(hw.get('hijri', []))})(?!\w)|\s+{year}|{year_rel})?"
    )
    day_units = [k for k, v in w.get("units", {}).items() if v == "D"]
    hol_count = rf"(?:\d{{1,3}}|{_alt(w.get('numbers', {}))})"
    mult = r"(?:(?P<mult>\d{1,2})\s*[x×]\s*)?"
    shapes = [
        # Kamis (13/1/2022), Kamis (13/1), Kamis, 13/01/22 [pukul 10.00 WIB | pagi]
        # "pukul 21.30 WIB Jumat (12/1)", "pukul 03.00 Sabtu (13/1) dinihari": a time right before it
        rf"(?P<wdnum>(?:(?P<lead>{approx}(?:{clock}|{clock_loose}))\s+)?{wd_head_mod}\(?\s*(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})(?:\s*[/.-]\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)?{tail}{rel}?)",
        # [Kamis,] [tanggal] 13 Januari [2022] | January 13[, 2022]
        rf"(?P<dmy>(?:{wd_head}\(?\s*)?(?:(?:{datew})\s+)?{day}\s*{mon_any}\.?(?:\s*,?\s*{year}|{year_rel})?\s*\)?{tail}{rel}?)",
        rf"(?P<mdy>(?:{wd_head})?{mon_any}\.?\s+{day}(?:(?:\s*,\s*|\s+){year})?{tail}{rel}?)",
        # 13/1/2022, 13-01-22, 2022-01-13 (no weekday)
        r"(?P<numdate>(?<![\d/.])(?P<d2>\d{1,2})(?P<sep>[/.-])(?P<m2>\d{1,2})(?P=sep)(?P<y2>\d{4}|\d{2})(?![\d/]))",
        r"(?P<iso>(?<![\d-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\d]))",
        rf"(?P<weekend>(?:{_alt(w.get('weekend', []))}){rel}?)",
        # pekan lalu, tahun ini, minggu depan, akhir pekan ini, awal tahun depan; last week
        rf"(?P<relunit>{edge}(?:{rel_pre}(?P<unit>{unit})|(?P<unit2>{unit}){rel}))",
        # (13/1): only inside parentheses, elsewhere "2/3" is a fraction or a score
        r"(?P<paren>(?:(?<=\()|(?<=\(\s))\s*(?P<d4>\d{1,2})/(?P<m4>\d{1,2})\s*(?=\)))",
        # awal Januari, bulan Maret lalu, Januari 2015, May 2021
        # "Januari tahun ini", "22 Desember tahun lalu": the year named by a relative word
        rf"(?P<month>{edge}(?:(?:{monthw})\s+)?(?:{rel_pre})?{mon}(?:\s*,?\s*\(?\s*{year}(?:\s*\))?|{year_rel})?{rel}?)",
        # hari Kamis, Kamis lalu, Senin depan, Minggu pagi, last Monday, Friday morning
        # "Jumat pagi ini", "Senin malam kemarin", "Sabtu pagi lalu"; "(Minggu WIB)"
        # "Senin pekan depan", "Sabtu akhir pekan ini": the day of that name in that week
        rf"(?P<weekday>(?:(?:{dayw})\s+)?(?:{rel_pre})?{wd}{week_rel}{rel}?(?:\s*{zone_word}(?!\w)|{tail})"
        rf"(?:[ \t]+(?P<rel2>{mods}))?)",
        # kemarin, hari ini, besok, kemarin sore, yesterday morning
        # "kemarin (19/11)": the date in brackets restates the day, one expression
        rf"(?P<offset>(?P<off>{_alt(w.get('day_offsets', {}))})(?P<tail>\s+{pod})?"
        r"(?:\s*\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\))?)",
        # pagi ini / this morning
        # "nanti sore": later the same day
        rf"(?P<podrel>{pod}\s+(?:{_alt(mods_this)})|(?:{this_or_later})\s+{pod})",
        # pukul 06.18 WIB, 10:30 a.m.
        # "sekitar pukul 05.00 WIB pagi tadi"
        # "pukul 06.00 WIB tadi pagi"
        rf"(?P<clock>(?P<capprox>{approx})(?:{clock}|{clock_loose})"
        rf"(?:\s+{pod}(?:\s+(?:{_alt(mods_this)}))?|\s+(?:{_alt(mods_this)})\s+{pod})?)",
        # tiga hari lalu, dua hari kemudian, sehari sebelumnya, 10 hari, setahun, beberapa hari
        # "2 x 24 jam": a multiplied amount (a common way to give a deadline)
        # "satu setengah tahun": and a half
        rf"(?P<span>{approx}(?:{mult}(?P<n>{num}|{_alt(w.get('vague', []))})(?:\s+(?P<half>{half}))?"
        rf"\s+(?P<unit3>{unit})|{one_unit})"
        rf"(?:\s+(?P<dir>{_alt([*w.get('ago', []), *w.get('later', []), *w.get('duration_tails', [])])}))?)",
        # "satu tahun enam bulan", "9 tahun dan 6 bulan", "2 jam 30 menit" (units checked later)
        rf"(?P<span2>{approx}(?P<n>{num})\s+(?P<unit3>{unit})\s+(?:(?:{_alt(w.get('and_words', []))})\s+)?"
        rf"(?P<n2>{num})\s+(?P<unit5>{unit}))",
        rf"(?P<vdur>{_alt(w.get('vague_durations', {}))})",
        rf"(?P<every>(?:{_alt(w.get('every', []))})\s+"
        rf"(?:(?:(?P<en>\d{{1,3}}|{_alt(w.get('numbers', {}))})\s+)?(?P<eunit>{unit})(?:nya)?|{wd}"
        rf"|(?P<eday>[0-3]?\d)\s+(?P<emon>{_alt(full_months)})))",
        rf"(?P<setword>{_alt(w.get('set_words', {}))})",
        rf"(?P<quarter>(?:{_alt(w.get('quarter', []))})\s+(?P<q>IV|III|II|I|[1-4]|{ordinals})"
        rf"(?:(?:\s+|\s*-\s*)(?:(?:{yearw})\s+)?{year}"
        rf"|\s+(?:{yearw})\s+(?P<qrel>{mods}))?)",
        # "semester I 2017", "semester pertama tahun ini", "paruh kedua 2015"
        rf"(?P<semester>(?:{_alt(w.get('half_year', []))})\s+(?P<hq>II|I|[12]|{ordinals})"
        rf"(?:(?:\s+|\s*-\s*)(?:(?:{yearw})\s+)?{year}|\s+(?:{yearw})\s+(?P<srel>{mods})"
        rf"|\s+(?:{_alt(mods_this)}))?)",
        # "23 dan 24 Juni", "12 - 19 Juni 2017": a day number whose month comes with a later day
        rf"(?P<daylist>(?:(?:{datew})\s+)?(?P<ld>[0-3]?\d)"
        rf"(?=(?:\s*(?:,|-|–|{_alt(w.get('day_list_joins', []))})\s*[0-3]?\d)+\s+{mon_any}))",
        rf"(?P<season>{edge}(?:{_alt(w.get('seasons', {}))})(?:\s+{year})?)",
        rf"(?P<vdate>{_alt(w.get('vague_dates', {}))})",
        rf"(?P<mholiday>(?:(?:{dayw})\s+)?{hname}{hol_years})",
        rf"(?P<hday>(?:{_alt(hw.get('countdown', []))})\s*(?P<hsign>[-−–+])\s*(?P<hn>\d{{1,3}}))",
        rf"(?P<holoff>(?:(?P<hon>{hol_count})\s+(?:{_alt(day_units)})\s+"
        rf"(?P<hdir>{_alt([*hw.get('before', []), *hw.get('after', [])])})"
        rf"|(?:{dayw})\s+(?:ke\s*-?\s*)?(?P<hord>\d{{1,2}}|{_alt(w.get('numbers', {}))}"
        rf"|{_alt(w.get('day_ordinals', [])[:1])}))"
        rf"\s+{hname}{hol_years})",
        rf"(?P<holiday>(?:{_alt(w.get('holidays', {}))})(?:\s+{year})?)",
        # akhir tahun, awal bulan (an edge of the current unit)
        rf"(?P<edgeunit>(?P<edge2>{_alt(w.get('edges', {}))})\s+(?P<unit4>{unit}))",
        rf"(?P<present>{_alt(w.get('present', []))})",
        rf"(?P<pastword>{_alt(w.get('past_words', []))})",
        rf"(?P<pod>{_alt(w.get('bare_parts_of_day', []))})",
        rf"(?P<anaphor>{_alt(w.get('anaphoric', []))})",
        # "bulan yang sama tahun lalu": that month of the year named after it
        rf"(?P<anaunit>(?P<aunit>{_alt(w.get('anaphoric_units', {}))})(?:{year_rel})?)",
        # "malam hari sebelumnya": a part of that day, a time
        rf"(?P<anaoff>(?:(?P<apod>{pod_words})\s+)?(?:{_alt(w.get('anaphoric_offsets', {}))}))",
        # "pada tanggal 10": a day of the article's month; "tanggal 31/12": a year-less date
        rf"(?P<dayonly>(?:{datew})\s+(?P<dd>[0-3]?\d)(?:\s*/\s*(?P<mm>[01]?\d))?(?!\s*[/.-]\s*\d)(?!\s*{mon_any}))",
        # hari ketiga, hari ke-5 (of a search, a strike): a day counted within an event
        rf"(?P<nthday>(?:{dayw})\s+(?:ke-?\d{{1,2}}|{_alt(w.get('day_ordinals', []))}))",
        # 1990-an, tahun 2007, akhir 2014, 2015 (bare years are checked in the tagger)
        rf"(?P<decade>(?:(?:{yearw})\s+)?(?P<dec>(?:1[89]|20)\d)0-?an)",
        rf"(?P<yr>{edge}(?:(?P<yw>{yearw})\s+)?{year}(?:{rel})?)",
    ]
    regexes = tuple(
        (
            re.compile(r"\(\?P<(\w+)>", re.A).match(s)[1],  # type: ignore[index]
            re.compile(rf"(?<![\w@/])(?:{s})(?![\w@])", re.IGNORECASE),
        )
        for s in shapes
    )
    firsts = _firsts(words, months, weekdays)
    firsts.update(_holiday_firsts(w, hol))
    triggers = frozenset().union(*firsts.values()) - {"#"}
    return Grammar(language, regexes, triggers, firsts, months, weekdays, words)


def _first_words(*tables: Any) -> set[str]:
    out: set[str] = set()
    for table in tables:
        for item in table:
            first = re.match(r"\w+", str(item).lower())
            if first:
                out.add(first.group())
    return out


def _holiday_firsts(w: dict[str, Any], hol: dict[str, Any]) -> dict[str, frozenset[str]]:
    """First words of the moving-holiday shapes (mirrors them in :func:`grammar`)."""
    day = _first_words(w.get("day_word", []))
    names = _first_words(hol.get("names", {}))
    return {
        "mholiday": frozenset(day | names),
        "hday": frozenset(_first_words(hol.get("words", {}).get("countdown", []))),
        "holoff": frozenset(day | _first_words(w.get("numbers", {})) | {"#"}),
    }


def _firsts(w: dict[str, Any], months: dict[str, int], weekdays: dict[str, int]) -> dict[str, frozenset[str]]:
    """For each shape, the words it can begin with (mirrors the shapes in :func:`grammar`)."""
    g = w.get
    num = {"#"}
    rel = _first_words(g("last", []), g("next", []), g("this", []))
    day, wds, mons = _first_words(g("day_word", [])), _first_words(weekdays), _first_words(months)
    edges, units = _first_words(g("edges", {})), _first_words(g("units", {}))
    one = g("one_prefix", "")
    ones = {one + u for u in units} if one else set()
    table: dict[str, set[str]] = {
        "wdnum": day | wds | _first_words(g("approx", []), g("time_word", [])) | num,
        "dmy": day | wds | _first_words(g("date_word", [])) | num,
        "mdy": day | wds | mons,
        "numdate": num,
        "iso": num,
        "paren": num,
        "weekend": _first_words(g("weekend", [])),
        "relunit": edges | rel | units,
        "month": edges | _first_words(g("month_word", [])) | rel | mons,
        "weekday": day | rel | wds,
        "offset": _first_words(g("day_offsets", {})),
        "podrel": _first_words(g("parts_of_day", {}), g("later_today", [])) | rel,
        "clock": _first_words(g("approx", []), g("time_word", [])) | num,
        "span": _first_words(g("approx", []), g("numbers", {}), g("vague", [])) | ones | num,
        "span2": _first_words(g("approx", []), g("numbers", {})) | num,
        "vdur": _first_words(g("vague_durations", {})),
        "every": _first_words(g("every", [])),
        "setword": _first_words(g("set_words", {})),
        "quarter": _first_words(g("quarter", [])),
        "season": edges | _first_words(g("seasons", {})),
        "semester": _first_words(g("half_year", [])),
        "daylist": _first_words(g("date_word", [])) | num,
        "vdate": _first_words(g("vague_dates", {})),
        "holiday": _first_words(g("holidays", {})),
        "edgeunit": edges,
        "present": _first_words(g("present", [])),
        "pastword": _first_words(g("past_words", [])),
        "pod": _first_words(g("bare_parts_of_day", [])),
        "anaphor": _first_words(g("anaphoric", [])),
        "anaunit": _first_words(g("anaphoric_units", {})),
        "anaoff": _first_words(g("anaphoric_offsets", {}), g("parts_of_day", {})),
        "dayonly": _first_words(g("date_word", [])),
        "nthday": day,
        "decade": _first_words(g("year_word", [])) | num,
        "yr": edges | _first_words(g("year_word", [])) | num,
    }
    return {k: frozenset(v) for k, v in table.items()}
