"""What a new user still met in Chromium in issue 14's fifth exploration round (the
`explore5` branch: decision 0033). Each test walks to where the person noticed it and
checks what they now see."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from campaigns.demo import load_seed_campaigns
from campaigns.results import services as results
from tests.e2e.people import log_in, user
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)
from units.demo import load_units
from units.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bloc_world(live_server, reference_data, django_user_model):
    units = load_units()
    campaign = load_seed_campaigns(units)["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=60)
    campaign.save()
    district, binh_lu, son_binh = (
        units["ubnd-tam-duong"],
        units["ubnd-x-binh-lu"],
        units["ubnd-x-son-binh"],
    )
    office = user(
        django_user_model, "nv.tamduong", district, Membership.Role.OFFICE_STAFF, "nv.tamduong"
    )
    binhlu = user(django_user_model, "cb.binhlu", binh_lu, Membership.Role.UNIT_STAFF, "cb.binhlu")
    bloc = results.bloc_create(
        actor=office,
        issuer=district,
        year=campaign.end_date.year,
        name="Khối các xã vùng thấp",
        head=binh_lu,
        members=[binh_lu, son_binh],
    )
    return {"campaign": campaign, "bloc": bloc, "binhlu": binhlu, "binhlu_unit": binh_lu}


def test_bloc_scores_are_written_as_people_write_them(
    page: Page, live_server, bloc_world, axe_check
):
    """The head of a bloc typed "85,5" and read back "85.50" in the box, "85,50" in the
    history, "90,00" in the ranking, and "đã ghi là 90.00" when changing it without a
    reason; saving the empty form said "Đã lưu điểm." though nothing was written."""
    base, campaign = live_server.url, bloc_world["campaign"]
    log_in(page, base, "cb.binhlu")
    page.get_by_role("link", name="Khối thi đua, chấm điểm").click()
    page.get_by_role("link", name=campaign.subject[:80]).first.click()

    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.get_by_text("Chưa ghi điểm nào: điền điểm vào ít nhất một ô.")).to_be_visible()
    expect(page.get_by_text("Đã lưu điểm.")).to_have_count(0)

    page.get_by_label("Tự chấm UBND xã Bình Lư").fill("85,5")
    page.get_by_label("Điểm thống nhất UBND xã Bình Lư").fill("90")
    page.get_by_label("Điểm thống nhất UBND xã Sơn Bình").fill("78,25")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.get_by_text("Đã lưu điểm.")).to_be_visible()
    expect(page.get_by_label("Tự chấm UBND xã Bình Lư")).to_have_value("85,5")
    expect(page.get_by_label("Điểm thống nhất UBND xã Bình Lư")).to_have_value("90")
    main = page.locator("main")
    ranking = page.get_by_role("table", name="Xếp hạng theo điểm thống nhất")
    expect(ranking.locator("tbody tr").first).to_have_text("1UBND xã Bình Lư90")
    expect(ranking.locator("tbody tr").nth(1)).to_have_text("2UBND xã Sơn Bình78,25")
    history = page.get_by_role("table", name="Các lần ghi, sửa điểm")
    expect(history).to_contain_text("85,5")
    expect(main).not_to_contain_text("85,50")
    expect(main).not_to_contain_text("90,00")

    page.get_by_label("Điểm thống nhất UBND xã Bình Lư").fill("91")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(
        page.get_by_text("Điểm thống nhất của UBND xã Bình Lư đã ghi là 90: cần ghi lý do khi sửa.")
    ).to_be_visible()
    axe_check(page, "chấm điểm khối")

    # the office reads the same figures on the campaign's results
    log_in(page, base, "nv.tamduong")
    page.goto(f"{base}/quan-ly/theo-doi/phong-trao/{campaign.pk}/")
    ranking = page.get_by_role("table", name=re.compile("Khối các xã vùng thấp"))
    expect(ranking).to_contain_text("90")
    expect(ranking).to_contain_text("85,5")
    expect(ranking).not_to_contain_text("90,00")


@pytest.fixture
def fund_world(live_server, reference_data, django_user_model):
    from awards import money

    units = load_units()
    district = units["ubnd-tam-duong"]
    office = user(
        django_user_model, "nv.tamduong", district, Membership.Role.OFFICE_STAFF, "Nguyễn Thị Hoa"
    )
    fund = money.fund_open(actor=office, issuer=district, year=timezone.localdate().year)
    return {"fund": fund}


def open_fund(page: Page, base: str) -> None:
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Quỹ thi đua, khen thưởng", exact=True).click()
    page.get_by_role("link", name=str(timezone.localdate().year), exact=True).click()


def test_back_then_record_again_does_not_write_the_fund_line_twice(
    page: Page, live_server, fund_world
):
    """The fund's line of budget, sent again (Back, then "Ghi vào sổ quỹ"; or a double
    click), was written twice: 100.000.000 đồng in the book for a budget of 50.000.000."""
    base, today = live_server.url, timezone.localdate()
    open_fund(page, base)
    page.get_by_label("Số tiền (đồng)").fill("50000000")
    page.get_by_label("Ngày").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Nội dung").fill("Dự toán năm theo Quyết định 12/QĐ-UBND")
    page.get_by_role("button", name="Ghi vào sổ quỹ").click()
    expect(page.get_by_text("Đã ghi vào sổ quỹ.")).to_be_visible()
    page.go_back()
    expect(page.get_by_label("Số tiền (đồng)")).to_have_value("50000000")
    page.get_by_role("button", name="Ghi vào sổ quỹ").click()
    expect(page.get_by_text("đã được gửi và lưu trước đó")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Sổ quỹ"))).to_contain_text("(1 dòng)")
    expect(page.locator("[data-fund-balance]")).to_have_text("50.000.000")
    assert fund_world["fund"].entries.count() == 1


def test_a_mistyped_fund_line_is_cancelled_by_a_line_of_its_own(
    page: Page, live_server, fund_world, axe_check
):
    """A budget typed 500.000.000 for 50.000.000 stayed in the book for good: a line is
    never edited or deleted, and the form takes only amounts above 0, so nothing could
    set it right. The office now cancels it with a reason: a line of the opposite sign,
    pointing to it, keeps both in the book and the figures right."""
    base, today = live_server.url, timezone.localdate()
    open_fund(page, base)
    page.get_by_label("Số tiền (đồng)").fill("500000000")
    page.get_by_label("Ngày").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Nội dung").fill("Dự toán năm theo Quyết định 12/QĐ-UBND")
    page.get_by_role("button", name="Ghi vào sổ quỹ").click()
    expect(page.get_by_text("Đã ghi vào sổ quỹ.")).to_be_visible()

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hủy dòng ghi sai").click()  # no reason
    expect(page.get_by_text("Ghi lý do hủy dòng.")).to_be_visible()
    expect(page.get_by_label("Dòng ghi sai")).to_contain_text(
        f"{today:%d/%m/%Y} — Dự toán được giao — 500.000.000 đồng"
    )
    page.get_by_label("Lý do hủy dòng").fill("Ghi nhầm số tiền: dự toán là 50 triệu")
    page.get_by_role("button", name="Hủy dòng ghi sai").click()
    expect(page.get_by_text("Đã hủy dòng ghi sai")).to_be_visible()

    book = page.get_by_role("table", name=re.compile("Sổ quỹ"))
    expect(book).to_contain_text("(2 dòng)")
    expect(book).to_contain_text(f"Hủy dòng ghi sai ngày {today:%d/%m/%Y}")
    expect(book).to_contain_text("-500.000.000")
    expect(page.locator("[data-fund-balance]")).to_have_text("0")
    expect(page.locator("main")).to_contain_text("Dự toán được giao: 0 đồng")
    expect(page.get_by_role("button", name="Hủy dòng ghi sai")).to_have_count(0)
    axe_check(page, "sổ quỹ có dòng hủy")

    page.get_by_label("Số tiền (đồng)").fill("50000000")
    page.get_by_label("Ngày").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Nội dung").fill("Dự toán năm theo Quyết định 12/QĐ-UBND")
    page.get_by_role("button", name="Ghi vào sổ quỹ").click()
    expect(page.locator("[data-fund-balance]")).to_have_text("50.000.000")


@pytest.fixture
def overdue_world(live_server, reference_data, django_user_model):
    from campaigns.models import Campaign

    units = load_units()
    campaign = load_seed_campaigns(units)["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    user(
        django_user_model,
        "nv.tamduong",
        units["ubnd-tam-duong"],
        Membership.Role.OFFICE_STAFF,
        "Nguyễn Thị Hoa",
    )
    campaign.refresh_from_db()
    return {"campaign": campaign}


def test_a_campaign_past_its_end_reads_as_still_to_be_closed_on_its_own_page(
    page: Page, live_server, overdue_world, axe_check
):
    """The dashboard said "Đã hết thời gian: cần kết thúc"; the campaign's page said
    "Trạng thái: Đã kết thúc" (the public's word) and yet offered "Kết thúc phong trào",
    with no "Tổng kết": a new clerk read it as closed and looked for the summary in vain."""
    base, campaign = live_server.url, overdue_world["campaign"]
    end = campaign.end_date
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name=re.compile(re.escape(campaign.subject[:40]))).first.click()
    status = page.locator(".summary__grid dd").nth(1)
    expect(status).to_have_text(
        f"Đã phát động (đã hết thời gian ngày {end:%d/%m/%Y}, chưa kết thúc)"
    )
    expect(page.locator("main")).to_contain_text(
        "Bấm “Kết thúc phong trào” rồi “Tổng kết” để lập báo cáo tổng kết."
    )
    axe_check(page, "phong trào hết thời gian")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kết thúc phong trào").click()
    expect(status).to_have_text("Đã kết thúc")
    expect(page.get_by_role("link", name="Tổng kết", exact=True)).to_be_visible()


def test_the_office_corrects_a_bloc_set_up_wrong(page: Page, live_server, bloc_world, axe_check):
    """A bloc created with the wrong head, a member missing and a misspelt name stayed so
    for the year: no page changed a bloc, and a second bloc with its members was refused
    ("Đơn vị đã thuộc một khối khác"). The office now corrects it on "Sửa khối"; a member
    that has a score already cannot be taken out."""
    base, campaign, bloc = live_server.url, bloc_world["campaign"], bloc_world["bloc"]
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khối thi đua", exact=True).first.click()
    page.get_by_role("link", name="Sửa khối Khối các xã vùng thấp").click()
    expect(page.get_by_label("Tên khối")).to_have_value("Khối các xã vùng thấp")
    page.get_by_label("Tên khối").fill("Khối các xã vùng thấp phía Nam")
    page.get_by_label("Đơn vị trưởng khối").select_option(label="UBND xã Sơn Bình")
    page.get_by_label("UBND thị trấn Tam Đường").check()
    axe_check(page, "sửa khối thi đua")
    page.get_by_role("button", name="Lưu khối").click()
    expect(page.get_by_text("Đã sửa khối thi đua.")).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text("Khối các xã vùng thấp phía Nam")
    expect(main).to_contain_text("Trưởng khối: UBND xã Sơn Bình.")
    expect(main).to_contain_text("UBND thị trấn Tam Đường")

    results.score_enter(
        actor=bloc_world["binhlu"],
        campaign=campaign,
        bloc=bloc,
        unit=bloc_world["binhlu_unit"],
        kind="self",
        points=80,
    )
    page.get_by_role("link", name="Sửa khối Khối các xã vùng thấp phía Nam").click()
    page.get_by_label("UBND xã Bình Lư").uncheck()
    page.get_by_role("button", name="Lưu khối").click()
    expect(
        page.get_by_text("Đơn vị đã có điểm chấm trong khối, không bỏ ra được: UBND xã Bình Lư.")
    ).to_be_visible()
    assert bloc.members.filter(pk=bloc_world["binhlu_unit"].pk).exists()


def test_a_return_without_its_reason_keeps_the_choice_and_says_so_beside_the_reason(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """The office chose "Trả lại để bổ sung", forgot the reason and confirmed: the page
    came back with "Cần ghi lý do…" at its top and the choice cleared, so the reason typed
    next was sent with no result (the browser asked to pick one again). The choice and
    the text now stay, and the reason's box says what it needs."""
    base = live_server.url
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name=re.compile("Hồ sơ chờ thẩm định")).click()
    page.get_by_role("link", name="Lò Văn Đã Gửi").click()
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Trả lại để bổ sung").check()
    page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    reason = page.locator(".field", has=page.get_by_label("Ý kiến, lý do"))
    expect(reason).to_contain_text("Cần ghi lý do khi trả lại hoặc không đủ điều kiện.")
    expect(page.get_by_label("Trả lại để bổ sung")).to_be_checked()
    axe_check(page, "thẩm định thiếu lý do")
    page.get_by_label("Ý kiến, lý do").fill("Bổ sung bản xác nhận của thủ trưởng đơn vị.")
    page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    expect(page.get_by_text("Đã ghi kết quả thẩm định.")).to_be_visible()
    expect(page.locator(".summary, main").first).to_contain_text("Trả lại")
    # the refused form's address, opened again, is the appraisal page, not an error
    page.goto(f"{base}/quan-ly/khen-thuong/de-nghi/{world['submitted'].pk}/tham-dinh/")
    expect(page.get_by_role("heading", name="Lò Văn Đã Gửi")).to_be_visible()
