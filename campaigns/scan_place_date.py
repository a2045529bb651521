"""A scan's place-and-date line ("Bắc Ninh, ngày 28 tháng 3 năm 2013") as tesseract reads a
photocopy, put into the shape the reader's date patterns take (decision 0056).

Scans only: campaigns/importer.py calls `normalise_date_lines` on OCR output (the page and
each further reading of its header band) before anything else reads it; a text document's
lines are never passed here. Each rule rewrites a date line only where its shape is sure:

- a month that is a speck ("tháng -Ÿ năm 2013"): left blank ("…"), as a date left to fill in
  by hand is, so the place and the year are still read and the day and month are the
  clerk's (or a further reading's, `importer._vote_header`);
- a year cut by a space ("năm 201 3", "năm 301 5"): its digits joined, when they make four;
- a bracket between two capitals of a symbol ("291/Q0-LBD]T"): a speck, which cut the
  symbol short.
"""

from __future__ import annotations

import re

from units.text import fold

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


# A word with a slash (a number and symbol) and a bracket between two of its capitals
_SYMBOL_SPECK = re.compile(r"(?<=[A-ZĐ])[\[\]](?=[A-ZĐ])")


def _symbol_specks(line: str) -> str:
    if "[" not in line and "]" not in line:
        return line
    return re.sub(r"\S*/\S*", lambda m: _SYMBOL_SPECK.sub("", m.group(0)), line)


def _date_line(line: str) -> str:
    folded = fold(line)
    if "ng" not in folded:
        return line
    match = _MONTH_SPECK.search(folded)
    if match:
        line = line[: match.start(2)] + "…" + line[match.end(2) :]
        folded = fold(line)
    match = _YEAR_CUT.search(folded)
    if match and len(match.group(2) + match.group(3)) == 4:
        line = line[: match.start(2)] + match.group(2) + match.group(3) + line[match.end(3) :]
    return line


def normalise_date_lines(raw: str) -> str:
    """A scan's text with its place-and-date lines in a shape the reader takes."""
    return "\n".join(_date_line(_symbol_specks(line)) for line in raw.split("\n"))
