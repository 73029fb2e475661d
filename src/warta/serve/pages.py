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


def coverage_chart(story: Story, width: int = 640) -> list[str]:
    """An inline SVG of the story's coverage over time: one dot per dated article (stacked by
    day), each linking to that source in the page.  Empty when no article is dated."""
    dated = [(n, a, a.published) for n, a in enumerate(story.articles, start=1) if a.published]
    if not dated:
        return []
    first = min(d for _, _, d in dated)
    last = max(d for _, _, d in dated)
    span = (last - first).days
    left, right, step = 40, width - 40, 14
    levels: list[int] = []
    per_day: dict[int, int] = {}
    for _, _, day in dated:
        offset = (day - first).days
        levels.append(per_day.get(offset, 0))
        per_day[offset] = levels[-1] + 1
    height = 44 + step * max(per_day.values())
    base = height - 28
    out = [
        "<h3>Coverage</h3>",
        f'<svg class="coverage" role="img" viewBox="0 0 {width} {height}" width="100%" '
        'aria-label="articles over time">',
        f'<line x1="{left}" y1="{base + 8}" x2="{right}" y2="{base + 8}"/>',
    ]
    for (n, a, day), level in zip(dated, levels, strict=True):
        x = left + (right - left) * (day - first).days / span if span else (left + right) / 2
        label = escape(f"{n}. {day.isoformat()} · {a.source or ''} · {a.title or a.id}")
        out.append(f'<a href="#{escape(story.id)}-{n}"><circle cx="{x:.1f}" cy="{base - step * level}" '
                   f'r="5"><title>{label}</title></circle></a>')
    out.append(f'<text x="{left}" y="{height - 4}">{first.isoformat()}</text>')
    if span:
        out.append(f'<text x="{right}" y="{height - 4}" text-anchor="end">{last.isoformat()}</text>')
    out.append("</svg>")
    return out


def story_page(story: Story) -> str:
    """One story: headline, sources, cited summary, coverage chart, the registered sections."""
    sid = escape(story.id)
    out = _head(f"Warta: {story.title}")
    out.append(
        f'<nav class="crumbs"><a href="/">← all stories</a> · <a href="/stories/{sid}.json">JSON</a>'
        f' · <a href="/stories/{sid}.md">Markdown</a></nav>'
    )
    body = story_html(story)
    # The chart goes right after the summary list, before the sections and the sources.
    at = body.index("</ol>") + 1 if "</ol>" in body else len(body)
    out += [*body[:at], *coverage_chart(story), *body[at:]]
    out.append("</body></html>")
    return "\n".join(out) + "\n"
