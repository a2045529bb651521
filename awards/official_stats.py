"""Biểu mẫu thống kê thi đua, khen thưởng: the yearly forms an office reports upward
(docs/decisions/0013-money-and-statistics.md says which forms and where their layout
comes from).

Each form is data: its rows (a code, a label and a filter) and its columns (a header and
a filter). Every cell is a conditional COUNT, so a whole form is one aggregate query
over the register, whatever the number of rows: nothing is counted in Python.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from campaigns.models import Campaign
from units.models import Unit, descendants_query
from units.xlsx import rows_append, sheet_add, workbook_new

from .models import AwardGrant, Decision, Nomination

NOTHING = Q(pk__in=[])  # a row or column the register cannot hold (always 0)
CK = Nomination.CommendationKind


@dataclass(frozen=True)
class Row:
    code: str  # mã số, "" for a heading
    label: str
    q: Q | None = None  # None: a heading, or a figure the register does not keep
    unit: str = ""  # đơn vị tính, where the form has the column
    bold: bool = False
    unknown: bool = False  # the register does not say: the cell is left empty


@dataclass(frozen=True)
class Column:
    header: str
    number: str  # the numbering row of the form: 1=(2+3+4), 2, 3...
    q: Q
    group: str = ""  # a heading over several columns (0602: “Huân chương” over Tập thể, Cá nhân)


@dataclass(frozen=True)
class Form:
    code: str
    title: str
    basis: str
    unit_label: str  # “Đơn vị tính”, above the table
    columns: list[Column]
    rows: list[Row]
    has_unit_column: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def grouped(self) -> bool:
        return any(c.group for c in self.columns)

    @property
    def groups(self) -> list[dict]:
        """The first header row: one cell per group of consecutive columns sharing a
        heading (and a number), or per ungrouped column (spanning both header rows)."""
        out: list[dict] = []
        for column in self.columns:
            if column.group and out and out[-1]["text"] == column.group:
                out[-1]["span"] += 1
                continue
            out.append(
                {
                    "text": column.group or column.header,
                    "span": 1,
                    "number": column.number,
                    "sub": bool(column.group),
                }
            )
        return out


BASIS = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ"

DAYS = ExpressionWrapper(F("end_date") - F("start_date"), output_field=DurationField())
YEAR_SHORT, YEAR_LONG = datetime.timedelta(days=360), datetime.timedelta(days=370)

CAMPAIGNS_0601 = Form(
    code="0601.N/BNV-TĐKT",
    title="SỐ PHONG TRÀO THI ĐUA",
    basis=BASIS,
    unit_label="Đơn vị tính: Phong trào",
    columns=[
        Column("Tổng số", "1=(2+3+4)", Q()),
        Column("Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)", "2", NOTHING),
        Column(
            "Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương",
            "3",
            Q(issuer__level=Unit.Level.PROVINCE),
        ),
        Column("Cơ quan, tổ chức, đơn vị", "4", ~Q(issuer__level=Unit.Level.PROVINCE)),
    ],
    rows=[
        Row("01", "Tổng số", Q(), bold=True),
        Row("", "1. Chia theo phạm vi tổ chức thi đua", bold=True),
        Row("02", "- Toàn quốc", NOTHING),
        Row(
            "03",
            "- Bộ, ban, ngành đoàn thể, địa phương",
            Q(issuer__kind=Unit.Kind.PEOPLES_COMMITTEE),
        ),
        Row("04", "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", NOTHING),
        Row("05", "- Cơ quan, tổ chức, đơn vị", ~Q(issuer__kind=Unit.Kind.PEOPLES_COMMITTEE)),
        Row("", "2. Chia theo thời hạn thi đua", bold=True),
        Row("06", "- Dưới 1 năm", Q(days__lt=YEAR_SHORT)),
        Row("07", "- 1 năm", Q(days__gte=YEAR_SHORT, days__lte=YEAR_LONG)),
        Row(
            "08",
            "- Từ 1 năm đến dưới 3 năm",
            Q(days__gt=YEAR_LONG, days__lt=datetime.timedelta(days=3 * 365)),
        ),
        Row(
            "09",
            "- Từ 3 năm đến dưới 5 năm",
            Q(
                days__gte=datetime.timedelta(days=3 * 365),
                days__lt=datetime.timedelta(days=5 * 365),
            ),
        ),
        Row("10", "- Từ 5 năm trở lên", Q(days__gte=datetime.timedelta(days=5 * 365))),
        Row("", "3. Chia theo phương thức tổ chức phong trào thi đua", bold=True),
        Row("11", "- Thi đua theo chuyên đề", Q(kind=Campaign.Kind.THEMATIC)),
        Row("12", "- Thi đua thường xuyên hàng năm", Q(kind=Campaign.Kind.REGULAR)),
    ],
    notes=[
        "Phong trào được tính theo năm ban hành văn bản phát động, trừ dự thảo và phong trào đã thu hồi.",
        "Dòng 04 (cụm, khối): hệ thống chưa ghi phong trào do cụm, khối tổ chức nên để 0.",
        "Thời hạn tính từ ngày bắt đầu đến ngày kết thúc; phong trào chưa ghi đủ hai ngày không vào mục 2.",
    ],
)

# Award types in each column of 0603 (codes of awards/reference_data.py).
BANG_KHEN_TINH = ("bang-khen-tinh-ca-nhan", "bang-khen-tinh-tap-the", "bang-khen-tinh-ho-gia-dinh")
CSTD_TINH = ("cstd-tinh",)
CO_THI_DUA_TINH = ("co-thi-dua-tinh",)
HUY_HIEU = ("ky-niem-chuong",)
PROVINCE_0603 = BANG_KHEN_TINH + CSTD_TINH + CO_THI_DUA_TINH + HUY_HIEU


def _kinds(*kinds: str) -> Q:
    return Q(nomination__commendation_kind__in=kinds)


def _recipient_rows(section: int, first: int) -> list[Row]:
    """The award forms' rows "Chia theo đối tượng khen thưởng" (0602, 0603: the same rows,
    numbered from `first`, under heading `section`)."""
    labels = [
        ("- Tập thể", Q(unit__isnull=False), "Tập thể", False),
        ("Trong đó: Doanh nghiệp", Q(unit__kind=Unit.Kind.ENTERPRISE), "Doanh nghiệp", False),
        ("- Hộ gia đình", Q(person__isnull=True, unit__isnull=True), "Hộ", False),
        ("- Cá nhân", Q(person__isnull=False), "Người", False),
        ("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", None, "Người", True),
        ("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", None, "Người", True),
        ("+ Doanh nhân", None, "Người", True),
        ("+ Các cấp lãnh đạo khác từ phó phòng trở lên", None, "Người", True),
        (
            "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
            "(công nhân, nông dân,...)",
            Q(person__is_direct_worker=True),
            "Người",
            False,
        ),
    ]
    return [Row("", f"{section}. Chia theo đối tượng khen thưởng", bold=True)] + [
        Row(f"{first + i:02d}", label, q, unit=unit, unknown=unknown)
        for i, (label, q, unit, unknown) in enumerate(labels)
    ]


def _method_rows(section: int, first: int) -> list[Row]:
    """The award forms' rows "Chia theo phương thức khen thưởng" (0602, 0603)."""
    kinds = [
        ("- Thường xuyên", _kinds(CK.ANNUAL, CK.MERIT)),
        ("- Chuyên đề", _kinds(CK.CAMPAIGN)),
        ("- Đột xuất", _kinds(CK.UNSCHEDULED)),
        ("- Đối ngoại", _kinds(CK.FOREIGN)),
        ("- Cống hiến", _kinds(CK.LIFELONG)),
        ("- Niên hạn", _kinds(CK.SERVICE_YEARS)),
        ("- Kháng chiến", NOTHING),
    ]
    return [Row("", f"{section}. Chia theo phương thức khen thưởng", bold=True)] + [
        Row(f"{first + i:02d}", label, q) for i, (label, q) in enumerate(kinds)
    ]


