"""Bằng khen and Giấy khen carry money once the decree's text gives a multiple
(docs/decisions/0026-commendation-money-and-searches.md): Decree 152/2025, Art. 54 cl. 1
for individuals, its households at 1,5 times the individual, and Decree 98/2023, Art. 58
cl. 1 point g for a commune's Giấy khen. Collectives stay without an amount: no text
read gives their multiple."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from awards import money
from awards.models import AwardType, RewardDecree, RewardMultiple
from awards.money_reference import ROUNDING_BASIS_0019, add_commendation_multiples

pytestmark = pytest.mark.django_db

D = datetime.date
UNDER_98 = D(2025, 3, 1)  # Nghị định 98/2023, base salary 2,340,000
AFTER_152 = D(2025, 12, 26)  # Nghị định 152/2025, base salary 2,340,000
FROM_2026 = D(2026, 7, 1)  # Nghị định 152/2025, base salary 2,530,000

# hand-computed: multiple × base salary, rounded up to 10,000 đồng
AMOUNTS = {
    # code: (day, multiple, amount, decree)
    "bang-khen-ttg-ca-nhan": (AFTER_152, "3.5", 8_190_000, "nd-152-2025"),  # 3,5 × 2.340.000
    "bang-khen-tinh-ca-nhan": (AFTER_152, "1.5", 3_510_000, "nd-152-2025"),  # 1,5 × 2.340.000
    "giay-khen-xa-ca-nhan": (AFTER_152, "0.3", 710_000, "nd-152-2025"),  # 702.000 ↑
    "giay-khen-thu-truong-ca-nhan": (AFTER_152, "0.3", 710_000, "nd-152-2025"),
    # households: 1,5 × the individual's multiple
    "bang-khen-tinh-ho-gia-dinh": (AFTER_152, "2.25", 5_270_000, "nd-152-2025"),  # 5.265.000 ↑
    "giay-khen-xa-ho-gia-dinh": (AFTER_152, "0.45", 1_060_000, "nd-152-2025"),  # 1.053.000 ↑
}


@pytest.mark.parametrize("code", sorted(AMOUNTS))
def test_bang_khen_and_giay_khen_have_the_decree_amount(code):
    day, multiple, amount, decree = AMOUNTS[code]
    quote = money.quote(AwardType.objects.get(code=code), day)
    assert (quote.multiple, quote.amount, quote.decree.code) == (Decimal(multiple), amount, decree)


def test_a_commune_giay_khen_doubled_on_1_7_2025():
    giay_khen = AwardType.objects.get(code="giay-khen-xa-ca-nhan")
    before = money.quote(giay_khen, UNDER_98)
    assert (before.multiple, before.amount) == (Decimal("0.15"), 360_000)  # 351.000 ↑
    assert money.quote(giay_khen, D(2025, 7, 1)).amount == 710_000
    assert money.quote(giay_khen, FROM_2026).amount == 760_000  # 0,3 × 2.530.000 = 759.000 ↑


def test_a_province_bang_khen_from_the_2026_base_salary():
    bang_khen = AwardType.objects.get(code="bang-khen-tinh-ca-nhan")
    assert money.quote(bang_khen, FROM_2026).amount == 3_800_000  # 1,5 × 2.530.000 = 3.795.000 ↑
    # Decree 98/2023's Bằng khen article was not read: no amount before 1/7/2025
    assert money.quote(bang_khen, UNDER_98).amount is None


@pytest.mark.parametrize(
    "code", ["bang-khen-ttg-tap-the", "bang-khen-tinh-tap-the", "giay-khen-xa-tap-the"]
)
def test_collectives_still_have_no_amount(code):
    award = AwardType.objects.get(code=code)
    assert money.quote(award, AFTER_152).amount is None
    assert money.quote(award, UNDER_98).amount is None


def test_each_row_names_its_article_and_source():
    rows = RewardMultiple.objects.filter(award_type__code__in=AMOUNTS, decree__code="nd-152-2025")
    assert rows.count() == len(AMOUNTS)
    for row in rows:
        assert "Nghị định 152/2025/NĐ-CP" in row.basis
        assert "laodong.vn" in row.basis or "suckhoedoisong.vn" in row.basis
    commune = RewardMultiple.objects.get(
        award_type__code="giay-khen-xa-ca-nhan", decree__code="nd-98-2023"
    )
    assert commune.basis.startswith("Điểm g khoản 1 Điều 58 Nghị định 98/2023/NĐ-CP")
    rounding = RewardDecree.objects.get(code="nd-98-2023").rounding_basis
    assert rounding.startswith("Khoản 2 Điều 53 Nghị định 98/2023/NĐ-CP")


def test_the_loader_keeps_what_an_admin_changed():
    d152 = RewardDecree.objects.get(code="nd-152-2025")
    mine = RewardMultiple.objects.get(decree=d152, award_type__code="bang-khen-tinh-ca-nhan")
    mine.multiple, mine.basis = Decimal("2.0"), "Quy chế tỉnh Lai Châu"
    mine.save()
    RewardMultiple.objects.filter(decree=d152, award_type__code="bang-khen-ttg-ca-nhan").delete()
    d98 = RewardDecree.objects.get(code="nd-98-2023")
    d98.rounding_basis = "Quy chế tỉnh"
    d98.save()
    RewardDecree.objects.filter(code="nd-152-2025").update(rounding_basis=ROUNDING_BASIS_0019)

    add_commendation_multiples(RewardDecree, RewardMultiple, AwardType)

    mine.refresh_from_db()
    assert (mine.multiple, mine.basis) == (Decimal("2.0"), "Quy chế tỉnh Lai Châu")
    assert RewardMultiple.objects.get(
        decree=d152, award_type__code="bang-khen-ttg-ca-nhan"
    ).multiple == Decimal("3.5")
    d98.refresh_from_db()
    assert d98.rounding_basis == "Quy chế tỉnh"
