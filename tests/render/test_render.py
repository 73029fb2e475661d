import datetime as dt
import json
from importlib import resources

import jsonschema
import pytest

from tests.builders import article
from warta.config import Config
from warta.model import Citation, Digest, Skipped, Story, SummarySentence
from warta.render import digest_to_dict, render

SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _digest(text: str = "Banjir melanda Sukamaju pada Kamis pagi hari ini.") -> Digest:
    a = article([text, "Warga mengungsi ke balai desa terdekat."], id="art-1",
                title="Judul <b>tebal</b>", source="Kabarnusa.com",
                published=dt.date(2022, 1, 13))
    story = Story("abc123", "Judul <b>tebal</b>", "id", [a],
                  [SummarySentence(text, (Citation("art-1", 0),))])
    return Digest([story], [Skipped("bad.bin", "binary file (not text)")], articles_read=1)


def test_json_matches_schema_and_contract():
    data = digest_to_dict(_digest())
    jsonschema.validate(data, SCHEMA)
    story = data["stories"][0]
    assert set(story) == {
        "id", "title", "language", "articles", "summary", "timeline", "entities", "facts", "quotes",
    }
    assert story["articles"][0]["published"] == "2022-01-13"
    assert story["summary"][0]["citations"] == [{"article": "art-1", "sentence": 0}]
    assert data["skipped"] == [{"input": "bad.bin", "reason": "binary file (not text)"}]
    assert story["timeline"] == []


def test_json_explain_adds_removed_lines_and_stays_valid():
    d = _digest()
    from warta.model import RemovedLine

    d.stories[0].articles[0].removed.append(RemovedLine(3, "Baca juga: x", "related link"))
    data = json.loads(render(d, Config(format="json", explain=True)))
    jsonschema.validate(data, SCHEMA)
    assert data["stories"][0]["articles"][0]["removed"][0]["reason"] == "related link"


def test_schema_rejects_a_broken_document():
    data = digest_to_dict(_digest())
    del data["stories"][0]["summary"][0]["citations"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_html_is_self_contained_and_escapes_article_text():
    page = render(_digest(HOSTILE), Config(format="html"))
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "<b>tebal</b>" not in page
    for remote in ("http://", "https://", "//cdn", "<link "):
        assert remote not in page
    # The citation marker links to the cited sentence's anchor, which exists.
    assert 'href="#abc123-1-0"' in page and 'id="abc123-1-0"' in page


def test_markdown_escapes_and_cites():
    md = render(_digest("Harga *naik* [lihat](http://x) <b>"), Config(format="md"))
    assert "\\*naik\\*" in md and "\\[lihat\\]" in md and "\\<b\\>" in md
    assert "[1:0]" in md
    assert "bad.bin: binary file (not text)" in md


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_empty_digest_renders(fmt):
    out = render(Digest([], [Skipped("x", "empty file")]), Config(format=fmt))
    assert out.strip()


def test_registered_section_appears_in_every_format_and_is_escaped(monkeypatch):
    from warta.render import sections

    section = sections.StorySection(
        key="demo",
        to_json=lambda story: [{"note": HOSTILE}],
        to_markdown=lambda story, numbers: ["### Demo", "", f"- {numbers['art-1']}"],
        to_html=lambda story, numbers: [f"<h3>Demo {numbers['art-1']}</h3>"],
    )
    monkeypatch.setattr(sections, "SECTIONS", [section])
    import warta.render.html as h
    import warta.render.json as j
    import warta.render.markdown as m

    for mod in (h, j, m):
        monkeypatch.setattr(mod, "SECTIONS", [section])
    d = _digest()
    assert json.loads(render(d, Config(format="json")))["stories"][0]["demo"][0]["note"] == HOSTILE
    assert "### Demo" in render(d, Config(format="md"))
    assert "<h3>Demo 1</h3>" in render(d, Config(format="html"))


def test_section_returning_none_leaves_the_key_out(monkeypatch):
    import warta.render.json as j
    from warta.render import sections

    section = sections.StorySection("later", lambda s: None, lambda s, n: [], lambda s, n: [])
    monkeypatch.setattr(j, "SECTIONS", [section])
    assert "later" not in json.loads(render(_digest(), Config(format="json")))["stories"][0]


def test_timeline_section_in_every_format():
    from warta.model import TimelineEntry

    d = _digest()
    story = d.stories[0]
    story.timeline = [
        TimelineEntry("2022-01-13", "Banjir <b>besar</b> terjadi.", "happened", (Citation("art-1", 0),)),
        TimelineEntry("2022-01-19", "Tanggul selesai.", "planned", (Citation("art-1", 0),)),
    ]
    data = json.loads(render(d, Config(format="json")))
    jsonschema.validate(data, SCHEMA)
    assert data["stories"][0]["timeline"][1] == {
        "date": "2022-01-19", "text": "Tanggul selesai.", "status": "planned",
        "citations": [{"article": "art-1", "sentence": 0}],
    }
    assert "published_evidence" in data["stories"][0]["articles"][0]
    md = render(d, Config(format="md"))
    assert "### Timeline" in md and "2022-01-19 (planned)" in md
    html = render(d, Config(format="html"))
    assert "<svg" in html and "Banjir &lt;b&gt;besar&lt;/b&gt;" in html and "<b>besar" not in html
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_empty_timeline_says_why():
    d = _digest()
    d.stories[0].timeline_note = "no dated sentences: the articles state no dates"
    assert "no dated sentences" in render(d, Config(format="md"))
    assert "no dated sentences" in render(d, Config(format="html"))


def test_source_count_folds_near_duplicates():
    from warta.model import independent_sources

    d = _digest()
    story = d.stories[0]
    cites = (Citation("a", 0), Citation("b", 0), Citation("c", 0))
    assert independent_sources(story, cites) == 3
    story.duplicates = [("a", "b"), ("b", "c")]
    assert independent_sources(story, cites) == 1
    story.duplicates = [("a", "b")]
    assert independent_sources(story, cites) == 2
