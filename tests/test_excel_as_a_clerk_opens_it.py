"""Issue 14, seventh exploration round (decision 0043): every Excel download opened as a
clerk opens it in Excel, and the files a clerk really uploads by mistake.

Excel shows "########" for a date or a number wider than its column, and cuts a text
that the next cell's value stops; an old Excel 97–2003 workbook (.xls) or a CSV saved
under a .xlsx name must be named for what it is, with the way to make it a .xlsx."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from awards import money
from awards.models import Fund, FundEntry
from tests.factories import issued_decision, passed_nominations
from units.models import ImportRecord, Membership, Unit

pytestmark = pytest.mark.django_db

# An Excel 97–2003 workbook as Excel writes it: the OLE2 compound file's signature, and
# its "Workbook" stream named in the directory (UTF-16).
OLD_EXCEL = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 504
    + "Workbook".encode("utf-16-le")
    + b"\x00" * 1536
)
CSV_TEXT = "Mã cá nhân,Họ và tên *,Đơn vị *,Giới tính *\n,Lò Văn Pọm,ubnd-x-binh-lu,Nam\n"


def width(sheet, column: int) -> float:
    """The column's width as Excel reads it (8.43 when the file sets none)."""
    dimension = sheet.column_dimensions.get(get_column_letter(column))
    return (dimension.width if dimension is not None else None) or 8.43


def post_file(client, office_unit, name: str, content: bytes):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("sheets:index"),
            {
                "kind": "persons",
                "office": office_unit.pk,
                "file": SimpleUploadedFile(name, content),
            },
        )


@pytest.fixture
def office(demo_units, make_member):
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


@pytest.mark.parametrize("name", ["ca-nhan.xls", "ca-nhan.xlsx"])
def test_an_old_excel_workbook_is_named_and_told_how_to_save_it_as_xlsx(
    client, demo_units, office, name
):
    """Many offices still keep their lists as Excel 97–2003 files. Uploaded (or renamed
    .xlsx), it read "không đúng định dạng cho phép (XLSX)": the clerk saw an Excel file
    refused as not Excel."""
    client.force_login(office)
    response = post_file(client, demo_units["ubnd-tam-duong"], name, OLD_EXCEL)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Excel 97-2003 (.xls)" in page
    assert "Excel Workbook (*.xlsx)" in page
    assert not ImportRecord.objects.exists()


