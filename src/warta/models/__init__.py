"""Small model files shipped with Warta (each with a card: data, license, score, rebuild command)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path


@contextlib.contextmanager
def model_file(name: str, override: Path | None = None) -> Iterator[Path]:
    """The path of the shipped model file ``name``, or ``override`` when one is set (tests and
    benchmarks swap models this way); a real file for as long as the context lasts."""
    if override is not None:
        yield override
        return
    with resources.as_file(resources.files(__name__).joinpath(name)) as path:
        yield path
