"""The Vietnamese public bodies the reader knows by name, and a scan's issuer, parent and
symbol checked against them (issue 12, decision 0037).

tesseract reads a header's name a letter or two wrong ("HỘ NỘI VỤ", "THỂ LHAO", "ĐU
TỊCH") and a symbol's body code likewise ("RTC" for BTC, "BVHTTDI"). A public body's name
is not free text: ministries, government bodies, a province's departments and a
district's offices have fixed names. On a scan only, a name within a small OCR-aware
distance of exactly one known name is spelled as that name and marked for the clerk to
check; a symbol's body code a confusable letter or two from exactly one known code (the
issuer's own first) is put right, marked. A name no known body is near, or two equally
near, stays as read. The provinces are `campaigns/places.py`'s (one list in one place);
the bodies' codes extend its BODY_ACRONYMS.

The lists are general official knowledge, not the corpus: each group says where it comes
from. A body missing here is simply not checked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from units.symbols import PLACE_PAIRS, body_letters, letter, place_begins
from units.text import fold

from .places import BODY_ACRONYMS, province

if TYPE_CHECKING:
    from .importer import ParsedDocument


@dataclass(frozen=True)
class Body:
    name: str  # as the body writes it in a header, in capitals
    code: str = ""  # its code in a symbol ("BNV", "BLĐTBXH"); its initials by default
    parent: str = ""  # the body above it in a header ("BỘ TÀI CHÍNH" above TỔNG CỤC THUẾ)
    local: bool = False  # a province's, district's or commune's: its place may follow
    open: bool = False  # the head of a name that goes on ("BAN CHỈ ĐẠO …")
    also: str = ""  # another code its symbols use ("BNN" in "QĐ-BNN-TT", "LĐTBXH-BTXH")


# The ministries and ministerial-level agencies of the Government from 1 March 2025
# (Nghị quyết 176/2025/QH15 on the Government's structure in the 15th legislature: 14
# ministries and 3 ministerial-level agencies), their codes as their symbols write them.
MINISTRIES_2025 = (
    Body("BỘ QUỐC PHÒNG", "BQP"),
    Body("BỘ CÔNG AN", "BCA"),
    Body("BỘ NGOẠI GIAO", "BNG"),
    Body("BỘ NỘI VỤ", "BNV"),
    Body("BỘ TƯ PHÁP", "BTP"),
    Body("BỘ TÀI CHÍNH", "BTC"),
    Body("BỘ CÔNG THƯƠNG", "BCT"),
    Body("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BNNMT"),
    Body("BỘ XÂY DỰNG", "BXD"),
    Body("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BVHTTDL"),
    Body("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BKHCN"),
    Body("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDĐT"),
    Body("BỘ Y TẾ", "BYT"),
    Body("BỘ DÂN TỘC VÀ TÔN GIÁO", "BDTTG"),
    Body("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "NHNN"),
    Body("THANH TRA CHÍNH PHỦ", "TTCP"),
    Body("VĂN PHÒNG CHÍNH PHỦ", "VPCP"),
)

# Ministries and ministerial-level agencies merged or renamed: those of 2016–2025 (the
# 14th and 15th legislatures' structure until Nghị quyết 176/2025/QH15), and the older ones
# of 2002–2007 still cited in documents (Nghị quyết 02/2002/QH11, 01/2007/QH12).
MINISTRIES_BEFORE_2025 = (
    Body("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "BKHĐT"),
    Body("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BLĐTBXH", also="LĐTBXH"),
    Body("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "BNNPTNT", also="BNN"),
    Body("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "BTNMT"),
    Body("BỘ GIAO THÔNG VẬN TẢI", "BGTVT"),
    Body("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "BTTTT"),
    Body("ỦY BAN DÂN TỘC", "UBDT"),
    Body("BỘ VĂN HÓA - THÔNG TIN", "BVHTT"),
    Body("BỘ THỦY SẢN", "BTS"),
    Body("BỘ BƯU CHÍNH, VIỄN THÔNG", "BBCVT"),
    Body("ỦY BAN THỂ DỤC THỂ THAO", "UBTDTT"),
)

# The State's other central bodies that issue documents (Hiến pháp 2013; Luật Tổ chức
# Chính phủ; Luật Thi đua, khen thưởng 2022 for the central emulation council and board).
CENTRAL_BODIES = (
    Body("CHÍNH PHỦ", "CP"),
    Body("THỦ TƯỚNG CHÍNH PHỦ", "TTg"),
    Body("QUỐC HỘI", "QH"),
    Body("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "UBTVQH"),
    Body("VĂN PHÒNG QUỐC HỘI", "VPQH"),
    Body("CHỦ TỊCH NƯỚC", "CTN"),
    Body("VĂN PHÒNG CHỦ TỊCH NƯỚC", "VPCTN"),
    Body("TÒA ÁN NHÂN DÂN TỐI CAO", "TANDTC"),
    Body("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO", "VKSNDTC"),
    Body("KIỂM TOÁN NHÀ NƯỚC", "KTNN"),
    Body("ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", "MTTW"),
    Body("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "TLĐ"),
    Body("BẢO HIỂM XÃ HỘI VIỆT NAM", "BHXH"),
    Body("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG", "HĐTĐKT"),
    Body("BAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG", "BTĐKT", "BỘ NỘI VỤ"),
    Body("BAN TÔN GIÁO CHÍNH PHỦ", "TGCP", "BỘ NỘI VỤ"),
)

# General departments (tổng cục) and like bodies under one ministry, with that ministry,
# as the ministries' organisation decrees of 2017–2022 set them (before the 2025
# reorganisation turned most of them into cục): the parent is the line above the body in
# a Decree 30 header.
GENERAL_DEPARTMENTS = (
    Body("TỔNG CỤC THUẾ", "TCT", "BỘ TÀI CHÍNH"),
    Body("TỔNG CỤC HẢI QUAN", "TCHQ", "BỘ TÀI CHÍNH"),
    Body("TỔNG CỤC DỰ TRỮ NHÀ NƯỚC", "TCDT", "BỘ TÀI CHÍNH"),
    Body("KHO BẠC NHÀ NƯỚC", "KBNN", "BỘ TÀI CHÍNH"),
    Body("ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC", "UBCK", "BỘ TÀI CHÍNH"),
    Body("TỔNG CỤC THỐNG KÊ", "TCTK", "BỘ KẾ HOẠCH VÀ ĐẦU TƯ"),
    Body("TỔNG CỤC DU LỊCH", "TCDL", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    Body("TỔNG CỤC THỂ DỤC THỂ THAO", "TCTDTT", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    Body("TỔNG CỤC ĐƯỜNG BỘ VIỆT NAM", "TCĐBVN", "BỘ GIAO THÔNG VẬN TẢI"),
    Body("TỔNG CỤC QUẢN LÝ ĐẤT ĐAI", "TCQLĐĐ", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
    Body("TỔNG CỤC MÔI TRƯỜNG", "TCMT", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
    Body("TỔNG CỤC KHÍ TƯỢNG THỦY VĂN", "TCKTTV", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
    Body("TỔNG CỤC GIÁO DỤC NGHỀ NGHIỆP", "TCGDNN", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    Body("TỔNG CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", "TĐC", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
    Body("TỔNG CỤC LÂM NGHIỆP", "TCLN", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    Body("TỔNG CỤC THỦY LỢI", "TCTL", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    Body("TỔNG CỤC THỦY SẢN", "TCTS", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    Body("TỔNG CỤC PHÒNG, CHỐNG THIÊN TAI", "TCPCTT", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    Body("TỔNG CỤC QUẢN LÝ THỊ TRƯỜNG", "TCQLTT", "BỘ CÔNG THƯƠNG"),
    Body("TỔNG CỤC DÂN SỐ - KẾ HOẠCH HÓA GIA ĐÌNH", "TCDS", "BỘ Y TẾ"),
    Body("TỔNG CỤC THI HÀNH ÁN DÂN SỰ", "TCTHADS", "BỘ TƯ PHÁP"),
    Body("TỔNG CỤC CHÍNH TRỊ", "TCCT", "BỘ QUỐC PHÒNG"),
    Body("TỔNG CỤC HẬU CẦN", "TCHC", "BỘ QUỐC PHÒNG"),
    Body("TỔNG CỤC KỸ THUẬT", "TCKT", "BỘ QUỐC PHÒNG"),
    Body("TỔNG CỤC CÔNG NGHIỆP QUỐC PHÒNG", "TCCNQP", "BỘ QUỐC PHÒNG"),
    Body("CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "VTLTNN", "BỘ NỘI VỤ"),
)

# A province's specialised departments (sở) and like bodies: Nghị định 24/2014/NĐ-CP as
# amended by 107/2020/NĐ-CP, and Nghị định 45/2025/NĐ-CP after the 2025 mergers; the
# departments some provinces have besides (Sở Ngoại vụ, Sở Du lịch, Sở Văn hóa và Thể
# thao, Sở Quy hoạch - Kiến trúc), and the older Sở Văn hóa - Thông tin. Their place
# (TỈNH X, THÀNH PHỐ X) may follow the name.
PROVINCE_DEPARTMENTS = tuple(
    Body(name, code, local=True)
    for name, code in (
        ("SỞ NỘI VỤ", "SNV"),
        ("SỞ TƯ PHÁP", "STP"),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "SKHĐT"),
        ("SỞ TÀI CHÍNH", "STC"),
        ("SỞ CÔNG THƯƠNG", "SCT"),
        ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SNNPTNT"),
        ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SNNMT"),
        ("SỞ GIAO THÔNG VẬN TẢI", "SGTVT"),
        ("SỞ XÂY DỰNG", "SXD"),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "STNMT"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SLĐTBXH"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL"),
        ("SỞ VĂN HÓA VÀ THỂ THAO", "SVHTT"),
        ("SỞ VĂN HÓA - THÔNG TIN", "SVHTT"),
        ("SỞ DU LỊCH", "SDL"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"),
        ("SỞ Y TẾ", "SYT"),
        ("SỞ NGOẠI VỤ", "SNgV"),
        ("SỞ DÂN TỘC VÀ TÔN GIÁO", "SDTTG"),
        ("SỞ QUY HOẠCH - KIẾN TRÚC", "SQHKT"),
        ("BAN DÂN TỘC", "BDT"),
        ("VĂN PHÒNG ỦY BAN NHÂN DÂN", "VPUBND"),
        ("VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN", "VPĐĐBQHHĐND"),
        ("CỤC THUẾ", "CT"),
        ("KHO BẠC NHÀ NƯỚC", "KBNN"),
        ("BẢO HIỂM XÃ HỘI", "BHXH"),
    )
)

# A district's specialised offices (phòng): Nghị định 37/2014/NĐ-CP as amended by
# 108/2020/NĐ-CP; and a commune's after 1 July 2025 (Nghị định 150/2025/NĐ-CP).
DISTRICT_OFFICES = tuple(
    Body(name, code, local=True)
    for name, code in (
        ("PHÒNG NỘI VỤ", "PNV"),
        ("PHÒNG TƯ PHÁP", "PTP"),
        ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "PTCKH"),
        ("PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "PTNMT"),
        ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "PLĐTBXH"),
        ("PHÒNG VĂN HÓA VÀ THÔNG TIN", "PVHTT"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "PGDĐT"),
        ("PHÒNG Y TẾ", "PYT"),
        ("PHÒNG KINH TẾ", "PKT"),
        ("PHÒNG KINH TẾ VÀ HẠ TẦNG", "PKTHT"),
        ("PHÒNG QUẢN LÝ ĐÔ THỊ", "PQLĐT"),
        ("PHÒNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "PNNPTNT"),
        ("PHÒNG DÂN TỘC", "PDT"),
        ("PHÒNG VĂN HÓA - XÃ HỘI", "PVHXH"),
        ("PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "PKTHTĐT"),
        ("VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN", "VP"),
        ("THANH TRA", "TTr"),
    )
)

# The bodies every level has (Luật Tổ chức chính quyền địa phương 2015 and 2025; Luật Thi
# đua, khen thưởng 2022; Luật Mặt trận Tổ quốc Việt Nam), followed by their level and place
# ("ỦY BAN NHÂN DÂN TỈNH X", "UBND HUYỆN Y"); and the head of a steering committee's name.
LOCAL_BODIES = (
    Body("ỦY BAN NHÂN DÂN", "UBND", local=True),
    Body("UBND", "UBND", local=True),
    Body("CHỦ TỊCH ỦY BAN NHÂN DÂN", "CTUBND", local=True),
    Body("HỘI ĐỒNG NHÂN DÂN", "HĐND", local=True),
    Body("HĐND", "HĐND", local=True),
    Body("THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "TTHĐND", local=True),
    Body("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "MTTQ", local=True),
    Body("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "HĐTĐKT", local=True),
    Body("BAN THI ĐUA - KHEN THƯỞNG", "BTĐKT", local=True),
    Body("BAN CHỈ ĐẠO", "BCĐ", open=True),
)

# The ministries and central bodies, known by their whole name: a text layer that lost its
# marked letters gets them back (campaigns/importer.py, restore_marks, decision 0050).
CENTRAL_NAMED = (*MINISTRIES_2025, *MINISTRIES_BEFORE_2025, *CENTRAL_BODIES)

BODIES = (
    *MINISTRIES_2025,
    *MINISTRIES_BEFORE_2025,
    *CENTRAL_BODIES,
    *GENERAL_DEPARTMENTS,
    *PROVINCE_DEPARTMENTS,
    *DISTRICT_OFFICES,
    *LOCAL_BODIES,
)

_LEVEL_WORDS = {"tinh": "TỈNH", "thanh pho": "THÀNH PHỐ"}

# Letters tesseract takes for one another in a header's capitals (folded: B/H, L/T, R/B,
# I/L/1, O/Q/0, 8/B …); a swap among them costs half a letter.
_CONFUSED = {
    frozenset(pair)
    for pair in (
        "bh", "br", "b8", "lt", "li", "l1", "i1", "it", "t7", "t1", "o0", "oq", "q0", "oc",
        "hn", "hk", "ce", "eo", "cg", "g6", "s5", "uv", "nm", "ij", "fl", "ft", "dq",
    )
}  # fmt: skip


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\w+", text))


def _key(text: str) -> str:
    return " ".join(fold(m.group()) for m in _words(text))


def _cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return 0.5 if frozenset((a, b)) in _CONFUSED else 1.0


def _gap_cost(text: str, i: int, gap: float = 1.0) -> float:
    """Adding or dropping text[i]: a space or a doubled letter costs half, another
    letter `gap`."""
    ch = text[i]
    if ch == " " or (i and text[i - 1] == ch) or (i + 1 < len(text) and text[i + 1] == ch):
        return 0.5
    return gap


def distance(read: str, known: str, limit: float, gap: float = 1.0) -> float:
    """OCR-aware edit distance between two folded names: a confused letter, a space or
    a doubled letter cost half, another letter added or dropped `gap`; stops past
    `limit`."""
    if abs(len(read) - len(known)) * 0.5 > limit:
        return limit + 1
    previous = [0.0]
    for j in range(len(known)):
        previous.append(previous[-1] + _gap_cost(known, j, gap))
    for i, x in enumerate(read):
        current = [previous[0] + _gap_cost(read, i, gap)]
        for j, y in enumerate(known, 1):
            current.append(
                min(
                    previous[j] + _gap_cost(read, i, gap),
                    current[j - 1] + _gap_cost(known, j - 1, gap),
                    previous[j - 1] + _cost(x, y),
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _limit(known: str) -> float:
    """How far a reading may be from a name: one confused letter in a short name, about
    one letter in twelve in a long one."""
    return max(0.5, 0.08 * len(known))


@dataclass(frozen=True)
class Near:
    body: Body
    words: int  # how many of the reading's words the name covers (its place follows)
    distance: float


@functools.lru_cache(maxsize=1)
def _keyed() -> list[tuple[Body, str, int, float]]:
    return [(b, _key(b.name), len(_key(b.name).split()), _limit(_key(b.name))) for b in BODIES]


@functools.lru_cache(maxsize=1)
def _exact() -> dict[str, Body]:
    found: dict[str, Body] = {}
    for body in BODIES:
        key = _key(body.name)
        if key not in found or body.local:  # "KHO BẠC NHÀ NƯỚC": the province's too
            found[key] = body
    return found


def _place(words: list[str]) -> bool:
    """The folded words after a local body's name are its place: its level, then the
    place's name (units/symbols.place_begins; on a scan the first word of "THÀNH PHỐ",
    "THỊ XÃ", "ĐẶC KHU" is enough, the second may be misread)."""
    after = words[1] if len(words) > 1 else ""
    return place_begins(words[0], after) or any(words[0] == head for head, _ in PLACE_PAIRS)


@functools.lru_cache(maxsize=1024)
def nearest_body(read: str) -> Near | None:
    """The one known body the reading names, its place aside ("ỦY BAN NHÂN DÂN TỈNH X"),
    within a small OCR distance; None when none is, or when two are equally near."""
    words = [fold(m.group()) for m in _words(read)]
    if not words:
        return None
    exact = _exact()
    for count in range(len(words), 0, -1):  # a name read right: no distance to measure
        body = exact.get(" ".join(words[:count]))
        rest = words[count:]
        if body and (not rest or body.open or (body.local and _place(rest))):
            return Near(body, count, 0.0)
    best: dict[str, Near] = {}
    for body, key, size, limit in _keyed():
        for count in range(max(1, size - 2), min(len(words), size + 2) + 1):
            rest = words[count:]
            if rest and not (body.open or (body.local and _place(rest))):
                continue
            found = distance(" ".join(words[:count]), key, limit)
            if found <= limit and (key not in best or found < best[key].distance):
                best[key] = Near(body, count, found)
    ranked = sorted(best.values(), key=lambda near: near.distance)
    if not ranked:
        return None
    if ranked[0].distance == 0:
        return ranked[0]
    if len(ranked) > 1 and ranked[1].distance == ranked[0].distance:
        return None
    return ranked[0]


def _base(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _marks(word: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c))


def _spelled(read: str, known: str) -> str:
    """The known word, or the read one where it is the same word with its tone put on
    the other vowel ("HOÁ" for "HÓA": both spellings are in use)."""
    if _base(read).upper() == _base(known).upper() and _marks(read) == _marks(known):
        return read
    return known


def _in_case(name: str, read: str) -> str:
    return name.upper() if read == read.upper() else name


def _place_spelled(rest: str) -> str:
    """A place after a body, its level and province with their marks put right where its
    letters are right ("THANH PHÓ ĐÀ NẴNG" → "THÀNH PHỐ ĐÀ NẴNG"); else as read."""
    matches = _words(rest)
    folded = [fold(m.group()) for m in matches]
    for level_key, level_word in _LEVEL_WORDS.items():
        size = len(level_key.split())
        if " ".join(folded[:size]) != level_key:
            continue
        known = province(" ".join(m.group() for m in matches[size:]))
        if known and _key(known) == " ".join(folded[size:]):
            return f"{_in_case(level_word, rest)} {_in_case(known, rest)}"
    return rest


def snap_name(read: str) -> tuple[str, bool, Near] | None:
    """The reading spelled as the one known body it names: (the name, whether letters
    changed, the match), or None. The document's commas are kept; a dash goes where
    the name has one or the reading has one."""
    near = nearest_body(read)
    if near is None:
        return None
    matches = _words(read)
    known = _in_case(near.body.name, read)
    known_words = _words(known)
    covered = matches[: near.words]
    if len(covered) == len(known_words):
        pieces = []
        for index, (mine, theirs) in enumerate(zip(covered, known_words, strict=True)):
            pieces.append(_spelled(mine.group(), theirs.group()))
            if index + 1 < len(covered):
                read_gap = read[mine.end() : covered[index + 1].start()]
                known_gap = known[theirs.end() : known_words[index + 1].start()]
                if re.search(r"[-–—]", read_gap + known_gap):
                    pieces.append(" - ")
                elif "," in read_gap:
                    pieces.append(", ")
                else:
                    pieces.append(" ")
        name = "".join(pieces)
    else:
        name = known
    rest = read[matches[near.words].start() :] if near.words < len(matches) else ""
    if rest:
        name = f"{name} {_place_spelled(rest.strip())}"
    changed = _key(" ".join(m.group() for m in covered)) != _key(near.body.name)
    return name, changed, near


def snap_issuer(read: str) -> tuple[str, bool, list[Body]] | None:
    """A scan's issuer or parent line as the known body (or bodies, for a joint one: "BỘ
    TÀI CHÍNH - BỘ LAO ĐỘNG …", each side checked) it names: (the name, whether letters
    changed, the bodies); None when it names none, or not surely."""
    whole = snap_name(read)
    if whole:
        return whole[0], whole[1], [whole[2].body]
    found = []
    for gap in re.finditer(r"\s*[-–—]+[^\w]*", read):
        left, right = read[: gap.start()], read[gap.end() :]
        sides = [snap_name(left), snap_name(right)]
        if all(sides) and not sides[0][2].words < len(_words(left)):
            found.append(sides)
    if len(found) != 1:
        return None
    (left_name, left_changed, left), (right_name, right_changed, right) = found[0]
    return f"{left_name} - {right_name}", left_changed or right_changed, [left.body, right.body]


def parent_of(name: str) -> str | None:
    """The body above this one in a header, where the lexicon knows one."""
    near = nearest_body(name)
    if near is None or near.distance or near.words != len(_words(name)):
        return None
    return near.body.parent or None


def code_of(body: Body) -> str:
    """The body's code in a symbol: its own, or the initials of its words (Đ kept)."""
    if body.code:
        return body.code
    return "".join(letter(w) for w in body.name.split() if fold(w) != "va" and w[0].isalpha())


