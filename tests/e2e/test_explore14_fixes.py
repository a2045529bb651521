"""The public portal and a clerk's pages in Chromium, as walked in decision 0080."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_printed_decision_page_says_which_decision_it_is(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """Printing a public decision's page gave a sheet with only "Danh sách khen thưởng kèm
    theo quyết định" and the names: the print style hid the box holding the number, date,
    issuer and subject (it is meant for a campaign's page, whose printed text carries
    them). The download button is still left off paper."""
    decision = issued_decision(world, passed_nominations(world, 2))
    page.set_viewport_size({"width": 768, "height": 900})
    page.goto(f"{live_server.url}/quyet-dinh/{decision.pk}/")
    page.emulate_media(media="print")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_visible()
    expect(heading).to_contain_text(f"Quyết định số {decision.number_symbol}")
    expect(page.get_by_text("Về việc tặng danh hiệu Lao động tiên tiến")).to_be_visible()
    expect(page.get_by_role("link", name="Tải quyết định (PDF)")).to_be_hidden()
    expect(page.get_by_role("table")).to_be_visible()


# How much of each filter box's chosen text is cut off: its width in the box's own font
# against the room the box gives it (padding and the arrow taken off).
CUT_TEXT = """() => [...document.querySelectorAll('.filters select')].map(box => {
  const style = getComputedStyle(box);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = box.options[box.selectedIndex].text;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  return [text, Math.round(ctx.measureText(text).width - room)];
}).filter(([, cut]) => cut > 0)"""


def test_the_portals_filters_show_their_choices_whole_on_a_tablet(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """At 768 px the four filters of the list of campaigns stood in four narrow columns:
    "Tất cả trạng thá", "Tất cả hình thứ" (the choice cut by the box's arrow)."""
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(live_server.url + "/")
    expect(page.get_by_label("Trạng thái")).to_be_visible()
    assert page.evaluate(CUT_TEXT) == []
    page.set_viewport_size({"width": 1280, "height": 900})  # four a row still on a desktop
    tops = page.evaluate(
        "[...document.querySelectorAll('.filters__row > *')].map(f => f.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1


def test_a_clerk_on_a_phone_sees_their_own_work_first_in_the_header(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """At 375 px the header's strip showed the four public links first ("Phong trào, Lấy ý
    kiến, Quyết định, Vin…"): a unit's clerk saw none of "Quản lý", "Đăng ký, báo cáo" or
    "Khen thưởng" without first finding that the strip scrolls sideways."""
    from tests.e2e.people import log_in

    page.set_viewport_size({"width": 375, "height": 812})
    log_in(page, live_server.url, "cb.binhlu")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    for name in ("Quản lý", "Đăng ký, báo cáo", "Khen thưởng"):
        box = nav.get_by_role("link", name=name, exact=True).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, name
    # the public pages are still in the strip, after the clerk's own
    texts = nav.locator("a").all_inner_texts()
    assert texts.index("Khen thưởng") < texts.index("Phong trào")
