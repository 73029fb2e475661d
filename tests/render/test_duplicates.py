import json
from importlib import resources

import jsonschema

from tests.builders import article
from warta.config import Config
from warta.model import Citation, Digest, Story, SummarySentence
from warta.render import digest_to_dict, render

SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())


def _digest(duplicates: list[tuple[str, str]]) -> Digest:
    a = article(["Banjir melanda Sukamaju pada Kamis pagi."], id="wire", title="Banjir")
    b = article(["Banjir melanda Sukamaju pada Kamis pagi."], id="copy<1>", title="Banjir")
    story = Story("s1", "Banjir", "id", [a, b],
                  [SummarySentence(a.sentences[0].text, (Citation("wire", 0),))],
                  duplicates=duplicates)
    return Digest([story], [], articles_read=2)


def test_duplicates_key_in_json_only_when_present():
    with_pairs = digest_to_dict(_digest([("wire", "copy<1>")]))
    jsonschema.validate(with_pairs, SCHEMA)
    assert with_pairs["stories"][0]["duplicates"] == [["wire", "copy<1>"]]
    without = digest_to_dict(_digest([]))
    jsonschema.validate(without, SCHEMA)
    assert "duplicates" not in without["stories"][0]


def test_duplicates_line_in_markdown_and_html():
    d = _digest([("wire", "copy<1>")])
    assert "Near-duplicates: [2] copies [1]" in render(d, Config(format="md"))
    html = render(d, Config(format="html"))
    assert 'class="duplicates"' in html and "[2] copies [1]" in html
    assert "Near-duplicates" not in render(_digest([]), Config(format="md"))
