"""Leftovers of the last review (decision 0040), walked in the browser: the honour
roll's search leaves the keyboard on its results, and the staff header on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from awards.models import AwardType

pytestmark = pytest.mark.django_db(transaction=True)


def focused(page: Page) -> dict:
    return page.evaluate(
        "() => ({tag: document.activeElement.tagName, "
        "text: document.activeElement.innerText.trim()})"
    )


def test_a_search_on_the_honour_roll_puts_the_keyboard_on_its_results(
    page: Page, live_server, reference_data
):
    """A visitor types a name and presses Enter: the page comes back with the results,
    and the keyboard (and a screen reader) starts at "Kết quả", not at the top of the
    page with the whole header to Tab through again."""
    assert AwardType.objects.exists()
    base = live_server.url
    page.goto(base + "/vinh-danh/")
    assert focused(page)["tag"] == "BODY"  # a first visit starts at the top, as ever
    page.get_by_label("Tên người, đơn vị").fill("Lò Thị")
    page.get_by_label("Tên người, đơn vị").press("Enter")
    heading = page.get_by_role("heading", name="Kết quả: 0")
    expect(heading).to_be_focused()
    # the next Tab goes on from the results, never back through the header
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('header')")


def test_the_staff_header_is_compact_on_a_phone_and_every_link_is_reached_by_tab(
    page: Page, live_server, reference_data, django_user_model
):
    """On a 375 × 667 phone the header of a user with every role took 260 px, the third
    of the screen, before any of the page. It now fits in 120 px, and Tab still reaches
    every link of the navigation, each scrolled into sight as it takes the focus."""
    from tests.e2e.people import log_in, user
    from units.demo import load_units
    from units.models import Membership

    units = load_units()
    clerk = user(
        django_user_model,
        "nv.tamduong",
        units["ubnd-tam-duong"],
        Membership.Role.OFFICE_STAFF,
        "Nguyễn Thị Hoa Hồng Nhung",
    )
    Membership.objects.create(
        user=clerk, unit=units["ubnd-x-binh-lu"], role=Membership.Role.UNIT_STAFF
    )
    clerk.is_staff = True
    clerk.save()
    page.set_viewport_size({"width": 375, "height": 667})
    log_in(page, live_server.url, "nv.tamduong")

    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= 120, f"the header takes {height} px of 667"

    nav = page.get_by_role("navigation", name="Điều hướng chính")
    wanted = nav.locator("a, button").all_inner_texts()
    assert len(wanted) >= 10 and "Đăng xuất" in wanted
    page.locator("body").focus()
    reached = []
    for _ in range(len(wanted) + 5):  # the skip link, the brand, then the navigation
        page.keyboard.press("Tab")
        state = page.evaluate(
            """async () => {
              await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              const e = document.activeElement, r = e.getBoundingClientRect();
              return {inNav: !!e.closest('.site-nav'), text: e.innerText.trim(),
                      seen: r.width > 0 && r.left >= 0 && r.right <= innerWidth + 1
                            && r.top >= 0 && r.bottom <= innerHeight};
            }"""
        )
        if state["inNav"]:
            assert state["seen"], f"{state['text']} takes the focus out of sight"
            reached.append(state["text"])
    assert reached == wanted
