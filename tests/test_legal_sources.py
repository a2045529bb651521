"""Rules whose legal text was found later (docs/decisions/0019-legal-sources.md): the
multiples of Decree 98/2023, Art. 54, and of Decree 152/2025 for the titles that had no
amount (Cờ thi đua tỉnh, xã/phường tiêu biểu, thôn/tổ dân phố văn hóa), each row's
basis naming its article, and Decree 152/2025 cited with its signing day."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from awards import money, pdf
from awards.demo import load_demo_cycle
from awards.models import AwardType, RewardDecree, RewardMultiple
from awards.money_reference import UNCHECKED, refresh_money_sources
from units.demo import load_demo_users

pytestmark = pytest.mark.django_db

D = datetime.date
AFTER_152 = D(2025, 12, 26)  # Nghị định 152/2025, base salary 2,340,000
UNDER_98 = D(2024, 3, 1)  # Nghị định 98/2023, base salary 1,800,000

# hand-computed: multiple × base salary (each already a multiple of 10,000 đồng)
NEW_AMOUNTS = {
    # code: (multiple, amount under 98/2023 at 1,800,000, amount under 152/2025 at 2,340,000)
    "co-thi-dua-tinh": ("8.0", 14_400_000, 18_720_000),  # 8 × 1,800,000; 8 × 2,340,000
    "xa-phuong-tieu-bieu": ("2.0", 3_600_000, 4_680_000),
    "thon-to-dan-pho-van-hoa": ("1.5", 2_700_000, 3_510_000),
}


@pytest.mark.parametrize("code", sorted(NEW_AMOUNTS))
def test_titles_the_decrees_give_a_multiple_now_have_an_amount(code):
    multiple, under_98, after_152 = NEW_AMOUNTS[code]
    award = AwardType.objects.get(code=code)
    q98, q152 = money.quote(award, UNDER_98), money.quote(award, AFTER_152)
    assert (q98.multiple, q98.amount, q98.decree.code) == (
        Decimal(multiple),
        under_98,
        "nd-98-2023",
    )
    assert (q152.multiple, q152.amount, q152.decree.code) == (
        Decimal(multiple),
        after_152,
        "nd-152-2025",
    )


def test_forms_the_texts_gave_no_multiple_for_still_have_none():
    # Bằng khen and Giấy khen of individuals have theirs since decision 0026
    for code in ("bang-khen-tinh-tap-the", "giay-khen-xa-tap-the", "gia-dinh-van-hoa"):
        assert money.quote(AwardType.objects.get(code=code), AFTER_152).amount is None


def test_each_multiple_names_its_article_and_the_rounding_its_decree():
    titles = list(NEW_AMOUNTS) + ["cstd-toan-quoc", "cstd-tinh", "cstd-co-so", "tap-the-ldtt"]
    under_98 = RewardMultiple.objects.filter(decree__code="nd-98-2023", award_type__kind="title")
    assert under_98.filter(award_type__code__in=titles).count() == len(titles)
    assert all(m.basis.startswith("Điều 54 Nghị định 98/2023/NĐ-CP") for m in under_98)
    under_152 = RewardMultiple.objects.filter(
        decree__code="nd-152-2025", award_type__in=under_98.values("award_type")
    )
    assert all("dantri.com.vn 03/12/2025" in m.basis for m in under_152)
    d98 = RewardDecree.objects.get(code="nd-98-2023")
    assert "Nghị định 98/2023/NĐ-CP" in d98.rounding_basis
    assert "91/2017" not in d98.rounding_basis
    assert "Điều 59" in RewardDecree.objects.get(code="nd-152-2025").note


def test_the_refresh_replaces_only_the_old_defaults_and_adds_missing_multiples():
    d98 = RewardDecree.objects.get(code="nd-98-2023")
    cstd = RewardMultiple.objects.get(decree=d98, award_type__code="cstd-tinh")
    cstd.basis = f"Nghị định 98/2023/NĐ-CP. {UNCHECKED}"  # as loaded before the search
    cstd.save()
    edited = RewardMultiple.objects.get(decree=d98, award_type__code="cstd-co-so")
    edited.basis = "Quy chế tỉnh Lai Châu"  # an admin's own basis
    edited.save()
    RewardMultiple.objects.filter(award_type__code="co-thi-dua-tinh").delete()
    refresh_money_sources(RewardDecree, RewardMultiple, AwardType)
    cstd.refresh_from_db()
    edited.refresh_from_db()
    assert cstd.basis.startswith("Điều 54 Nghị định 98/2023/NĐ-CP")
    assert edited.basis == "Quy chế tỉnh Lai Châu"
    flag = AwardType.objects.get(code="co-thi-dua-tinh")
    assert money.quote(flag, AFTER_152).amount == 18_720_000


def test_a_decision_after_1_7_2025_cites_decree_152_with_its_day_and_title(demo, demo_units):
    from awards.models import Decision

    load_demo_users(demo_units)
    decision = load_demo_cycle()  # signed 26/12/2024, by the city, which ended on 30/06/2025
    Decision.objects.filter(pk=decision.pk).update(issued_on=AFTER_152)
    decision.refresh_from_db()
    reader = PdfReader(io.BytesIO(pdf.decision_pdf(decision)))
    body = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert (
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
        "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng" in body
    )


# The certificate as the model Bằng khen whose text was found (Nghị định 50/2006/NĐ-CP,
# Điều 28: "Bên trái in hai dòng chữ: Số quyết định … ngày … tháng … năm …; số sổ vàng",
# the right: place and date, the head's title and room to sign).


def test_the_certificate_foot_follows_the_model(demo, demo_units):
    load_demo_users(demo_units)
    decision = load_demo_cycle()  # 01/QĐ-UBND, 26/12/2024, signed by the Chủ tịch
    reader = PdfReader(io.BytesIO(pdf.certificates_pdf(decision)))
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    number = decision.grants.order_by("register_number").first().register_text
    assert f"Quyết định số {decision.number_symbol} ngày 26 tháng 12 năm 2024" in lines
    assert f"Số vào sổ: {number}" in lines
    # given in the name of the Chủ tịch (the authority line): no "TM. ỦY BAN NHÂN DÂN"
    assert "TM. ỦY BAN NHÂN DÂN" not in lines
    assert "CHỦ TỊCH" in lines
    # a deputy still signs for the head: "KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH"
    decision.signing_authority, decision.signer_title = "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    decision.save(update_fields=["signing_authority", "signer_title"])
    reader = PdfReader(io.BytesIO(pdf.certificates_pdf(decision)))
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    assert lines.index("KT. CHỦ TỊCH") + 1 == lines.index("PHÓ CHỦ TỊCH")


# Law 06/2022/QH15 as amended by Luật số 06/2026/QH16 from 01/10/2026 (the form of the
# citation in Thông tư 18/2026/TT-BNV).

AMENDED = (
    "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022, được sửa đổi, "
    "bổ sung bởi Luật số 06/2026/QH16"
)


@pytest.mark.parametrize(
    "day,amended", [(D(2026, 9, 30), False), (D(2026, 10, 1), True), (D(2026, 12, 4), True)]
)
def test_a_decision_from_1_10_2026_cites_the_law_as_amended(demo, demo_units, day, amended):
    from awards.models import Decision

    load_demo_users(demo_units)
    decision = load_demo_cycle()
    Decision.objects.filter(pk=decision.pk).update(issued_on=day)
    decision.refresh_from_db()
    reader = PdfReader(io.BytesIO(pdf.decision_pdf(decision)))
    body = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert (f"Căn cứ {AMENDED};" in body) is amended
    assert body.count("Luật Thi đua, khen thưởng số 06/2022/QH15") == 1
