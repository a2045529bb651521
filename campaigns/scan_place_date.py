"""A scan's place-and-date line ("Bắc Ninh, ngày 28 tháng 3 năm 2013") as tesseract reads a
photocopy, put into the shape the reader's date patterns take (decision 0056).

Scans only: campaigns/importer.py calls `normalise_date_lines` on OCR output (the page and
each further reading of its header band) before anything else reads it; a text document's
lines are never passed here. Each rule rewrites a date line only where its shape is sure:

- a month that is a speck ("tháng -Ÿ năm 2013"): left blank ("…"), as a date left to fill in
  by hand is, so the place and the year are still read and the day and month are the
  clerk's (or a further reading's, `importer._vote_header`);
- a year cut by a space ("năm 201 3", "năm 301 5"): its digits joined, when they make four;
- a bracket between two capitals of a symbol ("291/Q0-LBD]T"), a colon before its dash
  ("722/QĐ:-TTg"): a speck, which cut the symbol short;
- the month's word with its vowel doubled or a speck glued to the month ("thaàng.LT",
  "thàng:4"): "tháng", then the month;
- a year whose first digit is a letter that is no digit's likeness ("năm J017"): a 2, when
  that makes a year not after next year;
- a small b for a day or month ("tháng b"): tesseract's 6 (its bowl and stem), where a
  capital B is its 8;
- a small word of one or two letters between the symbol and a place in capitals ("sẽ Hà
  Nội, ngày"): a speck, which made the place look like a sentence's words;
- the number's word with a speck inside or its o twice ("S%ö: 1447/…", "Soö: 28/…"): "Số:";
- a speck glued before the month ("tháng ¡5"), "năm" read with an h ("ham 2024").

`issuers_province_near` reads a place garbled past one slip as the province its issuer
names, when its last word is the province's (scans only, `importer._Parser.check_place`).
"""

from __future__ import annotations

import re

from units.text import fold

from .places import PROVINCES

# "ngày D tháng": the day as read, a few characters at most
_DAY = r"ng\w{1,2}y\s*[:;.]?\s*\S{1,3}\s+"
# the month's word, its vowel maybe doubled ("thaàng"), a speck after it ("thàng:")
_MONTH_WORD = r"th\w{2,4}"
# "năm" as tesseract reads it ("nam", "nàth", "nành", "am")
_YEAR_WORD = r"(?:[nmr]\w{1,3}|a\w?)"

# A month that is a speck: one or two marks, maybe a letter after them ("-Ÿ", "'.")
_MONTH_SPECK = re.compile(
    rf"({_DAY}{_MONTH_WORD}\s+)([\-–~'\"`.,]{{1,2}}[a-z]?)(?=\s+{_YEAR_WORD}\s+\S*\d)"
)
# A year cut by one space: "201 3", "20 13", "2 013" (four digits in all)
_YEAR_CUT = re.compile(
    rf"({_DAY}{_MONTH_WORD}\s*[:;.]?\s*\S{{1,2}}\s*[.:;,\-]?\s*{_YEAR_WORD}\s+)"
    r"(\d{1,3}) (\d{1,3})(?![\d/])"
)


# A word with a slash (a number and symbol) and a bracket between two of its capitals,
# or a colon between a capital and the dash after it
_SYMBOL_SPECK = re.compile(r"(?<=[A-ZĐ])(?:[\[\]](?=[A-ZĐ])|:(?=-[A-ZĐ]))")


def _symbol_specks(line: str) -> str:
    if not any(mark in line for mark in "[]:"):
        return line
    return re.sub(r"\S*/\S*", lambda m: _SYMBOL_SPECK.sub("", m.group(0)), line)


# The month's word read long ("thaàng") or with a speck glued to the month ("thàng:4")
_MONTH_GLUED = re.compile(rf"({_DAY})(th\w{{2,4}})(?:([:;.,])|\s+)(?=[0-9a-z|!])")
# A year after the year's word whose first digit is a letter no digit is read as
_YEAR_LETTER = re.compile(rf"(\s{_YEAR_WORD}\s+)([a-z])(\d{{3}})(?![\d/])")
# A day or month read as a small b
_SMALL_B = re.compile(r"\b(?:ng\w{1,2}y|th\w{2,3})\s+(b)(?=\s)")
# The letters importer._OCR_DIGITS reads as digits
_DIGIT_LIKE = set("litofdsbzgqa")


# A speck glued before a month's digit ("tháng ¡5"), and "năm" read with an h ("ham")
_DIGIT_SPECK = re.compile(rf"({_DAY}{_MONTH_WORD}\s*)[¡¿'`](?=\d)")
_H_YEAR = re.compile(rf"({_DAY}{_MONTH_WORD}\s*\S{{1,2}}\s+)(h\w{{1,2}})(?=\s+\d{{4}})")


