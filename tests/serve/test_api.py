"""The HTTP API in-process: reads, auth, limits, the one error shape, idempotent re-ingest."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warta.config import Config
from warta.store import open_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "post-1",
    "title": "Gempa guncang Cianjur",
    "published": "2024-05-02",
    "text": "Gempa berkekuatan 5,6 magnitudo mengguncang Kabupaten Cianjur pada Senin siang. "
            "Ratusan rumah rusak dan ribuan warga mengungsi ke tenda darurat. "
            "BMKG menyebut pusat gempa berada di darat.",
}


def client(db: str, token: str | None = TOKEN, **config: Any) -> TestClient:
    from warta.serve import create_app

    cfg = Config(db=db, **config)
    return TestClient(create_app(open_store(db, cfg), cfg, token=token),
                      raise_server_exceptions=False)


def assert_error(resp: Any, status: int, code: str | None = None) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


def test_story_list_and_story(example_db: str) -> None:
    c = client(example_db)
    listing = c.get("/stories").json()
    assert listing["total"] == 2 and listing["page"] == 1
    sid = listing["stories"][0]["id"]
    story = c.get(f"/stories/{sid}").json()
    assert story["id"] == sid and story["summary"] and story["articles"]
    assert c.get(f"/stories/{sid}.json").json() == story
    md = c.get(f"/stories/{sid}.md")
    assert md.headers["content-type"].startswith("text/markdown") and "### Summary" in md.text
    page = c.get(f"/stories/{sid}.html")
    assert "Content-Security-Policy" in page.headers and 'class="cite"' in page.text
    assert c.get("/stories", params={"q": "pengungsi"}).json()["total"] >= 1
    assert c.get("/stories", params={"q": "kebakaran"}).json()["total"] == 1
    assert c.get("/stories", params={"page": 5}).json()["stories"] == []
    home = c.get("/", params={"q": "banjir"})
    assert home.status_code == 200 and "story-link" in home.text


def test_story_matches_the_digest_contract(example_db: str) -> None:
    from importlib import resources

    import jsonschema

    from warta import SCHEMA_VERSION, __version__

    schema = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())
    c = client(example_db)
    stories = [c.get(f"/stories/{s['id']}").json() for s in c.get("/stories").json()["stories"]]
    jsonschema.validate({"warta_version": __version__, "schema_version": SCHEMA_VERSION,
                         "stories": stories, "skipped": []}, schema)


def test_article_by_alias_and_content_id(example_db: str) -> None:
    c = client(example_db)
    story = c.get(f"/stories/{c.get('/stories').json()['stories'][0]['id']}").json()
    art_id = story["articles"][0]["id"]
    art = c.get(f"/articles/{art_id}").json()
    assert art["id"] == art_id and art["story"] == story["id"]
    assert c.get(f"/articles/{art['alias']}").json()["id"] == art_id


def test_errors_share_one_shape(example_db: str) -> None:
    c = client(example_db)
    assert_error(c.get("/stories/nope"), 404, "not_found")
    assert_error(c.get("/stories/nope.md"), 404)
    assert_error(c.get("/stories/nope.html"), 404)
    assert_error(c.get("/articles/nope"), 404)
    assert_error(c.get("/no/such/route"), 404)
    assert_error(c.delete("/stories"), 405, "method_not_allowed")
    assert_error(c.get("/stories", params={"page": "x"}), 422)
    assert_error(c.get("/stories", params={"page": 0}), 422)


def test_writes_need_the_token(example_db: str) -> None:
    c = client(example_db)
    assert_error(c.post("/articles", json=ARTICLE), 401, "unauthorized")
    assert_error(c.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(c.post("/articles", json=ARTICLE, headers={"Authorization": TOKEN}), 401)
    # No token configured: writes are refused, never open.
    for token in (None, ""):
        open_client = client(example_db, token=token)
        assert_error(open_client.post("/articles", json=ARTICLE, headers=AUTH), 403, "writes_disabled")
        assert_error(open_client.post("/articles", json=ARTICLE,
                                      headers={"Authorization": "Bearer "}), 403)


def test_post_is_idempotent(example_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    c = client(example_db)
    first = c.post("/articles", json=ARTICLE, headers=AUTH)
    assert first.status_code == 201, first.text
    body = first.json()
    assert len(body["stored"]) == 1 and body["duplicates"] == [] and len(body["stories"]) == 1
    again = c.post("/articles", json=[ARTICLE, {**ARTICLE, "id": "renamed"}], headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] == []
    assert again.json()["duplicates"] == body["stored"] * 2
    assert c.get("/stories").json()["total"] == 3
    assert c.get("/articles/post-1").json()["title"] == ARTICLE["title"]
    story = c.get(f"/stories/{body['stories'][0]}").json()
    assert [a["id"] for a in story["articles"]] == body["stored"]


def test_batch_and_wrapped_batch(example_db: str) -> None:
    c = client(example_db)
    other = {**ARTICLE, "id": "p2", "text": ARTICLE["text"] + " Warga diminta tetap waspada."}
    resp = c.post("/articles", json={"articles": [ARTICLE, other]}, headers=AUTH)
    assert resp.status_code == 201 and len(resp.json()["stored"]) == 2
    assert len(resp.json()["stories"]) == 1  # the two reports of one quake are one story


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"[]", "no articles"),
        (b"42", "not a JSON object"),
        (json.dumps({"title": "x"}).encode(), "missing 'text'"),
        (json.dumps({"text": 5}).encode(), "'text' must be a string"),
        (json.dumps({"text": "Isi.", "published": "kemarin"}).encode(), "published"),
        (json.dumps([ARTICLE, {"id": ["x"], "text": "a"}]).encode(), "[1]"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ],
)
def test_bad_bodies_are_422(example_db: str, body: bytes, fragment: str) -> None:
    c = client(example_db)
    resp = c.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert_error(resp, 422)
    assert fragment in resp.json()["error"]["message"]
    assert c.get("/stories").json()["total"] == 2  # nothing of a bad batch was stored


def test_huge_body_is_413(example_db: str) -> None:
    c = client(example_db, max_request_bytes=1000)
    big = {**ARTICLE, "text": "kata " * 1000}
    assert_error(c.post("/articles", json=big, headers=AUTH), 413, "payload_too_large")

    def chunks() -> Any:  # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield b" " * 500

    assert_error(c.post("/articles", content=chunks(), headers=AUTH), 413)


def test_hostile_text_is_escaped(example_db: str) -> None:
    c = client(example_db)
    evil = {"id": "evil", "title": "<script>alert(1)</script> Judul",
            "text": "Warga <img src=x onerror=alert(2)> melapor banjir di desa. <script>alert(3)</script> "
                    "Air setinggi satu meter merendam rumah."}
    sid = c.post("/articles", json=evil, headers=AUTH).json()["stories"][0]
    page = c.get(f"/stories/{sid}.html").text
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    listing = c.get("/", params={"q": "<script>"}).text
    assert "<script>" not in listing


def test_store_errors_are_503(example_db: str) -> None:
    import sqlite3

    c = client(example_db)
    conn = sqlite3.connect(example_db)
    conn.execute("PRAGMA user_version = 99")  # the file changed under the server
    conn.commit()
    conn.execute("DROP TABLE stories")
    conn.commit()
    assert_error(c.get("/stories"), 503, "store_unavailable")


def test_openapi_documents_the_api(example_db: str) -> None:
    spec = client(example_db).get("/openapi.json").json()
    assert {"/stories", "/stories/{ref}", "/articles/{ref}", "/articles"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/articles"]["post"]


def test_docs_are_served_without_a_cdn(example_db: str) -> None:
    c = client(example_db)
    docs = c.get("/docs")
    assert docs.status_code == 200 and "/docs-static/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert c.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert_error(c.get("/docs-static/nope.js"), 404)
