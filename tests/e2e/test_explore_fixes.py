"""What a new user of each role still met in Chromium after issue 14's first round (the
`explore` branch): each test walks to where the person noticed it, by links, and checks
what they now see."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards.models import Decision, Nomination, Vote
from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from campaigns.results import services as results
from tests.awards_stage import build_stage
from tests.e2e.people import district_cycle, log_in
from units.demo import load_units


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    campaigns = load_seed_campaigns(units)
    district, commune = units["ubnd-tam-duong"], units["ubnd-x-binh-lu"]

    cycle = district_cycle(django_user_model, district, commune)
    stage = build_stage(cycle)
    today = timezone.localdate()
    campaign = campaigns["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=today + datetime.timedelta(days=90),
        registration_deadline=today + datetime.timedelta(days=10),
    )
    campaign.refresh_from_db()
    results.criterion_add(
        actor=cycle["office"],
        campaign=campaign,
        name="Thu ngân sách trên địa bàn",
        kind="numeric",
        measure="%",
        target=Decimal("80.5"),
    )
    results.criterion_add(
        actor=cycle["office"], campaign=campaign, name="Hoàn thành kế hoạch", kind="boolean"
    )
    return {**stage, "campaign": campaign}


class Dialogs:
    """Answers the browser's confirmation questions as told, and keeps them."""

    def __init__(self, page: Page):
        self.asked: list[str] = []
        self.answer = False
        page.on("dialog", self._on)

    def _on(self, dialog) -> None:
        self.asked.append(dialog.message)
        dialog.accept() if self.answer else dialog.dismiss()


def test_every_step_that_cannot_be_undone_asks_first(page: Page, live_server, world, axe_check):
    """Sending a nomination, withdrawing it, a council vote, forwarding to the higher level
    and withdrawing a draft decision cannot be undone: each asks first, naming what it
    does, and answering "Hủy" leaves everything as it was."""
    base = live_server.url
    dialogs = Dialogs(page)

    # unit staff: the draft, from the dashboard
    log_in(page, base, "cb.binhlu")
    page.get_by_role("link", name=re.compile("Lò Văn Dự Thảo")).click()
    page.get_by_role("button", name="Gửi", exact=True).click()
    assert dialogs.asked[-1].startswith("Gửi hồ sơ Lò Văn Dự Thảo đến cơ quan thường trực?")
    page.get_by_text("Rút hồ sơ").click()
    page.get_by_role("textbox", name="Lý do", exact=True).fill("Nhầm người")
    page.get_by_role("button", name="Rút", exact=True).click()
    assert dialogs.asked[-1].startswith("Rút hồ sơ Lò Văn Dự Thảo?")
    axe_check(page, "hồ sơ dự thảo")
    world["draft"].refresh_from_db()
    assert world["draft"].status == Nomination.Status.DRAFT  # both answered "Hủy"

    # a council member: the vote is final
    log_in(page, base, "hd1")
    page.get_by_role("link", name="Phiên họp đang mở").click()
    row = page.get_by_role("row", name=re.compile("Lò Văn Bình Xét"))
    row.get_by_role("radio", name="Đồng ý", exact=True).check()
    row.get_by_role("button", name="Bỏ phiếu").click()
    assert dialogs.asked[-1] == "Bỏ phiếu cho Lò Văn Bình Xét? Phiếu đã bỏ không sửa được."
    assert not Vote.objects.exists()
    dialogs.answer = True
    row.get_by_role("button", name="Bỏ phiếu").click()
    expect(page.get_by_text("Đã ghi phiếu của bạn.")).to_be_visible()
    dialogs.answer = False

    # the office: forwarding, and withdrawing a draft decision
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name=re.compile("Lò Văn Trình Tỉnh")).click()
    page.get_by_role("button", name="Trình cấp trên").click()
    assert dialogs.asked[-1].startswith("Trình cấp trên hồ sơ Lò Văn Trình Tỉnh?")
    world["beyond"].refresh_from_db()
    assert world["beyond"].status == Nomination.Status.PASSED
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Quản lý", exact=True
    ).click()
    page.get_by_role("link", name="Về việc tặng Giấy khen").click()
    page.get_by_text("Rút dự thảo", exact=True).first.click()
    page.get_by_label("Lý do").fill("Lập lại")
    page.get_by_role("button", name="Rút dự thảo").click()
    assert dialogs.asked[-1].startswith("Rút dự thảo quyết định?")
    assert Decision.objects.get(pk=world["decision"].pk).status == Decision.Status.DRAFT
    assert len(dialogs.asked) == 6  # the vote asked twice


def test_a_unit_reopens_and_corrects_its_registration(page: Page, live_server, world, axe_check):
    """Once registered, the unit's campaigns page led nowhere: the targets sent could not be
    read again, nor a typo corrected before the deadline. The form also wrote the common
    target as "80.50" and gave no hint for a pass/fail criterion."""
    base, campaign = live_server.url, world["campaign"]
    log_in(page, base, "cb.binhlu")
    page.get_by_role("link", name=re.compile("^Đăng ký: ")).click()
    target = page.get_by_label(re.compile("^Thu ngân sách trên địa bàn"))
    expect(page.locator("main")).to_contain_text(
        "Thu ngân sách trên địa bàn (%) — chỉ tiêu chung 80,5"
    )
    # a pass/fail criterion is a choice of two words in a group named by it (decision
    # 0096), reached and chosen with the keyboard alone
    expect(page.locator("main")).not_to_contain_text("1 = cam kết đạt")
    choice = page.get_by_role("group", name="Hoàn thành kế hoạch")
    expect(choice.get_by_role("radio")).to_have_count(2)
    committed = choice.get_by_role("radio", name="Cam kết đạt", exact=True)
    target.fill("58")  # meant 85
    target.focus()
    page.keyboard.press("Tab")
    expect(committed).to_be_focused()
    page.keyboard.press("Space")
    expect(committed).to_be_checked()
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_text("Đã đăng ký thi đua.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile(campaign.subject[:30]))
    row.get_by_role("link", name="Xem, sửa đăng ký").click()
    expect(page.get_by_text("Đơn vị đã đăng ký lúc")).to_be_visible()
    expect(target).to_have_value("58")
    expect(committed).to_be_checked()  # stored 1, shown as the word chosen
    axe_check(page, "sửa đăng ký")
    target.fill("85,5")
    page.get_by_role("button", name="Lưu đăng ký").click()
    expect(page.get_by_text("Đã đăng ký thi đua.")).to_be_visible()
    registration = campaign.registrations.get(unit=world["commune"])
    assert registration.targets.get(criterion__name="Thu ngân sách trên địa bàn").value == Decimal(
        "85.5"
    )
    assert registration.targets.get(criterion__name="Hoàn thành kế hoạch").value == 1
    # after the deadline: read only, the targets still shown
    Campaign.objects.filter(pk=campaign.pk).update(
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Đăng ký, báo cáo"
    ).click()
    row.get_by_role("link", name="Xem đăng ký").click()
    table = page.get_by_role("table", name="Chỉ tiêu đơn vị đã đăng ký")
    expect(table).to_contain_text("85,5")
    expect(table.get_by_role("row", name=re.compile("^Hoàn thành kế hoạch"))).to_contain_text(
        "Cam kết đạt"
    )
    expect(page.get_by_role("button", name=re.compile("đăng ký", re.I))).to_have_count(0)
