"""Fixtures of the distributed tests: one local Dask cluster per module (PostgreSQL: the root
conftest's ``pg_url`` / ``pg_db``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from warta.distributed.cluster import ClusterSpec, open_client


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One local cluster of 2 worker processes for the module (starting one takes seconds)."""
    with open_client(ClusterSpec(workers=2, memory_limit="1GiB")) as c:
        yield c
