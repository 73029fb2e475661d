"""Incremental ingest into a store: prepare new articles, assign them to stories, re-brief only
the stories that changed, and commit per batch (a crash loses at most the open batch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..brief import build_story
from ..config import Config
from ..errors import InputError
from ..model import Article, Digest, RawArticle, Skipped, Story
from ..pipeline import prepare_article
from ..render.json import story_to_dict
from ..render.markdown import render_markdown
from .assign import ClustererCache, assign
from .base import Store, StoredArticle, StoredStory
from .ids import content_id
from .search import story_stems


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
    stored = StoredStory(
        id=story.id,
        title=story.title,
        data=story_to_dict(story),
        markdown=md,
        n_articles=len(story.articles),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        search_text=" ".join(s.text for s in story.summary),
    )
    # Its search stems now, with the brief (on a worker in a distributed ingest), not in the
    # store's sequential commit.
    return dataclasses.replace(stored, stems=story_stems(stored))


class WithFeatures(NamedTuple):
    """A prepared article with the rest of its per-article work already done where it was
    prepared (the distributed ingest's workers), so the client's sequential part skips it: its
    clustering features, pickled (:func:`warta.store.assign.features_blob`), and its search
    stems (:func:`warta.store.search.stems_text`)."""

    article: Article
    features: bytes
    stems: str


#: Prepares raw articles (already given their content id), yielding in input order an Article
#: (or one :class:`WithFeatures`) or the reason it was skipped: :func:`prepare_each` here, Dask
#: tasks in ``warta.distributed``.
PrepareMany = Callable[[Iterable[RawArticle]], Iterable[Article | WithFeatures | str]]
#: One article of the open batch: the article, the id its input gave, its label, and what was
#: precomputed for it (or None).
Pending = tuple[Article, str, str, WithFeatures | None]
#: The story briefs of ``(story id, its articles, its near-duplicate pairs)``, in that order.
BriefMany = Callable[[list[tuple[str, list[Article], list[tuple[str, str]]]]], list[StoredStory]]


def prepare_each(raws: Iterable[RawArticle], config: Config) -> Iterator[Article | str]:
    """The single-process :data:`PrepareMany`."""
    for raw in raws:
        try:
            yield prepare_article(raw, config)
        except InputError as exc:
            yield str(exc)


def brief_each(work: Sequence[tuple[str, list[Article], list[tuple[str, str]]]],
               config: Config) -> list[StoredStory]:
    """The single-process :data:`BriefMany` (also the body of the distributed brief task)."""
    return [stored_story(build_story(members, config, sid, duplicates=dups), config)
            for sid, members, dups in work]


def _flush(store: Store, pending: list[Pending], config: Config,
           report: IngestReport, brief: BriefMany | None = None,
           cache: ClustererCache | None = None) -> None:
    """Store one batch in one transaction (the dedup check is repeated inside it: another
    writer may have stored the same article meanwhile)."""
    if not pending:
        return
    with store.transaction():
        known = store.known_ids([a.id for a, _, _, _ in pending])
        report.duplicates += [(label, a.id) for a, _, label, _ in pending if a.id in known]
        fresh = [(a, alias) for a, alias, _, _ in pending if a.id not in known]
        stems = {a.id: w.stems for a, _, _, w in pending if w is not None}
        if not fresh:
            return
        # Publication order, ties by the id the input gave (see assign.py).
        fresh.sort(key=lambda pair: (pair[0].published or dt.date.max, pair[1]))
        new = [a for a, _ in fresh]
        features = {a.id: w.features for a, _, _, w in pending if w is not None}
        assignments, state, duplicates = assign(new, store.load_state(), config, features, cache)
        del features
        story_of = {x.article_id: x.story_id for x in assignments}
        joined: dict[str, list[Article]] = {}
        for a in new:
            joined.setdefault(story_of[a.id], []).append(a)
        work = [(sid, [*store.story_articles(sid), *members], list(duplicates.get(sid, ())))
                for sid, members in sorted(joined.items())]
        stories = brief(work) if brief is not None else brief_each(work, config)
        store.commit_batch([StoredArticle(a, alias, story_of[a.id], stems.get(a.id))
                            for a, alias in fresh],
                           stories, state)
    if cache is not None:
        cache.confirm()
    report.stored += [a.id for a in new]
    report.stories |= set(joined)


def ingest(
    store: Store,
    items: Iterable[RawArticle | Skipped],
    config: Config,
    on_item: Callable[[str], None] | None = None,
    *,
    prepare: PrepareMany | None = None,
    brief: BriefMany | None = None,
) -> IngestReport:
    """Store every new article of ``items``; known ones (same content hash) are reported as
    duplicates without being prepared again.

    ``prepare`` and ``brief`` replace the single-process preparation and re-briefing (the
    distributed ingest runs them as Dask tasks); the store writes stay here, in this process,
    batch by batch in input order, so the result is the same either way.
    """
    report = IngestReport()
    pending: list[Pending] = []
    seen: set[str] = set()  # content ids sent to prepare and not committed yet (or skipped)
    cache = ClustererCache()
    sent: deque[tuple[str, str]] = deque()  # (alias, label) of each article sent to prepare

    def fresh() -> Iterator[RawArticle]:
        for item in items:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                if on_item is not None:
                    on_item(item.input)
                continue
            label = item.path or item.url or item.id
            cid = content_id(item)
            if cid in seen or store.known_ids([cid]):
                report.duplicates.append((label, cid))
                if on_item is not None:
                    on_item(item.id)
                continue
            seen.add(cid)
            sent.append((item.id, label))
            yield dataclasses.replace(item, id=cid)

    prepared = prepare(fresh()) if prepare is not None else prepare_each(fresh(), config)
    for result in prepared:
        alias, label = sent.popleft()
        if isinstance(result, str):
            report.skipped.append(Skipped(label, result))
        elif isinstance(result, WithFeatures):
            pending.append((result.article, alias, label, result))
        else:
            pending.append((result, alias, label, None))
        if on_item is not None:
            on_item(alias)
        if len(pending) >= config.ingest_batch:
            _flush(store, pending, config, report, brief, cache)
            # Committed now (or found stored): known_ids answers for them from here on, so the
            # set does not grow with the stream.
            seen.difference_update(a.id for a, _, _, _ in pending)
            pending = []
    _flush(store, pending, config, report, brief, cache)
    return report
