"""The body code in use when `Unit.symbol_code` is blank (decisions 0040, 0054): the admin
and the units' exports show the derived code, and never store it."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from units.models import ImportRecord, Membership
from units.resources import UnitResource

from .test_sheets import run

pytestmark = pytest.mark.django_db

STORED = "Chữ viết tắt trong ký hiệu"
IN_USE = "Chữ viết tắt đang dùng"


@pytest.fixture
def office(demo_units, make_member):
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


def _rows(content: bytes) -> tuple[list, dict[str, list]]:
    rows = list(load_workbook(io.BytesIO(content))["Dữ liệu"].iter_rows(values_only=True))
    return list(rows[0]), {row[0]: list(row) for row in rows[1:]}


def test_the_admin_shows_the_code_in_use_on_the_list_and_the_form(client, admin_user, demo_units):
    demo_units["pnv-tp-lai-chau"].symbol_code = "NV-TP"
    demo_units["pnv-tp-lai-chau"].save()
    client.force_login(admin_user)
    listing = client.get(reverse("admin:units_unit_changelist"), {"q": "Phòng Nội vụ"})
    page = listing.content.decode()
    assert IN_USE in page
    assert "(tự suy ra: PNV)" in page  # Phòng Nội vụ huyện Tam Đường, blank
    assert "NV-TP" in page
    phong = demo_units["pnv-tam-duong"]
    form = client.get(reverse("admin:units_unit_change", args=[phong.pk])).content.decode()
    assert "(tự suy ra: PNV)" in form
    phong.refresh_from_db()
    assert phong.symbol_code == ""  # shown, not stored


def test_the_excel_export_shows_the_code_in_use_beside_the_stored_one(demo_units, office, client):
    demo_units["pnv-tam-duong"].symbol_code = "NV"
    demo_units["pnv-tam-duong"].save()
    client.force_login(office)
    header, rows = _rows(client.get(reverse("sheets:export", args=["units"])).content)
    stored, in_use = header.index(STORED), header.index(IN_USE)
    assert rows["ubnd-tam-duong"][stored] in (None, "")
    assert rows["ubnd-tam-duong"][in_use] == "UBND"
    assert rows["pnv-tam-duong"][stored] == "NV" and rows["pnv-tam-duong"][in_use] == "NV"
    # The template has nothing to show: the column is the export's only.
    template = client.get(reverse("sheets:template", args=["units"])).content
    assert IN_USE not in _rows(template)[0]


def test_an_export_read_back_stores_no_derived_code_and_a_rename_still_derives(
    demo_units, office, client
):
    phong = demo_units["pnv-tam-duong"]
    client.force_login(office)
    content = client.get(reverse("sheets:export", args=["units"])).content
    book = load_workbook(io.BytesIO(content))
    sheet = book["Dữ liệu"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == phong.code)
    assert sheet.cell(row, header.index(IN_USE) + 1).value == "PNV"
    # A clerk who types in the shown column changes nothing: it is not read.
    sheet.cell(row, header.index(IN_USE) + 1).value = "XYZ"
    buffer = io.BytesIO()
    book.save(buffer)

    record = run(office, "units", buffer.getvalue(), demo_units["ubnd-tam-duong"])
    assert record.status == ImportRecord.Status.READY, record.problems
    assert record.counts["update"] == 0
    assert any(IN_USE in column for column in record.counts["ignored_columns"])
    phong.refresh_from_db()
    assert phong.symbol_code == ""
    phong.name = "Phòng Tư pháp huyện Tam Đường"
    phong.save()
    assert phong.document_code == "PTP"


def test_the_admin_export_shows_the_code_in_use_and_its_import_does_not_store_it(demo_units):
    phong = demo_units["pnv-tam-duong"]
    dataset = UnitResource().export()
    line = dataset.dict[[r["Mã đơn vị"] for r in dataset.dict].index(phong.code)]
    assert line[STORED] == "" and line[IN_USE] == "PNV"
    index = [r[0] for r in dataset].index(phong.code)
    values = list(dataset[index])
    values[dataset.headers.index(IN_USE)] = "XYZ"
    del dataset[index]
    dataset.insert(index, values)
    result = UnitResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    phong.refresh_from_db()
    assert phong.symbol_code == "" and phong.document_code == "PNV"
