"""Vietnamese text helpers shared by every app.

Users type with and without diacritics: "thi dua" must find "thi đua" and
"d" must find "đ". We keep a normalised copy of searchable text in a column
(filled on save), so one query works on SQLite and PostgreSQL alike.
"""

import re
import unicodedata

from django.db.models import Q

_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_search(text: str | None) -> str:
    """Lower-case, strip diacritics (đ → d by hand: NFD leaves it alone), turn
    punctuation into spaces and fold spaces: "Số 5834/PĐTĐ-UBND" → "so 5834 pdtd ubnd"."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _PUNCTUATION.sub(" ", stripped).replace("_", " ")
    return _SPACES.sub(" ", stripped.lower()).strip()


def search_terms(query: str | None) -> list[str]:
    """Split a user's query into normalised words."""
    return [word for word in normalize_search(query).split(" ") if word]


def padded(text: str | None) -> str:
    """The stored search form: normalised, with a space at each end so that words
    can be matched from their start (" chuyen doi so ")."""
    normalized = normalize_search(text)
    return f" {normalized} " if normalized else ""


def search_q(query: str | None, field: str = "search_text") -> Q:
    """Every word of the query, each at the start of a word of the text; words of one
    or two letters ("so", "d") must match a whole word, or they would match everything."""
    condition = Q()
    for term in search_terms(query):
        needle = f" {term} " if len(term) <= 2 else f" {term}"
        condition &= Q(**{f"{field}__contains": needle})
    return condition
