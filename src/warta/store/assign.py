"""The ONE place where the store calls story clustering.

``assign(new, state, config) -> (assignments, new_state, duplicates)``: the stateful
:class:`warta.stories.Clusterer` is loaded from the stored state blob (or started fresh), the
new articles are added in publication order, and the new state is returned for the caller to
store in the same transaction as the articles it covers.  A story's id is the clusterer's
(``story_id_of`` its seed article), so it stays stable as the story grows; ``duplicates`` maps
each story touched to its near-duplicate article pairs, for its brief.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..model import Article
from ..stories import Assignment, Clusterer, params_from_config

__all__ = ["Assignment", "assign"]


def assign(
    new: Sequence[Article], state: bytes | None, config: Config
) -> tuple[list[Assignment], bytes, dict[str, list[tuple[str, str]]]]:
    """Story assignments for ``new`` articles, the clusterer's new state, and the near-duplicate
    pairs of every story they joined.

    ``new`` is added in the order given: the caller sorts it into publication order with the
    ids the inputs gave as tie-break (not the content hashes), so that the store groups a batch
    exactly as ``warta digest`` groups the same files.
    """
    clusterer = Clusterer.from_bytes(state) if state else Clusterer(params_from_config(config))
    # A state saved under other settings keeps them: clustering must not change mid-stream.
    by_id = {x.article_id: x for x in (clusterer.add(a) for a in new)}
    touched = {x.story_id for x in by_id.values()}
    duplicates = {s.id: list(s.duplicates) for s in clusterer.stories if s.id in touched}
    return [by_id[a.id] for a in new], clusterer.to_bytes(), duplicates
