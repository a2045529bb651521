"""A body's abbreviation in the symbols of the documents it writes (Decree 30/2020,
Phụ lục I): the type's abbreviation, then the body's: "TTr-PNV" for a Phòng Nội vụ,
"TTr-UBND" for a People's Committee, "QĐ-HĐTĐKT" for an emulation council.

`Unit.symbol_code` holds the one a clerk sets; blank, `body_code` derives it from the
name. The document reader reads a symbol's body letters back by the same rule
(campaigns/places.initials, folded; campaigns/bodies.code_of for the bodies it knows)."""

from __future__ import annotations

import re

from units.text import fold

# Words where a body's name ends and its place begins: "Phòng Nội vụ | huyện Tam Đường",
# "… | đặc khu Phú Quốc" (a special zone, 2025). "xã" begins a place unless "hội" follows
# it ("Lao động - Thương binh và Xã hội"). The reader parts a header's name from its place
# by the same rule (campaigns/bodies.py).
PLACE_WORDS = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "tp", "tp."})
PLACE_PAIRS = frozenset({("thanh", "pho"), ("thi", "xa"), ("thi", "tran"), ("dac", "khu")})


def place_begins(key: str, after: str) -> bool:
    """The folded word `key` (then `after`) begins a body's place, not its name."""
    if key == "xa" and after == "hoi":
        return False
    return key in PLACE_WORDS or (key, after) in PLACE_PAIRS


def letter(word: str) -> str:
    """A word's letter in a symbol: its first, in capitals, without its tone or other
    marks, Đ kept ("Ủy" → U, "Đảng" → Đ)."""
    first = word[:1].upper()
    return first if first == "Đ" else fold(first).upper()


def body_letters(name: str | None, *, keep_abbreviations: bool = True) -> str:
    """The initials of a body's name, its place left out, as written in a symbol:
    "Sở Giáo dục và Đào tạo tỉnh X" → SGDĐT, "Ủy ban nhân dân tỉnh X" → UBND, "Phòng
    Lao động - Thương binh và Xã hội" → PLĐTBXH; a word already abbreviated ("UBND",
    "HĐND", "TĐKT") is kept whole, unless the whole name is in capitals (a header: "SỞ
    NỘI VỤ") or `keep_abbreviations` is off."""
    if not name:
        return ""
    words = name.replace(",", " ").split()
    folded = [fold(w) for w in words]
    keep = keep_abbreviations and not name.isupper()
    letters: list[str] = []
    for index, word in enumerate(words):
        key = folded[index]
        after = folded[index + 1] if index + 1 < len(words) else ""
        if place_begins(key, after):
            break
        if key == "va" or not word[:1].isalpha():
            continue
        if keep and len(word) > 1 and word.isupper():
            letters.append(word)
        else:
            letters.append(letter(word))
    return "".join(letters)


def body_code(name: str, kind: str) -> str:
    """The abbreviation a body writes after the type in its symbols when none is set: a
    People's Committee UBND whatever its name says, else the initials of its name."""
    if kind == "ubnd":
        return "UBND"
    return body_letters(name) or "UBND"


# A code is letters (Đ among them), digits or "&", its parts joined by "-" ("UBND-VX").
_CODE = re.compile(r"[^\W_]+(?:&[^\W_]+)*(?:-[^\W_]+(?:&[^\W_]+)*)*")
# The types' abbreviations (Decree 30, Phụ lục III) a code must not begin with: the type
# is written before it.
_TYPES = frozenset({"qd", "ttr", "bc", "kh", "tb", "hd", "nq", "ct", "cv", "qc", "ctr", "pa"})


def code_problem(code: str) -> str | None:
    """What is wrong with a code a clerk sets for a body (`Unit.symbol_code`), or None."""
    code = code.strip()
    if not code:
        return None
    if not _CODE.fullmatch(code):
        return "Chỉ gồm chữ cái, chữ số, dấu & hoặc -, không có dấu cách hay dấu /: ví dụ PNV."
    if "-" in code and fold(code.split("-")[0]) in _TYPES:
        return "Không ghi tên loại văn bản (QĐ, TTr, BC…): hệ thống tự ghi trước chữ viết tắt."
    return None


DECISION_SYMBOL_PROBLEM = (
    "Ký hiệu quyết định là QĐ, dấu gạch nối rồi chữ viết tắt của cơ quan ban hành, không "
    "có dấu cách hay dấu /: ví dụ QĐ-UBND, QĐ-PNV."
)


def decision_symbol_problem(symbol: str) -> str | None:
    """What is wrong with a decision's symbol as typed ("QĐ UBND/", "01/QĐ-UBND"), or
    None: "QĐ-" then a body's code of letters, digits, "&" and hyphens (QĐ-UBND, QĐ-PNV,
    QĐ-HĐTĐKT). The number is not part of it: it is written when the decision is issued."""
    symbol = symbol.strip()
    if not symbol.startswith("QĐ-") or not _CODE.fullmatch(symbol[3:]):
        return DECISION_SYMBOL_PROBLEM
    return None
