"""Ingest: read inputs (files, folders, stdin, URLs) into :class:`~warta.model.RawArticle`.

Each input yields its articles, or one :class:`~warta.model.Skipped` with a one-line reason
when it cannot be used; nothing an input contains stops the run.  Readers by kind:

* ``.txt`` and unknown text files: the whole text is one article (the cleaner finds the title);
* ``.html``/``.htm``: main text and metadata extracted with trafilatura;
* ``.jsonl``/``.json``: one article per object (``text`` or ``html`` plus metadata fields);
* RSS/Atom feeds (``.xml``/``.rss``/``.atom``): one article per entry;
* ``http(s)://`` URLs: fetched and read by content type; ``-``: stdin, sniffed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..config import Config
from ..model import RawArticle, Skipped
from .common import guarded
from .files import read_path
from .stdin import STDIN, read_stdin
from .url import is_url, read_url

__all__ = ["read_inputs"]


def read_inputs(
    inputs: Sequence[str], config: Config, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | Skipped]:
    """Yield one RawArticle per article found, or one Skipped per input that cannot be used.

    ``inputs`` are file paths, folders (read recursively in sorted order, hidden entries left
    out), ``http(s)://`` URLs and ``-`` for ``stdin`` (default ``sys.stdin.buffer``).  Articles
    come out in input order, lazily: a 100k-line JSONL file is never held in memory.
    """
    for item in inputs:
        if item == STDIN:
            yield from guarded(item, read_stdin(stdin, config))
        elif is_url(item):
            yield from guarded(item, read_url(item, config))
        else:
            yield from read_path(item, config)
