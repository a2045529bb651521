"""Workbooks our pages export: one sheet per table, a bold header row, and text cells
escaped (`escape_formula`) so a name like “=HYPERLINK(...)” stays text in Excel."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from decimal import Decimal
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
# Amounts in đồng with a thousands separator (Excel writes 30.000.000 on a Vietnamese
# Windows, 30,000,000 elsewhere); the cell stays a number.
MONEY_FORMAT = "#,##0"
MONEY_HEADER = "(đồng)"
# A text column grows to fit its longest value up to this many characters; a longer
# text of a table wraps inside it (about 57 wide with the bold margin, never above 60).
TEXT_WIDTH_MAX = 50


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


def _shown_length(cell, money: bool) -> int:
    """About how many characters Excel needs to show the cell's value whole."""
    value = cell.value
    if isinstance(value, datetime.datetime) and "h" in cell.number_format:
        return len("07/12/2026 11:15")
    if isinstance(value, datetime.date):
        return len("07/12/2026")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(f"{value:,}") if money else len(str(value))
    return min(max(len(line) for line in str(value).split("\n")), TEXT_WIDTH_MAX)


def _wraps(cell, header: list, table_header: bool) -> bool:
    """A table's text (under a header, below it) too long for a capped column."""
    return (
        table_header
        and cell.row > 1
        and isinstance(cell.value, str)
        and cell.column <= len(header)
        and header[cell.column - 1] is not None
        and max(len(line) for line in cell.value.split("\n")) > TEXT_WIDTH_MAX
    )


def fit_columns(sheet: Worksheet) -> None:
    """Widen each column to what it shows, as a clerk would before reading: a date, a
    moment or a number wider than its column reads "########" in Excel, and a text is
    cut where the next cell has a value. A table's headers are read whole; any other text
    with nothing on its right overflows there and is left to; merged and wrapped cells are not a column's width; a column is never made
    narrower than the page set it. Amounts under a header "… (đồng)" get thousands."""
    merged = {(row, column) for cells in sheet.merged_cells.ranges for row, column in cells.cells}
    header = [cell.value for cell in sheet[1]] if sheet.max_row else []
    money = {
        index + 1
        for index, value in enumerate(header)
        if isinstance(value, str) and value.endswith(MONEY_HEADER)
    }
    # a first row of several headers names the table's columns, each read whole; a lone
    # first line is a title
    table_header = sum(value is not None for value in header) > 1
    needed: dict[int, int] = {}
    wrapped_rows: set[int] = set()
    for row in sheet.iter_rows():
        for index, cell in enumerate(row):
            if cell.value is None or (cell.row, cell.column) in merged:
                continue
            if cell.alignment is not None and cell.alignment.wrap_text:
                continue
            is_money = cell.column in money and cell.row > 1
            if is_money and isinstance(cell.value, (int, Decimal)):
                cell.number_format = MONEY_FORMAT
            if isinstance(cell.value, str) and not (cell.row == 1 and table_header):
                after = row[index + 1].value if index + 1 < len(row) else None
                if after is None and not _wraps(cell, header, table_header):
                    continue  # Excel lets it run over the empty cells on its right
            length = _shown_length(cell, is_money)
            needed[cell.column] = max(needed.get(cell.column, 0), length)
            if _wraps(cell, header, table_header):
                alignment = copy(cell.alignment)
                alignment.wrap_text = True
                cell.alignment = alignment
                wrapped_rows.add(cell.row)
    for number in wrapped_rows:  # the row's other cells start at its top line too
        for cell in sheet[number]:
            alignment = copy(cell.alignment)
            alignment.vertical = "top"
            cell.alignment = alignment
    for column, length in needed.items():
        dimension = sheet.column_dimensions[get_column_letter(column)]
        wanted = round(length * 1.1 + 2)  # a bold header is about a tenth wider
        if (dimension.width or 0) < wanted:
            dimension.width = wanted


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    """The workbook as a download named `<filename>-<dd-mm-yyyy>.xlsx` (Vietnam's date),
    each sheet's columns wide enough to read (`fit_columns`)."""
    for sheet in book.worksheets:
        fit_columns(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localdate().strftime("%d-%m-%Y")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
