"""What a new user still met in Chromium in issue 14's fourth exploration round (the
`explore` branch again: decision 0027). Each test walks to where the person noticed it
and checks what they now see."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from awards import services
from awards.models import CouncilSession
from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)
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


def pdf_text(page: Page, base: str, link) -> str:
    body = page.context.request.get(base + link.get_attribute("href")).body()
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    )


def test_the_minutes_say_where_and_at_what_time_the_council_met(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """The minutes said "Thời gian: ngày …" and nothing of the place: the office can now
    write the time and the place on the session form; the session page and the minutes
    print them."""
    base, today = live_server.url, timezone.localdate()
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Phiên họp Hội đồng", exact=True).click()
    page.get_by_role("link", name="+ Tạo phiên họp").click()
    page.get_by_label("Tên phiên họp").fill("Phiên họp cuối năm")
    page.get_by_label("Ngày họp").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Giờ họp").fill("14h30")
    page.get_by_label("Địa điểm họp").fill("Phòng họp tầng 2, UBND huyện Tam Đường")
    for name in ("Lường Văn Thắng", "Hoàng Thị Lan", "Vũ Đình Khánh"):
        page.get_by_label(name).check()
    page.get_by_label(re.compile("Lò Văn Chờ Họp")).check()
    axe_check(page, "tạo phiên họp có giờ, địa điểm")
    page.get_by_role("button", name="Tạo phiên họp").click()
    expect(page.get_by_text("Đã tạo phiên họp.")).to_be_visible()
    expect(page.locator("main")).to_contain_text(
        f"14 giờ 30, ngày {today:%d/%m/%Y} — Phòng họp tầng 2, UBND huyện Tam Đường"
    )

    log_in(page, base, "hd1")  # a member learns from the dashboard when and where
    expect(page.get_by_role("listitem").filter(has_text="Phiên họp cuối năm")).to_contain_text(
        f"họp lúc 14 giờ 30, ngày {today:%d/%m/%Y}, tại Phòng họp tầng 2, UBND huyện Tam Đường"
    )

    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Phiên họp Hội đồng", exact=True).click()
    page.get_by_role("link", name="Phiên họp cuối năm").click()
    # Closed from its hour only: the meeting is taken back to yesterday to close it now.
    yesterday = today - datetime.timedelta(days=1)
    CouncilSession.objects.filter(title="Phiên họp cuối năm").update(held_on=yesterday)
    session = CouncilSession.objects.get(title="Phiên họp cuối năm")
    # nobody voted: closed on purpose (decision 0057); the minutes are what is tested
    services.session_close(actor=world["office"], session=session, unvoted_ok=True)
    page.reload()
    text = pdf_text(page, base, page.get_by_role("link", name="Biên bản họp (PDF)"))
    assert f"Thời gian: 14 giờ 30 phút, ngày {yesterday:%d/%m/%Y}." in text
    assert "Địa điểm: Phòng họp tầng 2, UBND huyện Tam Đường." in text


def test_the_office_appraising_its_own_bodys_nomination_is_not_offered_its_withdrawal(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """The office of a body that also nominates for itself (a ward's Văn phòng is the
    ward's staff too) saw the unit's "Rút hồ sơ" beside "Ghi kết quả thẩm định". The
    appraisal page now shows the office's work only; the withdrawal stays on the unit's
    page of the nomination, which links to the appraisal."""
    from awards.models import AwardType, Nomination
    from tests.factories import attach_files
    from units.models import Membership, Person

    office, district = world["office"], world["district"]
    Membership.objects.create(user=office, unit=district, role=Membership.Role.UNIT_STAFF)
    own = services.nomination_create(
        actor=office,
        nomination=Nomination(
            award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
            nominee_person=Person.objects.create(
                full_name="Giàng Thị Tự Đề", unit=district, gender="female"
            ),
            nominating_unit=district,
            year=2025,
            achievement_summary="Hoàn thành tốt nhiệm vụ.",
        ),
    )
    attach_files(own, office)
    services.nomination_submit(actor=office, nomination=own)
    own.refresh_from_db()
    assert own.issuer_id == district.pk

    log_in(page, live_server.url, "nv.tamduong")
    page.get_by_role("link", name="Khen thưởng", exact=True).first.click()
    page.get_by_role("link", name="Thẩm định", exact=True).click()
    page.get_by_role("link", name="Giàng Thị Tự Đề").click()
    expect(page.get_by_role("button", name="Ghi kết quả thẩm định")).to_be_visible()
    expect(page.get_by_text("Rút hồ sơ")).to_have_count(0)
    axe_check(page, "trang thẩm định hồ sơ của chính cơ quan")

    page.get_by_role("link", name="Đề nghị của đơn vị", exact=True).click()
    page.get_by_role("link", name="Giàng Thị Tự Đề").click()
    expect(page.get_by_text("Rút hồ sơ")).to_be_visible()
    expect(page.get_by_role("button", name="Ghi kết quả thẩm định")).to_have_count(0)
    page.get_by_role("link", name="Mở trang thẩm định").click()
    expect(page.get_by_role("button", name="Ghi kết quả thẩm định")).to_be_visible()


def test_a_campaign_document_is_not_published_without_its_place(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A ward's office published a plan whose date line read "Ngày 07 tháng 12 năm 2026"
    with no place: the editor's "Địa danh" was empty and nothing asked for it, although
    Decree 30 puts the place before the date. The editor now starts from the body's
    place, and a draft without one is not published."""
    from campaigns.models import Campaign

    log_in(page, live_server.url, "nv.tamduong")
    page.get_by_role("link", name="+ Soạn phong trào mới").click()
    expect(page.locator("#id_place")).to_have_value("Tam Đường")
    page.locator("#id_place").fill("")
    page.locator("#id_document_type").select_option(label="Kế hoạch (KH)")
    page.locator("#id_symbol").fill("KH-UBND")
    page.locator("#id_issued_on").fill("07/12/2026")
    page.locator("#id_subject").fill("Phát động thi đua chào mừng Đại hội")
    page.locator("#id_kind").select_option(label="Thi đua theo chuyên đề (theo đợt)")
    page.locator("#id_preamble").fill("Nhằm động viên cán bộ, công chức thi đua.")
    page.locator("#id_signer_title").fill("CHỦ TỊCH")
    page.locator("#id_signer_name").fill("Sùng Lữ Páo")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text("Đã lưu dự thảo phong trào.")).to_be_visible()
    expect(page.locator("#publish-problems")).to_contain_text("địa danh")
    axe_check(page, "dự thảo chưa có địa danh")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_text(re.compile("Chưa thể phát động, còn thiếu: địa danh"))).to_be_visible()
    campaign = Campaign.objects.get(subject="Phát động thi đua chào mừng Đại hội")
    assert campaign.status == Campaign.Status.DRAFT