@functools.lru_cache(maxsize=1)
def symbol_codes() -> frozenset[str]:
    """Every body code the reader knows, spelled as symbols write them."""
    spelled = {code_of(body) for body in BODIES} | {body.also for body in BODIES if body.also}
    folded = {fold(code) for code in spelled}
    return frozenset(spelled | {code.upper() for code in BODY_ACRONYMS if code not in folded})


def _code_distance(read: str, code: str) -> float:
    """How far a symbol's part is from a code: confused letters, a doubled letter lost
    or added cost half, any other letter added or dropped is too far; a short code
    (three letters) takes one confused letter only."""
    a, b = fold(read), fold(code)
    limit = 1.0 if len(b) >= 4 else 0.5
    return distance(a, b, limit, gap=limit + 1) if len(a) >= 3 else limit + 1


def _nearest_code(part: str, pool: set[str]) -> str | None:
    """The one code of `pool` nearest the part, within its limit; None if none, or two
    equally near."""
    found: dict[str, tuple[float, str]] = {}
    for code in sorted(pool):  # two spellings of one code: the same in every process
        d = _code_distance(part, code)
        if d <= (1.0 if len(code) >= 4 else 0.5):
            key = fold(code)
            if key not in found or "Đ" in code:
                found[key] = (d, code)
    ranked = sorted(found.values())
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def snap_symbol(symbol: str, names: list[str], types: set[str]) -> tuple[str, bool]:
    """A scan's symbol with its body codes checked against the issuer's and parent's
    codes (`names`), then every known code: a code a confused letter or two off, the
    one nearest, is put right ("RTC" → "BTC", "BVHTTDI" → "BVHTTDL"), and a known code
    is spelled with its Đ ("BLDTBXH" → "BLĐTBXH"). The bodies are the parts after the
    type (`types`, folded), or a letter's first part, as many as the issuer has bodies
    (two for a joint one); what follows them is a unit, left as read. Returns (symbol,
    whether letters changed)."""
    head, slash, tail = symbol.rpartition("/")
    parts = tail.split("-")
    if len(parts) < 2:
        return symbol, False
    own = set()
    for name in names:
        near = nearest_body(name) if name else None
        if near is not None and near.distance == 0 and near.words == len(_words(name)):
            own.update(c for c in (code_of(near.body), near.body.also) if c)
        elif name:
            own.update(code_of(side) for side in _joint_bodies(name))
            own.add(body_letters(name, keep_abbreviations=False))
    own.discard("")
    codes = symbol_codes()
    joint = names and names[0] and len(_joint_bodies(names[0])) > 1
    wanted = 2 if joint else 1  # bodies in the symbol: the rest are a letter's units
    first_is_type = fold(parts[0]) in types
    changed, found = False, 0
    for index in range(1 if first_is_type else 0, len(parts)):
        part = parts[index]
        if found >= wanted:
            break
        if not re.fullmatch(r"[^\W\d_]+", part):
            if index == 0 and len(part) <= 2:
                continue  # a type read as digits ("20-UUHDT" for QĐ-UBDT)
            break
        same = [c for c in own | codes if fold(c) == fold(part)]
        near = None
        if same:
            spelled = {c for c in same if "Đ" in c} or {part}
            if len(spelled) == 1:
                parts[index] = spelled.pop()
        else:
            near = _nearest_code(part, own) or _nearest_code(part, codes)
            if near:
                parts[index], changed = near, True
        if same or near:
            found += 1
        elif first_is_type or index or len(part) > 2:
            break  # no body where one stands; what follows is no body either
        # else a letter's two letters before its body ("PB-RGDDI"): a type, read wrong
    fixed = "-".join(parts)
    return (f"{head}{slash}{fixed}", changed)


