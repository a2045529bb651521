"""The results workbook: every table of a campaign's results page, one sheet each."""

from __future__ import annotations

from django.utils import timezone
from openpyxl import Workbook

from units.xlsx import sheet_add, workbook_new


def results_workbook(data: dict) -> Workbook:
    """Sheets of `selectors.campaign_results(campaign)`; callers may add their own."""
    book = workbook_new()
    figures = data["figures"]
    sheet_add(
        book,
        "Tham gia",
        ["Đơn vị được phát động", "Đã đăng ký"],
        [[figures["addressed"], figures["registered"]]],
    )
    sheet_add(
        book,
        "Đăng ký",
        ["Đơn vị", "Đã đăng ký"],
        ([row["unit"].name, "Có" if row["registered"] else "Chưa"] for row in data["units"]),
    )
    sheet_add(
        book,
        "Báo cáo đã nộp",
        ["Đơn vị", "Kỳ", "Nộp lúc", "Muộn", "Trạng thái"],
        (
            [
                r.unit.name,
                r.period.get_kind_display(),
                timezone.localtime(r.submitted_at).strftime("%d/%m/%Y %H:%M")
                if r.submitted_at
                else "",
                "Có" if r.is_late else "",
                r.get_status_display(),
            ]
            for r in data["reports"]
        ),
    )
    sheet_add(
        book,
        "Báo cáo",
        ["Kỳ báo cáo", "Hạn nộp", "Đúng hạn", "Muộn", "Chưa nộp"],
        (
            [
                p["period"].get_kind_display(),
                p["period"].due_on.strftime("%d/%m/%Y"),
                p["on_time"],
                p["late"],
                p["missing"],
            ]
            for p in figures["periods"]
        ),
    )
    sheet_add(
        book,
        "Tiêu chí",
        ["Tiêu chí", "Lĩnh vực", "Số báo cáo", "Đạt chỉ tiêu"],
        (
            [row["criterion"].name, row["criterion"].group, row["reported"], row["reached"]]
            for row in data["attainment"]
        ),
    )
    sheet_add(
        book,
        "Xếp hạng khối",
        ["Khối", "Hạng", "Đơn vị", "Điểm thống nhất", "Điểm tự chấm", "Đồng hạng"],
        (
            [bloc.name, r.rank, r.unit.name, r.points, r.self_points, "Có" if r.tied else ""]
            for bloc, ranking in data["blocs"]
            for r in ranking
        ),
    )
    sheet_add(
        book,
        "Các cấp hưởng ứng",
        [
            "Cơ quan",
            "Văn bản",
            "Trạng thái",
            "Đã đăng ký",
            "Đơn vị được phát động",
            "Báo cáo đã nộp",
        ],
        (
            [
                row["campaign"].issuer.name,
                row["campaign"].reference,
                row["campaign"].phase[1],
                row["figures"]["registered"],
                row["figures"]["addressed"],
                sum(p["on_time"] + p["late"] for p in row["figures"]["periods"]),
            ]
            for row in data["cascade"]
        ),
    )
    return book
