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
