"""Ingest: read inputs (files, folders, stdin, URLs) into :class:`~warta.model.RawArticle`.

STUB: the ingest helper replaces this with full readers (txt, html, jsonl/json, feeds, URLs).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..config import Config
from ..model import RawArticle, Skipped


def read_inputs(
    inputs: Sequence[str], config: Config, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | Skipped]:
    """Yield one RawArticle per article found, or one Skipped per input that cannot be used."""
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    path = os.path.join(root, name)
                    with open(path, encoding="utf-8") as fh:
                        yield RawArticle(id=path, text=fh.read(), format="txt", path=path)
        elif os.path.isfile(item):
            with open(item, encoding="utf-8") as fh:
                yield RawArticle(id=item, text=fh.read(), format="txt", path=item)
        else:
            yield Skipped(item, "no such file or directory")
