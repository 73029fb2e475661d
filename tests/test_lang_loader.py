import pytest

from warta import lang
from warta.errors import LanguageDataError


def test_every_language_file_validates():
    from importlib import resources

    root = resources.files("warta.lang")
    found = 0
    for code in lang.available_languages():
        for f in root.joinpath(code).iterdir():
            if f.name.endswith(".toml"):
                name = f.name[: -len(".toml")]
                assert name in lang.SCHEMAS, f"lang/{code}/{f.name} has no schema"
                lang.load(code, name)
                found += 1
    assert found > 0


def test_missing_file_is_empty_and_unknown_kind_refused():
    assert lang.load("xx", "stopwords") == {}
    with pytest.raises(LanguageDataError):
        lang.load("id", "no-such-kind")
    with pytest.raises(LanguageDataError):
        lang.load("../etc", "stopwords")


def test_validate_rejects_wrong_types_unknown_keys_and_bad_regex():
    schema = {"patterns": ("dict[str,list[regex]]", True), "words": ("list[str]", False)}
    ok = lang.validate({"patterns": {"promo": ["^baca juga"]}}, schema, "t")
    assert ok["patterns"]["promo"][0].match("Baca juga: x")
    for bad in (
        {},
        {"patterns": {"promo": "^x"}},
        {"patterns": {"promo": ["("]}},
        {"patterns": {}, "extra": 1},
        {"patterns": {}, "words": [1, 2]},
    ):
        with pytest.raises(LanguageDataError):
            lang.validate(bad, schema, "t")


def test_load_if_code_is_empty_for_what_is_no_language_code() -> None:
    from warta import lang

    for code in ("", None, "zh-Hant", "und-x", "ID"):
        assert lang.load_if_code(code, "time") == {}
    assert lang.load_if_code("id", "time") == lang.load("id", "time")
    assert lang.load_if_code("xx", "time") == {}  # a code without a folder: the file is absent
