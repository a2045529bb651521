"""Issue 14's wrong answers, as a new user met them in Chromium: each test walks to the
place where the person noticed it and checks what they now see."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards.models import Nomination
from campaigns.demo import load_seed_campaigns
from tests.e2e.people import PASSWORD, log_in
from units.demo import load_units
from units.models import Membership, Person


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    campaigns = load_seed_campaigns(units)

    def user(name, unit, role, full=""):
        u = django_user_model.objects.create_user(name, password=PASSWORD, first_name=full or name)
        Membership.objects.create(user=u, unit=unit, role=role)
        return u

    user("nv.tamduong", units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    user("cb.binhlu", units["ubnd-x-binh-lu"], Membership.Role.UNIT_STAFF)
    Person.objects.create(
        full_name="Lò Thị Én", unit=units["ubnd-x-binh-lu"], gender="female", birth_year=1990
    )
    return {"units": units, "campaigns": campaigns}


def test_no_registration_for_a_campaign_past_its_end(page: Page, live_server, world, axe_check):
    """Published, nobody closed it, but its end date has passed: the unit is not offered
    the register link, and the register page (typed in) says why and has no button."""
    base, units = live_server.url, world["units"]
    campaign = world["campaigns"]["000"]
    campaign.end_date = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    assert campaign.status == "published"
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/theo-doi/don-vi/")
    row = page.locator("tr", has_text=campaign.subject[:40])
    expect(row).to_contain_text("Phong trào đã kết thúc ngày")
    expect(row.get_by_role("link", name="Đăng ký thi đua")).to_have_count(0)
    axe_check(page, "phong trào của đơn vị")
    unit = units["ubnd-x-binh-lu"]
    page.goto(f"{base}/quan-ly/theo-doi/don-vi/{unit.pk}/phong-trao/{campaign.pk}/dang-ky/")
    expect(page.get_by_role("alert")).to_contain_text("không nhận đăng ký thi đua")
    expect(page.get_by_role("button", name="Đăng ký")).to_have_count(0)
    assert not campaign.registrations.exists()


def fill_nomination(page: Page, base: str, year: str = "2025") -> None:
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    page.get_by_label("Cá nhân", exact=True).check()
    page.locator("#id_nominee_person").select_option(label="Lò Thị Én (UBND xã Bình Lư)")
    page.locator("#id_award_type").select_option(label="Lao động tiên tiến — Cá nhân")
    page.locator("#id_year").fill(year)
    page.locator("#id_achievement_summary").fill("Hoàn thành xuất sắc nhiệm vụ năm 2025.")


def test_nomination_without_campaign_or_year_is_told_in_vietnamese(page: Page, live_server, world):
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    fill_nomination(page, base, year="")
    page.get_by_role("button", name="Lưu dự thảo").click()
    year = page.locator(".field", has=page.locator("#id_year"))
    expect(year).to_contain_text("Chọn phong trào thi đua hoặc ghi năm xét khen thưởng.")
    expect(page.locator("body")).not_to_contain_text("Constraint")
    assert not Nomination.objects.exists()


def test_back_then_save_again_does_not_duplicate_the_nomination(page: Page, live_server, world):
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    fill_nomination(page, base)
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo đề nghị.")).to_be_visible()
    first = page.url
    page.go_back()
    expect(page.locator("#id_achievement_summary")).to_have_value(
        "Hoàn thành xuất sắc nhiệm vụ năm 2025."
    )
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("đã được gửi và lưu trước đó")).to_be_visible()
    assert page.url == first
    assert Nomination.objects.count() == 1


PDF = b"%PDF-1.4\n%%EOF\n"


def test_sending_needs_the_report_and_files_can_follow(page: Page, live_server, world, axe_check):
    """Sent with no attachment: refused, saying which file is missing. With the report it
    goes; a file added while the office has it shows in the history."""
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "cb.binhlu")
    fill_nomination(page, base)
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Hồ sơ cần có trước khi gửi: Báo cáo thành tích.")).to_be_visible()
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_text("chưa đính kèm: Báo cáo thành tích")).to_be_visible()
    assert Nomination.objects.get().status == "draft"
    page.get_by_label("Tệp hồ sơ").set_input_files(
        files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label("Loại").select_option(label="Báo cáo thành tích")
    page.get_by_role("button", name="Tải lên").click()
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_text("Đã gửi hồ sơ").first).to_be_visible()
    assert Nomination.objects.get().status == "submitted"
    # with the office: a later paper can still be added, and the history says so
    page.get_by_label("Tệp hồ sơ").set_input_files(
        files=[{"name": "xac-nhan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label("Loại").select_option(label="Tài liệu khác")
    page.get_by_role("button", name="Tải lên").click()
    history = page.locator("table", has_text="Bổ sung tệp")
    expect(history).to_contain_text("Bổ sung tệp “xac-nhan.pdf” (Tài liệu khác)")
    axe_check(page, "hồ sơ đã gửi")


def test_a_one_one_tie_is_not_passed_and_the_rule_is_stated(
    page: Page, live_server, reference_data, cycle
):
    """Two of three members present split 1–1 on a Lao động tiên tiến: the session page
    states the rule beside the item, and after the close it reads "Không thông qua"."""
    from awards import services
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    session = stage["session"]
    services.session_set_attendance(
        actor=stage["office"],
        session=session,
        present_user_ids={m.pk for m in cycle["council"][:2]},
    )
    base = live_server.url

    def enter(username: str) -> None:
        page.context.clear_cookies()
        page.goto(base + "/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill("matkhau-manh-123")
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(f"{base}/quan-ly/khen-thuong/phien-hop/{session.pk}/")

    page.on("dialog", lambda dialog: dialog.accept())
    for member, choice in (("hd0", "Đồng ý"), ("hd1", "Không đồng ý")):
        enter(member)
        form = page.locator("form.vote-form").first
        form.get_by_label(choice, exact=True).check()
        form.get_by_role("button", name="Bỏ phiếu").click()
        expect(page.get_by_text("Đã ghi phiếu của bạn.")).to_be_visible()
    enter("nv.tamduong")
    row = page.locator("tr", has_text="Lò Văn Bình Xét")
    expect(row).to_contain_text("thông qua khi phiếu đồng ý trên 50% số thành viên có mặt")
    expect(row).to_contain_text("hòa phiếu không thông qua")
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    expect(row).to_contain_text("Đồng ý 1, không đồng ý 1")
    expect(row).to_contain_text("Không thông qua")


def test_office_edits_a_criterion_and_removes_a_period(page: Page, live_server, world, axe_check):
    from campaigns.models import Criterion, ReportPeriod

    base = live_server.url
    campaign = world["campaigns"]["000"]
    Criterion.objects.create(campaign=campaign, name="Thu ngân sách", kind="numeric", target=100)
    ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=datetime.date(2026, 6, 30)
    )
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "nv.tamduong")
    page.goto(f"{base}/quan-ly/theo-doi/phong-trao/{campaign.pk}/tieu-chi/")
    page.get_by_role("link", name="Sửa, bỏ tiêu chí Thu ngân sách").click()
    axe_check(page, "sửa tiêu chí")
    page.locator("#id_c-target").fill("120")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã sửa tiêu chí.")).to_be_visible()
    expect(page.locator("table", has_text="Thu ngân sách")).to_contain_text("120")
    page.get_by_role("link", name=re.compile("Sửa, bỏ kỳ Sơ kết")).click()
    page.get_by_label("Lý do bỏ").fill("Không tổ chức sơ kết")
    page.get_by_role("button", name="Bỏ kỳ báo cáo").click()
    expect(page.get_by_text("Đã bỏ kỳ báo cáo (lưu trữ).")).to_be_visible()
    expect(page.get_by_text("Chưa có kỳ báo cáo.")).to_be_visible()
    assert ReportPeriod.all_objects.get().archived_reason == "Không tổ chức sơ kết"


def test_a_unit_nominates_someone_not_yet_in_the_system(page: Page, live_server, world, axe_check):
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    page.get_by_label("Cá nhân", exact=True).check()
    page.get_by_text("Người được đề nghị chưa có trong danh sách? Thêm người mới").click()
    page.locator("#id_new_person_name").fill("Vàng A Sử")
    page.locator("#id_new_person_gender").select_option(label="Nam")
    page.locator("#id_new_person_birth_year").fill("1990")
    page.locator("#id_new_person_position").fill("Trưởng bản")
    page.locator("#id_new_person_unit").select_option(label="UBND xã Bình Lư")
    axe_check(page, "đề nghị với người mới")
    page.locator("#id_award_type").select_option(label="Lao động tiên tiến — Cá nhân")
    page.locator("#id_year").fill("2025")
    page.locator("#id_achievement_summary").fill("Hoàn thành xuất sắc nhiệm vụ năm 2025.")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo đề nghị.")).to_be_visible()
    expect(page.get_by_text("Thêm cá nhân mới: Vàng A Sử (UBND xã Bình Lư).")).to_be_visible()
    person = Person.objects.get(full_name="Vàng A Sử")
    assert Nomination.objects.get().nominee_person == person and person.birth_year == 1990


def test_an_empty_report_is_refused_and_a_sent_one_is_locked(page: Page, live_server, world):
    """Checked from an earlier session: an empty report is refused (after the question),
    and the submitted one shows its figures with no field and no button left."""
    from campaigns.models import Criterion, ReportPeriod

    base, unit = live_server.url, world["units"]["ubnd-x-binh-lu"]
    campaign = world["campaigns"]["000"]
    criterion = Criterion.objects.create(
        campaign=campaign, name="Thu ngân sách", kind="numeric", target=100
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    log_in(page, base, "cb.binhlu")
    url = f"{base}/quan-ly/theo-doi/don-vi/{unit.pk}/ky/{period.pk}/bao-cao/"
    page.goto(url)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_text("Báo cáo chưa có kết quả nào")).to_be_visible()
    assert questions and "Nộp báo cáo?" in questions[0]
    page.goto(url)
    page.locator(f"#value-{criterion.pk}").fill("130")
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_text("Đã nộp báo cáo.")).to_be_visible()
    page.goto(url)
    expect(page.get_by_text("Chỉ sửa được khi cơ quan thường trực trả lại.")).to_be_visible()
    expect(page.locator("main input, main textarea")).to_have_count(0)
    expect(page.get_by_role("button", name="Nộp báo cáo")).to_have_count(0)
    expect(page.get_by_role("button", name="Lưu nháp")).to_have_count(0)
