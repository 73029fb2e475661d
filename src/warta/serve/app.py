"""The FastAPI application: JSON API, web pages and the one error shape.

``create_app(store, config)`` builds it around an open store; ``warta serve`` runs it with
uvicorn.  Reads are open; writes (``POST /articles``) need ``Authorization: Bearer <token>``
where the token is ``$WARTA_TOKEN`` (or the ``token`` argument); with no token configured,
writes are refused.
"""

from __future__ import annotations

import hmac
import json
import os
import threading
from collections import OrderedDict
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..brief import build_story
from ..config import Config
from ..errors import InputError, StoreError
from ..ingest.common import Origin
from ..ingest.jsonl import record_article
from ..model import RawArticle, Story
from ..store import Store, ingest
from ..store.ids import content_id
from .errors import ApiError, error_body
from .pages import CSP, list_page, story_page

PER_PAGE = 20
#: Rendered story objects kept in memory (keyed by story id and the batch that last changed it).
STORY_CACHE = 256

_ARTICLES_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {
            "oneOf": [
                {"$ref": "#/components/schemas/ArticleIn"},
                {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
            ]
        }}},
    }
}
_ARTICLE_SCHEMA = {
    "type": "object",
    "description": "Same fields as a JSONL input line; 'text' or 'html' is required.",
    "properties": {k: {"type": "string"} for k in
                   ("id", "text", "html", "title", "url", "source", "published", "language", "author")},
}


