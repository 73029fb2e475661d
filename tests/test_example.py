"""The bundled example (examples/banjir, written by this project) gives the expected brief.

``examples/expected.toml`` states, per article, the metadata, the boilerplate lines that must go
and sentences that must stay whole, plus the expected grouping into stories.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from warta import Config, digest
from warta.render import digest_to_dict

REPO = Path(__file__).resolve().parent.parent
EXPECTED = tomllib.loads((REPO / "examples" / "expected.toml").read_text(encoding="utf-8"))
SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())


def _ws(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def result(request):
    old = Path.cwd()
    import os

    os.chdir(REPO)  # article ids are the paths as given, relative to the repo root
    try:
        return digest([EXPECTED["folder"]], Config())
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def by_id(result):
    return {a.id: a for s in result.stories for a in s.articles}


def test_everything_read_nothing_skipped(result):
    assert result.articles_read == EXPECTED["articles_read"]
    assert [(s.input, s.reason) for s in result.skipped] == EXPECTED["skipped"]


def test_grouping(result):
    got = sorted(sorted(a.id for a in s.articles) for s in result.stories)
    assert got == sorted(EXPECTED["grouping"])


def test_story_dates_and_sources(result):
    for want in EXPECTED["story"]:
        story = next(s for s in result.stories if len(s.articles) == want["articles"])
        dates = sorted(a.published.isoformat() for a in story.articles if a.published)
        assert (dates[0], dates[-1]) == (want["first_published"], want["last_published"])
        assert sorted({a.source for a in story.articles if a.source}) == sorted(want["sources"])


@pytest.mark.parametrize("want", EXPECTED["article"], ids=lambda w: w["id"])
def test_article_metadata(by_id, want):
    art = by_id[want["id"]]
    assert art.title == want["title"]
    assert art.source == want["source"]
    assert art.published is not None and art.published.isoformat() == want["published"]
    assert art.language == EXPECTED["language"]
    assert art.writer == want.get("writer")
    assert art.editor == want.get("editor")
    if "credited_source" in want:
        assert art.extra.get("credited_source") == want["credited_source"]
    if "dateline_place" in want:
        assert art.dateline_place == want["dateline_place"]


@pytest.mark.parametrize("want", EXPECTED["article"], ids=lambda w: w["id"])
def test_boilerplate_removed_and_body_kept(by_id, want):
    art = by_id[want["id"]]
    lines = {_ws(line) for line in art.body.split("\n")}
    for junk in want.get("boilerplate", []):
        assert _ws(junk) not in lines, f"boilerplate kept: {junk!r}"
    if "dateline" in want:
        assert not art.body.startswith(want["dateline"])
        assert any(r.reason == "dateline" for r in art.removed)
    sentences = {_ws(s.text) for s in art.sentences}
    for keep in want.get("keep", []):
        assert _ws(keep) in sentences, f"sentence not kept whole: {keep!r}"


def test_brief_is_valid_and_every_summary_sentence_is_cited(result, by_id):
    jsonschema.validate(digest_to_dict(result), SCHEMA)
    for story in result.stories:
        assert story.summary
        for s in story.summary:
            first = s.citations[0]
            assert by_id[first.article].sentences[first.sentence].text == s.text
    flood = max(result.stories, key=lambda s: len(s.articles))
    # The flood is reported by every outlet: its lead sentence must say so.
    assert max(len({c.article for c in s.citations}) for s in flood.summary) >= 3


def test_syndicated_copy_is_marked_as_near_duplicate(result):
    want = {(w["near_duplicate_of"], w["id"]) for w in EXPECTED["article"] if "near_duplicate_of" in w}
    assert want
    got = {tuple(pair) for s in result.stories for pair in s.duplicates}
    assert want <= got
