"""The pipeline, as one short sequence of stages (read top to bottom).

ingest -> language -> clean -> sentences -> annotate -> stories -> brief.  Everything up to
annotate is a pure function of one article (:func:`prepare_article`); briefs work per story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO

from . import annotate, brief, clean, ingest, text
from .config import Config
from .errors import InputError
from .model import Article, Digest, RawArticle, Skipped

ProgressHook = Callable[[str], None]


def prepare_article(raw: RawArticle, config: Config) -> Article:
    """Clean, split and annotate one raw article.  Raises InputError when nothing is left."""
    # A quick first guess picks the cleaning rules; the cleaned body decides the language.
    language = config.language or raw.language or text.detect_language(raw.text, quick=True)
    article = clean.clean_article(raw, language)
    if not config.language and not raw.language:
        # The cleaned body is a better sample than the raw dump (no menus, no promos).
        article.language = text.detect_language(article.body)
    article.sentences = text.split_sentences(article.body, article.language)
    if not article.sentences:
        raise InputError("no sentences left after cleaning")
    return annotate.annotate(article, config)


def prepare_all(
    raws: Iterable[RawArticle | Skipped],
    config: Config,
    on_item: ProgressHook | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Prepare every article; inputs that fail become ``Skipped`` entries and the run goes on."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for item in raws:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            label = item.path or item.url or item.id
            if item.id in seen:
                skipped.append(Skipped(label, f"duplicate article id {item.id!r}"))
            else:
                try:
                    articles.append(prepare_article(item, config))
                    seen[item.id] = label
                except InputError as exc:
                    skipped.append(Skipped(label, str(exc)))
        if on_item is not None:
            on_item(item.input if isinstance(item, Skipped) else item.id)
    return articles, skipped


def digest(
    inputs: Sequence[str],
    config: Config | None = None,
    stdin: BinaryIO | None = None,
    on_item: ProgressHook | None = None,
) -> Digest:
    """Read ``inputs`` (paths, folders, URLs, ``-``) and return stories with cited summaries."""
    config = config or Config()
    annotate.selected(config)  # refuse unknown annotator names before reading anything
    articles, skipped = prepare_all(ingest.read_inputs(inputs, config, stdin=stdin), config, on_item)
    stories = brief.build_stories(articles, config)
    return Digest(stories=stories, skipped=skipped, articles_read=len(articles))
