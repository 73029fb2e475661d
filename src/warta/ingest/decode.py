"""Bytes -> clean text: BOM, then a declared charset or UTF-8, then detection; never guessing by
dropping bytes.  Also the text normalisation every reader applies."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

BINARY = "binary file (not text)"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than \t \n \r, plus C1 controls (U+0080..U+009F: they only appear
# when cp1252 text was mis-decoded somewhere upstream) and stray BOMs / NULs.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
# Browsers treat these labels as windows-1252 (WHATWG Encoding): files that say latin-1 are
# almost always written with cp1252's curly quotes and dashes.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or ``None``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def html_declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first 4 KB of an HTML page, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset (WHATWG aliases applied), or ``None``."""
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(canonical, canonical)


def looks_binary(head: bytes) -> bool:
    """True for bytes that cannot be text in a single-byte or UTF-8 encoding (NUL in the head).

    Callers check for a UTF-16/32 BOM first: those encodings are full of NULs.
    """
    return b"\x00" in head[:8192]


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to ``str``: BOM, then UTF-8 (strict), then the ``declared`` charset
    (HTTP header or HTML meta), then charset detection.  Raises ``InputError`` for binary or
    undecodable data.  The result is not normalised (see :func:`normalize_text`).

    UTF-8 goes before the declaration because a page that decodes as strict UTF-8 is UTF-8
    whatever it claims (a wrong "iso-8859-1" label is common; the reverse is all but impossible).
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode text ({bom} BOM but invalid {bom} data)") from exc
    if looks_binary(data):
        raise InputError(BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, _codec(declared))
    _reject_control_heavy(text)
    return text


def _decode_legacy(data: bytes, declared: str | None) -> str:
    """Non-UTF-8 bytes: the declared charset if it decodes cleanly, else detection."""
    if declared and declared not in ("utf-8", "utf-8-sig"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall back to detection
    import charset_normalizer  # lazy: only legacy-encoded inputs need it

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(BINARY)
    encoding = best.encoding
    # Short Western text fits cp1250, cp1252, cp1257... equally well and the detector breaks the
    # tie by name order (cp1250 first), turning "Mañana" into "Maňana".  cp1252 is by far the
    # most common legacy encoding of news text, so it wins every tie it takes part in.
    for match in matches:
        tied = match.chaos <= best.chaos + 0.005 and match.coherence >= best.coherence - 0.01
        if tied and "cp1252" in match.could_be_from_charset:
            encoding = "cp1252"
            break
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        try:
            return str(best)
        except Exception:  # the detector's own decoding failed too
            raise InputError(f"cannot decode text (guessed {encoding}: {exc})") from exc


def _reject_control_heavy(text: str) -> None:
    """Raise for text where control characters are more than a few percent: binary data that
    happened to decode (executables, images in a single-byte code page)."""
    sample = text[:8192]
    if sample and len(_BINARY_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise InputError(BINARY)


def normalize_text(text: str) -> str:
    """Normalise decoded text: ``\\r\\n``/``\\r`` -> ``\\n``, form/vertical feeds -> ``\\n``,
    other control characters removed (``\\t`` and ``\\n`` kept), Unicode NFC.

    Cheap on clean input (the common case on the JSONL fast path): each step checks first.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = text.replace("\x0b", "\n").replace("\x0c", "\n")
        text = _CONTROL.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def decode_text(data: bytes, declared: str | None = None) -> str:
    """:func:`decode_bytes` then :func:`normalize_text`."""
    return normalize_text(decode_bytes(data, declared))