GRANTS_0603 = Form(
    code="0603.N/BNV-TĐKT",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
    "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    basis=BASIS,
    unit_label="",
    has_unit_column=True,
    columns=[
        Column("Tổng số", "1", Q(award_type__code__in=PROVINCE_0603)),
        Column("Bằng khen", "2", Q(award_type__code__in=BANG_KHEN_TINH)),
        Column("Chiến sĩ thi đua cấp bộ, cấp tỉnh", "3", Q(award_type__code__in=CSTD_TINH)),
        Column(
            "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
            "Trung ương",
            "4",
            Q(award_type__code__in=CO_THI_DUA_TINH),
        ),
        Column(
            "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành "
            "phố trực thuộc Trung ương",
            "5",
            Q(award_type__code__in=HUY_HIEU),
        ),
    ],
    rows=[
        Row("01", "Tổng số", Q(), bold=True),
        *_recipient_rows(1, first=2),
        *_method_rows(2, first=11),
    ],
    notes=[
        "Khen thưởng tính theo năm của quyết định (hoặc ngày quyết định nhập tay), "
        "trừ khen thưởng đã thu hồi.",
        "Dòng 06-09: hệ thống không phân loại chức vụ của cá nhân nên để trống.",
        "Mục 2 tính theo loại hình khen thưởng của hồ sơ đề nghị; khen thưởng nhập tay "
        "không có hồ sơ chỉ vào mục 1.",
    ],
)

