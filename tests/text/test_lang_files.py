"""The text stage's language data files load and validate."""

from __future__ import annotations

import pytest

from warta import lang


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("id", "abbreviations"),
        ("en", "abbreviations"),
        ("id", "stopwords"),
        ("en", "stopwords"),
        ("id", "language_hints"),
    ],
)
def test_file_validates(code: str, name: str) -> None:
    lang.load.cache_clear()
    data = lang.load(code, name)
    assert data, f"lang/{code}/{name}.toml is missing or empty"


def test_abbreviations_are_bare_and_final_ones_are_listed() -> None:
    for code in ("id", "en"):
        data = lang.load(code, "abbreviations")
        assert all(a and "." not in a and " " not in a for a in data["abbreviations"])
        assert set(data.get("sentence_final", [])) <= set(data["abbreviations"])


def test_stopwords_are_lower_case_words() -> None:
    for code in ("id", "en"):
        words = lang.load(code, "stopwords")["stopwords"]
        assert len(words) > 100
        assert all(w == w.lower() == w.strip() and w for w in words)
        assert len(words) == len(set(words))


def test_language_hints_do_not_overlap() -> None:
    hints = lang.load("id", "language_hints")
    for words in hints["rivals"].values():
        assert not set(words) & set(hints["markers"])
        assert all(w == w.lower() and " " not in w for w in words)
