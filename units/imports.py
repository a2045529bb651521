"""Big Excel imports run by a worker: units and persons from an xlsx of any size.

The admin's own import (django-import-export) reads and validates a file twice inside
the request, which is fine for a few hundred rows. For a province's tens of thousands
the clerk uploads the file here: a worker imports it all or nothing, and the job's
page gives the result and a report with every refused row by its Excel row number.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from import_export.formats.base_formats import XLSX as XLSXFormat

from .files import XLSX, validate_upload
from .jobs import JobResult, job_builder, job_start
from .models import FileJob
from .resources import PersonResource, UnitResource

IMPORTS = {
    "units.import_units": ("đơn vị", UnitResource),
    "units.import_persons": ("cá nhân", PersonResource),
}
HEADER_ROWS = 1  # Excel row 1 holds the column names; data starts on row 2


def import_start(*, actor: AbstractBaseUser, kind: str, upload: UploadedFile) -> FileJob:
    """Check the upload is an xlsx and queue its import."""
    validate_upload(upload, allowed=(XLSX,))
    what, _ = IMPORTS[kind]
    return job_start(
        actor=actor,
        kind=kind,
        title=f"Nhập danh sách {what} từ tệp {upload.name[:120]}",
        filename="bao-cao-nhap.txt",
        params={"original_name": upload.name[:255]},
        source=upload,
    )


def _messages(error) -> list[str]:
    if hasattr(error, "message_dict"):
        return [f"{field}: {'; '.join(msgs)}" for field, msgs in error.message_dict.items()]
    if hasattr(error, "messages"):
        return list(error.messages)
    return [str(error)]


def run_import(job: FileJob) -> JobResult:
    """Import the job's xlsx in one transaction; any refused row refuses the file."""
    what, resource_class = IMPORTS[job.kind]
    with job.source.open("rb") as handle:
        dataset = XLSXFormat().create_dataset(handle.read())
    result = resource_class().import_data(
        dataset, dry_run=False, raise_errors=False, use_transactions=True
    )
    lines = []
    for number, errors in result.row_errors():
        for error in errors:
            lines.append(f"Dòng {number + HEADER_ROWS} (Excel): {error.error}")
    for row in result.invalid_rows:
        for message in _messages(row.error):
            lines.append(f"Dòng {row.number + HEADER_ROWS} (Excel): {message}")
    for error in result.base_errors:
        lines.append(f"Lỗi tệp: {error.error}")
    rows = len(dataset)
    if lines:
        summary = (
            f"Không nhập dòng nào: {len(lines)} lỗi trong {rows} dòng. "
            "Sửa các dòng trong báo cáo rồi gửi lại cả tệp."
        )
        return JobResult(_report(job, summary, lines), summary, ok=False)
    totals = result.totals
    summary = (
        f"Đã nhập {rows} dòng {what}: {totals.get('new', 0)} thêm mới, "
        f"{totals.get('update', 0)} cập nhật, {totals.get('skip', 0)} không đổi."
    )
    return JobResult(_report(job, summary, []), summary)


def _report(job: FileJob, summary: str, lines: list[str]) -> bytes:
    head = [job.title, summary, ""]
    return ("\ufeff" + "\r\n".join(head + lines) + "\r\n").encode("utf-8")


for _kind in IMPORTS:
    job_builder(_kind)(run_import)
