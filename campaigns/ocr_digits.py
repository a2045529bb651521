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
kept and marked (0.5). Then tesseract's own alternatives for each character of the header's
words with a digit (`lstm_choice_mode=2`, from the page's and the further readings' runs:
`hocr_choices`, `check_choices`): a number or symbol year still read with a letter takes
the digit they vote for, marked; a number, symbol year or date a digit of which had
another digit close behind is marked, not changed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from units.text import fold

if TYPE_CHECKING:
    from .importer import ParsedDocument, _Parser

TAKEN, UNSURE = 0.6, 0.5
# The digits a number is written with: str.isdigit also takes "²", "³", which no int() reads.
DIGITS = frozenset("0123456789")
# "ngày 22 tháng 02 năm 2006" as OCR gives it ("thàng", "nàm" folded) or "22/02/2006"
_WRITTEN = re.compile(
    r"\bng\w{0,3}\s+(\d{1,2})\s+th\w{1,4}\s+(\d{1,2})\s*,?\s+n\w{1,3}\s+((?:19|20)\d\d)\b"
)
_SLASHED = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\b")


def _mark(how: dict[str, float], name: str, score: float) -> None:
    how[name] = min(how.get(name, 0.95), score)


def _agrees(read: str, digits: str) -> bool:
    """`digits` has `read`'s digits at their places (its letters being unread digits)."""
    return len(read) == len(digits) and all(
        r == d for r, d in zip(read, digits, strict=True) if r.isdigit()
    )


def _possible(year: int, today: datetime.date) -> bool:
    return 1945 <= year <= today.year


def check_number(
    doc: ParsedDocument, how: dict[str, float], readings: Sequence[ParsedDocument]
) -> None:
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


def check_symbol_year(doc: ParsedDocument, how: dict[str, float], today: datetime.date) -> None:
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


def check_number_line(
    doc: ParsedDocument, how: dict[str, float], readings: Sequence[ParsedDocument]
) -> None:
    """A symbol's year that the date contradicts ("31/2008/QĐ-UBND" over a date in 2009;
    Decree 30: a symbol's year is its date's): the page misread its number line. A further
    reading whose symbol has the date's year (and none the page's) read that line better:
    the year is the date's, and the number that reading (all such readings) read replaces
    the page's, both marked (decision 0056)."""
    match = re.fullmatch(r"((?:19|20)\d\d)/(.+)", str(doc.symbol or ""))
    if not match or not doc.date or int(match[1]) == doc.date.year:
        return
    years = [re.match(r"((?:19|20)\d\d)/", str(other.symbol or "")) for other in readings]
    years = [(other, int(m[1])) for other, m in zip(readings, years, strict=True) if m]
    if any(year == int(match[1]) for _, year in years):
        return
    better = [other for other, year in years if year == doc.date.year]
    if not better:
        return
    doc.symbol = f"{doc.date.year}/{match[2]}"
    _mark(how, "symbol", TAKEN)
    numbers = {
        str(other.number) for other in better if re.fullmatch(r"\d{1,5}", str(other.number or ""))
    }
    if len(numbers) == 1 and (number := numbers.pop()) != doc.number:
        doc.number = number
        _mark(how, "number", TAKEN)


def check_date(
    doc: ParsedDocument, how: dict[str, float], paragraphs: Sequence[str], today: datetime.date
) -> None:
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


def check_digits(
    parser: _Parser,
    header_readings: Sequence[str],
    today: datetime.date,
    digit_choices: dict | None = None,
) -> None:
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
    check_number_line(doc, how, readings)
    check_date(doc, how, doc.text.split("\n") if doc.text else [], today)
    check_symbol_year(doc, how, today)
    check_choices(doc, how, digit_choices or {}, today)
    if (doc.number, doc.symbol, doc.date, how) != before:
        doc.confidence = field_confidence(doc, how)


# -- tesseract's per-character alternatives (`lstm_choice_mode=2`) ----------------------

XHTML = "{http://www.w3.org/1999/xhtml}"
# A right digit whose best other digit tesseract scored within this of its own was read
# unsurely: on the seen scans' header digits, 7 of 466 right digits and 6 of 12 digits
# read as another digit (decision 0038).
CLOSE = 10.0


def hocr_choices(hocr: bytes | None, top: int | None = None) -> list:
    """The hOCR page's lines that have a digit (those starting above `top` only), each a
    list of words: [text, alternatives], alternatives being, for each character of a word
    with a digit, its choices best first as [character, x_confs rounded] (else None;
    choices scored 0 are left out). A word whose choices are not one character each, one
    for each of its characters, has none; hOCR that is not well-formed gives none."""
    from xml.etree import ElementTree

    if not hocr:
        return []
    try:
        root = ElementTree.fromstring(hocr)
    except ElementTree.ParseError:
        return []
    out = []
    for line in root.iter(f"{XHTML}span"):
        if line.get("class") not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        box = (line.get("title") or "").split(";")[0].split()
        if top is not None and len(box) == 5 and box[2].isdigit() and int(box[2]) > top:
            continue
        words = []
        for word in line.iter(f"{XHTML}span"):
            if word.get("class") != "ocrx_word":
                continue
            text = (word.text or "").strip()
            if not text:
                continue
            alternatives = _alternatives(word, text) if re.search(r"\d", text) else None
            words.append([text, alternatives])
        if any(alternatives for _, alternatives in words):
            out.append(words)
    return out


