"""What a new user still met in Chromium in issue 14's fourth exploration round (the
`explore` branch again: decision 0027). Each test walks to where the person noticed it
and checks what they now see."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_explore_fixes import log_in, world  # noqa: F401 (fixture)
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_certificates_link_names_what_it_prints(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A decision giving only the title Lao động tiên tiến offered "In giấy khen, bằng
    khen (PDF)", although every page it prints is a certificate of the title."""
    decision = issued_decision(world, passed_nominations(world, 2))
    log_in(page, live_server.url, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("navigation", name="Khen thưởng").get_by_role(
        "link", name="Quyết định", exact=True
    ).click()
    page.get_by_role("link", name=decision.number_symbol).click()
    link = page.get_by_role("link", name="In giấy chứng nhận danh hiệu (PDF)")
    expect(link).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("giấy khen|bằng khen"))).to_have_count(0)
    axe_check(page, "quyết định danh hiệu")