def _error(status: int, message: str, code: str | None = None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _html(text: str) -> HTMLResponse:
    return HTMLResponse(text, headers={"Content-Security-Policy": CSP,
                                       "X-Content-Type-Options": "nosniff",
                                       "Referrer-Policy": "no-referrer"})


def _split_ref(ref: str) -> tuple[str, str]:
    """``abc.md`` -> (``abc``, ``md``); a bare id is JSON."""
    for ext in ("json", "md", "html"):
        if ref.endswith("." + ext):
            return ref[: -len(ext) - 1], ext
    return ref, "json"


def _swagger_assets() -> str | None:
    """The folder of the Swagger UI files shipped by ``swagger-ui-bundle-v2`` (serve extra)."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # FastAPI's default /docs then loads Swagger UI from a CDN
        return None
    return str(swagger_ui_path)


def _bundled_docs(app: FastAPI, folder: str) -> None:
    """``/docs`` with Swagger UI served from the installed bundle: no CDN, works offline."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs-static", StaticFiles(directory=folder), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="Warta API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )


def create_app(store: Store, config: Config | None = None, token: str | None = None) -> FastAPI:
    """The Warta web app over ``store``."""
    config = config or Config()
    secret = token if token is not None else os.environ.get("WARTA_TOKEN", "")
    docs_assets = _swagger_assets()
    app = FastAPI(title="Warta", version=__version__,
                  description="News articles in, cited event briefs out.",
                  docs_url=None if docs_assets else "/docs", redoc_url=None)
    if docs_assets:
        _bundled_docs(app, docs_assets)
    cache: OrderedDict[tuple[str, int], Story] = OrderedDict()
    cache_lock = threading.Lock()

    # -- errors: every one in the same shape ----------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}"
        return _error(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal error")

    app.openapi_schema = None

    def _openapi() -> dict[str, Any]:
        from fastapi.openapi.utils import get_openapi

        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = _ARTICLE_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = _openapi  # type: ignore[method-assign]

    # -- helpers ---------------------------------------------------------------------------
    def story_object(story_id: str) -> Story:
        version = store.story_version(story_id)
        if version is None:
            raise ApiError(404, f"no story {story_id!r}")
        key = (story_id, version)
        with cache_lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        # Briefs are deterministic, so re-briefing the stored members gives the stored brief
        # with every registered section filled (their Story fields are not stored).
        story = build_story(store.story_articles(story_id), config, story_id)
        with cache_lock:
            cache[key] = story
            while len(cache) > STORY_CACHE:
                cache.popitem(last=False)
        return story

    def check_write(request: Request) -> None:
        if not secret:
            raise ApiError(403, "writes are disabled: start the server with WARTA_TOKEN set",
                           "writes_disabled")
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), secret.encode()):
            raise ApiError(401, "missing or wrong bearer token", "unauthorized",
                           {"WWW-Authenticate": "Bearer"})

    async def read_body(request: Request) -> bytes:
        limit = config.max_request_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise ApiError(413, f"request body over the {limit:,}-byte limit")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:  # no or false Content-Length: stop reading, do not buffer it all
                raise ApiError(413, f"request body over the {limit:,}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- API -------------------------------------------------------------------------------
    @app.get("/stories", summary="Stories, most recent first; q searches briefs and articles")
    @app.get("/stories.json", include_in_schema=False)
    def list_stories(q: str | None = None, page: int = 1) -> dict[str, Any]:
        if page < 1:
            raise ApiError(422, "page must be >= 1")
        result = store.list_stories(q, page, PER_PAGE)
        return {
            "query": q, "page": result.page, "per_page": result.per_page, "total": result.total,
            "stories": [
                {"id": r.id, "title": r.title, "articles": r.n_articles,
                 "first_published": r.first_published, "last_published": r.last_published,
                 "url": f"/stories/{r.id}"}
                for r in result.stories
            ],
        }

    @app.get("/stories/{ref}", summary="A story: JSON (the digest contract's story), .md or .html")
    def get_story(ref: str) -> Response:
        story_id, ext = _split_ref(ref)
        if ext == "html":
            return _html(story_page(story_object(story_id)))
        stored = store.get_story(story_id)
        if stored is None:
            raise ApiError(404, f"no story {story_id!r}")
        if ext == "md":
            return PlainTextResponse(stored.markdown, media_type="text/markdown; charset=utf-8")
        return JSONResponse(stored.data)

    @app.get("/articles/{ref}", summary="An article by content id or by the id its input gave")
    def get_article(ref: str) -> dict[str, Any]:
        article_id, ext = _split_ref(ref)
        if ext != "json":
            article_id = ref
        found = store.get_article(article_id)
        if found is None:
            raise ApiError(404, f"no article {article_id!r}")
        return found

    @app.post("/articles", status_code=201, openapi_extra=_ARTICLES_BODY,
              summary="Add one article or a batch (needs Authorization: Bearer $WARTA_TOKEN)")
    async def post_articles(request: Request) -> JSONResponse:
        check_write(request)
        body = await read_body(request)
        try:
            doc = json.loads(body)
        except (ValueError, RecursionError):
            raise ApiError(422, "body is not valid JSON", "malformed_json") from None
        if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
            doc = doc["articles"]
        records = doc if isinstance(doc, list) else [doc]
        if not records:
            raise ApiError(422, "no articles in the body")
        raws: list[RawArticle] = []
        problems: list[str] = []
        for i, obj in enumerate(records):
            if not isinstance(obj, dict):
                problems.append(f"[{i}]: not a JSON object")
                continue
            try:
                raw = record_article(obj, "", Origin(label="POST /articles"))
            except InputError as exc:
                problems.append(f"[{i}]: {exc}")
                continue
            raw.id = raw.id or content_id(raw)
            raws.append(raw)
        if problems:  # all or nothing: a client fixes its batch and sends it again
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            raise ApiError(422, "; ".join(problems[:3]) + more)
        report = await run_in_threadpool(ingest, store, raws, config)
        return JSONResponse(
            {
                "stored": report.stored,
                "duplicates": [cid for _, cid in report.duplicates],
                "skipped": [{"input": s.input, "reason": s.reason} for s in report.skipped],
                "stories": sorted(report.stories),
            },
            status_code=201 if report.stored else 200,
        )

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, **store.counts()}

    # -- web pages -------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    @app.get("/stories.html", include_in_schema=False)
    def home(q: str | None = None, page: int = 1) -> HTMLResponse:
        return _html(list_page(store.list_stories(q, max(page, 1), PER_PAGE)))

    css = (resources.files("warta.render").joinpath("style.css").read_text(encoding="utf-8")
           + resources.files(__package__).joinpath("static/serve.css").read_text(encoding="utf-8"))

    @app.get("/static/style.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css; charset=utf-8",
                        headers={"Cache-Control": "max-age=3600"})

    return app
