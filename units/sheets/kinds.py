"""One `SheetKind` per kind of data: its columns, how a row is checked, how the checked
rows are written (in bulk, inside the caller's transaction), how they are reverted, and
how the same kind exports, so that an exported file imports back unchanged."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from units.models import Unit
from units.resources import escape_formula
from units.xlsx import rows_append, workbook_new

from .columns import CellError, Column, UnitIndex, header_key
from .reader import DATA_SHEET, INSTRUCTIONS_SHEET, LISTS_SHEET, MAX_ROWS

CREATE, UPDATE, UNCHANGED, REFUSE = "create", "update", "unchanged", "refuse"
# Who imports a kind, and for which units: OFFICE, the standing office, for its body and
# every unit below it (the data a province brings in on its first day); UNIT, a unit's
# own staff, for their unit and the units below it (its yearly list of nominations,
# awards/sheets.py). Decision 0068.
OFFICE, UNIT = "office", "unit"
ACTION_LABELS = {
    CREATE: "Thêm mới",
    UPDATE: "Cập nhật",
    UNCHANGED: "Không đổi",
    REFUSE: "Lỗi",
}


@dataclass
class Context:
    """What every row's check reads: who imports, where, and the lookups loaded once."""

    actor: AbstractBaseUser
    office: Unit | None  # the import's unit: the office's body, or the unit that imports
    scope: set[int] | None  # ids of the units the import may touch; None: all
    units: UnitIndex
    data: dict[str, Any] = field(default_factory=dict)  # a kind's own lookups
    present: set[str] | None = None  # the columns the file has; None: all
    record_id: int | None = None  # the ImportRecord, for what a kind writes in its history

    def has(self, column: str) -> bool:
        return self.present is None or column in self.present


@dataclass
class RowPlan:
    """What the import will do with one row, and why not if it will not."""

    number: int
    action: str = CREATE
    label: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column header, message)
    values: dict[str, Any] = field(default_factory=dict)
    target: Any = None  # the existing row an update changes
    before: dict[str, Any] = field(default_factory=dict)
    note: str = ""  # what an update changes, for the preview

    def refuse(self, column: Column | str, message: str) -> None:
        self.errors.append((column.header if isinstance(column, Column) else column, message))
        self.action = REFUSE


class RowRefused(Exception):
    """A row the write step refuses after all (the service that writes it said no): the
    whole write is rolled back and the import is refused at that row."""

    def __init__(self, number: int, column: str, message: str):
        super().__init__(message)
        self.number, self.column, self.message = number, column, message


