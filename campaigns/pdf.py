"""Official A4 PDFs (Decree 30/2020) of launch documents, rendered by WeasyPrint
through the engine in units/pdf.py (which fetches only our static files)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import slugify

from units import pdf as _engine
from units.pdf import STATIC_SCHEME, html_to_pdf, render_html, render_pdf
from units.text import normalize_search

from .models import Campaign

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

__all__ = [
    "STATIC_SCHEME",
    "StaticOnlyFetcher",  # noqa: F822 (given by __getattr__, on first use)
    "campaign_html",
    "campaign_pdf",
    "campaign_pdf_filename",
    "html_to_pdf",
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
