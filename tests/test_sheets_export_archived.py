"""After the 2025 reform the units export leaves out the archived units, so that the
export reads back unchanged (it gave 24 refused rows: “đã lưu trữ: không sửa được”)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from units.demo import load_demo_reform, load_persons
from units.models import ImportRecord, Membership, Unit
from units.sheets import services

pytestmark = pytest.mark.django_db


def test_units_export_after_the_reform_reads_back_unchanged(demo_units, make_member, client):
    load_persons(demo_units)
    load_demo_reform(demo_units)
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    office = make_member("nv.tinh", province, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    response = client.get(reverse("sheets:export", args=["units"]))
    codes = {
        row[0]
        for row in load_workbook(io.BytesIO(response.content))["Dữ liệu"].iter_rows(
            min_row=2, values_only=True
        )
    }
    assert "ubnd-x-son-binh" not in codes  # merged, archived
    assert codes == set(Unit.objects.active().values_list("code", flat=True))

    with TestCase.captureOnCommitCallbacks(execute=True):
        record = services.import_upload(
            actor=office,
            kind="units",
            upload=SimpleUploadedFile("don-vi.xlsx", response.content),
            office=province,
        )
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.READY, record.problems[:3]
    assert record.counts["unchanged"] == record.rows_total == len(codes)
