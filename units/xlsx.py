"""Workbooks our pages export: one sheet per table, a bold header row, and text cells
escaped (`escape_formula`) so a name like “=HYPERLINK(...)” stays text in Excel."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .resources import escape_formula

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_new() -> Workbook:
    """A workbook without openpyxl's default empty sheet: sheets come from sheet_add."""
    book = Workbook()
    book.remove(book.active)
    return book


ListColumn = tuple[str, Callable[[Any], Any]]
"""A column of a downloaded list: its Vietnamese header and how a row gives its cell."""

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def yes_no(value) -> str:
    """A yes/no cell as the imports read it (units/sheets/columns.yes_no)."""
    return "Có" if value else "Không"


def excel_value(value):
    """Excel keeps no time zone: an aware moment is written as Vietnam's local time."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def sheet_add(
    book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence] = ()
) -> Worksheet:
    """A sheet at the end of the workbook, with its bold header row and its rows."""
    sheet = book.create_sheet(title)
    sheet.append([escape_formula(value) for value in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        rows_append(sheet, row)
    return sheet


def rows_append(sheet: Worksheet, row: Sequence) -> None:
    """A row: text escaped against formulas, dates as real Excel dates shown dd/mm/yyyy
    (with the time, for a moment), numbers kept as numbers."""
    sheet.append([escape_formula(excel_value(value)) for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(cell.value, datetime.date):
            cell.number_format = DATE_FORMAT


def list_workbook(title: str, columns: Sequence[ListColumn], rows: Iterable) -> Workbook:
    """One sheet: the columns' headers, then a line per row (the one way a staff list
    becomes a download)."""
    book = workbook_new()
    sheet = sheet_add(book, title, [header for header, _ in columns])
    for row in rows:
        rows_append(sheet, [value(row) for _, value in columns])
    for index, (header, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(header), 40))
    sheet.freeze_panes = "A2"
    return book


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download named `<filename>-<dd-mm-yyyy>.xlsx` (Vietnam's date)."""
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localdate().strftime("%d-%m-%Y")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
