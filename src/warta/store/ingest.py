"""Incremental ingest into a store: prepare new articles, assign them to stories, re-brief only
the stories that changed, and commit per batch (a crash loses at most the open batch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..brief import build_story
from ..config import Config
from ..errors import InputError
from ..model import Article, Digest, RawArticle, Skipped, Story
from ..pipeline import prepare_article
from ..render.json import story_to_dict
from ..render.markdown import render_markdown
from .assign import assign
from .base import Store, StoredArticle, StoredStory
from .ids import content_id


@dataclass
class IngestReport:
    """What one ingest did."""

    stored: list[str] = field(default_factory=list)
    #: (input label, content id) of articles that were already stored or repeated in the run.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)


def stored_story(story: Story, config: Config) -> StoredStory:
    """The stored form of a story's brief."""
    dates = sorted(a.published.isoformat() for a in story.articles if a.published)
    md = render_markdown(Digest([story], [], len(story.articles)), config.with_(explain=False))
    return StoredStory(
        id=story.id,
        title=story.title,
        data=story_to_dict(story),
        markdown=md,
        n_articles=len(story.articles),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        search_text=" ".join(s.text for s in story.summary),
    )


def _flush(store: Store, pending: list[tuple[Article, str, str]], config: Config,
           report: IngestReport) -> None:
    """Store one batch in one transaction (the dedup check is repeated inside it: another
    writer may have stored the same article meanwhile)."""
    if not pending:
        return
    with store.transaction():
        known = store.known_ids([a.id for a, _, _ in pending])
        report.duplicates += [(label, a.id) for a, _, label in pending if a.id in known]
        fresh = [(a, alias) for a, alias, _ in pending if a.id not in known]
        if not fresh:
            return
        # Publication order, ties by the id the input gave (see assign.py).
        fresh.sort(key=lambda pair: (pair[0].published or dt.date.max, pair[1]))
        new = [a for a, _ in fresh]
        assignments, state, duplicates = assign(new, store.load_state(), config)
        story_of = {x.article_id: x.story_id for x in assignments}
        joined: dict[str, list[Article]] = {}
        for a in new:
            joined.setdefault(story_of[a.id], []).append(a)
        stories = [
            stored_story(
                build_story([*store.story_articles(sid), *members], config, sid,
                            duplicates=duplicates.get(sid, ())),
                config,
            )
            for sid, members in sorted(joined.items())
        ]
        store.commit_batch([StoredArticle(a, alias, story_of[a.id]) for a, alias in fresh],
                           stories, state)
    report.stored += [a.id for a in new]
    report.stories |= set(joined)


def ingest(
    store: Store,
    items: Iterable[RawArticle | Skipped],
    config: Config,
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Store every new article of ``items``; known ones (same content hash) are reported as
    duplicates without being prepared again."""
    report = IngestReport()
    pending: list[tuple[Article, str, str]] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            label = item.path or item.url or item.id
            cid = content_id(item)
            if cid in seen or store.known_ids([cid]):
                report.duplicates.append((label, cid))
            else:
                seen.add(cid)
                try:
                    article = prepare_article(dataclasses.replace(item, id=cid), config)
                    pending.append((article, item.id, label))
                except InputError as exc:
                    report.skipped.append(Skipped(label, str(exc)))
        if on_item is not None:
            on_item(item.input if isinstance(item, Skipped) else item.id)
        if len(pending) >= config.ingest_batch:
            _flush(store, pending, config, report)
            pending = []
    _flush(store, pending, config, report)
    return report
