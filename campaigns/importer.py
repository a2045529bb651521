"""Read a launch document (văn bản phát động) into structured fields.

Rule-based and deterministic: the rules follow Decree 30/2020 (the header,
"Số: .../...", the place-and-date line, the type heading and trích yếu, Kính
gửi, Nơi nhận, the signature block) and the habits of Vietnamese
administrative writing (items numbered "1.", "Một là,", "a)", "- ", "+ " under
sections "I., II."; "chủ đề “...”"; "đến ngày 30/6/2025"; anniversaries with
date ranges; "Công văn số 2563/UBND-TH ngày 04/7/2024 của ...").

Real text is messy: two-column headers flattened on one line, PDF text with
hard line breaks, Markdown marks, old and new tone placement, curly and
straight quotes, lost diacritics, portal text around the document. Matching
runs on a folded copy of the text (lower case, no diacritics, đ → d) that
keeps every character's position, so what is found is cut from the original.

The parser never raises on text: what it cannot find is None or empty.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from units.text import fold as _fold

from .bodies import BODIES, CENTRAL_NAMED, check_scan_header
from .places import (
    BODY_ACRONYMS,
    PROVINCES,
    initials,
    issuers_capital_near,
    level,
    nearest_province,
    province,
)
from .reference_data import DOCUMENT_KINDS
from .scan_place_date import (
    central_committee_of,
    issuers_province_near,
    normalise_date_lines,
    one_letter_heading,
)
from .scan_subject import is_syllable, repair_scan_subject

# --------------------------------------------------------------------------
# Text helpers


# The folding primitive lives in units/text.py; the reader folds the same paragraphs
# again and again, so it keeps the results.
fold = functools.lru_cache(maxsize=8192)(_fold)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


_RULE_LINE = re.compile(r"\s*[-_=–—.*•|~]+\s*")
# "Trang 1THỦ TƯỚNG": a viewer's page label run into the first line
# A dash a text layer left glued to the number's line or the national name ("-Số: 04/…",
# "-CỘNG HÒA …", decision 0051): no list's mark.
_GLUED_DASH = re.compile(r"^\s*[-–](?=(?:Số|SỐ)\s*[:.]|C[ỘO]NG H[ÒO]A\b)")
# A viewer's page label run into the line below it: "Trang 2THÔNG TƯ", a document site's
# counter "(1)BỘ Y TẾ" (decision 0051).
_PAGE_LABEL = re.compile(r"^\s*(?:Trang\s*\d{1,3}|\(\d{1,3}\))(?=[A-ZĐÂĂÊÔƠƯỦ])")


# HTML markup a document site left in its text ("<b>SỞ Y TẾ</b>", "<i>Tân An, ngày …</i>",
# "<span class='text_page_counter'>"): a block's tag ends its line, an inline one is a space.
# Only these tags' names: a "<" in the text itself stays.
_HTML_BLOCK = re.compile(r"(?i)<\s*/?\s*(?:br|p|div|tr|li|h[1-6]|table)\b[^<>]{0,200}>")
_HTML_INLINE = re.compile(
    r"(?i)<\s*/?\s*(?:b|i|u|em|strong|span|font|a|sup|sub|td|th|tbody|thead)\b[^<>]{0,200}>"
)

# A rule line's place in the cleaned lines: a break no paragraph runs across.
RULE = "\x1e"


def clean_lines(raw: str) -> list[str]:
    """NFC text without Markdown marks or table pipes; lines keep their leading indent."""
    text = unicodedata.normalize("NFC", raw or "")
    # NUL and the combining marks NFC left: looked up once per distinct character
    strays = {ord(ch): None for ch in set(text) if ch == "\x00" or unicodedata.combining(ch)}
    if strays:
        text = text.translate(strays)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if "<" in text:
        text = _HTML_INLINE.sub(" ", _HTML_BLOCK.sub("\n", text))
    if _LITERAL_BREAK.search(text):
        # a site that printed its line breaks as text ("\\r\\n ỦY BAN NHÂN DÂN | \\r\\n")
        text = _LITERAL_BREAKS.sub("\n", text)
    lines = []
    pieces = (piece for whole in text.split("\n") for piece in _unflatten(whole))
    for line in (column for piece in pieces for column in _columns(piece)):
        if _TABLE_RULE.match(line):
            continue
        if _RULE_LINE.fullmatch(line) and line.strip(" |"):
            # a rule under the header's names or the title ("-------", "____"): not text,
            # but it ends what is above it (the title does not run into the first line);
            # tested before the Markdown marks go, or "____" would be taken for them
            if lines and lines[-1] != RULE:
                lines.append(RULE)
            continue
        line = _MD_HEADING.sub("", line)
        line = _MD_EMPHASIS.sub("", line)
        line = re.sub(r"^\s*>\s?", "", line)
        line = line.replace("|", " ")
        line = _unspace(line.rstrip())
        line = _SPACES.sub(" ", line)
        if re.fullmatch(r"\s*-?\s*\d{1,3}\s*-?\s*", line):
            continue  # a page number on its own line
        line = _PAGE_LABEL.sub("", line)
        line = _GLUED_DASH.sub("", line)
        lines.append(line)
    return _join_cells(lines)


# A name a site printed with its letters spaced out ("T H Ủ   T Ư Ớ N G   C H Í N H"):
# single letters only, words parted by the widest gaps.
_SPACED = re.compile(r"\s*(?:\w[ \u00a0]+){5,}\w\s*")


def _unspace(line: str) -> str:
    """Spaced-out letters joined back into words, where the gaps tell the words apart
    (the gap between words is wider than any gap inside one); otherwise left as read."""
    if not _SPACED.fullmatch(line):
        return line
    gaps = [len(g) for g in re.findall(r"[ \u00a0]+", line.strip())]
    widest = max(gaps)
    if widest < 2 or min(gaps) == widest:
        return line
    words = re.split(rf"[ \u00a0]{{{widest},}}", line.strip())
    return " ".join(re.sub(r"[ \u00a0]+", "", word) for word in words)


# Line breaks a site printed as the text "\r\n" (two or more, so a lone "\n" in a path
# or a formula is left alone).
_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n(?:[ \t]*(?:\\r)?\\n)+|\\r\\n")
_LITERAL_BREAKS = re.compile(r"(?:\\r)?\\n|\\r")

# Where a header flattened on one line is cut back into its lines: around the national
# name and the motto, around "Số: 12/ABC", before "V/v" and "Kính gửi".
_FLAT_AROUND = re.compile(
    r"cong hoa xa\s*hoi chu nghia viet nam|viet nam dan chu cong hoa|"
    r"[dp]oc\s*lap\s*[-–]?\s*tu\s*do\s*[-–]?\s*hanh\s*phuc|"
    r"\bso\s*[:.]\s*(?:\d[^\s/]*|[^\s/\w]{1,3}\d?)\s*/\s*[\w\-.]+(?:/[\w\-.]+)*"
)
# The place-and-date line inside a flattened header: the place in title case, the date
# however an OCR layer left it ("Long Bien, ngay ^ 9 thangi^-nam 2020").
_FLAT_PLACE_DATE = re.compile(
    r"(?<![\w-])(?:[A-ZĐ][a-zđà-ỹ]+[ -]){0,3}[A-ZĐ][a-zđà-ỹ]+,\s*ng[aàá]y\b.{0,30}?n[aă]m\s*\d{4}"
)
_FLAT_BEFORE = re.compile(r"\bv/v\b|\bkinh g[uo]i\b")
# In a flattened decision, the first "Căn cứ" and the authority line in capitals right
# before it ("… TRÊN ĐỊA BÀN TỈNH X ỦY BAN NHÂN DÂN TỈNH X Căn cứ …"): the title ends there.
_FLAT_GROUNDS = re.compile(r"\bCăn cứ\b")
_FLAT_AUTHORITY = re.compile(
    r"(?<!cua )(?<!thuoc )\b(?:(?:chu tich|bo truong|thu tuong|giam doc) )?"
    r"(?:uy ban nhan dan|hoi dong nhan dan|bo |chinh phu)"
)


def _unflatten(line: str) -> list[str]:
    """A whole header on one line (a PDF's text layer flattened: "UBND TỈNH X CỘNG HÒA XÃ
    HỘI CHỦ NGHĨA VIỆT NAM SỞ Y Độc lập - Tự do - Hạnh phúc Số : 12 /SYT-VP X, ngày …
    V/v …") cut back into its lines; any other line as it is."""
    if len(line) < 150:
        return [line]
    folded = fold(line)
    if not NATIONAL.search(folded) or not re.search(r"\bso\s*[:.]\s*\S{0,8}\s*/\s*\w", folded):
        return [line]
    cuts = {0, len(line)}
    for match in _FLAT_AROUND.finditer(folded):
        cuts.update((match.start(), match.end()))
    for match in _FLAT_PLACE_DATE.finditer(line[:600]):
        cuts.update((match.start(), match.end()))
    for match in _FLAT_BEFORE.finditer(folded):
        cuts.add(match.start())
    cuts.update(_flat_title_cuts(line, folded))
    ordered = sorted(cuts)
    pieces = [line[a:b].strip() for a, b in zip(ordered, ordered[1:], strict=False)]
    if pieces and re.match(r"^\d{1,2}\.\s+[^\W\d_]", pieces[0]) and _is_caps(pieces[0]):
        pieces[0] = re.sub(r"^\d{1,2}\.\s+", "", pieces[0])  # a viewer's page number
    return [piece for piece in pieces if piece]


def _flat_title_cuts(line: str, folded: str) -> list[int]:
    """In a flattened header, where the heading, the title and the authority line end:
    after a type heading in capitals that follows the place and date, before the
    authority line in capitals that stands right before the first "Căn cứ", and there."""
    grounds = _FLAT_GROUNDS.search(line)
    if not grounds:
        return []
    cuts = [grounds.start()]
    dated = list(_FLAT_PLACE_DATE.finditer(line[: grounds.start()]))
    start = dated[-1].end() if dated else 0
    caps = line[start : grounds.start()].strip()
    if not caps or not _is_caps(caps):
        return cuts
    offset = start + (len(line[start:]) - len(line[start:].lstrip()))
    title = fold(caps)
    for key, _ in HEADINGS:
        if title.startswith(key + " "):
            cuts.append(offset + len(key))
            break
    authorities = [m for m in _FLAT_AUTHORITY.finditer(title) if m.start() > 0]
    if authorities:
        cuts.append(offset + authorities[-1].start())
    return cuts


# A run of spaces wide enough to part two columns laid out on one line.
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{4,}|\t")


def _columns(line: str) -> list[str]:
    """The two header columns on the same line, parted by a run of spaces ("Số : 12 /SYT
    –VP          Hà Nội, ngày …"), cut into a line each when one of them is a header's
    part (the national name or motto, "Số:", a place-and-date line); any other line as
    it is (a justified body keeps its spacing)."""
    if not _COLUMN_GAP.search(line.strip()):
        return [line]
    parts = [part for part in _COLUMN_GAP.split(line.strip()) if part.strip()]
    if len(parts) < 2:
        return [line]
    for part in parts[1:]:
        folded = fold(part)
        if (
            NATIONAL.search(folded)
            or re.match(r"doc lap\b", folded)
            or re.match(r"(so|s\w)\s*[:.]\s*\S*\s*/", folded)
            or place_date_match(folded)
        ):
            return parts
    return [line]


# Names that a table cell's narrow column breaks across lines ("ỦY / BAN NHÂN DÂN",
# "ỦY BAN NHÂN / DÂN", "CỘNG / HÒA XÃ HỘI …").
_BROKEN_NAMES = re.compile(
    r"uy ban nhan dan|hoi dong nhan dan|cong hoa xa hoi chu nghia viet nam|thanh pho|uy ban"
)
_CELL_ZONE = 60  # lines: the header is in the first ones


def _join_cells(lines: list[str]) -> list[str]:
    """Join what a table cell broke across lines in the header: a name cut inside
    ("ỦY / BAN NHÂN DÂN"), "Số:" and its number ("Số: / 29/KH-UBND"), a place cut before
    its date line ("Thái / Nguyên, ngày …", "TP Hồ Chí / Minh, ngày …")."""
    out: list[str] = []
    for index, line in enumerate(lines):
        previous = out[-1] if out else ""
        if index < _CELL_ZONE and previous.strip() and previous != RULE and line.strip():
            if line != RULE and _broken_pair(previous.strip(), line.strip()):
                out[-1] = f"{previous.rstrip()} {line.strip()}"
                continue
        out.append(line)
    return out


def _broken_pair(first: str, second: str) -> bool:
    a, b = fold(first), fold(second)
    if re.fullmatch(r"(so|s\w)\s*[:.;]?", a) and re.match(r"[\w.…]*\s*/|\d", b):
        return True  # "Số:" / "29/KH-UBND"
    if _is_caps(first) and _is_caps(second):
        joined = f"{a} {b}"
        return any(m.start() < len(a) < m.end() for m in _BROKEN_NAMES.finditer(joined))
    words = first.split()
    if (
        1 <= len(words) <= 4
        and _starts_upper(first)
        and not _is_caps(first)
        and not re.search(r"[\d/:;,.()]", first)
        and not NATIONAL.search(a)
    ):
        match = place_date_match(b)
        head = b.split(",", 1)[0]
        if match and match.place[0] == 0 and 1 <= len(head.split()) <= 3:
            return True  # "Thái" / "Nguyên, ngày 22 tháng 3 năm 2018"
    return False


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def strip_end(text: str) -> str:
    return text.strip().rstrip(";,.").strip()


# --------------------------------------------------------------------------
# Dates

_DMY = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
_WORDS_DATE = r"(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})"


def make_date(day, month, year) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def date_at(folded: str, start: int = 0) -> tuple[datetime.date | None, int]:
    """The first date written as 30/6/2025 or "30 tháng 6 năm 2025" from `start`."""
    best = None
    for pattern in (_DMY, _WORDS_DATE):
        match = re.compile(pattern).search(folded, start)
        if match and (best is None or match.start() < best.start()):
            best = match
    if not best:
        return None, -1
    return make_date(*best.groups()), best.end()


# --------------------------------------------------------------------------
# Vocabulary

# Document types come from one table (campaigns/reference_data.py). No folded name or
# heading is the start of another, so the order they are tried in does not matter.
HEADINGS = [
    (kind.heading_key, kind.name)
    for kind in DOCUMENT_KINDS
    # decrees and circulars are not issued here, but a clerk may read one
    if kind.heading or kind.name in ("Nghị định", "Thông tư")
]
ABBREVIATIONS = {
    fold(kind.abbreviation): kind.name
    for kind in DOCUMENT_KINDS
    if kind.heading and kind.abbreviation
}
REFERENCE_TYPES = [kind.name for kind in DOCUMENT_KINDS if kind.cited]
_REF_FOLDED = "|".join(fold(t) for t in REFERENCE_TYPES)
_REF_NAMES = {fold(t): t for t in REFERENCE_TYPES}

# Laws, codes and ordinances, which are cited by their name ("Luật Thi đua, khen thưởng
# ngày 15 tháng 6 năm 2022"), a number only sometimes; folded, longest first.
_NAMED_ACT_TYPES = {"bo luat": "Bộ luật", "luat": "Luật", "phap lenh": "Pháp lệnh"}
# "<type> <name>[ số n/symbol][ ngày d]", the name up to its number, its date, the end of
# the clause or another ground ("; Luật …", a line opening "Căn cứ"). A name does not open
# with "số" (that is a numbered citation, `references`) nor run over 300 characters.
# Another citation inside what would be a law's name ("Luật Hộ tịch năm 2014 và Quyết
# định số 101/…"): the name ends before it.
_NOT_NAMED = "|".join(fold(t) for t in REFERENCE_TYPES if fold(t) not in ("luat", "phap lenh"))
_ANOTHER_CITED = rf"\s+(?:va\s+|,\s*)?(?:{_NOT_NAMED})\s+(?:so\b|s\s+\d|\d)"
_NAMED_ACT = re.compile(
    r"(?<![\w/])(bo luat|luat|phap lenh)\s+(?!so\b)"
    rf"((?:(?!\s+so?\s*:?\s*\d|\s+ngay\s+\d|\s*;|\.\s|\.$|\n\s*can cu\b|{_ANOTHER_CITED})"
    r"[^;]){1,300}?)"
    rf"(?P<tail>\s+so?\s*\d+/[\w\-./]+(?:\s*,?\s*ngay\s+(?:{_DMY}|{_WORDS_DATE}))?"
    rf"|\s*,?\s*ngay\s+(?:{_DMY}|{_WORDS_DATE}))?"
    r"(?(tail)|(?=\s*;|\s*\.(?:\s|$)|\s*$|\s*,?\s*(?:da duoc|duoc)\s+sua doi|\n\s*can cu\b"
    rf"|{_ANOTHER_CITED}))"
)
# A ground: from "Căn cứ" at the start of a line to the end of its clause, a ";" or "."
# ending a line (its lines may wrap).
_GROUNDS = re.compile(r"(?ms)^\s*can cu\b.*?(?:[;.]\s*$|\Z)")
# What stands right before a law that is itself a ground: "Căn cứ", or "; " in a list
_GROUND_OPENS = re.compile(r"(?:can cu|;)\s*$")


def _grounds_spans(folded: str) -> list[tuple[int, int]]:
    """Where the document's grounds ("Căn cứ …;") are, as (start, end) offsets."""
    return [(m.start(), m.end()) for m in _GROUNDS.finditer(folded)]


def _in_spans(spans: list[tuple[int, int]], at: int) -> bool:
    return any(start <= at < end for start, end in spans)


# The archive line's opening and one of its codes ("VT", "TĐKT(03b)", "NV-TP,"): capitals,
# digits and marks, never a name's word
_ARCHIVE = re.compile(r"^L[ưu]u\s*:?\s*")
_ARCHIVE_CODE = re.compile(r"[A-ZĐ0-9][A-ZĐ0-9&/\-.]*(?:\(\w+\))?[.,;]?")
# Where the name of a cited document's issuer ends: "... của UBND tỉnh Lai Châu về ...".
ISSUER_STOP = (
    r"\s+(?:ve|v/v|nham|theo|trong do|tai|da|ban hanh|phat dong|thuc hien|trien khai|huong dan|"
    r"quy dinh|tiep tuc|doi voi|gan voi|cho|voi|va cac)\b|[;,.:(“\"\n]|\s+-\s"
)

# Every place where an issuer's name may end, found in one pass over the text (a search
# from each reference to the end made a long document quadratic).
_ISSUER_STOPS = re.compile(f"(?=(?:{ISSUER_STOP}))")
# An issuer's name is at most 12 words: this much text after "của" always holds them.
ISSUER_SPAN = 300

# Where signature words begin inside a line of a flattened close (a scan may read the
# authority's dot as a colon, "TM: ỦY BAN …", decision 0046).
SIGNATURE_SPLIT = (
    r"\s+(?=(?:(?:TM|KT|TL|TUQ|Q)\s*\.|(?:TM|KT|TL|TUQ):)\s*[A-ZĐÂĂÊÔƠƯỦ])"
    r"|(?<=;)\s+(?=(?:PHÓ |PHO )?(?:CHỦ TỊCH|CHU TICH|GIÁM ĐỐC|GIAM DOC|TRƯỞNG [A-ZĐ]+)$)"
)

ORDINALS = "mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi"
ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"

MARKERS = [
    ("roman", re.compile(rf"^(?=[ivx])({ROMAN})\s*[.)/]\s*(?=\S)")),
    ("article", re.compile(r"^(dieu\s+\d+)\s*[.:]\s*")),
    ("arabic2", re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)]\s+(?=\D)")),
    ("ordinal", re.compile(rf"^((?:{ORDINALS}) la)\s*[,:]\s*")),
    ("letter", re.compile(r"^([a-z])\)\s*(?=\S)")),
    ("dash", re.compile(r"^([-–—•·▪●])\s*(?=\S)")),
    ("plus", re.compile(r"^(\+)\s*(?=\S)")),
]

