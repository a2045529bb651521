"""Excel/CSV import and export of units and persons (django-import-export).

Columns carry Vietnamese headers and choices read and write their Vietnamese
labels, so a clerk can fill the sheet by hand. Text cells that a spreadsheet
would run as a formula are escaped on export.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from import_export import fields, resources, widgets
from import_export.forms import ImportForm
from import_export.results import Result

from .models import Person, Unit
from .text import normalize_search

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Make a text cell inert in Excel: prefix a quote when it starts like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class CheckedImportForm(ImportForm):
    """The admin's import form: the file passes the same checks as every upload
    (units/files.py: type by content, size, polyglots, archives that unzip too big)."""

    def clean_import_file(self):
        from .files import CSV, XLSX, validate_upload

        upload = self.cleaned_data["import_file"]
        validate_upload(upload, allowed=(XLSX, CSV))
        return upload


class ExcelRowsResult(Result):
    """Row numbers as Excel shows them: the header is row 1, the first data row is 2
    (django-import-export counts data rows from 1)."""

    def append_invalid_row(self, number, row, validation_error):
        # an empty cell reads as None: shown as an empty cell, not "None"
        row = {key: "" if value is None else value for key, value in row.items()}
        super().append_invalid_row(number + 1, row, validation_error)

    def append_error_row(self, number, row, errors):
        super().append_error_row(number + 1, row, errors)

    def row_errors(self):
        return [(i + 2, row.errors) for i, row in enumerate(self.rows) if row.errors]


class NumberWidget(widgets.IntegerWidget):
    """A whole number read as the Excel import reads it (units/sheets/columns.py): "năm
    1990" or "1,5" get a Vietnamese message, never "[<class 'decimal.ConversionSyntax'>]"."""

    def __init__(self, *, what: str = "Giá trị", low: int = 0, high: int = 2**31 - 1, **kwargs):
        self.what, self.low, self.high = what, low, high
        super().__init__(**kwargs)

    def read(self, value):
        from .sheets.columns import integer

        return integer(value, low=self.low, high=self.high, what=self.what)

    def clean(self, value, row=None, **kwargs):
        from .sheets.columns import CellError

        try:
            return self.read(value)
        except CellError as exc:
            raise ValueError(str(exc)) from None


class YearWidget(NumberWidget):
    """A year from `low` to this year: a birth year of 2090 is refused."""

    def read(self, value):
        from .sheets.columns import year

        return year(value, low=self.low, what=self.what)


class SafeResource(resources.ModelResource):
    """Our defaults for every resource.

    Export escapes formula-like text cells (numbers stay numbers). Import is
    all or nothing: one invalid row rolls the whole file back.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # A blank Excel cell reads as None; a text column stores "" (else: NOT NULL failed).
        for field in self.fields.values():
            if type(field.widget) is widgets.Widget and self._is_text(field.attribute):
                field.widget = widgets.CharWidget()

    def _is_text(self, attribute: str | None) -> bool:
        from django.core.exceptions import FieldDoesNotExist
        from django.db.models import CharField, TextField

        try:
            model_field = self._meta.model._meta.get_field(attribute or "")
        except FieldDoesNotExist:
            return False
        return isinstance(model_field, CharField | TextField) and not model_field.null

    def get_result_class(self):
        return ExcelRowsResult

    def before_import(self, dataset, **kwargs):
        # The template of "Nhập, xuất Excel" marks its required columns "Họ và tên *":
        # the same file reads here.
        if dataset.headers:
            dataset.headers = [
                header.removesuffix("*").rstrip() if isinstance(header, str) else header
                for header in dataset.headers
            ]
        super().before_import(dataset, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A row's errors under the columns' headers (“Họ và tên”), as the file has them,
        never the database's field names (the admin printed FULL_NAME, UNIT)."""
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as exc:
            headers = {f.attribute: f.column_name for f in self.fields.values() if f.attribute}
            raise ValidationError(
                {headers.get(key, key): errors for key, errors in exc.error_dict.items()}
            ) from None

    def import_data(self, dataset, **kwargs):
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


class ChoiceLabelWidget(widgets.Widget):
    """Reads a choice by its stored value or its Vietnamese label; writes the label."""

    def __init__(self, choices, **kwargs):
        self.choices = list(choices)
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return ""
        wanted = normalize_search(str(value))
        for stored, label in self.choices:
            if wanted in (normalize_search(stored), normalize_search(str(label))):
                return stored
        allowed = ", ".join(str(label) for _, label in self.choices)
        raise ValueError(f"Giá trị “{value}” không hợp lệ. Chọn một trong: {allowed}.")

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class YesNoWidget(widgets.BooleanWidget):
    """Booleans as a Vietnamese clerk writes them: Có / Không, x, 1 / 0."""

    TRUE_VALUES = [*widgets.BooleanWidget.TRUE_VALUES, "có", "Có", "CÓ", "x", "X", "co"]
    FALSE_VALUES = [*widgets.BooleanWidget.FALSE_VALUES, "không", "Không", "KHÔNG", "khong"]

    def clean(self, value, row=None, **kwargs):
        if value in self.NULL_VALUES:
            return False
        if value in self.TRUE_VALUES:
            return True
        if value in self.FALSE_VALUES:
            return False
        raise ValueError(f"Giá trị “{value}” không hợp lệ: ghi “Có” hoặc “Không”.")

    def render(self, value, obj=None, **kwargs):
        return "Có" if value else "Không"


