"""A self-contained HTML brief: inline CSS, no scripts, no external resources.

Every piece of article text goes through :func:`html.escape`.  Citation markers link to the
cited sentence (``#<story>-<article number>-<sentence index>``) and CSS ``:target`` highlights
it, so a click shows the sentence in its article context without any JavaScript.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from ..config import Config
from ..model import Citation, Digest, Story, independent_sources
from .sections import SECTIONS


def _sentence_anchor(story: Story, article_no: int, sentence: int) -> str:
    return f"{story.id}-{article_no}-{sentence}"


def cite_link(story: Story, numbers: dict[str, int], citation: Citation) -> str:
    """A citation marker linking to the cited sentence in its article (for sections too)."""
    n = numbers[citation.article]
    return (
        f'<a class="cite" href="#{escape(_sentence_anchor(story, n, citation.sentence))}"'
        f' title="{escape(citation.article)}, sentence {citation.sentence}">'
        f"[{n}:{citation.sentence}]</a>"
    )


def _story(story: Story) -> list[str]:
    number = {a.id: n for n, a in enumerate(story.articles, start=1)}
    out = [f'<section class="story" id="story-{escape(story.id)}">']
    out.append(f"<h2>{escape(story.title)}</h2>")
    sources = sorted({a.source for a in story.articles if a.source})
    meta = f"{len(story.articles)} article(s) · language {escape(story.language)}"
    if sources:
        meta += " · sources: " + escape(", ".join(sources))
    out.append(f'<p class="meta">{meta}</p>')
    out.append("<h3>Summary</h3>")
    out.append('<ol class="summary">')
    for s in story.summary:
        marks = "".join(cite_link(story, number, c) for c in s.citations)
        n_sources = independent_sources(story, s.citations)
        badge = f'<span class="nsrc">{n_sources} sources</span>' if n_sources > 1 else ""
        out.append(f"<li>{escape(s.text)}{marks}{badge}</li>")
    out.append("</ol>")
    for section in SECTIONS:
        out.extend(section.to_html(story, number))
    out.append("<h3>Sources</h3>")
    for a in story.articles:
        n = number[a.id]
        head = escape(a.title or a.id)
        if a.url:
            head = f'<a href="{escape(a.url)}" rel="noopener noreferrer">{head}</a>'
        bits = [b for b in (a.source, a.published.isoformat() if a.published else None) if b]
        out.append(f'<article class="source" id="{escape(story.id)}-{n}">')
        out.append(f"<h4>{n}. {head}</h4>")
        out.append(f'<p class="meta">{escape(" · ".join([*bits, a.id]))}</p>')
        paragraph = -1
        para_parts: list[str] = []
        for i, sent in enumerate(a.sentences):
            if sent.paragraph != paragraph and para_parts:
                out.append("<p>" + " ".join(para_parts) + "</p>")
                para_parts = []
            paragraph = sent.paragraph
            anchor = escape(_sentence_anchor(story, n, i))
            para_parts.append(
                f'<span class="sent" id="{anchor}"><span class="idx">{i}</span>{escape(sent.text)}</span>'
            )
        if para_parts:
            out.append("<p>" + " ".join(para_parts) + "</p>")
        out.append("</article>")
    out.append("</section>")
    return out


def story_html(story: Story) -> list[str]:
    """One story's section (headline, summary with citation links, sections, sources with
    anchored sentences): the story page of ``warta serve`` embeds it."""
    return _story(story)


def render_html(digest: Digest, config: Config) -> str:
    """One self-contained HTML page for the whole digest."""
    css = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No scripts, no remote loads: the page is safe to open offline and to mail around.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        "<title>Warta brief</title>",
        f"<style>{css}</style></head><body>",
        '<header class="top"><h1>Warta brief</h1>',
        f'<p class="meta">{len(digest.stories)} story(ies) · {digest.articles_read} article(s) read'
        f" · {len(digest.skipped)} skipped</p></header>",
    ]
    if not digest.stories:
        out.append("<p>No stories: no article could be read.</p>")
    for story in digest.stories:
        out.extend(_story(story))
    if digest.skipped:
        out.append('<h2>Skipped inputs</h2><table class="skipped">')
        out.extend(
            f"<tr><td>{escape(s.input)}</td><td>{escape(s.reason)}</td></tr>"
            for s in digest.skipped
        )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
