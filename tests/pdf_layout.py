"""Where things are drawn on a PDF page, for layout assertions (pypdf only).

Text runs come from pypdf's text visitor; filled rectangles (WeasyPrint draws borders
and rules as `re f`) from the content stream, with the transforms applied. Both are
in points, y measured from the bottom of the page."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream


def _mult(m, n):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


@dataclass
class Run:
    text: str
    x: float
    y: float
    size: float


@dataclass
class Rule:
    x0: float
    x1: float
    y: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def pages(data: bytes) -> list:
    return PdfReader(io.BytesIO(data)).pages


def runs(page) -> list[Run]:
    """Each piece of text with its position (baseline) and size, in reading order."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            m = _mult(tm, cm)
            found.append(Run(text.strip(), m[4], m[5], size * abs(m[3]) if m[3] else size))

    page.extract_text(visitor_text=visit)
    return found


def rules(page) -> list[Rule]:
    """Horizontal lines: filled rectangles under 1.5 pt high and over 5 pt wide."""
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = []
    found: list[Rule] = []
    content = ContentStream(page.get_contents(), page.pdf)
    for operands, op in content.operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm":
            ctm = _mult(tuple(float(v) for v in operands), ctm)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            corners = [_mult((1, 0, 0, 1, px, py), ctm)[4:] for px, py in ((x, y), (x + w, y + h))]
            (x0, y0), (x1, y1) = corners
            if abs(y1 - y0) < 1.5 and abs(x1 - x0) > 5:
                found.append(Rule(min(x0, x1), max(x0, x1), (y0 + y1) / 2))
    return found


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def words(data: bytes, page_number: int) -> list[Word]:
    """Each word of a page (1-based) with its box, as poppler's `pdftotext -bbox` measures
    it (poppler-utils is a system package of the app: the reader rasterises scans with
    it). In points, y measured from the top of the page."""
    import html
    import re
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page_number), "-l", str(page_number), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        Word(html.unescape(text), float(x0), float(x1), float(top), float(bottom))
        for x0, top, x1, bottom, text in re.findall(pattern, out)
    ]


@dataclass
class Stroke:
    """A vertical line (a table's cell border), in points from the top of the page."""

    x: float
    top: float
    bottom: float


def vertical_strokes(page) -> list[Stroke]:
    """Vertical stroked lines (WeasyPrint draws table borders as `m l S`), over 5 pt."""
    height = float(page.mediabox.height)
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = []
    found: list[Stroke] = []
    here = None
    content = ContentStream(page.get_contents(), page.pdf)
    for operands, op in content.operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm":
            ctm = _mult(tuple(float(v) for v in operands), ctm)
        elif op in (b"m", b"l"):
            point = _mult((1, 0, 0, 1, float(operands[0]), float(operands[1])), ctm)[4:]
            if op == b"l" and here is not None:
                (x0, y0), (x1, y1) = here, point
                if abs(x1 - x0) < 0.5 and abs(y1 - y0) > 5:
                    found.append(Stroke(x0, height - max(y0, y1), height - min(y0, y1)))
            here = point
    return found


def cell_gaps(data: bytes, page_number: int, text: str) -> tuple[float, float]:
    """The room left and right of the word `text` inside the table cell it is drawn in:
    from the nearest border on each side that runs beside it (negative: past it)."""
    word = next(w for w in words(data, page_number) if w.text == text)
    middle = (word.top + word.bottom) / 2
    centre = (word.x0 + word.x1) / 2
    beside = [
        s.x for s in vertical_strokes(pages(data)[page_number - 1]) if s.top <= middle <= s.bottom
    ]
    left = max(x for x in beside if x < centre)
    right = min(x for x in beside if x > centre)
    return word.x0 - left, right - word.x1
