"""Thống kê khen thưởng qua các năm: counted in the database from the register."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from openpyxl import Workbook

from units.models import Person
from units.xlsx import sheet_add, workbook_new

from .models import AwardGrant


def grants_by(field: str, grants: QuerySet[AwardGrant] | None = None) -> list[dict]:
    """Awards counted by award type, year or unit (one GROUP BY, no join multiplied)."""
    grants = grants if grants is not None else AwardGrant.objects.in_force()
    names = {"award_type": "award_type__name", "year": "year", "unit": "awardee_unit__name"}
    rows = grants.values(names[field]).annotate(count=Count("pk")).order_by("-count", names[field])
    return [{"label": row[names[field]], "count": row["count"]} for row in rows]


def individual_shares(grants: QuerySet[AwardGrant] | None = None) -> dict:
    """Among individual awardees: how many are direct workers, women, ethnic minorities.

    One row per grant joins one person, so the conditional counts do not multiply."""
    grants = (grants if grants is not None else AwardGrant.objects.in_force()).filter(
        person__isnull=False
    )
    figures = grants.aggregate(
        total=Count("pk"),
        direct=Count("pk", filter=Q(person__is_direct_worker=True)),
        women=Count("pk", filter=Q(person__gender=Person.Gender.FEMALE)),
        minorities=Count(
            "pk",
            filter=~Q(person__ethnicity="") & ~Q(person__ethnicity=Person.MAJORITY_ETHNICITY),
        ),
    )
    total = figures["total"] or 0
    for key in ("direct", "women", "minorities"):
        figures[f"{key}_percent"] = round(100 * figures[key] / total, 1) if total else None
    return figures


def statistics_workbook(data: dict) -> Workbook:
    """The statistics page as a workbook: one sheet per grouping, and the shares."""
    book = workbook_new()
    for title, key in (
        ("Theo danh hiệu", "by_type"),
        ("Theo năm", "by_year"),
        ("Theo đơn vị", "by_unit"),
    ):
        rows = ([row["label"], row["count"]] for row in data[key])
        sheet_add(book, title, ["Nhóm", "Số lượt khen thưởng"], rows)
    shares = data["shares"]
    sheet_add(
        book,
        "Tỷ lệ cá nhân",
        ["Tổng số cá nhân", "Lao động trực tiếp", "Nữ", "Dân tộc thiểu số"],
        [[shares["total"], shares["direct"], shares["women"], shares["minorities"]]],
    )
    return book