class UnitCodeWidget(widgets.CachedForeignKeyWidget):
    """A unit referenced by its code, with a Vietnamese error when it is unknown."""

    def __init__(self, **kwargs):
        super().__init__(Unit, field="code", **kwargs)

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ObjectDoesNotExist:
            raise ValueError(f"Không tìm thấy đơn vị có mã “{value}”.") from None


def _header(kind, key: str) -> str:
    """The column's header as the Excel import reads it (units/sheets): one name per column."""
    return next(c.header for c in kind.columns if c.key == key)


def _unit_header(key: str) -> str:
    from .sheets.units_kinds import UnitsKind

    return _header(UnitsKind, key)


def _unit_shown_header(key: str) -> str:
    from .sheets.units_kinds import UnitsKind

    return next(c.header for c in UnitsKind.shown if c.key == key)


class UnitResource(SafeResource):
    """The admin's import and export of units, for a few rows; files of any size go
    through the Excel import (units/sheets), which reads the same columns."""

    code = fields.Field(attribute="code", column_name=_unit_header("code"))
    name = fields.Field(attribute="name", column_name=_unit_header("name"))
    short_name = fields.Field(attribute="short_name", column_name=_unit_header("short_name"))
    kind = fields.Field(
        attribute="kind",
        column_name=_unit_header("kind"),
        widget=ChoiceLabelWidget(Unit.Kind.choices),
    )
    level = fields.Field(
        attribute="level",
        column_name=_unit_header("level"),
        widget=ChoiceLabelWidget(Unit.Level.choices),
    )
    parent = fields.Field(
        attribute="parent", column_name=_unit_header("parent"), widget=UnitCodeWidget()
    )
    is_issuing_body = fields.Field(
        attribute="is_issuing_body",
        column_name=_unit_header("is_issuing_body"),
        widget=YesNoWidget(),
    )
    locality = fields.Field(attribute="locality", column_name=_unit_header("locality"))
    admin_code = fields.Field(attribute="admin_code", column_name=_unit_header("admin_code"))
    symbol_code = fields.Field(attribute="symbol_code", column_name=_unit_header("symbol_code"))
    # The code in use (derived when the one above is blank): shown, never imported, so a
    # file read back does not turn a derived code into a stored one (decision 0054).
    symbol_code_in_use = fields.Field(
        attribute="document_code",
        column_name=_unit_shown_header("symbol_code_in_use"),
        readonly=True,
    )

    class Meta:
        model = Unit
        import_id_fields = ("code",)
        fields = (
            "code",
            "name",
            "short_name",
            "kind",
            "level",
            "parent",
            "is_issuing_body",
            "locality",
            "admin_code",
            "symbol_code",
            "symbol_code_in_use",
        )
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


def _person_header(key: str) -> str:
    from .sheets.units_kinds import PersonsKind

    return _header(PersonsKind, key)


class PersonResource(SafeResource):
    id = fields.Field(
        attribute="id", column_name=_person_header("id"), widget=NumberWidget(what="Mã", low=1)
    )
    full_name = fields.Field(attribute="full_name", column_name=_person_header("full_name"))
    unit = fields.Field(
        attribute="unit", column_name=_person_header("unit"), widget=UnitCodeWidget()
    )
    position = fields.Field(attribute="position", column_name=_person_header("position"))
    gender = fields.Field(
        attribute="gender",
        column_name=_person_header("gender"),
        widget=ChoiceLabelWidget(Person.Gender.choices),
    )
    ethnicity = fields.Field(attribute="ethnicity", column_name=_person_header("ethnicity"))
    birth_year = fields.Field(
        attribute="birth_year",
        column_name=_person_header("birth_year"),
        widget=YearWidget(what="Năm sinh", low=1900),
    )
    is_direct_worker = fields.Field(
        attribute="is_direct_worker",
        column_name=_person_header("is_direct_worker"),
        widget=YesNoWidget(),
    )

    class Meta:
        model = Person
        import_id_fields = ("id",)
        fields = (
            "id",
            "full_name",
            "unit",
            "position",
            "gender",
            "ethnicity",
            "birth_year",
            "is_direct_worker",
        )
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().select_related("unit")

    def before_import_row(self, row, **kwargs):
        """A row without “Mã cá nhân” for a person already on the list (the same name with
        or without diacritics, unit and birth year, as the Excel page matches them) updates
        that person, keeping the name's diacritics; a row twice in the file is one person
        (the first row is saved by then, even in the preview's transaction)."""
        super().before_import_row(row, **kwargs)
        id_column = self.fields["id"].column_name
        name_column = self.fields["full_name"].column_name
        if str(row.get(id_column) or "").strip() or not str(row.get(name_column) or "").strip():
            return
        try:
            unit = self.fields["unit"].clean(row)
            birth_year = self.fields["birth_year"].clean(row)
        except (ValueError, ObjectDoesNotExist, ValidationError):
            return  # the row's own errors are reported as they are
        name = normalize_search(str(row[name_column]))
        for person in Person.objects.filter(unit=unit, birth_year=birth_year, archived=False):
            if normalize_search(person.full_name) == name:
                row[id_column] = person.pk
                row[name_column] = person.full_name
                return
