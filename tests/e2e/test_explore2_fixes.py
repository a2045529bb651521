"""What a new user still met in Chromium in issue 14's second exploration round (the
`explore2` branch: the ward's own cycle, the tracking pages, Excel, the public portal,
the admin). Each test walks to where the person noticed it and checks what they now see."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards import services
from awards.models import Nomination
from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import Dialogs, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_session_set_for_a_later_day_offers_no_vote_it_would_refuse(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A session planned for a later day showed every member the ballot and the office
    "Kết thúc phiên họp"; both were then refused ("chưa thể bỏ phiếu", even for the
    close). The page now says when voting opens, in place of the ballot and the button."""
    base = live_server.url
    day = timezone.localdate() + datetime.timedelta(days=3)
    services.session_create(
        actor=world["office"],
        issuer=world["district"],
        title="Phiên họp tuần sau",
        held_on=day,
        members=world["council"],
        nominations=[world["appraised"]],
    )
    Dialogs(page).answer = True
    said = f"Phiên họp diễn ra ngày {day:%d/%m/%Y}: chưa thể bỏ phiếu."

    log_in(page, base, "hd1")
    page.get_by_role("link", name="Phiên họp tuần sau").click()
    row = page.get_by_role("row", name=re.compile("Lò Văn Chờ Họp"))
    expect(row.get_by_text(said)).to_be_visible()
    expect(row.get_by_role("button", name="Bỏ phiếu")).to_have_count(0)
    axe_check(page, "phiên họp chưa đến ngày")

    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Phiên họp Hội đồng", exact=True).click()
    page.get_by_role("link", name="Phiên họp tuần sau").click()
    expect(page.get_by_role("button", name="Kết thúc phiên họp")).to_have_count(0)
    expect(
        page.get_by_text(f"Phiên họp diễn ra ngày {day:%d/%m/%Y}: chỉ kết thúc được từ ngày họp.")
    ).to_be_visible()
    world["appraised"].refresh_from_db()
    assert world["appraised"].status == Nomination.Status.APPRAISED
