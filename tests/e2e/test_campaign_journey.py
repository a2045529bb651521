"""One journey through the whole campaign life, in Debian's Chromium.

1. A standing-office user logs in and creates a campaign with three content items.
2. They publish it.
3. A visitor finds it by searching without diacritics.
4. The visitor opens it and downloads the PDF; its text is checked.
5. A user of another body cannot open its edit page.
Each step leaves a screenshot for the user guide (`make screenshots` writes docs/screenshots/).
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from tests.e2e.people import PASSWORD, log_in
from units.demo import load_units
from units.models import Membership


@pytest.fixture
def world(live_server, reference_data):
    units = load_units()
    load_seed_campaigns(units)
    User = get_user_model()
    office = User.objects.create_user("nv.tamduong", password=PASSWORD, first_name="Nguyễn Thị Hoa")
    Membership.objects.create(
        user=office, unit=units["ubnd-tam-duong"], role=Membership.Role.OFFICE_STAFF
    )
    other = User.objects.create_user("nv.thanhpho", password=PASSWORD, first_name="Phạm Thu Trang")
    Membership.objects.create(
        user=other, unit=units["ubnd-tp-lai-chau"], role=Membership.Role.OFFICE_STAFF
    )
    return units


def test_campaign_journey(page: Page, browser, live_server, world, screenshot_dir, axe_check):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    # 1. Log in and create a campaign with three content items.
    page.goto(base + "/dang-nhap/")
    page.screenshot(path=str(screenshot_dir / "journey-1-login.png"))
    axe_check(page, "đăng nhập")
    log_in(page, base, "nv.tamduong")
    expect(page.get_by_role("heading", name="Xin chào, Nguyễn Thị Hoa")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "journey-2-dashboard.png"), full_page=True)
    axe_check(page, "bảng điều khiển")

    page.get_by_role("link", name="+ Soạn phong trào mới").click()
    axe_check(page, "soạn phong trào")
    page.locator("#id_document_type").select_option(label="Kế hoạch (KH)")
    page.locator("#id_number").fill("45")
    page.locator("#id_symbol").fill("KH-UBND")
    page.locator("#id_place").fill("Tam Đường")
    page.locator("#id_issued_on").fill("10/03/2026")
    page.locator("#id_subject").fill("Phát động phong trào thi đua chuyển đổi số năm 2026")
    page.locator("#id_kind").select_option(label="Thi đua theo chuyên đề (theo đợt)")
    page.locator("#id_end_date").fill("31/12/2026")
    page.locator("#id_theme").fill("Chuyển đổi số vì Nhân dân phục vụ")
    texts = [
        "Thi đua số hóa hồ sơ, giấy tờ của người dân.",
        "Thi đua cung cấp dịch vụ công trực tuyến toàn trình.",
        "Thi đua xây dựng chính quyền số ở các xã, thị trấn.",
    ]
    for index, text in enumerate(texts):
        page.locator(f"#id_items-{index}-label").fill(f"{index + 1}.")
        page.locator(f"#id_items-{index}-text").fill(text)
    page.locator("#id_signing_authority").fill("TM. ỦY BAN NHÂN DÂN")
    page.locator("#id_signer_title").fill("CHỦ TỊCH")
    page.locator("#id_signer_name").fill("Sùng Lữ Páo")
    page.locator("#id_distribution-0-text").fill("Như trên;")
    page.locator("#id_distribution-1-text").fill("Lưu: VT, NV.")
    page.screenshot(path=str(screenshot_dir / "journey-3-editor.png"))
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text("Đã lưu dự thảo phong trào.")).to_be_visible()
    campaign = Campaign.objects.get(number="45", symbol="KH-UBND")
    assert campaign.items.count() == 3 and campaign.status == Campaign.Status.DRAFT

    # 2. Publish.
    page.once("dialog", lambda dialog: dialog.accept())  # "Phát động phong trào?" confirmation
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_text("Đã phát động phong trào")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "journey-4-published.png"))
    axe_check(page, "chi tiết phong trào (cán bộ)")
    campaign.refresh_from_db()
    assert (
        campaign.status == Campaign.Status.PUBLISHED
        and campaign.published_by.username == "nv.tamduong"
    )

    # 3. A visitor searches without diacritics.
    visitor = browser.new_context(locale="vi-VN")
    public = visitor.new_page()
    public.goto(base + "/")
    axe_check(public, "trang chủ")
    public.get_by_role("searchbox", name="Tìm kiếm").fill("chuyen doi so")
    public.get_by_role("button", name="Tìm").click()
    results = public.locator(".campaign-card")
    expect(results).to_have_count(1)
    public.screenshot(path=str(screenshot_dir / "journey-5-search.png"))

    # 4. Open it and download the PDF.
    results.get_by_role("link").first.click()
    expect(public.locator(".doc-header .doc-number")).to_have_text("Số: 45/KH-UBND")
    axe_check(public, "văn bản phát động")
    public.screenshot(path=str(screenshot_dir / "journey-6-campaign.png"), full_page=True)
    href = public.get_by_role("link", name="Tải văn bản PDF").get_attribute("href")
    response = visitor.request.get(base + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = re.sub(
        r"\s+",
        " ",
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages),
    )
    assert "Số: 45/KH-UBND" in text
    assert "Tam Đường, ngày 10 tháng 3 năm 2026" in text
    assert "KẾ HOẠCH Phát động phong trào thi đua chuyển đổi số năm 2026" in text
    positions = [text.index(t[:30]) for t in texts]
    assert positions == sorted(positions)
    assert "Sùng Lữ Páo" in text
    visitor.close()

    # 5. Staff of another body cannot open its edit page.
    outsider = browser.new_context(locale="vi-VN")
    other = outsider.new_page()
    log_in(other, base, "nv.thanhpho")
    response = other.goto(f"{base}/quan-ly/phong-trao/{campaign.pk}/sua/")
    assert response.status == 404
    expect(other.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()
    expect(other.get_by_text("Phát động phong trào thi đua chuyển đổi số")).to_have_count(0)
    other.screenshot(path=str(screenshot_dir / "journey-7-other-body-404.png"))
    outsider.close()


def test_portal_search_with_the_keyboard_alone(page: Page, live_server, world):
    page.goto(live_server.url + "/")
    for _ in range(12):  # skip link, brand, menu... until the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    assert page.evaluate("document.activeElement.id") == "id_q"
    page.keyboard.type("ke hoach dac biet")
    page.keyboard.press("Enter")
    expect(page.locator(".campaign-card")).to_have_count(1)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.campaign-card') !== null"):
            break
    page.keyboard.press("Enter")
    expect(page.locator(".doc-type")).to_have_text("KẾ HOẠCH")


def test_add_rows_without_saving_first(page: Page, live_server, world):
    log_in(page, live_server.url, "nv.tamduong")
    page.goto(live_server.url + "/quan-ly/phong-trao/them/")
    items = page.locator("#formset-items")
    expect(items.locator(".formset__row")).to_have_count(3)
    items.get_by_role("button", name="+ Thêm dòng").click()
    expect(items.locator(".formset__row")).to_have_count(4)
    expect(page.locator("#id_items-3-order")).to_be_focused()
    assert page.locator("#id_items-TOTAL_FORMS").input_value() == "4"
