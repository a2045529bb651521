"""“Tải Excel” of the workflow lists: nominations (a unit's list and the office's inbox),
decisions, and a campaign's registrations and reports. Each download has the list's
rows on every page with its filters, the page's access, Vietnamese headers, real dates,
escaped formula-like text, and a fixed number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from awards import services as award_services
from awards.exports import DECISION_COLUMNS, NOMINATION_COLUMNS
from awards.models import AwardType, Nomination
from campaigns.models import ReportPeriod
from campaigns.results import services
from campaigns.results.models import Registration, RegistrationTarget, ReportValue, ResultReport
from tests.factories import (
    attach_files,
    issued_decision,
    nominate,
    passed_nominations,
    still_running,
)
from units.models import Membership, Person, Unit
from units.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1", "-1", "@x"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(client, url: str, params: dict | None = None):
    """The downloaded list: its header, its rows as dicts by header, and the sheet."""
    response = client.get(url, {**(params or {}), "xuat": "xlsx"})
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), [dict(zip(rows[0], row, strict=True)) for row in rows[1:]], sheet


def cell(sheet, row: int, header: str):
    """The cell of `header` in the sheet's row (1 is the header row)."""
    column = [c.value for c in sheet[1]].index(header) + 1
    return sheet.cell(row=row, column=column)


def submit(staff, unit: Unit, name: str, code: str = "lao-dong-tien-tien") -> Nomination:
    person = Person.objects.create(full_name=name, unit=unit, gender="male")
    nomination = award_services.nomination_create(
        actor=staff,
        nomination=Nomination(
            award_type=AwardType.objects.get(code=code),
            nominee_person=person,
            nominating_unit=unit,
            year=2025,
            achievement_summary="Hoàn thành tốt nhiệm vụ.",
        ),
    )
    attach_files(nomination, staff)
    award_services.nomination_submit(actor=staff, nomination=nomination)
    return nomination


@pytest.fixture
def lists(cycle, demo_units, make_member):
    """Bình Lư (cycle) and Sơn Bình nominate to Tam Đường; Mường Khoa to Tân Uyên."""
    son_binh = demo_units["ubnd-x-son-binh"]
    muong_khoa = demo_units["ubnd-x-muong-khoa"]
    staff_sb = make_member("cb.sonbinh", son_binh)
    staff_mk = make_member("cb.muongkhoa", muong_khoa)
    office_tu = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    draft = nominate(cycle, person=cycle["people"][0])
    formulas = [submit(cycle["staff"], cycle["commune"], name) for name in FORMULAS]
    other = submit(staff_sb, son_binh, "Lò Văn Sơn Bình")
    far = submit(staff_mk, muong_khoa, "Vàng Văn Mường Khoa")
    return {
        **cycle,
        "son_binh": son_binh,
        "staff_sb": staff_sb,
        "office_tu": office_tu,
        "draft": draft,
        "formulas": formulas,
        "other": other,
        "far": far,
    }


# Nominations -------------------------------------------------------------------


def test_unit_list_downloads_its_nominations_with_headers_labels_and_dates(client, lists):
    client.force_login(lists["staff"])
    response = client.get(reverse("awards:nomination_list"), {"xuat": "xlsx"})
    stamp = timezone.localdate().strftime("%d-%m-%Y")
    assert response["Content-Disposition"] == (
        f'attachment; filename="de-nghi-khen-thuong-{stamp}.xlsx"'
    )
    header, rows, sheet = download(client, reverse("awards:nomination_list"))
    assert header == [title for title, _ in NOMINATION_COLUMNS]
    assert header[:3] == ["Mã hồ sơ", "Đối tượng", "Loại đối tượng"]
    draft = lists["draft"]
    row = next(r for r in rows if r["Mã hồ sơ"] == draft.pk)
    assert row["Đối tượng"] == "Lò Thị A"
    assert row["Loại đối tượng"] == "Cá nhân"
    assert row["Mã cá nhân"] == draft.nominee_person_id
    assert row["Đơn vị công tác"] == "UBND xã Bình Lư"
    assert row["Mã danh hiệu"] == "lao-dong-tien-tien"
    assert row["Danh hiệu, hình thức"] == draft.award_type.name
    assert row["Loại hình khen thưởng"] == "Thường xuyên, hằng năm"
    assert row["Thủ tục đơn giản"] == "Không"
    assert row["Năm xét"] == 2025
    assert row["Mã đơn vị đề nghị"] == "ubnd-x-binh-lu"
    assert row["Trạng thái"] == "Dự thảo"
    assert row["Tóm tắt thành tích"] == "Hoàn thành xuất sắc nhiệm vụ."
    # a moment is a real Excel date and time, in Vietnam's time, shown dd/mm/yyyy hh:mm
    row_number = [r["Mã hồ sơ"] for r in rows].index(draft.pk) + 2
    created = cell(sheet, row_number, "Lập lúc")
    assert created.is_date and created.number_format == "dd/mm/yyyy hh:mm"
    assert created.value == timezone.localtime(draft.created_at).replace(
        tzinfo=None, microsecond=created.value.microsecond
    )
    # the list's order: latest change first
    assert [r["Mã hồ sơ"] for r in rows] == [
        *(n.pk for n in reversed(lists["formulas"])),
        draft.pk,
    ]


