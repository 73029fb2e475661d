"""Test setup: keep every cache out of $HOME, and offer the shared-data folder to tests."""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_TMP_HOME = tempfile.mkdtemp(prefix="warta-test-home-")
os.environ["HOME"] = _TMP_HOME
os.environ["XDG_CACHE_HOME"] = os.path.join(_TMP_HOME, ".cache")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``; the test is skipped with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent (it is only beside the project on dev/CI machines)")
    return SHARED_DATA


_pg_names = itertools.count()


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL server for the module (skips when PostgreSQL is not installed)."""
    from tests.store.pgserver import pg_server

    with pg_server() as url:
        if url is None:
            pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed: `make test` installs it")
        yield url


@pytest.fixture
def pg_db(pg_url: str) -> str:
    """A fresh database on the module's PostgreSQL server."""
    import psycopg

    name = f"d{next(_pg_names)}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_url.replace("/postgres?", f"/{name}?")
