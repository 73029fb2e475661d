import pytest

from warta.config import Config
from warta.errors import ConfigError


def test_defaults_are_valid():
    Config()


@pytest.mark.parametrize(
    "values",
    [
        {"format": "pdf"},
        {"language": "Indonesian"},
        {"story_threshold": 0},
        {"story_threshold": 1.5},
        {"summary_sentences": 0},
        {"max_article_bytes": -1},
        {"url_timeout": 0},
        {"story_window_days": -1},
    ],
)
def test_bad_values_are_refused_at_construction(values):
    with pytest.raises(ConfigError):
        Config(**values)


def test_from_mapping_ignores_none_and_refuses_unknown_keys():
    assert Config.from_mapping({"format": "md", "summary_sentences": None}).summary_sentences == 5
    with pytest.raises(ConfigError, match="unknown option"):
        Config.from_mapping({"colour": "red"})


def test_with_revalidates():
    with pytest.raises(ConfigError):
        Config().with_(format="xml")


def test_store_options_are_validated():
    from warta.config import Config
    from warta.errors import ConfigError

    assert Config().db == "warta.db"
    for name in ("ingest_batch", "max_request_bytes"):
        with pytest.raises(ConfigError, match=name):
            Config(**{name: 0})


def test_annotators_must_be_a_tuple_of_names():
    assert Config(annotators=("dates",)).annotators == ("dates",)
    with pytest.raises(ConfigError):
        Config(annotators="dates")  # type: ignore[arg-type]
