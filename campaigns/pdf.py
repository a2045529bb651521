"""Official A4 PDFs (Decree 30/2020) of launch documents, rendered by WeasyPrint
through the engine in units/pdf.py (which fetches only our static files)."""

from __future__ import annotations

from django.utils.text import slugify

from units.pdf import STATIC_SCHEME, StaticOnlyFetcher, html_to_pdf, render_html, render_pdf
from units.text import normalize_search

from .models import Campaign

__all__ = [
    "STATIC_SCHEME",
    "StaticOnlyFetcher",
    "campaign_html",
    "campaign_pdf",
    "campaign_pdf_filename",
    "html_to_pdf",
    "render_pdf",
]


def campaign_html(campaign: Campaign) -> str:
    """The launch document as the HTML its PDF is made from."""
    return render_html("pdf/campaign.html", {"campaign": campaign})


def campaign_pdf(campaign: Campaign, *, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """The launch document, draft or published, as an A4 PDF."""
    return html_to_pdf(campaign_html(campaign), fetcher=fetcher)


def campaign_pdf_filename(campaign: Campaign) -> str:
    """An ASCII file name: "phat-dong-thi-dua-5834-pdtd-ubnd.pdf"."""
    ident = campaign.number_symbol.strip("/").replace("/", " ") or f"so-{campaign.pk}"
    return slugify(normalize_search(f"{campaign.document_type.name} {ident}")) + ".pdf"
