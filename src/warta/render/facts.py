"""The story's numeric facts: JSON groups, and a table per source in Markdown/HTML with
disagreements and updates marked."""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Citation, FactGroup, Story
from .html import cite_link
from .markdown import md_escape
from .sections import Numbers, StorySection

MARKS = {"agree": "agree", "disagree": "⚠ disagree", "update": "↻ update"}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def to_json(story: Story) -> list[dict[str, Any]]:
    """``[{"quantity", "status", "values": [...]}]`` as the contract says."""
    return [
        {
            "quantity": g.quantity,
            "status": g.status,
            "values": [
                {
                    "value": _number(v.value), "text": v.text, "qualifier": v.qualifier,
                    "article": v.article, "sentence": v.sentence,
                    "as_of": v.as_of.isoformat() if v.as_of else None,
                    "attributed_to": v.attributed_to,
                }
                for v in g.values
            ],
        }
        for g in story.facts
    ]


def _sources(story: Story) -> list[str]:
    used = {v.article for g in story.facts for v in g.values}
    return [a.id for a in story.articles if a.id in used]


def _source_label(story: Story, numbers: Numbers, article_id: str) -> str:
    a = next(x for x in story.articles if x.id == article_id)
    return f"{numbers[article_id]}" + (f" · {a.source}" if a.source else "")


def _cells(g: FactGroup, art: str) -> list[tuple[str, Citation, str | None]]:
    return [(v.text, Citation(v.article, v.sentence), v.attributed_to) for v in g.values if v.article == art]


def to_markdown(story: Story, numbers: Numbers) -> list[str]:
    """One row per fact, one column per source."""
    if not story.facts:
        return []
    sources = _sources(story)
    head = ["Fact", "Status", *(md_escape(_source_label(story, numbers, s)) for s in sources)]
    lines = ["", "### Facts", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for g in story.facts:
        row = [md_escape(g.quantity), MARKS[g.status]]
        for s in sources:
            bits = [
                f"{md_escape(t)} [{numbers[c.article]}:{c.sentence}]" + (f" ({md_escape(w)})" if w else "")
                for t, c, w in _cells(g, s)
            ]
            row.append("; ".join(bits) or "—")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def to_html(story: Story, numbers: Numbers) -> list[str]:
    """The same table in HTML; disagree/update rows carry a class for styling."""
    if not story.facts:
        return []
    sources = _sources(story)
    out = ["<h3>Facts</h3>", '<table class="facts">', "<tr><th>Fact</th><th>Status</th>"
           + "".join(f"<th>{escape(_source_label(story, numbers, s))}</th>" for s in sources) + "</tr>"]
    for g in story.facts:
        cells = []
        for s in sources:
            bits = [
                escape(t) + cite_link(story, numbers, c) + (f" <i>({escape(w)})</i>" if w else "")
                for t, c, w in _cells(g, s)
            ]
            cells.append("<td>" + ("; ".join(bits) or "—") + "</td>")
        out.append(f'<tr class="fact-{escape(g.status)}"><td>{escape(g.quantity)}</td>'
                   f"<td>{escape(MARKS[g.status])}</td>{''.join(cells)}</tr>")
    out.append("</table>")
    return out


SECTION = StorySection("facts", to_json, to_markdown, to_html)
