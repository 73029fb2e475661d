"""Typed records passed between the pipeline stages.

Data flows one way: ``RawArticle`` (ingest) -> ``Article`` (clean + text) -> ``Story`` (stories +
brief) -> ``Digest`` (what the renderers and the JSON contract see).  Citations are created once,
where sentences are made, and carried unchanged to every output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: ``start``/``end`` are offsets into ``Article.body``."""

    text: str
    start: int
    end: int
    type: str  # PERSON | ORGANIZATION | LOCATION | EVENT | PRODUCT | MISC
    sentence: int


@dataclass(frozen=True)
class Quantity:
    """A head count in a sentence: "lebih dari 2.000 personel dikerahkan".

    ``value`` is the number (the low end for a range, whose top is ``high``); ``counted`` is the
    head noun, ``event`` the word saying what happened to it; ``attributed_to`` whom the outlet
    credits it to ("kata Tokayev").
    """

    value: float
    text: str
    start: int
    end: int
    sentence: int
    qualifier: str | None = None
    qualifier_kind: str | None = None  # approx | over | under | upto | range | vague
    high: float | None = None
    counted: str | None = None
    event: str | None = None
    attributed_to: str | None = None


@dataclass(frozen=True)
class Quote:
    """A quote: ``text`` is the quoted words as written; ``sentence`` where it starts."""

    text: str
    speaker: str | None
    direct: bool
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class TimeExpression:
    """A date/time expression found in a text, normalized against a reference date.

    ``start``/``end`` are offsets into the tagged text (``Article.body`` for articles);
    ``sentence`` indexes ``Article.sentences`` (-1 when not known).  ``type`` is a TIMEX3 type
    (DATE, TIME, DURATION, SET); ``value`` a TIMEX3-style value ("2022-01-13", "2022-W02",
    "2022-01-13TMO", "P10D", "PRESENT_REF"; "XXXX-01-13" when no year could be found).
    ``status`` is "ok", "unresolved" (no reference date) or "weekday_mismatch"; ``note`` says
    why a reading was chosen or flagged.  ``zone`` is a UTC offset ("+07:00" for WIB).
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    sentence: int = -1
    status: str = "ok"
    note: str | None = None
    zone: str | None = None


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
    # issue 6: named entities, quantities and quotes found in this article (annotate/).
    entities: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # issue 5: date/time expressions (annotate/dates/); confidence of an inferred date.
    times: list[TimeExpression] = field(default_factory=list)
    published_confidence: float | None = None


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


@dataclass(frozen=True)
class StoryEntity:
    """One entity of a story, merged across its articles."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class FactValue:
    """One outlet's value for a fact, with where it was said."""

    value: float
    text: str
    qualifier: str | None
    article: str
    sentence: int
    as_of: dt.date | None
    attributed_to: str | None


@dataclass(frozen=True)
class FactGroup:
    """Comparable values across a story: ``status`` is agree | disagree | update."""

    quantity: str
    status: str
    values: tuple[FactValue, ...]


@dataclass(frozen=True)
class StoryQuote:
    """A quote of a story, speaker resolved to a story entity name where possible."""

    speaker: str | None
    text: str
    direct: bool
    article: str
    sentence: int


@dataclass(frozen=True)
class TimelineEntry:
    """A dated happening: the text of a source sentence, cited; ``date`` is "YYYY-MM-DD",
    "YYYY-MM" or "YYYY"; ``status`` is "happened" or "planned" (future at writing time)."""

    date: str
    text: str
    status: str
    citations: tuple[Citation, ...]


@dataclass
class Story:
    """A group of articles about one event, with its brief."""

    id: str
    title: str
    language: str
    articles: list[Article]
    summary: list[SummarySentence] = field(default_factory=list)
    # issue 6: merged entities, grouped numeric facts, attributed quotes (brief/).
    entities: list[StoryEntity] = field(default_factory=list)
    facts: list[FactGroup] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    # issue 5: dated entries; why the timeline is empty (for the reader), None otherwise.
    timeline: list[TimelineEntry] = field(default_factory=list)
    timeline_note: str | None = None
    #: Near-duplicate article pairs ``(original id, copy id)``: syndicated copies and light
    #: rewrites, so later stages can count one wire report once.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    #: The topic (ongoing subject, warta.stories.topics) the story belongs to; set only when
    #: ``Config.story_topics`` asks for it.
    topic: str | None = None


def independent_sources(story: Story, citations: Sequence[Citation]) -> int:
    """How many independent sources ``citations`` stand for: cited articles that are
    near-duplicates of each other (``story.duplicates``, transitively) count once."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in story.duplicates:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return len({root(c.article) for c in citations})


@dataclass
class Digest:
    """The result of a run: stories plus every input that was skipped."""

    stories: list[Story]
    skipped: list[Skipped]
    articles_read: int = 0
