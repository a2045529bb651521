"""Small things users hit in forms and lists (decision 0086), walked in Chromium: the
nomination form shows only the chosen kind's boxes, and the status chips stay on one
line on a 360 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

# The boxes of each kind of nominee (their ids), as the clerk sees them.
BOXES = {
    "person": ("#id_nominee_person", "#id_new_person_name", "#id_new_person_position"),
    "unit": ("#id_nominee_unit", "#id_member_count", "#id_members_advanced"),
    "household": ("#id_nominee_household",),
}


def focusable(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { el.focus(); return document.activeElement === el; }"
    )


def only_shown(page: Page, kind: str) -> None:
    for other, boxes in BOXES.items():
        group = page.locator(f'fieldset.nominee-group[data-nominee-kind="{other}"]')
        if other == kind:
            expect(group).to_be_visible()
            expect(group.locator("legend")).to_be_visible()
        else:
            expect(group).to_be_hidden()
            for box in boxes:
                expect(page.locator(box)).to_be_hidden()
                assert not focusable(page, box), (kind, box)


def test_switching_the_nominees_kind_shows_only_its_boxes(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
    screenshot_dir,
):
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    only_shown(page, "person")  # Cá nhân, the form's first choice
    expect(page.get_by_role("combobox", name="Cá nhân được đề nghị")).to_be_visible()
    page.get_by_text("Người được đề nghị chưa có trong danh sách? Thêm người mới").click()
    expect(page.get_by_label("Họ và tên")).to_be_visible()

    page.get_by_role("radio", name="Tập thể").check()
    only_shown(page, "unit")
    expect(page.get_by_label("Số thành viên của tập thể")).to_be_visible()
    assert focusable(page, "#id_member_count")
    axe_check(page, "đề nghị cho tập thể")
    page.screenshot(path=str(screenshot_dir / "nomination-kind-unit.png"), full_page=True)

    page.get_by_role("radio", name="Hộ gia đình").check()
    only_shown(page, "household")
    expect(page.get_by_label("Hộ gia đình được đề nghị")).to_be_visible()

    page.get_by_role("radio", name="Cá nhân").check()
    only_shown(page, "person")


def test_without_javascript_every_kinds_boxes_show(
    browser,
    live_server,
    world,  # noqa: F811
):
    """Progressive enhancement: without the script nothing is hidden, and the server keeps
    only the chosen kind's boxes (tests/test_nomination_kind_boxes.py)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = live_server.url
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("cb.binhlu")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem-2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    for kind in BOXES:
        expect(page.locator(f'fieldset.nominee-group[data-nominee-kind="{kind}"]')).to_be_visible()
    expect(page.locator("#id_member_count")).to_be_visible()
    context.close()


# The number of lines a chip's text takes: one rectangle per line box.
LINES = """els => els.map(el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
  return [el.textContent.trim(), tops.size];
})"""


def test_status_chips_stay_on_one_line_on_a_phone(
    page: Page,
    live_server,
    world,  # noqa: F811
    screenshot_dir,
):
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/")
    chips = page.locator("main .badge:visible")  # the column is hidden on a phone (0089)
    expect(chips.filter(has_text="Đủ điều kiện, chờ Hội đồng").first).to_be_visible()
    lines = chips.evaluate_all(LINES)
    assert len(lines) >= 5
    page.screenshot(path=str(screenshot_dir / "status-chips-360.png"), full_page=True)
    assert [text for text, n in lines if n != 1] == []

    page.goto(f"{base}/quan-ly/khen-thuong/de-nghi/{world['appraised'].pk}/")
    chip = page.locator("main .badge", has_text="Đủ điều kiện, chờ Hội đồng")
    expect(chip).to_be_visible()
    assert chip.evaluate_all(LINES) == [["Đủ điều kiện, chờ Hội đồng", 1]]