def _alternatives(word, text: str) -> list | None:
    """Each character's choices in a hOCR word, or None unless there is one group of
    choices for each of its characters, each choice one character."""
    alternatives = []
    for group in word.iter(f"{XHTML}span"):
        if not (group.get("id") or "").startswith("lstm_choices"):
            continue
        options = []
        for choice in group:
            score = (choice.get("title") or "").split()
            try:
                options.append([choice.text or "", round(float(score[1]))])
            except (IndexError, ValueError):
                options.append([choice.text or "", 0])
        options = options[:1] + [o for o in options[1:] if o[1] > 0 and len(o[0]) == 1]
        if options and options[0][0] != " ":
            alternatives.append(options)
    if len(alternatives) != len(text) or any(
        len(options[0][0]) != 1 or options[0][0] != character
        for options, character in zip(alternatives, text, strict=True)
    ):
        return None  # not one choice per character: not used
    return alternatives


def _words(lines: list) -> list:
    """The words with alternatives, one list of choices for each of their characters (as
    `hocr_choices` gives them; others, as a stored or hand-made reading may hold, are
    left out)."""
    return [
        word
        for line in lines
        for word in line
        if len(word) == 2 and word[1] and len(word[1]) == len(word[0])
        and all(options and len(options[0]) == 2 for options in word[1])
    ]  # fmt: skip


def _places(words: list, token: str, role: str = ""):
    """Each page word with `token` standing alone or between signs ("83/2000/Q1"), and
    where; a `role` "number" is followed by a slash, a "year" (a symbol's) between two."""
    for word in words:
        text = word[0]
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            before = start == 0 or not text[start - 1].isalnum()
            after = end == len(text) or not text[end].isalnum()
            if role in ("number", "year"):
                after = text[end : end + 1] == "/"
            if role == "year":
                before = text[start - 1 : start] == "/" if start else False
            if before and after:
                yield word, start
            start = text.find(token, start + 1)


def _find(words: list, token: str, role: str = "") -> tuple[list, int] | None:
    """The first page word with `token`, and where."""
    return next(_places(words, token, role), None)


def _aligned(word: list, band_words: list) -> dict[int, list]:
    """The alternatives a further reading gives each character of the page's `word`: its
    word most like it, aligned character by character where they run alike."""
    import difflib

    best, ratio = None, 0.5
    for other in band_words:
        score = difflib.SequenceMatcher(None, fold(word[0]), fold(other[0])).ratio()
        if score > ratio:
            best, ratio = other, score
    if best is None:
        return {}
    out: dict[int, list] = {}
    matcher = difflib.SequenceMatcher(None, word[0], best[0], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                out[i1 + k] = best[1][j1 + k]
    return out


def _vote(choices: dict, token: str, role: str) -> str | None:
    """`token` (a number or year read with letters) with each letter replaced by the digit
    whose x_confs summed over the page's and the further readings' alternatives for that
    character is highest; None if a letter has no digit among them."""
    found = _find(_words(choices.get("page") or []), token, role)
    if not found:
        return None
    word, start = found
    bands = [_aligned(word, _words(lines)) for lines in choices.get("bands") or []]
    out = []
    for index, character in enumerate(token):
        if character in DIGITS:
            out.append(character)
            continue
        totals: dict[str, float] = {}
        position = start + index
        for options in [word[1][position], *(band.get(position) for band in bands)]:
            for option, confidence in options or []:
                if option in DIGITS:
                    totals[option] = totals.get(option, 0.0) + confidence
        if not totals:
            return None
        out.append(max(totals, key=totals.get))
    return "".join(out)


def _unsure(choices: dict, token: str, role: str = "") -> bool:
    """A digit of `token`, wherever the page read it (in its `role`), had another digit
    close behind."""
    for word, start in _places(_words(choices.get("page") or []), token, role):
        for options in word[1][start : start + len(token)]:
            own = options[0][1]
            if options[0][0] in DIGITS and any(
                c in DIGITS and c != options[0][0] and value >= own - CLOSE
                for c, value in options[1:]
            ):
                return True
    return False


def check_choices(
    doc: ParsedDocument, how: dict[str, float], choices: dict, today: datetime.date
) -> None:
    """A number or a symbol's year still read with a letter takes the digits the page's and
    the further readings' alternatives vote for, marked; a number, symbol year or date a
    digit of which tesseract read unsurely is marked for checking."""
    if not choices or not choices.get("page"):
        return
    number = str(doc.number or "")
    if number and re.search(r"\d", number) and not re.fullmatch(r"\d{1,5}", number):
        voted = _vote(choices, number, "number")
        if voted and re.fullmatch(r"\d{1,5}", voted):
            doc.number = voted
            _mark(how, "number", TAKEN)
    head, slash, tail = str(doc.symbol or "").partition("/")
    if slash and len(head) == 4 and not head.isdigit() and re.search(r"\d\d", head):
        voted = _vote(choices, head, "year")
        if voted and _possible(int(voted), today) and (not doc.date or doc.date.year == int(voted)):
            doc.symbol = f"{voted}/{tail}"
            _mark(how, "symbol", TAKEN)
    if doc.number and _unsure(choices, str(doc.number), "number"):
        _mark(how, "number", TAKEN)
    year_unsure = bool(doc.date) and _date_unsure(choices, doc.date, ("year",))
    if re.fullmatch(r"\d{4}", head) and (
        _unsure(choices, head, "year") or (year_unsure and int(head) == doc.date.year)
    ):
        _mark(how, "symbol", TAKEN)  # a symbol's year is its date's: doubted with it
    if doc.date and _date_unsure(choices, doc.date):
        _mark(how, "date", TAKEN)


def _date_unsure(
    choices: dict, date: datetime.date, parts: Sequence[str] = ("year", "day", "month")
) -> bool:
    """A digit of the date's day, month or year (`parts`), in the page's line with its
    year, was read unsurely."""
    for line in choices.get("page") or []:
        words = _words([line])
        if _find(words, str(date.year)):
            return any(_unsure({"page": [words]}, str(getattr(date, part))) for part in parts)
    return False
