"""A ward's clerk sends the year's list from Excel (decision 0068), in Chromium: from the
unit's list to “Nhập từ Excel”, the template downloaded and filled, two rows refused with
their reasons beside them, fixed, the preview, confirmed; then the drafts found in the
list by the nominee's name typed without diacritics."""

from __future__ import annotations

import re

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from awards.models import Nomination
from tests.e2e.people import PASSWORD, log_in
from units.demo import load_units
from units.models import Membership, Person, Unit

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = timezone.localdate().year


@pytest.fixture
def ward(live_server, reference_data, django_user_model):
    units = load_units()
    tan_phong = units["ubnd-p-tan-phong"]
    user = django_user_model.objects.create_user(
        "cb.tanphong", password=PASSWORD, first_name="Lò Thị Thanh"
    )
    Membership.objects.create(user=user, unit=tan_phong, role=Membership.Role.UNIT_STAFF)
    Unit.objects.create(
        code="tdp-1-tan-phong",
        name="Tổ dân phố 1",
        kind=Unit.Kind.VILLAGE,
        level=Unit.Level.OTHER,
        parent=tan_phong,
    )
    for name, gender, born in (
        ("Lò Thị Mai", "female", 1988),
        ("Đặng Văn Hùng", "male", 1985),
    ):
        Person.objects.create(full_name=name, unit=tan_phong, gender=gender, birth_year=born)
    return tan_phong


def status(page: Page):
    return page.locator("#status-title .badge")


def upload(page: Page, path) -> None:
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()


def test_a_ward_sends_its_yearly_list_from_excel(
    page: Page, live_server, ward, tmp_path, screenshot_dir, axe_check
):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "cb.tanphong")

    # 1. from the unit's list to the import, the ward already chosen
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/")
    page.get_by_role("link", name="Nhập từ Excel").click()
    expect(page.get_by_role("heading", name="Nhập, xuất dữ liệu Excel")).to_be_visible()
    expect(page.get_by_label("Loại dữ liệu").locator("option:checked")).to_have_text(
        "Đề nghị khen thưởng"
    )
    expect(page.get_by_label("Đơn vị đề nghị").locator("option:checked")).to_have_text(
        "UBND phường Tân Phong"
    )

    # 2. the template, with its drop-down of the award types in force
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải mẫu đề nghị khen thưởng").click()
    template = tmp_path / "mau.xlsx"
    download.value.save_as(template)
    book = openpyxl.load_workbook(template)
    sheet = book["Dữ liệu"]
    assert [c.value for c in sheet[1]][:3] == ["Danh hiệu, hình thức *", "Năm xét *", "Họ và tên"]

    # 3. the year's list: row 4 proposes a title as “Đột xuất”, row 5 a name not on the list
    def add(award, name="", born=None, gender="", new="", unit="", kind=""):
        sheet.append([award, YEAR, name, born, gender, "", new, unit, "", kind, ""])

    add("Lao động tiên tiến", "Lo Thi Mai", 1988)
    add("Lao động tiên tiến", "Đặng Văn Hùng")
    add("Chiến sĩ thi đua cơ sở", "Lò Thị Mai", kind="Đột xuất")
    add("Lao động tiên tiến", "Giàng Thị Dở")
    add("Tập thể lao động tiên tiến", unit="Tổ dân phố 1")
    filled = tmp_path / f"de-nghi-tan-phong-{YEAR}.xlsx"
    book.save(filled)

    # 4. uploaded: each wrong row says why, beside it; nothing is written
    upload(page, filled)
    expect(status(page)).to_have_text("Có lỗi, chưa nhập")
    expect(page.locator("#problems tbody tr")).to_have_count(2)
    refused = page.locator("#preview tr.preview--refuse")
    expect(refused).to_have_count(2)
    expect(refused.nth(0)).to_contain_text("không xét đột xuất")
    expect(refused.nth(1)).to_contain_text(
        "Không có “Giàng Thị Dở” trong danh sách cá nhân của UBND phường Tân Phong"
    )
    expect(refused.nth(1)).to_contain_text("ghi “Có” ở cột “Người mới”")
    assert not Nomination.objects.exists()
    axe_check(page, "lần nhập đề nghị có lỗi")
    page.screenshot(path=str(screenshot_dir / "nominations-import-1-errors.png"), full_page=True)

    # 5. fixed in Excel: the title by the year, the new person marked as new
    sheet["J4"] = None
    sheet["E5"], sheet["G5"], sheet["D5"] = "Nữ", "Có", 1996
    book.save(filled)
    page.get_by_role("link", name="Nhập, xuất dữ liệu Excel").click()
    upload(page, filled)
    expect(status(page)).to_have_text("Chờ xác nhận")
    expect(page.locator("dd[data-count=create]")).to_have_text("5")
    expect(page.locator("#preview tbody tr").nth(3)).to_contain_text(
        "Thêm cá nhân mới vào danh sách của UBND phường Tân Phong: Giàng Thị Dở, Nữ, sinh năm 1996."
    )
    page.screenshot(path=str(screenshot_dir / "nominations-import-2-preview.png"), full_page=True)

    # 6. confirmed: five drafts of the ward, written at once
    page.get_by_role("button", name="Xác nhận nhập 5 dòng").click()
    expect(status(page)).to_have_text("Đã nhập", timeout=10_000)
    assert Nomination.objects.filter(nominating_unit=ward, status="draft").count() == 5

    # 7. the drafts in the unit's list, found by a name typed without diacritics
    page.get_by_role("link", name=re.compile("Mở các đề nghị dự thảo")).click()
    expect(page.locator("table tbody tr")).to_have_count(5)
    page.get_by_label("Tên đối tượng").fill("lo thi mai")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Lò Thị Mai")
    expect(rows.nth(0)).to_contain_text(timezone.localdate().strftime("%d/%m/%Y"))
    expect(page.get_by_label("Trạng thái").locator("option:checked")).to_have_text("Dự thảo")
    axe_check(page, "danh sách đề nghị đã lọc")
    page.screenshot(path=str(screenshot_dir / "nominations-import-3-list.png"), full_page=True)
