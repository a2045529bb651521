"""Official A4 PDFs (Decree 30/2020) rendered by WeasyPrint.

WeasyPrint would fetch any URL a document names, including file:// paths and
external sites. Our fetcher serves only our own static files, through the
`thidua-static:` scheme, and refuses everything else.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from units.text import normalize_search

from .models import Campaign

logger = logging.getLogger(__name__)

STATIC_SCHEME = "thidua-static:"


class StaticOnlyFetcher(URLFetcher):
    """Serves `thidua-static:<path>` from our static files; refuses every other URL."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=("thidua-static",), **kwargs)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_SCHEME):
            relative = url[len(STATIC_SCHEME) :].lstrip("/")
            if ".." not in Path(relative).parts:
                found = finders.find(relative)
                if found:
                    mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                    body = Path(found).read_bytes()
                    return URLFetcherResponse(url, body, {"Content-Type": mime}, 200)
        self.refused.append(url)
        logger.warning("PDF: refused to fetch %s", url)
        raise ValueError(f"URL not allowed in PDFs: {url}")


def render_pdf(template: str, context: dict, *, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """Render a template under templates/pdf/ to PDF bytes."""
    html = render_to_string(template, context)
    return HTML(
        string=html, base_url=STATIC_SCHEME, url_fetcher=fetcher or StaticOnlyFetcher()
    ).write_pdf()


def campaign_pdf(campaign: Campaign, *, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """The launch document, draft or published, as an A4 PDF."""
    return render_pdf("pdf/campaign.html", {"campaign": campaign}, fetcher=fetcher)


def campaign_pdf_filename(campaign: Campaign) -> str:
    """An ASCII file name: "phat-dong-thi-dua-5834-pdtd-ubnd.pdf"."""
    ident = campaign.number_symbol.strip("/").replace("/", " ") or f"so-{campaign.pk}"
    return slugify(normalize_search(f"{campaign.document_type.name} {ident}")) + ".pdf"
