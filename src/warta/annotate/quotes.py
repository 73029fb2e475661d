"""Quotes of an article: direct (“…”, "…", also across sentences) and indirect ("mengatakan
bahwa …", "menurut X, …"), each with its speaker where the text names one.

Speakers: a name right after the closing quote ("…," kata Tokayev), a name before a speech verb
(Tokayev mengatakan, "…"), or for "katanya"/"ujarnya" the last speaker named in the article
(the pronoun refers back).  Quotation marks that never close are ignored.
"""

from __future__ import annotations

import functools
import re

from ..config import Config
from ..model import Article, Mention, Quote, Sentence
from .attribution import (
    alternation,
    attribution,
    clean_name,
    name_pattern,
    optional_words,
    speech_words,
    split_verbs,
)
from .entities.features import cue_words

# Opening mark -> closing marks; a quote may not run past a blank line or 1500 characters.
# Curly quotes pair unambiguously, so they may span sentences and lines; straight quotes may
# not cross a line (one stray mark would otherwise pair quotes across the whole article).
_DIRECT = re.compile(r"“([^”“]{3,1500})”|\"([^\"\n]{3,1500})\"|«([^»]{3,1500})»")
_MIN_WORDS = 3


def _either_case(words: list[str]) -> str:
    # "[Dd]ia|[Ii]a": a pronoun opening a sentence or inside it.
    return "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}"
                    for w in sorted(words, key=len, reverse=True)) or "(?!)"


@functools.cache
def _speech(language: str) -> dict[str, re.Pattern[str]]:
    data = speech_words(language)
    name = name_pattern(language)
    subject_first = split_verbs(language)[0]
    v = alternation(data["verbs"])
    # Verbs whose object is what was said ("mengatakan, ..."), with the speaker as subject.
    v_subject = alternation(subject_first)
    according = alternation(data.get("according", []))
    that = alternation(data.get("that", []))
    singular = data.get("pronouns", [])
    pron = rf"(?P<pron>{alternation([*singular, *data.get('plural_pronouns', [])])})"
    at = alternation(data.get("locatives", []))
    adverbs = optional_words([*data.get("adverbs", []), *data.get("indirect_adverbs", [])], 2)
    capital = alternation([w.capitalize() for w in singular])
    return {
        # After a closing quote: ', kata Tokayev' / ' ujarnya' / ', kata dia'
        "tail": re.compile(rf"^\s*[,.]?\s*(?:{v})(?:\s+(?:{name}|{pron}\b))?"),
        # After a closing quote: ' Anies menambahkan.'
        "tail_name": re.compile(rf"^\s*[,.]?\s*{name}\s+(?:{v})\b"),
        # Indirect: "<Name> mengatakan (bahwa|,) <clause>"; "mereka" is no one named before.
        "indirect": re.compile(
            rf"(?:^|[,;]\s+|\s)(?:(?!(?:{capital})\b){name}|(?P<pron>{_either_case(singular)})\b)"
            # "Rina di Sukamaju, Jumat, mengatakan": the place is where, not who.
            rf"(?:\s+(?:{at})\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?(?:,[^,]{{1,80}},)?\s+"
            rf"{adverbs}(?:{v_subject})"
            rf"(?:\s+(?:{that}))?\s*,?\s+(?P<clause>.+)$"
        ),
        # "Menurut X, <clause>" / "Menurutnya, <clause>"
        "menurut": re.compile(
            rf"^(?:[A-Z]\w*\s+)?(?:(?:{according})(?:nya)?)(?:\s+(?P<who>[^,]{{2,80}}))?,\s*(?P<clause>.+)$",
            re.IGNORECASE,
        ),
        # "<clause start>, kata dia, <clause>": an inserted attribution.
        "inserted": re.compile(
            rf",\s*(?:{v}|{according})\s+(?:{name}|(?P<pron>{alternation(singular)}))\s*,\s*(?P<clause>.+)$"
        ),
    }


