"""The office moves a session set for a wrong day, then a member votes on the same day;
another session is cancelled and its dossier waits again (decision 0021, third round)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards import services
from awards.models import CouncilSession
from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import Dialogs, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_office_moves_a_session_to_today_and_a_member_votes(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    base = live_server.url
    today = timezone.localdate()
    services.session_create(
        actor=world["office"],
        issuer=world["district"],
        title="Phiên họp gõ nhầm ngày",
        held_on=today + datetime.timedelta(days=7),
        members=world["council"],
        nominations=[world["appraised"]],
    )
    Dialogs(page).answer = True

    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Phiên họp Hội đồng", exact=True).click()
    page.get_by_role("link", name="Phiên họp gõ nhầm ngày").click()
    page.get_by_text("Đổi ngày họp", exact=True).first.click()  # the <summary>
    axe_check(page, "đổi ngày họp")
    page.get_by_label("Ngày họp mới").fill(today.strftime("%d/%m/%Y"))
    page.get_by_label("Lý do đổi ngày").fill("Gõ nhầm ngày họp")
    page.get_by_role("button", name="Đổi ngày họp").click()
    expect(page.get_by_text(f"Đã đổi ngày họp sang {today:%d/%m/%Y}.")).to_be_visible()

    log_in(page, base, "hd1")
    page.get_by_role("link", name="Phiên họp gõ nhầm ngày").click()
    row = page.get_by_role("row", name=re.compile("Lò Văn Chờ Họp"))
    expect(row.get_by_role("button", name="Bỏ phiếu")).to_be_visible()
    assert CouncilSession.objects.get(title="Phiên họp gõ nhầm ngày").held_on == today


def test_the_office_cancels_a_session_and_the_dossier_waits_again(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    base = live_server.url
    services.session_create(
        actor=world["office"],
        issuer=world["district"],
        title="Phiên họp sẽ hủy",
        held_on=timezone.localdate() + datetime.timedelta(days=7),
        members=world["council"],
        nominations=[world["appraised"]],
    )
    Dialogs(page).answer = True

    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Phiên họp Hội đồng", exact=True).click()
    page.get_by_role("link", name="Phiên họp sẽ hủy").click()
    page.get_by_text("Đổi ngày họp", exact=True).first.click()
    page.get_by_label("Lý do hủy").fill("Kiện toàn lại Hội đồng")
    page.get_by_role("button", name="Hủy phiên họp").click()
    expect(
        page.get_by_text("Đã hủy phiên họp; các hồ sơ chờ đưa ra phiên họp khác.")
    ).to_be_visible()
    expect(page.get_by_text(re.compile("Lý do hủy: Kiện toàn lại Hội đồng"))).to_be_visible()
    expect(page.get_by_role("button", name="Kết thúc phiên họp")).to_have_count(0)
    axe_check(page, "phiên họp đã hủy")
    session = CouncilSession.objects.get(title="Phiên họp sẽ hủy")
    assert session.status == CouncilSession.Status.CANCELLED
