"""Workbooks our pages export: one sheet per table, a bold header row, and text cells
escaped (`escape_formula`) so a name like “=HYPERLINK(...)” stays text in Excel."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .resources import escape_formula

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_new() -> Workbook:
    """A workbook without openpyxl's default empty sheet: sheets come from sheet_add."""
    book = Workbook()
    book.remove(book.active)
    return book


def sheet_add(
    book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence] = ()
) -> Worksheet:
    """A sheet at the end of the workbook, with its bold header row and its rows."""
    sheet = book.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        rows_append(sheet, row)
    return sheet


def rows_append(sheet: Worksheet, row: Sequence) -> None:
    sheet.append([escape_formula(value) for value in row])


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download named `<filename>-<dd-mm-yyyy>.xlsx` (Vietnam's date)."""
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localdate().strftime("%d-%m-%Y")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
