"""The standing office's decision in Chromium (issue 14): a draft is edited, another is
withdrawn with its reason, and the decision is issued with the number and signing date of
the paper register; every step by links from the decisions page, checked by axe-core."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards import services
from awards.models import AwardType, Decision, Nomination
from tests.e2e.people import log_in, user
from tests.factories import attach_files
from units.demo import load_units
from units.models import Membership, Person


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    """Two nominations of the commune passed under the simplified procedure, waiting for
    the district's decision."""
    units = load_units()
    commune, district = units["ubnd-x-binh-lu"], units["ubnd-tam-duong"]

    staff = user(
        django_user_model, "cb.binhlu", commune, Membership.Role.UNIT_STAFF, "Lường Thị Xuân"
    )
    office = user(
        django_user_model, "nv.tamduong", district, Membership.Role.OFFICE_STAFF, "Nguyễn Thị Hoa"
    )
    award = AwardType.objects.get(code="giay-khen-huyen-ca-nhan")
    for name in ("Lò Thị Én", "Tòng Văn Lực"):
        person = Person.objects.create(
            full_name=name, unit=commune, gender="female", position="Trưởng bản"
        )
        n = services.nomination_create(
            actor=staff,
            nomination=Nomination(
                award_type=award,
                nominee_person=person,
                nominating_unit=commune,
                year=2025,
                commendation_kind=Nomination.CommendationKind.UNSCHEDULED,
                simplified=True,
                achievement_summary="Cứu người trong lũ quét tháng 6 năm 2025.",
            ),
        )
        attach_files(n, actor=staff)
        services.nomination_submit(actor=staff, nomination=n)
        services.nomination_appraise(actor=office, nomination=n, result="eligible")
    return units


def test_a_draft_is_edited_withdrawn_and_issued_with_the_registers_number(
    page: Page, live_server, world, screenshot_dir, axe_check
):
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "nv.tamduong")
    page.goto(base + "/quan-ly/khen-thuong/quyet-dinh/")

    # a first draft, withdrawn: it was made for the wrong nominee
    page.get_by_role("link", name="+ Lập dự thảo quyết định").click()
    page.locator("#id_signer_name").fill("Sùng Lữ Páo")
    page.get_by_label("Lò Thị Én", exact=False).check()
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lập dự thảo quyết định.")).to_be_visible()
    page.get_by_text("Rút dự thảo", exact=True).first.click()  # the <details> summary
    page.get_by_role("button", name="Rút dự thảo").click()
    expect(page.get_by_text("Ghi lý do rút dự thảo.")).to_be_visible()
    page.get_by_label("Lý do rút dự thảo").fill("Lập nhầm: gộp vào quyết định chung.")
    page.get_by_role("button", name="Rút dự thảo").click()
    expect(page.get_by_text("Đã rút dự thảo quyết định")).to_be_visible()
    expect(page.get_by_text("Lý do: Lập nhầm: gộp vào quyết định chung.")).to_be_visible()
    axe_check(page, "dự thảo đã rút")

    # the real draft: both, then edited
    page.locator("nav.subnav").get_by_role("link", name="Quyết định").click()
    page.get_by_role("link", name="+ Lập dự thảo quyết định").click()
    page.locator("#id_subject").fill("Về việc tặng Giấy khen")
    page.locator("#id_signer_name").fill("Sùng Lữ Páo")
    for box in page.locator("input[name=nominations]").all():
        box.check()
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("link", name="Sửa dự thảo").click()
    axe_check(page, "sửa dự thảo")
    page.locator("#id_subject").fill("Về việc tặng Giấy khen cho cá nhân có hành động dũng cảm")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo quyết định.")).to_be_visible()
    expect(
        page.get_by_text("Về việc tặng Giấy khen cho cá nhân có hành động dũng cảm")
    ).to_be_visible()

    # issued with the number and date of the paper register: a date ahead is refused
    expect(page.locator("#id_number")).to_have_value("1")
    expect(page.locator("#id_issued_on")).to_have_value(f"{timezone.localdate():%d/%m/%Y}")
    page.locator("#id_number").fill("215")
    ahead = timezone.localdate() + datetime.timedelta(days=3)  # Vietnam's today
    page.locator("#id_issued_on").fill(f"{ahead:%d/%m/%Y}")
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Ngày ký không được sau hôm nay")).to_be_visible()
    # (a full-page screenshot just before the click kept Chromium from showing the
    # confirmation, so the page is captured first, with the refused date beside its field)
    page.screenshot(path=str(screenshot_dir / "decision-5-issue.png"), full_page=True)
    page.locator("#id_issued_on").fill("26/12/2025")
    page.locator("#id_number").focus()
    axe_check(page, "ban hành quyết định")
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Đã ban hành Quyết định số 215/QĐ-UBND.")).to_be_visible()
    expect(page.get_by_role("link", name="Sửa dự thảo")).to_have_count(0)
    decision = Decision.objects.get(number=215)
    assert decision.issued_on == datetime.date(2025, 12, 26) and decision.year == 2025
    assert sorted(decision.grants.values_list("register_number", flat=True)) == [1, 2]
    assert Decision.objects.get(status=Decision.Status.WITHDRAWN).archived
