"""The official statistical forms (issue 13) against hand-counted fixtures: biểu
0601.N/BNV-TĐKT (số phong trào thi đua), 0602.N/BNV-TĐKT (khen thưởng cấp Nhà nước) and
0603.N/BNV-TĐKT (khen thưởng cấp tỉnh),
each cell counted in one database query; the xlsx and PDF; the office's bodies only."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from awards import official_stats
from awards.models import AwardGrant, AwardType, Decision, GrantRevocation, Nomination
from campaigns.models import Campaign, DocumentType
from units.models import Membership, Person

pytestmark = pytest.mark.django_db
D = datetime.date
JANUARY = D(2025, 1, 10)


def campaign(issuer, kind, *, status="published", on=JANUARY, start=None, end=None):
    return Campaign.objects.create(
        issuer=issuer,
        document_type=DocumentType.objects.get(name="Kế hoạch"),
        number="1",
        symbol="KH-UBND",
        subject=f"Phong trào {issuer.name} {kind} {start}",
        kind=kind,
        status=status,
        issued_on=on,
        start_date=start,
        end_date=end,
    )


@pytest.fixture
def campaigns(demo_units):
    u = demo_units
    province, district = u["ubnd-tinh-lai-chau"], u["ubnd-tam-duong"]
    campaign(province, "regular", start=D(2025, 1, 1), end=D(2025, 12, 31))  # 1 năm
    campaign(district, "thematic", start=D(2025, 3, 1), end=D(2025, 6, 30))  # dưới 1 năm
    campaign(  # a department: “cơ quan, tổ chức, đơn vị”; 1 to 3 years
        u["pnv-tam-duong"], "regular", status="closed", start=D(2025, 1, 1), end=D(2027, 12, 31)
    )
    campaign(u["ubnd-x-binh-lu"], "thematic")  # no dates: not in the durations
    campaign(province, "thematic", start=D(2025, 5, 1), end=D(2030, 5, 1))  # 5 years and more
    campaign(district, "regular", status="draft")  # not counted
    campaign(province, "regular", on=D(2024, 12, 31))  # another year
    campaign(u["ubnd-tan-uyen"], "regular", status="withdrawn")  # withdrawn


def test_form_0601_against_the_hand_count(campaigns, demo_units, django_assert_num_queries):
    with django_assert_num_queries(1):
        data = official_stats.form_data("0601", demo_units["ubnd-tinh-lai-chau"], 2025)
    cells = {line["row"].code: line["cells"] for line in data["lines"] if line["row"].code}
    # columns: total, Trung ương, province level, units below
    assert cells["01"] == [5, 0, 2, 3]
    assert cells["02"] == [0, 0, 0, 0]
    assert cells["03"] == [4, 0, 2, 2]  # People's Committees
    assert cells["04"] == [0, 0, 0, 0]
    assert cells["05"] == [1, 0, 0, 1]  # Phòng Nội vụ
    assert cells["06"] == [1, 0, 0, 1]
    assert cells["07"] == [1, 0, 1, 0]
    assert cells["08"] == [1, 0, 0, 1]
    assert cells["09"] == [0, 0, 0, 0]
    assert cells["10"] == [1, 0, 1, 0]
    assert cells["11"] == [3, 0, 1, 2]
    assert cells["12"] == [2, 0, 1, 1]
    # a district reports its own campaigns only
    district = official_stats.form_data("0601", demo_units["ubnd-tam-duong"], 2025)
    assert district["lines"][0]["cells"] == [3, 0, 0, 3]  # its own, its office's, Bình Lư's


@pytest.fixture
def grants(demo_units, make_member):
    u = demo_units
    province, commune = u["ubnd-tinh-lai-chau"], u["ubnd-x-binh-lu"]
    a = Person.objects.create(full_name="Lò Thị A", unit=commune, is_direct_worker=True)
    b = Person.objects.create(full_name="Lò Văn B", unit=commune)
    c = Person.objects.create(full_name="Lò Văn C", unit=commune)
    types = {t.code: t for t in AwardType.objects.all()}
    d2025 = Decision.objects.create(
        issuer=province, year=2025, number=1, issued_on=D(2025, 12, 1), subject="x", status="issued"
    )
    d2024 = Decision.objects.create(
        issuer=province, year=2024, number=1, issued_on=D(2024, 12, 1), subject="x", status="issued"
    )

    def grant(
        code,
        *,
        person=None,
        unit=None,
        household="",
        awardee=None,
        kind=None,
        decision=d2025,
        **extra,
    ):
        nomination = None
        if kind:
            nomination = Nomination.objects.create(
                award_type=types[code],
                nominee_person=person,
                nominee_unit=unit,
                nominee_household=household,
                nominating_unit=commune,
                year=2025,
                commendation_kind=kind,
                status="decided",
            )
        return AwardGrant.objects.create(
            award_type=types[code],
            person=person,
            unit=unit,
            household=household,
            year=2025,
            decision=decision,
            nomination=nomination,
            awardee_unit=awardee or unit or commune,
            **extra,
        )

    CK = Nomination.CommendationKind
    grant("bang-khen-tinh-ca-nhan", person=a, kind=CK.ANNUAL)
    grant("bang-khen-tinh-tap-the", unit=u["dn-xay-dung-lc"], kind=CK.UNSCHEDULED)
    grant("bang-khen-tinh-ho-gia-dinh", household="Hộ ông Lò Văn D", kind=CK.CAMPAIGN)
    grant("cstd-tinh", person=b, kind=CK.MERIT)
    grant("co-thi-dua-tinh", unit=commune, decision=None, decision_date=D(2025, 5, 5))
    grant("ky-niem-chuong", person=a, kind=CK.LIFELONG)
    grant("lao-dong-tien-tien", person=b)  # not a province-level award: no column
    grant("cstd-tinh", person=c, decision=d2024)  # another year
    revoked = grant("bang-khen-tinh-ca-nhan", person=c)
    GrantRevocation.objects.create(
        grant=revoked, reason="x", on=D(2025, 12, 5), by=make_member("x", province)
    )


def test_form_0603_against_the_hand_count(grants, demo_units, django_assert_num_queries):
    with django_assert_num_queries(1):
        data = official_stats.form_data("0603", demo_units["ubnd-tinh-lai-chau"], 2025)
    cells = {line["row"].code: line["cells"] for line in data["lines"] if line["row"].code}
    # columns: total, Bằng khen, CSTĐ tỉnh, Cờ thi đua tỉnh, Huy hiệu (kỷ niệm chương)
    assert cells["01"] == [6, 3, 1, 1, 1]
    assert cells["02"] == [2, 1, 0, 1, 0]  # the enterprise and the commune
    assert cells["03"] == [1, 1, 0, 0, 0]
    assert cells["04"] == [1, 1, 0, 0, 0]
    assert cells["05"] == [3, 1, 1, 0, 1]
    assert cells["06"] == [None] * 5  # positions are not classified: left empty
    assert cells["10"] == [2, 1, 0, 0, 1]  # Lò Thị A twice
    assert cells["11"] == [2, 1, 1, 0, 0]  # annual and merit
    assert cells["12"] == [1, 1, 0, 0, 0]
    assert cells["13"] == [1, 1, 0, 0, 0]
    assert cells["14"] == [0] * 5
    assert cells["15"] == [1, 0, 0, 0, 1]
    assert cells["16"] == cells["17"] == [0] * 5
    # the district of Tam Đường: everything but the enterprise in Lai Châu city
    district = official_stats.form_data("0603", demo_units["ubnd-tam-duong"], 2025)
    assert district["lines"][0]["cells"] == [5, 2, 1, 1, 1]


def test_the_form_page_xlsx_and_pdf_for_the_office_only(client, grants, demo_units, make_member):
    province = demo_units["ubnd-tinh-lai-chau"]
    office = make_member("nv.tinh", province, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    url = reverse("awards:statistics_forms")
    query = {"bieu": "0603", "issuer": province.pk, "nam": 2025}
    page = client.get(url, query).content.decode()
    assert "0603.N/BNV-TĐKT" in page and "Chiến sĩ thi đua cấp bộ, cấp tỉnh" in page

    book = load_workbook(io.BytesIO(client.get(url, {**query, "xuat": "xlsx"}).content))
    sheet = book.active
    assert sheet["A1"].value == "Biểu số: 0603.N/BNV-TĐKT"
    assert sheet["A4"].value.startswith("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ")
    assert sheet["A5"].value == "Năm 2025"
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1]}
    assert rows["Mã số"][3] == "Tổng số" and rows["B"][3] == "1"
    assert rows["01"][3:8] == (6, 3, 1, 1, 1)
    assert rows["05"][2] == "Người" and rows["05"][3] == 3

    response = client.get(url, {**query, "xuat": "pdf"})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "SỐ LƯỢNG KHEN THƯỞNG" in text and "0603.N/BNV-TĐKT" in text

    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    response = client.get(url, {**query, "xuat": "xlsx"})
    assert response.status_code == 400  # another body's figures are not offered
    assert "Tổng số" not in response.content.decode()
    bad = client.get(url, {"bieu": "0601", "nam": "hai nghìn"})
    assert bad.status_code == 400 and "Ghi năm bằng chữ số" in bad.content.decode()


# The columns of 0602, in order: Tổng số, then Tập thể / Cá nhân of each form.
COLS_0602 = [
    "total",
    "hc_tt",  # Huân chương
    "hc_cn",
    "huyc_tt",  # Huy chương
    "huyc_cn",
    "hcm",  # Giải thưởng Hồ Chí Minh
    "nn",  # Giải thưởng Nhà nước
    "vd_tt",  # Danh hiệu vinh dự Nhà nước
    "vd_cn",
    "co",  # Cờ thi đua của Chính phủ
    "bk_tt",  # Bằng khen của Thủ tướng
    "bk_cn",
    "cstd",  # Chiến sĩ thi đua toàn quốc
    "khac_tt",  # other forms at State level
    "khac_cn",
]


def line(**cells: int) -> list[int]:
    return [cells.get(name, 0) for name in COLS_0602]


@pytest.fixture
def national_grants(demo_units, make_member):
    u = demo_units
    province, commune = u["ubnd-tinh-lai-chau"], u["ubnd-x-binh-lu"]
    a = Person.objects.create(full_name="Lò Thị A", unit=commune, is_direct_worker=True)
    b = Person.objects.create(full_name="Lò Văn B", unit=commune)
    c = Person.objects.create(full_name="Lò Văn C", unit=commune)
    other = AwardType.objects.create(
        code="giai-thuong-khac",
        name="Một hình thức khen thưởng cấp Nhà nước khác",
        kind="commendation",
        recipient_kind="collective",
        level="national",
    )
    types = {t.code: t for t in AwardType.objects.all()}
    d2025 = Decision.objects.create(
        issuer=province, year=2025, number=1, issued_on=D(2025, 12, 1), subject="x", status="issued"
    )
    d2024 = Decision.objects.create(
        issuer=province, year=2024, number=1, issued_on=D(2024, 12, 1), subject="x", status="issued"
    )
    CK = Nomination.CommendationKind

    def grant(code, *, person=None, unit=None, household="", kind=None, decision=None, on=None):
        nomination = None
        if kind:
            nomination = Nomination.objects.create(
                award_type=types[code],
                nominee_person=person,
                nominee_unit=unit,
                nominee_household=household,
                nominating_unit=commune,
                year=2025,
                commendation_kind=kind,
                status="decided",
            )
        return AwardGrant.objects.create(
            award_type=types[code],
            person=person,
            unit=unit,
            household=household,
            year=2025,
            decision=decision,
            decision_date=on or (None if decision else D(2025, 9, 2)),
            nomination=nomination,
            awardee_unit=unit or commune,
        )

    grant("huan-chuong-ca-nhan", person=a, kind=CK.ANNUAL)
    grant("huan-chuong-tap-the", unit=u["dn-xay-dung-lc"], kind=CK.UNSCHEDULED)
    grant("huy-chuong", person=b, kind=CK.SERVICE_YEARS)
    grant("giai-thuong-hcm", person=c)  # typed in, no nomination: sections 1 and 2 only
    grant("danh-hieu-vinh-du", person=a, kind=CK.LIFELONG)
    grant("co-thi-dua-chinh-phu", unit=commune, kind=CK.CAMPAIGN, decision=d2025)
    grant("bang-khen-ttg-tap-the", household="Hộ ông Lò Văn D", kind=CK.FOREIGN)
    grant("bang-khen-ttg-ca-nhan", person=b, kind=CK.MERIT)
    grant("cstd-toan-quoc", person=c, kind=CK.ANNUAL)
    grant(other.code, unit=u["pnv-tam-duong"])
    grant("bang-khen-tinh-ca-nhan", person=a, kind=CK.ANNUAL)  # province level: not in 0602
    grant("cstd-toan-quoc", person=a, decision=d2024)  # another year
    grant("huy-chuong", person=c, on=D(2026, 1, 5))  # another year
    revoked = grant("huy-chuong", person=c)
    GrantRevocation.objects.create(
        grant=revoked, reason="x", on=D(2025, 12, 5), by=make_member("x", province)
    )


def test_form_0602_against_the_hand_count(national_grants, demo_units, django_assert_num_queries):
    with django_assert_num_queries(1):
        data = official_stats.form_data("0602", demo_units["ubnd-tinh-lai-chau"], 2025)
    assert [c.group or c.header for c in data["form"].columns][:2] == ["Tổng số", "Huân chương"]
    cells = {line["row"].code: line["cells"] for line in data["lines"] if line["row"].code}
    assert list(cells) == ["01", "02", "03"] + [f"{n:02}" for n in range(6, 22)]
    assert cells["01"] == line(
        total=10, hc_tt=1, hc_cn=1, huyc_cn=1, hcm=1, vd_cn=1, co=1, bk_tt=1, bk_cn=1,
        cstd=1, khac_tt=1,
    )  # fmt: skip
    # who sent the tờ trình to the Prime Minister is not recorded: left empty
    assert cells["02"] == cells["03"] == [None] * 15
    assert cells["06"] == line(total=3, hc_tt=1, co=1, khac_tt=1)  # units
    assert cells["07"] == line(total=1, hc_tt=1)  # the enterprise
    assert cells["08"] == line(total=1, bk_tt=1)  # a household: column Tập thể
    assert cells["09"] == line(total=6, hc_cn=1, huyc_cn=1, hcm=1, vd_cn=1, bk_cn=1, cstd=1)
    for code in ("10", "11", "12", "13"):  # positions are not classified
        assert cells[code] == [None] * 15
    assert cells["14"] == line(total=2, hc_cn=1, vd_cn=1)  # Lò Thị A, twice
    assert cells["15"] == line(total=3, hc_cn=1, bk_cn=1, cstd=1)  # annual and merit
    assert cells["16"] == line(total=1, co=1)
    assert cells["17"] == line(total=1, hc_tt=1)
    assert cells["18"] == line(total=1, bk_tt=1)
    assert cells["19"] == line(total=1, vd_cn=1)
    assert cells["20"] == line(total=1, huyc_cn=1)
    assert cells["21"] == line()
    # the district of Tam Đường: everything but the enterprise in Lai Châu city
    district = official_stats.form_data("0602", demo_units["ubnd-tam-duong"], 2025)
    assert district["lines"][0]["cells"] == line(
        total=9, hc_cn=1, huyc_cn=1, hcm=1, vd_cn=1, co=1, bk_tt=1, bk_cn=1, cstd=1, khac_tt=1
    )


def test_form_0602_xlsx_and_pdf_are_laid_out_like_the_form(
    client, national_grants, demo_units, make_member
):
    province = demo_units["ubnd-tinh-lai-chau"]
    client.force_login(make_member("nv.tinh", province, Membership.Role.OFFICE_STAFF))
    url = reverse("awards:statistics_forms")
    query = {"bieu": "0602", "issuer": province.pk, "nam": 2025}
    page = client.get(url, query).content.decode()
    assert "0602.N/BNV-TĐKT" in page and 'colspan="2">Bằng khen của Thủ tướng Chính phủ' in page

    sheet = load_workbook(io.BytesIO(client.get(url, {**query, "xuat": "xlsx"}).content)).active
    assert sheet["A1"].value == "Biểu số: 0602.N/BNV-TĐKT"
    assert sheet["A4"].value == "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
    values = list(sheet.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(values) if r[1] == "Mã số")
    header, sub, numbers = values[top], values[top + 1], values[top + 2]
    assert header[2:6] == ("Đơn vị tính", "Tổng số", "Huân chương", None)
    assert sub[4:8] == ("Tập thể", "Cá nhân", "Tập thể", "Cá nhân")
    assert numbers[:6] == ("A", "B", "C", "1", "2", None)
    assert f"D{top + 1}:D{top + 2}" in {str(r) for r in sheet.merged_cells.ranges}
    assert f"E{top + 1}:F{top + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    rows = {r[1]: r for r in values[top + 3 :] if r[1]}
    assert rows["01"][3:] == tuple(
        line(total=10, hc_tt=1, hc_cn=1, huyc_cn=1, hcm=1, vd_cn=1, co=1, bk_tt=1, bk_cn=1,
             cstd=1, khac_tt=1)
    )  # fmt: skip
    assert rows["02"][2] == "Bộ, ngành" and rows["02"][3] is None  # left empty, not 0
    assert rows["09"][2] == "Người" and rows["09"][3] == 6

    response = client.get(url, {**query, "xuat": "pdf"})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC" in text and "0602.N/BNV-TĐKT" in text
    open("/tmp/m2_0602.pdf", "wb").write(response.content)
    assert "Giải\nthưởng\nHồ Chí\nMinh" in text or "Giải thưởng Hồ Chí Minh" in text


def test_every_column_of_the_form_page_is_named_for_a_screen_reader(
    client, grants, demo_units, make_member
):
    """axe-core (issue 14, sixth round) found the form's first column heading empty: a
    screen reader read each row's label with no column name. It is "Chỉ tiêu" for screen
    readers only; on screen the cell stays blank, as on the printed form (its PDF is
    unchanged)."""
    import re

    province = demo_units["ubnd-tinh-lai-chau"]
    client.force_login(make_member("nv.tinh", province, Membership.Role.OFFICE_STAFF))
    url = reverse("awards:statistics_forms")
    for form in ("0601", "0602", "0603"):
        page = client.get(url, {"bieu": form, "issuer": province.pk, "nam": 2025}).content
        headers = re.findall(r"<th[^>]*>(.*?)</th>", page.decode(), flags=re.S)
        assert headers and all(re.sub(r"<[^>]+>", "", h).strip() for h in headers), form
        assert "Chỉ tiêu" in headers[0], form
