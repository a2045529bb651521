"""Results tracking in Chromium: criteria and a bloc, two units register and report (one
late), the dashboard with its chart and xlsx export, a nomination draft from the
ranking, and the final-review PDF."""

import datetime
import io
import re

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from awards.models import Nomination
from campaigns.demo import load_seed_campaigns
from campaigns.models import ReportPeriod, ResultReport
from tests.e2e.people import PASSWORD, log_in
from units.demo import load_units
from units.models import Membership


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    campaigns = load_seed_campaigns(units)
    campaign = campaigns["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=60)  # still running
    campaign.save()

    def user(name, unit, role):
        u = django_user_model.objects.create_user(name, password=PASSWORD, first_name=name)
        Membership.objects.create(user=u, unit=unit, role=role)

    user("nv.tamduong", units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    user("cb.binhlu", units["ubnd-x-binh-lu"], Membership.Role.UNIT_STAFF)
    user("cb.sonbinh", units["ubnd-x-son-binh"], Membership.Role.UNIT_STAFF)
    return {"campaign": campaign, "units": units}


def test_tracking_journey(page: Page, live_server, world, screenshot_dir, axe_check):
    base, campaign, units = live_server.url, world["campaign"], world["units"]
    page.set_viewport_size({"width": 1280, "height": 900})

    # 1. the office defines criteria, a report period and a bloc
    log_in(page, base, "nv.tamduong")
    page.goto(f"{base}/quan-ly/theo-doi/phong-trao/{campaign.pk}/tieu-chi/")
    page.locator("#id_c-group").fill("Kinh tế")
    page.locator("#id_c-name").fill("Thu ngân sách trên địa bàn")
    page.locator("#id_c-kind").select_option("numeric")
    page.locator("#id_c-measure").fill("triệu đồng")
    page.locator("#id_c-target").fill("100")
    page.get_by_role("button", name="Thêm tiêu chí").click()
    expect(page.get_by_text("Đã thêm tiêu chí.")).to_be_visible()
    page.locator("#id_p-kind").select_option("final")
    page.locator("#id_p-due_on").fill(
        (timezone.localdate() + datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    )
    page.get_by_role("button", name="Thêm kỳ báo cáo").click()
    expect(page.get_by_text("Đã thêm kỳ báo cáo.")).to_be_visible()
    axe_check(page, "tiêu chí")
    page.goto(base + "/quan-ly/theo-doi/khoi/")
    page.locator("#id_issuer").select_option(label="UBND huyện Tam Đường")
    page.locator("#id_year").fill(str(campaign.end_date.year))
    page.locator("#id_name").fill("Khối các xã vùng thấp")
    page.locator("#id_head").select_option(label="UBND xã Bình Lư")
    page.get_by_label("UBND xã Bình Lư").check()
    page.get_by_label("UBND xã Sơn Bình").check()
    page.get_by_role("button", name="Tạo khối").click()
    expect(page.get_by_text("Đã tạo khối thi đua.")).to_be_visible()

    # 2. two units register and report
    criterion = campaign.criteria.get()
    period = ReportPeriod.objects.get(campaign=campaign)
    for username, unit, value in (
        ("cb.binhlu", units["ubnd-x-binh-lu"], "130"),
        ("cb.sonbinh", units["ubnd-x-son-binh"], "90"),
    ):
        log_in(page, base, username)
        page.goto(base + "/quan-ly/theo-doi/don-vi/")
        expect(page.get_by_role("link", name="Đăng ký thi đua").first).to_be_visible()
        page.goto(f"{base}/quan-ly/theo-doi/don-vi/{unit.pk}/phong-trao/{campaign.pk}/dang-ky/")
        page.locator(f"#target-{criterion.pk}").fill("120")
        page.get_by_role("button", name="Đăng ký").click()
        expect(page.get_by_text("Đã đăng ký thi đua.")).to_be_visible()
        if username == "cb.sonbinh":
            # 3. time passes: the due date is now behind this unit
            ReportPeriod.objects.filter(pk=period.pk).update(
                due_on=timezone.localdate() - datetime.timedelta(days=1)
            )
            ResultReport.objects.filter(unit=units["ubnd-x-binh-lu"]).update(
                submitted_at=timezone.now() - datetime.timedelta(days=3)
            )
        page.goto(f"{base}/quan-ly/theo-doi/don-vi/{unit.pk}/ky/{period.pk}/bao-cao/")
        page.locator(f"#value-{criterion.pk}").fill(value)
        page.locator(f"#evidence-{criterion.pk}").fill("Số liệu Chi cục Thuế")
        page.once("dialog", lambda dialog: dialog.accept())  # "Nộp báo cáo? ..."
        page.get_by_role("button", name="Nộp báo cáo").click()
        expect(page.get_by_text("Đã nộp báo cáo.")).to_be_visible()
        if username == "cb.sonbinh":
            expect(page.get_by_text("nộp muộn")).to_be_visible()
            page.screenshot(path=str(screenshot_dir / "tracking-1-unit.png"))

    # the head of the bloc records the agreed scores
    bloc_id = units["ubnd-x-binh-lu"].blocs_in.get().pk
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/theo-doi/khoi/")  # the blocs page links to scoring
    page.get_by_role("link", name=campaign.subject[:80]).first.click()
    assert page.url.endswith(f"/khoi/{bloc_id}/phong-trao/{campaign.pk}/cham-diem/")
    page.get_by_label("Điểm thống nhất UBND xã Bình Lư").fill("96")
    page.get_by_label("Điểm thống nhất UBND xã Sơn Bình").fill("88")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.get_by_text("Đã lưu điểm.")).to_be_visible()

    # 4. the office opens the campaign's results from the campaign page, and exports them
    log_in(page, base, "nv.tamduong")
    page.goto(f"{base}/quan-ly/phong-trao/{campaign.pk}/")
    page.get_by_role("link", name="Kết quả phong trào").click()
    expect(page.locator("svg.chart").first).to_be_visible()
    # 2 of the 9 units below Tam Đường registered; Bình Lư reported on time, Sơn Bình late
    expect(page.get_by_text("Đã đăng ký: 2 / 9 đơn vị được phát động.")).to_be_visible()
    due = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    expect(page.get_by_role("table", name="Báo cáo theo kỳ").locator("tbody td")).to_have_text(
        ["Tổng kết", due, "1", "1", "7"]
    )
    axe_check(page, "bảng theo dõi")
    page.screenshot(path=str(screenshot_dir / "tracking-2-dashboard.png"), full_page=True)
    xlsx = page.context.request.get(f"{base}/quan-ly/theo-doi/phong-trao/{campaign.pk}/?xuat=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx.body()))
    reports = list(book["Báo cáo"].iter_rows(values_only=True))[1]
    assert reports[2:4] == (1, 1)  # one on time, one late
    assert list(book["Xếp hạng khối"].iter_rows(values_only=True))[1][2] == "UBND xã Bình Lư"

    # 5. on the campaign's awards page, the ranking produces a nomination draft
    page.get_by_role("link", name="Khen thưởng", exact=True).last.click()
    expect(page.get_by_role("heading", name="Khen thưởng của phong trào")).to_be_visible()
    # the campaign runs into next year: the district's Giấy khen (until 30/6/2025) is gone
    expect(page.locator("#award_type option", has_text="Chủ tịch UBND cấp huyện")).to_have_count(0)
    page.locator("#award_type").select_option(
        label="Giấy khen của thủ trưởng cơ quan, đơn vị (tập thể)"
    )
    page.get_by_role("button", name="Lập dự thảo đề nghị từ xếp hạng").click()
    expect(page.get_by_text("Đã lập 1 dự thảo đề nghị")).to_be_visible()
    assert Nomination.objects.get().nominee_unit == units["ubnd-x-binh-lu"]

    # 6. the final-review PDF renders with the edited narrative (a worker builds it)
    page.locator("#narrative").fill("Các xã vùng thấp hoàn thành tốt chỉ tiêu thu ngân sách.")
    page.get_by_role("button", name="Tạo báo cáo tổng kết (PDF)").click()
    expect(page.get_by_text("Đã xong")).to_be_visible()
    link = page.get_by_role("link", name=re.compile("Tải tệp"))
    response = page.context.request.get(base + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = re.sub(
        r"\s+",
        " ",
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages),
    )
    assert "BÁO CÁO" in text and "Các xã vùng thấp hoàn thành tốt chỉ tiêu thu ngân sách." in text
    assert "Thu ngân sách trên địa bàn" in text and "Khối các xã vùng thấp" in text