def test_formula_like_names_come_back_as_text(client, lists):
    client.force_login(lists["staff"])
    _, rows, sheet = download(client, reverse("awards:nomination_list"))
    names = {r["Mã hồ sơ"]: r["Đối tượng"] for r in rows}
    for nomination, name in zip(lists["formulas"], FORMULAS, strict=True):
        assert names[nomination.pk] == "'" + name
    for row_number in range(2, sheet.max_row + 1):
        assert cell(sheet, row_number, "Đối tượng").data_type == "s"  # never a formula ("f")


def test_a_unit_downloads_none_of_another_units_nominations(client, lists):
    client.force_login(lists["staff_sb"])
    _, rows, _ = download(client, reverse("awards:nomination_list"))
    assert [r["Đối tượng"] for r in rows] == ["Lò Văn Sơn Bình"]
    client.force_login(lists["staff"])
    _, rows, _ = download(client, reverse("awards:nomination_list"))
    assert "Lò Văn Sơn Bình" not in {r["Đối tượng"] for r in rows}
    assert "Vàng Văn Mường Khoa" not in {r["Đối tượng"] for r in rows}


def test_inbox_downloads_its_bodys_nominations_as_filtered(client, lists):
    url = reverse("awards:inbox")
    client.force_login(lists["office"])
    _, rows, _ = download(client, url)
    names = {r["Đối tượng"] for r in rows}
    assert names == {"'" + name for name in FORMULAS} | {"Lò Văn Sơn Bình"}  # no draft
    assert {r["Cơ quan xét khen thưởng"] for r in rows} == {"UBND huyện Tam Đường"}
    # the page's filters: typed unit name without diacritics, status, award type
    _, rows, _ = download(client, url, {"unit": "son binh"})
    assert [r["Đối tượng"] for r in rows] == ["Lò Văn Sơn Bình"]
    award_services.nomination_appraise(
        actor=lists["office"], nomination=lists["other"], result="eligible"
    )
    _, rows, _ = download(client, url, {"status": "appraised"})
    assert [r["Trạng thái"] for r in rows] == ["Đủ điều kiện, chờ Hội đồng"]
    other_type = AwardType.objects.get(code="giay-khen-huyen-ca-nhan")
    _, rows, _ = download(client, url, {"award_type": other_type.pk})
    assert rows == []
    # another district's office gets its own inbox only
    client.force_login(lists["office_tu"])
    _, rows, _ = download(client, url)
    assert [r["Đối tượng"] for r in rows] == ["Vàng Văn Mường Khoa"]


def test_inbox_download_needs_the_office(client, lists):
    client.force_login(lists["staff"])
    assert client.get(reverse("awards:inbox"), {"xuat": "xlsx"}).status_code == 403


def test_the_pages_link_to_the_download_with_their_filters(client, lists):
    client.force_login(lists["office"])
    page = client.get(reverse("awards:inbox"), {"status": "submitted", "trang": "1"})
    assert 'href="?status=submitted&amp;xuat=xlsx"' in page.content.decode()
    client.force_login(lists["staff"])
    page = client.get(reverse("awards:nomination_list")).content.decode()
    assert 'href="?xuat=xlsx">Tải Excel</a>' in page


