"""Nhập văn bản walked as a clerk (decision 0061), in the browser: on a phone, by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_import_journey import PASSWORD, SEEDS, office  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

OBSCURED = """() => {
  const e = document.activeElement;
  if (e === document.body || e.closest('.editor__actions')) return null;
  const r = e.getBoundingClientRect();
  const bar = document.querySelector('.editor__actions').getBoundingClientRect();
  return r.bottom > bar.top + 1 && r.top < bar.bottom ? (e.id || e.tagName) : null;
}"""


def test_tabbing_the_review_at_375px_never_hides_the_field_under_the_sticky_bar(
    page: Page,
    live_server,
    office,  # noqa: F811
    axe_check,
):
    """The review's "Tạo dự thảo" bar sticks to the foot of the screen: tabbing down the
    fields on a phone, the field in focus went under it (Loại văn bản, Người ký, ...)."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("nv.thanhpho")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Nhập văn bản").first.click()
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    page.get_by_label("Dán nội dung văn bản").fill(text)
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.get_by_role("heading", name="Kiểm tra các trường đọc được")).to_be_visible()
    page.locator("#id_issuer").focus()
    hidden = []
    for _ in range(30):
        name = page.evaluate(OBSCURED)
        if name:
            hidden.append(name)
        page.keyboard.press("Tab")
    assert hidden == []

    # Left without a draft, the import is found again on "Nhập văn bản"
    page.get_by_role("link", name="Nhập văn bản khác").click()
    listed = page.get_by_role("table").get_by_role("link", name="Văn bản dán")
    expect(listed).to_be_visible()
    axe_check(page, "nhập văn bản, danh sách đã nhập")
    listed.click()
    expect(page.get_by_role("heading", name="Kiểm tra các trường đọc được")).to_be_visible()


def test_the_reading_page_updates_in_place_and_keeps_the_keyboard_focus(
    page: Page,
    live_server,
    office,  # noqa: F811
):
    """The page reloaded itself every 2 s: focus and a screen reader's place went back to
    the top each time. It now updates its progress in place, then opens the review."""
    from campaigns.importer import parse_text
    from campaigns.models import ImportedDocument

    imported = ImportedDocument.objects.create(
        uploaded_by=office,
        original_name="ban-quet.pdf",
        status=ImportedDocument.Status.READING,
        scanned=True,
        pages_total=3,
    )
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("nv.thanhpho")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(live_server.url + f"/quan-ly/nhap-van-ban/{imported.pk}/")
    expect(page.get_by_text("Đã đọc 0/3 trang")).to_be_visible()
    page.get_by_role("link", name="Nhập văn bản", exact=True).first.focus()
    ImportedDocument.objects.filter(pk=imported.pk).update(pages_done=2)
    expect(page.get_by_text("Đã đọc 2/3 trang")).to_be_visible(timeout=8000)
    page.wait_for_timeout(2500)
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Nhập văn bản"

    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    ImportedDocument.objects.filter(pk=imported.pk).update(
        status=ImportedDocument.Status.READY, text=text, parsed=parse_text(text).to_dict()
    )
    expect(page.get_by_role("heading", name="Kiểm tra các trường đọc được")).to_be_visible(
        timeout=8000
    )
