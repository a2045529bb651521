"""The public portal: anyone can read published campaigns."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


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
            "items": campaign.items_tree(),
            "distribution_groups": campaign.distribution_groups(),
            "children": selectors.public_children(campaign),
        },
    )
