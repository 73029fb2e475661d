"""Files and folders: walk folders in a fixed order and read each file by its extension (or,
without a known one, by what its first bytes look like)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from ..config import Config
from ..errors import InputError
from ..model import Skipped
from .common import Item, Kind, Origin, guarded, os_reason
from .decode import BINARY, bom_encoding, looks_binary
from .dispatch import check_size, read_document
from .jsonl import iter_jsonl
from .sniff import kind_for_path, sniff_kind

_HEAD = 8192


def walk(folder: str) -> Iterator[str | Skipped]:
    """Paths of the files under ``folder``, depth first, entries sorted by name (so a run is
    reproducible whatever the file system's order).  Hidden files and folders are left out;
    an unreadable subfolder yields a ``Skipped`` and the walk goes on.  Symlinked folders are
    followed once (a link cycle cannot loop)."""
    seen: set[tuple[int, int]] = set()

    def visit(path: str) -> Iterator[str | Skipped]:
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
            if key in seen:
                return
            seen.add(key)
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(path, os_reason(exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(entry.path)
            else:
                yield entry.path

    yield from visit(folder)


def _open_jsonl(path: str, origin: Origin) -> Iterator[Item]:
    """Stream a JSON Lines file: one line in memory at a time (files may hold 100k articles)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        if bom_encoding(head) in ("utf-16", "utf-32"):
            fh.seek(0)
            data = fh.read()
            yield from read_document(data, "jsonl", origin)
            return
        fh.seek(0)
        yield from iter_jsonl(fh, origin)


def read_file(path: str, config: Config) -> Iterator[Item]:
    """Yield the articles of one file.  Raises ``InputError``/``OSError`` when it cannot be used
    (the caller turns those into a ``Skipped``)."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    if info.st_size == 0:
        raise InputError("empty file")
    origin = Origin(label=path, path=path)
    kind: Kind | None = kind_for_path(path)
    if kind is None:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
        if looks_binary(head) and bom_encoding(head) is None:
            raise InputError(BINARY)
        kind = sniff_kind(head)
    # Size before reading: a 5 GB log dropped in a folder must not be loaded to learn it is big.
    check_size(info.st_size, kind, config, "file")
    if kind == "jsonl":
        yield from _open_jsonl(path, origin)
        return
    with open(path, "rb") as fh:
        data = fh.read()
    yield from read_document(data, kind, origin)


def read_path(item: str, config: Config) -> Iterator[Item]:
    """Yield the articles of a file, or of every file under a folder."""
    if os.path.isdir(item):
        for entry in walk(item):
            if isinstance(entry, Skipped):
                yield entry
            else:
                yield from guarded(entry, read_file(entry, config))
    else:
        yield from guarded(item, read_file(item, config))
