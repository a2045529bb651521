"""Sắp xếp đơn vị theo tệp Excel: an office's mapping of old units onto their successors.

The workbook's first sheet has a header row, then one row per old unit:
column A the old unit (its code, e.g. "ubnd-x-san-thang", or its exact name), column B
the successor (its official code, e.g. "03408", or its unit code). Every row is checked
before anything is written; one bad row and nothing is merged, and each bad row is
named with its number and what is wrong, in Vietnamese.

An enterprise or a cooperative is not merged: its row moves it under the unit of column B
(a district's cooperative belongs to its new commune), in the same transaction, before
the mergers (decision 0067).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from .files import XLSX, validate_upload
from .models import Unit
from .services import unit_move, units_reorganise

HEADER = ["Đơn vị cũ (mã hoặc tên)", "Đơn vị mới (mã ĐVHC hoặc mã đơn vị)"]
# Kept, with their people and records, and moved under their new commune: not merged.
MOVED_KINDS = (Unit.Kind.ENTERPRISE, Unit.Kind.COOPERATIVE)


@dataclass
class Reorganised:
    """What a workbook did: the units merged (archived, `merged_into` set) and the units
    moved under a new parent (enterprises, cooperatives)."""

    merged: list[Unit] = field(default_factory=list)
    moved: list[Unit] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _old_unit(key: str) -> tuple[Unit | None, str]:
    unit = Unit.objects.filter(code=key).first()
    if unit is not None:
        return unit, ""
    named = list(Unit.objects.filter(name=key, archived=False)[:2])
    if len(named) == 1:
        return named[0], ""
    if named:
        return None, f"có nhiều đơn vị tên “{key}”: hãy ghi mã đơn vị"
    return None, f"không có đơn vị “{key}”"


def _new_unit(key: str) -> tuple[Unit | None, str]:
    if key.isdigit():
        # Excel drops leading zeros from a number: 3408 is the commune 03408.
        code = key.zfill(5) if len(key) > 2 else key.zfill(2)
        unit = Unit.objects.filter(admin_code=code).first()
        if unit is None:
            return None, (
                f"không có đơn vị mã ĐVHC “{code}” (chạy lệnh load_divisions để nạp danh mục)"
            )
        return unit, ""
    unit = Unit.objects.filter(code=key).first()
    return (unit, "") if unit else (None, f"không có đơn vị mã “{key}”")


def mapping_read(upload) -> list[tuple[Unit, Unit]]:
    """The pairs (old unit, successor) of the workbook, or ValidationError listing every
    bad row ("Dòng 3: ...")."""
    if hasattr(upload, "size"):  # an upload (not a path given to the command)
        validate_upload(upload, allowed=(XLSX,))  # type, zip bomb, hidden program
        upload.seek(0)
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # not an xlsx, or a damaged one
        raise ValidationError("Không đọc được tệp: cần tệp Excel (.xlsx).") from error
    sheet = book.worksheets[0]
    errors: list[str] = []
    pairs: list[tuple[Unit, Unit]] = []
    seen: dict[int, int] = {}
    for number, row in enumerate(sheet.iter_rows(min_row=2, max_col=2, values_only=True), 2):
        old_key, new_key = (_text(v) for v in (list(row) + [None, None])[:2])
        if not old_key and not new_key:
            continue
        if not old_key or not new_key:
            errors.append(f"Dòng {number}: cần ghi cả đơn vị cũ và đơn vị mới.")
            continue
        old, problem = _old_unit(old_key)
        new, new_problem = _new_unit(new_key)
        problems = [p for p in (problem, new_problem) if p]
        if old and new:
            if old.pk == new.pk:
                problems.append("đơn vị cũ và đơn vị mới là một")
            if old.archived:
                problems.append(f"“{old.name}” đã được lưu trữ hoặc sáp nhập trước đó")
            if new.archived:
                problems.append(f"đơn vị mới “{new.name}” đã được lưu trữ")
            if old.pk in {u.pk for u in new.ancestors()}:
                problems.append(f"“{new.name}” là đơn vị trực thuộc của “{old.name}”")
            if old.pk in seen:
                problems.append(f"“{old.name}” đã có ở dòng {seen[old.pk]}")
        if problems:
            errors.append(f"Dòng {number}: " + "; ".join(problems) + ".")
        else:
            seen[old.pk] = number
            pairs.append((old, new))
    book.close()
    if errors:
        raise ValidationError(errors)
    if not pairs:
        raise ValidationError("Tệp không có dòng nào (dòng 1 là tiêu đề).")
    successors = {new.pk for _, new in pairs}
    chained = [
        f"Dòng {seen[old.pk]}: “{old.name}” cũng là đơn vị mới ở dòng khác: "
        "hãy ghi thẳng đơn vị cuối cùng."
        for old, _ in pairs
        if old.pk in successors
    ]
    if chained:
        raise ValidationError(chained)
    return pairs


@transaction.atomic
def reform_from_xlsx(
    *,
    actor: AbstractBaseUser | None,
    upload,
    reason: str,
    ended_on: datetime.date | None = None,
) -> Reorganised:
    """Read the mapping; move each enterprise and cooperative under its new unit, then
    merge every other old unit into its successor, all in one transaction."""
    pairs = mapping_read(upload)
    done = Reorganised()
    for unit, parent in pairs:
        if unit.kind in MOVED_KINDS and unit.parent_id != parent.pk:
            done.moved.append(unit_move(unit=unit, parent=parent, by=actor, reason=reason))
    merges = [(old, new) for old, new in pairs if old.kind not in MOVED_KINDS]
    if merges:
        done.merged = units_reorganise(
            actor=actor, mapping=merges, reason=reason, ended_on=ended_on
        )
    return done