def many_nominations(unit: Unit, issuer: Unit, count: int) -> None:
    """`count` submitted nominations of new people of the unit, written in bulk."""
    award = AwardType.objects.get(code="lao-dong-tien-tien")
    people = Person.objects.bulk_create(
        Person(full_name=f"Người {i}", unit=unit, gender="female")
        for i in range(Person.objects.count(), Person.objects.count() + count)
    )
    Nomination.objects.bulk_create(
        Nomination(
            award_type=award,
            nominee_person=person,
            nominating_unit=unit,
            issuer=issuer,
            year=2025,
            status=Nomination.Status.SUBMITTED,
        )
        for person in people
    )


@pytest.mark.parametrize("view", ["awards:nomination_list", "awards:inbox"])
def test_nomination_downloads_have_every_page_in_a_fixed_number_of_queries(
    client, lists, view, django_assert_max_num_queries
):
    who = lists["staff"] if view == "awards:nomination_list" else lists["office"]
    client.force_login(who)
    expected = len(download(client, reverse(view))[1])
    for added in (3, PAGE_SIZE + 20):  # then more than a page
        many_nominations(lists["commune"], lists["district"], added)
        expected += added
        # session, user, the user's units (a walk of the tree), the rows
        with django_assert_max_num_queries(6):
            _, rows, _ = download(client, reverse(view))
        assert len(rows) == expected


# Decisions ---------------------------------------------------------------------


def test_decisions_download_with_numbers_dates_and_counts(client, cycle, make_member, demo_units):
    issued = issued_decision(cycle, passed_nominations(cycle, 2))
    issued.refresh_from_db()
    draft = award_services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject='=HYPERLINK("http://x")',
        nominations=[],
    )
    client.force_login(cycle["office"])
    header, rows, sheet = download(client, reverse("awards:decision_list"))
    assert header == [title for title, _ in DECISION_COLUMNS]
    by_pk = {r["Mã quyết định"]: r for r in rows}
    row = by_pk[issued.pk]
    assert row["Số"] == issued.number and row["Ký hiệu"] == issued.symbol
    assert row["Năm"] == issued.year
    assert row["Mã cơ quan ban hành"] == "ubnd-tam-duong"
    assert row["Cơ quan ban hành"] == "UBND huyện Tam Đường"
    assert row["Trạng thái"] == "Đã ban hành"
    assert row["Số đối tượng"] == 2
    row_number = [r["Mã quyết định"] for r in rows].index(issued.pk) + 2
    issued_on = cell(sheet, row_number, "Ngày ban hành")
    assert issued_on.is_date and issued_on.number_format == "dd/mm/yyyy"
    assert issued_on.value.date() == issued.issued_on
    assert by_pk[draft.pk]["Trích yếu"] == '\'=HYPERLINK("http://x")'
    assert by_pk[draft.pk]["Số"] is None and by_pk[draft.pk]["Trạng thái"] == "Dự thảo"
    # another district's office gets none of them; unit staff not even the page
    client.force_login(make_member("nv.tu", demo_units["ubnd-tan-uyen"], "office_staff"))
    assert download(client, reverse("awards:decision_list"))[1] == []
    client.force_login(cycle["staff"])
    assert client.get(reverse("awards:decision_list"), {"xuat": "xlsx"}).status_code == 403


def test_decisions_download_in_a_fixed_number_of_queries(
    client, cycle, django_assert_max_num_queries
):
    from awards.models import Decision

    client.force_login(cycle["office"])
    for added in (2, 80):
        Decision.objects.bulk_create(
            Decision(issuer=cycle["district"], year=2025, subject=f"Dự thảo {i}")
            for i in range(added)
        )
        # session, user, the office's bodies (2), the merged ones, the decisions, and
        # the chains of amendments of those on the sheet (one query, decision 0089)
        with django_assert_max_num_queries(7):
            _, rows, _ = download(client, reverse("awards:decision_list"))
        assert len(rows) == Decision.objects.count()


