"""Clean: remove boilerplate lines, take metadata from credit lines, datelines and headers.

One pass over the lines of ``raw.text``.  Each non-blank line is, in this order:

1. boilerplate (a whole-line pattern of ``lang/<code>/boilerplate.toml``) -> removed;
2. a credit line (``credits.toml``: writer, editor, source, reporter initials) -> removed,
   its names kept as metadata;
3. a date header ("Sabtu, 08 Januari 2022 - 05:06 WIB") -> removed, its date kept;
4. the headline (plain-text dumps without a declared title: the first real line) -> title;
5. the headline again -> removed as "repeated headline";
6. otherwise body.  The first body paragraph loses its dateline ("JAKARTA, KOMPAS.com -"),
   which gives the place and outlet; inline links ("(Baca juga: ...)") are cut from body lines.

Every removal is a :class:`~warta.model.RemovedLine` (``--explain`` prints them); nothing is
dropped silently.  Declared metadata (``raw.title``, ``raw.source``, ``raw.published``) wins
over evidence found in the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Article, RawArticle, RemovedLine
from .credits import normalise_outlet, parse_credit_line
from .dateline import split_dateline
from .headerdate import header_date_and_prefix, sentence_date
from .lines import boilerplate_reason, cut_inline, normalise
from .rules import Rules, rules_for
from .title import looks_like_headline, title_key

__all__ = ["boilerplate_sentence", "clean_article"]


@dataclass
class _Found:
    """Metadata evidence collected while scanning the lines."""

    title: str | None = None
    writer: str | None = None
    editor: str | None = None
    source_line: str | None = None
    site: str | None = None
    dateline_outlet: str | None = None
    dateline_place: str | None = None
    header_date: dt.date | None = None
    header_text: str | None = None
    sentence_date: dt.date | None = None
    sentence_text: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def boilerplate_sentence(sentence: str, language: str) -> str | None:
    """The reason when the whole ``sentence`` is page furniture (a ``[sentences]`` pattern of
    ``boilerplate.toml``: captions, player notices, "Advertisement"), else None.  Body text
    flattened to one line keeps such sentences; summaries skip them.  (Only anchored patterns:
    this runs on every candidate sentence, the line patterns' ``.*X`` tails would cost more.)"""
    return rules_for(language).sentences.fullmatch(sentence.strip())


def clean_article(raw: RawArticle, language: str) -> Article:
    """Return the cleaned article; raise InputError when no body text is left.

    ``language`` selects the data in ``lang/<language>/`` (the shared ``en`` data is always
    applied too).  See the module docstring for the order of the checks.
    """
    rules = rules_for(language)
    found = _scan(raw, rules)
    if not found.body:
        raise InputError(
            f"empty after cleaning: no body text left ({len(found.removed)} lines removed)"
        )
    published, evidence = _publication_date(raw, found)
    source = _outlet(raw, found)
    extra = dict(raw.extra)
    credited = _credited(source, found)
    if credited:
        extra.setdefault("credited_source", credited)
    return Article(
        id=raw.id,
        body="\n".join(found.body),
        language=language,
        path=raw.path,
        url=raw.url,
        title=raw.title if raw.title else found.title,
        source=source,
        published=published,
        published_evidence=evidence,
        writer=found.writer or (raw.author.strip() if raw.author else None) or None,
        editor=found.editor,
        dateline_place=found.dateline_place,
        removed=found.removed,
        extra=extra,
    )


def _scan(raw: RawArticle, rules: Rules) -> _Found:
    found = _Found()
    removed = found.removed
    want_title = not raw.title and raw.format == "txt"
    title_keys = {title_key(raw.title)} if raw.title else set()
    title_keys.discard("")
    in_header = True  # before the first body paragraph
    dateline_tried = False
    first_paragraph = True
    for index, original in enumerate(raw.text.splitlines()):
        line = normalise(original)
        if not line:
            continue
        reason = boilerplate_reason(line, rules)
        if reason is not None:
            if reason == "footer" and found.site is None:
                found.site = site_name(line, rules)
            removed.append(RemovedLine(index, line, reason))
            continue
        if in_header and (site := site_name(line, rules)) is not None:
            found.site = found.site or site
            removed.append(RemovedLine(index, line, "site name"))
            continue
        credits = parse_credit_line(line, rules)
        if credits is not None:
            _take_credits(found, credits)
            removed.append(RemovedLine(index, line, "credit"))
            continue
        dated = header_date_and_prefix(line, rules, strict=not in_header)
        if dated is not None:
            date, prefix = dated
            if found.header_date is None:
                found.header_date, found.header_text = date, line
            if in_header and prefix and prefix.endswith(",") and found.site is None:
                found.site = normalise_outlet(prefix.rstrip(","))
            removed.append(RemovedLine(index, line, "date header"))
            continue
        if want_title:
            want_title = False
            if looks_like_headline(line, rules):
                found.title = line
                title_keys.add(title_key(line))
                removed.append(RemovedLine(index, line, "title"))
                continue
        if title_keys and title_key(line) in title_keys:
            removed.append(RemovedLine(index, line, "repeated headline"))
            continue
        in_header = False
        if not dateline_tried:
            dateline_tried = True
            dateline = split_dateline(line, rules)
            if dateline is not None:
                removed.append(RemovedLine(index, dateline.prefix, "dateline"))
                found.dateline_outlet = dateline.outlet
                found.dateline_place = dateline.place
                line = dateline.rest
                if not line:  # "Suara.com -" alone: the next line is the first paragraph
                    continue
        line, cut = cut_inline(line, rules)
        removed.extend(RemovedLine(index, text, why) for text, why in cut)
        if not line:
            continue
        if first_paragraph:
            first_paragraph = False
            hit = sentence_date(line, rules)
            if hit is not None:
                found.sentence_date, found.sentence_text = hit
        found.body.append(line)
    return found


def site_name(line: str, rules: Rules) -> str | None:
    """The site's name when ``line`` is only a site name or a copyright footer naming it."""
    for pattern in rules.sites:
        m = pattern.fullmatch(line)
        if m is not None and m.group("value"):
            return normalise_outlet(m.group("value"))
    return None


def _outlet(raw: RawArticle, found: _Found) -> str | None:
    """The publishing outlet: declared > the site's own name > dateline > "Sumber:" line.

    A syndicated copy names the wire it came from in its dateline ("SUKAMAJU (NUSARAYA) -") or a
    "Sumber: X" line; the publisher is the site (header line, copyright footer).  That credit is
    kept apart (``extra["credited_source"]``).  The site's own spelling ("KabarSukamaju.com")
    also beats the dateline's all-caps one ("KABARSUKAMAJU.COM").
    """
    if raw.source:
        return raw.source
    return found.site or found.dateline_outlet or found.source_line


def _credited(source: str | None, found: _Found) -> str | None:
    """The wire or outlet the text credits when it is not the publisher ("Sumber: Antara")."""
    for name in (found.source_line, found.dateline_outlet):
        if name and (source is None or name.lower() != source.lower()):
            return name
    return None


def _take_credits(found: _Found, credits: list[tuple[str, str | None]]) -> None:
    for kind, value in credits:
        if value is None:
            continue
        if kind == "writer" and found.writer is None:
            found.writer = value
        elif kind == "editor" and found.editor is None:
            found.editor = value
        elif kind == "source" and found.source_line is None:
            found.source_line = normalise_outlet(value)


def _publication_date(raw: RawArticle, found: _Found) -> tuple[dt.date | None, str | None]:
    if raw.published is not None:
        return raw.published, "metadata"
    if found.header_date is not None:
        return found.header_date, f"header line: {found.header_text}"
    if found.sentence_date is not None:
        return found.sentence_date, f"dateline sentence: {found.sentence_text}"
    return None, None
