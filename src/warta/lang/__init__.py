"""Per-language data (stopwords, abbreviations, boilerplate patterns, ...), loaded lazily.

Files live in ``lang/<code>/<name>.toml``.  Each ``<name>`` has a schema in :data:`SCHEMAS`;
every file is validated when first loaded (and by a test over all files).  Adding a language is
adding a folder with files; a language without a file of some kind falls back to ``DEFAULT``
for that kind, or to an empty value where the schema allows it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

from ..errors import LanguageDataError

DEFAULT = "en"

#: name -> {key: (type, required)}.  Types: "str", "list[str]", "list[regex]", "dict[str,str]",
#: "dict[str,int]", "dict[str,list[str]]".
SCHEMAS: dict[str, dict[str, tuple[str, bool]]] = {
    "boilerplate": {
        # Each key is a removal reason; values are regexes matched against a whole stripped line.
        "patterns": ("dict[str,list[regex]]", True),
        # Same, but searched inside a line; the match is cut out (e.g. "(Baca juga: ...)").
        "inline": ("dict[str,list[regex]]", False),
        # Matched against a whole sentence: furniture glued into running text (summaries skip it).
        "sentences": ("dict[str,list[regex]]", False),
    },
    "credits": {
        # Lines that carry metadata: writer, editor, source (a named group ``value``).
        "writer": ("list[regex]", False),
        "editor": ("list[regex]", False),
        "source": ("list[regex]", False),
        "dateline": ("list[regex]", False),
        "initials": ("list[regex]", False),
        # The publishing site's name: a header line that is only the site ("DetakPriangan.id"),
        # a copyright footer ("© 2022 Warta Margaluyu. ..."); named group ``value``.
        "site": ("list[regex]", False),
    },
    "abbreviations": {
        # Tokens (without the final dot) after which a dot does not end a sentence.
        "abbreviations": ("list[str]", True),
        # Abbreviations that may end a sentence when the next word is capitalised.
        "sentence_final": ("list[str]", False),
    },
    "stopwords": {"stopwords": ("list[str]", True)},
    "language_hints": {
        # Lower-case words frequent in this language but rare in languages it is confused with.
        "markers": ("list[str]", True),
        # Confusable language code -> lower-case words that mark that language instead.
        "rivals": ("dict[str,list[str]]", False),
    },
    "calendar": {
        "months": ("dict[str,int]", True),
        "weekdays": ("dict[str,int]", True),
    },
    # Temporal expression words for annotate/dates (see lang/id/time.toml for what each means).
    "time": {
        **{k: ("dict[str,int]", False) for k in ("day_offsets", "numbers", "ordinals", "anaphoric_offsets")},
        **{k: ("dict[str,str]", False) for k in (
            "units", "vague_durations", "edges", "parts_of_day", "zones", "seasons", "vague_dates",
            "holidays", "set_words", "anaphoric_units")},
        **{k: ("list[str]", False) for k in (
            "present", "anaphoric", "vague", "ago", "later", "this", "last", "next", "day_word",
            "month_word", "year_word", "date_word", "time_word", "approx", "weekend", "every",
            "quarter", "future_markers", "count_nouns", "year_context", "chained",
            "duration_tails", "count_context", "day_ordinals", "clause_links", "place_before_day",
            "past_words", "past_word_leads", "bare_parts_of_day",
            "next_tails", "not_durations", "and_words", "document_number",
            "period_words", "signalled_parts_of_day", "part_of_day_signals", "previous_night",
            "later_today", "last_night", "night_duration_leads", "half", "half_year", "not_set_leads",
            "day_list_joins", "bare_half_year")},
        "one_prefix": ("str", False),
    },
    # Holidays with moving dates for annotate/dates (lang/id/holidays.toml): name -> key, key ->
    # per-year dates (with their source in the file), Easter-based feasts -> day offset.
    "holidays": {
        "names": ("dict[str,str]", True),
        "dates": ("dict[str,list[str]]", False),
        "easter": ("dict[str,int]", False),
        "words": ("dict[str,list[str]]", False),
    },
    # Named entities (issue 6): lower-case cue words used as tagger features and by the merger.
    "entities": {
        "person_titles": ("list[str]", True),
        "org_words": ("list[str]", False),
        "place_words": ("list[str]", False),
        # Words that end a place name ("Jawa Barat"): never the start of a person's name.
        "place_suffixes": ("list[str]", False),
    },
    # Quantities (issue 6): number words -> value, scale words ("juta") -> multiplier,
    # vague amounts ("ribuan") -> a representative value, qualifier phrases -> kind.
    "numbers": {
        "units": ("dict[str,int]", True),
        "scales": ("dict[str,int]", False),
        "vague": ("dict[str,int]", False),
        "qualifiers": ("dict[str,str]", False),
        # Head nouns that are never head counts (years, ages, money, time, measures).
        "not_counts": ("list[str]", False),
        # Words between a number's noun and its event to skip ("2 warga yang hanyut").
        "fillers": ("list[str]", False),
        # Head nouns and event words -> a shared form, so outlets' wordings group together.
        "heads": ("dict[str,str]", False),
        "events": ("dict[str,str]", False),
    },
    # Speech verbs (issue 6): verbs that introduce or close a quote; "according to" words.
    "speech": {
        "verbs": ("list[str]", True),
        "according": ("list[str]", False),
        "that": ("list[str]", False),
        "adverbs": ("list[str]", False),
        "indirect_adverbs": ("list[str]", False),
        "locatives": ("list[str]", False),
        "pronouns": ("list[str]", False),
        "plural_pronouns": ("list[str]", False),
        "subject_first_prefixes": ("list[str]", False),
        "fillers": ("list[str]", False),
        "not_names": ("list[str]", False),
        "name_titles": ("list[str]", False),
        "inner_name_titles": ("list[str]", False),
        "name_particles": ("list[str]", False),
        "agents": ("list[str]", False),
        "parties": ("list[str]", False),
    },
}

_CODE = re.compile(r"^[a-z]{2,3}$")


def available_languages() -> list[str]:
    """Codes of the languages that have a data folder."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and _CODE.match(p.name))


