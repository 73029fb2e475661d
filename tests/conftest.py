"""Test setup: keep every cache out of $HOME, and offer the shared-data folder to tests."""

from __future__ import annotations

import os
import tempfile
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
