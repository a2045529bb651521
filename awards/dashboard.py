"""Bảng theo dõi phong trào: one campaign's participation, reports, attainment, bloc
rankings and awards, for the standing office. It lives in `awards`, the top layer,
because it reads campaigns and awards together."""

from __future__ import annotations

import io

from django.db.models import Count
from openpyxl import Workbook

from campaigns import tracking
from campaigns.models import Campaign, ResultReport
from units.models import Bloc

from .models import AwardType, Nomination


def campaign_dashboard(campaign: Campaign) -> dict:
    """Every figure of the dashboard; the number of queries does not grow with units."""
    figures = tracking.participation(campaign)
    periods = list(campaign.periods.all())
    last = periods[-1] if periods else None
    blocs = Bloc.objects.filter(issuer=campaign.issuer)
    if campaign.year:
        blocs = blocs.filter(year=campaign.year)
    status_labels = dict(Nomination.Status.choices)
    by_status = [
        {"label": status_labels[row["status"]], "count": row["n"]}
        for row in Nomination.objects.filter(campaign=campaign)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    ]
    by_type = list(
        Nomination.objects.filter(campaign=campaign)
        .values("award_type__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "award_type__name")
    )
    addressed = list(tracking.addressed_units(campaign).order_by("name"))
    registered = set(
        campaign.registrations.filter(submitted_at__isnull=False).values_list("unit_id", flat=True)
    )
    reports = (
        ResultReport.objects.filter(period__campaign=campaign)
        .exclude(status=ResultReport.Status.DRAFT)
        .select_related("unit", "period")
        .order_by("period__due_on", "unit__name")
    )
    return {
        "campaign": campaign,
        "figures": figures,
        "units": [{"unit": u, "registered": u.pk in registered} for u in addressed],
        "reports": list(reports),
        "attainment": (rows := tracking.attainment(campaign, last) if last else []),
        "attainment_rows": [
            {"label": r["criterion"].name, "reached": r["reached"] or 0} for r in rows
        ],
        "last_period": last,
        "blocs": [(bloc, tracking.bloc_ranking(campaign, bloc)) for bloc in blocs],
        "by_status": by_status,
        "by_type": [{"label": row["award_type__name"], "count": row["n"]} for row in by_type],
        "collective_awards": AwardType.objects.filter(recipient_kind="collective", archived=False),
        "cascade": [
            {"campaign": child, "figures": tracking.participation(child)}
            for child in campaign.children.select_related("issuer", "document_type")
        ],
    }


def dashboard_xlsx(data: dict) -> bytes:
    """Every table of the dashboard, one sheet each."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tham gia"
    figures = data["figures"]
    sheet.append(["Đơn vị được phát động", "Đã đăng ký"])
    sheet.append([figures["addressed"], figures["registered"]])
    sheet = book.create_sheet("Đăng ký")
    sheet.append(["Đơn vị", "Đã đăng ký"])
    for row in data["units"]:
        sheet.append([row["unit"].name, "Có" if row["registered"] else "Chưa"])
    sheet = book.create_sheet("Báo cáo đã nộp")
    sheet.append(["Đơn vị", "Kỳ", "Nộp lúc", "Muộn", "Trạng thái"])
    for r in data["reports"]:
        submitted = r.submitted_at.strftime("%d/%m/%Y %H:%M") if r.submitted_at else ""
        sheet.append(
            [
                r.unit.name,
                r.period.get_kind_display(),
                submitted,
                "Có" if r.is_late else "",
                r.get_status_display(),
            ]
        )
    sheet = book.create_sheet("Báo cáo")
    sheet.append(["Kỳ báo cáo", "Hạn nộp", "Đúng hạn", "Muộn", "Chưa nộp"])
    for p in figures["periods"]:
        sheet.append(
            [
                p["period"].get_kind_display(),
                p["period"].due_on.strftime("%d/%m/%Y"),
                p["on_time"],
                p["late"],
                p["missing"],
            ]
        )
    sheet = book.create_sheet("Tiêu chí")
    sheet.append(["Tiêu chí", "Lĩnh vực", "Số báo cáo", "Đạt chỉ tiêu"])
    for row in data["attainment"]:
        sheet.append(
            [row["criterion"].name, row["criterion"].group, row["reported"], row["reached"]]
        )
    sheet = book.create_sheet("Xếp hạng khối")
    sheet.append(["Khối", "Hạng", "Đơn vị", "Điểm thống nhất", "Điểm tự chấm", "Đồng hạng"])
    for bloc, ranking in data["blocs"]:
        for r in ranking:
            sheet.append(
                [bloc.name, r.rank, r.unit.name, r.points, r.self_points, "Có" if r.tied else ""]
            )
    sheet = book.create_sheet("Khen thưởng")
    sheet.append(["Trạng thái", "Số hồ sơ"])
    for row in data["by_status"]:
        sheet.append([row["label"], row["count"]])
    sheet.append([])
    sheet.append(["Danh hiệu, hình thức", "Số hồ sơ"])
    for row in data["by_type"]:
        sheet.append([row["label"], row["count"]])
    sheet = book.create_sheet("Các cấp hưởng ứng")
    sheet.append(
        [
            "Cơ quan",
            "Văn bản",
            "Trạng thái",
            "Đã đăng ký",
            "Đơn vị được phát động",
            "Báo cáo đã nộp",
        ]
    )
    for row in data["cascade"]:
        child, figures = row["campaign"], row["figures"]
        reported = sum(p["on_time"] + p["late"] for p in figures["periods"])
        sheet.append(
            [
                child.issuer.name,
                f"{child.document_type.name} {child.number_symbol}",
                child.phase[1],
                figures["registered"],
                figures["addressed"],
                reported,
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
