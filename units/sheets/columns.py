"""How a cell is read: each reader takes what a clerk typed (or Excel stored) and returns
the value to keep, or raises CellError with a Vietnamese message for that cell."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from units.text import normalize_search, ungrouped


class CellError(Exception):
    """A cell that cannot be read; the message names what is wrong and how to write it."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its key in code, its Vietnamese header, and its help."""

    key: str
    header: str
    required: bool = False
    help: str = ""
    example: str = ""
    choices: tuple[str, ...] = ()
    width: int = 20
    # A drop-down of the kind's list of the same name (`SheetKind.lists`: the award types
    # in force), for values read from the database rather than fixed in code.
    listed: bool = False

    @property
    def folded(self) -> str:
        return header_key(self.header)


def header_key(header: str) -> str:
    """A header as matched: no diacritics, case, stars or spacing ("Họ và tên *" = "ho va ten")."""
    return normalize_search(str(header).replace("*", " "))


@functools.lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """`normalize_search` of a value that repeats down a column (a choice, a unit, an award
    type), folded once per value rather than once per row."""
    return normalize_search(text)


def today() -> datetime.date:
    """Today in the project's time zone. Asked for each date and year cell, so read from
    the clock directly: `timezone.localdate()` looks up the active zone and the settings
    each time, which costs more than the rest of the cell's check."""
    return datetime.datetime.now(timezone.get_default_timezone()).date()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value, *, max_length: int) -> str:
    if blank(value):
        return ""
    if isinstance(value, datetime.date):
        value = value.strftime("%d/%m/%Y")
    result = str(value).strip()
    if len(result) > max_length:
        raise CellError(f"Dài {len(result)} ký tự, tối đa {max_length}.")
    return result


def choice(value, choices: Iterable[tuple[str, str]]) -> str:
    """A choice by its Vietnamese label (with or without diacritics) or its stored value."""
    if blank(value):
        return ""
    wanted = folded(str(value))
    pairs = list(choices)
    for stored, label in pairs:
        if wanted in (folded(stored), folded(str(label))):
            return stored
    allowed = "; ".join(str(label) for _, label in pairs)
    raise CellError(f"“{value}” không có trong danh mục. Ghi một trong: {allowed}.")


def symbol_code(value) -> str:
    """A body's abbreviation in its documents' symbols (`Unit.symbol_code`), checked as the
    admin's unit form checks it (`Unit.clean`, units/symbols.code_problem); blank: derived."""
    from units.symbols import code_problem

    result = text(value, max_length=20)
    problem = code_problem(result)
    if problem:
        raise CellError(f"“{result}”: {problem}")
    return result


YES = {"co", "x", "1", "true", "yes", "dung"}
NO = {"khong", "0", "false", "no", "sai"}


def yes_no(value) -> bool:
    if blank(value):
        return False
    if value is True or value is False:
        return value
    word = folded(str(value))
    if word in YES:
        return True
    if word in NO:
        return False
    raise CellError(f"“{value}” không hợp lệ: ghi “Có” hoặc “Không”.")


def integer(value, *, low: int, high: int, what: str) -> int | None:
    """A whole number, typed as Vietnamese type numbers (`units.text.ungrouped`, the one
    rule of decision 0079: "1.234" is 1234) or stored as a number by Excel (3.0 is 3).
    "1.5", "1,5" or a stored 1.5 is not a whole number and is refused, never read as 15."""
    if blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, datetime.date):
        raise CellError(f"{what} phải là số.")
    if isinstance(value, float):
        if not value.is_integer():
            shown = f"{value:f}".rstrip("0").replace(".", ",")
            raise CellError(f"{what} phải là số nguyên, không phải “{shown}”.")
        value = int(value)
    if isinstance(value, str):
        typed = value.strip()
        digits = ungrouped(typed)
        if not (digits.isascii() and digits.isdigit()):
            if _DECIMAL.fullmatch(digits):
                raise CellError(f"{what} phải là số nguyên, không phải “{typed}”.")
            raise CellError(f"{what} phải là số, không phải “{typed}”.")
        value = int(digits)
    if not low <= value <= high:
        raise CellError(f"{what} {value} không hợp lệ: phải từ {low} đến {high}.")
    return value


# What `ungrouped` leaves of a number with decimals: "1.5" (typed "1.5" or "1,5").
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")


def year(value, *, low: int = 1945, what: str = "Năm") -> int | None:
    """A year no later than this one: the register holds what was granted, not what will be."""
    this_year = today().year
    result = integer(value, low=low, high=9999, what=what)
    if result is not None and result > this_year:
        raise CellError(f"{what} {result} là năm trong tương lai (năm nay là {this_year}).")
    return result


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


_EXCEL_DAY = re.compile(r"^(\d{5})(?:\.0+)?$")


def _excel_day(raw: str) -> datetime.date | None:
    """The day a number of Excel's calendar stands for (45000 is 15/03/2023), when it is
    one of 1945 to 2100: a date cell whose format was set to a number shows it."""
    from openpyxl.utils.datetime import from_excel

    match = _EXCEL_DAY.match(raw)
    if not match:
        return None
    day = from_excel(int(match.group(1))).date()
    return day if 1945 <= day.year <= 2100 else None


