"""The awards cycle in Chromium: nominate, return and resubmit, appraise, a secret vote,
the decision, and what the public sees."""

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from awards.models import AwardType, Decision, Nomination
from tests.e2e.people import district_cycle, log_in
from units.demo import load_units
from units.models import Person

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    commune, district = units["ubnd-x-binh-lu"], units["ubnd-tam-duong"]
    Person.objects.create(full_name="Lò Thị Én", unit=commune, gender="female", ethnicity="Thái")
    Person.objects.create(full_name="Tòng Văn Lực", unit=commune, gender="male", ethnicity="Thái")

    district_cycle(django_user_model, district, commune)
    return units


def nominate(page: Page, base: str, kind: str, who: str, award: str) -> None:
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    page.get_by_label(kind, exact=True).check()
    if kind == "Tập thể":  # only collective awards are offered
        option = page.locator("#id_award_type option", has_text="Lao động tiên tiến — Cá nhân")
        expect(option).to_be_disabled()
    field = "#id_nominee_person" if kind == "Cá nhân" else "#id_nominee_unit"
    page.locator(field).select_option(label=who)
    page.locator("#id_award_type").select_option(label=award)
    page.locator("#id_year").fill("2025")
    page.locator("#id_achievement_summary").fill(f"{who} hoàn thành xuất sắc nhiệm vụ năm 2025.")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo đề nghị.")).to_be_visible()
    # the dossier the award type asks for, before sending
    files = ["Báo cáo thành tích"] + (["Minh chứng sáng kiến"] if "Chiến sĩ" in award else [])
    for label in files:
        page.get_by_label("Tệp hồ sơ").set_input_files(
            files=[{"name": "ho-so.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.get_by_label("Loại").select_option(label=label)
        page.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_text("Còn thiếu")).to_have_count(0)


def test_awards_cycle(page: Page, live_server, world, screenshot_dir, axe_check):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())

    # 1. unit staff nominate two people (CSTĐ cơ sở: secret ballot) and their unit
    log_in(page, base, "cb.binhlu")
    nominate(
        page, base, "Cá nhân", "Lò Thị Én (UBND xã Bình Lư)", "Chiến sĩ thi đua cơ sở — Cá nhân"
    )
    nominate(
        page, base, "Cá nhân", "Tòng Văn Lực (UBND xã Bình Lư)", "Chiến sĩ thi đua cơ sở — Cá nhân"
    )
    nominate(page, base, "Tập thể", "UBND xã Bình Lư", "Tập thể lao động tiên tiến — Tập thể")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/")
    axe_check(page, "đề nghị của đơn vị")
    for box in page.locator("input[name=ids]").all():
        box.check()
    page.get_by_role("button", name="Gửi các hồ sơ đã chọn").click()
    expect(page.get_by_text("Đã gửi 3 hồ sơ.")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "awards-1-unit-list.png"))

    # 2. the office returns one; the unit resubmits it
    log_in(page, base, "nv.tamduong")
    page.goto(base + "/quan-ly/khen-thuong/tham-dinh/")
    axe_check(page, "thẩm định")
    page.get_by_role("link", name="Tòng Văn Lực").click()
    expect(page.get_by_text("Kiểm tra điều kiện (tham khảo)")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "awards-2-appraisal.png"), full_page=True)
    page.get_by_label("Trả lại để bổ sung").check()
    page.get_by_label("Ý kiến, lý do").fill(
        "Bổ sung báo cáo thành tích có xác nhận của thủ trưởng."
    )
    page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    expect(page.get_by_text("Trả lại bổ sung").first).to_be_visible()
    returned = Nomination.objects.get(nominee_person__full_name="Tòng Văn Lực")

    log_in(page, base, "cb.binhlu")
    page.goto(f"{base}/quan-ly/khen-thuong/de-nghi/{returned.pk}/")
    expect(
        page.get_by_text("Bổ sung báo cáo thành tích có xác nhận của thủ trưởng.").first
    ).to_be_visible()
    page.get_by_role("link", name="Sửa hồ sơ").click()
    page.locator("#id_achievement_summary").fill(
        "Hoàn thành xuất sắc nhiệm vụ năm 2025; sáng kiến cải tiến quy trình một cửa được áp dụng."
    )
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu hồ sơ.")).to_be_visible()
    page.get_by_role("button", name="Gửi lại").click()
    expect(page.get_by_text("Đã gửi hồ sơ").first).to_be_visible()

    # 3. the office appraises all three
    log_in(page, base, "nv.tamduong")
    for nomination in Nomination.objects.all():
        page.goto(f"{base}/quan-ly/khen-thuong/de-nghi/{nomination.pk}/")
        page.get_by_label("Đủ điều kiện, trình Hội đồng").check()
        page.get_by_role("button", name="Ghi kết quả thẩm định").click()
    assert Nomination.objects.filter(status="appraised").count() == 3
    page.goto(base + "/quan-ly/khen-thuong/phien-hop/them/")
    page.locator("#id_title").fill("Phiên họp xét khen thưởng năm 2025")
    page.locator("#id_held_on").fill("20/12/2025")
    for box in (
        page.locator("input[name=members]").all() + page.locator("input[name=nominations]").all()
    ):
        box.check()
    page.get_by_role("button", name="Tạo phiên họp").click()
    expect(page.get_by_text("Đã tạo phiên họp.")).to_be_visible()
    session_url = page.url

    # 4. three council members vote; the people's titles go by secret ballot
    for member in ("hd1", "hd2", "hd3"):
        log_in(page, base, member)
        page.goto(session_url)
        for _ in range(3):
            form = page.locator("form.vote-form").first
            form.get_by_label("Đồng ý", exact=True).check()
            form.get_by_role("button", name="Bỏ phiếu").click()
            expect(page.get_by_text("Đã ghi phiếu của bạn.")).to_be_visible()
        if member == "hd3":
            page.screenshot(path=str(screenshot_dir / "awards-3-vote.png"))
    log_in(page, base, "nv.tamduong")
    page.goto(session_url)
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    expect(page.get_by_text("Đã kết thúc phiên họp")).to_be_visible()
    assert Nomination.objects.filter(status="passed").count() == 3

    # 5. the decision is issued
    page.goto(base + "/quan-ly/khen-thuong/quyet-dinh/them/")
    page.locator("#id_subject").fill("Về việc khen thưởng năm 2025")
    page.locator("#id_signer_name").fill("Sùng Lữ Páo")
    for box in page.locator("input[name=nominations]").all():
        box.check()
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND.")).to_be_visible()
    decision = Decision.objects.get()

    # 6. the public sees the honourees and downloads the decision
    page.context.clear_cookies()
    page.goto(base + "/vinh-danh/")
    page.get_by_label("Tên người, đơn vị").fill("lo thi en")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_role("cell", name="Lò Thị Én")).to_be_visible()
    expect(page.get_by_role("cell", name="Tòng Văn Lực")).to_have_count(0)
    axe_check(page, "vinh danh")
    page.screenshot(path=str(screenshot_dir / "awards-4-honour-roll.png"))
    page.goto(f"{base}/quyet-dinh/{decision.pk}/")
    href = page.get_by_role("link", name="Tải quyết định (PDF)").get_attribute("href")
    body = page.context.request.get(base + href).body()
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    )
    assert "Số: 01/QĐ-UBND" in text and "QUYẾT ĐỊNH" in text
    for name in ("Lò Thị Én", "Tòng Văn Lực", "UBND xã Bình Lư"):
        assert name in text
    assert AwardType.objects.get(code="cstd-co-so").secret_ballot