# Registrations and reports of a campaign ----------------------------------------

ADDRESSED = 9  # the active units below UBND huyện Tam Đường in the demo tree


@pytest.fixture
def tracked(demo, demo_units, make_member):
    """Bình Lư registers for Tam Đường's campaign and reports on it."""
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member("cb.bl", unit, Membership.Role.UNIT_STAFF)
    criterion = services.criterion_add(
        actor=office,
        campaign=campaign,
        name="Thu ngân sách",
        kind="numeric",
        measure="triệu đồng",
        target=Decimal(100),
    )
    formula = services.criterion_add(actor=office, campaign=campaign, name="=1+1", kind="boolean")
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    services.registration_submit(
        actor=staff,
        campaign=campaign,
        unit=unit,
        targets={criterion.pk: Decimal(110)},
        titles_aimed="@Cờ thi đua",
    )
    services.report_save(
        actor=staff,
        period=period,
        unit=unit,
        values={criterion.pk: (Decimal("120.5"), "-Biên bản"), formula.pk: (Decimal(1), "")},
        submit=True,
    )
    return {
        "campaign": campaign,
        "office": office,
        "staff": staff,
        "unit": unit,
        "period": period,
        "criterion": criterion,
    }


def test_registrations_download_every_addressed_unit(client, tracked):
    client.force_login(tracked["office"])
    url = reverse("tracking:registrations_xlsx", args=[tracked["campaign"].pk])
    response = client.get(url)
    stamp = timezone.localdate().strftime("%d-%m-%Y")
    assert response["Content-Disposition"] == (
        f'attachment; filename="dang-ky-thi-dua-{tracked["campaign"].pk}-{stamp}.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == (
        "Mã đơn vị",
        "Đơn vị",
        "Đã đăng ký",
        "Đăng ký lúc",
        "Danh hiệu đăng ký",
        "Cam kết: Thu ngân sách (triệu đồng)",
        "Cam kết: =1+1",
    )
    assert len(values) == 1 + ADDRESSED
    names = [row[1] for row in values[1:]]
    assert names == sorted(names)  # by name, as the results page lists them
    index = names.index("UBND xã Bình Lư") + 2
    row = dict(zip(values[0], values[index - 1], strict=True))
    assert row["Mã đơn vị"] == "ubnd-x-binh-lu"
    assert row["Đã đăng ký"] == "Có"
    assert row["Danh hiệu đăng ký"] == "'@Cờ thi đua"
    assert row["Cam kết: Thu ngân sách (triệu đồng)"] == 110
    registered = cell(sheet, index, "Đăng ký lúc")
    assert registered.is_date and registered.number_format == "dd/mm/yyyy hh:mm"
    assert registered.value.date() == timezone.localdate()
    others = [dict(zip(values[0], v, strict=True)) for v in values[1:] if v[1] != "UBND xã Bình Lư"]
    assert {r["Đã đăng ký"] for r in others} == {"Không"}
    assert {r["Đăng ký lúc"] for r in others} == {None}


