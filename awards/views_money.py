"""The fund's pages and the official statistical forms (/quan-ly/khen-thuong/quy/,
/bieu-thong-ke/): standing office of the body only. A fund is found through the user's
bodies, so another office gets a 404; writes check the office again in the service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from campaigns.views_public import pdf_response
from units.access import holds_office, office_bodies
from units.formfields import error_text, errors_text
from units.pdf import render_pdf
from units.xlsx import list_workbook, xlsx_response

from . import money, official_stats
from .money_forms import (
    FundEntryCancelForm,
    FundEntryForm,
    FundOpenForm,
    StatisticsYearForm,
)
from .money_models import Fund


def _office(request: HttpRequest) -> None:
    if not office_bodies(request.user).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực nào.")


@login_required
def fund_list(request: HttpRequest) -> HttpResponse:
    """Sổ quỹ of the office's bodies, with each year's figures."""
    _office(request)
    funds = money.funds_with_figures(money.funds_for_office(request.user))
    form = FundOpenForm(user=request.user)
    return render(request, "awards/staff/fund_list.html", {"funds": funds, "form": form})


@login_required
@require_POST
def fund_open(request: HttpRequest) -> HttpResponse:
    _office(request)
    form = FundOpenForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, errors_text(form))
        return redirect("awards:fund_list")
    fund = money.fund_open(
        actor=request.user, issuer=form.cleaned_data["issuer"], year=form.cleaned_data["year"]
    )
    return redirect("awards:fund_detail", pk=fund.pk)


def _fund(request: HttpRequest, pk: int) -> Fund:
    return get_object_or_404(money.funds_for_office(request.user), pk=pk)


def fund_workbook(fund: Fund, rows: list[dict]) -> Workbook:
    return list_workbook(
        f"Sổ quỹ {fund.year}",
        [
            ("Ngày", lambda r: r["entry"].on),
            ("Loại", lambda r: r["entry"].get_kind_display()),
            ("Nội dung", lambda r: r["entry"].description),
            (
                "Quyết định",
                lambda r: r["entry"].decision.number_symbol if r["entry"].decision_id else "",
            ),
            (
                "Tập thể, cá nhân",
                lambda r: r["entry"].grant.awardee_name if r["entry"].grant_id else "",
            ),
            ("Hệ số", lambda r: r["entry"].multiple),
            ("Mức lương cơ sở (đồng)", lambda r: r["entry"].base_salary),
            ("Thu (đồng)", lambda r: r["entry"].money_in),
            ("Chi (đồng)", lambda r: r["entry"].money_out),
            ("Số dư (đồng)", lambda r: r["balance"]),
        ],
        rows,
    )


@login_required
def fund_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The ledger, its figures, a form to enter budget or income lines, the statements."""
    fund = _fund(request, pk)
    can_write = holds_office(request.user, fund.issuer)
    form = FundEntryForm(request.POST or None, year=fund.year, initial={"on": timezone.localdate()})
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied("Bạn không thuộc cơ quan thường trực của quỹ này.")
        if form.is_valid():
            try:
                money.fund_entry_add(
                    actor=request.user, issuer=fund.issuer, year=fund.year, **form.cleaned_data
                )
                messages.success(request, "Đã ghi vào sổ quỹ.")
                return redirect("awards:fund_detail", pk=fund.pk)
            except ValidationError as exc:
                for name, errors in exc.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
    rows = money.ledger(fund)
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(fund_workbook(fund, rows), f"so-quy-{fund.year}-{fund.issuer_id}")
    return render(
        request,
        "awards/staff/fund_detail.html",
        {
            "fund": fund,
            "rows": rows,
            "figures": money.fund_figures(fund),
            "form": form,
            "cancel_form": FundEntryCancelForm(rows=rows) if can_write else None,
            "can_write": can_write,
            "ended": fund.issuer.document_after_end_problem(timezone.localdate()),
        },
    )


@login_required
@require_POST
def fund_entry_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Hủy dòng ghi sai: a line of the opposite amount, with the reason (the service
    checks the office and the line again)."""
    fund = _fund(request, pk)
    form = FundEntryCancelForm(request.POST, rows=money.ledger(fund))
    if not form.is_valid():
        messages.error(request, form.message())
        return redirect("awards:fund_detail", pk=fund.pk)
    entry = get_object_or_404(fund.entries, pk=form.cleaned_data["entry"])
    try:
        money.fund_entry_cancel(actor=request.user, entry=entry, reason=form.cleaned_data["reason"])
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request, f"Đã hủy dòng ghi sai ngày {entry.on:%d/%m/%Y}: sổ quỹ ghi thêm dòng hủy."
        )
    return redirect("awards:fund_detail", pk=fund.pk)


@login_required
def fund_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    fund = _fund(request, pk)
    if ended := fund.issuer.document_after_end_problem(timezone.localdate()):
        messages.error(request, ended)  # not in the name of a body that ended (0089)
        return redirect("awards:fund_detail", pk=fund.pk)
    data = render_pdf(
        "pdf/fund_statement.html",
        {
            "fund": fund,
            "rows": money.ledger(fund),
            "figures": money.fund_figures(fund),
            "today": timezone.localdate(),
        },
    )
    return pdf_response(data, f"so-quy-{fund.year}-{fund.issuer_id}.pdf")


@login_required
def statistics_forms(request: HttpRequest) -> HttpResponse:
    """Biểu mẫu thống kê: choose a form, the reporting body and the year; see it, or
    download it as xlsx or PDF."""
    _office(request)
    chosen = "nam" in request.GET or "issuer" in request.GET  # ?bieu= alone: this year
    form = StatisticsYearForm(request.GET if chosen else None, user=request.user)
    bodies = office_bodies(request.user)
    key = request.GET.get("bieu", "0601")
    if key not in official_stats.FORMS:
        raise Http404
    year, body = timezone.localdate().year, bodies.first()
    if chosen:
        if form.is_valid():
            year = form.cleaned_data["nam"]
            body = form.cleaned_data["issuer"] or body
        else:
            return render(
                request,
                "awards/staff/statistics_forms.html",
                {"form": form, "data": None, "forms": official_stats.FORMS},
                status=400,
            )
    data = official_stats.form_data(key, body, year)
    filename = f"bieu-{key}-{year}-{body.pk}"
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(official_stats.form_workbook(data), filename)
    ended = body.document_after_end_problem(timezone.localdate())
    if request.GET.get("xuat") == "pdf":
        if not ended:
            return pdf_response(official_stats.form_pdf(data), f"{filename}.pdf")
        messages.error(request, ended)  # not in the name of a body that ended (0089)
    return render(
        request,
        "awards/staff/statistics_forms.html",
        {"form": form, "data": data, "forms": official_stats.FORMS},
    )
