"""Vietnamese text helpers shared by every app.

Users type with and without diacritics: "thi dua" must find "thi đua" and
"d" must find "đ". We keep a normalised copy of searchable text in a column
(filled on save), so one query works on SQLite and PostgreSQL alike.
"""

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"  # NFD leaves đ alone: map it by hand
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# Latin letters with Vietnamese diacritics live in these blocks; one table folds them all.
_FOLD_TABLE = {
    code: _fold_char(chr(code))
    for block in ((0x0000, 0x0250), (0x1E00, 0x1F00))
    for code in range(*block)
}


def fold(text: str) -> str:
    """Lower-case and strip diacritics, one character for one, so positions are kept:
    "Thi Đua" → "thi dua". The one folding primitive: the document reader matches on
    it (campaigns/importer.py), and `normalize_search` builds on it.

    Only precomposed Latin letters are folded; a separate combining mark, or a letter
    of another script, is left as it is."""
    return text.translate(_FOLD_TABLE)


_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_search(text: str | None) -> str:
    """Fold (lower case, no diacritics, đ → d), turn punctuation into spaces and fold
    spaces: "Số 5834/PĐTĐ-UBND" → "so 5834 pdtd ubnd"."""
    if not text:
        return ""
    folded = fold(text)
    if not folded.isascii():
        # Marks typed apart from their letter (decomposed text) and letters of other
        # scripts: strip what NFD separates.
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _PUNCTUATION.sub(" ", folded).replace("_", " ")
    return _SPACES.sub(" ", folded.lower()).strip()


def search_terms(query: str | None) -> list[str]:
    """Split a user's query into normalised words."""
    return [word for word in normalize_search(query).split(" ") if word]


def padded(text: str | None) -> str:
    """The stored search form: normalised, with a space at each end so that words
    can be matched from their start (" chuyen doi so ")."""
    normalized = normalize_search(text)
    return f" {normalized} " if normalized else ""


def needle(term: str) -> str:
    """A query word as searched in a padded stored text: at the start of a word; one or
    two letters ("so", "d") a whole word, or they would match everything."""
    return f" {term} " if len(term) <= 2 else f" {term}"


# How one word (its `needle`) matches a row: a stored column, or several (a decision's
# own text, its body's, its honourees': awards.selectors.public_decisions).
Match = Callable[[str], Q]


def search_q(query: str | None, field: str = "search_text", *, match: Match | None = None) -> Q:
    """Every word of the query, each at the start of a word of the text (`needle`);
    `match` says where a word may be, when it is not the one column `field`."""
    match = match or (lambda word: Q(**{f"{field}__contains": word}))
    condition = Q()
    for term in search_terms(query):
        condition &= match(needle(term))
    return condition


def marked_form(text: str | None) -> str:
    """`normalize_search` keeping the diacritics: lower case, composed (NFC, so marks
    typed apart from their letter read the same), punctuation turned into spaces:
    "Nguyễn Văn A, UBND xã" → "nguyễn văn a ubnd xã"."""
    if not text:
        return ""
    lowered = unicodedata.normalize("NFC", text).lower()
    lowered = _PUNCTUATION.sub(" ", lowered).replace("_", " ")
    return _SPACES.sub(" ", lowered).strip()


def marked_padded(text: str | None) -> str:
    """The stored form with diacritics (`search_marked`), padded as `padded` pads."""
    form = marked_form(text)
    return f" {form} " if form else ""


def marked_terms(query: str | None) -> list[str]:
    """The words of a query typed with their diacritics ("Nguyễn van" → ["nguyễn"]);
    a word typed without them asks nothing more than the folded search."""
    return [word for word in marked_form(query).split(" ") if word and fold(word) != word]


def rank_marked(
    queryset: QuerySet,
    query: str | None,
    field: str = "search_marked",
    *,
    match: Match | None = None,
) -> QuerySet:
    """Rows whose text holds every word the query wrote with diacritics, written the same
    (case aside), first; then the rest in the queryset's own order. One ORDER BY on a
    stored column (or the columns `match` reads, as `search_q` takes it): no extra
    query, SQLite and PostgreSQL alike. A query without diacritics leaves the queryset
    as it was. The one implementation: the public searches and the staff's (units,
    people, nominations, campaigns) rank through it (decisions 0043, 0054)."""
    terms = marked_terms(query)
    if not terms:
        return queryset
    match = match or (lambda word: Q(**{f"{field}__contains": word}))
    exact = Q()
    for term in terms:
        exact &= match(needle(term))
    order = queryset.query.order_by or queryset.model._meta.ordering
    rank = Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.alias(search_rank=rank).order_by("search_rank", *order)


def number_text(value: Decimal) -> str:
    """A stored number as Vietnamese write and type it: "15", "0,45", "12,5", never the
    database's "15.00" or "0.45"; no dot between thousands (a clerk types it back)."""
    return f"{value.normalize():f}".replace(".", ",")


def grouped_text(value: Decimal) -> str:
    """A stored number as a page shows it to be read: `number_text` with a dot between
    the thousands, "1.234.567,5" (decision 0079)."""
    whole, _, decimals = f"{value.normalize():f}".partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    grouped = f"{int(digits):,}".replace(",", ".")
    return f"{sign}{grouped},{decimals}" if decimals else f"{sign}{grouped}"


# Dots between the thousands, then perhaps a comma and the decimals: "1.234.567,5".
GROUPED_NUMBER = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")


def ungrouped(text: str) -> str:
    """A number as Vietnamese type it, in Python's notation, for a form field to read:
    spaces dropped, the dots between thousands dropped, the decimal comma a point
    ("1.234.567,5" → "1234567.5", "12,5" → "12.5"); a lone dot stays ("12.5"). The one
    rule of the fields that take typed numbers (a report's figures, a fund's amounts:
    decision 0079); each field says what it accepts of the result."""
    text = "".join(str(text).split())  # spaces, no-break spaces between the thousands
    if GROUPED_NUMBER.fullmatch(text):
        text = text.replace(".", "")
    return text.replace(",", ".")
