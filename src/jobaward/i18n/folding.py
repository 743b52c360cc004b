"""How typed words are folded before they are matched: one form for what users type and what data says."""

from __future__ import annotations

import re
import unicodedata


def normalize(text: str) -> str:
    """NFKC (composes NFD Hangul, folds full-width forms), single spaces, case-folded."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split()).casefold()


def compact(text: str) -> str:
    return re.sub(r"[\s\-·.]", "", normalize(text))
