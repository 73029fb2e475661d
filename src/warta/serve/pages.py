"""The web pages: a story list (search + most recent first) and a story page.

Pages are plain HTML with one bundled stylesheet; no scripts and no remote loads (the CSP header
forbids both).  Citation markers are links to the cited sentence's anchor and CSS ``:target``
highlights it in its article.  Every piece of stored text goes through :func:`html.escape`
(the story body is rendered by :func:`warta.render.html.story_html`, which escapes too).
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from ..model import Story
from ..render.html import story_html
from ..store import StoryPage

#: Sent with every page: nothing but our own stylesheet may load, no script may run.
CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def _head(title: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        '<link rel="stylesheet" href="/static/style.css"></head><body>',
    ]


def list_page(page: StoryPage) -> str:
    """The story list, with a search box and page links."""
    q = page.query or ""
    out = _head("Warta: stories" if not q else f"Warta: {q}")
    twin = "/stories.json" + ("?" + urlencode({"q": q, "page": page.page}) if q or page.page > 1 else "")
    out += [
        '<header class="top"><h1><a href="/">Warta</a></h1>',
        '<form class="search" method="get" action="/">',
        f'<input type="search" name="q" value="{escape(q)}" placeholder="cari / search" '
        'aria-label="search">',
        '<button type="submit">Search</button></form>',
        f'<p class="meta">{page.total} story(ies){" matching " + escape(repr(q)) if q else ""}'
        f' · most recent first · <a href="{escape(twin)}">JSON</a></p></header>',
        '<ol class="stories">',
    ]
    for row in page.stories:
        span = row.first_published or ""
        if row.last_published and row.last_published != row.first_published:
            span += f" – {row.last_published}"
        out.append(
            f'<li><a class="story-link" href="/stories/{escape(row.id)}.html">{escape(row.title)}</a>'
            f'<span class="meta"> · {row.n_articles} article(s){" · " + escape(span) if span else ""}'
            "</span></li>"
        )
    out.append("</ol>")
    if not page.stories:
        out.append('<p class="empty">No stories.</p>')
    nav = []
    if page.page > 1:
        nav.append(f'<a rel="prev" href="/?{escape(urlencode({"q": q, "page": page.page - 1}))}">newer</a>')
    if page.page * page.per_page < page.total:
        nav.append(f'<a rel="next" href="/?{escape(urlencode({"q": q, "page": page.page + 1}))}">older</a>')
    if nav:
        out.append('<nav class="pages">' + " · ".join(nav) + "</nav>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def story_page(story: Story) -> str:
    """One story: headline, sources, cited summary, the registered sections."""
    sid = escape(story.id)
    out = _head(f"Warta: {story.title}")
    out.append(
        f'<nav class="crumbs"><a href="/">← all stories</a> · <a href="/stories/{sid}.json">JSON</a>'
        f' · <a href="/stories/{sid}.md">Markdown</a></nav>'
    )
    out += story_html(story)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