def _date_line(line: str) -> str:
    folded = fold(line)
    if "ng" not in folded:
        return line
    match = _DIGIT_SPECK.search(folded)
    if match:
        line = line[: match.end(1)] + line[match.end(1) + 1 :]
        folded = fold(line)
    match = _H_YEAR.search(folded)
    if match:
        line = line[: match.start(2)] + "năm" + line[match.end(2) :]
        folded = fold(line)
    match = _MONTH_GLUED.search(folded)
    if match and (match.group(3) or len(match.group(2)) >= 6):
        line = line[: match.start(2)] + "tháng " + line[match.end() :]
        folded = fold(line)
    match = _YEAR_LETTER.search(folded)
    if match and match.group(2) not in _DIGIT_LIKE:
        year = int(f"2{match.group(3)}")
        from .importer import _vietnam_today

        if 2000 <= year <= _vietnam_today().year + 1:
            line = line[: match.start(2)] + "2" + line[match.end(2) :]
            folded = fold(line)
    for match in reversed(list(_SMALL_B.finditer(folded))):
        if line[match.start(1)] == "b":  # a capital B is an 8, read so by the importer
            line = line[: match.start(1)] + "6" + line[match.end(1) :]
    folded = fold(line)
    match = _MONTH_SPECK.search(folded)
    if match:
        line = line[: match.start(2)] + "…" + line[match.end(2) :]
        folded = fold(line)
    match = _YEAR_CUT.search(folded)
    if match and len(match.group(2) + match.group(3)) == 4:
        line = line[: match.start(2)] + match.group(2) + match.group(3) + line[match.end(3) :]
    return line


# A small word of a letter or two between a symbol and a place in capitals ("722/QĐ-TTg sẽ
# Hà Nội, ngày"): a speck, else the place is taken for a sentence's words
_SPECK_BEFORE_PLACE = re.compile(r"(\S/\S+\s+)([^\W\d_]{1,2})\s+(?=([^\W\d_])[^,]{1,40},\s*ng)")


def _speck_before_place(line: str) -> str:
    match = _SPECK_BEFORE_PLACE.search(line)
    if match and match.group(2).islower() and match.group(3).isupper():
        return line[: match.start(2)] + line[match.end() :]
    return line


# "S%ö: 1447/…", "Soö: 28/…": the number's word with a speck inside it, or its o twice
_NUMBER_WORD = re.compile(r"^\W{0,2}\s*S(?:[%*^~'`\"]([^\W\d_])|([^\W\d_]{2}))\s*[:;.]\s*(?=\d)")


def _number_word(line: str) -> str:
    match = _NUMBER_WORD.match(line)
    if match and fold(match.group(1) or match.group(2)) in ("o", "e", "oo", "oe"):
        return "Số: " + line[match.end() :]
    return line


def normalise_date_lines(raw: str) -> str:
    """A scan's text with its place-and-date lines in a shape the reader takes."""
    return "\n".join(
        _date_line(_speck_before_place(_symbol_specks(_number_word(line))))
        for line in raw.split("\n")
    )


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


_PROVINCE_IN = re.compile(r"\b(?:tinh|thanh pho)\s+(\S.*)$")


def issuers_province_near(place: str, issuer: str | None, parent: str | None) -> str | None:
    """The province the issuer or its parent names ("TỈNH LAI CHÂU"), when a scan's place
    has as many words, the same last word, and at most three letters off in all ("Eáau
    Châu"): a provincial body's place line names its province. None when it is not so, or
    when the two name different provinces."""
    read = re.sub(r"[^\w ]", "", fold(place)).split()
    found = set()
    for name in (issuer, parent):
        match = _PROVINCE_IN.search(fold(name or "").strip(" .,-"))
        if not match:
            continue
        words = match.group(1).split()
        known = [p for p in PROVINCES if fold(p).split() == words]
        if (
            known
            and len(words) == len(read) >= 2
            and words[-1] == read[-1]
            and _distance(" ".join(read), " ".join(words)) <= 3
        ):
            found.add(known[0])
    return found.pop() if len(found) == 1 else None


_CENTRAL = re.compile(r"^\W*ban\s+chap\s+hanh\W+trung\s+u\w{0,2}ng\b")


def central_committee_of(parent: str | None, issuer: str | None) -> str | None:
    """A scan's "BAN CHẤP HÀNH TRUNG ƯƠNG" read as the parent of the organisation under it
    (its own line, the national name maybe glued after it: "TRUNG UƠNG:ÔNG HÒA"): a
    central committee is of that organisation, one body ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN
    TNCS HỒ CHÍ MINH"). None when it is not so."""
    if not parent or not issuer or not _CENTRAL.match(fold(parent)):
        return None
    if not re.match(r"(?:doan|hoi|dang|mat tran)\b", fold(issuer)):
        return None
    return f"BAN CHẤP HÀNH TRUNG ƯƠNG {issuer}"


def one_letter_heading(line: str) -> str | None:
    """The type heading a short line in capitals is one letter from ("KỸ HOẠCH"), if
    exactly one: sure enough to stand over a trích yếu in small letters."""
    from .importer import HEADINGS

    letters = re.sub(r"[^a-z]", "", fold(line))
    if len(letters) < 6 or not line.strip().isupper():
        return None
    near = {name for key, name in HEADINGS if _distance(letters, key.replace(" ", "")) == 1}
    return near.pop() if len(near) == 1 else None
