"""Fixtures of the distributed tests: one local Dask cluster and one PostgreSQL server per module."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from tests.store.pgserver import pg_server
from warta.distributed.cluster import ClusterSpec, open_client

_names = itertools.count()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One local cluster of 2 worker processes for the module (starting one takes seconds)."""
    with open_client(ClusterSpec(workers=2, memory_limit="1GiB")) as c:
        yield c


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL server (skips when PostgreSQL is not installed)."""
    with pg_server() as url:
        if url is None:
            pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed: `make test` installs it")
        yield url


@pytest.fixture
def pg_db(pg_url: str) -> str:
    """A fresh database on the module's server."""
    import psycopg

    name = f"d{next(_names)}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_url.replace("/postgres?", f"/{name}?")
