"""The unit's list of nominations on a 390 px phone (decision 0089): each nomination's
status stands under the nominee's name, within the screen, not in the fifth column
scrolled off to the right; on a desktop the status column is where it was."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

# Each visible status chip: its text and its box's left and right edges.
BOXES = """chips => chips.filter(c => c.getClientRects().length).map(c => {
    const r = c.getBoundingClientRect();
    return [c.textContent.trim(), r.left, r.right];
})"""


def test_the_status_of_each_nomination_is_on_screen_on_a_phone(
    page: Page,
    live_server,
    world,  # noqa: F811
    screenshot_dir,
):
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/")
    rows = page.locator("main table tbody tr")
    expect(rows.first).to_be_visible()
    chips = page.locator("main table .badge").evaluate_all(BOXES)
    page.screenshot(path=str(screenshot_dir / "nomination-status-390.png"), full_page=True)
    assert len(chips) == rows.count() >= 5  # one status a row, each seen once
    assert "Đủ điều kiện, chờ Hội đồng" in [text for text, _, _ in chips]
    off_screen = [text for text, left, right in chips if left < 0 or right > 390]
    assert off_screen == []
    # the status is in the nominee's cell, under the name
    first = rows.first.locator("td").nth(1)
    expect(first.locator(".badge")).to_be_visible()
    expect(page.locator("main table th", has_text="Trạng thái")).to_be_hidden()

    # a desktop: the status column, no chip under the name
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator("main table th", has_text="Trạng thái")).to_be_visible()
    expect(first.locator(".badge")).to_be_hidden()
    assert page.locator("main table .badge").evaluate_all(BOXES).__len__() == rows.count()
    fifth = rows.first.locator("td").nth(4).locator(".badge")
    expect(fifth).to_be_visible()