def test_a_csv_saved_as_xlsx_is_named_and_told_how_to_save_it_as_xlsx(client, demo_units, office):
    client.force_login(office)
    response = post_file(
        client, demo_units["ubnd-tam-duong"], "ca-nhan.xlsx", CSV_TEXT.encode("utf-8")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "văn bản CSV" in page and "Excel Workbook (*.xlsx)" in page
    assert not ImportRecord.objects.exists()


def test_an_empty_file_is_refused_in_words(client, demo_units, office):
    client.force_login(office)
    response = post_file(client, demo_units["ubnd-tam-duong"], "ca-nhan.xlsx", b"")
    assert response.status_code == 400
    assert "Tệp tải lên trống." in response.content.decode()
    assert not ImportRecord.objects.exists()


def test_a_unit_name_shared_with_a_merged_unit_says_which_code_is_the_old_one(demo_units, office):
    """The register takes old units (before the 2025 merger), so a name two units share
    is refused until the row gives a code: the message listed both codes without saying
    which one was the unit that is no more."""
    old = demo_units["ubnd-x-binh-lu"]
    new = Unit.objects.create(
        code="ubnd-xa-binh-lu-moi", name=old.name, parent=old.parent, level=old.level
    )
    Unit.objects.filter(pk=old.pk).update(archived=True, merged_into=new)
    row = ["Lao động tiên tiến", 2023, "UBND xa Binh Lu", "", "Lò Thị A"]
    record = _import_register(office, demo_units["ubnd-tam-duong"], row)
    text = " ".join(problem[2] for problem in record.problems)
    assert "ubnd-x-binh-lu: đơn vị cũ, đã sáp nhập" in text, text
    assert "ubnd-xa-binh-lu-moi: đơn vị hiện nay" in text, text


# Downloads ----------------------------------------------------------------------------


def test_date_times_of_a_downloaded_list_are_not_hashes(client, cycle):
    """The nominations list wrote "Lập lúc" (dd/mm/yyyy hh:mm, 16 characters) in a
    column 12 wide: Excel shows ######## until the clerk widens it."""
    passed_nominations(cycle, 1)
    client.force_login(cycle["staff"])
    response = client.get(reverse("awards:nomination_list"), {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    for title in ("Lập lúc", "Cập nhật lúc"):
        column = header.index(title) + 1
        assert isinstance(sheet.cell(row=2, column=column).value, datetime.datetime)
        assert width(sheet, column) >= 17, (title, width(sheet, column))


def test_every_sheet_of_the_statistics_fits_its_headers_and_figures(client, cycle):
    """The statistics' sheets set no width: "Số lượt khen thưởng", "Lao động trực tiếp",
    "Dân tộc thiểu số" and the units' names were cut at 8 characters."""
    issued_decision(cycle, passed_nominations(cycle, 1))
    client.force_login(cycle["office"])
    book = load_workbook(
        io.BytesIO(client.get(reverse("awards:statistics"), {"xuat": "xlsx"}).content)
    )
    for sheet in book.worksheets:
        for cell in sheet[1]:
            assert width(sheet, cell.column) >= len(str(cell.value)), (sheet.title, cell.value)
    units = book["Theo đơn vị"]
    assert width(units, 1) >= len(cycle["commune"].name)


def test_money_in_the_fund_book_reads_with_thousands(client, cycle):
    """30000000 in a cell is hard to read aright; Excel writes 30.000.000 (or 30,000,000)
    with the thousands format, and the number stays a number."""
    money.fund_entry_add(
        actor=cycle["office"],
        issuer=cycle["district"],
        year=2025,
        kind=FundEntry.Kind.BUDGET,
        amount=30_000_000,
        on=datetime.date(2025, 1, 15),
        description="Dự toán năm",
    )
    fund = Fund.objects.get(issuer=cycle["district"], year=2025)
    client.force_login(cycle["office"])
    response = client.get(reverse("awards:fund_detail", args=[fund.pk]), {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    for title in ("Thu (đồng)", "Số dư (đồng)"):
        cell = sheet.cell(row=2, column=header.index(title) + 1)
        assert cell.value == 30_000_000
        assert cell.number_format == "#,##0", (title, cell.number_format)
    assert "Mức lương cơ sở (đồng)" in header  # formatted as the amounts it multiplies


def test_fitting_never_narrows_a_column_nor_widens_for_text_that_overflows():
    """A guide's long line with nothing on its right overflows in Excel as it is; a
    column the page set wide stays so; a merged title is not a column's width."""
    from units.xlsx import fit_columns

    book = Workbook()
    sheet = book.active
    sheet.append(["Một dòng hướng dẫn rất dài, không có gì bên phải nên Excel cho tràn sang"])
    sheet.append(["Cột", "Cách ghi"])
    sheet.append(["Họ và tên", "x"])
    sheet.column_dimensions["B"].width = 80
    sheet.append(["Tiêu đề gộp qua hai cột, rất dài, rất dài, rất dài", None])
    sheet.merge_cells("A4:B4")
    fit_columns(sheet)
    assert width(sheet, 2) == 80
    assert len("Họ và tên") <= width(sheet, 1) < 20


def test_a_long_summary_wraps_in_a_capped_column_and_short_columns_stay_as_they_were(client, cycle):
    """Sau vòng khám phá (0043): a 230-character "Tóm tắt thành tích" was cut at the
    column's 50 characters by the next cell; it wraps inside a column of at most 60,
    its row's height left for Excel to fit, and the date and short columns are as
    they were."""
    nomination = passed_nominations(cycle, 1)[0]
    summary = "Hoàn thành xuất sắc nhiệm vụ được giao, " * 6  # 234 characters
    nomination.achievement_summary = summary.strip()
    nomination.save()
    client.force_login(cycle["staff"])
    response = client.get(reverse("awards:nomination_list"), {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    column = header.index("Tóm tắt thành tích") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.value == summary.strip()  # the whole text, nothing cut from the file
    assert cell.alignment.wrap_text
    assert cell.alignment.vertical == "top"
    assert 50 <= width(sheet, column) <= 60
    assert sheet.row_dimensions[2].height is None  # Excel fits the row to the text
    moment = sheet.cell(row=2, column=header.index("Lập lúc") + 1)
    assert not moment.alignment.wrap_text and 17 <= width(sheet, moment.column) <= 25
    assert not sheet.cell(row=1, column=column).alignment.wrap_text  # the header row


def test_fitting_wraps_long_text_of_a_table_only():
    """A long text in a table's column wraps (the last column too: printed, it would run
    off the page); a guide's long line with nothing on its right, on a sheet without a
    table, overflows as before, and a text within the cap is not wrapped."""
    from units.xlsx import fit_columns

    long = "Trích yếu rất dài của một quyết định khen thưởng, " * 4
    book = Workbook()
    table = book.active
    table.append(["Số", "Trích yếu", "Ghi chú"])
    table.append([1, long, "ngắn"])
    table.append([2, "ngắn", long])
    fit_columns(table)
    assert table["B2"].alignment.wrap_text and table["C3"].alignment.wrap_text
    assert not table["B3"].alignment.wrap_text and not table["C2"].alignment.wrap_text
    assert width(table, 2) <= 60 and width(table, 3) <= 60
    guide = book.create_sheet("Hướng dẫn")
    guide.append([long])
    fit_columns(guide)
    assert not guide["A1"].alignment.wrap_text and width(guide, 1) == 8.43


def test_an_old_word_file_attached_to_a_dossier_is_named_and_told_how_to_save_it():
    """The same check reads every upload: a Tờ trình kept as Word 97–2003 (.doc)."""
    from django.core.exceptions import ValidationError

    from units.files import validate_upload

    old_word = OLD_EXCEL.replace("Workbook".encode("utf-16-le"), "WordDocument".encode("utf-16-le"))
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("to-trinh.doc", old_word))
    assert "Word 97-2003 (.doc)" in refused.value.messages[0]
    assert "Word Document (*.docx)" in refused.value.messages[0]


def _person_sheet(header: list[str], rows: list[list]) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("ca-nhan.xlsx", buffer.getvalue())


def test_the_admin_import_reads_the_excel_pages_template_and_names_columns_in_its_errors(
    client, admin_user, demo_units
):
    """The administrator filled the template of "Nhập, xuất Excel" ("Họ và tên *") and
    uploaded it in the admin's import: every row was refused for an empty name, unit and
    gender, each error under the database's field name (FULL_NAME, UNIT, GENDER)."""
    from units.sheets.kinds import kind_get

    client.force_login(admin_user)
    url = reverse("admin:units_person_import")
    starred = [c.header + (" *" if c.required else "") for c in kind_get("persons").columns]
    assert "Họ và tên *" in starred  # as the template writes them (SheetKind.workbook)
    row = ["", "Lò Văn Pọm", "ubnd-x-binh-lu", "", "Nam", "Thái", 1979, "Có"]
    response = client.post(url, {"import_file": _person_sheet(starred, [row]), "format": "0"})
    page = response.content.decode()
    assert "confirm_form" in response.context and response.context["confirm_form"], page[-3000:]

    plain = [h.removesuffix(" *") for h in starred]
    empty_name = ["", "", "ubnd-x-binh-lu", "", "Nam", "", "", "Không"]
    response = client.post(url, {"import_file": _person_sheet(plain, [empty_name]), "format": "0"})
    invalid = response.context["result"].invalid_rows[0]
    assert list(invalid.field_specific_errors) == ["Họ và tên"], invalid.field_specific_errors
    assert None not in invalid.values and "None" not in response.content.decode()


def test_the_admin_import_does_not_add_a_person_twice(client, admin_user, demo_units):
    """With "Mã cá nhân" empty, the admin's import added every row as a new person: a
    row twice in the file made two Hoàng Văn Trùng, and a person already on the list
    (same name, unit and birth year) a second Lò Thị A. The Excel page updates them."""
    from units.models import Person

    Person.objects.create(
        full_name="Lò Thị A", unit=demo_units["ubnd-x-binh-lu"], gender="female", birth_year=1988
    )
    before = Person.objects.count()
    client.force_login(admin_user)
    header = ["Mã cá nhân", "Họ và tên", "Đơn vị", "Chức vụ", "Giới tính", "Dân tộc"]
    header += ["Năm sinh", "Lao động trực tiếp"]
    twice = ["", "Hoàng Văn Trùng", "ubnd-x-binh-lu", "Cán bộ", "Nam", "Kinh", 1990, "Không"]
    known = ["", "Lo Thi A", "ubnd-x-binh-lu", "Y tá", "Nữ", "Thái", 1988, "Không"]
    preview = client.post(
        reverse("admin:units_person_import"),
        {"import_file": _person_sheet(header, [twice, twice, known]), "format": "0"},
    )
    confirm = preview.context["confirm_form"]
    response = client.post(
        reverse("admin:units_person_process_import"),
        {**confirm.initial, "format": confirm.initial["format"]},
    )
    assert response.status_code == 302
    assert Person.objects.count() == before + 1
    assert Person.objects.filter(full_name="Hoàng Văn Trùng").count() == 1
    mai = Person.objects.get(full_name="Lò Thị A")  # the name keeps its diacritics
    assert mai.position == "Y tá"


def _register_upload(office, office_unit, decision_date, award="Lao động tiên tiến"):
    row = [award, 2025, "ubnd-x-binh-lu", "", "Lò Thị A", "", "12/QĐ-UBND"]
    return _import_register(office, office_unit, row + [decision_date, "UBND huyện Tam Đường"])


def _import_register(office, office_unit, row: list):
    """The register ("sổ khen thưởng") sheet with one row, imported by `office`."""
    from units.sheets import services
    from units.sheets.kinds import kind_get

    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet.append([c.header for c in kind_get("register").columns])
    sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with TestCase.captureOnCommitCallbacks(execute=True):
        record = services.import_upload(
            actor=office,
            kind="register",
            upload=SimpleUploadedFile("so-khen-thuong.xlsx", buffer.getvalue()),
            office=office_unit,
        )
    record.refresh_from_db()
    return record


def test_a_decision_date_in_the_future_is_said_as_the_clerk_wrote_it(demo_units, cycle):
    """Typed in Excel, a date becomes a date cell: it was refused as "Ngày “2027-01-16”
    nằm ngoài khoảng 1945 đến năm nay.", a date written as the clerk never wrote it, and
    a range where the day is simply still to come."""
    from django.utils import timezone

    from awards.models import AwardGrant

    future = timezone.localdate() + datetime.timedelta(days=40)
    for cell in (datetime.datetime.combine(future, datetime.time()), future.strftime("%d/%m/%Y")):
        record = _register_upload(cycle["office"], demo_units["ubnd-tam-duong"], cell)
        text = " ".join(problem[2] for problem in record.problems)
        assert f"Ngày “{future:%d/%m/%Y}” là ngày trong tương lai" in text, (cell, text)
        assert f"hôm nay là {timezone.localdate():%d/%m/%Y}" in text
    assert not AwardGrant.objects.exists()


def test_a_day_that_does_not_exist_says_how_many_days_the_month_has(demo_units, cycle):
    """The forms say "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."; the import
    said only "không có thật"."""
    record = _register_upload(cycle["office"], demo_units["ubnd-tam-duong"], "31/02/2025")
    text = " ".join(problem[2] for problem in record.problems)
    assert "Ngày “31/02/2025” không có: tháng 2 năm 2025 có 28 ngày." in text, text


def test_an_empty_file_reads_the_same_in_the_admin(client, admin_user, demo_units):
    """The admin's import and "Sắp xếp theo tệp Excel" said Django's "Tập tin được gửi là
    rỗng." where the Excel page says "Tệp tải lên trống."."""
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:units_person_import"),
        {"import_file": SimpleUploadedFile("ca-nhan.xlsx", b""), "format": "0"},
    )
    page = response.content.decode()
    assert "Tệp tải lên trống." in page and "Tập tin được gửi là rỗng." not in page


def test_a_date_column_formatted_as_a_number_says_which_day_it_holds(demo_units, cycle):
    """A date column whose format was set to General shows Excel's day numbers (45000):
    the import said only "không đúng dạng ngày/tháng/năm", and the clerk, who sees
    45000 too, did not know that the day was there under another format."""
    record = _register_upload(cycle["office"], demo_units["ubnd-tam-duong"], 45000)
    text = " ".join(problem[2] for problem in record.problems)
    assert "Ngày “45000” là số ngày của Excel (15/03/2023)" in text, text
    assert "Định dạng ô (Format Cells) › Ngày (Date)" in text, text


def test_an_award_written_short_is_answered_with_the_names_it_may_mean(demo_units, cycle):
    """Clerks write "Giấy khen" or "Bằng khen của Chủ tịch UBND tỉnh": the catalogue's
    names say whose and for whom ("… (cá nhân)"), so the row was refused with only
    "Xem danh sách ở trang “Danh mục”", 35 names to read through."""
    record = _register_upload(cycle["office"], demo_units["ubnd-tam-duong"], "", "giay khen")
    text = " ".join(problem[2] for problem in record.problems)
    assert "Không có danh hiệu, hình thức “giay khen”. Có phải:" in text, text
    assert "Giấy khen của Chủ tịch UBND cấp xã (cá nhân)" in text, text
    assert "Lao động tiên tiến" not in text