@functools.cache
def load(language: str, name: str) -> dict[str, Any]:
    """Load and validate ``lang/<language>/<name>.toml``; ``{}`` when that file does not exist.

    Regex values are returned compiled (case-insensitive unless the pattern says otherwise).
    """
    if name not in SCHEMAS:
        raise LanguageDataError(f"no schema for language data {name!r}")
    if not _CODE.match(language):
        raise LanguageDataError(f"bad language code {language!r}")
    path = resources.files(__name__).joinpath(language, f"{name}.toml")
    if not path.is_file():
        return {}
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LanguageDataError(f"lang/{language}/{name}.toml: {exc}") from exc
    return validate(raw, SCHEMAS[name], where=f"lang/{language}/{name}.toml")


def load_if_code(language: str | None, name: str) -> dict[str, Any]:
    """Like :func:`load`, but ``{}`` for a missing or malformed code ("", "und", "zh-Hant")
    instead of an error: for callers that serve whatever language an article claims."""
    return load(language, name) if language and _CODE.match(language) else {}


def load_with_default(language: str, name: str) -> dict[str, Any]:
    """Like :func:`load`, falling back to the default language when the file is absent."""
    data = load(language, name)
    return data if data else load(DEFAULT, name)


def validate(raw: dict[str, Any], schema: dict[str, tuple[str, bool]], where: str) -> dict[str, Any]:
    """Check ``raw`` against ``schema``; return it with regexes compiled."""
    out: dict[str, Any] = {}
    for key in raw:
        if key not in schema:
            raise LanguageDataError(f"{where}: unknown key {key!r}")
    for key, (kind, required) in schema.items():
        if key not in raw:
            if required:
                raise LanguageDataError(f"{where}: missing key {key!r}")
            continue
        out[key] = _check(raw[key], kind, f"{where}: {key}")
    return out


def _check(value: Any, kind: str, where: str) -> Any:
    if kind == "str":
        if not isinstance(value, str):
            raise LanguageDataError(f"{where} must be a string")
        return value
    if kind in ("list[str]", "list[regex]"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LanguageDataError(f"{where} must be a list of strings")
        return [_regex(v, where) for v in value] if kind == "list[regex]" else list(value)
    if kind.startswith("dict[str,"):
        if not isinstance(value, dict):
            raise LanguageDataError(f"{where} must be a table")
        inner = kind[len("dict[str,") : -1]
        if inner == "int":
            if not all(isinstance(v, int) for v in value.values()):
                raise LanguageDataError(f"{where} values must be integers")
            return dict(value)
        return {k: _check(v, inner, f"{where}.{k}") for k, v in value.items()}
    raise LanguageDataError(f"{where}: unknown schema type {kind}")


def _regex(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE | re.UNICODE)
    except re.error as exc:
        raise LanguageDataError(f"{where}: bad regex {pattern!r}: {exc}") from exc