def _joint_bodies(name: str) -> list[Body]:
    found = snap_issuer(name)
    return found[2] if found else []


def check_scan_header(doc: ParsedDocument, how: dict[str, float], types: set[str]) -> None:
    """A scan's issuer, parent and symbol checked against the known bodies (decision
    0037): a name or code put right is marked for checking (0.6, "Cần kiểm tra"); marks
    alone put right on letters read right are not. A general department's ministry is
    put back where its line was lost ("TỔNG CỤC THUẾ" under "BỘ TÀI CHÍNH")."""
    bodies: list[Body] = []
    if doc.issuer:
        found = snap_issuer(doc.issuer)
        # a ministry has no line above it: under a parent ("UBND TỈNH X") a name read
        # near a ministry's is not taken for it (HỞ NỘI VỤ may be the Sở)
        central = found and any(not body.local for body in found[2])
        if found and not (found[1] and central and doc.issuer_parent):
            name, changed, bodies = found
            doc.issuer = name
            if changed:
                how["issuer"] = min(how.get("issuer", 0.9), 0.6)
    if doc.issuer_parent:
        found = snap_issuer(doc.issuer_parent)
        if found:
            doc.issuer_parent = found[0]
    elif len(bodies) == 1 and bodies[0].parent:
        doc.issuer_parent = _in_case(bodies[0].parent, doc.issuer)
    if doc.symbol:
        symbol, changed = snap_symbol(doc.symbol, [doc.issuer, doc.issuer_parent], types)
        doc.symbol = symbol
        if changed:
            how["symbol"] = min(how.get("symbol", 0.95), 0.6)
