"""Public pages of awards: issued decisions and the honour roll."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from campaigns.views_public import pdf_response

from . import pdf, selectors


def decision_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.public_decisions(), 20).get_page(request.GET.get("trang"))
    return render(request, "awards/public/decision_list.html", {"page": page})


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(selectors.public_decisions(), pk=pk)
    grants = decision.grants.select_related("award_type", "person", "unit", "awardee_unit")
    return render(
        request, "awards/public/decision_detail.html", {"decision": decision, "grants": grants}
    )


def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(selectors.public_decisions(), pk=pk)
    return pdf_response(
        pdf.decision_pdf(decision), f"quyet-dinh-{decision.number}-{decision.year}.pdf"
    )


def honour_roll(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    year = request.GET.get("nam", "")
    grants = selectors.honour_roll(query, int(year) if year.isdigit() else None)
    page = Paginator(grants, 50).get_page(request.GET.get("trang"))
    return render(
        request, "awards/public/honour_roll.html", {"page": page, "q": query, "year": year}
    )
