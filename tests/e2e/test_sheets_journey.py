"""Excel import in Chromium: the standing office downloads the people template, fills it,
uploads it, sees a row error, fixes it, uploads again, checks the preview, confirms,
follows the progress, reads the result, and reverts the import."""

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.people import PASSWORD, log_in
from units.demo import load_units
from units.models import ImportRecord, Membership, Person
from units.sheets import services

NAMES = ["Lò Thị Hương", "Tòng Văn Minh", "Giàng Thị Mỷ"]


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    user = django_user_model.objects.create_user(
        "nv.tamduong", password=PASSWORD, first_name="Nguyễn Thị Hoa"
    )
    Membership.objects.create(
        user=user, unit=units["ubnd-tam-duong"], role=Membership.Role.OFFICE_STAFF
    )
    return units


def upload(page: Page, path: Path) -> None:
    page.get_by_label("Loại dữ liệu").select_option(label="Cá nhân")
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()


def status(page: Page):
    return page.locator("#status-title .badge")


def count(page: Page, key: str):
    return page.locator(f"dd[data-count={key}]")


def test_import_people_from_the_template(
    page: Page, live_server, world, tmp_path, screenshot_dir, axe_check, monkeypatch
):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    people_before = Person.objects.count()

    # 1. from the dashboard to the Excel page
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name="Nhập, xuất Excel").click()
    expect(page.get_by_role("heading", name="Nhập, xuất dữ liệu Excel")).to_be_visible()
    expect(page.get_by_label("Cơ quan thường trực").locator("option:checked")).to_have_text(
        "UBND huyện Tam Đường"
    )
    axe_check(page, "nhập, xuất Excel")
    page.screenshot(path=str(screenshot_dir / "sheets-1-page.png"), full_page=True)

    # 2. the template for people, from the page's link
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải mẫu cá nhân").click()
    assert download.value.suggested_filename.startswith("mau-nhap-ca-nhan")
    template = tmp_path / "mau.xlsx"
    download.value.save_as(template)
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Dữ liệu", "Hướng dẫn", "Danh mục"]
    sheet = book["Dữ liệu"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "Mã cá nhân",
        "Họ và tên *",
        "Đơn vị *",
        "Chức vụ",
        "Giới tính *",
        "Dân tộc",
        "Năm sinh",
        "Lao động trực tiếp",
    ]

    # 3. fill it: units by name without diacritics or by code; row 3 has a wrong gender
    sheet.append([None, NAMES[0], "UBND xa Binh Lu", "Cán bộ văn hóa xã", "Nữ", "Thái", 1990, ""])
    sheet.append([None, NAMES[1], "ubnd-x-son-binh", "Trưởng bản", "Khác", "Thái", 1978, "Có"])
    sheet.append([None, NAMES[2], "ubnd-tt-tam-duong", "", "nu", "Mông", 1995, "Không"])
    filled = tmp_path / "ca-nhan-tam-duong.xlsx"
    book.save(filled)

    # 4. upload: the check refuses row 3, nothing is written
    upload(page, filled)
    expect(page.get_by_role("heading", name="Nhập cá nhân: ca-nhan-tam-duong.xlsx")).to_be_visible()
    expect(status(page)).to_have_text("Có lỗi, chưa nhập")
    expect(page.get_by_role("alert").filter(has_text="Chưa ghi dòng nào.")).to_contain_text(
        "Có 1 lỗi trong 1 dòng."
    )
    expect(page.locator("#problems tbody tr")).to_have_count(1)
    expect(page.locator("#problems tbody tr td")).to_have_text(
        ["3", "Giới tính", "“Khác” không có trong danh mục. Ghi một trong: Nam; Nữ."]
    )
    expect(page.locator("#preview tr.preview--refuse td").first).to_have_text("3")
    expect(count(page, "create")).to_have_text("2")
    expect(count(page, "refuse")).to_have_text("1")
    assert Person.objects.count() == people_before
    axe_check(page, "lần nhập có lỗi")
    page.screenshot(path=str(screenshot_dir / "sheets-2-errors.png"), full_page=True)

    # the refused rows also come as a workbook
    href = page.get_by_role("link", name="Tải danh sách lỗi (.xlsx)").get_attribute("href")
    response = page.context.request.get(base + href)
    problems = openpyxl.load_workbook(io.BytesIO(response.body()))["Lỗi"]
    assert list(problems.iter_rows(min_row=2, values_only=True)) == [
        (3, "Giới tính", "“Khác” không có trong danh mục. Ghi một trong: Nam; Nữ.")
    ]

    # 5. fix the row, upload the whole file again: every row is ready
    sheet["E3"] = "Nam"
    book.save(filled)
    page.get_by_role("link", name="Nhập, xuất dữ liệu Excel").click()
    upload(page, filled)
    expect(status(page)).to_have_text("Chờ xác nhận")
    expect(count(page, "create")).to_have_text("3")
    expect(count(page, "refuse")).to_have_text("0")
    expect(page.locator("#preview tbody tr")).to_have_count(3)
    expect(page.locator("#preview tbody tr").nth(0).locator("td")).to_have_text(
        ["2", "Thêm mới", "Lò Thị Hương (UBND xã Bình Lư)", ""]
    )
    expect(page.locator("#problems")).to_have_count(0)
    axe_check(page, "xem trước")
    page.screenshot(path=str(screenshot_dir / "sheets-3-preview.png"), full_page=True)

    # 6. confirm; the import is held in the queue for a moment so that the progress shows
    held: list[tuple[str, int]] = []
    monkeypatch.setattr(services, "_enqueue", lambda step, pk: held.append((step, pk)))
    page.get_by_role("button", name="Xác nhận nhập 3 dòng").click()
    expect(status(page)).to_have_text("Đang nhập")
    expect(page.get_by_role("status")).to_have_text("Đang nhập 0/3 dòng (0%).")
    expect(page.locator("progress")).to_have_attribute("value", "0")
    assert Person.objects.count() == people_before
    page.screenshot(path=str(screenshot_dir / "sheets-4-progress.png"), full_page=False)

    # the worker runs it; the page looks again by itself (every 2 s) and shows the result
    [(step, record_id)] = held
    assert step == "apply"
    services.import_run(step=step, record_id=record_id)
    expect(status(page)).to_have_text("Đã nhập", timeout=10_000)
    expect(page.locator("progress")).to_have_attribute("value", "100")
    expect(page.get_by_text("Đã nhập xong lúc")).to_contain_text("(xác nhận: Nguyễn Thị Hoa)")
    expect(count(page, "create")).to_have_text("3")
    expect(page.get_by_role("columnheader", name="Việc đã làm")).to_be_visible()
    axe_check(page, "đã nhập")
    page.screenshot(path=str(screenshot_dir / "sheets-5-done.png"), full_page=True)

    people = {p.full_name: p for p in Person.objects.filter(full_name__in=NAMES)}
    assert set(people) == set(NAMES)
    assert people["Lò Thị Hương"].unit == world["ubnd-x-binh-lu"]
    assert people["Tòng Văn Minh"].gender == "male" and people["Tòng Văn Minh"].is_direct_worker
    assert people["Giàng Thị Mỷ"].gender == "female"
    assert people["Giàng Thị Mỷ"].unit == world["ubnd-tt-tam-duong"]

    # 7. the export has the template's columns and now the new people
    page.get_by_role("link", name="Nhập, xuất dữ liệu Excel").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất cá nhân (.xlsx)").click()
    export = tmp_path / download.value.suggested_filename
    download.value.save_as(export)
    exported = openpyxl.load_workbook(export)["Dữ liệu"]
    assert [c.value for c in exported[1]] == header
    assert {row[1] for row in exported.iter_rows(min_row=2, values_only=True)} >= set(NAMES)

    # 8. revert, with a reason: the three people are gone
    page.get_by_role("link", name="ca-nhan-tam-duong.xlsx").first.click()
    expect(status(page)).to_have_text("Đã nhập")
    page.get_by_text("Hoàn tác lần nhập này").click()
    page.get_by_label("Lý do hoàn tác").fill("Nhập thử trước khi nhập danh sách chính thức")
    page.once("dialog", lambda dialog: dialog.accept())  # "Hoàn tác lần nhập này? …"
    page.get_by_role("button", name="Hoàn tác").click()
    expect(page.get_by_text("Đã hoàn tác lần nhập")).to_be_visible()
    expect(status(page)).to_have_text("Đã hoàn tác")
    expect(page.get_by_text("Lý do: Nhập thử trước khi nhập danh sách chính thức")).to_be_visible()
    assert not Person.objects.filter(full_name__in=NAMES).exists()
    assert ImportRecord.objects.get(pk=record_id).status == ImportRecord.Status.REVERTED
