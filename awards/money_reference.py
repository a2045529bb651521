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
]

# The rounding rule as found: “Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm
# tròn số lên hàng chục ngàn đồng tiền Việt Nam” (khoản 2 Điều 68 Nghị định 91/2017/NĐ-CP,
# quoted by Ban Thi đua - Khen thưởng Trung ương). The same rule is kept for the later
# decrees until their own article is checked.
ROUNDING_BASIS = (
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
        "Thay thế Nghị định 98/2023/NĐ-CP từ 01/7/2025.",
    ),
]

# award type code → multiple, the same under both decrees as far as the system's data
# go (the domain reference's list); types without a known multiple are left out and
# show no amount until an admin adds one.
MULTIPLES = {
    "cstd-toan-quoc": "4.5",
    "cstd-tinh": "3.0",
    "cstd-co-so": "1.0",
    "lao-dong-tien-tien": "0.3",
    "chien-si-tien-tien": "0.3",
    "co-thi-dua-chinh-phu": "12.0",
    "tap-the-ldxs": "1.5",
    "don-vi-quyet-thang": "1.5",
    "tap-the-ldtt": "0.8",
    "don-vi-tien-tien": "0.8",
}


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
                "rounding_basis": ROUNDING_BASIS,
                "note": note,
            },
        )
        for type_code, multiple in MULTIPLES.items():
            if type_code in types:
                RewardMultiple.objects.get_or_create(
                    decree=decree,
                    award_type=types[type_code],
                    defaults={"multiple": Decimal(multiple), "basis": f"{name}. {UNCHECKED}"},
                )
