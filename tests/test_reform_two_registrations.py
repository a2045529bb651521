"""Two old communes that both registered for one campaign merge into one new commune
(decision 0070). The first's registration and reports carry on at the new commune
(decision 0067); before, the second's stayed with its archived commune and was shown
nowhere: its targets, titles and reports were out of everyone's sight. Now it stays as
written, with its old commune, and the new commune's registration and report pages and
the province's results page show it, read only."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.models import Registration, ResultReport
from campaigns.results import services as results
from tests.factories import province_directive_across_the_reform
from units.models import Membership, Unit
from units.services import units_reorganise

pytestmark = pytest.mark.django_db


@pytest.fixture
def both(demo, demo_units, make_member):
    province = demo_units["ubnd-tinh-lai-chau"]
    campaign, office, criterion = province_directive_across_the_reform(
        demo, demo_units, make_member
    )
    period = results.period_add(
        actor=office, campaign=campaign, kind="final", due_on=datetime.date(2099, 12, 15)
    )
    written = {}
    for code, target, result, titles, evidence in (
        ("ubnd-x-son-binh", 8, 6, "Cờ thi đua của UBND tỉnh", "Danh sách hộ thoát nghèo Sơn Bình"),
        ("ubnd-tt-tam-duong", 5, 4, "Tập thể lao động xuất sắc", "Biên bản rà soát thị trấn"),
    ):
        old = demo_units[code]
        staff = make_member(f"cb.{code}", old, Membership.Role.UNIT_STAFF)
        results.registration_submit(
            actor=staff,
            campaign=campaign,
            unit=old,
            targets={criterion.pk: Decimal(target)},
            titles_aimed=titles,
        )
        results.report_save(
            actor=staff,
            period=period,
            unit=old,
            values={criterion.pk: (Decimal(result), evidence)},
            submit=True,
        )
        written[code] = staff
    new = Unit.objects.get(admin_code="03390")  # Xã Bình Lư
    units_reorganise(
        actor=None,
        mapping=[
            (demo_units["ubnd-x-son-binh"], new),
            (demo_units["ubnd-tt-tam-duong"], new),
            (demo_units["ubnd-x-binh-lu"], new),
            (demo_units["ubnd-tam-duong"], province),
        ],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    return {
        "campaign": campaign,
        "period": period,
        "office": office,
        "staff": written["ubnd-tt-tam-duong"],  # now at the new commune
        "new": new,
        "kept": demo_units["ubnd-tt-tam-duong"],
    }


def test_nothing_written_is_lost(both):
    """The first carries on at the new commune; the second stays, as written, with its
    old commune (two registrations of one unit for one campaign cannot be)."""
    campaign, new, kept = both["campaign"], both["new"], both["kept"]
    carried = Registration.objects.get(campaign=campaign, unit=new)
    assert carried.titles_aimed == "Cờ thi đua của UBND tỉnh"
    stayed = Registration.objects.get(campaign=campaign, unit=kept)
    assert stayed.targets.get().value == Decimal(5)
    assert ResultReport.objects.filter(unit=kept).count() == 1
    # its history says why it stayed
    note = stayed.history.order_by("-history_date").first().history_change_reason
    assert "UBND xã Bình Lư" in note and "giữ" in note


def test_the_new_communes_registration_page_shows_both_old_communes(client, both):
    new, campaign = both["new"], both["campaign"]
    client.force_login(both["staff"])
    page = client.get(reverse("tracking:register", args=[new.pk, campaign.pk])).content.decode()
    assert 'value="8' in page  # the carried registration, to keep or change
    assert "UBND xã Sơn Bình" in page  # whose it was
    assert "Đăng ký của đơn vị cũ" in page and "UBND thị trấn Tam Đường" in page
    assert "Tập thể lao động xuất sắc" in page
    section = page.split("Đăng ký của đơn vị cũ")[1]
    assert "Số hộ thoát nghèo" in section and "5" in section


def test_the_new_communes_report_page_shows_the_other_old_communes_report(client, both):
    new, period = both["new"], both["period"]
    client.force_login(both["staff"])
    page = client.get(reverse("tracking:report", args=[new.pk, period.pk])).content.decode()
    assert "Báo cáo của đơn vị cũ" in page
    section = page.split("Báo cáo của đơn vị cũ")[1]
    assert "UBND thị trấn Tam Đường" in section and "Biên bản rà soát thị trấn" in section


def test_the_province_sees_both_old_communes_registrations_and_reports(client, both):
    client.force_login(both["office"])
    page = client.get(
        reverse("tracking:campaign_results", args=[both["campaign"].pk])
    ).content.decode()
    assert "Đã đăng ký: <strong>1</strong> /" in page  # the new commune, counted once
    assert "Danh sách hộ thoát nghèo Sơn Bình" in page  # carried: the new commune's report
    assert "Của đơn vị cũ đã sáp nhập" in page
    section = page.split("Của đơn vị cũ đã sáp nhập")[1]
    assert "UBND thị trấn Tam Đường" in section and "nay thuộc UBND xã Bình Lư" in section
    assert "Tập thể lao động xuất sắc" in section  # its registration
    assert "Biên bản rà soát thị trấn" in section  # its report


def test_the_provinces_exports_keep_the_rows_of_units_merged_or_dissolved(
    client, both, demo_units, make_member
):
    """The registrations and reports workbooks listed living units only: across the
    reform they lost what the old units wrote. Their rows are kept, each old unit's name
    saying what became of it."""
    import io

    from openpyxl import load_workbook

    from units.services import unit_archive

    campaign, period, office = both["campaign"], both["period"], both["office"]
    gone = demo_units["pnv-tan-uyen"]  # a district office dissolved, with no successor
    staff = make_member("cb.pnv-tan-uyen", gone, Membership.Role.UNIT_STAFF)
    criterion = campaign.criteria.get()
    results.registration_submit(
        actor=staff, campaign=campaign, unit=gone, targets={criterion.pk: Decimal(3)}
    )
    results.report_save(
        actor=staff,
        period=period,
        unit=gone,
        values={criterion.pk: (Decimal(2), "Báo cáo của Phòng Nội vụ")},
        submit=True,
    )
    unit_archive(
        unit=gone, by=None, reason="Giải thể cấp huyện", ended_on=datetime.date(2025, 6, 30)
    )

    def rows(name):
        client.force_login(office)
        response = client.get(reverse(f"tracking:{name}", args=[campaign.pk]))
        sheet = load_workbook(io.BytesIO(response.content)).active
        header = [c.value for c in sheet[1]]
        return [
            dict(zip(header, [c.value for c in line], strict=False))
            for line in sheet.iter_rows(min_row=2)
        ]

    registrations = {r["Đơn vị"]: r for r in rows("registrations_xlsx")}
    merged = "UBND thị trấn Tam Đường (đã sáp nhập vào UBND xã Bình Lư)"
    dissolved = "Phòng Nội vụ huyện Tân Uyên (đã giải thể ngày 30/06/2025)"
    assert merged in registrations and dissolved in registrations
    assert registrations[merged]["Đã đăng ký"] == "Có"
    assert registrations[merged]["Danh hiệu đăng ký"] == "Tập thể lao động xuất sắc"
    assert registrations[merged]["Cam kết: Số hộ thoát nghèo (hộ)"] == 5
    assert registrations[dissolved]["Cam kết: Số hộ thoát nghèo (hộ)"] == 3
    assert "UBND xã Bình Lư" in registrations  # the living unit, as before
    # the living units first, by name, then the old ones
    names = list(registrations)
    assert names.index("UBND xã Bình Lư") < names.index(merged)

    reports = {r["Đơn vị"]: r for r in rows("reports_xlsx")}
    assert reports[merged]["Minh chứng: Số hộ thoát nghèo (hộ)"] == "Biên bản rà soát thị trấn"
    assert reports[merged]["Kết quả: Số hộ thoát nghèo (hộ)"] == 4
    assert reports[dissolved]["Kết quả: Số hộ thoát nghèo (hộ)"] == 2
    assert reports["UBND xã Bình Lư"]["Minh chứng: Số hộ thoát nghèo (hộ)"] == (
        "Danh sách hộ thoát nghèo Sơn Bình"
    )
