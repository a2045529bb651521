"""Public pages of awards: issued decisions and the honour roll."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from campaigns.views_public import issued_pdf_response
from config.proxies import client_ip
from units.models import IssuedDocument

from . import selectors, services, workflow

DECISIONS_PER_PAGE = 20


def decision_list(request: HttpRequest) -> HttpResponse:
    from .forms import DecisionSearchForm

    form = DecisionSearchForm(request.GET, issuers=selectors.public_decision_issuers())
    filters = form.filters()
    decisions = selectors.public_decisions(**filters).prefetch_related(None)  # chains below
    page = Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("trang"))
    page.object_list = list(page.object_list)
    selectors.amendment_chains(page.object_list)  # every link that amended each, one query
    # the search the page's links keep
    kept = {
        "q": filters["query"],
        "nam": filters["year"] or "",
        "co_quan": filters["issuer"].pk if filters["issuer"] else "",
    }
    return render(
        request,
        "awards/public/decision_list.html",
        {
            "page": page,
            "form": form,
            "filters": filters,
            "kept": urlencode({k: v for k, v in kept.items() if v}),
        },
    )


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(selectors.public_decisions(), pk=pk)
    grants = decision.grants.select_related(
        "award_type", "person", "unit", "awardee_unit__merged_into", "revocation"
    ).order_by("struck", "register_number", "pk")  # the annex's order, struck lines last
    document = services.decision_issued_document(decision, IssuedDocument.Kind.DECISION)
    return render(
        request,
        "awards/public/decision_detail.html",
        {
            "decision": decision,
            "grants": grants,
            "document": document,
            "chain": selectors.amendment_chain(decision),
        },
    )


def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision exactly as issued: the same bytes at every download."""
    decision = get_object_or_404(selectors.public_decisions(), pk=pk)
    return issued_pdf_response(
        request, services.decision_issued_document(decision, IssuedDocument.Kind.DECISION)
    )


def honour_roll(request: HttpRequest) -> HttpResponse:
    from .forms import HonourRollForm

    award_types = selectors.honour_roll_award_types()
    form = HonourRollForm(request.GET, award_types=award_types)
    if request.GET.get("xuat") == "xlsx":  # every page, as filtered
        from units.xlsx import xlsx_response

        from .exports import honour_roll_workbook

        rows = selectors.honour_roll(**form.filters())
        return xlsx_response(honour_roll_workbook(rows), "vinh-danh")
    filters = form.filters()
    page = selectors.honour_roll_page(**filters, number=request.GET.get("trang"))
    return render(
        request,
        "awards/public/honour_roll.html",
        {
            "page": page,
            "form": form,
            "filters": filters,  # what the search kept, said when nothing is found
            "q": request.GET.get("q", ""),
            "year": request.GET.get("nam", ""),
            "award": request.GET.get("danh_hieu", ""),
            "award_types": award_types,
        },
    )


def _notices():
    from django.utils import timezone

    from .models import Nomination

    return Nomination.objects.filter(
        status__in=workflow.statuses("comment"), notice_until__gte=timezone.localdate()
    ).select_related(
        "award_type", "nominee_person__unit", "nominee_unit", "nominating_unit", "issuer"
    )


def notice_list(request: HttpRequest) -> HttpResponse:
    return render(request, "awards/public/notice_list.html", {"nominations": _notices()})


def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    import hashlib

    from django.conf import settings
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect

    from . import services
    from .forms import CommentForm

    nomination = get_object_or_404(_notices(), pk=pk)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # a bot filled the hidden field: say thanks, keep nothing
            messages.success(request, "Cảm ơn bạn đã gửi ý kiến.")
            return redirect("awards_public:notice_detail", pk=pk)
        ip = client_ip(request) or ""  # X-Forwarded-For only from TRUSTED_PROXIES
        key = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()
        try:
            services.comment_add(
                nomination=nomination,
                name=form.cleaned_data["name"],
                contact=form.cleaned_data["contact"],
                text=form.cleaned_data["text"],
                sender_key=key,
            )
            messages.success(
                request, "Cảm ơn bạn đã gửi ý kiến. Ý kiến được chuyển đến cơ quan thường trực."
            )
            return redirect("awards_public:notice_detail", pk=pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(
        request, "awards/public/notice_detail.html", {"nomination": nomination, "form": form}
    )
