"""Every per-language data file loads and matches its schema."""

from __future__ import annotations

from importlib import resources

import pytest

from warta import lang


def _data_files() -> list[tuple[str, str]]:
    root = resources.files(lang)
    return sorted(
        (code, item.name.removesuffix(".toml"))
        for code in lang.available_languages()
        for item in root.joinpath(code).iterdir()
        if item.name.endswith(".toml")
    )


@pytest.mark.parametrize(("code", "name"), _data_files())
def test_language_file_loads_and_validates(code: str, name: str) -> None:
    lang.load.cache_clear()
    assert lang.load(code, name)


def test_cleaning_files_present_for_id_and_en() -> None:
    files = set(_data_files())
    for code in ("id", "en"):
        for name in ("boilerplate", "credits", "calendar"):
            assert (code, name) in files
