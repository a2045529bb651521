"""Import a launch document in the browser: upload seed 002 as .docx, check the review,
create the draft, see it in the editor; upload a scanned page (PNG), follow the reading,
check the marked fields beside the recognised text."""

from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect

from campaigns import ocr, services
from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from units.demo import load_units

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
SCAN = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "reader_corpus"
    / "scans"
    / ("danang-snv-20-hd.png")
)
PASSWORD = "mat-khau-thu-nghiem-2025"


@pytest.fixture
def office(live_server, reference_data, django_user_model):
    from units.models import Membership

    units = load_units()
    load_seed_campaigns(units)
    user = django_user_model.objects.create_user("nv.thanhpho", password=PASSWORD)
    Membership.objects.create(
        user=user, unit=units["ubnd-tp-lai-chau"], role=Membership.Role.OFFICE_STAFF
    )
    return user


def seed_docx(tmp_path) -> Path:
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line.replace("**", "").replace("#", "").strip())
    path = tmp_path / "phat-dong-thi-dua-2025.docx"
    document.save(str(path))
    return path


def test_import_seed_002_as_docx(
    page: Page, live_server, office, tmp_path, screenshot_dir, axe_check
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("nv.thanhpho")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Nhập văn bản").click()
    axe_check(page, "nhập văn bản")

    # 1. upload seed 002 as a .docx
    page.get_by_label("Hoặc chọn tệp văn bản").set_input_files(str(seed_docx(tmp_path)))
    page.get_by_role("button", name="Đọc văn bản").click()

    # 2. the review page shows the fields found
    expect(page.get_by_role("heading", name="Kiểm tra các trường đọc được")).to_be_visible()
    expect(page.locator("#id_number")).to_have_value("5834")
    expect(page.locator("#id_symbol")).to_have_value("PĐTĐ-UBND")
    expect(page.locator("#id_place")).to_have_value("Thành phố Lai Châu")
    expect(page.locator("#id_issued_on")).to_have_value("31/12/2024")
    expect(page.locator("#id_subject")).to_have_value(
        "Hoàn thành thắng lợi các chỉ tiêu, nhiệm vụ phát triển Kinh tế - Xã hội đảm bảo "
        "Quốc phòng - An ninh năm 2025"
    )
    expect(page.locator("#id_signer_name")).to_have_value("Nguyễn Văn Nghiệp")
    expect(page.locator("#id_document_type option:checked")).to_have_text(
        "Phát động thi đua (PĐTĐ)"
    )
    expect(page.locator("#missing-end_date")).to_be_visible()  # the document gives no end date
    expect(page.get_by_text("Nội dung thi đua (5)")).to_be_visible()
    axe_check(page, "kiểm tra văn bản nhập")
    page.screenshot(path=str(screenshot_dir / "import-review.png"), full_page=False)

    # 3. create the draft
    page.get_by_role("button", name="Tạo dự thảo").click()
    expect(page.get_by_text("Đã tạo dự thảo từ văn bản nhập.")).to_be_visible()

    # 4. it opens in the editor
    expect(page.get_by_role("heading", name="Sửa văn bản phát động")).to_be_visible()
    expect(page.locator("#id_number")).to_have_value("5834")
    expect(page.locator("#id_items-0-text")).to_have_value(
        "Các cơ quan, đơn vị tiếp tục triển khai thực hiện có hiệu quả Chỉ thị số 34-CT/TW ngày "
        "7/4/2014 của Bộ Chính trị về việc “Tiếp tục đổi mới công tác thi đua, khen thưởng”; "
        "quán triệt sâu sắc Lời kêu gọi thi đua Ái quốc của Chủ tịch Hồ Chí Minh và các chủ "
        "trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về công tác thi đua, khen "
        "thưởng; phát huy vai trò lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp gắn với việc "
        "thực hiện có hiệu quả việc tiếp tục “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh”, trong đó chú trọng đổi mới cả nội dung, hình thức và phương pháp "
        "tổ chức các phong trào thi đua nhằm nâng cao chất lượng, hiệu quả trong công tác thi đua, "
        "khen thưởng để thực hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc "
        "phòng - an ninh năm 2025."
    )
    draft = Campaign.objects.get(number="5834", status=Campaign.Status.DRAFT)
    assert draft.attachments.get().original_name == "phat-dong-thi-dua-2025.docx"
    assert draft.items.count() == 9
    page.screenshot(path=str(screenshot_dir / "import-editor.png"), full_page=False)


@pytest.mark.skipif(not ocr.available(), reason="tesseract (vie) is not installed")
def test_import_a_png_scan(page: Page, live_server, office, screenshot_dir, axe_check, monkeypatch):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("nv.thanhpho")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Nhập văn bản").click()

    # 1. upload the scan; the reading is held in the queue a moment so the progress shows
    held: list[int] = []
    monkeypatch.setattr(services, "_enqueue_read", held.append)
    page.get_by_label("Hoặc chọn tệp văn bản").set_input_files(str(SCAN))
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.get_by_role("heading", name="Đang nhận dạng chữ trên bản quét")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Đã đọc 0/1 trang (0%).")
    expect(page.locator("progress")).to_have_attribute("value", "0")
    axe_check(page, "đang nhận dạng")
    page.screenshot(path=str(screenshot_dir / "import-scan-progress.png"), full_page=False)

    # 2. the worker reads it; the page looks again by itself and shows the review
    [imported_id] = held
    services.imported_document_read(imported_id=imported_id)
    expect(page.get_by_role("heading", name="Kiểm tra các trường đọc được")).to_be_visible(
        timeout=10_000
    )
    expect(page.locator("#recognised-text")).to_contain_text("SỞ NỘI VỤ")
    expect(page.locator("#id_number")).to_have_value("20")
    expect(page.locator("#id_symbol")).to_have_value("HD-SNV")
    expect(page.locator("#uncertain-subject")).to_be_visible()  # check these first
    expect(page.locator("#missing-issuer")).to_be_visible()  # Sở Nội vụ Đà Nẵng is not ours
    expect(page.locator("#issuer-unknown")).to_contain_text("SỞ NỘI VỤ")
    axe_check(page, "kiểm tra bản quét")
    page.screenshot(path=str(screenshot_dir / "import-scan-review.png"), full_page=False)
    assert not Campaign.objects.filter(number="20").exists()

    # 3. on a phone the recognised text is under the fields: a link at the top leads to it,
    # one under it leads back (decision 0066); beside them on a wide screen, neither shows
    jump = page.get_by_role("link", name="Xem chữ nhận dạng được")
    expect(jump).to_be_hidden()
    page.set_viewport_size({"width": 375, "height": 740})
    jump.click()
    expect(page.locator("#recognised-text")).to_be_in_viewport()
    page.get_by_role("link", name="Về các ô để sửa").click()
    expect(page.locator("#import-fields")).to_be_in_viewport()
