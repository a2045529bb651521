"""Reference data for reward money: base salaries, the decrees' multiples and rounding.

Loaded by the migration (which passes its historical models) and by anything that must
restore the defaults. Every value is editable in the admin; where a source could not be
checked the row says so in its note (docs/decisions/0013-money-and-statistics.md).

Exempt from "writes go through awards/services.py": a reference-data loader writes
directly, as the migrations do.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

# amount, effective from, legal basis, note
BASE_SALARIES = [
    (
        1_490_000,
        datetime.date(2019, 7, 1),
        "Nghị định 38/2019/NĐ-CP",
        "",
    ),
    (
        1_800_000,
        datetime.date(2023, 7, 1),
        "Nghị định 24/2023/NĐ-CP",
        "",
    ),
    (
        2_340_000,
        datetime.date(2024, 7, 1),
        "Nghị định 73/2024/NĐ-CP",
        "",
    ),
    (
        2_530_000,
        datetime.date(2026, 7, 1),
        "Khoản 2 Điều 3 Nghị định 161/2026/NĐ-CP ngày 15/5/2026",
        "“Từ ngày 01 tháng 7 năm 2026, mức lương cơ sở là 2.530.000 đồng/tháng.” Điều 6: "
        "hiệu lực từ 01/7/2026, Nghị định 73/2024/NĐ-CP hết hiệu lực. Văn bản đọc tại bản "
        "sao toàn văn (kho dragonboy1206/2A202600746-HoangLongVu-Day7, data/nghidinh161-2026.txt); "
        "vanban.chinhphu.vn docid=218107.",
    ),
]

# The rounding rule. Decree 98/2023: “Tiền thưởng sau khi nhân với hệ số mức lương cơ sở
# được làm tròn số lên hàng chục nghìn đồng tiền Việt Nam”, among its principles for reward
# money (quoted by phunuvietnam.vn, VGP, 07/01/2024; the article number is not in the
# quote). The same words were khoản 2 Điều 68 Nghị định 91/2017/NĐ-CP (Ban Thi đua - Khen
# thưởng Trung ương's answer). Decree 152/2025's own text on rounding was not found.
ROUNDING_BASIS = {
    "nd-98-2023": (
        "Khoản 2 Điều 53 Nghị định 98/2023/NĐ-CP (nguyên tắc tính tiền thưởng): làm tròn "
        "lên hàng chục nghìn đồng; theo laodong.vn (bài 1442348) và phunuvietnam.vn 07/01/2024"
    ),
    "nd-152-2025": (
        "Làm tròn lên hàng chục nghìn đồng như Nghị định 98/2023/NĐ-CP; chưa tìm được "
        "điều, khoản về làm tròn của Nghị định 152/2025/NĐ-CP"
    ),
}
# What the 98/2023 row said before its article was found (decision 0019); replaced by
# `add_commendation_multiples` where an admin has not changed it (decision 0026).
ROUNDING_BASIS_0019 = (
    "Làm tròn lên hàng chục nghìn đồng: nguyên tắc tính tiền thưởng của Nghị định "
    "98/2023/NĐ-CP (phunuvietnam.vn, VGP, 07/01/2024; chưa đọc được số điều)"
)
# What rows loaded before the sources were found say (migration 0017 replaces them only
# where an admin has not changed them).
OLD_ROUNDING_BASIS = (
    "Làm tròn lên hàng chục nghìn đồng: khoản 2 Điều 68 Nghị định 91/2017/NĐ-CP "
    "(giữ nguyên cho nghị định sau đến khi đối chiếu điều khoản tương ứng)"
)
UNCHECKED = (
    "Hệ số lấy theo danh mục danh hiệu của hệ thống; chưa đối chiếu được điều, khoản "
    "của nghị định. Cơ quan thường trực kiểm tra và sửa nếu khác."
)

# code, name, effective from, note
DECREES = [
    (
        "nd-98-2023",
        "Nghị định 98/2023/NĐ-CP",
        datetime.date(2024, 1, 1),
        "Quy định chi tiết Luật Thi đua, khen thưởng 2022; hiệu lực cùng Luật (01/01/2024).",
    ),
    (
        "nd-152-2025",
        "Nghị định 152/2025/NĐ-CP",
        datetime.date(2025, 7, 1),
        "Ban hành 14/6/2025 (vbpl.vn); Điều 59: hiệu lực từ 01/7/2025, Nghị định "
        "98/2023/NĐ-CP và 28/2024/NĐ-CP hết hiệu lực từ ngày đó. vbpl.vn ghi ngày hết "
        "hiệu lực 01/3/2027: khi đó cần thêm nghị định thay thế.",
    ),
]
OLD_DECREE_NOTES = {"nd-152-2025": "Thay thế Nghị định 98/2023/NĐ-CP từ 01/7/2025."}

# award type code → multiple. Decree 98/2023, Điều 54 (mức tiền thưởng danh hiệu thi
# đua), as quoted by lsvn.vn (07/01/2024), phuongduc.thuathienhue.gov.vn (26/01/2024) and
# the thuvienphapluat.vn / vietjack.me summary of the decree; Decree 152/2025 gives the
# same multiples (dantri.com.vn, 03/12/2025, and its vietnam.vn translation, which has
# the Cờ thi đua of a ministry or province at 8 times). Types with no multiple in these
# texts (Bằng khen, Giấy khen, Gia đình văn hóa) are left out and show no amount until an
# admin adds one.
MULTIPLES = {
    "cstd-toan-quoc": "4.5",
    "cstd-tinh": "3.0",
    "cstd-co-so": "1.0",
    "lao-dong-tien-tien": "0.3",
    "chien-si-tien-tien": "0.3",
    "co-thi-dua-chinh-phu": "12.0",
    "co-thi-dua-tinh": "8.0",
    "tap-the-ldxs": "1.5",
    "don-vi-quyet-thang": "1.5",
    "tap-the-ldtt": "0.8",
    "don-vi-tien-tien": "0.8",
    "xa-phuong-tieu-bieu": "2.0",
    "thon-to-dan-pho-van-hoa": "1.5",
}
MULTIPLE_BASIS = {
    "nd-98-2023": (
        "Điều 54 Nghị định 98/2023/NĐ-CP (mức tiền thưởng danh hiệu thi đua); trích theo "
        "lsvn.vn 07/01/2024 và phuongduc.thuathienhue.gov.vn 26/01/2024"
    ),
    "nd-152-2025": (
        "Nghị định 152/2025/NĐ-CP, mức tiền thưởng danh hiệu thi đua (cùng hệ số Điều 54 "
        "Nghị định 98/2023); theo dantri.com.vn 03/12/2025, chưa đọc được số điều"
    ),
}


# Bằng khen and Giấy khen (decision 0026): decree code → (award type code, multiple,
# basis). Only what a text read states: Decree 152/2025, Art. 54 cl. 1 (individuals),
# quoted in Vietnamese by giadinh.suckhoedoisong.vn (11/8/2025), baomoi and ngoisao.vn,
# point e and the 98/2023 point g by laodong.vn; households 1,5 times the individual
# (Ministry of Home Affairs' training text quoted by laodong.vn). The collectives'
# multiples (“gấp hai lần” under 98/2023, Art. 58 cl. 2) were not read for either decree
# with a value, and the Giấy khen of a district is not loaded: no row, no amount.
_GK_152 = (
    "Điểm e khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP (giấy khen tại các điểm a, b, c, d "
    "khoản 1 Điều 75 Luật): 0,3 lần; theo laodong.vn (bài 1536317)"
)
_HOUSEHOLD_152 = (
    "Nghị định 152/2025/NĐ-CP: hộ gia đình được thưởng 1,5 lần mức của cá nhân ({}); theo "
    "tài liệu của Bộ Nội vụ dẫn tại laodong.vn (bài 1562282); chưa đọc được số khoản"
)
COMMENDATION_MULTIPLES = {
    "nd-98-2023": [
        (
            "giay-khen-xa-ca-nhan",
            "0.15",
            "Điểm g khoản 1 Điều 58 Nghị định 98/2023/NĐ-CP (Giấy khen của Chủ tịch UBND cấp "
            "xã, cá nhân): 0,15 lần; theo laodong.vn (bài 1536317, 1393178)",
        ),
    ],
    "nd-152-2025": [
        (
            "bang-khen-ttg-ca-nhan",
            "3.5",
            "Điểm a khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP: 3,5 lần; theo "
            "giadinh.suckhoedoisong.vn 11/8/2025 (cũng baomoi.com, ngoisao.vn)",
        ),
        (
            "bang-khen-tinh-ca-nhan",
            "1.5",
            "Điểm b khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP (bằng khen của bộ, ban, ngành, "
            "tỉnh): 1,5 lần; theo giadinh.suckhoedoisong.vn 11/8/2025",
        ),
        ("giay-khen-xa-ca-nhan", "0.3", _GK_152),
        ("giay-khen-thu-truong-ca-nhan", "0.3", _GK_152),
        ("bang-khen-tinh-ho-gia-dinh", "2.25", _HOUSEHOLD_152.format("1,5 × 1,5")),
        ("giay-khen-xa-ho-gia-dinh", "0.45", _HOUSEHOLD_152.format("1,5 × 0,3")),
    ],
}


def add_commendation_multiples(RewardDecree, RewardMultiple, AwardType) -> None:
    """Add the Bằng khen / Giấy khen multiples the texts gave (decision 0026) and name
    Art. 53 for Decree 98/2023's rounding. A multiple that exists (an admin's) is kept,
    and so is a rounding basis an admin changed."""
    codes = {code for rows in COMMENDATION_MULTIPLES.values() for code, _m, _b in rows}
    types = {t.code: t for t in AwardType.objects.filter(code__in=codes)}
    for decree_code, rows in COMMENDATION_MULTIPLES.items():
        decree = RewardDecree.objects.filter(code=decree_code).first()
        if decree is None:
            continue
        for type_code, multiple, basis in rows:
            if type_code in types:
                RewardMultiple.objects.get_or_create(
                    decree=decree,
                    award_type=types[type_code],
                    defaults={"multiple": Decimal(multiple), "basis": basis},
                )
    RewardDecree.objects.filter(code="nd-98-2023", rounding_basis=ROUNDING_BASIS_0019).update(
        rounding_basis=ROUNDING_BASIS["nd-98-2023"]
    )


def load_money_reference(BaseSalary, RewardDecree, RewardMultiple, AwardType) -> None:
    """Create the rows that are missing; never overwrite what an admin changed."""
    for amount, effective_from, basis, note in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=effective_from,
            defaults={"amount": amount, "legal_basis": basis, "note": note},
        )
    types = {t.code: t for t in AwardType.objects.filter(code__in=MULTIPLES)}
    for code, name, effective_from, note in DECREES:
        decree, _ = RewardDecree.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "effective_from": effective_from,
                "rounding_unit": 10_000,
                "rounding": "up",
                "rounding_basis": ROUNDING_BASIS[code],
                "note": note,
            },
        )
        _add_missing_multiples(RewardMultiple, decree, code, types)
    add_commendation_multiples(RewardDecree, RewardMultiple, AwardType)


def _add_missing_multiples(RewardMultiple, decree, code: str, types: dict) -> None:
    """The decree's multiples from the texts read, for the award types there are; a
    multiple that exists (loaded before, or edited by an admin) is left as it is."""
    for type_code, multiple in MULTIPLES.items():
        if type_code in types:
            RewardMultiple.objects.get_or_create(
                decree=decree,
                award_type=types[type_code],
                defaults={"multiple": Decimal(multiple), "basis": MULTIPLE_BASIS[code]},
            )


def refresh_money_sources(RewardDecree, RewardMultiple, AwardType) -> None:
    """Put the sources found later on the rows loaded before them, and add the multiples
    the texts gave (Cờ thi đua tỉnh, xã/phường tiêu biểu, thôn/tổ dân phố văn hóa).
    A row an admin edited (its basis, rounding basis or note no longer the old default)
    is left as it is; so is a multiple that already exists."""
    types = {t.code: t for t in AwardType.objects.filter(code__in=MULTIPLES)}
    for code, name, _effective_from, note in DECREES:
        decree = RewardDecree.objects.filter(code=code).first()
        if decree is None:
            continue
        if decree.rounding_basis == OLD_ROUNDING_BASIS:
            decree.rounding_basis = ROUNDING_BASIS[code]
        if code in OLD_DECREE_NOTES and decree.note == OLD_DECREE_NOTES[code]:
            decree.note = note
        decree.save(update_fields=["rounding_basis", "note"])
        RewardMultiple.objects.filter(decree=decree, basis=f"{name}. {UNCHECKED}").update(
            basis=MULTIPLE_BASIS[code]
        )
        _add_missing_multiples(RewardMultiple, decree, code, types)
    for type_code, multiple in MULTIPLES.items():
        AwardType.objects.filter(code=type_code, reward_multiple__isnull=True).update(
            reward_multiple=Decimal(multiple)
        )
