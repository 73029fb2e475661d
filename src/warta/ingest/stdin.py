"""``-``: read standard input, sniffing what it holds (JSONL is streamed line by line)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..config import Config
from ..errors import InputError
from .common import Item, Origin, too_large
from .decode import bom_encoding
from .dispatch import check_size, read_document
from .jsonl import iter_jsonl
from .sniff import sniff_kind

STDIN = "-"
_HEAD = 1 << 16


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, without holding it all."""
    *complete, partial = head.split(b"\n")
    yield from complete
    yield partial + stream.readline()
    yield from stream


def read_stdin(stream: BinaryIO | None, config: Config) -> Iterator[Item]:
    """Yield the articles on standard input (``stream``, else ``sys.stdin.buffer``)."""
    stream = stream if stream is not None else sys.stdin.buffer
    origin = Origin(label=STDIN)
    head = stream.read(_HEAD)
    if not head or head.isspace():
        raise InputError("empty input")
    kind = sniff_kind(head)
    if kind == "jsonl" and bom_encoding(head) in (None, "utf-8-sig"):
        yield from iter_jsonl(_lines(head, stream), origin)
        return
    data = head + stream.read(config.max_file_bytes + 1 - len(head))
    if len(data) > config.max_file_bytes:
        raise InputError(too_large(len(data), config.max_file_bytes, "max_file_bytes", "input"))
    check_size(len(data), kind, config, "input")
    yield from read_document(data, kind, origin)