# Award types in the columns of 0602 (codes of awards/reference_data.py). The form gives
# each kind of order, medal and honorary title its own column; the register keeps one
# type for each (“Huân chương”, “Huy chương”, “Danh hiệu vinh dự Nhà nước”), so each
# has one pair of columns.
NATIONAL = Q(award_type__level="national")
HUAN_CHUONG = ("huan-chuong-ca-nhan", "huan-chuong-tap-the")
HUY_CHUONG = ("huy-chuong",)
GIAI_THUONG_HCM = ("giai-thuong-hcm",)
GIAI_THUONG_NN = ("giai-thuong-nha-nuoc",)
VINH_DU = ("danh-hieu-vinh-du",)
CO_THI_DUA_CP = ("co-thi-dua-chinh-phu",)
BANG_KHEN_TTG = ("bang-khen-ttg-ca-nhan", "bang-khen-ttg-tap-the")
CSTD_TOAN_QUOC = ("cstd-toan-quoc",)
NAMED_0602 = (
    HUAN_CHUONG
    + HUY_CHUONG
    + GIAI_THUONG_HCM
    + GIAI_THUONG_NN
    + VINH_DU
    + CO_THI_DUA_CP
    + BANG_KHEN_TTG
    + CSTD_TOAN_QUOC
)
PERSON, COLLECTIVE = Q(person__isnull=False), Q(person__isnull=True)  # a household: tập thể


def _types(codes: tuple[str, ...]) -> Q:
    return Q(award_type__code__in=codes)


def _pair(group: str, number: str, q: Q) -> list[Column]:
    return [
        Column("Tập thể", number, q & COLLECTIVE, group=group),
        Column("Cá nhân", number, q & PERSON, group=group),
    ]


