"""A citizen opens the portal, finds the city's 2025 campaign and reads it."""

import pytest
from playwright.sync_api import Page, expect

from campaigns.demo import load_seed_campaigns
from units.demo import load_units


@pytest.fixture
def seeds(live_server, reference_data):
    # live_server runs in another thread, so the data must be committed.
    return load_seed_campaigns(load_units())


def test_read_campaign_002_from_the_home_page(page: Page, live_server, seeds, screenshot_dir):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Phong trào thi đua đã phát động")).to_be_visible()
    cards = page.locator(".campaign-card")
    expect(cards).to_have_count(5)
    page.screenshot(path=str(screenshot_dir / "public-home.png"), full_page=True)

    page.get_by_role("link", name="Hoàn thành thắng lợi các chỉ tiêu").click()
    document = page.get_by_role("article", name="Toàn văn văn bản")
    expect(document.locator(".doc-header .doc-number")).to_have_text("Số: 5834/PĐTĐ-UBND")
    expect(document.locator(".doc-dateline")).to_have_text(
        "Thành phố Lai Châu, ngày 31 tháng 12 năm 2024"
    )
    expect(document.locator(".doc-signature__authority")).to_have_text("TM. ỦY BAN NHÂN DÂN")
    expect(document.locator(".doc-signature__name")).to_have_text("Nguyễn Văn Nghiệp")
    expect(document.locator(".doc-items > .doc-item")).to_have_count(5)
    page.screenshot(path=str(screenshot_dir / "campaign-002.png"), full_page=True)
    document.locator(".doc-header").screenshot(path=str(screenshot_dir / "campaign-002-header.png"))
    document.locator(".doc-close").screenshot(path=str(screenshot_dir / "campaign-002-close.png"))

    page.get_by_role("link", name="Chỉ thị số 09/CT-UBND của UBND tỉnh Lai Châu").click()
    expect(page.locator(".doc-header .doc-number")).to_have_text("Số: 09/CT-UBND")


def test_portal_works_on_a_phone(page: Page, live_server, seeds, screenshot_dir):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + f"/phong-trao/{seeds['000'].pk}/")
    expect(page.locator(".doc-signature__name")).to_have_text("Sùng Lữ Páo")
    # Nothing overflows sideways: the reader never scrolls horizontally.
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.screenshot(path=str(screenshot_dir / "campaign-000-phone.png"), full_page=False)