class SheetKind:
    permission: ClassVar[str] = ""  # a model permission the importer needs besides the office
    imported_by: ClassVar[str] = OFFICE  # OFFICE or UNIT: who imports it, for which units
    # What a row of this kind can come to: the record page counts and filters only these
    # (a nomination import never updates a row nor leaves one unchanged; decision 0070).
    actions: ClassVar[tuple[str, ...]] = (CREATE, UPDATE, UNCHANGED, REFUSE)
    # A sentence for the Excel page's introduction (the kinds a UNIT imports).
    intro: ClassVar[str] = ""
    revert_help: ClassVar[str] = (
        "Gỡ mọi dòng lần nhập này đã thêm và trả lại giá trị cũ của các dòng đã cập nhật. "
        "Không hoàn tác được nếu dữ liệu đã được dùng hoặc sửa sau đó."
    )
    reverted_text: ClassVar[str] = (
        "Đã hoàn tác lần nhập: các dòng thêm mới đã được gỡ, các dòng cập nhật đã trở về "
        "giá trị cũ."
    )
    key: ClassVar[str]
    title: ClassVar[str]  # “Đơn vị”
    what: ClassVar[str]  # “đơn vị” in a sentence
    columns: ClassVar[tuple[Column, ...]]
    # Columns the export adds after `columns` for the reader's eyes only (the body code in
    # use when none is set, decision 0054): never in the template, never read on import
    # (the preview lists them among the columns not read).
    shown: ClassVar[tuple[Column, ...]] = ()
    notes: ClassVar[tuple[str, ...]] = ()
    filename: ClassVar[str]

    # -- reading ---------------------------------------------------------------------
    def column(self, key: str) -> Column:
        return self._columns_by_key[key]

    @functools.cached_property
    def _columns_by_key(self) -> dict[str, Column]:
        return {c.key: c for c in self.columns}

    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        """Load what the checks need, in a few queries for the whole file."""

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        """Fill `plan` for one row (action, values, target) or refuse it."""
        raise NotImplementedError

    def read(self, plan: RowPlan, column: Column, reader, *args, **kwargs):
        """Run one cell's reader; a CellError refuses the row at that column."""
        try:
            value = reader(*args, **kwargs)
        except CellError as error:
            plan.refuse(column, str(error))
            return None
        if column.required and value in (None, ""):
            plan.refuse(column, "Bắt buộc, đang để trống.")
        return value

    def finish(self, ctx: Context, plans: list[RowPlan]) -> None:
        """Checks across rows, once every row is read (e.g. a cycle of parents)."""

    def change_note(self, ctx: Context, plan: RowPlan) -> str:
        """What an update changes, old → new, in the columns' words."""
        headers = {c.key: c.header for c in self.columns}
        parts = []
        for key, old in plan.before.items():
            new = plan.values.get(key)
            header = headers.get(key) or headers.get(key.removesuffix("_id")) or key
            if key.endswith("_id") and key != "id":
                old, new = (
                    ctx.units.by_id[v].name if v in ctx.units.by_id else v for v in (old, new)
                )
            elif isinstance(old, bool) or isinstance(new, bool):
                old, new = ("Có" if v else "Không" for v in (old, new))
            elif choices := _choices(plan.target, key):
                old, new = (choices.get(v, v) for v in (old, new))
            parts.append(
                f"{header}: “{old if old not in (None, '') else '(trống)'}” → “{new if new not in (None, '') else '(trống)'}”"
            )
        return "; ".join(parts)

    def compare(self, plan: RowPlan, target, values: dict, present: set[str] | None) -> None:
        """An existing row: update what differs, or leave it unchanged. A column the file
        does not have leaves its field as it is (it is not read as blank)."""
        plan.target = target
        plan.before = {
            key: getattr(target, key)
            for key, value in values.items()
            if (present is None or key in present or key.removesuffix("_id") in present)
            and getattr(target, key) != value
        }
        if plan.action != REFUSE:
            plan.action = UPDATE if plan.before else UNCHANGED

    # -- writing ---------------------------------------------------------------------
    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        """Write the checked rows (inside the caller's transaction); return what the
        revert needs: {"created": [ids], "updated": [[id, {field: old value}]]}."""
        raise NotImplementedError

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        """Take back what `write` did (inside the caller's transaction); `reason` is the
        revert's reason, already prefixed with the import's number."""
        raise NotImplementedError

    # -- exporting -------------------------------------------------------------------
    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        raise NotImplementedError

    def lists(self, scope: set[int] | None) -> dict[str, list[str]]:
        """Named lists for the template's “Danh mục” sheet (award types, units...); a
        `listed` column's drop-down is the list named by its header."""
        return {}

    def done_link(self) -> tuple[str, str] | None:
        """Where the imported rows are read and worked on next (address, words), shown
        once the import is written; None: nowhere but the admin."""
        return None

    # -- workbooks -------------------------------------------------------------------
    def workbook(
        self,
        rows: Iterable[list] = (),
        *,
        scope: set[int] | None = None,
        export: bool = False,
    ) -> Workbook:
        """The data sheet with its headers (and rows, for an export: `export_rows`, whose
        rows end with the `shown` columns), the instructions, and the lists of allowed
        values."""
        book = workbook_new()
        sheet = book.create_sheet(DATA_SHEET)
        shown = self.shown if export else ()
        sheet.append(
            [c.header + (" *" if c.required else "") for c in self.columns]
            + [c.header for c in shown]
        )
        fill = PatternFill("solid", fgColor="DDEBF7")
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        choices = {c.header: list(c.choices) for c in self.columns if c.choices}
        lists = {**choices, **self.lists(scope)}
        where = {title: get_column_letter(i) for i, title in enumerate(lists, start=1)}
        for index, column in enumerate(shown, start=len(self.columns) + 1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            sheet[f"{letter}1"].fill = PatternFill("solid", fgColor="EDEDED")
        for index, column in enumerate(self.columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            allowed = lists.get(column.header) if column.choices or column.listed else None
            if allowed:  # a drop-down of the allowed values, kept in “Danh mục”
                source = where[column.header]
                rule = DataValidation(
                    type="list",
                    formula1=f"'{LISTS_SHEET}'!${source}$2:${source}${len(allowed) + 1}",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Giá trị không hợp lệ",
                    error=f"Chọn một giá trị trong danh sách của cột {column.header}.",
                )
                sheet.add_data_validation(rule)
                rule.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        for row in rows:
            rows_append(sheet, row)
        self._instructions(book, shown)
        listing = book.create_sheet(LISTS_SHEET)
        for index, (title, values) in enumerate(lists.items(), start=1):
            listing.cell(row=1, column=index, value=escape_formula(title)).font = Font(bold=True)
            listing.column_dimensions[get_column_letter(index)].width = 45
            for offset, value in enumerate(values, start=2):
                listing.cell(row=offset, column=index, value=escape_formula(value))
        return book

    def _instructions(self, book: Workbook, shown: tuple[Column, ...] = ()) -> None:
        sheet = book.create_sheet(INSTRUCTIONS_SHEET)
        sheet.append([f"Hướng dẫn nhập {self.title.lower()} vào thidua"])
        sheet["A1"].font = Font(bold=True, size=13)
        general = [
            f"Ghi dữ liệu vào trang “{DATA_SHEET}”, mỗi dòng một {self.what}, từ dòng 2. "
            "Giữ nguyên dòng tiêu đề; cột có dấu * là bắt buộc.",
            *(
                ["Ngày ghi theo dạng ngày/tháng/năm (25/12/2023) hoặc định dạng ngày của Excel."]
                if any("date" in c.key for c in self.columns)
                else []
            ),
            "Tên đơn vị, danh hiệu có thể ghi có dấu hoặc không dấu; nếu trùng tên, ghi mã đơn vị.",
            "Chỉ nhận giá trị, không nhận công thức: dán đặc biệt “Chỉ giá trị” trước khi tải lên.",
            "Hệ thống kiểm tra cả tệp trước: một dòng lỗi thì không dòng nào được ghi. "
            "Sửa các dòng được báo lỗi rồi tải lên lại cả tệp.",
            *self.notes,
        ]
        for line in general:
            rows_append(sheet, ["• " + line])
        sheet.append([])
        sheet.append(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for column in (*self.columns, *shown):
            rows_append(
                sheet,
                [column.header, "Có" if column.required else "", column.help, column.example],
            )
        for letter, width in zip("ABCD", (28, 10, 80, 30), strict=True):
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")

    def header_map(self, headers: list[str]) -> tuple[dict[str, int], list[str], list[str]]:
        """Which file column holds each of our columns; the required ones missing; the
        file's columns we do not read."""
        wanted = {c.folded: c for c in self.columns}
        shown = {c.folded for c in self.shown}
        found: dict[str, int] = {}
        unknown = []
        for index, header in enumerate(headers):
            column = wanted.get(header_key(header))
            if column is None and header_key(header) in shown:
                unknown.append(f"{str(header).strip()} (chỉ để xem)")
            elif column is None:
                if str(header).strip():
                    unknown.append(str(header))
            elif column.key in found:
                raise DuplicateColumn(column.header)
            else:
                found[column.key] = index
        missing = [c.header for c in self.columns if c.required and c.key not in found]
        return found, missing, unknown


class DuplicateColumn(Exception):
    """Two columns of the file read as the same column."""


KINDS: dict[str, SheetKind] = {}


def sheet_kind(cls: type[SheetKind]) -> type[SheetKind]:
    """Register a kind (units/sheets/units_kinds.py, awards/sheets.py)."""
    KINDS[cls.key] = cls()
    return cls


def kind_get(key: str) -> SheetKind | None:
    """A registered kind. Each app registers its kinds when it is ready (apps.py)."""
    return KINDS.get(key)


def kinds_all() -> list[SheetKind]:
    return list(KINDS.values())


def _choices(target, key: str) -> dict:
    try:
        return dict(target._meta.get_field(key).choices or ())
    except Exception:  # not a model field
        return {}


def updates_record(plans: list[RowPlan]) -> list[list]:
    """The updated rows as the revert needs them: [id, {field: before}, {field: after}]."""
    from .columns import cell_json

    return [
        [
            plan.target.pk,
            {key: cell_json(value) for key, value in plan.before.items()},
            {key: cell_json(plan.values[key]) for key in plan.before},
        ]
        for plan in plans
        if plan.action == UPDATE
    ]


def bulk_update_changed(model, plans: list[RowPlan], *, now) -> None:
    """Write only the fields each row changes, grouped by the set of fields changed, so a
    field the import does not change is never written back with the value it read."""
    groups: dict[tuple[str, ...], list] = {}
    searched: list[str] = []
    for plan in plans:
        obj = plan.target
        for name in plan.before:
            setattr(obj, name, plan.values[name])
        searched = obj.refresh_search()
        obj.updated_at = now
        groups.setdefault(tuple(sorted(plan.before)), []).append(obj)
    for fields, objects in groups.items():
        model.objects.bulk_update(objects, [*fields, *searched, "updated_at"], batch_size=2000)
    name_field = getattr(model, "name_field", None)
    if ids := [plan.target.pk for plan in plans if name_field and name_field in plan.before]:
        from units.models import renamed

        renamed.send(sender=model, ids=ids)  # rebuilds their grants' search text (0054)


def revert_updates(model, updated: list[list], *, what: str) -> None:
    """Put back the values an import replaced, unless someone changed them since."""
    from django.core.exceptions import ValidationError

    objects = model.objects.in_bulk([pk for pk, _, _ in updated])
    for pk, before, after in updated:
        obj = objects.get(pk)
        if obj is None:
            raise ValidationError(f"Không hoàn tác được: {what} #{pk} không còn.")
        for key, value in after.items():
            field = model._meta.get_field(key)
            if getattr(obj, field.attname) != field.to_python(value):
                raise ValidationError(
                    f"Không hoàn tác được: “{obj}” đã được sửa sau lần nhập này "
                    f"({field.verbose_name}). Hãy sửa trực tiếp."
                )
        for key, value in before.items():
            field = model._meta.get_field(key)
            setattr(obj, field.attname, field.to_python(value))
        obj.save()


def delete_created(model, ids: list[int], *, what: str) -> None:
    """Remove the rows an import created; refused if anything now refers to them."""
    from django.core.exceptions import ValidationError
    from django.db.models import ProtectedError, RestrictedError

    try:
        model.objects.filter(pk__in=ids).delete()
    except (ProtectedError, RestrictedError) as error:
        used = (
            sorted({str(obj) for obj in error.protected_objects if True})[:3]
            if hasattr(error, "protected_objects")
            else []
        )
        detail = f" (ví dụ: {'; '.join(used)})" if used else ""
        raise ValidationError(
            f"Không hoàn tác được: một số {what} của lần nhập này đã được dùng ở nơi khác{detail}."
        ) from None