GRANTS_0602 = Form(
    code="0602.N/BNV-TĐKT",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    basis=BASIS,
    unit_label="",
    has_unit_column=True,
    columns=[
        Column("Tổng số", "1", NATIONAL),
        *_pair("Huân chương", "2", _types(HUAN_CHUONG)),
        *_pair("Huy chương", "2", _types(HUY_CHUONG)),
        Column("Cá nhân", "3", _types(GIAI_THUONG_HCM), group="Giải thưởng Hồ Chí Minh"),
        Column("Cá nhân", "4", _types(GIAI_THUONG_NN), group="Giải thưởng Nhà nước"),
        *_pair("Danh hiệu vinh dự Nhà nước", "5", _types(VINH_DU)),
        Column("Tập thể", "6", _types(CO_THI_DUA_CP), group="Cờ thi đua của Chính phủ"),
        *_pair("Bằng khen của Thủ tướng Chính phủ", "7", _types(BANG_KHEN_TTG)),
        Column(
            "Cá nhân", "8", _types(CSTD_TOAN_QUOC), group="Danh hiệu “Chiến sĩ thi đua toàn quốc”"
        ),
        *_pair("Các hình thức khen thưởng khác", "9", NATIONAL & ~_types(NAMED_0602)),
    ],
    rows=[
        Row("01", "Tổng số", Q(), bold=True),
        Row(
            "",
            "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
            bold=True,
        ),
        Row("02", "- Bộ, ban, ngành, đoàn thể Trung ương", unit="Bộ, ngành", unknown=True),
        Row("03", "- Tỉnh, thành phố trực thuộc Trung ương", unit="Tỉnh, TP", unknown=True),
        *_recipient_rows(2, first=6),
        *_method_rows(3, first=15),
    ],
    notes=[
        "Khen thưởng cấp Nhà nước (Chủ tịch nước, Thủ tướng Chính phủ) của các tập thể, cá "
        "nhân, hộ gia đình thuộc đơn vị, tính theo năm của quyết định (hoặc ngày quyết định "
        "nhập tay), trừ khen thưởng đã thu hồi.",
        "Mỗi loại huân chương, huy chương, danh hiệu vinh dự được hệ thống ghi chung một "
        "loại nên mỗi loại có một cặp cột; hộ gia đình tính vào cột Tập thể.",
        "Dòng 02-03: hệ thống không lưu đơn vị trình Thủ tướng Chính phủ nên để trống.",
        "Dòng 10-13: hệ thống không phân loại chức vụ của cá nhân nên để trống.",
        "Mã số 04, 05 không có trong biểu (đánh số theo mẫu).",
        "Mục 3 tính theo loại hình khen thưởng của hồ sơ đề nghị; khen thưởng nhập tay "
        "không có hồ sơ chỉ vào mục 1 và 2.",
    ],
)

FORMS = {"0601": CAMPAIGNS_0601, "0602": GRANTS_0602, "0603": GRANTS_0603}


def campaigns_of(body: Unit, year: int) -> QuerySet[Campaign]:
    """The campaigns launched in `year` by the body and the units below it."""
    return (
        Campaign.objects.filter(issuer_id__in=descendants_query([body.pk]), issued_year=year)
        .exclude(status__in=[Campaign.Status.DRAFT, Campaign.Status.WITHDRAWN])
        .annotate(days=DAYS)
    )


def grants_of(body: Unit, year: int) -> QuerySet[AwardGrant]:
    """The awards of `year` (by the decision's date) to the body and the units below it,
    less those revoked. The year's decisions are a subquery, so no join to decisions is
    OR-ed with the typed-in date."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return AwardGrant.objects.in_force().filter(
        Q(decision_id__in=Decision.objects.filter(year=year, amends__isnull=True).values("pk"))
        | Q(decision_id__in=amending_decisions_of(year))
        | Q(decision__isnull=True, decision_date__range=(first, last)),
        awardee_unit_id__in=descendants_query([body.pk]),
    )


def amending_decisions_of(year: int) -> QuerySet[Decision]:
    """The decisions that amend a decision of `year`, directly or down a chain of any
    length: their lines count in the year the award was first decided, not in the year
    of the correction (decision 0078). A recursive CTE down `amends` from the year's
    first decisions, as `selectors.amendment_chain` walks a chain (decision 0089): a
    subquery, so the form's figures stay one query."""
    table = Decision._meta.db_table
    sql = f"""WITH RECURSIVE later(id) AS (
        SELECT id FROM {table} WHERE year = %s AND amends_id IS NULL
        UNION SELECT d.id FROM {table} d JOIN later l ON d.amends_id = l.id
    ) SELECT id FROM later"""
    return Decision.objects.filter(pk__in=RawSQL(sql, [year]), amends__isnull=False).values("pk")


