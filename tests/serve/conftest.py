"""Shared fixtures: a store filled from examples/banjir (built once per session, copied)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warta.config import Config
from warta.ingest import read_inputs
from warta.store import ingest, open_store

REPO = Path(__file__).resolve().parents[2]

pytest.importorskip("fastapi", reason="needs the serve extra: pip install 'warta[serve]'")


@pytest.fixture(scope="session")
def example_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tmpl") / "banjir.db"
    config = Config()
    store = open_store(str(path), config)
    ingest(store, read_inputs([str(REPO / "examples" / "banjir")], config), config)
    store.close()
    return path


@pytest.fixture
def example_db(example_db_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "banjir.db"
    shutil.copy(example_db_template, target)
    for suffix in ("-wal", "-shm"):
        side = Path(str(example_db_template) + suffix)
        if side.exists():
            shutil.copy(side, str(target) + suffix)
    return str(target)
