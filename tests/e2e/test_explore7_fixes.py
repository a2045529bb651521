"""Issue 14, seventh exploration round (the `explore7` branch: decision 0043): Excel in
and out as the office's clerk, and the public honour roll as a citizen on a phone."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from playwright.sync_api import Page, expect

from tests.e2e.people import log_in
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
# An Excel 97–2003 workbook as Excel writes it (OLE2 signature, a "Workbook" stream).
OLD_EXCEL = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 504
    + "Workbook".encode("utf-16-le")
    + b"\x00" * 1536
)


def test_the_office_uploads_an_old_excel_file_then_downloads_its_inbox(
    page: Page,
    live_server,
    world,  # noqa: F811
    tmp_path,
    axe_check,
):
    """The clerk sends the list kept as Excel 97–2003: it read "không đúng định dạng cho
    phép (XLSX)", an Excel file refused as not Excel. Then "Tải Excel" of the inbox:
    its "Lập lúc" showed ######## in a column 12 wide."""
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "nv.tamduong")
    page.get_by_role("link", name=re.compile("Nhập, xuất Excel")).first.click()
    old = tmp_path / "danh-sach-ca-nhan.xls"
    old.write_bytes(OLD_EXCEL)
    page.get_by_label("Loại dữ liệu").select_option(label="Cá nhân")
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(old))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    beside = page.locator(".field--error").filter(has_text="Excel 97-2003 (.xls)")
    expect(beside).to_contain_text("Excel Workbook (*.xlsx)")
    expect(page.get_by_text("Các lần nhập")).to_be_visible()
    expect(page.get_by_text("Chưa có lần nhập nào.")).to_be_visible()  # nothing half-written
    axe_check(page, "nhập Excel, tệp .xls")

    page.goto(base + "/quan-ly/khen-thuong/tham-dinh/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Excel").click()
    book = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert sheet.max_row > 1, "the inbox of the stage has dossiers"
    for title in ("Lập lúc", "Cập nhật lúc"):
        letter = get_column_letter(header.index(title) + 1)
        assert sheet.column_dimensions[letter].width >= 17, (title, letter)
    assert not any(cell.value == "None" for row in sheet.iter_rows() for cell in row), (
        "no 'None' in a cell"
    )


def test_a_citizen_on_a_phone_searches_the_honour_roll_for_a_name_not_on_it(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    base = live_server.url
    page.set_viewport_size(PHONE)
    page.goto(base + "/")
    page.get_by_role("link", name="Vinh danh").click()
    page.get_by_label("Tên người, đơn vị").fill("nguyen van be")
    page.get_by_role("button", name="Tìm").click()
    expect(page).to_have_title("Vinh danh: tìm “nguyen van be” — thidua")
    expect(
        page.get_by_role("cell", name=re.compile("Không tìm thấy tập thể, cá nhân nào"))
    ).to_contain_text("bỏ bớt điều kiện lọc")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page, "vinh danh, không tìm thấy (375 px)")


def test_a_citizen_on_a_phone_looks_for_the_decisions_of_a_year(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """The decisions were 20 a page with no way to look for a year or a body."""
    base = live_server.url
    page.set_viewport_size(PHONE)
    page.goto(base + "/")
    page.get_by_role("link", name="Quyết định").first.click()
    page.get_by_label("Năm").fill("2019")
    page.get_by_role("button", name="Tìm").click()
    expect(page).to_have_title("Quyết định khen thưởng năm 2019 — thidua")
    expect(page.get_by_text("Không tìm thấy quyết định nào ban hành năm 2019")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page, "quyết định, tìm theo năm (375 px)")
