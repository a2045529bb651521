"""A scan's digits checked against each other, with no further OCR (decision 0038).

tesseract reads a degraded digit as a letter or as another digit, and often the same way in
every reading of the page (a 6 is a 0 at any scale). What the header says twice settles a
few of them; this runs after the further readings' vote (`importer._vote_header`), on scans
only, and only where a value is of no possible shape:

- a **number read with a letter** ("230H"): a further reading's number of the same length
  with the page's digits wherever the page has a digit ("2308") is taken, if only one;
- a **symbol's year read with a letter** ("200H/QĐ-UBND"): the date's year, where it has
  the page's digits at their places, is the symbol's year (Decree 30);
- a **date of no possible year** (after today, before 1945: "năm 23006" read 2300): the
  same day and month written again in the text ("ngày 22 tháng 02 năm 2006", "22/02/2006")
  with one possible year gives that year.

A value so taken is marked for checking (0.6); one of no shape that nothing settles is
kept and marked (0.5). tesseract's own alternatives for each character
(`lstm_choice_mode`) were measured and not used: see the decision.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from units.text import fold

TAKEN, UNSURE = 0.6, 0.5
# "ngày 22 tháng 02 năm 2006" as OCR gives it ("thàng", "nàm" folded) or "22/02/2006"
_WRITTEN = re.compile(
    r"\bng\w{0,3}\s+(\d{1,2})\s+th\w{1,4}\s+(\d{1,2})\s*,?\s+n\w{1,3}\s+((?:19|20)\d\d)\b"
)
_SLASHED = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\b")


def _mark(how: dict, name: str, score: float) -> None:
    how[name] = min(how.get(name, 0.95), score)


def _agrees(read: str, digits: str) -> bool:
    """`digits` has `read`'s digits at their places (its letters being unread digits)."""
    return len(read) == len(digits) and all(
        r == d for r, d in zip(read, digits, strict=True) if r.isdigit()
    )


def _possible(year: int, today: datetime.date) -> bool:
    return 1945 <= year <= today.year


def check_number(doc, how: dict, readings: Sequence) -> None:
    number = str(doc.number or "")
    if not number or re.fullmatch(r"\d{1,5}", number) or not re.search(r"\d", number):
        return
    found = {
        str(other.number)
        for other in readings
        if other.number and re.fullmatch(r"\d{1,5}", str(other.number))
        and _agrees(number, str(other.number))
    }  # fmt: skip
    if len(found) == 1:
        doc.number = found.pop()
        _mark(how, "number", TAKEN)
    else:
        _mark(how, "number", UNSURE)


def check_symbol_year(doc, how: dict, today: datetime.date) -> None:
    head, slash, tail = str(doc.symbol or "").partition("/")
    if not slash or len(head) != 4 or head.isdigit() or sum(c.isdigit() for c in head) < 2:
        return
    if not re.fullmatch(r"[\dA-ZĐa-zđ]{4}", head) or "/" in tail:
        return
    year = doc.date.year if doc.date else None
    if year and _possible(year, today) and _agrees(head, str(year)):
        doc.symbol = f"{year}/{tail}"
        _mark(how, "symbol", TAKEN)
    else:
        _mark(how, "symbol", UNSURE)


def check_date(doc, how: dict, paragraphs: Sequence[str], today: datetime.date) -> None:
    date = doc.date
    if not date or (_possible(date.year, today) and date <= today):
        return
    symbol_year = re.match(r"((?:19|20)\d\d)/", doc.symbol or "")
    years = set()
    for paragraph in paragraphs:
        folded = fold(paragraph)
        for day, month, year in [*_WRITTEN.findall(folded), *_SLASHED.findall(folded)]:
            if (int(day), int(month)) != (date.day, date.month):
                continue
            if not _possible(int(year), today):
                continue
            if symbol_year and symbol_year[1] != year:
                continue
            years.add(int(year))
    if len(years) == 1:
        try:
            doc.date = date.replace(year=years.pop())
        except ValueError:  # 29 February
            _mark(how, "date", UNSURE)
            return
        doc.date_month, doc.date_year = doc.date.month, doc.date.year
        _mark(how, "date", TAKEN)
    else:
        _mark(how, "date", UNSURE)


def check_digits(parser, header_readings: Sequence[str], today: datetime.date) -> None:
    """The hook `importer.parse_text` calls on a scan, after the header vote."""
    from .confidence import field_confidence
    from .importer import _Parser

    doc, how = parser.doc, parser.how
    before = (doc.number, doc.symbol, doc.date, dict(how))
    readings = []
    for reading in header_readings:
        try:
            readings.append(_Parser(reading, scanned=True).run())
        except Exception:  # a reading that breaks the parser says nothing
            continue
    check_number(doc, how, readings)
    check_date(doc, how, doc.text.split("\n") if doc.text else [], today)
    check_symbol_year(doc, how, today)
    if (doc.number, doc.symbol, doc.date, how) != before:
        doc.confidence = field_confidence(doc, how)
