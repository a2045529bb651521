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
