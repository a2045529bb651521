"""Every role's journey in Chromium, by links alone: each begins at the role's dashboard
(the public at the home page) and reaches every task it has by clicking, with no typed
address but the login page; axe-core runs on every page visited, and no page is a raw
error. The data: a district (Tam Đường) with a commune (Bình Lư) that nominates, its
standing office, a council of three and its chairman, one nomination at every step
(tests/awards_stage.py), a running campaign with a deadline, a report period and a bloc,
a citizen's comment, and an issued decision on the public honour roll."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards import services
from awards.models import AwardType
from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign, ReportPeriod
from campaigns.results import services as results
from tests.awards_stage import build_stage, person
from tests.e2e.people import district_cycle, log_in, user
from tests.factories import issued_decision, nominate, passed_nominations
from units.demo import load_units
from units.models import Membership

ERRORS = ("Lỗi hệ thống", "Không tìm thấy trang", "Không có quyền truy cập", "Traceback")


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    campaigns = load_seed_campaigns(units)
    district, commune = units["ubnd-tam-duong"], units["ubnd-x-binh-lu"]

    cycle = district_cycle(django_user_model, district, commune)
    cycle["leader"] = user(
        django_user_model, "ld.tamduong", district, Membership.Role.LEADER, "Sùng Lữ Páo"
    )
    stage = build_stage(cycle)
    office, staff = cycle["office"], cycle["staff"]
    returned = nominate(cycle, person=person(cycle, "Lò Văn Trả Lại"))
    services.nomination_submit(actor=staff, nomination=returned)
    services.nomination_appraise(
        actor=office, nomination=returned, result="returned", note="Thiếu báo cáo thành tích"
    )
    AwardType.objects.filter(code="lao-dong-tien-tien").update(public_notice_days=7)
    noticed = nominate(cycle, person=person(cycle, "Lò Thị Công Khai"))
    services.nomination_submit(actor=staff, nomination=noticed)
    services.nomination_appraise(actor=office, nomination=noticed, result="eligible")
    noticed.refresh_from_db()
    services.comment_add(
        nomination=noticed,
        name="Nguyễn Văn Dân",
        contact="",
        text="Chị Khai rất nhiệt tình.",
        sender_key="e2e",
    )
    issued_decision(cycle, passed_nominations(cycle, 2))

    today = timezone.localdate()
    campaign = campaigns["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=today + datetime.timedelta(days=90),
        registration_deadline=today + datetime.timedelta(days=10),
    )
    campaign.refresh_from_db()
    results.criterion_add(
        actor=office,
        campaign=campaign,
        name="Thu ngân sách trên địa bàn",
        kind="numeric",
        target=Decimal(100),
    )
    ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=today + datetime.timedelta(days=20)
    )
    results.bloc_create(
        actor=office,
        issuer=campaign.issuer,
        year=campaign.year,
        name="Khối các xã vùng thấp",
        head=commune,
        members=[units["ubnd-x-son-binh"]],
    )
    return {**stage, "campaign": campaign, "returned": returned, "noticed": noticed}


class Walk:
    """A person clicking through the site: every page checked for a raw error and by
    axe-core; screenshots for the user guide."""

    def __init__(self, page: Page, axe_check, screenshot_dir, role: str):
        self.page, self.axe, self.folder, self.role = page, axe_check, screenshot_dir, role
        self.visited: list[str] = []

    def check(self, name: str, shot: str | None = None) -> None:
        self.page.wait_for_load_state()
        body = self.page.locator("body").inner_text()
        title = self.page.title()
        assert not any(error in title or error in body[:400] for error in ERRORS), (
            f"{self.role}: {name} là trang lỗi ({title}) tại {self.page.url}"
        )
        self.axe(self.page, f"{self.role}: {name}")
        self.visited.append(self.page.url)
        if shot:
            self.page.screenshot(path=str(self.folder / f"role-{shot}.png"), full_page=True)

    def click(self, locator, name: str, shot: str | None = None) -> None:
        expect(locator).to_be_visible()
        locator.click()
        self.check(name, shot)

    def link(self, text, name: str, *, within=None, exact=False, shot=None) -> None:
        scope = within or self.page
        self.click(scope.get_by_role("link", name=text, exact=exact).first, name, shot)

    def menu(self, text: str) -> None:
        nav = self.page.get_by_role("navigation", name="Điều hướng chính")
        self.click(nav.get_by_role("link", name=text, exact=True), f"menu {text}")

    def subnav(self, text: str) -> None:
        nav = self.page.get_by_role("navigation", name="Khen thưởng")
        self.click(nav.get_by_role("link", name=text, exact=True), f"khen thưởng › {text}")

    def dashboard(self) -> None:
        self.menu("Quản lý")


@pytest.fixture
def walk(page: Page, axe_check, screenshot_dir):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())
    return lambda role: Walk(page, axe_check, screenshot_dir, role)


def test_unit_staff_reach_every_task_from_the_dashboard(page: Page, live_server, world, walk):
    w = walk("cán bộ đơn vị")
    log_in(page, live_server.url, "cb.binhlu")
    w.check("bảng điều khiển", "unit-1-dashboard")
    subject = world["campaign"].subject
    # the registration owed, the campaign's document from it, and back
    w.link(re.compile("^Đăng ký: "), "đăng ký thi đua")
    expect(page.get_by_role("heading", name=re.compile("Đăng ký thi đua"))).to_be_visible()
    w.link(subject[:40], "văn bản phát động (từ trang đăng ký)")
    page.go_back()
    w.link("Quản lý", "về bảng điều khiển", within=page.locator(".breadcrumbs"))
    # the report owed
    w.link(re.compile("^Sơ kết: "), "báo cáo sơ kết")
    w.link("Quản lý", "về bảng điều khiển", within=page.locator(".breadcrumbs"))
    # the nomination returned, to edit; the draft, to send
    w.link(re.compile("Lò Văn Trả Lại"), "hồ sơ bị trả lại", shot="unit-2-returned")
    expect(page.get_by_text("Thiếu báo cáo thành tích").first).to_be_visible()
    w.link("Sửa hồ sơ", "sửa hồ sơ bị trả lại")
    w.dashboard()
    w.link(re.compile("Lò Văn Dự Thảo"), "dự thảo chưa gửi")
    expect(page.get_by_role("button", name="Gửi", exact=True)).to_be_visible()
    w.dashboard()
    w.link("Tất cả đề nghị của đơn vị", "đề nghị của đơn vị")
    w.dashboard()
    w.link("+ Lập đề nghị mới", "lập đề nghị")
    # every campaign addressed to the unit, and its blocs to score
    w.menu("Đăng ký, báo cáo")
    w.link(subject[:40], "văn bản phát động (từ danh sách)")
    w.dashboard()
    w.link("Khối thi đua, chấm điểm", "khối thi đua")
    w.link(subject[:40], "chấm điểm khối", within=page.locator("main"))
    expect(page.get_by_role("heading", name=re.compile("Chấm điểm"))).to_be_visible()
    w.link("Khối thi đua", "về khối thi đua", within=page.locator(".breadcrumbs"), exact=True)


def test_council_member_votes_from_the_dashboard(page: Page, live_server, world, walk):
    w = walk("thành viên Hội đồng")
    log_in(page, live_server.url, "hd1")
    expect(page.get_by_text("Bạn còn 1 hồ sơ chưa bỏ phiếu trong 1 phiên họp")).to_be_visible()
    w.check("bảng điều khiển", "council-1-dashboard")
    w.link("Phiên họp đang mở", "phiên họp")
    row = page.get_by_role("row", name=re.compile("Lò Văn Bình Xét"))
    row.get_by_role("radio", name="Đồng ý", exact=True).check()
    w.click(row.get_by_role("button", name="Bỏ phiếu"), "phiên họp sau khi bỏ phiếu")
    expect(page.get_by_text("Đã ghi phiếu của bạn.")).to_be_visible()
    w.dashboard()
    expect(page.get_by_text("đã bỏ phiếu đủ")).to_be_visible()
    w.menu("Khen thưởng")  # a council member's: the sessions
    w.link("Phiên họp đã kết thúc", "phiên họp đã kết thúc")


def test_office_reaches_every_task_from_the_dashboard(page: Page, live_server, world, walk):
    w = walk("cơ quan thường trực")
    log_in(page, live_server.url, "nv.tamduong")
    w.check("bảng điều khiển", "office-1-dashboard")
    w.link(re.compile("Hồ sơ chờ thẩm định: 1"), "hộp thẩm định")
    w.link("Lò Văn Đã Gửi", "hồ sơ chờ thẩm định", within=page.locator("main"))
    expect(page.get_by_role("button", name=re.compile("Ghi kết quả thẩm định"))).to_be_visible()
    w.dashboard()
    w.link(re.compile("chờ đưa ra Hội đồng"), "lập phiên họp")
    w.dashboard()
    # passed within the district's authority: on the draft-decision form
    w.link(re.compile("chờ lập quyết định: 1"), "lập dự thảo quyết định")
    expect(page.locator("main")).to_contain_text("Lò Văn Thông Qua")
    expect(page.locator("main")).not_to_contain_text("Lò Văn Trình Tỉnh")
    w.dashboard()
    # passed beyond it (a provincial Bằng khen): not counted as a decision to draft, but
    # listed to forward, and forwarded from its page
    w.link(re.compile("Lò Văn Trình Tỉnh"), "hồ sơ chờ trình cấp trên")
    w.click(page.get_by_role("button", name="Trình cấp trên"), "hồ sơ đã trình cấp trên")
    # handed to the province (decision 0077): the district reads it, no longer acts on it
    expect(page.get_by_text("Hồ sơ đã trình UBND tỉnh Lai Châu").first).to_be_visible()
    w.dashboard()
    expect(page.get_by_text("chờ trình cấp trên")).to_have_count(0)
    w.link("Về việc tặng Giấy khen", "dự thảo quyết định")
    expect(page.get_by_role("button", name="Ban hành")).to_be_visible()
    w.dashboard()
    expect(page.get_by_text("0/3 thành viên có mặt đã bỏ phiếu")).to_be_visible()
    w.link("Phiên họp đang mở", "phiên họp đang mở")
    expect(page.get_by_role("button", name="Kết thúc phiên họp")).to_be_visible()
    w.dashboard()
    w.link(re.compile("Lò Thị Công Khai"), "ý kiến người dân", shot="office-2-comments")
    expect(page.get_by_text("Chị Khai rất nhiệt tình.")).to_be_visible()
    # a campaign: its results, criteria, awards
    w.dashboard()
    campaigns = page.locator("#campaigns-title").locator("xpath=../..")
    w.link(world["campaign"].subject[:40], "phong trào", within=campaigns)
    w.link("Kết quả phong trào", "kết quả phong trào")
    w.link("Tiêu chí, kỳ báo cáo", "tiêu chí", within=page.locator("main"))
    w.link("Kết quả", "về kết quả", within=page.locator(".breadcrumbs"), exact=True)
    w.link("Khen thưởng", "khen thưởng của phong trào", within=page.locator("main"), exact=True)
    # the blocs and their scoring, the awards workspace, the Excel imports
    w.menu("Khối thi đua")
    w.link(world["campaign"].subject[:40], "chấm điểm khối", within=page.locator("main"))
    w.menu("Khen thưởng")
    w.subnav("Thẩm định")
    w.subnav("Quyết định")
    w.link(re.compile("^Quyết định số"), "quyết định đã ban hành", within=page.locator("main"))
    w.subnav("Thống kê")
    w.subnav("Phiên họp Hội đồng")
    w.dashboard()
    w.link("Nhập, xuất Excel", "nhập, xuất Excel")


def test_leader_signs_and_closes_from_the_dashboard(page: Page, live_server, world, walk):
    for member in world["council"]:
        services.vote_cast(actor=member, item=world["item"], choice="agree")
    w = walk("lãnh đạo")
    log_in(page, live_server.url, "ld.tamduong")
    w.check("bảng điều khiển", "leader-1-dashboard")
    expect(page.get_by_text("3/3 thành viên có mặt đã bỏ phiếu")).to_be_visible()
    w.link("Về việc tặng Giấy khen", "dự thảo quyết định chờ ký")
    expect(page.get_by_role("link", name="Xem PDF dự thảo")).to_be_visible()
    expect(page.get_by_role("link", name="Sửa dự thảo")).to_have_count(0)
    expect(page.get_by_role("button", name="Ban hành")).to_have_count(0)
    w.dashboard()
    w.link("Phiên họp đang mở", "phiên họp cần kết thúc")
    w.link("Lò Văn Bình Xét", "hồ sơ trong phiên họp", within=page.locator("main"))
    page.go_back()
    w.click(
        page.get_by_role("button", name="Kết thúc phiên họp"),
        "phiên họp đã kết thúc",
        shot="leader-2-closed",
    )
    expect(page.get_by_text("Đã kết thúc phiên họp và tính kết quả.")).to_be_visible()
    w.dashboard()
    expect(page.get_by_text("Phiên họp cần kết thúc")).to_have_count(0)
    w.menu("Khen thưởng")  # a leader's: the decisions
    w.subnav("Phiên họp Hội đồng")


def test_the_public_reaches_every_page_from_the_home_page(page: Page, live_server, world, walk):
    w = walk("người dân")
    page.goto(live_server.url + "/")
    w.check("trang chủ", "public-1-home")
    expect(page.get_by_role("link", name="Excel (xlsx)")).to_be_visible()
    w.link(world["campaign"].subject[:40], "phong trào")
    w.menu("Lấy ý kiến")
    w.link(re.compile("Lò Thị Công Khai"), "hồ sơ lấy ý kiến", within=page.locator("main"))
    expect(page.get_by_role("button", name=re.compile("Gửi ý kiến"))).to_be_visible()
    w.menu("Quyết định")
    w.link(re.compile("Quyết định số"), "quyết định khen thưởng", within=page.locator("main"))
    w.menu("Vinh danh")
    w.check("vinh danh", "public-2-honour-roll")
    expect(page.get_by_role("link", name="Excel (xlsx)")).to_be_visible()
    w.link(re.compile("^Số "), "quyết định (từ vinh danh)", within=page.locator("main"))


def test_the_province_receives_a_forwarded_dossier_and_returns_it(
    page: Page, live_server, world, walk, django_user_model
):
    """Trình cấp trên hands the dossier to the province's office (decision 0077): it is
    in its inbox with who forwarded it and the district's tờ trình; returned with a
    reason, the district sees why on its dashboard and may forward it again."""
    user(
        django_user_model,
        "nv.sonoivu",
        world["district"].parent,
        Membership.Role.OFFICE_STAFF,
        "Tòng Văn Sở",
    )
    w = walk("cơ quan thường trực cấp trên")
    log_in(page, live_server.url, "nv.tamduong")
    w.link(re.compile("Lò Văn Trình Tỉnh"), "hồ sơ chờ trình cấp trên")
    expect(page.get_by_text("Hồ sơ sẽ đến UBND tỉnh Lai Châu.")).to_be_visible()
    w.click(page.get_by_role("button", name="Trình cấp trên"), "hồ sơ đã trình cấp trên")

    log_in(page, live_server.url, "nv.sonoivu")
    w.check("bảng điều khiển của tỉnh")
    expect(page.get_by_text("trong đó 1 hồ sơ cấp dưới trình")).to_be_visible()
    w.link(re.compile("Hồ sơ chờ thẩm định: 1"), "hộp thẩm định của tỉnh")
    expect(page.get_by_text("Cấp dưới trình: UBND huyện Tam Đường")).to_be_visible()
    w.link("Lò Văn Trình Tỉnh", "hồ sơ cấp dưới trình", within=page.locator("main"))
    expect(page.get_by_role("heading", name="Hồ sơ cấp dưới trình")).to_be_visible()
    page.get_by_label("Trả lại UBND huyện Tam Đường (cơ quan trình) để bổ sung").check()
    page.get_by_label("Ý kiến, lý do").fill("Thiếu biên bản họp Hội đồng có chữ ký.")
    w.click(page.get_by_role("button", name="Ghi kết quả thẩm định"), "hồ sơ đã trả lại")

    log_in(page, live_server.url, "nv.tamduong")
    expect(page.get_by_text(re.compile("cấp trên đã trả lại: UBND tỉnh Lai Châu"))).to_be_visible()
    w.link(re.compile("Lò Văn Trình Tỉnh"), "hồ sơ cấp trên trả lại")
    expect(page.get_by_text(re.compile("Cấp trên trả lại ngày"))).to_be_visible()
    expect(page.get_by_role("button", name="Trình cấp trên")).to_be_visible()
