"""Entities, facts and quotes sections in JSON (contract + schema), Markdown and HTML."""

import datetime as dt
import json
from importlib import resources

import jsonschema

from tests.builders import article
from warta.annotate import annotate
from warta.brief import STORY_STAGES
from warta.config import Config
from warta.model import Digest, Story
from warta.render import digest_to_dict, render

SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())
HOSTILE = '<script>alert("x")</script>'


def _story() -> Story:
    a = annotate(article([
        "Sebanyak 2.000 tentara dikerahkan ke Almaty, kata Presiden Joko Widodo.",
        f"“Kami akan menumpas {HOSTILE} para teroris,” kata Widodo.",
    ], id="a", source="Kabar | Satu", published=dt.date(2022, 1, 6)), Config())
    b = annotate(article([
        "Sebanyak 2.500 tentara dikerahkan ke Almaty.",
    ], id="b", source="Warta", published=dt.date(2022, 1, 6)), Config())
    story = Story("s1", "Judul", "id", [a, b])
    for stage in STORY_STAGES:
        stage(story, Config())
    return story


def test_json_contract_and_schema() -> None:
    data = digest_to_dict(Digest([_story()], []))
    jsonschema.validate(data, SCHEMA)
    story = data["stories"][0]
    (fact,) = story["facts"]
    assert fact["quantity"] == "personel dikerahkan" and fact["status"] == "disagree"
    first = fact["values"][0]
    assert first == {"value": 2000, "text": "2.000 tentara", "qualifier": None, "article": "a",
                     "sentence": 0, "as_of": "2022-01-06", "attributed_to": "Joko Widodo"}
    assert {"name", "type", "aliases", "articles"} == set(story["entities"][0])
    quote = story["quotes"][0]
    assert quote["direct"] is True and quote["speaker"] == "Joko Widodo"
    assert (quote["article"], quote["sentence"]) == ("a", 1)


def test_markdown_and_html_escape_and_mark_disagreements() -> None:
    digest = Digest([_story()], [])
    md = render(digest, Config(format="md"))
    assert "### Facts" in md and "⚠ disagree" in md and "Kabar \\| Satu" in md
    html = render(digest, Config(format="html"))
    assert 'class="fact-disagree"' in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_empty_sections_are_empty_lists_and_absent_in_md() -> None:
    a = annotate(article(["hujan turun sejak pagi."], id="a"), Config())
    story = Story("s1", "Judul", "id", [a])
    for stage in STORY_STAGES:
        stage(story, Config())
    data = digest_to_dict(Digest([story], []))
    jsonschema.validate(data, SCHEMA)
    assert (data["stories"][0]["entities"], data["stories"][0]["facts"], data["stories"][0]["quotes"]) == (
        [], [], [])
    assert "### Facts" not in render(Digest([story], []), Config(format="md"))
