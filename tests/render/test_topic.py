import json
from importlib import resources

import jsonschema

from tests.builders import article
from warta.config import Config
from warta.model import Citation, Digest, Story, SummarySentence
from warta.render import digest_to_dict, render

SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())


def _digest(topic: str | None) -> Digest:
    a = article(["Banjir melanda Sukamaju pada Kamis pagi."], id="a", title="Banjir")
    story = Story("s1", "Banjir", "id", [a], [SummarySentence(a.sentences[0].text, (Citation("a", 0),))],
                  topic=topic)
    return Digest([story], [], articles_read=1)


def test_topic_key_in_json_only_when_set():
    with_topic = digest_to_dict(_digest("t1"))
    jsonschema.validate(with_topic, SCHEMA)
    assert with_topic["stories"][0]["topic"] == "t1"
    without = digest_to_dict(_digest(None))
    jsonschema.validate(without, SCHEMA)
    assert "topic" not in without["stories"][0]


def test_topic_not_shown_in_markdown_or_html():
    for fmt in ("md", "html"):
        assert "t1" not in render(_digest("t1"), Config(format=fmt))
