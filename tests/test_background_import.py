"""Big Excel imports run by a worker: all or nothing, with every refused row reported
by its Excel row number, and the result on the job's page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from units.models import FileJob, Person

pytestmark = pytest.mark.django_db
HEADERS = ["Mã cá nhân", "Họ và tên", "Mã đơn vị", "Chức vụ", "Giới tính", "Dân tộc"]


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("can-bo.xlsx", buffer.getvalue())


def upload(admin_client, file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker runs after commit
        return admin_client.post(reverse("admin:units_person_import_background"), {"file": file})


def test_a_big_file_is_imported_by_the_worker(
    admin_client, demo_units, django_capture_on_commit_callbacks
):
    before = Person.objects.count()
    rows = [
        ["", f"Người thứ {i}", "ubnd-x-binh-lu", "Chuyên viên", "Nữ", "Thái"] for i in range(300)
    ]
    response = upload(admin_client, xlsx(rows), django_capture_on_commit_callbacks)
    job = FileJob.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.status == "done" and Person.objects.count() == before + 300
    page = admin_client.get(response["Location"]).content.decode()
    assert "Đã nhập 300 dòng cá nhân: 300 thêm mới" in page


def test_one_bad_row_refuses_the_file_and_names_its_excel_row(
    admin_client, demo_units, django_capture_on_commit_callbacks
):
    before = Person.objects.count()
    rows = [
        ["", "Lò Văn Một", "ubnd-x-binh-lu", "", "Nam", "Thái"],
        ["", "Lò Văn Hai", "ubnd-x-binh-lu", "", "Nam", "Thái"],
        ["", "Lò Văn Ba", "khong-co-don-vi-nay", "", "Nam", "Thái"],  # Excel row 4
    ]
    response = upload(admin_client, xlsx(rows), django_capture_on_commit_callbacks)
    job = FileJob.objects.get()
    assert job.status == "failed" and Person.objects.count() == before  # nothing half-written
    page = admin_client.get(response["Location"]).content.decode()
    assert "Không nhập dòng nào" in page
    report = b"".join(
        admin_client.get(reverse("jobs:download", args=[job.pk])).streaming_content
    ).decode("utf-8-sig")
    assert "Dòng 4 (Excel)" in report and "khong-co-don-vi-nay" in report
    assert "Dòng 2 (Excel)" not in report and "Dòng 3 (Excel)" not in report


def test_a_file_that_is_not_xlsx_is_refused_on_the_form(admin_client, demo_units):
    response = admin_client.post(
        reverse("admin:units_person_import_background"),
        {"file": SimpleUploadedFile("can-bo.xlsx", b"MZ\x90\x00 not a spreadsheet")},
    )
    assert response.status_code == 200 and not FileJob.objects.exists()
    assert "không đúng định dạng cho phép" in response.content.decode()


def test_only_staff_with_import_rights_reach_the_page(client, make_member, demo_units):
    url = reverse("admin:units_person_import_background")
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(make_member("cb.thuong", demo_units["ubnd-x-binh-lu"]))
    assert client.get(url).status_code == 302  # not staff: the admin login again


def test_the_admin_list_offers_the_background_import(admin_client, demo_units):
    page = admin_client.get(reverse("admin:units_person_changelist")).content.decode()
    assert "Nhập tệp lớn (chạy nền)" in page
    assert reverse("admin:units_person_import_background") in page
