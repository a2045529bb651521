"""Money in Chromium (issue 13): the office records the year's budget in the fund, sees the
amounts and the warning on a draft decision, issues it and sees the fund's balance, then
downloads the statistical form as xlsx and checks its cells."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from awards import money, services
from awards.models import AwardType, Nomination
from awards.money import vnd
from campaigns.models import Campaign, DocumentType
from units.demo import load_units
from units.models import Membership, Person

PASSWORD = "mat-khau-thu-nghiem-2025"


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    commune, district = units["ubnd-x-binh-lu"], units["ubnd-tam-duong"]
    office = django_user_model.objects.create_user("nv.tamduong", password=PASSWORD)
    Membership.objects.create(user=office, unit=district, role=Membership.Role.OFFICE_STAFF)
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    nominations = []
    for name in ("Lò Thị Én", "Tòng Văn Lực"):
        person = Person.objects.create(full_name=name, unit=commune, gender="female")
        nominations.append(
            Nomination.objects.create(
                award_type=ldtt,
                nominee_person=person,
                nominating_unit=commune,
                year=2025,
                status=Nomination.Status.PASSED,
                issuer=district,
            )
        )
    decision = services.decision_draft(
        actor=office,
        issuer=district,
        subject="Về việc tặng danh hiệu Lao động tiên tiến năm 2025",
        signer_name="Sùng Lữ Páo",
        nominations=nominations,
    )
    today = datetime.date.today()
    Campaign.objects.create(
        issuer=district,
        document_type=DocumentType.objects.get(name="Kế hoạch"),
        number="12",
        symbol="KH-UBND",
        subject="Phong trào thi đua chuyển đổi số",
        kind=Campaign.Kind.THEMATIC,
        status=Campaign.Status.PUBLISHED,
        issued_on=today,
        start_date=today,
        end_date=today + datetime.timedelta(days=90),
    )
    return {"decision": decision, "district": district}


def test_amounts_fund_and_statistics(page: Page, live_server, world, screenshot_dir, axe_check):
    base = live_server.url
    year = datetime.date.today().year
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("nv.tamduong")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # 1. the fund of the year gets its budget: 1.000.000 đồng
    page.goto(base + "/quan-ly/khen-thuong/quy/")
    page.get_by_label("Năm").fill(str(year))
    page.get_by_role("button", name="Mở sổ quỹ").click()
    page.get_by_label("Số tiền (đồng)").fill("1000000")
    page.get_by_label("Ngày").fill(f"02/01/{year}")
    page.get_by_label("Nội dung").fill("Dự toán kinh phí khen thưởng")
    page.get_by_role("button", name="Ghi vào sổ quỹ").click()
    expect(page.get_by_text("Đã ghi vào sổ quỹ.")).to_be_visible()
    expect(page.locator("[data-fund-balance]")).to_have_text("1.000.000")
    axe_check(page, "sổ quỹ")

    today = timezone.localdate()
    # 2. the draft decision, dated today: the base salary in force (2.530.000 from
    # 01/7/2026, Nghị định 161/2026; 2.340.000 before), 0,3 × it rounded up to 10.000 đồng
    each = money.quote(AwardType.objects.get(code="lao-dong-tien-tien"), today).amount
    assert each == (760_000 if today >= datetime.date(2026, 7, 1) else 710_000)
    page.goto(base + f"/quan-ly/khen-thuong/quyet-dinh/{world['decision'].pk}/")
    expect(page.locator("td[data-amount]")).to_have_text([vnd(each), vnd(each)])
    expect(page.locator("[data-amount-total]")).to_have_text(vnd(2 * each))
    short = 2 * each - 1_000_000
    expect(page.locator("[data-fund-warning]")).to_contain_text(f"quỹ thiếu {vnd(short)} đồng")
    axe_check(page, "dự thảo quyết định")
    page.screenshot(path=str(screenshot_dir / "money-1-draft-decision.png"))

    # 3. paying beyond the balance: refused until the issuer confirms it (decision 0089)
    page.get_by_role("button", name="Ban hành").click()
    expect(page.locator("#id_overspend_error")).to_contain_text(
        f"chi vượt số dư quỹ {vnd(short)} đồng"
    )
    page.get_by_label(f"Tôi xác nhận chi vượt số dư quỹ {vnd(short)} đồng").check()
    # issued: the payouts are booked and the balance shown
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Đã ban hành Quyết định số")).to_be_visible()
    expect(page.locator("[data-fund-balance]")).to_have_text(f"-{vnd(short)} đồng")
    page.goto(base + "/quan-ly/khen-thuong/quy/")
    expect(page.locator("table").first).to_contain_text(vnd(2 * each))

    # 4. the statistical form 0601.N, downloaded and read
    page.goto(base + "/quan-ly/khen-thuong/bieu-thong-ke/")
    page.locator("#bieu").select_option("0601")
    page.get_by_label("Năm báo cáo").fill(str(year))
    page.get_by_role("button", name="Xem biểu").click()
    expect(page.locator("table")).to_contain_text("Thi đua theo chuyên đề")
    axe_check(page, "biểu thống kê")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel (xlsx)").click()
    assert download.value.suggested_filename.startswith(f"bieu-0601-{year}")
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    sheet = book.active
    assert sheet["A1"].value == "Biểu số: 0601.N/BNV-TĐKT"
    assert sheet["A4"].value == "SỐ PHONG TRÀO THI ĐUA" and sheet["A5"].value == f"Năm {year}"
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1]}
    assert rows["01"][2:6] == (1, 0, 0, 1)  # the district's campaign: unit level
    assert rows["11"][2] == 1 and rows["12"][2] == 0  # thematic
    assert rows["06"][2] == 1  # 90 days: under one year

    # 5. the State-level form 0602.N: two header rows (the form, then Tập thể / Cá nhân);
    # the year's Lao động tiên tiến are not State-level awards, so its total is 0
    page.goto(base + "/quan-ly/khen-thuong/bieu-thong-ke/")
    page.locator("#bieu").select_option("0602")
    page.get_by_label("Năm báo cáo").fill(str(year))
    page.get_by_role("button", name="Xem biểu").click()
    table = page.locator("table")
    expect(table).to_contain_text("Bằng khen của Thủ tướng Chính phủ")
    expect(table.locator("thead tr")).to_have_count(2)
    expect(table.locator("tbody tr").first.locator("td").nth(3)).to_have_text("0")
    axe_check(page, "biểu 0602")
