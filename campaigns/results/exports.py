"""Workbooks of results tracking: the results workbook (every table of a campaign's
results page, one sheet each), and the lists a standing office downloads, one row per
row of the list: the units' registrations and the reports received.

A list's columns are defined once, as (header, accessor) pairs, so that an import of
the same list can read the same headers; `list_workbook` writes any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from openpyxl import Workbook

from units.models import Unit
from units.xlsx import ListColumn as Column
from units.xlsx import list_workbook, sheet_add, workbook_new, yes_no

from ..models import Campaign, pass_fail_text
from . import selectors
from .models import Criterion, Registration, ReportFile, ResultReport


def _criterion_header(prefix: str, criterion: Criterion) -> str:
    measure = f" ({criterion.measure})" if criterion.measure else ""
    return f"{prefix}: {criterion.name}{measure}"


def _figure(criterion: Criterion, value: Decimal | None) -> Decimal | str | None:
    """A figure's cell: a number stays a number; a pass/fail one is written "Đạt" or
    "Không đạt", as the pages show it (decision 0096)."""
    if value is None or criterion.kind != Criterion.Kind.BOOLEAN:
        return value
    return pass_fail_text(value)


# ---------------------------------------------------------------------------
# Đăng ký thi đua: every unit the campaign addresses, registered or not


@dataclass(frozen=True)
class RegistrationRow:
    unit: Unit
    registration: Registration | None
    targets: dict[int, Decimal | None] = field(default_factory=dict)


def registration_columns(criteria: Sequence[Criterion]) -> list[Column]:
    """The registrations list's columns: the unit, its registration, a target per criterion."""

    def target(criterion: Criterion) -> Callable[[RegistrationRow], Decimal | str | None]:
        return lambda row: _figure(criterion, row.targets.get(criterion.pk))

    def registered(row: RegistrationRow):
        return row.registration.submitted_at if row.registration else None

    return [
        ("Mã đơn vị", lambda row: row.unit.code),
        # a unit merged away or dissolved says so (decision 0079)
        ("Đơn vị", lambda row: row.unit.name_with_end),
        ("Đã đăng ký", lambda row: yes_no(registered(row))),
        ("Đăng ký lúc", registered),
        (
            "Danh hiệu đăng ký",
            lambda row: row.registration.titles_aimed if row.registration else "",
        ),
        *((_criterion_header("Cam kết", c), target(c)) for c in criteria),
    ]


def registration_rows(campaign: Campaign) -> list[RegistrationRow]:
    """The units the campaign addresses, by name (as its results page lists them), each
    with its registration and targets; then the units merged away or dissolved since
    that registered (a campaign run across the 2025 reform; decision 0079). A fixed
    number of queries whatever the units."""
    addressed = selectors.addressed_units(campaign)
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(
            campaign=campaign, unit__in=addressed
        ).prefetch_related("targets")
    }
    rows = []
    for unit in addressed.order_by("name"):
        registration = registrations.get(unit.pk)
        targets = (
            {t.criterion_id: t.value for t in registration.targets.all()} if registration else {}
        )
        rows.append(RegistrationRow(unit, registration, targets))
    for registration in selectors.ended_units_registrations(campaign):
        targets = {t.criterion_id: t.value for t in registration.targets.all()}
        rows.append(RegistrationRow(registration.unit, registration, targets))
    return rows


def registrations_workbook(campaign: Campaign) -> Workbook:
    columns = registration_columns(list(campaign.criteria.all()))
    return list_workbook("Đăng ký thi đua", columns, registration_rows(campaign))


# ---------------------------------------------------------------------------
# Báo cáo kết quả: the reports received (selectors.reports_received)


@dataclass(frozen=True)
class ReportRow:
    report: ResultReport
    values: dict[int, tuple[Decimal | None, str]]  # by criterion: result, evidence