def date(value) -> datetime.date | None:
    """dd/mm/yyyy as typed, or a real Excel date (never mm/dd)."""
    if blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    if match := _DMY.match(raw):
        day, month, year_ = (int(g) for g in match.groups())
    elif match := _ISO.match(raw):
        year_, month, day = (int(g) for g in match.groups())
        # an Excel date cell is kept as ISO text between the preview and the import:
        # say it as the clerk sees it in Excel
        raw = f"{day:02d}/{month:02d}/{year_}"
    else:
        serial = _excel_day(raw)
        if serial is not None:
            raise CellError(
                f"Ngày “{raw}” là số ngày của Excel ({serial:%d/%m/%Y}): ô đang để định dạng số. "
                "Chọn cột, Định dạng ô (Format Cells) › Ngày (Date), rồi lưu và tải lên lại."
            )
        raise CellError(f"Ngày “{raw}” không đúng dạng ngày/tháng/năm (ví dụ 25/12/2023).")
    try:
        result = datetime.date(year_, month, day)
    except ValueError:
        if 1 <= month <= 12 and 1 <= year_:
            days = calendar.monthrange(year_, month)[1]
            raise CellError(
                f"Ngày “{raw}” không có: tháng {month} năm {year_} có {days} ngày."
            ) from None
        raise CellError(f"Ngày “{raw}” không có thật.") from None
    now = today()
    if result > now:
        raise CellError(f"Ngày “{raw}” là ngày trong tương lai (hôm nay là {now:%d/%m/%Y}).")
    if result.year < 1945:
        raise CellError(f"Ngày “{raw}” trước năm 1945: kiểm tra lại năm.")
    return result


def cell_json(value):
    """A read cell as kept between the preview and the import (JSON): dates as ISO text,
    which `date` reads back."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time | datetime.timedelta):
        return str(value)
    return value


@dataclass(frozen=True)
class UnitRef:
    """What a check needs of a unit, loaded once for the whole file."""

    id: int
    code: str
    name: str
    archived: bool
    parent_id: int | None
    merged_into_id: int | None = None


class UnitIndex:
    """Every unit by code and by folded name, loaded in one query: a cell names a unit by
    its code (“ubnd-tam-duong”) or its name, with or without diacritics."""

    def __init__(self, units: Iterable[UnitRef], scope: set[int] | None):
        self.by_id: dict[int, UnitRef] = {}
        self.by_code: dict[str, UnitRef] = {}
        self.by_name: dict[str, list[UnitRef]] = {}
        for unit in units:
            self.by_id[unit.id] = unit
            self.by_code[unit.code.lower()] = unit
            self.by_name.setdefault(normalize_search(unit.name), []).append(unit)
        self.scope = scope

    @classmethod
    def load(cls, scope: set[int] | None) -> UnitIndex:
        from units.models import Unit

        rows = Unit.objects.values_list(
            "id", "code", "name", "archived", "parent_id", "merged_into_id"
        )
        return cls((UnitRef(*row) for row in rows.iterator(chunk_size=5000)), scope)

    def _which(self, unit: UnitRef) -> str:
        """A unit's code, and whether it is the unit of today or one merged into another
        (after the 2025 merger the old and the new unit often share a name)."""
        if not unit.archived:
            return f"{unit.code}: đơn vị hiện nay"
        if unit.merged_into_id in self.by_id:
            return f"{unit.code}: đơn vị cũ, đã sáp nhập"
        return f"{unit.code}: đã lưu trữ"

    def in_scope(self, unit_id: int) -> bool:
        return self.scope is None or unit_id in self.scope

    def find(self, value, *, active: bool = True, scoped: bool = True) -> UnitRef | None:
        """The unit a cell names; None for an empty cell."""
        if blank(value):
            return None
        raw = str(value).strip()
        unit = self.by_code.get(raw.lower())
        if unit is None:
            matches = self.by_name.get(folded(raw), [])
            current = [u for u in matches if not u.archived] if active else matches
            if len(current) > 1 or (not current and len(matches) > 1):
                named = (current or matches)[:5]
                if any(u.archived for u in named):
                    codes = "; ".join(self._which(u) for u in named)
                else:
                    codes = ", ".join(u.code for u in named)
                raise CellError(f"Có nhiều đơn vị tên “{raw}” ({codes}): ghi mã đơn vị.")
            unit = (current or matches or [None])[0]
        if unit is None:
            raise CellError(f"Không tìm thấy đơn vị “{raw}” (ghi mã hoặc tên đơn vị).")
        if scoped and not self.in_scope(unit.id):
            raise CellError(f"Đơn vị “{unit.name}” không thuộc phạm vi quản lý của bạn.")
        if active and unit.archived:
            successor = self.by_id.get(unit.merged_into_id)
            if successor is not None:
                # after the 2025 merger the old and the new unit often share a name
                raise CellError(
                    f"Đơn vị “{unit.name}” (mã {unit.code}) đã sáp nhập vào "
                    f"“{successor.name}” (mã {successor.code}): ghi mã đơn vị mới."
                )
            raise CellError(f"Đơn vị “{unit.name}” đã lưu trữ (đã sáp nhập hoặc giải thể).")
        return unit


def labels(choices: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(str(label) for _, label in choices)