def _sentence_at(sentences: list[Sentence], offset: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end or offset < s.start:
            return i
    return max(len(sentences) - 1, 0)


def _person_near(article: Article, start: int, end: int) -> Mention | None:
    # The tagger's PERSON mention inside or right after a captured speaker phrase: "kata
    # Kepala Dinas Sosial DKI, Masrokhan" -> Masrokhan.
    for m in article.entities:
        if m.type == "PERSON" and start <= m.start <= end + 60 and not _dubious_person(m, article):
            return m
    return None


def _dubious_person(m: Mention, article: Article) -> bool:
    # A one-word PERSON mention whose word the article otherwise uses in place names and never
    # in a person's ("PMI Sukamaju, dr. André Setiawan, mengatakan" with "Sukamaju" tagged
    # PERSON, while the article has "GOR Sukamaju" and "Kabupaten Sukamaju"): a tagger slip.
    if " " in m.text:
        return False
    kinds = {o.type for o in article.entities if o is not m and m.text in o.text.split()}
    return "LOCATION" in kinds and "PERSON" not in kinds


def _speaker(article: Article, name: str | None, start: int, end: int) -> str | None:
    found = _person_near(article, start, end)
    if found and (name is None or found.text not in name
                  or name.split()[0].lower() in _titles(article)
                  # "Penyelamatan Kota Margaluyu Yusuf Maulana": an office before the name
                  or any(m.type != "PERSON" and start <= m.start < found.start for m in article.entities)):
        return found.text
    return clean_name(name, article.language) if name else None


def _titles(article: Article) -> frozenset[str]:
    return cue_words(article.language)[0]


PRONOUN = "-nya"  # placeholder: resolved to the last named speaker before it


def _unnamed(speaker: str, article: Article) -> bool:
    # A pronoun, or a title alone ("kata Kapolda"): it refers back to the person named before.
    low = speaker.lower()
    if low in speech_words(article.language)["referring"]:
        return True
    return " " not in low and low.rstrip(".") in _titles(article)


def find_quotes(article: Article) -> list[Quote]:
    """Direct then indirect quotes of ``article``, in text order."""
    pat = _speech(article.language)
    body = article.body
    quotes: list[Quote] = []
    covered: set[int] = set()
    prev_end_sentence = -10
    prev_speaker: str | None = None
    for m in _DIRECT.finditer(body):
        text = next(g for g in m.groups() if g is not None).strip().rstrip(",")
        if len(text.split()) < _MIN_WORDS:
            continue  # a scare-quoted term, not a quote
        first = _sentence_at(article.sentences, m.start())
        last = _sentence_at(article.sentences, m.end() - 1)
        speaker: str | None = None
        window = body[m.end(): m.end() + 200]
        t = pat["tail"].match(window)
        tn = pat["tail_name"].match(window)
        if t:
            if t.group(1):
                speaker = _speaker(article, t.group(1), m.end() + t.start(1), m.end() + t.end(1))
            else:
                speaker = PRONOUN
        elif tn:
            speaker = _speaker(article, tn.group(1), m.end() + tn.start(1), m.end() + tn.end(1))
        if speaker is None:
            # "Tokayev mengatakan, “…”": the name before the quote in the same sentence.
            sent = article.sentences[first]
            speaker = attribution(body[sent.start: m.start()], article.language)
        if speaker is None and first - prev_end_sentence <= 2:
            # A quote that follows another with no attribution of its own continues it.
            speaker = prev_speaker
        if speaker is not None and speaker.lower() in speech_words(article.language)["referring"]:
            speaker = PRONOUN
        quotes.append(Quote(text, speaker, True, first, m.start(), m.end()))
        covered.update(range(first, last + 1))
        prev_end_sentence, prev_speaker = last, speaker
    for i, s in enumerate(article.sentences):
        if i in covered or '"' in s.text or "“" in s.text:
            continue
        found = _indirect(article, s, pat)
        if found:
            who, offset, clause = found
            start = s.start + offset
            quotes.append(Quote(clause, who, False, i, start, start + len(clause)))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _resolve_pronouns(quotes, article)


def _indirect(
    article: Article, s: Sentence, pat: dict[str, re.Pattern[str]]
) -> tuple[str | None, int, str] | None:
    words = speech_words(article.language)
    for key in ("inserted", "menurut", "indirect"):
        m = pat[key].search(s.text)
        if not m:
            continue
        clause = m.group("clause").strip()
        if len(clause.split()) < _MIN_WORDS:
            continue
        if m.groupdict().get("pron"):
            who: str | None = PRONOUN
        elif key == "menurut":
            raw = m.group("who")
            who = clean_name(raw, article.language) if raw else PRONOUN
            if who and (who.lower() in words["referring"] or who.lower() in words.get("fillers", [])):
                who = PRONOUN  # "Menurutnya juga, ...": the filler is no speaker
        elif m.group(1) and m.group(1).strip().lower() in words["referring"]:
            who = PRONOUN  # "Ia menambahkan bahwa ...": the name pattern also matches "Ia"
        else:
            who = _speaker(article, m.group(1), s.start + m.start(1), s.start + m.end(1))
        if who is None:
            continue
        return who, m.start("clause"), clause
    return None


def _resolve_pronouns(quotes: list[Quote], article: Article) -> list[Quote]:
    # "Menurut dia, ..." / "ujarnya": the pronoun refers to the last person named as saying
    # something before it (in a quote or in any sentence with a speech verb).
    named: dict[int, str] = {}
    for i, s in enumerate(article.sentences):
        who = attribution(s.text, article.language)
        if who and not _unnamed(who, article):
            named[i] = who
    for q in quotes:
        if q.speaker and q.speaker != PRONOUN and not _unnamed(q.speaker, article):
            named[q.sentence] = q.speaker
    named = {i: who for i, who in named.items() if not _is_place(who, i, article)}
    subjects = _subjects(article)
    full = _full_names(article)
    out: list[Quote] = []
    for q in quotes:
        speaker = q.speaker
        if speaker == PRONOUN or (speaker and _unnamed(speaker, article)):
            earlier = [i for i in named if i < q.sentence] or [i for i in named if i == q.sentence]
            speaker = named[max(earlier)] if earlier else None
            # "Siti Aminah (52), pedagang kain, menangis. “…,” katanya.": the person the
            # sentence before is about, when no one spoke in it.
            before = q.sentence - 1
            if q.direct and before in subjects and before not in named:
                speaker = subjects[before]
        elif speaker and _is_place(speaker, q.sentence, article):
            speaker = _person_before(speaker, q.sentence, article)
        if speaker in full:
            speaker = full[speaker]
        out.append(Quote(q.text, speaker, q.direct, q.sentence, q.start, q.end))
    return out


def _is_place(speaker: str, sentence: int, article: Article) -> bool:
    # The tagger typed the speaker's words as a place in this article and never otherwise:
    # "Sukamaju", "Desa Mekarwangi" (a place cannot speak; the pattern caught the wrong words).
    kinds = {m.type for m in article.entities if m.text == speaker}
    return kinds == {"LOCATION"}


def _person_before(place: str, sentence: int, article: Article) -> str | None:
    # The last person named in the sentence before the place ("Rina di Sukamaju"), else none.
    mentions = [m for m in article.entities if m.sentence == sentence]
    at = next((m.start for m in mentions if m.text == place), None)
    people = [m.text for m in mentions if m.type == "PERSON" and (at is None or m.start < at)]
    return people[-1] if people else None


def _subjects(article: Article) -> dict[int, str]:
    # Sentence index -> the PERSON mention that opens it (its subject). A one-word mention
    # counts only when the article names that person again ("Gayung bersambut" is an idiom
    # the tagger may take for a name at the start of a sentence).
    persons = [m for m in article.entities if m.type == "PERSON"]
    out: dict[int, str] = {}
    for m in persons:
        s = article.sentences[m.sentence] if 0 <= m.sentence < len(article.sentences) else None
        if s is None or s.text[: m.start - s.start].strip():
            continue
        if " " in m.text or any(o is not m and m.text in [*o.text.split(), o.text] for o in persons):
            out.setdefault(m.sentence, m.text)
    return out


def _full_names(article: Article) -> dict[str, str]:
    # A one-word speaker ("kata Condro") -> the one longer PERSON name of the article that
    # contains that word ("Condro Kirono"); left alone when two names could be meant.
    longer: dict[str, set[str]] = {}
    for m in article.entities:
        words = m.text.split()
        if m.type == "PERSON" and len(words) >= 2:
            for w in words:
                longer.setdefault(w, set()).add(m.text)
    return {w: next(iter(names)) for w, names in longer.items() if len(names) == 1}


def annotate_quotes(article: Article, config: Config) -> None:
    """Annotator: fill ``article.quotes``."""
    article.quotes = find_quotes(article)