SIGN_AUTHORITY = re.compile(r"^(tm|kt|tl|tuq|q|ktl)\s*[.:]\s*\S", re.I)
# The abbreviation alone, its body on the next line: a table cell cut after it ("TM. /
# ỦY BAN NHÂN DÂN TỈNH", decision 0050).
_BARE_AUTHORITY = re.compile(r"^\s*(?:(?:tm|kt|tl|tuq|q|ktl)\s*[.:]|tm|kt|tl|tuq|ktl)\s*$", re.I)
# Lines that stand alone: nothing before or after joins them.
STRUCTURAL = re.compile(
    r"^(so\s*:|kinh g[uo]i|noi nhan|luu\s*:|cong hoa xa hoi|doc lap\s*-|\(?da ky\)?$)"
)
# Lines that open a paragraph which may go on over the next lines ("V/v ..." wraps).
OPENS_BLOCK = re.compile(r"^(v/v\b|ve viec\s*:)")
# Words that open a paragraph even when the line before has no full stop
# (a trích yếu ends without one), unless that line stops on a linking word.
PARAGRAPH_OPENERS = re.compile(
    r"^(can cu|thuc hien|nham |tren day|trong do|voi tinh than|ket thuc)"
)
LINKING_END = re.compile(
    r"\b(cua|va|ve|voi|theo|cac|nhung|cho|tai|la|trong|tren|duoi|den|tu|so|ngay|nam|thang)$"
)
# The same words with their marks: in a text that has its marks, "… TỈNH HÀ NAM" and "… SƠN
# LA" end in a place's name, not in "năm" or "là" (decision 0050).
LINKING_WORDS = frozenset(
    "của và về với theo các những cho tại là trong trên dưới đến từ số ngày năm tháng".split()
)


# The national name (and the state's name of 1945-1976, "VIỆT NAM DÂN CHỦ CỘNG HOÀ") and
# the motto, also as a text layer left them: a space lost inside ("XàHỘI"), dashes lost.
NATIONAL = re.compile(
    r"cong hoa xa\s*hoi chu nghia viet nam|viet nam dan chu cong hoa|"
    r"doc lap\s*(?:-|\s)\s*tu do\s*(?:-|\s)\s*hanh phuc"
)


# --------------------------------------------------------------------------
# Result


@dataclass
class Item:
    label: str
    text: str
    marker: str
    children: list[Item] = field(default_factory=list)


@dataclass
class ParsedDocument:
    """Everything found; `None` or empty where nothing was found."""

    issuer: str | None = None
    issuer_parent: str | None = None
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    date_month: int | None = None
    date_year: int | None = None
    subject: str | None = None
    theme: str | None = None
    end_date: datetime.date | None = None
    time_frame: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    recipients: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    anniversaries: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    text: str = ""
    # How sure the reader is of each header field, 0 to 1 (see `confidence.py`), and what
    # it read but would not keep ("Số: ^3" is no number), in Vietnamese for the clerk.
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    scanned: bool = False
    ocr_confidence: float | None = None  # tesseract's mean word confidence, 0 to 1

    @property
    def content_items(self) -> list[str]:
        return [item.text for item in self.items]

    def to_dict(self) -> dict:
        """Everything found, as JSON-ready data (stored with an imported document)."""

        def item(entry: Item) -> dict:
            return {
                "label": entry.label,
                "text": entry.text,
                "children": [item(child) for child in entry.children],
            }

        return {
            **self.as_contract(),
            "date_month": self.date_month,
            "date_year": self.date_year,
            "time_frame": self.time_frame,
            "items": [item(entry) for entry in self.items],
            "preamble": list(self.preamble),
            "closing": list(self.closing),
            "scanned": self.scanned,
        }

    def as_contract(self) -> dict:
        """The JSON contract of `parse_document --json`."""

        def iso(value):
            return value.isoformat() if value else None

        return {
            "issuer": self.issuer,
            "issuer_parent": self.issuer_parent,
            "doc_type": self.doc_type,
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": iso(self.date),
            "subject": self.subject,
            "theme": self.theme,
            "end_date": iso(self.end_date),
            "signer_name": self.signer_name,
            "signer_title": self.signer_title,
            "signing_authority": self.signing_authority,
            "recipients": list(self.recipients),
            "distribution": list(self.distribution),
            "content_items": self.content_items,
            "anniversaries": [
                {"name": a["name"], "start": iso(a["start"]), "end": iso(a["end"])}
                for a in self.anniversaries
            ],
            "references": [
                {
                    "doc_type": r["doc_type"],
                    "name": r["name"],
                    "number": r["number"],
                    "symbol": r["symbol"],
                    "date": iso(r["date"]),
                    "issuer": r["issuer"],
                    "grounds": r["grounds"],
                }
                for r in self.references
            ],
            "confidence": dict(self.confidence),
            "warnings": list(self.warnings),
        }


# --------------------------------------------------------------------------
# Paragraphs


_SENTENCE_ENDS = (".", ":", ";", "!", "?", "…")
_CLOSERS = "'\"”’)]"