def form_figures(form: Form, queryset: QuerySet) -> list[dict]:
    """Every cell of the form in one aggregate query: {"row": Row, "cells": [int|None]}."""
    aggregates = {}
    for r, row in enumerate(form.rows):
        if row.q is None:
            continue
        for c, column in enumerate(form.columns):
            aggregates[f"r{r}c{c}"] = Count("pk", filter=row.q & column.q)
    values = queryset.aggregate(**aggregates) if aggregates else {}
    return [
        {
            "row": row,
            "cells": [
                values.get(f"r{r}c{c}") if row.q is not None else None
                for c in range(len(form.columns))
            ],
        }
        for r, row in enumerate(form.rows)
    ]


def form_data(key: str, body: Unit, year: int) -> dict:
    form = FORMS[key]
    queryset = campaigns_of(body, year) if key == "0601" else grants_of(body, year)
    return {
        "key": key,
        "form": form,
        "body": body,
        "year": year,
        "lines": form_figures(form, queryset),
    }


def form_workbook(data: dict) -> Workbook:
    """The form as the official layout: the form's number and who reports to whom, the
    title and year, the table with its lettered and numbered header, a line per row."""
    form: Form = data["form"]
    book = workbook_new()
    width = 2 + (1 if form.has_unit_column else 0) + len(form.columns)
    first = (
        [f"Biểu số: {form.code}"] + [""] * (width - 2) + [f"Đơn vị báo cáo: {data['body'].name}"]
    )
    sheet = sheet_add(book, form.code.split("/")[0], first)
    rows_append(sheet, [form.basis] + [""] * (width - 2) + ["Đơn vị nhận báo cáo: Bộ Nội vụ"])
    rows_append(sheet, ["Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"])
    rows_append(sheet, [form.title])
    rows_append(sheet, [f"Năm {data['year']}"])
    rows_append(sheet, [form.unit_label] if form.unit_label else [""])
    lead = ["", "Mã số"] + (["Đơn vị tính"] if form.has_unit_column else [])
    letters = ["A", "B"] + (["C"] if form.has_unit_column else [])
    if form.grouped:  # two header rows: the group, then Tập thể / Cá nhân
        header, numbers = list(lead), list(letters)
        for group in form.groups:
            header += [group["text"]] + [""] * (group["span"] - 1)
            numbers += [group["number"]] + [""] * (group["span"] - 1)
        rows_append(sheet, header)
        header_row = sheet.max_row
        rows_append(sheet, [""] * len(lead) + [c.header if c.group else "" for c in form.columns])
        start = len(lead) + 1
        for column in range(1, len(lead) + 1):
            sheet.merge_cells(
                start_row=header_row, end_row=header_row + 1, start_column=column, end_column=column
            )
        for group in form.groups:
            end = start + group["span"] - 1
            if not group["sub"]:
                sheet.merge_cells(
                    start_row=header_row, end_row=header_row + 1, start_column=start, end_column=end
                )
            elif end > start:
                sheet.merge_cells(
                    start_row=header_row, end_row=header_row, start_column=start, end_column=end
                )
            start = end + 1
        for cell in sheet[header_row + 1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        rows_append(sheet, numbers)
    else:
        rows_append(sheet, lead + [c.header for c in form.columns])
        header_row = sheet.max_row
        rows_append(sheet, letters + [c.number for c in form.columns])
    for line in data["lines"]:
        row: Row = line["row"]
        rows_append(
            sheet,
            [row.label, row.code]
            + ([row.unit] if form.has_unit_column else [])
            + [value if value is not None else "" for value in line["cells"]],
        )
        if row.bold:
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    for r in (4, 5):
        sheet.cell(r, 1).font = Font(bold=True)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.column_dimensions["A"].width = 60
    for column in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12 if form.grouped else 16
    rows_append(sheet, [])
    for note in form.notes:
        rows_append(sheet, [f"Ghi chú: {note}"])
    return book


def form_pdf(data: dict) -> bytes:
    from django.utils import timezone

    from units.pdf import render_pdf

    return render_pdf("pdf/statistics_form.html", {**data, "today": timezone.localdate()})
