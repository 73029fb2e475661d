"""Typed records passed between the pipeline stages.

Data flows one way: ``RawArticle`` (ingest) -> ``Article`` (clean + text) -> ``Story`` (stories +
brief) -> ``Digest`` (what the renderers and the JSON contract see).  Citations are created once,
where sentences are made, and carried unchanged to every output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, with a one-line reason."""

    input: str
    reason: str


@dataclass
class RawArticle:
    """One article as read from an input, before cleaning.

    ``text`` is always the decoded plain text (for HTML it is what extraction produced);
    ``html`` keeps the markup when the input had it.  Metadata fields hold what the input itself
    declared (JSONL fields, HTML meta tags, feed entries); the cleaner may add more.
    """

    id: str
    text: str
    format: str  # "txt" | "html" | "jsonl" | "feed" | "url"
    path: str | None = None
    url: str | None = None
    html: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RemovedLine:
    """A line (or a prefix of one) the cleaner took out of the body, and why."""

    line: int  # 0-based index into the input text's lines
    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body; ``start``/``end`` are character offsets into ``body``."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    """A cleaned article: metadata, body text and (after the text stage) its sentences."""

    id: str
    body: str
    language: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_evidence: str | None = None
    writer: str | None = None
    editor: str | None = None
    dateline_place: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """Points to sentence ``sentence`` (an index into ``Article.sentences``) of article ``article``."""

    article: str
    sentence: int


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence: always the exact text of a source sentence, plus its citations.

    The first citation is the sentence the text was taken from; the others are sentences of other
    articles that say the same thing.
    """

    text: str
    citations: tuple[Citation, ...]


@dataclass
class Story:
    """A group of articles about one event, with its brief."""

    id: str
    title: str
    language: str
    articles: list[Article]
    summary: list[SummarySentence] = field(default_factory=list)
    #: Near-duplicate article pairs ``(original id, copy id)``: syndicated copies and light
    #: rewrites, so later stages can count one wire report once.
    duplicates: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Digest:
    """The result of a run: stories plus every input that was skipped."""

    stories: list[Story]
    skipped: list[Skipped]
    articles_read: int = 0