def test_reports_download_the_reports_received(client, tracked, demo_units, make_member):
    client.force_login(tracked["office"])
    url = reverse("tracking:reports_xlsx", args=[tracked["campaign"].pk])
    # a draft of another unit is not received: not in the list
    services.report_save(
        actor=make_member("cb.sb", demo_units["ubnd-x-son-binh"]),
        period=tracked["period"],
        unit=demo_units["ubnd-x-son-binh"],
        values={},
        submit=False,
    )
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url).content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:10] == (
        "Mã đơn vị",
        "Đơn vị",
        "Kỳ báo cáo",
        "Hạn nộp",
        "Nộp lúc",
        "Nộp lần đầu (trước khi trả lại)",
        "Nộp muộn",
        "Trạng thái",
        "Lý do trả lại",
        "Tệp minh chứng",
    )
    assert values[0][10:] == (
        "Kết quả: Thu ngân sách (triệu đồng)",
        "Minh chứng: Thu ngân sách (triệu đồng)",
        "Kết quả: =1+1",
        "Minh chứng: =1+1",
    )
    assert len(values) == 2
    row = dict(zip(values[0], values[1], strict=True))
    assert row["Đơn vị"] == "UBND xã Bình Lư"
    assert row["Kỳ báo cáo"] == "Tổng kết"
    assert row["Nộp muộn"] == "Không" and row["Trạng thái"] == "Đã nộp"
    assert row["Tệp minh chứng"] is None  # no file attached: the cell is empty
    assert row["Kết quả: Thu ngân sách (triệu đồng)"] == 120.5
    assert row["Minh chứng: Thu ngân sách (triệu đồng)"] == "'-Biên bản"
    assert row["Kết quả: =1+1"] == "Đạt"  # a pass/fail figure in words (decision 0096)
    due = cell(sheet, 2, "Hạn nộp")
    assert due.is_date and due.number_format == "dd/mm/yyyy"
    assert due.value.date() == tracked["period"].due_on
    submitted = cell(sheet, 2, "Nộp lúc")
    assert submitted.is_date and submitted.number_format == "dd/mm/yyyy hh:mm"
    # a report returned to its unit stays in the list, with the reason
    report = ResultReport.objects.get(unit=tracked["unit"])
    services.report_return(actor=tracked["office"], report=report, reason="=Thiếu số liệu")
    row = dict(zip(*list(load(client, url).iter_rows(values_only=True))[:2], strict=True))
    assert row["Trạng thái"] == "Trả lại" and row["Lý do trả lại"] == "'=Thiếu số liệu"


def load(client, url: str):
    return openpyxl.load_workbook(io.BytesIO(client.get(url).content)).worksheets[0]


@pytest.mark.parametrize("name", ["tracking:registrations_xlsx", "tracking:reports_xlsx"])
def test_only_the_issuers_office_downloads_a_campaigns_lists(
    client, tracked, make_member, demo_units, name
):
    url = reverse(name, args=[tracked["campaign"].pk])
    client.force_login(tracked["staff"])
    assert client.get(url).status_code == 404
    client.force_login(make_member("nv.tu", demo_units["ubnd-tan-uyen"], "office_staff"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_results_page_links_to_both_downloads(client, tracked):
    client.force_login(tracked["office"])
    pk = tracked["campaign"].pk
    page = client.get(reverse("tracking:campaign_results", args=[pk])).content.decode()
    assert reverse("tracking:registrations_xlsx", args=[pk]) in page
    assert reverse("tracking:reports_xlsx", args=[pk]) in page


@pytest.mark.parametrize("name", ["tracking:registrations_xlsx", "tracking:reports_xlsx"])
def test_campaign_lists_download_in_a_fixed_number_of_queries(
    client, tracked, demo_units, name, django_assert_max_num_queries
):
    campaign, period, criterion = tracked["campaign"], tracked["period"], tracked["criterion"]
    url = reverse(name, args=[campaign.pk])
    client.force_login(tracked["office"])
    parent = demo_units["ubnd-tam-duong"]
    now = timezone.now()
    for start, stop in ((0, 10), (10, 300)):
        units = Unit.objects.bulk_create(
            Unit(code=f"thon-{i}", name=f"Thôn {i}", kind="village", level="other", parent=parent)
            for i in range(start, stop)
        )
        registrations = Registration.objects.bulk_create(
            Registration(campaign=campaign, unit=unit, submitted_at=now) for unit in units
        )
        RegistrationTarget.objects.bulk_create(
            RegistrationTarget(registration=r, criterion=criterion, value=Decimal(5))
            for r in registrations
        )
        reports = ResultReport.objects.bulk_create(
            ResultReport(period=period, unit=unit, status="submitted", submitted_at=now)
            for unit in units
        )
        ReportValue.objects.bulk_create(
            ReportValue(report=r, criterion=criterion, value=Decimal(7)) for r in reports
        )
        # session, user, offices, campaign, criteria, the tree below the issuer, the rows;
        # the reports' evidence files are one more (a prefetch, decision 0095)
        with django_assert_max_num_queries(12 if name == "tracking:reports_xlsx" else 11):
            sheet = load(client, url)
        rows = sheet.max_row - 1
        assert rows == (ADDRESSED + stop if name == "tracking:registrations_xlsx" else 1 + stop)
