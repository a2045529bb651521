"""A body's symbol code ("Chữ viết tắt trong ký hiệu", decision 0040) in the units' Excel
sheet: exported, read back with the admin's checks, and printed on the next Tờ trình."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import pdf
from units.models import ImportRecord, Membership, Unit
from units.resources import UnitResource
from units.sheets import services

from .test_body_symbol_code import flat
from .test_sheets import confirm, headers, run, xlsx

pytestmark = pytest.mark.django_db

HEADER = "Chữ viết tắt trong ký hiệu"


@pytest.fixture
def office(demo_units, make_member):
    """The standing office of Huyện Tam Đường (its Phòng Nội vụ is in its scope)."""
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content))["Dữ liệu"]


def _rows_by_code(sheet) -> tuple[list[str], dict[str, list]]:
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), {row[0]: list(row) for row in rows[1:]}


def test_the_export_has_the_column_blank_when_the_code_is_derived(demo_units, office, client):
    demo_units["pnv-tam-duong"].symbol_code = "NV"
    demo_units["pnv-tam-duong"].save()
    client.force_login(office)
    header, rows = _rows_by_code(
        _sheet(client.get(reverse("sheets:export", args=["units"])).content)
    )
    column = header.index(HEADER)
    assert rows["pnv-tam-duong"][column] == "NV"
    assert rows["ubnd-tam-duong"][column] in (None, "")  # derived: UBND


def test_export_change_one_cell_import_and_the_next_to_trinh_carries_it(demo_units, office, client):
    phong = demo_units["pnv-tam-duong"]
    assert "Số: /TTr-PNV" in flat(pdf.submission_pdf(phong, []))
    client.force_login(office)
    content = client.get(reverse("sheets:export", args=["units"])).content
    book = load_workbook(io.BytesIO(content))
    sheet = book["Dữ liệu"]
    column = [c.value for c in sheet[1]].index(HEADER) + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == phong.code)
    sheet.cell(row, column).value = "PNV-TD"
    buffer = io.BytesIO()
    book.save(buffer)

    record = run(office, "units", buffer.getvalue(), demo_units["ubnd-tam-duong"])
    assert record.status == ImportRecord.Status.READY, record.problems
    assert record.counts["update"] == 1 and record.counts["create"] == 0
    assert [line[3] for line in record.preview if line[1] == "update"] == [
        "Chữ viết tắt trong ký hiệu: “(trống)” → “PNV-TD”"
    ]
    confirm(office, record)
    phong.refresh_from_db()
    assert phong.symbol_code == "PNV-TD" and phong.document_code == "PNV-TD"
    assert "Số: /TTr-PNV-TD" in flat(pdf.submission_pdf(phong, []))
    # The new export reads back unchanged: the code is kept, not derived again.
    again = client.get(reverse("sheets:export", args=["units"])).content
    assert run(office, "units", again, demo_units["ubnd-tam-duong"]).counts["update"] == 0
    # Reverted, the Phòng is back to its derived code.
    services.import_revert(actor=office, record=record, reason="Nhập nhầm tệp")
    phong.refresh_from_db()
    assert phong.symbol_code == "" and phong.document_code == "PNV"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("QĐ-PNV", "Không ghi tên loại văn bản (QĐ, TTr, BC…)"),
        ("TTr-PNV", "Không ghi tên loại văn bản (QĐ, TTr, BC…)"),
        ("P/NV", "không có dấu cách hay dấu /"),
        ("P NV", "không có dấu cách hay dấu /"),
    ],
)
def test_a_wrong_code_is_refused_on_its_row_and_nothing_is_written(
    demo_units, office, code, message
):
    def row(unit_code: str, symbol: str) -> list:
        unit = demo_units[unit_code]
        return [
            unit.code,
            unit.name,
            unit.short_name,
            unit.get_kind_display(),
            unit.get_level_display(),
            unit.parent.code,
            "Có" if unit.is_issuing_body else "Không",
            unit.locality,
            unit.admin_code,
            symbol,
        ]

    header = headers("units")
    assert header[-1] == HEADER
    content = xlsx(header, [row("ubnd-x-binh-lu", "UBND-BL"), row("pnv-tam-duong", code)])
    record = run(office, "units", content, demo_units["ubnd-tam-duong"])
    assert record.status == ImportRecord.Status.REFUSED
    assert [(p[0], p[1]) for p in record.problems] == [(3, HEADER)]
    assert message in record.problems[0][2]
    assert not Unit.objects.exclude(symbol_code="").exists()  # the good row is not written


def test_the_help_sheet_documents_the_column_with_an_example(office, client):
    client.force_login(office)
    book = load_workbook(io.BytesIO(client.get(reverse("sheets:template", args=["units"])).content))
    assert HEADER in [c.value for c in book["Dữ liệu"][1]]
    line = next(r for r in book["Hướng dẫn"].iter_rows(values_only=True) if r[0] == HEADER)
    assert line[3] == "PNV"
    assert "Để trống" in line[2] and "UBND" in line[2] and "QĐ-PNV" in line[2]


def test_the_admin_export_and_import_carry_the_code(demo_units):
    phong = demo_units["pnv-tam-duong"]
    phong.symbol_code = "NV"
    phong.save()
    dataset = UnitResource().export()
    assert dataset.dict[[r["Mã đơn vị"] for r in dataset.dict].index(phong.code)][HEADER] == "NV"
    column = dataset.headers.index(HEADER)
    index = [r[0] for r in dataset].index(phong.code)
    values = list(dataset[index])
    values[column] = "QĐ-NV"
    del dataset[index]
    dataset.insert(index, values)
    result = UnitResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    phong.refresh_from_db()
    assert phong.symbol_code == "NV"
