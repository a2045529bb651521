"""A body's own abbreviation in the symbols of the documents it writes (Decree 30): the
type's abbreviation, then the body's: a Phòng Nội vụ writes TTr-PNV, a UBND TTr-UBND."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from awards import pdf, services
from awards.dashboard import campaign_dashboard
from units.models import Unit
from units.symbols import body_code

pytestmark = pytest.mark.django_db


def flat(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("UBND thành phố Lai Châu", Unit.Kind.PEOPLES_COMMITTEE, "UBND"),
        ("Ủy ban nhân dân xã Bản Hon", Unit.Kind.PEOPLES_COMMITTEE, "UBND"),
        ("HĐND tỉnh Lai Châu", Unit.Kind.OTHER, "HĐND"),
        ("Hội đồng nhân dân huyện Tam Đường", Unit.Kind.OTHER, "HĐND"),
        ("Phòng Nội vụ thành phố Lai Châu", Unit.Kind.DEPARTMENT, "PNV"),
        ("Sở Nội vụ tỉnh Lai Châu", Unit.Kind.DEPARTMENT, "SNV"),
        ("Sở Giáo dục và Đào tạo tỉnh Lai Châu", Unit.Kind.DEPARTMENT, "SGDĐT"),
        ("Phòng Tài chính - Kế hoạch huyện Tam Đường", Unit.Kind.DEPARTMENT, "PTCKH"),
        ("Hội đồng Thi đua - Khen thưởng tỉnh Lai Châu", Unit.Kind.OTHER, "HĐTĐKT"),
    ],
)
def test_a_body_code_is_derived_from_its_name(name, kind, code):
    assert body_code(name, kind) == code


def test_a_phong_writes_its_own_code_in_its_to_trinh(demo_units):
    phong = demo_units["pnv-tp-lai-chau"]
    assert "Số: /TTr-PNV" in flat(pdf.submission_pdf(phong, []))
    assert "TTr-UBND" not in flat(pdf.submission_pdf(phong, []))


def test_a_committee_still_writes_ubnd(demo_units):
    committee = demo_units["ubnd-tp-lai-chau"]
    assert "Số: /TTr-UBND" in flat(pdf.submission_pdf(committee, []))


def test_the_code_a_clerk_sets_wins_over_the_derived_one(demo_units):
    phong = demo_units["pnv-tp-lai-chau"]
    phong.symbol_code = "NV"
    phong.save()
    assert "Số: /TTr-NV" in flat(pdf.submission_pdf(phong, []))


def test_the_final_review_report_carries_the_issuers_code(demo):
    campaign = demo["000"]
    issuer = campaign.issuer
    issuer.symbol_code = "HĐTĐKT"
    issuer.save()
    text = flat(pdf.final_review_pdf(campaign, campaign_dashboard(campaign), "Tổng kết."))
    assert "Số: /BC-HĐTĐKT" in text and "BC-UBND" not in text


def test_a_new_decision_defaults_to_its_bodys_code(client, demo_units, make_member):
    from django.urls import reverse

    from units.models import Membership

    phong = demo_units["pnv-tp-lai-chau"]
    phong.is_issuing_body = True
    phong.save()
    clerk = make_member("nv.pnv", phong, Membership.Role.OFFICE_STAFF)
    decision = services.decision_draft(actor=clerk, issuer=phong, subject="Về việc khen thưởng")
    assert decision.symbol == "QĐ-PNV"
    client.force_login(clerk)
    page = client.get(reverse("awards:decision_create")).content.decode()
    assert 'value="QĐ-PNV"' in page

    committee = demo_units["ubnd-tam-duong"]
    office = make_member("nv.td", committee, Membership.Role.OFFICE_STAFF)
    other = services.decision_draft(actor=office, issuer=committee, subject="Về việc khen thưởng")
    assert other.symbol == "QĐ-UBND"

    # a draft already made keeps its symbol when the body's code is changed later
    phong.symbol_code = "NV"
    phong.save()
    decision.refresh_from_db()
    assert decision.symbol == "QĐ-PNV"


def test_the_code_is_edited_on_the_units_admin_form(client, admin_user, demo_units):
    from django.urls import reverse

    phong = demo_units["pnv-tp-lai-chau"]
    client.force_login(admin_user)
    url = reverse("admin:units_unit_change", args=[phong.pk])
    page = client.get(url).content.decode()
    assert 'name="symbol_code"' in page and "chữ viết tắt trong ký hiệu văn bản" in page.lower()


def test_the_fund_statement_and_a_statistics_form_carry_the_bodys_code(demo_units):
    """Báo cáo too: "/BC" alone named no body."""
    from awards import money, official_stats
    from awards.models import Fund
    from units.pdf import render_pdf

    committee = demo_units["ubnd-tp-lai-chau"]
    form = official_stats.form_pdf(official_stats.form_data("0601", committee, 2025))
    assert "Số: /BC-UBND" in flat(form)
    fund = Fund.objects.create(issuer=committee, year=2025)
    context = {
        "fund": fund,
        "rows": money.ledger(fund),
        "figures": money.fund_figures(fund),
        "today": datetime.date(2025, 12, 1),
    }
    assert "Số: /BC-UBND" in flat(render_pdf("pdf/fund_statement.html", context))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # "xã hội" is part of a body's name, not the commune ("xã") its place begins with
        ("Phòng Lao động - Thương binh và Xã hội huyện Tam Đường", "PLĐTBXH"),
        ("Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu", "SLĐTBXH"),
        ("Phòng Văn hóa - Xã hội xã Bản Hon", "PVHXH"),
        ("Bảo hiểm xã hội huyện Tam Đường", "BHXH"),
        # a letter of a symbol has no tone mark: U, not Ủ (Đ is a letter of its own)
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Bản Hon", "UBMTTQVN"),
        ("Ủy ban Kiểm tra Đảng ủy xã Bản Hon", "UBKTĐU"),
    ],
)
def test_a_body_code_keeps_xa_hoi_and_drops_tone_marks(name, code):
    assert body_code(name, Unit.Kind.OTHER) == code


def test_the_reader_reads_a_symbol_by_the_same_rule():
    from campaigns.bodies import code_of, nearest_body
    from campaigns.places import initials

    name = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH LAI CHÂU"
    assert initials(name) == "sldtbxh"
    assert code_of(nearest_body(name).body) == body_code(name, Unit.Kind.DEPARTMENT)


def test_a_special_zones_body_leaves_its_place_out():
    # a commune-level special zone since 1 July 2025 (đặc khu): a place, like xã, phường
    assert body_code("Phòng Kinh tế đặc khu Phú Quốc", Unit.Kind.DEPARTMENT) == "PKT"


def test_the_reader_and_the_symbols_part_a_name_from_its_place_by_one_rule():
    from campaigns.bodies import nearest_body

    for name, code in (
        ("PHÒNG KINH TẾ ĐẶC KHU PHÚ QUỐC", "PKT"),
        ("SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI", "SNV"),
        ("ỦY BAN NHÂN DÂN THỊ XÃ SA PA", "UBND"),
    ):
        near = nearest_body(name)
        assert near is not None and near.body.code == code
        assert body_code(name.title(), Unit.Kind.OTHER) == code


@pytest.mark.parametrize("code", ["QĐ-PNV", "TTr-PNV", "/PNV", "P NV", "PNV/"])
def test_a_code_with_a_type_slash_or_space_is_refused_in_the_admin(code, demo_units):
    """The code stands after the type: "QĐ-PNV" set as a body's code printed QĐ-QĐ-PNV
    on its next decision, "/PNV" a symbol with two slashes."""
    from django.core.exceptions import ValidationError

    phong = demo_units["pnv-tp-lai-chau"]
    phong.symbol_code = code
    with pytest.raises(ValidationError) as refused:
        phong.full_clean()
    assert "symbol_code" in refused.value.message_dict


@pytest.mark.parametrize("code", ["PNV", "HĐTĐKT", "VH&TT", "UBND-VX", ""])
def test_a_plain_code_is_accepted(code, demo_units):
    phong = demo_units["pnv-tp-lai-chau"]
    phong.symbol_code = code
    phong.full_clean()
