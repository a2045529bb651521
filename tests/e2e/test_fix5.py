"""What decision 0033 found and left, fixed afterwards (the `fix5` branch): walked in
Chromium to where a person would notice it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

UNSAVED = "Chưa lưu: xem lỗi ở từng ô bên dưới."


def test_the_submission_is_refused_in_words_then_printed_from_the_forwarded_dossier(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """Typed in by hand with nothing forwarded, the Tờ trình printed "khen thưởng 0 tập
    thể, cá nhân" and an empty table; no link led there from a forwarded dossier."""
    base = live_server.url
    log_in(page, base, "nv.tamduong")
    page.goto(base + "/quan-ly/khen-thuong/to-trinh.pdf")
    expect(
        page.get_by_text(re.compile("Chưa có hồ sơ nào đã chuyển trình cấp trên của UBND huyện"))
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Quyết định khen thưởng")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Tờ trình"))).to_have_count(0)
    axe_check(page, "tờ trình không có hồ sơ")

    page.goto(f"{base}/quan-ly/khen-thuong/tham-dinh/{world['beyond'].pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Trình cấp trên").click()
    # handed to the province (decision 0077): the district's page, read only, leads to
    # its tờ trình, numbered at the forwarding (decision 0083)
    expect(page.get_by_text(re.compile("Đã trình hồ sơ lên cơ quan có thẩm quyền"))).to_be_visible()
    link = page.get_by_role("link", name=re.compile(r"^Tờ trình số 01\/TTr-"))
    expect(link).to_be_visible()
    response = page.request.get(base + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    axe_check(page, "hồ sơ đã trình cấp trên")
    page.get_by_role("navigation", name="Khen thưởng").get_by_role(
        "link", name="Quyết định"
    ).click()
    expect(page.get_by_role("link", name=re.compile(r"^Tờ trình số 01\/TTr-"))).to_be_visible()
    expect(
        page.get_by_role("link", name="Danh sách mọi hồ sơ UBND huyện Tam Đường đã trình (PDF)")
    ).to_be_visible()


def test_a_refused_decision_says_so_at_the_top(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """Refused for want of a signer, the decision form showed the error beside the field
    only: the top of the page looked as if it had been saved."""
    base = live_server.url
    log_in(page, base, "nv.tamduong")
    page.goto(base + "/quan-ly/khen-thuong/quyet-dinh/")
    page.get_by_role("link", name="+ Lập dự thảo quyết định").click()
    page.get_by_role("textbox", name="Người ký:", exact=True).fill("")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_role("alert").filter(has_text=UNSAVED)).to_be_visible()
    signer = page.locator(".field", has=page.get_by_role("textbox", name="Người ký:", exact=True))
    expect(signer.locator(".errorlist")).to_be_visible()  # and beside the field, as before
    axe_check(page, "dự thảo quyết định bị từ chối")


def test_an_empty_nomination_and_a_yearly_one_for_1999(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """The empty form said the nominee was missing twice; a yearly nomination took 1999."""
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/")
    page.get_by_role("link", name="+ Đề nghị mới").click()
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(
        page.get_by_text("Chọn cá nhân được đề nghị, hoặc thêm người mới (ghi họ và tên).")
    ).to_have_count(1)
    expect(page.get_by_text(re.compile("Chọn đúng một đối tượng"))).to_have_count(0)
    expect(page.get_by_role("alert").filter(has_text=UNSAVED)).to_be_visible()
    axe_check(page, "đề nghị trống")

    page.get_by_label("Năm xét").fill("1999")
    page.get_by_role("button", name="Lưu dự thảo").click()
    year = page.locator(".field", has=page.get_by_label("Năm xét"))
    expect(year).to_contain_text(re.compile(r"Năm xét khen thưởng hằng năm phải từ 2000 đến \d{4}"))
