"""Thống kê khen thưởng qua các năm: counted in the database from the register."""

from __future__ import annotations

import io

from django.db.models import Count, Q, QuerySet

from units.models import Person

from .models import AwardGrant


def grants_by(field: str, grants: QuerySet[AwardGrant] | None = None) -> list[dict]:
    """Awards counted by award type, year or unit (one GROUP BY, no join multiplied)."""
    grants = grants if grants is not None else AwardGrant.objects.all()
    names = {"award_type": "award_type__name", "year": "year", "unit": "awardee_unit__name"}
    rows = grants.values(names[field]).annotate(count=Count("pk")).order_by("-count", names[field])
    return [{"label": row[names[field]], "count": row["count"]} for row in rows]


def individual_shares(grants: QuerySet[AwardGrant] | None = None) -> dict:
    """Among individual awardees: how many are direct workers, women, ethnic minorities.

    One row per grant joins one person, so the conditional counts do not multiply."""
    grants = (grants if grants is not None else AwardGrant.objects.all()).filter(
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


def statistics_xlsx(data: dict) -> bytes:
    """The statistics page as a workbook: one sheet per grouping, and the shares."""
    from openpyxl import Workbook

    book = Workbook()
    for index, (title, key) in enumerate(
        (("Theo danh hiệu", "by_type"), ("Theo năm", "by_year"), ("Theo đơn vị", "by_unit"))
    ):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        sheet.append(["Nhóm", "Số lượt khen thưởng"])
        for row in data[key]:
            sheet.append([row["label"], row["count"]])
    sheet = book.create_sheet("Tỷ lệ cá nhân")
    shares = data["shares"]
    sheet.append(["Tổng số cá nhân", "Lao động trực tiếp", "Nữ", "Dân tộc thiểu số"])
    sheet.append([shares["total"], shares["direct"], shares["women"], shares["minorities"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