def report_columns(criteria: Sequence[Criterion]) -> list[Column]:
    """The reports list's columns: the unit, the period, the report, and per criterion
    its result and evidence."""

    def value(criterion: Criterion) -> Callable[[ReportRow], Decimal | str | None]:
        return lambda row: _figure(criterion, row.values.get(criterion.pk, (None, ""))[0])

    def evidence(criterion_id: int) -> Callable[[ReportRow], str]:
        return lambda row: row.values.get(criterion_id, (None, ""))[1]

    columns: list[Column] = [
        ("Mã đơn vị", lambda row: row.report.unit.code),
        ("Đơn vị", lambda row: row.report.unit.name_with_end),
        ("Kỳ báo cáo", lambda row: row.report.period.get_kind_display()),
        ("Hạn nộp", lambda row: row.report.period.due_on),
        ("Nộp lúc", lambda row: row.report.submitted_at),
        # a report returned and sent again: when it was first sent, which its lateness reads
        ("Nộp lần đầu (trước khi trả lại)", lambda row: row.report.first_submitted_at),
        ("Nộp muộn", lambda row: yes_no(row.report.is_late)),
        ("Trạng thái", lambda row: row.report.get_status_display()),
        ("Lý do trả lại", lambda row: row.report.return_reason),
        # the evidence files in use (not taken off), to find on the results page (0095)
        ("Tệp minh chứng", lambda row: files_text(row.report.evidence_files)),
    ]
    for c in criteria:
        columns.append((_criterion_header("Kết quả", c), value(c)))
        columns.append((_criterion_header("Minh chứng", c), evidence(c.pk)))
    return columns


def files_text(files: Sequence[ReportFile]) -> str:
    """“2 tệp: bien-ban.pdf; anh.jpg”, or "" without any."""
    if not files:
        return ""
    return f"{len(files)} tệp: " + "; ".join(f.original_name for f in files)


def report_rows(campaign: Campaign) -> list[ReportRow]:
    """The reports the results page lists, then those of units merged away or dissolved
    since (decision 0079), each with its values and evidence files; six queries."""
    files = Prefetch(
        "files",
        queryset=ReportFile.objects.filter(archived=False).order_by("uploaded_at", "pk"),
        to_attr="evidence_files",
    )
    living = selectors.reports_received(campaign).prefetch_related("values", files)
    ended = selectors.ended_units_reports(campaign).prefetch_related("values", files)
    return [
        ReportRow(r, {v.criterion_id: (v.value, v.evidence) for v in r.values.all()})
        for reports in (living, ended)
        for r in reports
    ]


def reports_workbook(campaign: Campaign) -> Workbook:
    columns = report_columns(list(campaign.criteria.all()))
    return list_workbook("Báo cáo kết quả", columns, report_rows(campaign))


# ---------------------------------------------------------------------------
# The results page


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
        (
            [row.unit.name, "Có" if row.registration and row.registration.submitted_at else "Chưa"]
            for row in registration_rows(data["campaign"])
        ),
    )
    sheet_add(
        book,
        "Báo cáo đã nộp",
        ["Đơn vị", "Kỳ", "Nộp lúc", "Muộn", "Trạng thái"],
        (
            [
                r.unit.name,
                r.period.get_kind_display(),
                r.submitted_at,  # a real date and time (units.xlsx), sorted and filtered
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
                p["period"].due_on,
                p["on_time"],
                p["late"],
                p["missing"],
            ]
            for p in figures["periods"]
        ),
    )
    # every period's results, not only the one the page shows (decision 0073)
    shown = data.get("attainment_period")
    sheet_add(
        book,
        "Tiêu chí",
        [
            "Kỳ báo cáo",
            "Hạn nộp",
            "Tiêu chí",
            "Lĩnh vực",
            "Số báo cáo",
            "Đạt chỉ tiêu",
            "Báo cáo thiếu",
        ],
        (
            [
                period.get_kind_display(),
                period.due_on,
                row["criterion"].name,
                row["criterion"].group,
                row["reported"],
                # nobody gave the figure: not reported, not 0 reached (decision 0063)
                "chưa báo cáo" if row["measurable"] and not row["reported"] else row["reached"],
                row["missing"],
            ]
            for period in data["periods"]
            for row in (
                data["attainment"]
                if period == shown
                else selectors.attainment(data["campaign"], period)
            )
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
    for sheet in book.worksheets:  # each sheet's header stays in sight as a clerk scrolls
        sheet.freeze_panes = "A2"
    return book
