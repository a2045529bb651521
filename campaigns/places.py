"""What the reader knows of Vietnam's provinces and of the bodies' abbreviations, to tell a
place or a symbol it read from one OCR or a site garbled (issue 12, third round).

Used by campaigns/importer.py: a place that is none of these, and is not named in the
issuer, is marked for the clerk to check; on a scan, a place one letter away from a
province ("Súc Trang") is read as that province, and marked too.
"""

from __future__ import annotations

import functools
import re

from units.symbols import body_letters
from units.text import fold

# The 63 provinces and centrally-run cities before the 2025 reform; the 34 after it are
# among them (names kept), with Huế a centrally-run city since 2025.
PROVINCES = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hồ Chí Minh",
    "Huế",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)
# Cities run by the centre: "THÀNH PHỐ", not "TỈNH", above their bodies.
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")

# What a place line may put before the name ("TP Hồ Chí Minh", "Thành phố Huế").
_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ")


def _key(name: str) -> str:
    key = fold(name).replace(" - ", "-").replace("-", " ").strip()
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :].strip()
            break
    return " ".join(key.split())


_BY_KEY = {_key(name): name for name in PROVINCES}


def province(place: str | None) -> str | None:
    """The province or city a place line names ("TP Hồ Chí Minh" → "Hồ Chí Minh")."""
    if not place:
        return None
    return _BY_KEY.get(_key(place))


def level(name: str) -> str:
    """The level word a body of this province carries: "THÀNH PHỐ" or "TỈNH"."""
    return "THÀNH PHỐ" if name in CITIES else "TỈNH"


@functools.lru_cache(maxsize=512)
def nearest_province(place: str) -> str | None:
    """The province one letter away from `place` (diacritics aside): what OCR made of it
    ("Súc Trang" → "Sóc Trăng"). None when there is none or more than one."""
    key = _key(place)
    if len(key) < 6:
        return None
    found = {name for k, name in _BY_KEY.items() if one_apart(key, k)}
    return found.pop() if len(found) == 1 else None


# Each province's seat where it is not named as the province is (before the 2025 reform):
# the place line of a provincial body's document (decision 0046).
CAPITALS = {
    "An Giang": "Long Xuyên",
    "Bà Rịa - Vũng Tàu": "Bà Rịa",
    "Bình Dương": "Thủ Dầu Một",
    "Bình Định": "Quy Nhơn",
    "Bình Phước": "Đồng Xoài",
    "Bình Thuận": "Phan Thiết",
    "Đắk Lắk": "Buôn Ma Thuột",
    "Đắk Nông": "Gia Nghĩa",
    "Điện Biên": "Điện Biên Phủ",
    "Đồng Nai": "Biên Hòa",
    "Đồng Tháp": "Cao Lãnh",
    "Gia Lai": "Pleiku",
    "Hà Nam": "Phủ Lý",
    "Hậu Giang": "Vị Thanh",
    "Khánh Hòa": "Nha Trang",
    "Kiên Giang": "Rạch Giá",
    "Lâm Đồng": "Đà Lạt",
    "Long An": "Tân An",
    "Nghệ An": "Vinh",
    "Ninh Thuận": "Phan Rang - Tháp Chàm",
    "Phú Thọ": "Việt Trì",
    "Phú Yên": "Tuy Hòa",
    "Quảng Bình": "Đồng Hới",
    "Quảng Nam": "Tam Kỳ",
    "Quảng Ninh": "Hạ Long",
    "Quảng Trị": "Đông Hà",
    "Thừa Thiên Huế": "Huế",
    "Tiền Giang": "Mỹ Tho",
    "Vĩnh Phúc": "Vĩnh Yên",
}


def issuers_capital_near(place: str, named: str) -> str | None:
    """The seat of the province the issuer names (`named`: its name and its parent's),
    when `place` is one letter from it ("V_ Thành" under TỈNH HẬU GIANG: Vị Thanh)."""
    key, named = _key(place), fold(named)
    if len(key) < 6:
        return None
    for name, capital in CAPITALS.items():
        if re.search(rf"\b{re.escape(_key(name))}\b", named) and one_apart(key, _key(capital)):
            return capital
    return None


def one_apart(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added or dropped (the reader's one slip:
    a province here, a word of a trích yếu in campaigns/scan_subject.py)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# The parts of a symbol that name a body ("…/KH-UBND", "…/QĐ-TTg", "…/HD-TĐKT"), besides the
# initials of the issuer's own name, which are always accepted (SGDĐT for Sở Giáo dục và
# Đào tạo). Folded.
BODY_ACRONYMS = frozenset(
    {
        "ubnd",
        "ub",
        "hdnd",
        "ttg",
        "cp",
        "qh",
        "ubtvqh",
        "vpcp",
        "tdkt",
        "btdkt",
        "hdtdkt",
        "bnv",
        "snv",
        "btc",
        "stc",
        "byt",
        "syt",
        "bca",
        "bqp",
        "bgddt",
        "sgddt",
        "bvhttdl",
        "svhttdl",
        "bldtbxh",
        "sldtbxh",
        "bkhdt",
        "skhdt",
        "bnnptnt",
        "snnptnt",
        "btnmt",
        "stnmt",
        "btp",
        "stp",
        "bxd",
        "sxd",
        "bct",
        "sct",
        "bgtvt",
        "sgtvt",
        "btttt",
        "stttt",
        "bkhcn",
        "skhcn",
        "ubmttq",
        "mttq",
    }
)


def initials(name: str | None) -> str:
    """The initials of a body's name, its place left out, folded: "SỞ GIÁO DỤC VÀ ĐÀO
    TẠO" → sgddt, "ỦY BAN NHÂN DÂN TỈNH X" → ubnd. The rule a body's own symbol code is
    derived by (units/symbols.py), read back."""
    return fold(body_letters(name, keep_abbreviations=False))