def test_reported_figures_are_written_as_people_write_them(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A report sent with 99,2 % and a pass/fail criterion met read back "99,20 %" and
    "1,00"; the office's list of criteria said "80,50 %" and a weight of "1,00". They
    now read "99,2 %", "Đạt", "80,5 %" and "1"."""
    import datetime

    from campaigns.results import services as results

    campaign = world["campaign"]
    results.period_add(
        actor=world["office"],
        campaign=campaign,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    log_in(page, live_server.url, "cb.binhlu")
    page.get_by_role("link", name=re.compile("^Sơ kết: ")).first.click()
    page.get_by_label(re.compile("^Thu ngân sách trên địa bàn")).fill("99,2")
    # a pass/fail criterion is chosen in words (decision 0096)
    passed = page.get_by_role("group", name=re.compile("^Hoàn thành kế hoạch"))
    passed.get_by_role("radio", name="Đạt", exact=True).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_text("Đã nộp báo cáo.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Sơ kết")).first.click()
    table = page.get_by_role("table", name="Kết quả đã nộp")
    expect(table.get_by_role("row", name=re.compile("Thu ngân sách"))).to_contain_text("99,2 %")
    expect(table.get_by_role("row", name=re.compile("Hoàn thành kế hoạch"))).to_contain_text("Đạt")
    expect(table).not_to_contain_text(",00")
    axe_check(page, "báo cáo đã nộp")

    log_in(page, live_server.url, "nv.tamduong")
    page.get_by_role("link", name=re.compile(re.escape(campaign.subject[:30]))).first.click()
    page.get_by_role("link", name="Tiêu chí, kỳ báo cáo").click()
    row = page.get_by_role("row", name=re.compile("Thu ngân sách trên địa bàn"))
    expect(row).to_contain_text("80,5 %")
    expect(page.locator("main table").first).not_to_contain_text(",00")

    # the office reads what the unit reported before returning it (only Excel had it)
    page.get_by_role("link", name="Kết quả", exact=True).click()
    received = page.get_by_role("row", name=re.compile("UBND xã Bình Lư"))
    received.get_by_text("Xem kết quả").click()
    expect(received).to_contain_text("Thu ngân sách trên địa bàn: 99,2 %")
    expect(received).to_contain_text("Hoàn thành kế hoạch: Đạt")
    axe_check(page, "báo cáo đã nhận, mở kết quả")


def test_the_dashboard_names_the_standing_office_of_each_level(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """A ward's Văn phòng HĐND và UBND read "Cơ quan thường trực (Phòng/Sở Nội vụ) — UBND
    phường Tân Phong": a ward has neither. Each level's standing office is named."""
    from units.models import Membership

    Membership.objects.create(
        user=world["office"], unit=world["commune"], role=Membership.Role.OFFICE_STAFF
    )
    log_in(page, live_server.url, "nv.tamduong")
    roles = page.get_by_role("list").filter(has_text="Cơ quan thường trực").first
    expect(roles).to_contain_text("Cơ quan thường trực (Phòng Nội vụ) — UBND huyện Tam Đường")
    expect(roles).to_contain_text("Cơ quan thường trực (Văn phòng HĐND và UBND) — UBND xã Bình Lư")
    expect(roles).not_to_contain_text("Phòng/Sở Nội vụ")


def test_a_successors_office_is_not_given_work_on_a_merged_bodys_campaigns(
    page: Page,
    live_server,
    world,  # noqa: F811
    django_user_model,
    axe_check,
):
    """After the 2025 merger the province's office was told "Đã hết thời gian: cần kết
    thúc" for the former district's campaigns, and their page offered "Kết thúc phong
    trào", "Sửa văn bản", "Thu hồi"…, each refused ("Không có quyền truy cập"): a merged
    body's records are read only (decision 0008). They are now read as such."""
    import datetime

    from campaigns.models import Campaign
    from tests.e2e.people import user
    from units.models import Membership, Unit
    from units.services import unit_merge

    campaign = world["campaign"]
    Campaign.objects.filter(pk=campaign.pk).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    unit_merge(source=world["district"], target=province, by=None, reason="Nghị quyết 2025")
    user(django_user_model, "nv.tinh", province, Membership.Role.OFFICE_STAFF, "Lê Thị Tỉnh")

    log_in(page, live_server.url, "nv.tinh")
    todo = page.get_by_role("region", name="Phong trào: việc cần làm")
    expect(todo).to_be_visible()  # the province's own 2025 campaign is still there
    expect(todo).not_to_contain_text(campaign.subject[:30])
    page.get_by_role("link", name=re.compile(re.escape(campaign.subject[:30]))).first.click()
    expect(page.get_by_text(re.compile("chỉ xem"))).to_be_visible()
    for action in ("Kết thúc phong trào", "Sao chép thành dự thảo mới", "Tải tệp lên"):
        expect(page.get_by_role("button", name=action)).to_have_count(0)
    for action in ("Sửa văn bản", "Thu hồi"):
        expect(page.get_by_role("link", name=action, exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Xem PDF")).to_be_visible()
    axe_check(page, "phong trào của cơ quan đã sáp nhập")
    page.get_by_role("link", name="Tiêu chí, kỳ báo cáo").click()
    expect(page.get_by_text(re.compile("chỉ xem"))).to_be_visible()
    expect(page.get_by_role("cell", name="Thu ngân sách trên địa bàn")).to_be_visible()
    expect(page.locator("main button")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Sửa, bỏ"))).to_have_count(0)
    page.go_back()
    page.goto(f"{live_server.url}/quan-ly/phong-trao/{campaign.pk}/sua/")
    expect(page.get_by_text(re.compile("chỉ xem, không sửa được"))).to_be_visible()


def test_a_new_person_is_put_in_the_units_only_body_unless_told_otherwise(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """A ward's staff adding a new person from the nomination form was refused with
    "Chọn đơn vị công tác của người mới." although the ward is the only unit it has: the
    new person's unit now starts as the nominating unit, as that field does."""
    from units.models import Person

    log_in(page, live_server.url, "cb.binhlu")
    page.get_by_role("link", name="+ Lập đề nghị mới").click()
    page.get_by_text(re.compile("Thêm người mới")).click()
    expect(page.locator("#id_new_person_unit")).to_have_value(str(world["commune"].pk))
    page.locator("#id_new_person_name").fill("Vàng Thị Dua")
    page.locator("#id_new_person_gender").select_option(label="Nữ")
    page.locator("#id_award_type").select_option(label="Lao động tiên tiến — Cá nhân")
    page.locator("#id_year").fill(str(timezone.localdate().year))
    page.locator("#id_achievement_summary").fill("Hoàn thành tốt nhiệm vụ.")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text(re.compile("Đã lưu dự thảo đề nghị"))).to_be_visible()
    assert Person.objects.get(full_name="Vàng Thị Dua").unit == world["commune"]


def test_staff_change_their_own_password(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A new user given a first password (the demo's is shared by every login) had no
    way to change it: no page but the admin's, which staff cannot open. The header now
    links "Đổi mật khẩu"."""
    from tests.e2e.people import PASSWORD

    base = live_server.url
    log_in(page, base, "cb.binhlu")
    page.get_by_role("link", name="Đổi mật khẩu").click()
    axe_check(page, "đổi mật khẩu")
    page.get_by_label("Mật khẩu cũ").fill("khong-dung")
    page.get_by_label(re.compile("^Mật khẩu mới")).fill("Tan-Phong-2026-moi")
    page.get_by_label("Xác nhận mật khẩu mới").fill("Tan-Phong-2026-moi")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    expect(page.get_by_text(re.compile("Mật khẩu cũ không chính xác"))).to_be_visible()
    page.get_by_label("Mật khẩu cũ").fill(PASSWORD)
    page.get_by_label(re.compile("^Mật khẩu mới")).fill("Tan-Phong-2026-moi")
    page.get_by_label("Xác nhận mật khẩu mới").fill("Tan-Phong-2026-moi")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()

    page.context.clear_cookies()
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("cb.binhlu")
    page.get_by_label("Mật khẩu").fill("Tan-Phong-2026-moi")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()
