"""Who said it when: dates of attributions ("kata Rina, Senin (27/3)") and quotations.

News names two kinds of day: the day something happened ("banjir melanda pada Minggu (26/3)")
and the day someone said something about it ("kata Rina dalam keterangan tertulisnya, Senin
(27/3)").  A bare time ("pukul 17.30") belongs to the first kind; a speaker's "hari ini",
"tadi malam" counts from the second.  The speech verbs come from ``lang/<code>/speech.toml``.
"""

from __future__ import annotations

import functools
import re

from ... import lang

QUOTES = re.compile('["“”]')
_WORDS = re.compile(r"[\w'’-]+")
# After an attribution's date only a short tail may follow in its sentence ("seperti dilansir
# dari Antara"); a longer one makes the date part of the reported happening.
_TAIL_WORDS = 6
# Without a quotation before it, the speech verb must be this near the date (words): "kata Rum di
# Mataram, Sabtu (11/4)"; further back ("menyebut Yodi tidak pulang ... usai kapal terbakar, Ahad
# lalu") the date belongs to the reported clause.
_VERB_REACH = 8


@functools.cache
def speech_cues(language: str) -> frozenset[str]:
    """Lower-case speech verbs and "according to" words of ``language`` (empty when none)."""
    data = lang.load_if_code(language, "speech")
    words = [*data.get("verbs", []), *data.get("according", [])]
    return frozenset(w.split()[0].lower() for w in words if w.strip())


def in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation opened in its own paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    return len(QUOTES.findall(text, para_start, pos)) % 2 == 1


def is_attribution(
    text: str, start: int, end: int, sent_start: int, sent_end: int, verbs: frozenset[str]
) -> bool:
    """Whether the date at ``start:end`` dates a statement rather than a happening: a speech
    verb right after it ("Budiono, Senin menuturkan"), or after a comma or a bracket at the end
    of a sentence that has a speech verb before it ('"...," kata Rina, Senin (27/3).', "ujar
    Syaugi kepada kumparan (kumparan.com) Senin (3/7).")."""
    if not verbs or in_quote(text, start):
        return False
    after = _WORDS.findall(text, end, sent_end)
    if after and after[0].lower() in verbs:
        return True
    if len(after) > _TAIL_WORDS or text[sent_start:start].rstrip()[-1:] not in (",", ")"):
        return False
    # The speech verb must be in the narration, after the last quotation of the sentence, and
    # near the date unless a quotation precedes it.
    before = text[sent_start:start]
    last_quote = max((m.end() for m in QUOTES.finditer(before)), default=0)
    words = [w.lower() for w in _WORDS.findall(before, last_quote)]
    if not last_quote:
        words = words[-_VERB_REACH:]
    return any(w in verbs for w in words)
