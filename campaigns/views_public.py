"""The public portal: anyone can read published campaigns."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .pdf import campaign_pdf, campaign_pdf_filename


def home(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.public_campaign_list(), 20).get_page(request.GET.get("trang"))
    return render(request, "campaigns/public/home.html", {"page": page})


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.public_campaign_detail(pk)
    return render(
        request,
        "campaigns/public/detail.html",
        {
            "campaign": campaign,
            "children": selectors.public_children(campaign),
        },
    )


def campaign_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.public_campaign_detail(pk)
    return pdf_response(campaign_pdf(campaign), campaign_pdf_filename(campaign))


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