def _ends_sentence(text: str) -> bool:
    """Ends with . : ; ! ? or … (quotes and brackets after it allowed), or with ./.

    Looks at the end only, so it costs the same on a paragraph of any length.
    """
    if text.endswith("./."):
        return True
    text = text.removesuffix("\n")  # as a regex's `$`, which also matches before one
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def _starts_upper(text: str) -> bool:
    first = text.lstrip("“\"'‘(*[ ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _is_caps(text: str) -> bool:
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def _marker(text: str) -> tuple[str, str, str] | None:
    """(kind, label as written, rest of the text) when a paragraph opens with a list marker."""
    folded = fold(text)
    for kind, pattern in MARKERS:
        match = pattern.match(folded)
        if match:
            if kind == "roman" and not match.group(1):
                continue
            end = match.end()
            return (
                kind,
                text[: match.end(1) if kind != "ordinal" else end].strip(),
                text[end:].strip(),
            )
    return None


@dataclass(frozen=True)
class PlaceDate:
    """Where the place-and-date line's parts are in a paragraph."""

    place: tuple[int, int]
    day: str
    month: str
    year: str


# A day or month: digits, dots or blanks left to fill in by hand, or (a scan) one or two
# letters OCR made of a digit ("tháng E", "ngày 2E": the place, month and year are kept,
# the day is not read), or a speck for the day ("ngày ? tháng 2", decision 0046); OCR also
# puts a colon after a word ("ngày:").
# An OCR text layer leaves marks where a day or month was written by hand ("ngay ^ 9
# thangi^-nam 2020"): the place and year are kept, the day and month are not read.
_DATE_TAIL = re.compile(
    r",\s*ngay\s*[:;.]?\s*(?P<day>\d{1,2}|[.…_ ?]*|[0-9a-z]{1,2}(?=\s)|[\^~*`]+[ \d]{0,3})\s*"
    r"(?:thang|/)\s*[:;.]?\s*"
    r"(?P<month>\d{1,2}|[.…_ ]*|[0-9a-z]{1,2}(?=\s)|[a-z]?[\^~*`][\^~*`\-]*)\s*"
    # "năm" as a recogniser may read it: "nan)", "năni", "nam)" (decision 0069)
    r"(?:nam|n[a-z]{1,3}\)?|/)\s*[:;.]?\s*(?P<year>\d{4})"
)


# A district or ward named by its number ("Quận 9", "Phường 3"): the only digits a place has.
_NUMBERED_PLACE = re.compile(r"\b(?:quan|phuong)\s+\d{1,2}\b")


def place_date_match(folded: str) -> PlaceDate | None:
    """The place-and-date line ("Tam Đường, ngày 15 tháng 7 năm 2024"), not a date in a sentence."""
    if "ngay" not in folded:
        return None
    for match in _DATE_TAIL.finditer(folded):
        # the place: up to 60 characters before the date, back to a comma or line break
        window_start = max(0, match.start() - 60)
        window = folded[window_start : match.start()]
        cut = max(window.rfind(","), window.rfind("\n")) + 1
        if len(window) - cut < 2:
            continue
        start = window_start + cut
        place = window[cut:]
        flattened = list(
            re.finditer(r"\bso\s*:\s*(?:\S*\s*/\s*\S+|\d+\s*[-–]\s*[a-z]\S*)\s*", place)
        )
        if flattened:
            start += flattened[-1].end()
            place = place[flattened[-1].end() :]
        national = list(NATIONAL.finditer(place))
        if national:
            start += national[-1].end()
            place = place[national[-1].end() :]
        stripped = place.strip(" -,.")
        digits = re.search(r"[\d/]", _NUMBERED_PLACE.sub("", stripped))
        if stripped and len(stripped.split()) <= 6 and not digits:
            return PlaceDate(
                place=(start, start + len(place)),
                day=match.group("day"),
                month=match.group("month"),
                year=match.group("year"),
            )
    return None


def _standalone(line: str) -> bool:
    folded = fold(line.strip())
    words = line.split()
    return bool(
        STRUCTURAL.match(folded)
        or NATIONAL.search(folded)
        or SIGN_AUTHORITY.match(line.strip())
        or _is_caps(line)
        or (len(words) >= 3 and _is_caps(" ".join(words[:3])))
        or place_date_match(folded)
    )


def paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs.

    A break is kept before a list marker or a structural line (Số:, Kính gửi,
    a heading in capitals...), and after a sentence that ends when the next
    line starts with a capital. PDF text that puts a blank line after every
    wrapped line is recognised and its blank lines are treated as soft.
    """
    entries: list[tuple[str, bool, bool]] = []  # (text, blank before, indented)
    blank = False
    hard: set[int] = set()  # entries that follow a rule line: they open a paragraph
    for line in lines:
        if line == RULE:
            hard.add(len(entries))
            blank = True
            continue
        if not line.strip():
            blank = True
            continue
        entries.append((line.strip(), blank, line[:1] == " "))
        blank = False
    if not entries:
        return []
    followed = [i for i in range(len(entries) - 1) if entries[i + 1][1]]
    unfinished = [i for i in followed if not _ends_sentence(entries[i][0])]
    wrapped_mode = len(followed) >= 6 and len(unfinished) > 0.5 * len(followed)

    result: list[str] = []
    # The paragraph being built, as its pieces: joined once when it ends (joining at
    # every line made a long paragraph quadratic). Its end is its last piece's end.
    current: list[str] = []
    last_line = ""
    last_standalone = False  # _standalone(last_line), kept from the line before
    for index, (text, blank_before, indented) in enumerate(entries):
        new = not current or index in hard
        standalone = _standalone(text)
        if not new:
            tail = current[-1]
            if _marker(text) or standalone or last_standalone:
                new = True
            elif OPENS_BLOCK.match(fold(text)):
                new = True
            elif (
                PARAGRAPH_OPENERS.match(fold(text))
                and not last_line.endswith((",", "-"))
                and not LINKING_END.search(fold(last_line))
            ):
                new = True
            elif _ends_sentence(tail) and _starts_upper(text):
                new = True
            elif blank_before and not wrapped_mode:
                # a real blank line: a page break joins only a sentence cut in the middle
                new = _starts_upper(text) and not tail.endswith((",", "-", "–"))
            elif wrapped_mode and indented and _starts_upper(text) and _ends_sentence(tail):
                new = True
        if new:
            if current:
                result.append("".join(current))
            current = [text]
        else:
            joiner = "" if tail.endswith("-") and text[:1].isdigit() else " "
            current += [joiner, text]
        last_line, last_standalone = text, standalone
    if current:
        result.append("".join(current))
    return [squash(p) for p in result if squash(p)]


# --------------------------------------------------------------------------
# The parser


GENERIC_BODIES = ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd")
LOCALITY_WORDS = (
    "tinh ",
    "huyen ",
    "thanh pho ",
    "tp ",
    "tp. ",
    "thi xa ",
    "xa ",
    "phuong ",
    "thi tran ",
    "quan ",
    "dac khu ",
)
# Names that need the next line to be whole: "ỦY BAN NHÂN DÂN / TỈNH X", "THỦ TƯỚNG /
# CHÍNH PHỦ", "ỦY BAN THƯỜNG VỤ / QUỐC HỘI", "BAN TỔ CHỨC / ĐẠI HỘI ...".
NEEDS_COMPLEMENT = (
    *GENERIC_BODIES,
    "uy ban thuong vu",
    "thu tuong",
    "ban to chuc",
    "ban chi dao",
    "ban thuong vu",
    "bo chi huy",
    "thuong truc",  # "THƯỜNG TRỰC / HĐND TỈNH X": the standing committee of (0050)
)
# The words an issuing body's name opens with: a line opening with one is a new body
# (a department under its parent), any other line goes on the name above it.
BODY_HEADS = re.compile(
    r"^(uy ban|uy ban nhan dan|ubnd|hdnd|hoi dong|so |phong |ban |bo |tieu ban|van phong|"
    r"truong |cuc |chi cuc|tong cuc|vu |trung tam|cong an|lien doan|chinh phu|thu tuong|"
    r"dang uy|tinh uy|huyen uy|thanh uy|quan uy|mat tran|uy ban mat tran|doan |hoi |vien |"
    r"toa an|kho bac|bao hiem|ngan hang|cong ty|thanh tra|khoi |chi nhanh|benh vien|"
    r"dai hoc|hoc vien|bo chi huy|ubmttq|btc |bch )"
)
# A line that is part of the national name and motto, whole or cut by a narrow column,
# and as OCR reads the motto ("Độc lắp - Tư do - Hành phút").
NATIONAL_PARTS = re.compile(
    r"cong hoa xa\s*hoi chu nghia vie\w\s*nam|cong hoa xa\s*hoi|chu nghia vie\w\s*nam|"
    r"viet nam dan chu cong hoa|"
    # (its "do" lost too, as a text layer lost it: "Độc lập - Tự - Hạnh phúc", decision 0051)
    r"doc\s*l\w{1,3}\s*[-–]\s*t\w{0,2}(?:\s*d\w)?\s*[-–]\s*h\w{2,4}\s*ph\w{1,3}|"
    # its middle read as anything by another recogniser ("Đóc lập - 1ư416 - Hành phút"),
    # held by its two ends (decision 0069)
    r"doc\s*l\w{1,3}\s*[-–]\s*\S{1,7}(?:\s\S{1,3})?\s*[-–<]\s*h\w{2,4}\s*ph\w{0,3}|"
    r"doc\s*lap\s+tu\s*do\s+hanh\s*phuc|"  # its dashes lost
    r"^doc\s*lap\s*[-–]?\s*$|^tu\s*do\s*[-–]\s*hanh\s*phuc\s*$"  # the motto over two lines
)
# Where a line that also carries "Số: 12/KH-UBND" (columns run together) stops being
# the issuer's name.
_NUMBER_IN_LINE = re.compile(r"(?:^|\s)(?:so|s\w)\s*[:.;]\s*[^\s/]*\s*/")
# Portal chrome or a viewer's labels that look like a header's caps line.
_NOT_A_BODY = re.compile(
    r"^(ke hoach|chi thi|quyet dinh|phat dong|thong tu|nghi dinh|nghi quyet|"
    r"huong dan|cong van|thong bao|bao cao|to trinh|chuong trinh|quy che|quy dinh)"
)
# The authority that issues a decision, on its own line after the title:
# "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH".
AUTHORITY_LINE = re.compile(
    r"^(?:chu tich |giam doc |bo truong |thu tuong |truong ban |chanh van phong )?"
    r"(?:uy ban|ubnd|hoi dong|so |bo |chinh phu|thu tuong|ban |cuc |tong cuc|vu |van phong)"
)
# A decision's body has begun: its grounds, its operative word, its first article.
_BODY_BEGUN = re.compile(r"(?:can cu\b|quyet dinh\s*:|quyet nghi\s*:|dieu 1\b)")
# What ends a subject in capitals: the authority line, the operative words, a list.
SUBJECT_STOP = re.compile(r"^(can cu|thuc hien|quyet dinh\s*:|quyet nghi\s*:|kinh g[uo]i|nham )")


# A committee's or council's whole name with its place, then a department's head word on
# the same line ("UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ ĐÀO TẠO", a flattened header). At least
# one word of the place stands between the level and the head ("HUYỆN PHONG ĐIỀN" is a
# place, not a Phòng).
_COMMITTEE_THEN_DEPARTMENT = re.compile(
    r"^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) "
    r"(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|dac khu) \S+(?: \S+){0,3}?"
    r"(?= (?:so|phong|ban|chi cuc|van phong|trung tam|hoi dong thi dua) \S)"
)


def _part_department(name: str) -> list[str]:
    """A header line holding a committee and its department, parted in two."""
    match = _COMMITTEE_THEN_DEPARTMENT.match(fold(name))
    if not match:
        return [name]
    head, rest = name[: match.end()].strip(), name[match.end() :].strip()
    if not rest[:1].isupper():
        return [name]
    return [head, rest]


# What follows a symbol cut at a spaced dash: the dash, then a part in capitals.
_SYMBOL_REST = re.compile(r"\s*[-–]\s*([A-ZĐ][A-ZĐ0-9&]{1,9})(?![\w/])")
# What follows a symbol that ends in a dash on its line ("462/QĐ- UB"): a part in capitals.
_SYMBOL_AFTER_DASH = re.compile(r"[ \t]{1,2}([A-ZĐ][A-ZĐ0-9&]{1,9})(?![\w/])")


# "Số: 109-NV" at a line's start: a number with a dash and no slash (decision 0042).
# The Party's and the mass organisations' numbers too: "Số 173-KH/TU", "Số: 225 - KH/TWĐTN-
# CTTN" (a slash after the type, decision 0050): the digits are the number, the rest the symbol.
_DASH_NUMBER = re.compile(
    r"\s*S[ốỐ]\s*:?\s*(\d{1,5})\s*[-–]\s*([A-ZĐ][A-ZĐ0-9]{0,9}g?(?:[-/][A-ZĐ0-9]+g?)*)(?![\w/])"
)
# "Số: 173-KH/TU" read by the "N/SYMBOL" pattern: its number part "173-KH" is the Party's
# number and type.
_PARTY_NUMBER = re.compile(r"(\d{1,5})\s*[-–]\s*([A-ZĐ][A-ZĐ0-9]{0,9})")


def _prime_ministers_code(parts: list[str], index: int, known: set[str]) -> bool:
    """A symbol under the Prime Minister (Decree 30: "QĐ-TTg", "CT-TTg") whose code after
    its type is no known body: the TTg read as digits and letters ("71d", "PTđ4")."""
    folded = fold(parts[index])
    return (
        len(parts) == 2
        and index == 1
        and (fold(parts[0]) in ABBREVIATIONS or fold(parts[0]) in {"q0", "q9", "q1", "q2"})
        and 2 <= len(folded) <= 5
        and not _known_body(folded, known)
        and re.search(r"\d", folded + fold(parts[0])) is not None
    )


def _is_number(value: str) -> bool:
    """A Decree 30 number: Arabic digits (a letter may follow, as in "12a")."""
    return bool(re.fullmatch(r"\d{1,7}[a-zA-Z]?", value))


# OCR: the digits of a date read as letters ("ngày L3 tháng TT năm 2013")
_OCR_DIGITS = str.maketrans(
    {
        "l": "1",
        "i": "1",
        "t": "1",
        "|": "1",
        "!": "1",
        "f": "1",
        "o": "0",
        "d": "0",
        "s": "5",
        "b": "8",
        "z": "2",
        "g": "9",
        "q": "9",
        "a": "4",
    }
)
# The year may have its first digit read as a letter ("năm T967"), and "năm" lose its n
# ("am 1985") in an enlarged header band (decision 0046).
_OCR_DATE = re.compile(
    r"(ng\w{1,2}y\s*[:;.]?\s+)([0-9a-z|!]{1,2})(\s+th\w{2,3}\s*[:;.,]?\s+)([0-9a-z|!]{1,2})"
    r"(\s*[.:;,\-]?\s*(?:[nmr]\w{1,3}|a\w?)\s+)([0-9tli|!]\d{3})"
)


def _ocr_date_year(read: str) -> str:
    """A date's year as a scan read it, its first digit maybe a letter ("t967")."""
    return _ocr_year(read[0].translate(_OCR_DIGITS) + read[1:])


def _vietnam_today() -> datetime.date:
    """Việt Nam's date: Django's local date where its settings are there (the site, the
    tests), else Asia/Ho_Chi_Minh's (bench/parser.py and bench/corpus.py read the corpus
    without Django's settings; a scan's date raised there, and its reading fell back to
    empty fields)."""
    try:
        return timezone.localdate()
    except ImproperlyConfigured:
        return datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def _ocr_year(year: str) -> str:
    """A year whose first digit a scan misread ("3025" for 2025): its last three digits
    after a 2, where that makes a year of this century; any other year as read. "Up to
    next year" counts from Việt Nam's date, not the server's (UTC)."""
    latest = _vietnam_today().year + 1
    if 1900 <= int(year) <= latest:
        return year
    fixed = f"2{year[1:]}"
    return fixed if 2000 <= int(fixed) <= latest else year


# A number OCR read with letters for its digits ("T19" for 119): only the letters it
# takes for 1 and 0, and only next to a digit.
_OCR_NUMBER = str.maketrans(
    {"T": "1", "l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "O": "0", "o": "0"}
)
# Specks and strokes tesseract puts before a title ("l _—— KẾ HOẠCH").
_OCR_LEAD = re.compile(r"^\s*(?:(?:[\W_]+|[^\W\d_])\s+){1,3}(?=\S)")
# "ư" read as "ir" (no Vietnamese word has "ir"), "Đ" as "1)" in a symbol
_OCR_IR = re.compile(r"(?<=[A-Za-zĐđ])(ir|IR|Ir)(?=[A-Za-zÀ-ỹ])")


# A dot or colon right after a word in a title in capitals, before another word.
_OCR_SPECK = re.compile(r"(\w+)[.:](?=\s*[^\W\d_])")


def _speck(match: re.Match) -> str:
    word = match.group(1)
    if word.isdigit() or not re.search(r"[aeiouy]", fold(word)):
        return match.group(0)  # "1.", "TP.", "Đ.": not a speck
    return f"{word} "


_FOREIGN_SPECK = re.compile(r"(?<=[A-ZĐÀ-ỸẠ-Ỹ] )[ïüëöäÿîûçñ](?= [A-ZĐÀ-ỸẠ-Ỹ])")


def repair_ocr(text: str) -> str:
    """Undo tesseract's usual slips on a Decree 30 page, where the reading is sure."""
    text = _OCR_IR.sub(lambda m: "Ư" if m.group(1).isupper() else "ư", text)
    lines = []
    grounds = False  # a "Căn cứ …" seen: the enacting "QUYẾT ĐỊNH:" may come
    for line in text.split("\n"):
        folded = fold(line)
        grounds = grounds or bool(re.match(r"\W*c\w{1,2}n c\w{1,2}\b", folded))
        if not grounds and re.fullmatch(r"\s*quyet dinh\s*[:;]\s*", folded):
            # the title above the grounds with a speck read as a colon ("QUYẾT ĐỊNH :"):
            # not the enacting clause, which only follows them (decision 0046)
            line = line.rstrip(" :;")
            folded = fold(line)
        # a speck read as a small letter with a mark Vietnamese never writes ("NƯỚC ï Ợ")
        # between words in capitals: a capital, so the title runs on (decision 0046)
        # "ï Ợ": an L whose stem came out as a dotted i, apart from its vowel: "LỢ"
        line = re.sub(
            r"(?<=\w )[ïî] (?=([^\W\d_])(?:\s|$))",
            lambda m: "L" if m.group(1).isupper() and m.string[m.start() - 2].isupper() else m[0],
            line,
        )
        line = _FOREIGN_SPECK.sub(lambda m: m.group(0).upper(), line)
        folded = fold(line)
        match = _OCR_DATE.search(folded)
        if match and (
            not match.group(2).isdigit()
            or not match.group(4).isdigit()
            or match.group(5).strip() != "nam"
            or "," in match.group(3)
            or _ocr_date_year(match.group(6)) != match.group(6)
        ):
            day = match.group(2).translate(_OCR_DIGITS)
            month = match.group(4).translate(_OCR_DIGITS)
            year = _ocr_date_year(match.group(6))
            if day.isdigit() and month.isdigit():
                line = (
                    line[: match.start(2)]
                    + day
                    + " tháng "
                    + month
                    + " năm "
                    + year
                    + line[match.end(6) :]
                )
            elif year.isdigit():  # the day is a speck ("ngày 2E"): the year is still read
                line = line[: match.start(6)] + year + line[match.end(6) :]
        lead = _OCR_LEAD.match(line)
        if lead and _is_caps(line[lead.end() :]):
            rest = fold(line[lead.end() :])
            if any(rest.startswith(key) for key, _ in HEADINGS):
                line = line[lead.end() :]  # "l _—— KẾ HOẠCH": the title, without the specks
        line = re.sub(r"^\s*S[ẽeöôờóòơ]\s*[:;.]\s*(?=[\dA-Z])", "Số: ", line)
        # "Sẻ: 1167/…", "®Sö: 68/…": any o or e with any mark, a speck before it, and a
        # number after it
        so = re.match(r"^\W{0,2}\s*S([^\W\d_])\s*[:;.]\s*(?=\d)", line)
        if so and fold(so.group(1)) in ("o", "e"):
            line = "Số: " + line[so.end() :]
        # "Hà Nội; ngày 22 …": a semicolon or dot read for the comma before the date
        # or a question mark ("Thành phố X? ngày 12 …", decision 0046)
        line = re.sub(r"(?<=[^\W\d_])\s*[;.?]\s+(?=ng[aàáảãạ]y\s)", ", ", line)
        # "VA công nhận …": "V/v" whose stroke and small v tesseract read as "A"
        line = re.sub(r"^\s*VA\s+(?=[a-zđà-ỹ])", "V/v ", line)
        # "V4 thực hiện …", "VÁ Về …", "Vlv …", "V/ …": the same, its stroke read as a
        # digit, a mark or a letter l, "VÝ", "VY" (no word is a V and one of those), or
        # a fraction slash "V⁄" (decision 0046)
        line = re.sub(r"^\s*V(?:[4ÁÝY]|[/⁄|l]v?|/\s*v)\s*[:.]?\s+(?=[^\W\d_])", "V/v ", line)
        # "Ð" (Icelandic eth) is tesseract's "Đ"; a quote inside a word in capitals is a
        # speck ("U'BND")
        line = re.sub(r"(?<=[/\-])Q1\)(?=-)", "QĐ", line).replace("Ð", "Đ")
        line = re.sub(r"(?<=[A-ZĐ])['’`](?=[A-ZĐ]{2})", "", line)
        line = re.sub(r"(?<=\d/[A-ZĐ]{2})-BND\b", "-UBND", line)
        lines.append(line)
    return "\n".join(lines)


_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(oai|oay|uoi|uya|uye|uyu|ieu|yeu|uou|oe|oa|uy|ue|uo|ua|ui|ie|ia|ye|ai|ao|au|ay|eo|eu|"
    r"iu|oi|ou|ua|ui|uu|a|e|i|o|u|y)"
    r"(ch|ng|nh|[cmnpt])?"
)


def _syllables_run_together(word: str) -> list[str] | None:
    """The syllables a word that is none runs together ("ĐẠTCHUẨN": ĐẠT, CHUẨN): a site lost
    the space between them. Only when the word is two or more syllables (tesseract's word
    list, `scan_subject.is_syllable`) in exactly one way, each but the last ending in a
    consonant and the next opening with one, as the words of a title do (decision 0051);
    None otherwise ("ÊBAN", "COVID", "KRÔNG" stay as they are)."""
    key = fold(word).lower().replace("đ", "d")
    if len(key) != len(word) or len(key) < 4 or is_syllable(word):
        return None

    @functools.cache
    def ways(start: int) -> tuple[tuple[int, ...], ...]:
        found: list[tuple[int, ...]] = []
        for end in range(start + 1, len(key) + 1):
            if end == len(key):
                if start and is_syllable(key[start:]):
                    found.append((end,))
            elif (
                key[end - 1] not in "aeiouy"
                and key[end] not in "aeiouy"
                and is_syllable(key[start:end])
            ):
                found += [(end, *rest) for rest in ways(end)]
            if len(found) > 1:
                break
        return tuple(found[:2])

    parts = ways(0)
    if len(parts) != 1:
        return None
    cuts = (0, *parts[0])
    return [word[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def part_run_together(text: str) -> str:
    """A trích yếu's words a site ran together, parted at their syllables (decision 0051):
    words in one case only ("SeaBank", "VietinBank" are names)."""

    def part(match: re.Match) -> str:
        word = match.group(0)
        if not (word.isupper() or word.islower()):
            return word
        return " ".join(_syllables_run_together(word) or [word])

    return re.sub(r"[^\W\d_]{4,}", part, text)


def plausibility(text: str | None) -> float:
    """The share of a field's words that are well-formed Vietnamese syllables (or numbers,
    abbreviations without a vowel): OCR garbage such as "CEFTTG" or "XIH" is not."""
    if not text:
        return 0.0
    words = re.findall(r"[^\W\d_]+", fold(text))
    # a body's abbreviation ("UBND TỈNH BẮC GIANG") is a word of the header, not garbage
    checked = [w for w in words if re.search(r"[aeiouy]", w) and w not in BODY_ACRONYMS]
    if not checked:
        return 1.0
    good = sum(1 for w in checked if _SYLLABLE.fullmatch(w.replace("đ", "d")))
    return good / len(checked)


def _cut(original: str, folded: str, pattern: str | re.Pattern, flags=0):
    match = (
        re.search(pattern, folded, flags) if isinstance(pattern, str) else pattern.search(folded)
    )
    return match


@functools.cache
def _body_names() -> re.Pattern:
    """The known bodies' names (campaigns/bodies.py), folded, longest first."""
    names = sorted({fold(body.name) for body in BODIES}, key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names))


def _cut_inside_name(previous: str, line: str) -> bool:
    """A header cell cut inside a known body's name ("BẢO HIỂM XÃ" / "HỘI TP.HỒ CHÍ
    MINH", folded): the name runs on over the cut, so the line is no new body (0051)."""
    joined = f"{previous} {line}"
    return any(m.start() < len(previous) < m.end() for m in _body_names().finditer(joined))


def _known_body(part: str, known: set[str]) -> bool:
    """A symbol's part (folded) names a body: a known abbreviation, the issuer's initials,
    or one of them with a number after ("UBTVQH14")."""
    core = re.sub(r"\d+$", "", part)
    return bool(core) and core in known


def _one_letter(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _spell(known: str, read: str) -> str:
    """The known abbreviation in the letters of the symbol (UBND, HĐND, TTg)."""
    spelled = {"ubnd": "UBND", "hdnd": "HĐND", "ttg": "TTg", "sgddt": "SGDĐT", "bgddt": "BGDĐT"}
    return spelled.get(known, known.upper())


# "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" as a text layer without marks has it, capitals in ASCII
# and "ư" read as "l/", "U", "ir" …
_COUNCIL_UNMARKED = re.compile(r"\bHOI DONG THI ?DUA\s*[-–]?\s*KHEN TH\S{1,4}NG\b")

# A text layer that lost every letter with a Vietnamese mark (a PDF's broken font map, an
# old Word file read as bytes): its national name reads "CNG HO X HI CH NGHA VIT NAM".
_MARKS_LOST = re.compile(r"\bCNG\s+HO?A?\s+X\s+HI\s+CH\s+NGH\W?A\s+VIT\s+NAM\b", re.I)
# A layer whose font lost the letters of Unicode's Vietnamese block (Ộ, Ệ, Ủ, Ị …) and left
# a space for each, keeping À, Ã, Ĩ, Â, Đ, Ư (decision 0050): "C NG HOÀ XÃ H I CH NGHĨA VI
# T NAM".
_GLYPHS_LOST = re.compile(
    r"\bC\s?NG\s+HO[AÀ]?\s+X[AÃ]?\s+H\s?I\s+CH\s+NGH[IĨ]?A\s+VI\s?T\s+NAM\b", re.I
)
# The header's fixed words, put back where such a layer has their unmarked letters: the
# national name and motto, a committee or council, a department and its field, a
# province, the type headings, "Số:", the date line's words, "Về việc".
_FIELDS = (
    "Nội vụ", "Tư pháp", "Tài chính", "Y tế", "Xây dựng", "Công Thương", "Ngoại vụ",
    "Giáo dục và Đào tạo", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thông tin",
    "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường", "Nông nghiệp và Môi trường",
    "Nông nghiệp và Phát triển nông thôn", "Lao động - Thương binh và Xã hội",
    "Giao thông vận tải", "Khoa học và Công nghệ", "Thông tin và Truyền thông",
    "Dân tộc và Tôn giáo", "Tài chính - Kế hoạch", "Kinh tế - Hạ tầng", "Quản lý đô thị",
)  # fmt: skip


def _bare_pattern(word: str) -> str:
    """A word as a layer without marks has it: its unmarked letters, where each marked
    letter may be gone, left as a space, or kept without its mark."""
    out = []
    for ch in word:
        if ch.isascii():
            out.append(re.escape(ch))
        else:
            out.append(r"[^\W\d_]?[ ]?" if out else r"[^\W\d_]?")
    return "".join(out)


# The old tone placement a layer may have had ("HOÁ", "UỶ"): both are looked for.
_OLD_TONES = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "úy": "uý",
              "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}  # fmt: skip


def _old_tone(word: str) -> str:
    old = word.lower()  # the patterns ignore case: "Ủy" has its old "Uỷ" too
    for new, former in _OLD_TONES.items():
        old = old.replace(new, former)
    return old


def _required(words: list[str]) -> str:
    """The longest run of unmarked letters inside one of the words, in both tone
    placements: a layer that has the phrase has these letters side by side (a cheap test
    before the phrase's pattern is run, decision 0050)."""
    runs = [
        run
        for word in words
        if _old_tone(word) == word.lower()
        for run in re.findall(r"[a-z]+", word.lower())
    ]
    return max(runs, key=len, default="")


def _words_pattern(words: list[str], between: str) -> str:
    def one(word: str) -> str:
        old = _old_tone(word)
        forms = {_bare_pattern(word), _bare_pattern(old)}
        return forms.pop() if len(forms) == 1 else "(?:" + "|".join(sorted(forms)) + ")"

    return between.join(one(w) for w in words)


@functools.cache
def _mark_phrases() -> list[tuple[re.Pattern, str, str]]:
    phrases = ["Độc lập - Tự do - Hạnh phúc", "Ủy ban nhân dân", "Hội đồng nhân dân"]
    for name in PROVINCES:
        phrases += [f"Tỉnh {name}", f"Thành phố {name}", name]
    phrases += [f"{head} {name}" for head in ("Sở", "Phòng", "Bộ") for name in _FIELDS]
    # the ministries and central bodies by name (campaigns/bodies.py: "ỦY BAN DÂN TỘC")
    phrases += [body.name[:1] + body.name[1:].lower() for body in CENTRAL_NAMED]
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [w for w in re.split(r"[\s,]+", phrase) if w != "-"]
        if sum(ch.isascii() for ch in "".join(words)) < 3:
            continue  # too few letters left to be sure
        body = _words_pattern(words, r"([\s,\-–]+)")
        out.append((re.compile(rf"(?<!\w){body}(?!\w)", re.I), phrase, _required(words)))
    for kind in DOCUMENT_KINDS:  # a type heading opens its line
        words = kind.name.split()
        if sum(ch.isascii() for ch in "".join(words)) < 4:
            continue
        pattern = _words_pattern(words, r"(\s+)")
        out.append((re.compile(rf"(?m)^[ \t]*{pattern}(?!\w)", re.I), kind.name, _required(words)))
    out.append((re.compile(r"(?m)^[ \t]*V[^\W\d_]?(\s+)vi[^\W\d_]?c\b", re.I), "Về việc", "vi"))
    return out


def _in_case(phrase: str, read: str) -> str:
    """The phrase in the case it was read in: capitals, or as written."""
    letters = [ch for ch in read if ch.isalpha()]
    return phrase.upper() if letters and all(ch.isupper() for ch in letters) else phrase


def _put_back(phrase: str, match: re.Match) -> str:
    """The phrase's words in place of what was read, with the separators as read."""
    read = match.group(0)
    words = [w for w in re.split(r"[\s,]+", _in_case(phrase, read)) if w != "-"]
    out = read[: len(read) - len(read.lstrip())]
    for index, word in enumerate(words):
        out += word + (match.group(index + 1) if index < len(words) - 1 else "")
    return out


def restore_marks(raw: str) -> tuple[str, bool]:
    """A text layer that lost its marked letters, with the header's fixed words put
    back; any other text as it is. Returns the text and whether words were put back."""
    if not (  # the national name is in the header
        _MARKS_LOST.search(raw, 0, 4000) or _GLYPHS_LOST.search(raw, 0, 4000)
    ):
        return raw, False
    text = raw
    for lost in (_MARKS_LOST, _GLYPHS_LOST):
        text = lost.sub(lambda m: _in_case("Cộng hòa xã hội chủ nghĩa Việt Nam", m.group(0)), text)
    lower = text.lower()
    for pattern, phrase, required in _mark_phrases():
        if required in lower:  # the letters it needs are there
            text, count = pattern.subn(functools.partial(_put_back, phrase), text)
            if count:
                lower = text.lower()
    text = re.sub(r"(?<![\w/])S\s*:(?=\s*[\w/])", "Số:", text)
    text = re.sub(r"(?<![\w/])S\s+(?=\d{1,5}\s*/\s*[A-ZĐ0-9])", "Số: ", text)  # "S 291/QĐ-UBDT"
    text = re.sub(
        r"\bng[^\W\d_]?y(\s+\d{1,2}\s+)th[^\W\d_]?ng(\s+\d{1,2}\s+)n[^\W\d_]?m(\s+\d{4})\b",
        r"ngày\1tháng\2năm\3",
        text,
    )
    return text, True


# A body's words as they are spelled, for a scan whose diacritics came out wrong, and the
# words a body's name opens with.
_BODY_WORDS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "TỈNH", "THÀNH PHỐ", "HUYỆN")
_HEAD_WORDS = ("BỘ", "SỞ", "BAN", "CỤC", "PHÒNG")

# The types a symbol names that are no heading the reader opens a document with.
_CIRCULARS = {"tt": "Thông tư", "nd": "Nghị định", "ttlt": "Thông tư liên tịch"}

# A type's abbreviation in a symbol ("TT" for a circular), to read one a scan garbled.
_TYPE_ABBREVIATIONS = {
    **{kind.name: kind.abbreviation for kind in DOCUMENT_KINDS if kind.abbreviation},
    "Thông tư": "TT",
    "Nghị định": "NĐ",
}


def _distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopped early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# Word pairs of administrative titles, to read a scan's title where tesseract got one letter
# of a word wrong ("QUẢN TÝ NHÀ NUỚỨC" → "QUẢN LÝ NHÀ NƯỚC"). General vocabulary of Decree 30
# titles; a pair is repaired only when one of its words is no word of this list and exactly
# one pair here is one letter away.
_TITLE_PAIRS = [
    tuple(pair.split())
    for pair in (
        "thực hiện;thực tiễn;ban hành;quy định;quyết định;kế hoạch;chỉ thị;nghị quyết;"
        "thông tư;nghị định;trên địa;địa bàn;bàn tỉnh;bàn thành;bàn huyện;bàn xã;một số;"
        "số điều;quản lý;lý nhà;nhà nước;thi đua;đua khen;khen thưởng;phong trào;toàn dân;"
        "toàn diện;toàn quốc;dân đoàn;đoàn kết;xây dựng;đời sống;sống văn;văn hóa;tổ chức;"
        "giai đoạn;phát triển;kinh tế;xã hội;hành chính;thủ tục;triển khai;chương trình;"
        "hành động;quốc gia;đăng ký;thống kê;hộ tịch;sản xuất;nông nghiệp;dân sinh;"
        "phát động;thắng lợi;nhiệm vụ;đại hội;đại biểu;thủ tướng;chính phủ;ủy ban;nhân dân;"
        "hội đồng;công tác;đối tượng;hình thức;tiêu chuẩn;quy trình;hồ sơ;đề nghị;an toàn;"
        "thực phẩm;trách nhiệm;phối hợp;quy chế;danh hiệu;tập thể;cá nhân;lao động;xuất sắc;"
        "bằng khen;tiên tiến;chiến sĩ;công nhận;tặng thưởng;bổ sung;sửa đổi;điều chỉnh;"
        "hướng dẫn;báo cáo;tổng kết;năm học;giáo dục;đào tạo;y tế;công an;thẩm quyền;"
        "giải quyết;thông tin;truyền thông;cây xanh;hàng năm;hằng năm;chuyển đổi;đổi mới;"
        "sáng tạo;khoa học;công nghệ;môi trường;tài nguyên;du lịch;thể thao;an ninh;"
        "quốc phòng;trật tự;cải cách;tuyên truyền;phổ biến;pháp luật;giáo dục;mục tiêu;"
        "nông thôn;thôn mới;giảm nghèo;bền vững;kỷ niệm;hạn hán;thiếu nước;mùa khô;"
        "phục vụ;phòng chống;hiện vật;kèm theo;cơ sở;học đường;sức khỏe;chăm sóc;số liệu;"
        "thành phố"
    ).split(";")
]
_TITLE_FOLDED = {(fold(a), fold(b)): (a, b) for a, b in _TITLE_PAIRS}


def _repair_title(title: str) -> str:
    """A scan's title in capitals with a word one letter off a known pair put right."""
    words = title.split()
    for k, word in enumerate(words):
        # "FRÁCH NHIỆM", "'FAI BUỔI": no Vietnamese word starts with F; tesseract reads a
        # T's bar so on a degraded page
        lead = re.match(r"^[“”\"'(]*", word).group()
        rest = word[len(lead) :]
        if rest[:1] == "F" and _SYLLABLE.fullmatch("t" + fold(rest[1:]).strip("“”\"',.;:()")):
            words[k] = f"{lead}T{rest[1:]}"
    for k in range(len(words) - 1):
        a, b = (fold(w).strip("“”\"',.;:()") for w in words[k : k + 2])
        if not (a.isalpha() and b.isalpha()) or (a, b) in _TITLE_FOLDED:
            continue
        near = [
            pair for pair in _TITLE_FOLDED if _distance(f"{a} {b}", f"{pair[0]} {pair[1]}", 1) == 1
        ]
        if len(near) == 1 and all(
            _title_slip(word, read, known)
            for word, read, known in zip(words[k : k + 2], (a, b), near[0], strict=True)
        ):
            right = _TITLE_FOLDED[near[0]]
            for index, word in zip((k, k + 1), right, strict=True):
                lead = re.match(r"^[“”\"'(]*", words[index]).group()
                tail = re.search(r"[“”\"',.;:)]*$", words[index]).group()
                words[index] = f"{lead}{word.upper()}{tail}"
    _repair_provinces(words)
    return " ".join(words)


# Letters tesseract takes for each other on a degraded page (thin upright strokes):
# "LĨNH" for TỈNH, "TÝ" for LÝ, "FỈNH" for TỈNH.
_STROKES = set("tlfi")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _title_slip(word: str, read: str, known: str) -> bool:
    """Whether a title's word (`read`: folded) may be put right as a known pair's word:
    it is that word already, or no Vietnamese syllable ("THỤU"; "NUỚỨC", two tone marks),
    or a syllable with one stroke letter read for another. A syllable is not turned into
    another one by any other letter: ĐẾN is no slip of DẪN, VỚI none of MỚI."""
    tones = sum(c in _TONES for c in unicodedata.normalize("NFD", word))
    if (
        read == known
        or tones > 1
        or not _SYLLABLE.fullmatch(read.replace("đ", "d"))
        or ("uu" in read and "ư" not in word.lower())  # "THỤU": only "ưu" is a syllable
    ):
        return True
    if len(read) != len(known):
        return False
    changed = [(x, y) for x, y in zip(read, known, strict=True) if x != y]
    return len(changed) == 1 and set(changed[0]) <= _STROKES


def _repair_provinces(words: list[str]) -> None:
    """After "TỈNH" or "THÀNH PHỐ" in a scan's title, a name one letter off exactly one
    province ("TỈNH HÀ LĨNH") is that province; a right name is left alone."""
    folded = [fold(w).strip("“”\"',.;:()") for w in words]
    for k, word in enumerate(folded):
        start = k + 1 if word == "tinh" else k + 2 if folded[k : k + 2] == ["thanh", "pho"] else 0
        if not start:
            continue
        for size in (1, 2, 3):
            name = " ".join(folded[start : start + size])
            if start + size > len(words):
                break
            known = province(name)
            if known and len(known.split()) == size:
                tail = re.search(r"[“”\"',.;:)]*$", words[start + size - 1]).group()
                if " ".join(words[start : start + size]) == known.upper() + tail:
                    break  # a province: right as read
                # its letters right, a mark wrong ("HÀ NĂM"): spelled as it is
                words[start : start + size] = [
                    *known.upper().split()[:-1],
                    known.split()[-1].upper() + tail,
                ]
                break
            if known:
                break
            near = nearest_province(name)
            if near and len(near.split()) == size:
                tail = re.search(r"[“”\"',.;:)]*$", words[start + size - 1]).group()
                words[start : start + size] = [
                    *near.upper().split()[:-1],
                    near.split()[-1].upper() + tail,
                ]
                break


def _fuzzy_heading(line: str) -> str | None:
    """A scan's type heading tesseract garbled ("PTHÔNG EỪỮ" for THÔNG TƯ): a short line
    in capitals a few letters off exactly one heading."""
    letters = re.sub(r"[^a-z]", "", fold(line))
    small = sum(ch.islower() for ch in line)  # "tfỞ TRÌNH", "TỞ TRlNH": a speck or two
    if not (_is_caps(line) or small <= 2 < len(letters) - small) or not 5 <= len(letters) <= 14:
        return None
    near = {
        name
        for key, name in HEADINGS
        if _distance(letters, key.replace(" ", ""), 3) <= min(3, (len(key) + 2) // 3)
    }
    if len(near) == 1 and not any(fold(line).startswith(key) for key, _ in HEADINGS):
        return near.pop()
    return None


class _Parser:
    def __init__(
        self,
        raw: str,
        *,
        scanned: bool = False,
        ocr_confidence: float | None = None,
        low_resolution: bool = True,
        header_readings: Sequence[str] = (),
    ):
        self.scanned = scanned
        # a low resolution scan's header band read again (the trích yếu's semicolons)
        self.header_readings = tuple(header_readings)
        # a scan under about 200 dpi (campaigns/ocr.py): its slips are a photocopy's
        self.low_resolution = low_resolution
        self.date_repaired = False
        # the dates whose day or month the page read as letters ("tháng B"): guesses that
        # a further reading of digits may correct (decision 0046)
        self.guessed_dates: set[tuple[int, int, int]] = set()
        if scanned:
            # the place-and-date line's specks and cut year (decision 0056)
            raw = normalise_date_lines(raw or "")
            for m in map(_OCR_DATE.search, fold(raw or "").split("\n")):
                if m and not (m.group(2).isdigit() and m.group(4).isdigit()):
                    day, month = (
                        m.group(2).translate(_OCR_DIGITS),
                        m.group(4).translate(_OCR_DIGITS),
                    )
                    year = _ocr_date_year(m.group(6))
                    if (day + month + year).isdigit():
                        self.guessed_dates.add((int(day), int(month), int(year)))
            self.date_repaired = any(
                not (m.group(2).isdigit() and m.group(4).isdigit())
                or _ocr_date_year(m.group(6)) != m.group(6)
                for m in map(_OCR_DATE.search, fold(raw or "").split("\n"))
                if m
            )
            raw = repair_ocr(raw or "")
        # an OCR text layer that lost its marks names the council as "HOI DONG THIDUA-KHEN
        # THl/ONG": the name is known, and read as it is spelled (marked)
        raw, self.council_repaired = _COUNCIL_UNMARKED.subn(
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", raw or ""
        )
        # a text layer that lost its marked letters: the header's fixed words put back
        raw, self.marks_restored = restore_marks(raw)
        self.lines = clean_lines(raw)
        self.paras = paragraphs(self.lines)
        self.heading_guessed = False
        if scanned:
            for i, para in enumerate(self.paras[:15]):
                if fold(para).startswith(("can cu", "thuc hien")):
                    break
                # a garbled heading not in capitals ran into its "Về việc" line
                run_on = re.match(r"(\S.{3,18}?)\s+((?:Về việc|V/v)\s.*)", para, re.S)
                if run_on and _fuzzy_heading(run_on.group(1)):
                    self.paras[i : i + 1] = [run_on.group(1), run_on.group(2)]
                    para = run_on.group(1)
                name = _fuzzy_heading(para)
                below = self.paras[i + 1] if i + 1 < len(self.paras) else ""
                if name and (
                    _is_caps(below)
                    or re.match(r"(?i)(?:về việc|v/v)\s", below)
                    or (below[:1].isupper() and one_letter_heading(para) == name)
                ):
                    self.paras[i] = name.upper()
                    self.heading_guessed = True
                    break
        self.folded = [fold(p) for p in self.paras]
        # the text has its Vietnamese marks (not a layer that lost them): a word's marks
        # can tell words of the same letters apart
        self.has_marks = any(
            p.lower() != f for p, f in zip(self.paras[:40], self.folded[:40], strict=True)
        )
        self.doc = ParsedDocument(
            text="\n".join(self.paras), scanned=scanned, ocr_confidence=ocr_confidence
        )
        self.number_at: int | None = None  # the number's paragraph
        self.header_end = 0  # index of the first body paragraph
        self.close_start = len(self.paras)  # index of Nơi nhận / signature
        self.how: dict[str, float] = {}  # how each header field was found (confidence.py)

    # ---- header ---------------------------------------------------------

    def number_symbol(self) -> int | None:
        for i, f in enumerate(self.folded[:60]):
            # a symbol may join two bodies' codes with "&" ("3358/SGD&ĐT")
            match = re.search(r"(?:^|\s)so\s*[:.]\s*([^\s/]*)\s*/\s*([\w\-/.đĐ&]+)", f)
            if match and re.search(r"kem theo|^\(", f[: match.start()]):
                continue  # an annex names the decision it comes with: not its own number
            if match:
                original = self.paras[i]
                number = original[match.start(1) : match.end(1)].strip(" .")
                symbol = original[match.start(2) : match.end(2)].strip(" .,")
                self.how["symbol"] = 0.95
                # a symbol cut by spaces around its dash ("111 /CV - UBND", "4144 /GDĐT –
                # VP"): the part in capitals after the dash is the symbol's
                rest = _SYMBOL_REST.match(original[match.end(2) :])
                after_dash = _SYMBOL_AFTER_DASH.match(original[match.end(2) :])
                if rest and not symbol.endswith(("-", "–")):
                    symbol = f"{symbol}-{rest.group(1)}"
                elif self._lost_hyphen(symbol, after_dash):
                    # "Số: 86/QĐ UBND": a page that lost its hyphens; the type's code, a space
                    # and a body's code (decision 0051)
                    symbol = f"{symbol}-{after_dash.group(1)}"
                elif symbol.endswith(("-", "–")) and after_dash:
                    # "462/QĐ- UB": the part in capitals after the space is the symbol's
                    symbol = symbol.rstrip("-–") + "-" + after_dash.group(1)
                elif symbol.endswith(("-", "–")):
                    symbol = symbol.rstrip("-–") + "-" + (self._symbol_tail(i) or "")
                party = _PARTY_NUMBER.fullmatch(number)
                if party:
                    number, symbol = party.group(1), f"{party.group(2)}/{symbol}"
                if self.scanned:
                    # "U.BND": a speck; not "TT.HĐND" (Thường trực's, decision 0056)
                    symbol = re.sub(r"(?<=[A-ZĐ])(?<!\bTT)[.,'](?=[A-ZĐ])", "", symbol)
                self.doc.symbol = re.sub(r"\s+", "", symbol).replace("–", "-") or None
                if self.scanned and number and not _is_number(number):
                    digits = number.translate(_OCR_NUMBER)
                    if _is_number(digits) and re.search(r"\d", number):
                        self.doc.number = digits  # "T19": 119, read from a guess
                        self.how["number"] = 0.5
                        return i
                if self.scanned and re.fullmatch(r"\d+[A-Z]\d*", number):
                    # "230H": a digit read as a letter, or "12A"; "1E50" (decision 0056):
                    # kept for the digit checks (`ocr_digits`), marked
                    self.doc.number = number
                    self.how["number"] = 0.5
                    return i
                if number and not _is_number(number):
                    self.doc.warnings.append(
                        f"Số văn bản đọc được “{number}” không phải là một số: đã để trống, "
                        "hãy nhập lại theo văn bản."
                    )
                    self.how["number"] = 0.0
                    number = ""
                else:
                    self.how["number"] = 0.95
                self.doc.number = number or None
                return i
        return self._dash_number()

    @staticmethod
    def _lost_hyphen(symbol: str, after: re.Match | None) -> bool:
        """The symbol read up to a space is a type's code alone ("QĐ", "2015/KH") and a
        body's code in capitals follows the space ("UBND"): its hyphen was lost."""
        last = symbol.split("/")[-1]
        return bool(
            after
            and fold(last).lower() in ABBREVIATIONS
            and fold(after.group(1)).lower() in BODY_ACRONYMS
        )

    def _dash_number(self) -> int | None:
        """An old number with a dash and no slash, opening a header line ("Số: 109-NV",
        the 1960s): the digits are the number, the capitals after the dash the symbol."""
        for i, para in enumerate(self.paras[:30]):
            if self.folded[i].startswith(("can cu", "dieu ")):
                return None  # the body has begun
            match = _DASH_NUMBER.match(para)
            if match:
                self.doc.number, self.doc.symbol = match.group(1), match.group(2)
                self.how["number"] = self.how["symbol"] = 0.85
                return i
        return None

    def _symbol_tail(self, i: int) -> str | None:
        """The end of a symbol a column broke to a later line ("255 / BC-BCĐPCGD-", the
        place-and-date line, then "XMC"): a lone word in capitals a few lines down."""
        for j in range(i + 1, min(i + 4, len(self.paras))):
            if re.fullmatch(r"[A-ZĐ][A-ZĐ0-9&]{1,7}", self.paras[j].strip()):
                if not any(self.folded[j].strip() == key for key, _ in HEADINGS):
                    return self.paras[j].strip()
        return None

    def place_date(self) -> int | None:
        for i, f in enumerate(self.folded[:60]):
            match = place_date_match(f)
            if not match:
                continue
            original = self.paras[i]
            place = squash(original[match.place[0] : match.place[1]]).strip(" -,.")
            if place[:1].islower():
                continue  # "… an ninh trên địa bàn tỉnh, ngày 18/3/2021": a sentence, no place
            self.doc.place = place or None
            day, month, year = match.day, match.month, match.year
            five = re.search(r"(?:nam|/)\s*[:;.]?\s*(\d{5})(?!\d)", f[match.place[1] :])
            if five and five.group(1).startswith(year):
                # a scan's year with a digit too many ("20119", "23006"): the symbol's year
                # when one digit less makes it, else the one year it can make (decision 0046)
                symbol_year = re.match(r"((?:19|20)\d\d)/", self.doc.symbol or "")
                read = five.group(1)
                latest = _vietnam_today().year
                shorter = {read[:k] + read[k + 1 :] for k in range(5)}
                shorter = {y for y in shorter if 1945 <= int(y) <= latest}
                if symbol_year and symbol_year.group(1) in shorter:
                    year = symbol_year.group(1)
                elif len(shorter) == 1 and not symbol_year:
                    year = shorter.pop()
            self.doc.date_year = int(year)
            self.doc.date_month = int(month) if month.strip(" .…_").isdigit() else None
            if day.strip().isdigit() and self.doc.date_month:
                self.doc.date = make_date(day.strip(), month, year)
            self.how["place"] = self.how["date"] = 0.95
            if self.date_repaired or (five and five.group(1).startswith(match.year)):
                # a day or month tesseract read as letters ("T thang 2"), a year of five digits
                self.how["date"] = 0.6
            return i
        return None

    def _header_line(self, i: int) -> str:
        """Paragraph `i` less the national name and motto, and anything from "Số:" on
        (two columns run together), with the separators a table left."""
        original, folded = self.paras[i], self.folded[i]
        cut = _NUMBER_IN_LINE.search(folded)
        if cut:
            original, folded = original[: cut.start()], folded[: cut.start()]
        joint = False
        for match in reversed(list(NATIONAL_PARTS.finditer(folded))):
            # "THƯỜNG TRỰC HĐND - CỘNG HÒA …": a joint body's name cut at its dash by the
            # national name goes on below ("UBND TỈNH X"): the dash is kept (a scan's
            # two columns on one line, decision 0056)
            joint = joint or bool(
                self.scanned and re.search(r"\b(?:hdnd|ubnd)\s*[-–]\s*$", folded[: match.start()])
            )
            original = original[: match.start()] + " " + original[match.end() :]
            folded = folded[: match.start()] + " " + folded[match.end() :]
        # a body's name never opens nor ends with a quote: one is a scan's speck ("'TRUNG
        # TÂM …", decision 0046)
        # a body named by a number and a slash ("BAN CHỈ ĐẠO 389/QG") keeps its slash: any
        # other is a table's separator (decision 0051)
        original = re.sub(r"(?<!\d)/|/(?![A-ZĐ])", " ", original)
        line = squash(original.replace("\\", " ")).strip(" -–—_|,'\"“”‘’`")
        return f"{line} -" if joint and line else line

    def issuer(self, limit: int, *, anchored: bool = True) -> None:
        """The issuing body: the block of lines in capitals right above the number (or
        beside it, when the columns run together), each line joined to the name above
        it unless it opens a new body; the last body is the issuer, the one above it
        its parent ("UBND TỈNH X / SỞ NỘI VỤ")."""
        names: list[str] = []
        for i in range(min(limit, len(self.paras))):
            f = self.folded[i]
            if re.match(r"^(v/v|kinh g[uo]i)", f) or (i and place_date_match(f) and not names):
                break
            text = self._header_line(i)
            if not text:
                continue
            if not anchored and names and any(fold(text).startswith(k) for k, _ in HEADINGS):
                break  # no number to stand above: the block ends at the title
            if not _is_caps(text):
                if _NUMBER_IN_LINE.search(f) or place_date_match(f) or i == self.number_at:
                    break  # the number's line ("Số: 67-HĐBT" too): the names are above
                if not anchored and names:
                    break  # no number to stand above: the first block of capitals
                names = []  # portal chrome or a news title: the header starts after it
                continue
            if re.match(r"^y ban nhan dan", fold(text)):
                text = "ỦY" + text[1:] if text[:1] == "Y" else text  # the Ủ lost
            names.append(text)
            if _NUMBER_IN_LINE.search(f) or place_date_match(f):
                break
        names = [n for n in names if not _NOT_A_BODY.match(fold(n))]
        names = [part for n in names for part in _part_department(n)]
        bodies: list[str] = []
        for name in names:
            folded_name = fold(name)
            if not bodies:
                bodies.append(name)
                continue
            previous = fold(bodies[-1])
            if (
                previous in NEEDS_COMPLEMENT
                or (folded_name.startswith(LOCALITY_WORDS) and len(previous.split()) <= 8)
                or previous.endswith(("-", "–", "&", " va"))
                or folded_name.startswith(("va ", "- ", "– "))
                or not BODY_HEADS.match(folded_name)
                or _cut_inside_name(previous, folded_name)
            ):
                bodies[-1] = f"{bodies[-1]} {name}"
            else:
                bodies.append(name)
        while len(bodies) > 1 and not BODY_HEADS.match(fold(bodies[0])):
            bodies.pop(0)  # a caps line of the page above the header ("TẢI VỀ")
        if bodies:
            self.doc.issuer = bodies[-1]
            self.how["issuer"] = 0.9
            if len(bodies) > 1:
                self.doc.issuer_parent = " ".join(bodies[:-1])

    def repair_symbol(self) -> None:
        """A symbol's known shape restored: the hyphen a PDF's text lost between the
        type and the body ("QĐUBND" → "QĐ-UBND"), and on a scan a body's abbreviation
        one letter off ("KH-LBND" → "KH-UBND"). A repaired symbol is marked for checking,
        and so is one of no known shape (no body's abbreviation in it)."""
        doc = self.doc
        if not doc.symbol:
            return
        head, _, tail = doc.symbol.rpartition("/")
        own = {x for x in (initials(doc.issuer), initials(doc.issuer_parent)) if len(x) >= 2}
        # a national body's code leaves out its "Việt Nam" ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM":
        # NHNN, decision 0051)
        own |= {x[:-2] for x in own if x.endswith("vn") and len(x) >= 5}
        known = set(BODY_ACRONYMS) | own
        repaired = tail
        if "-" not in tail:
            folded = fold(tail)
            # the types' codes, circulars' and decrees' too ("TTBHXH", decision 0051)
            for abbreviation in sorted({*ABBREVIATIONS, *_CIRCULARS}, key=len, reverse=True):
                rest = folded[len(abbreviation) :]
                if folded.startswith(abbreviation) and _known_body(rest, known):
                    repaired = f"{tail[: len(abbreviation)]}-{tail[len(abbreviation) :]}"
                    break
            else:
                # a letter's: the issuer's own code, then its unit's ("BTNMTĐĐBĐVN")
                for code in sorted(own, key=len, reverse=True):
                    if folded.lower().startswith(code) and re.fullmatch(
                        r"[A-ZĐ]{2,}", tail[len(code) :]
                    ):
                        repaired = f"{tail[: len(code)]}-{tail[len(code) :]}"
                        break
                else:
                    if self.scanned and len(folded) >= 4 and not _known_body(folded, known):
                        # an old dash number's code one letter off its issuer's ("67/HĐHT"
                        # under HỘI ĐỒNG BỘ TRƯỞNG, decision 0056)
                        near = [
                            k for k in known if len(k) == len(folded) and _one_letter(k, folded)
                        ]
                        if len(near) == 1:
                            # spelled as the issuer's words' first letters ("HĐBT"), Đ kept
                            spelled = "".join(w[0] for w in (doc.issuer or "").split()).upper()
                            repaired = (
                                spelled if fold(spelled) == near[0] else _spell(near[0], tail)
                            )
        elif self.scanned:
            parts = tail.split("-")
            minister = fold(doc.issuer or "").startswith("thu tuong")
            for index, part in enumerate(parts[1:], start=1):
                folded = fold(part)
                if minister and len(folded) == 3 and folded[:2] == "tt" and folded != "ttg":
                    # the Prime Minister's own code, its small g read as a, q or 9 ("TTa",
                    # decision 0046)
                    parts[index] = "TTg"
                    continue
                if minister and _prime_ministers_code(parts, index, known):
                    # "Q0-71d", "QĐ-PTđ4": a type, then the Prime Minister's code read
                    # as digits and letters (decision 0056)
                    parts[index] = "TTg"
                    continue
                if len(folded) >= 4 and not _known_body(folded, known):
                    near = [k for k in known if len(k) == len(folded) and _one_letter(k, folded)]
                    if not near and len(folded) >= 5:
                        # one letter over ("LUBND", "HĐDND"): a speck or a doubled stroke
                        near = [
                            k
                            for k in known
                            if len(k) >= 4
                            and len(folded) == len(k) + 1
                            and _distance(k, folded, 1) == 1
                        ]
                    if len(near) == 1:
                        parts[index] = _spell(near[0], part)
            parts[0] = self._scan_type_part(parts, known)
            repaired = "-".join(parts)
        if repaired != tail:
            doc.symbol = f"{head}/{repaired}" if head else repaired
            self.how["symbol"] = min(self.how.get("symbol", 0.95), 0.6)
            return
        parts = [fold(p) for p in tail.split("-") if p]
        pieces = tail.split("-")
        abbreviation = _TYPE_ABBREVIATIONS.get(doc.doc_type or "", "")
        if self.scanned and len(pieces) > 1 and re.search(r"\d", pieces[0]) and abbreviation:
            # all digits ("71" for TT), or a letter and a digit ("7H" for TB, "Q2Đ" for QĐ)
            letters = fold(re.sub(r"\d", "", pieces[0]))
            fits = len(pieces[0]) == len(abbreviation) or letters == fold(abbreviation)
            # "171" for TT, "219" for QĐ: a stroke read as one digit more (decision 0056)
            fits = fits or (pieces[0].isdigit() and len(pieces[0]) == len(abbreviation) + 1)
            if fits and _known_body(parts[-1], known):
                # "71-BCA" under a THÔNG TƯ heading: tesseract's 7 and 1 for T and T
                doc.symbol = "-".join(
                    [f"{head}/{abbreviation}" if head else abbreviation, *pieces[1:]]
                )
                self.how["symbol"] = min(self.how.get("symbol", 0.95), 0.5)
                self.how["doc_type"] = min(self.how.get("doc_type", 0.95), 0.6)
                return
        if any(p.isdigit() for p in parts):
            # "35/2015/71-BCA": a type or body in digits is no Decree 30 symbol (a misread
            # "TT"); the type read from the title is then unsure on a scan too
            self.how["symbol"] = min(self.how.get("symbol", 0.95), 0.5)
            if self.scanned:
                self.how["doc_type"] = min(self.how.get("doc_type", 0.95), 0.6)
            return
        if not any(_known_body(p, known) for p in parts):
            self.how["symbol"] = min(self.how.get("symbol", 0.95), 0.6)  # no body named

    def _scan_type_part(self, parts: list[str], known: set[str]) -> str:
        """A scan's symbol's type part put right from the type heading, when a known body
        follows it: one letter off the heading's code ("NG" under NGHỊ QUYẾT), or the
        code's first letter and digits or specks for its Đ ("Q190", "Q20", "Q1)")."""
        piece = parts[0]
        abbreviation = _TYPE_ABBREVIATIONS.get(self.doc.doc_type or "", "")
        if (
            not abbreviation
            or len(parts) < 2
            or not _known_body(fold(parts[-1]), known)
            or fold(piece) == fold(abbreviation)
            or fold(piece) in ABBREVIATIONS
        ):
            return piece
        one_off = len(piece) == len(abbreviation) >= 2 and _one_letter(
            fold(abbreviation), fold(piece)
        )
        digits = len(abbreviation) == 2 and re.fullmatch(
            rf"{re.escape(abbreviation[0])}[\d)\]|]{{1,3}}", piece
        )
        return abbreviation if one_off or digits else piece

    def _issuers_place(self, place: str) -> str | None:
        """The place the issuer or its parent names ("ỦY BAN NHÂN DÂN XÃ GIA PHỐ": Gia
        Phố; "… THÀNH PHỐ HỒ CHÍ MINH": that, or Thành phố Hồ Chí Minh) when a scan's place
        is at most two letters from it ("Gai Phố", "[hanh phố Hỗ Chỉ Minh"), else None."""
        read = fold(re.sub(r"^[\W\d_]+|[\W\d_]+$", "", place))
        if len(read) < 4:
            return None
        found = []
        for name in (self.doc.issuer, self.doc.issuer_parent):
            folded = fold(name or "")
            match = re.search(
                r"\b(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)\s+(\S.*)$", folded
            )
            if not match:
                continue
            for start in (match.start(1), match.start(2)):
                candidate = folded[start:]
                if _distance(read, candidate, 2) <= min(2, len(candidate) // 3):
                    found.append(name[start:])
        if len({fold(f) for f in found}) != 1:
            return None
        words = [w.capitalize() for w in found[0].lower().split()]
        if words[:2] == ["Thành", "Phố"]:
            words[1] = "phố"  # "Thành phố Hồ Chí Minh"
        return " ".join(words)

    def check_place(self) -> None:
        """A place that is no province and is not named in the issuer is marked; on a
        scan, a place one letter from a province ("Súc Trang") is read as it."""
        doc = self.doc
        if not doc.place or province(doc.place):
            return
        if self.scanned:
            near = (
                nearest_province(doc.place)
                or self._issuers_place(doc.place)
                or issuers_capital_near(doc.place, f"{doc.issuer or ''} {doc.issuer_parent or ''}")
                or issuers_province_near(doc.place, doc.issuer, doc.issuer_parent)
            )
            if near:
                doc.place = near
                self.how["place"] = min(self.how.get("place", 0.95), 0.6)
                return
        named = fold(f"{doc.issuer or ''} {doc.issuer_parent or ''}").strip()
        place = fold(doc.place)
        if len(place.split()) < 2 or not re.search(rf"\b{re.escape(place)}\b", named):
            self.how["place"] = min(self.how.get("place", 0.95), 0.6)

    def complete_issuer(self, start: int) -> None:
        """A bare "ỦY BAN NHÂN DÂN" (the column's second line lost): the authority line
        under the title names it ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"), or the
        place in the title does."""
        doc = self.doc
        if not doc.issuer:
            return
        # the chair as the issuer ("CHỦ TỊCH ỦY BAN / NHÂN DÂN", QĐ-CTUBND): the same
        # name completed, the title kept in front
        chair = re.match(r"chu tich\s+", fold(doc.issuer))
        title = doc.issuer[: chair.end()] if chair else ""
        body = doc.issuer[len(title) :]
        if fold(body) not in GENERIC_BODIES:
            return
        for i in range(start, min(start + 10, len(self.paras))):
            text, f = self.paras[i], self.folded[i]
            match = re.match(r"^(?:chu tich )?((?:uy ban nhan dan|ubnd|hoi dong nhan dan) .+)$", f)
            if match and _is_caps(text) and f[match.start(1) :].startswith(fold(body)):
                named = text[match.start(1) :]
                self.how["issuer"] = 0.8
                if re.search(r"\s(tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong)$", f):
                    # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": a level with no name, which the
                    # place line gives
                    known = province(doc.place)
                    if known:
                        named = f"{named} {known.upper()}"
                    self.how["issuer"] = 0.6 if known else 0.4
                doc.issuer = f"{title}{named}"
                return
        if doc.place and doc.subject:
            place = fold(doc.place)
            levels = {
                "tinh": "TỈNH",
                "thanh pho": "THÀNH PHỐ",
                "huyen": "HUYỆN",
                "thi xa": "THỊ XÃ",
                "xa": "XÃ",
                "phuong": "PHƯỜNG",
            }
            for level_word, name in levels.items():
                if f"{level_word} {place}" in fold(doc.subject):
                    doc.issuer = f"{title}{body} {name} {doc.place.upper()}"
                    self.how["issuer"] = 0.6
                    return
        known = province(doc.place)
        if known:
            # the place line names a province: its committee or council, to be checked
            # (a city of the same name has one too)
            doc.issuer = f"{title}{body} {level(known)} {known.upper()}"
            self.how["issuer"] = 0.6
            return
        self.how["issuer"] = 0.4

    def complete_cut_issuer(self) -> None:
        """An issuer cut after a joining word ("BỘ NÔNG NGHIỆP VÀ |": a site cut the cell
        after its first line) runs on where the text names it ("Bộ trưởng Bộ Nông nghiệp
        và Môi trường ban hành …"): the words taken are those whose initials make the
        symbol's body ("BNNMT"). Marked: read from the body, not the header."""
        doc = self.doc
        if not doc.issuer or not doc.symbol:
            return
        name = doc.issuer.rstrip(" ,&|-–—")
        key = fold(name)
        if not re.search(r"\s(va|cua)$", key) and not doc.issuer.rstrip(" |").endswith(
            (",", "&", "-", "–")
        ):
            return
        targets = {fold(p) for p in doc.symbol.rpartition("/")[2].split("-")[1:] if p}
        if not targets:
            return
        pattern = re.compile(rf"\b{re.escape(key)}\s")
        for original, folded in zip(self.paras[:80], self.folded[:80], strict=False):
            for found in pattern.finditer(folded):
                words: list[str] = []
                for word in original[found.end() :].split()[:6]:
                    word = word.strip(",.;:()")
                    if not word:
                        break
                    words.append(word)
                    whole = f"{name} {' '.join(words)}"
                    if initials(whole) in targets:
                        doc.issuer = whole.upper() if _is_caps(name) else whole
                        self.how["issuer"] = 0.6
                        return

    def repair_scan_issuer(self) -> None:
        """A scan's issuer in capitals with its letters put right where the reading is
        sure: a body's words spelled as they are ("ỦY BẠN NHÂN ĐÀN" → "ỦY BAN NHÂN DÂN"),
        a province one letter off after "TỈNH" ("GIÁ TÀI" → "GIA LAI"), and a head word one
        letter off ("HỘ NỘI VỤ") where "BỘ", "SỞ", … makes the symbol's body (BNV). Marked."""
        doc = self.doc
        if not self.scanned or not doc.issuer or not _is_caps(doc.issuer):
            return
        central = central_committee_of(doc.issuer_parent, doc.issuer)
        if central:  # "BAN CHẤP HÀNH TRUNG ƯƠNG / ĐOÀN …": one body (decision 0056)
            doc.issuer, doc.issuer_parent = central, None
            self.how["issuer"] = min(self.how.get("issuer", 0.9), 0.6)
        words = doc.issuer.split()
        for phrase in _BODY_WORDS:
            size = len(phrase.split())
            for k in range(len(words) - size + 1):
                read = " ".join(words[k : k + size])
                if fold(read) == fold(phrase) and read.replace("UỶ", "ỦY") != phrase:
                    words[k : k + size] = phrase.split()
        _repair_provinces(words)
        targets = {fold(p) for p in (doc.symbol or "").rpartition("/")[2].split("-")[1:] if p}
        if targets and initials(" ".join(words)) not in targets:
            found = []
            for k, word in enumerate(words):
                for head in _HEAD_WORDS:
                    if _one_letter(fold(word), fold(head)):
                        trial = [*words[:k], head, *words[k + 1 :]]
                        if initials(" ".join(trial)) in targets:
                            found.append(trial)
            if len(found) == 1:
                words = found[0]
        repaired = " ".join(words)
        if repaired != doc.issuer:
            doc.issuer = repaired
            self.how["issuer"] = min(self.how.get("issuer", 0.9), 0.6)

    def authority_as_issuer(self, body_from: int) -> None:
        """No header at all (a print view that kept only the title): the authority line
        under the title ("THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ NỘI VỤ") names the issuer,
        the body for a minister's or a chair's title. Marked for checking."""
        for i in range(min(body_from + 3, len(self.paras), 30)):
            if not self._authority(i) or _NUMBER_IN_LINE.search(self.folded[i]):
                continue
            name = squash(self.paras[i]).strip(" .,:")
            title = re.match(r"(?i:bộ trưởng|chủ tịch|giám đốc)\s+", name)
            if title and BODY_HEADS.match(fold(name[title.end() :])):
                name = name[title.end() :]  # the minister's ministry, the chair's committee
            self.doc.issuer = name
            self.how["issuer"] = 0.6
            return

    def drop_title_issuer(self) -> None:
        """An old title "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ V/V …": the trích yếu is
        what comes after the issuer, from "V/V" or "VỀ" on."""
        doc = self.doc
        if not doc.subject:
            return
        folded = fold(doc.subject)
        if not re.match(
            r"^cua (uy ban|ubnd|hoi dong|hdnd|chu tich|bo truong|thu tuong|bo |so |giam doc)",
            folded,
        ):
            return
        about = re.search(r"\s(v/v|ve viec|ve)\s", folded)
        if about:
            doc.subject = doc.subject[about.start() + 1 :]
            self.how["subject"] = min(self.how.get("subject", 0.9), 0.8)

    def _authority(self, i: int) -> bool:
        """Paragraph `i` is the issuing authority on its own line, after a decision's title."""
        f = self.folded[i]
        if self.scanned:
            f = re.sub(r"(?<=\w)[,.'’]+(?=\s)", "", f)  # specks after a word ("ỦY, BẠN")
        if not _is_caps(self.paras[i]) or not AUTHORITY_LINE.match(f):
            return False
        if re.match(r"^so\s*\d", f):
            return False  # "… THEO NGHỊ QUYẾT / SỐ 02/NQ-HĐND NGÀY …": a number, no "SỞ"
        if not self.scanned and self.paras[i].split()[0].lower() == "số":
            return False  # "… MỘT / SỐ BỆNH …": a number word, no "SỞ" (decision 0050)
        first = self.paras[i].split()[0]
        if fold(first) == "ban" and (first.upper() != "BAN" or f.startswith("ban hanh")):
            return False  # "BAN HÀNH QUY CHẾ …" (a verb), "… TRÊN ĐỊA / BÀN TỈNH …": no board
        issuer = fold(self.doc.issuer or "")
        following = self.folded[i + 1] if i + 1 < len(self.folded) else ""
        return bool(
            (issuer and issuer.split()[-1] in f)
            or (
                # "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG": the authority line broken in two
                f.strip() in ("uy ban nhan dan", "hoi dong nhan dan")
                and re.match(r"(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b", following)
            )
            or re.search(r"\b(tinh|thanh pho|huyen|quoc hoi)\b", f)
            or f in ("chinh phu", "thu tuong chinh phu")
            or f.startswith("bo truong bo ")
        )

    def _links(self, line: str) -> bool:
        """The line ends in a linking word ("… CỦA", "… VỀ"): the title goes on below. Where
        the text has its marks, the word with its marks: "HÀ NAM" is no "NĂM" (0050)."""
        if not LINKING_END.search(fold(line)):
            return False
        word = line.split()[-1].lower()
        if self.scanned or not self.has_marks:
            return True  # marks a scan misread or a layer lost: the letters only
        return word in LINKING_WORDS

    def _subject_from(self, j: int) -> tuple[str | None, int]:
        """The trích yếu that starts at paragraph `j`: lines in capitals up to the
        authority line or the body, or a sentence-case line and its lower-case
        continuations. Returns it and the index after it."""
        parts: list[str] = []
        caps = None
        while j < len(self.paras):
            text, f = self.paras[j], self.folded[j]
            sentence = not _is_caps(text) or f.rstrip().endswith(":")
            marker = _marker(text) and not f.startswith("v/v")  # "V/V CÔNG BỐ": no list
            if marker or (sentence and (self._body_start(j) or SUBJECT_STOP.match(f))):
                break
            if parts and NATIONAL.search(f):
                break  # the national name is no title's part (a page's header drawn again)
            if parts and self._authority(j):
                last = fold(parts[-1])
                if not (self._links(parts[-1]) or re.search(r"\buy$", last)):
                    break  # "… CỦA ỦY / BAN NHÂN DÂN XÃ …" goes on
            if caps is None:
                caps = _is_caps(text)
            elif caps:
                if any(ch.islower() for ch in text):
                    break
            elif not text[:1].islower():
                break
            parts.append(text)
            j += 1
            if caps is False and len(" ".join(parts)) > 400:
                break
        subject = squash(" ".join(parts)).strip(" _-") if parts else None
        return subject or None, j

    def _letter_subject_above_date(self, number_at: int | None, date_at_: int | None) -> None:
        """A letter's trích yếu without "V/v" right under its number, with the place and
        date line further down (the national name between, a unit's letter laid out in
        one column): read from the number line on, as when the date is beside it."""
        if number_at is not None and date_at_ is not None and number_at < date_at_:
            self.type_and_subject(number_at + 1)

    def _lone_subject(self, start: int) -> int:
        """A trích yếu in capitals right under the header, with no type heading above
        it (a site dropped the heading): the type then comes from the symbol."""
        if start >= len(self.paras) or not _is_caps(self.paras[start]):
            return start
        if self._authority(start) or NATIONAL_PARTS.search(self.folded[start]):
            return start
        subject, j = self._subject_from(start)
        if subject and len(subject) > 10:
            self.doc.subject = subject
            self.how["subject"] = 0.7
            return j
        return start

    def type_and_subject(self, start: int) -> int:
        """Find the type heading and trích yếu (or "V/v"); return the first body paragraph."""
        doc = self.doc
        for i in range(start, min(start + 25, len(self.paras))):
            f = self.folded[i]
            if i > start and _BODY_BEGUN.match(f):
                break  # a heading after the grounds or articles is an annex's (decision 0042)
            original = self.paras[i]
            letter = (
                i == start
                and re.match(r"ve\s+\w", f)
                and not _is_caps(original)
                and len(f) < 160
                and self.doc.symbol
                and "/" not in self.doc.symbol
                and not self._symbol_type()
            )
            # "Về cho học sinh nghỉ học" right under a letter's number (a symbol of the
            # body and its office, "4144/GDĐT-VP", no type): its trích yếu without "V/v"
            if f.startswith("v/v") or f.startswith("ve viec:") or letter:
                doc.doc_type = doc.doc_type or "Công văn"
                subject = squash(re.sub(r"^(?i:v/v|về việc:?)\s*", "", original))
                j = i + 1
                # "V/v … Kính gửi: - …": the letter's columns run together on one line
                addressed = re.search(r"\s+(?i:kính\s+g[ửởươuo]i)\b", subject)
                if addressed:
                    subject = subject[: addressed.start()]
                while (
                    not addressed
                    and j < len(self.paras)
                    and self.folded[j][:1].isalpha()
                    and (self.paras[j][:1].islower())
                ):
                    subject = f"{subject} {self.paras[j]}"  # "V/v" wrapped to the next line
                    j += 1
                doc.subject = subject
                self.how["doc_type"], self.how["subject"] = 0.85, 0.9
                return j
            # "Quyết định Về việc tặng thưởng …": a site's heading in sentence case, with
            # the trích yếu on its line, right under the header
            titled = i <= start + 1 and len(f) < 200 and original[:1].isupper()
            if _is_caps(original) or (i == 0 and len(original) < 120) or titled:
                for key, name in HEADINGS:
                    if f.startswith(key) and len(f) < 140 and not f.rstrip().endswith(":"):
                        joint = re.match(r"thong tu\s+lien\s+tich\b", f)
                        if name == "Thông tư" and joint:
                            # "THÔNG TƯ LIÊN TỊCH": a joint circular, its own type
                            key, name = joint.group(0), "Thông tư liên tịch"
                        about = re.match(r"\s+(?:ve viec|v/v|ve)\s", f[len(key) :])
                        if not _is_caps(original) and not f.startswith("phat dong"):
                            if not (titled and about):
                                break
                        doc.doc_type = name
                        self.how["doc_type"] = 0.95
                        rest = squash(original[len(key) :])
                        if not re.search(r"\w", rest.replace("_", "")):
                            rest = ""  # "KẾ HOẠCH _": the rule under the title (0051)
                        by_symbol = self._symbol_type()
                        if (
                            _is_caps(original)
                            and len(rest) > 3
                            and by_symbol
                            and by_symbol != name
                            and not fold(name).startswith(fold(original))
                        ):
                            # "QUY ĐỊNH PHÂN CẤP …" under a circular's header whose site
                            # dropped the heading: the symbol says the type, and the whole
                            # line opens the trích yếu
                            doc.doc_type = by_symbol
                            self.how["doc_type"] = 0.75
                            subject, j = self._subject_from(i + 1)
                            doc.subject = squash(f"{original} {subject or ''}")
                            self.how["subject"] = 0.7
                            return j
                        if fold(name).startswith(fold(f"{original[: len(key)]} {rest}")):
                            rest = ""  # "PHÁT ĐỘNG / THI ĐUA": the rest of the type's name
                        if rest and len(rest) > 3 and not _is_caps(rest):
                            doc.subject, j = rest, i + 1
                        else:
                            doc.subject, j = self._subject_from(i + 1)
                            if rest and (not doc.subject or _is_caps(self.paras[i + 1])):
                                # "QUY CHẾ LÀM / VIỆC CỦA …": the title goes on in capitals
                                doc.subject = squash(f"{rest} {doc.subject or ''}")
                        if doc.subject:
                            self.how["subject"] = 0.9
                        return j
        return start

    def _symbol_type(self) -> str | None:
        """The type a symbol's first part names ("TT" in "12/2025/TT-BNNMT")."""
        if not self.doc.symbol:
            return None
        part = fold(re.split(r"[-/]", self.doc.symbol.split("/")[-1])[0])
        return ABBREVIATIONS.get(part) or _CIRCULARS.get(part)

    def _body_start(self, i: int) -> bool:
        f = self.folded[i]
        return bool(re.match(r"^(can cu|thuc hien|kinh g[uo]i|nham|de |nam 20|trong nam|theo)", f))

    def recipients(self, start: int) -> int:
        for i in range(start, min(start + 12, len(self.paras))):
            f = self.folded[i]
            match = re.match(r"^kinh g[uo]i\s*:?\s*", f)
            if not match:
                continue
            rest = self.paras[i][match.end() :].strip()
            found = []
            if rest:
                found += [
                    strip_end(x) for x in re.split(r"\s*(?:^|\s)[-–]\s+|;\s*", rest) if strip_end(x)
                ]
            j = i + 1
            while j < len(self.paras) and self.folded[j][:1] in "-–+•":
                found.append(strip_end(self.paras[j][1:]))
                j += 1
            self.doc.recipients = [r for r in found if r]
            return j
        return start

    # ---- close ----------------------------------------------------------

    def close(self) -> None:
        doc = self.doc
        start = None
        for i in range(len(self.paras) - 1, -1, -1):
            if re.match(r"^noi nhan\b", self.folded[i]):
                start = i
                break
        sign_index = None
        for i in range(len(self.paras) - 1, max(-1, len(self.paras) - 40), -1):
            if SIGN_AUTHORITY.match(self.paras[i]) or re.fullmatch(
                r"(pho )?chu tich|giam doc|pho giam doc|truong phong|truong ban", self.folded[i]
            ):
                sign_index = i
            elif (
                _BARE_AUTHORITY.match(self.paras[i])
                and i + 1 < len(self.paras)
                and _is_caps(self.paras[i + 1])
            ):
                sign_index = i
            elif self._recipient_beside_authority(i):
                sign_index = i
        if start is None and sign_index is None:
            return
        self.close_start = min(x for x in (start, sign_index) if x is not None)
        entries: list[str] = []
        signature: list[str] = []
        if start is not None:
            first = re.sub(r"(?i)^n[ơo]i nh[ậa]n\s*:?\s*", "", self.paras[start]).strip()
            pending = [first] if first else []
            pending += self.paras[start + 1 :]
            for text in pending:
                # a flattened two-column close puts signature words after the list items
                parts = re.split(SIGNATURE_SPLIT, text)
                text = parts[0].strip()
                signature += [p for p in parts[1:] if p.strip()]
                if not text:
                    continue
                if not text.startswith(("-", "–", "+", "•")):
                    signature.append(text)
                    continue
                for piece in re.split(r"\s+(?=-\s)", text):
                    piece = squash(piece.strip().lstrip("-–+•"))
                    # "TT. HĐND huyện; } (B/c)": the brace's mark stays on its line,
                    # except after "Lưu" where a stray brace line was run in
                    brace = r"\s*[}\]]\s*(\(?[bB]/[cC]\)?)\s*$"
                    if fold(piece).startswith("luu"):
                        piece = re.sub(brace, "", piece)
                    else:
                        piece = re.sub(brace, r" \1", piece)
                    if not piece or re.fullmatch(r"[}\])]?\s*\(?[bB]/[cC]\)?", piece):
                        continue
                    mark = re.search(r"[;,.]?\s*(\([^()]{1,20}\))\s*$", piece)
                    if mark and re.search(r";\s*\(", piece):
                        piece = f"{strip_end(piece[: mark.start()])} {mark.group(1)}"
                    # a clerk's file path run into the last entry ("… d:\2011\CV\…")
                    piece = re.sub(r"\s+[A-Za-z]:\\\S.*$", "", piece)
                    piece, name = self._name_beside_archive(piece)
                    if name:
                        signature.append(name)
                    entries.append(strip_end(piece))
            doc.distribution = [e for e in entries if e]
        else:
            signature = self.paras[sign_index:]
            if self._recipient_beside_authority(sign_index):
                signature[:1] = re.split(SIGNATURE_SPLIT, signature[0])[1:]
        self._signature(signature)

    def _name_beside_archive(self, piece: str) -> tuple[str, str | None]:
        """ "Lưu: VT Nguyễn Văn Bình": the signer's name, read beside the archive line from
        the close's other column, parted from it (decision 0066). The archive's entry is
        codes in capitals ("VT", "VT, TĐKT(03b)"); a name after them is the signer's."""
        opening = _ARCHIVE.match(piece)
        if not opening:
            return piece, None
        words = piece[opening.end() :].split()
        for size in range(min(6, len(words) - 1), 1, -1):
            codes, name = words[:-size], " ".join(words[-size:])
            if all(_ARCHIVE_CODE.fullmatch(w) for w in codes) and self._looks_like_name(name):
                return piece[: opening.end()] + " ".join(codes).rstrip(".,;"), name
        return piece, None

    def _recipient_beside_authority(self, i: int) -> bool:
        """'- Như Điều 3; TM. ỦY BAN NHÂN DÂN': a close's pipe row, its first recipient
        beside the authority, with no "Nơi nhận:" above it (a site cut it, decision 0042)."""
        para = self.paras[i]
        return para.startswith(("-", "–")) and len(re.split(SIGNATURE_SPLIT, para)) > 1

    def _signature(self, lines: list[str]) -> None:
        doc = self.doc
        lines = [squash(x) for x in lines if squash(x)]
        for k in range(len(lines) - 2, -1, -1):
            if _BARE_AUTHORITY.match(lines[k]) and _is_caps(lines[k + 1]):
                lines[k : k + 2] = [f"{lines[k].rstrip(' .:')}. {lines[k + 1]}"]
        authorities = [k for k, line in enumerate(lines) if SIGN_AUTHORITY.match(line)]
        if authorities:
            doc.signing_authority = " ".join(
                re.sub(r"^(\w+)\s*[.:]\s*", r"\1. ", lines[k]) for k in authorities
            )
            after = authorities[-1] + 1
            if after < len(lines) and _is_caps(lines[after]) and len(lines[after]) < 40:
                doc.signer_title = lines[after]
        if doc.signer_title is None:
            for line in lines:
                if _is_caps(line) and len(line) < 40 and not SIGN_AUTHORITY.match(line):
                    doc.signer_title = line
                    break
        for line in reversed(lines):
            line = re.sub(r"\s+\d{1,3}$", "", line)  # a page number run into the last line
            line = re.sub(r"\s*[;,]$", "", line)  # a table cell's stray mark (0042)
            if self._looks_like_name(line):
                doc.signer_name = line
                break

    @staticmethod
    def _looks_like_name(line: str) -> bool:
        words = line.replace("(đã ký)", "").split()
        if not 2 <= len(words) <= 6 or _is_caps(line):
            return False
        return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)

    # ---- body -----------------------------------------------------------

    def theme(self) -> None:
        text = self.doc.text
        folded = fold(text)
        match = re.search(r"chu de\s*(?:la|:)?\s*[:\-]?\s*[\"“‘'«]", folded)
        if not match:
            return
        start = match.end()
        close = re.search(r"[\"”’'»]", text[start:])
        end = start + close.start() if close else min(len(text), start + 400)
        theme = squash(text[start:end])
        self.doc.theme = theme or None

    def end_date(self) -> None:
        best = None
        for i, f in enumerate(self.folded[self.header_end : self.close_start]):
            for match in re.finditer(r"den\s+(het\s+)?(ngay\s+)?", f):
                tail = f[match.end() : match.end() + 30]
                value = None
                year_match = re.match(r"(?:nam\s+)(\d{4})", tail)
                month_match = re.match(r"thang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})", tail)
                if match.group(1) and year_match:
                    value = datetime.date(int(year_match.group(1)), 12, 31)
                elif match.group(1) and month_match:
                    month, year = int(month_match.group(1)), int(month_match.group(2))
                    if 1 <= month <= 12:
                        value = datetime.date(year, month, calendar.monthrange(year, month)[1])
                else:
                    date_match = re.match(rf"{_DMY}|{_WORDS_DATE}", tail)
                    if date_match:
                        groups = [g for g in date_match.groups() if g]
                        value = make_date(*groups[:3])
                if value is None:
                    continue
                sentence = f[max(0, match.start() - 160) : match.end()]
                score = (
                    2 if re.search(r"phong trao|thoi gian|trien khai|thuc hien", sentence) else 1
                )
                if best is None or score > best[0]:
                    best = (score, value, self.paras[self.header_end + i], match.start())
        if best:
            self.doc.end_date = best[1]
            para, pos = best[2], best[3]
            start = max(para.rfind(",", 0, pos), para.rfind(".", 0, pos)) + 1
            frame = re.search(r"(?i)(từ|tu)\s+\S+.*$", para[start : pos + 40]) or None
            self.doc.time_frame = squash(frame.group(0)) if frame else None

    def anniversaries(self) -> None:
        seen = set()
        text = self.doc.text
        folded = fold(text)
        pattern = re.compile(rf"\(\s*{_DMY}\s*[-–—]\s*{_DMY}\s*\)")
        for match in pattern.finditer(folded):
            start = make_date(*match.groups()[:3])
            end = make_date(*match.groups()[3:])
            if not (start and end):
                continue
            before = folded[max(0, match.start() - 160) : match.start()]
            offset = match.start() - len(before)
            numbered = list(re.finditer(r"\d+\s+nam\b", before))
            if numbered:
                name_start = offset + numbered[-1].start()
            else:
                cut = max(before.rfind(c) for c in ';:,(“"')
                name_start = offset + cut + 1
            name = squash(text[name_start : match.start()]).strip(' ,;:“"')
            name = re.sub(r"^(?i:kỷ niệm|chào mừng|và)\s+", "", name)
            if not name or (fold(name), start) in seen:
                continue
            seen.add((fold(name), start))
            self.doc.anniversaries.append({"name": name, "start": start, "end": end})

    def references(self) -> None:
        text = self.doc.text
        folded = fold(text)
        grounds = _grounds_spans(folded)
        cited_at: list[int] = []  # where each reference is cited
        pattern = re.compile(
            rf"\b({_REF_FOLDED})\s+so\s*:?\s*(\d[\w\-]*(?:/[\w\-.đ]+)*)\s*,?\s*"
            rf"(?:ngay\s+(?:{_DMY}|{_WORDS_DATE}))?"
        )
        seen = set()
        own = (fold(self.doc.number or ""), fold(self.doc.symbol or ""))
        stops: list[int] | None = None
        for match in pattern.finditer(folded):
            ident = text[match.start(2) : match.end(2)].rstrip(".,;")
            number, _, symbol = ident.partition("/")
            if (fold(number), fold(symbol)) == own and symbol:
                continue
            groups = match.groups()[2:]
            date = None
            if any(groups[:3]):
                date = make_date(*groups[:3])
            elif any(groups[3:]):
                date = make_date(*groups[3:])
            issuer = None
            tail = folded[match.end() : match.end() + 200]
            issuer_match = re.match(r"\s*,?\s*(?:cua|do)\s+", tail)
            if issuer_match:
                start = match.end() + issuer_match.end()
                if stops is None:
                    stops = [m.start() for m in _ISSUER_STOPS.finditer(folded)]
                at = bisect.bisect_left(stops, start)
                end = start + min(stops[at] - start, ISSUER_SPAN) if at < len(stops) else start + 80
                issuer = squash(text[start:end]) or None
                if issuer and len(issuer.split()) > 12:
                    issuer = " ".join(issuer.split()[:12])
            key = (fold(match.group(1)), fold(number), fold(symbol))
            if key in seen:
                continue
            seen.add(key)
            cited_at.append(match.start())
            self.doc.references.append(
                {
                    "doc_type": _REF_NAMES.get(match.group(1), match.group(1)),
                    "name": None,
                    "number": number or None,
                    "symbol": symbol or None,
                    "date": date,
                    "issuer": issuer,
                    "grounds": _in_spans(grounds, match.start()),
                }
            )
        self.named_acts(text, folded, grounds, seen, cited_at)
        # in the order the document cites them (its grounds first, as a clerk reads them)
        order = sorted(range(len(cited_at)), key=cited_at.__getitem__)
        self.doc.references = [self.doc.references[k] for k in order]

    def named_acts(
        self, text: str, folded: str, grounds: list[tuple[int, int]], seen: set, cited_at: list[int]
    ) -> None:
        """Laws, codes and ordinances cited by their name ("Căn cứ Luật Tổ chức chính quyền
        địa phương ngày 19 tháng 6 năm 2015;"), with their number and date where given: in
        the grounds always, elsewhere only with a date or a number (a body's "thực hiện
        theo Luật Thi đua, khen thưởng" names no document). Decision 0066."""
        named: set[tuple[str, str]] = set()
        for match in _NAMED_ACT.finditer(folded):
            raw = text[match.start(2) : match.end(2)]
            if not text[match.start()].isupper() or raw.count("\n") > 1:
                continue  # "pháp luật …": no act; a name wraps one line at most
            in_grounds = _in_spans(grounds, match.start())
            name = squash(raw).strip(" ,")
            number = symbol = date = None
            tail = match.group("tail") or ""
            numbered = re.match(r"\s*so?\s*(\d+)/([\w\-./]+)", tail)
            if numbered:
                start = match.start("tail") + numbered.start(1)
                number = text[start : start + len(numbered.group(1))]
                start = match.start("tail") + numbered.start(2)
                symbol = text[start : start + len(numbered.group(2))].rstrip(".,;")
            dated = re.search(rf"ngay\s+(?:{_DMY}|{_WORDS_DATE})", tail)
            if dated:
                groups = [g for g in dated.groups() if g]
                date = make_date(*groups[:3])
            opens = _GROUND_OPENS.search(folded[max(0, match.start() - 12) : match.start()])
            if not (number or date or (in_grounds and opens)) or not 0 < len(name.split()) <= 30:
                continue
            kind = _NAMED_ACT_TYPES[match.group(1)]
            key = (fold(kind), fold(number or ""), fold(symbol or ""))
            if (fold(kind), fold(name)) in named:
                continue
            if number and key in seen:
                # "… pháp luật số 80/2015/QH13" was read as "Luật số 80/…": give it its name
                for ref in self.doc.references:
                    if (
                        fold(ref["doc_type"]),
                        fold(ref["number"] or ""),
                        fold(ref["symbol"] or ""),
                    ) == key:
                        ref["name"] = ref["name"] or name
                named.add((fold(kind), fold(name)))
                continue
            seen.add(key)
            named.add((fold(kind), fold(name)))
            cited_at.append(match.start())
            self.doc.references.append(
                {
                    "doc_type": kind,
                    "name": name,
                    "number": number,
                    "symbol": symbol,
                    "date": date,
                    "issuer": None,
                    "grounds": in_grounds,
                }
            )

    def items(self) -> None:
        body = list(range(self.header_end, self.close_start))
        region = self._content_region(body)
        lists = self._lists(region) or self._semicolon_list(region)
        if not lists:
            self.doc.preamble = [self.paras[i] for i in body]
            return
        chosen = self._choose(lists)
        first, last = chosen[0][0], chosen[-1][1]
        self.doc.items = [item for _, _, item in chosen]
        self.doc.preamble = [self.paras[i] for i in body if i < first]
        self.doc.closing = [self.paras[i] for i in body if i > last]

    def _heading(self, i: int) -> bool:
        text = self.paras[i]
        marker = _marker(text)
        rest = marker[2] if marker else text
        return len(rest.split()) <= 14 and not _ends_sentence(rest) or _is_caps(rest)

    def _content_region(self, body: list[int]) -> list[int]:
        romans = [i for i in body if (m := _marker(self.paras[i])) and m[0] == "roman"]
        region = body
        if romans:
            bounds = romans + [body[-1] + 1]
            for a, b in zip(bounds, bounds[1:], strict=False):
                if "noi dung" in self.folded[a] or "phong trao" in self.folded[a]:
                    region = [i for i in body if a < i < b]
                    if "noi dung" in self.folded[a]:
                        break
        headings = [
            i
            for i in region
            if (m := _marker(self.paras[i])) and m[0] == "arabic" and self._heading(i)
        ]
        for k, i in enumerate(headings):
            if "noi dung" in self.folded[i]:
                stop = next(
                    (h for h in headings[k + 1 :] if _marker(self.paras[h])[0] == "arabic"),
                    region[-1] + 1,
                )
                sub = [j for j in region if i < j < stop]
                if sub:
                    return sub
        return region

    def _lists(self, region: list[int]) -> list[list[tuple[int, int, Item]]]:
        """Runs of same-kind items in the region; each entry is (first, last, item)."""
        runs: list[list[tuple[int, int, Item]]] = []
        k = 0
        while k < len(region):
            i = region[k]
            marker = _marker(self.paras[i])
            if not marker:
                k += 1
                continue
            kind = marker[0]
            run: list[tuple[int, int, Item]] = []
            current: Item | None = None
            # Paragraphs without a marker go to the last item or child (`target`); they are
            # kept in `extra` and joined to its text once, when the next one starts.
            target: Item | None = None
            extra: list[str] = []
            first = last = i
            tail_start = k
            while k < len(region):
                j = region[k]
                m = _marker(self.paras[j])
                if m and m[0] == kind:
                    _extend(target, extra)
                    if current:
                        run.append((first, last, current))
                    current = target = Item(label=m[1], text=m[2], marker=kind)
                    first = last = j
                    tail_start = k + 1
                elif current and m and _deeper(m[0], kind):
                    _extend(target, extra)
                    target = Item(label=m[1], text=m[2], marker=m[0])
                    current.children.append(target)
                    last = j
                    tail_start = k + 1
                elif current and m and not _deeper(m[0], kind):
                    break
                elif current:
                    # a paragraph without a marker: kept only if another item follows
                    extra.append(self.paras[j])
                    last = j
                k += 1
            if current:
                # undo trailing unmarked paragraphs that no later item claimed
                claimed = set(region[tail_start:k]) if tail_start < k else set()
                if claimed:
                    for t in [self.paras[j] for j in sorted(claimed)]:
                        # what `text.removesuffix("\n" + t)` did on the joined text
                        if extra and extra[-1] == t:
                            extra.pop()
                    last = max([first] + [j for j in range(first, last + 1) if j not in claimed])
                _extend(target, extra)
                run.append((first, last, current))
                k = max(k, tail_start)
            if len(run) >= 1:
                runs.append(run)
        return runs

    def _semicolon_list(self, region: list[int]) -> list[list[tuple[int, int, Item]]]:
        """Unnumbered items: "… gồm: A; / B; / C." after an introducing colon."""
        for k, i in enumerate(region):
            intro = self.paras[i]
            colon = intro.rfind(":")
            if colon < 0:
                continue
            after = intro[colon + 1 :].strip()
            run: list[tuple[int, int, Item]] = []
            if after and after.endswith(";"):
                run.append(
                    (i, i, Item(label="", text=after.rstrip(";").strip(), marker="semicolon"))
                )
            elif after:
                continue
            for j in (region[n] for n in range(k + 1, len(region))):  # no copy of the rest
                text = self.paras[j]
                if not text.endswith((";", ".")) or len(text) > 1500:
                    break
                run.append(
                    (j, j, Item(label="", text=text.rstrip(";").strip(), marker="semicolon"))
                )
                if text.endswith("."):
                    break
            if len(run) >= 3:
                return [run]
        return []

    def _choose(self, runs):
        def score(run):
            first = run[0][0]
            intro = self.folded[first - 1] if first > 0 else ""
            s = len(run)
            if intro.endswith(":"):
                s += 5
            if "noi dung" in intro or "sau:" in intro:
                s += 5
            if run[0][2].marker in ("arabic", "ordinal"):
                s += 2
            return s

        return max(runs, key=score)

    def fallback_identity(self) -> None:
        """A news article or portal page: "… ban hành Chỉ thị số 09/CT-UBND" near the top."""
        doc = self.doc
        for i, f in enumerate(self.folded[:8]):
            match = re.search(
                rf"(?:ban hanh|phat dong)\s+({_REF_FOLDED})\s+so\s+([\w\-]+/[\w\-./đ]+)", f
            )
            if not match:
                continue
            original = self.paras[i]
            # what the sentence says it is outranks a news title read as a heading
            doc.doc_type = _REF_NAMES.get(match.group(1)) or doc.doc_type
            ident = original[match.start(2) : match.end(2)].rstrip(".,")
            number, _, symbol = ident.partition("/")
            doc.number = doc.number or number or None
            doc.symbol = doc.symbol or symbol or None
            self.how.update(doc_type=0.7, number=0.7, symbol=0.7)
            before = squash(original[: match.start()])
            # The name runs to the end of `before` without , . or ;: look after the last
            # one only (a search from every "UBND" to the end was quadratic).
            last_stop = max(before.rfind(","), before.rfind("."), before.rfind(";"))
            tail = before[last_stop + 1 :]
            who = re.search(
                r"((?:chu tich\s+)?(?:ubnd|uy ban nhan dan|thu tuong chinh phu|chinh phu|"
                r"hoi dong [^,.;]+?|bo truong [^,.;]+?|bo [^,.;]+?|so [^,.;]+?)(?:\s+[^,.;]*?)?)\s*$",
                fold(tail),
            )
            if who and not doc.issuer:
                name = tail[who.start(1) : who.end(1)]
                name = re.sub(r"(?i)^chủ tịch\s+", "", name).strip()
                name = re.sub(r"(?i)(\s+(đã|vừa|mới|có|chính thức|ký))+$", "", name)
                doc.issuer = name or None
                self.how["issuer"] = 0.5
            # the document's date: right after its number ("số 231/QĐ-TTg, ngày 14/3/2023"),
            # else the last date before the sentence's verb ("Ngày 22/4/2024, Chủ tịch …")
            after = re.match(rf",?\s*ngay\s+(?:{_DMY}|{_WORDS_DATE})", f[match.end() :])
            date = None
            if after:
                groups = [g for g in after.groups() if g]
                date = make_date(*groups[:3])
            else:
                for found in re.finditer(rf"{_DMY}|{_WORDS_DATE}", f[: match.start()]):
                    groups = [g for g in found.groups() if g]
                    date = make_date(*groups[:3]) or date
            if date and not doc.date:
                doc.date, doc.date_month, doc.date_year = date, date.month, date.year
                self.how["date"] = 0.7
            rest = original[match.end() + (after.end() if after else 0) :]
            about = re.match(r"(?i)\s*,?\s*((?:về việc|v/v|về)\s+.+?)(?:\.(?:\s|$)|$)", rest)
            if about:
                doc.subject = squash(about.group(1)).rstrip(".")
                self.how["subject"] = 0.6
            elif after and rest.strip()[:1].isupper():
                doc.subject = squash(rest).rstrip(".")  # "… ngày 02/01/2024 Phát động …"
                self.how["subject"] = 0.5
            elif doc.subject and self.how.get("subject", 0) < 0.9:
                doc.subject = None
            return

    # ---- run ------------------------------------------------------------

    def run(self) -> ParsedDocument:
        doc = self.doc
        if not self.paras:
            return doc
        number_at = self.number_at = self.number_symbol()
        date_at_ = self.place_date()
        anchors = [x for x in (number_at, date_at_) if x is not None]
        limit = min(anchors) if anchors else 12
        self.issuer(limit + 1, anchored=bool(anchors))
        header_last = max(x for x in (number_at, date_at_, -1) if x is not None)
        body_from = self.type_and_subject(0 if header_last < 0 else header_last + 1)
        if doc.subject is None and header_last >= 0:
            body_from = self.type_and_subject(0)
        if doc.subject is None and header_last >= 0:
            body_from = max(body_from, self._lone_subject(header_last + 1))
        if doc.subject is None and doc.doc_type is None:
            self._letter_subject_above_date(number_at, date_at_)
        body_from = self.recipients(max(body_from, header_last + 1))
        if doc.number is None and doc.symbol is None and doc.date is None:
            self.fallback_identity()
        if doc.subject and doc.subject[:1].islower() and fold(doc.subject).startswith("ve viec"):
            doc.subject = doc.subject[:1].upper() + doc.subject[1:]
        if doc.doc_type is None and doc.symbol:
            # the symbol's type ("TT" too: a heading a broken font map made unreadable)
            abbreviation = fold(re.split(r"[-/]", doc.symbol.split("/")[-1])[0])
            doc.doc_type = self._symbol_type() or ("Công văn" if abbreviation == "ubnd" else None)
            self.how["doc_type"] = 0.75
        if (
            doc.doc_type == "Thông tư"
            and doc.subject
            and re.match(r"lien\s+tich\b", fold(doc.subject))
        ):
            # "THÔNG TƯ" / "LIÊN TỊCH": the heading's second line read as the trích yếu's first
            doc.doc_type = "Thông tư liên tịch"
            doc.subject = squash(doc.subject[len(re.match(r"\S+\s+\S+", doc.subject)[0]) :])
        if doc.subject and self.has_marks:
            # words a site ran together ("ĐẠTPHỔ CẬP")
            doc.subject = part_run_together(doc.subject)
        if self.scanned and doc.subject and _is_caps(doc.subject):
            # a title in capitals has no full stop or colon inside: those are specks
            # tesseract read ("VỀ. ĐỐI TƯỢNG", "XÉT.VÀ", "CỦA: ỦY BAN")
            # ("TP. HỒ CHÍ MINH" keeps its dot: an abbreviation has no vowel)
            doc.subject = squash(_OCR_SPECK.sub(_speck, doc.subject))
            doc.subject = _repair_title(doc.subject)
        if self.scanned and doc.subject:
            # the type's title, a portal's text, words that are no syllable (0039)
            kind = doc.doc_type or self._symbol_type()
            doc.subject, _, doubtful = repair_scan_subject(
                doc.subject,
                kind,
                low_resolution=self.low_resolution,
                readings=self.header_readings,
            )
            if doubtful:
                self.how["subject"] = min(self.how.get("subject", 0.9), 0.5)
        if self.heading_guessed:
            self.how["doc_type"] = min(self.how.get("doc_type", 0.95), 0.6)
        if doc.issuer is None and header_last < 0:
            self.authority_as_issuer(body_from)
        self.complete_issuer(max(header_last, 0))
        self.complete_cut_issuer()
        self.repair_scan_issuer()
        if self.scanned:  # names and codes checked against the known bodies (0037)
            check_scan_header(doc, self.how, set(ABBREVIATIONS) | {"nd", "tt", "ttlt"})
        if self.council_repaired and doc.issuer and "THI ĐUA - KHEN THƯỞNG" in doc.issuer:
            self.how["issuer"] = min(self.how.get("issuer", 0.9), 0.6)
        self.repair_symbol()
        self.check_place()
        self.drop_title_issuer()
        self.header_end = body_from
        self.close()
        self.theme()
        self.end_date()
        self.anniversaries()
        self.references()
        self.items()
        if self.marks_restored:
            # words put back from their unmarked letters: read from a guess
            for name in ("issuer", "issuer_parent", "doc_type", "place", "subject"):
                self.how[name] = min(self.how.get(name, 0.6), 0.6)
        from .confidence import field_confidence

        doc.confidence = field_confidence(doc, self.how)
        return doc


# The header fields a scan's further readings vote on: short, and each with a shape to
# check. Names, places and the trích yếu are not: an enlarged band runs the header's two
# columns together, and reads them worse than the page does.
VOTED = ("number", "symbol", "date", "doc_type")


def _vote_key(doc: ParsedDocument, name: str) -> str:
    value = getattr(doc, name)
    return fold(str(value)).replace(" ", "") if value else ""


def _valid_field(doc: ParsedDocument, name: str, value) -> bool:
    """A field's value has its shape: a number is digits; a symbol is a known type code
    followed by a known body, or (a letter's) a known body and a unit; a date is a real
    one, not after today, in the symbol's year when the symbol has one."""
    if not value:
        return False
    if name == "number":
        return bool(re.fullmatch(r"\d{1,5}", str(value)))
    if name == "doc_type":
        return str(value) in {kind.name for kind in DOCUMENT_KINDS} | set(_TYPE_ABBREVIATIONS)
    if name == "symbol":
        head, _, tail = str(value).rpartition("/")
        if head and not re.fullmatch(r"(?:19|20)\d\d", head):
            return False
        parts = [fold(p) for p in tail.split("-")]
        if len(parts) < 2 or not all(re.fullmatch(r"[a-zđ]+\d*", p) for p in parts):
            return False
        known = set(BODY_ACRONYMS) | {
            x for x in (initials(doc.issuer), initials(doc.issuer_parent)) if len(x) >= 2
        }
        if parts[0] in ABBREVIATIONS or parts[0] in {"nd", "tt", "ttlt"}:
            return any(_known_body(p, known) for p in parts[1:])
        return _known_body(parts[0], known)  # a letter's: "UBND-KT", "BNV-CQĐP"
    if name == "date":
        if not 1945 <= value.year or value > _vietnam_today():
            return False
        year = re.match(r"((?:19|20)\d\d)/", doc.symbol or "")
        return not year or int(year[1]) == value.year
    return True


def _vote_header(parser: _Parser, readings: Sequence[str]) -> None:
    """A low resolution scan's number, symbol, date and type, compared with what the
    header band's further readings (campaigns/ocr.py: `_header_reading`) make of them.
    A value another reading agrees with stands as read. Else a value of the right shape
    that two further readings agree on, or, where the page's own value is missing or of
    no shape, the one further reading of the right shape, replaces it, marked for checking.
    A value of no shape, or one another reading of the right shape contradicts, is kept,
    marked for checking ("Cần kiểm tra"): on the seen scans every value two readings
    agreed on was right (decision 0032)."""
    doc, how = parser.doc, parser.how
    others = []
    for reading in readings:
        try:
            others.append(_Parser(reading, scanned=True).run())
        except Exception:  # a reading that breaks the parser has no vote
            continue
    if not others:
        return
    for name in VOTED:
        mine = _vote_key(doc, name)
        keys = [_vote_key(other, name) for other in others]
        if mine and mine in keys and _valid_field(doc, name, getattr(doc, name)):
            continue  # confirmed
        agreed = [
            other
            for index, other in enumerate(others)
            if keys[index]
            and keys.count(keys[index]) >= 2
            and _valid_field(doc, name, getattr(other, name))
        ]
        alone = [
            other
            for index, other in enumerate(others)
            if keys[index] and _valid_field(doc, name, getattr(other, name))
        ]
        valid = _valid_field(doc, name, getattr(doc, name))
        guessed = (
            name == "date"
            and doc.date is not None
            and (doc.date.day, doc.date.month, doc.date.year) in parser.guessed_dates
        )
        if not agreed and (not valid or guessed):
            agreed = alone if len({_vote_key(o, name) for o in alone}) == 1 else []
        if agreed:
            _take(doc, agreed[0], name)
            how[name] = min(how.get(name, 0.95), 0.6)
        elif mine and (not valid or alone):
            # of no shape, or another reading of the right shape says otherwise
            how[name] = min(how.get(name, 0.95), 0.5)
    from .confidence import field_confidence

    doc.confidence = field_confidence(doc, how)


def _take(doc: ParsedDocument, other: ParsedDocument, name: str) -> None:
    setattr(doc, name, getattr(other, name))
    if name == "date":
        doc.date_month, doc.date_year = other.date_month, other.date_year


def _extend(item: Item | None, extra: list[str]) -> None:
    """Join the paragraphs in `extra` to the item's text, one per line, and empty it."""
    if item is not None and extra:
        item.text = "\n".join([item.text, *extra])
    extra.clear()


def _deeper(kind: str, than: str) -> bool:
    order = ["roman", "article", "arabic", "arabic2", "ordinal", "letter", "dash", "plus"]
    return order.index(kind) > order.index(than)


def parse_text(
    raw: str,
    *,
    scanned: bool = False,
    ocr_confidence: float | None = None,
    header_readings: Sequence[str] = (),
    digit_choices: dict | None = None,
    low_resolution: bool | None = None,
) -> ParsedDocument:
    """Parse pasted or extracted text (`scanned`: OCR output, with tesseract's mean word
    confidence if known; `header_readings`: a low resolution scan's header band read
    again, enlarged, compared field by field: `_vote_header`; `digit_choices`: its header
    digits' alternatives, `ocr_digits`; `low_resolution`: a scan under about 200 dpi, by
    default one whose header band was read again, as campaigns/ocr.py does for those
    only). Never raises on text input."""
    if low_resolution is None:
        low_resolution = bool(header_readings)
    try:
        parser = _Parser(
            raw,
            scanned=scanned,
            ocr_confidence=ocr_confidence,
            low_resolution=low_resolution,
            header_readings=header_readings if scanned else (),
        )
        doc = parser.run()
        if scanned and header_readings and doc.text:
            _vote_header(parser, header_readings)
        if scanned and doc.text:  # digits the header writes twice (decision 0038)
            from .ocr_digits import check_digits

            check_digits(parser, header_readings, _vietnam_today(), digit_choices)
        return doc
    except Exception:  # a document we read badly still becomes a draft with its text
        fallback = ParsedDocument(text="\n".join(paragraphs(clean_lines(raw))))
        fallback.preamble = fallback.text.split("\n") if fallback.text else []
        return fallback


# --------------------------------------------------------------------------
# Files


class UnreadableDocument(ValueError):
    """The file is missing, empty, or not a readable .txt, .docx or .pdf."""


class ScannedDocument(UnreadableDocument):
    """A PDF without a text layer: a scan, for OCR (campaigns/ocr.py)."""


# More pages than this and a PDF is refused before its text is taken out (a launch
# document is a few pages; 300 pages would hold a worker for minutes).
PDF_MAX_PAGES = 200


# What the reader takes on. A launch document is tens of pages; these bound how long a
# read can take (the parser's time grows with the text, not faster).
MAX_TEXT_CHARS = 2_000_000
DOCX_MAX_XML_BYTES = 10 * 1024 * 1024  # a Word file's text and formatting, unzipped
PDF_MAX_SECONDS = 20  # taking the text out of a PDF's pages


def read_document(data: bytes, filename: str) -> str:
    """Text of a .txt, .docx or text-based .pdf file."""
    text = _read_document(data, filename)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            f"Văn bản “{filename}” quá dài ({_thousands(len(text))} ký tự; đọc được tối đa "
            f"{_thousands(MAX_TEXT_CHARS)} ký tự). Hãy dán phần nội dung cần nhập."
        )
    return text


def _read_document(data: bytes, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in (".txt", ".md", ".text", ""):
        for encoding in ("utf-8-sig", "utf-16", "cp1258"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise UnreadableDocument(f"Không đọc được bảng mã của tệp “{filename}”.")
    if suffix == ".docx":
        _check_docx(data, filename)
        try:
            import docx

            document = docx.Document(io.BytesIO(data))
        except Exception as exc:
            raise UnreadableDocument(
                f"Tệp “{filename}” không phải tệp Word (.docx) hợp lệ."
            ) from exc
        parts: list[str] = []
        for block in _docx_blocks(document):
            parts.append(block)
        return "\n".join(parts)
    if suffix == ".pdf":
        try:
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableDocument(
                    f"Tệp PDF “{filename}” có mật khẩu. Hãy mở khóa (bỏ mật khẩu) rồi tải lên lại."
                )
            if len(reader.pages) > PDF_MAX_PAGES:
                raise UnreadableDocument(
                    f"Tệp PDF “{filename}” dài {len(reader.pages)} trang: chỉ đọc tệp đến "
                    f"{PDF_MAX_PAGES} trang. Hãy tải lên riêng văn bản phát động."
                )
            deadline = time.monotonic() + PDF_MAX_SECONDS
            pages, size = [], 0
            for page in reader.pages:
                if time.monotonic() > deadline or size > MAX_TEXT_CHARS:
                    raise UnreadableDocument(
                        f"Tệp PDF “{filename}” quá dài để đọc (đã đọc {len(pages)} trang). "
                        "Hãy dán phần nội dung cần nhập."
                    )
                pages.append(page.extract_text() or "")
                size += len(pages[-1])
            text = "\n".join(pages)
        except UnreadableDocument:
            raise
        except Exception as exc:
            raise UnreadableDocument(f"Tệp “{filename}” không phải tệp PDF đọc được.") from exc
        if not text.strip():
            raise ScannedDocument(
                f"Tệp PDF “{filename}” là bản quét (không có lớp chữ): cần nhận dạng chữ."
            )
        return text
    if suffix in (".png", ".jpg", ".jpeg"):
        raise ScannedDocument(f"Ảnh “{filename}” cần nhận dạng chữ.")
    raise UnreadableDocument(
        f"Chỉ đọc được tệp .txt, .docx, .pdf hoặc ảnh .jpg, .png, không đọc được “{filename}”."
    )


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _check_docx(data: bytes, filename: str) -> None:
    """A Word file that unzips too big is refused before it is opened (a 150 KB file
    that unzips to 50 MB took two minutes and 700 MB of memory to read)."""
    from django.core.exceptions import ValidationError

    from units.files import DOCX, check_archive

    if not zipfile.is_zipfile(io.BytesIO(data)):
        return  # python-docx says it is not a Word file
    try:
        check_archive(io.BytesIO(data), name=filename, kind=DOCX, size=len(data))
    except ValidationError as exc:
        raise UnreadableDocument(exc.messages[0]) from exc
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = sum(
            member.file_size
            for member in archive.infolist()
            if member.filename.lower().endswith((".xml", ".rels"))
        )
    if xml > DOCX_MAX_XML_BYTES:
        raise UnreadableDocument(
            f"Tệp Word “{filename}” quá dài để đọc ({xml / 1_048_576:.0f} MB chữ và định dạng "
            f"khi giải nén; tối đa {DOCX_MAX_XML_BYTES // 1_048_576} MB)."
        )


def _docx_blocks(document) -> list[str]:
    """Paragraphs and table cells in reading order (headers are often two-column tables)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            columns: dict[int, list[str]] = {}
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    columns.setdefault(index, []).extend(p.text for p in cell.paragraphs)
            for index in sorted(columns):
                blocks.extend(columns[index])
                blocks.append("")
    return blocks


def parse_file(path: str | Path) -> ParsedDocument:
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(f"Không tìm thấy tệp “{path}”.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"Không đọc được tệp “{path}”: {exc.strerror}.") from exc
    try:
        return parse_text(read_document(data, path.name))
    except ScannedDocument:
        from .ocr import ocr_document, parse_scan  # a scan: read here, in the command's process

        return parse_scan(ocr_document(data, path.name))
