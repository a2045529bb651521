"""Official A4 PDFs (Decree 30/2020) of launch documents, rendered by WeasyPrint
through the engine in units/pdf.py (which fetches only our static files)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import slugify

from units import pdf as _engine
from units.pdf import STATIC_SCHEME, html_to_pdf, render_html, render_pdf
from units.text import normalize_search

from .models import Campaign, Registration

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

__all__ = [
    "STATIC_SCHEME",
    "StaticOnlyFetcher",  # noqa: F822 (given by __getattr__, on first use)
    "campaign_html",
    "campaign_pdf",
    "campaign_pdf_filename",
    "html_to_pdf",
    "registration_html",
    "registration_pdf",
    "registration_pdf_filename",
    "render_pdf",
]


def __getattr__(name: str):
    """`StaticOnlyFetcher` comes from units/pdf.py when asked for (it imports WeasyPrint)."""
    if name == "StaticOnlyFetcher":
        return _engine.StaticOnlyFetcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def campaign_html(campaign: Campaign) -> str:
    """The launch document as the HTML its PDF is made from."""
    return render_html("pdf/campaign.html", {"campaign": campaign})


def campaign_pdf(campaign: Campaign, *, fetcher: URLFetcher | None = None) -> bytes:
    """The launch document, draft or published, as an A4 PDF."""
    return html_to_pdf(campaign_html(campaign), fetcher=fetcher)


def campaign_pdf_filename(campaign: Campaign) -> str:
    """An ASCII file name: "phat-dong-thi-dua-5834-pdtd-ubnd.pdf"."""
    ident = campaign.number_symbol.strip("/").replace("/", " ") or f"so-{campaign.pk}"
    return slugify(normalize_search(f"{campaign.document_type.name} {ident}")) + ".pdf"


def registration_html(registration: Registration) -> str:
    """Bản đăng ký thi đua (decision 0093): the unit's commitments for a campaign as the
    document its head signs and sends to the launching body's standing office. Dated
    the day it was (last) sent; no number (the văn thư writes none on it); the
    signature block leaves the head's name to be written by hand."""
    from django.utils import timezone

    targets = list(
        registration.targets.select_related("criterion").order_by(
            "criterion__order", "criterion__pk"
        )
    )
    campaign = registration.campaign
    return render_html(
        "pdf/registration.html",
        {
            "registration": registration,
            "campaign": campaign,
            "unit": registration.unit,
            "targets": targets,
            "dated": timezone.localdate(registration.submitted_at),
            "to": [f"{campaign.issuer.standing_office_name};"],
        },
    )


def registration_pdf(registration: Registration) -> bytes:
    return html_to_pdf(registration_html(registration))


def registration_pdf_filename(registration: Registration) -> str:
    """ "dang-ky-thi-dua-ubnd-phuong-tan-phong-12.pdf" (the campaign's id last)."""
    unit = slugify(normalize_search(registration.unit.name)) or f"don-vi-{registration.unit_id}"
    return f"dang-ky-thi-dua-{unit}-{registration.campaign_id}.pdf"
