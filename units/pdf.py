"""The PDF engine: HTML to A4 PDF with WeasyPrint, fetching only our static files.

WeasyPrint would fetch any URL a document names, including file:// paths and
external sites. Our fetcher serves only our own static files, through the
`thidua-static:` scheme, and refuses everything else.

An issued document is frozen with its stylesheets inside it (`inline_stylesheets`,
decision 0005): rendering it never reads today's CSS. Previews and drafts link the
live stylesheets.

WeasyPrint (with Pango, cffi and fontTools: about a second of imports) is loaded
on the first PDF, not at start-up: every process imports this module (the admin
imports the services that freeze documents), and most never render one, e.g. a
management command such as parse_document. `StaticOnlyFetcher` is built then too.
"""

from __future__ import annotations

import functools
import gc
import html as html_lib
import logging
import mimetypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

logger = logging.getLogger(__name__)

STATIC_SCHEME = "thidua-static:"


def static_file(url: str) -> Path | None:
    """The static file a `thidua-static:<path>` URL names, or None (any other URL, a
    path climbing out with `..`, a file we do not have)."""
    if not url.startswith(STATIC_SCHEME):
        return None
    relative = url[len(STATIC_SCHEME) :].lstrip("/")
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    return Path(found) if found else None


_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def inline_stylesheets(html: str) -> str:
    """The document with each `<link rel="stylesheet" href="thidua-static:…">` replaced
    by a `<style>` holding that stylesheet as it reads now: the HTML an issued document
    is frozen as, so that its PDF, rendered now or years later, never reads the live
    CSS. Our stylesheets name no other URL (no images, no @import; fonts are the
    system's), so nothing else of the document depends on today's static files
    (tests/test_issued_documents.py). A link to anything else is left as it is (the
    engine refuses it, as before). User text is escaped by the templates, so every
    `<link` here is one of ours."""

    def inline(match: re.Match) -> str:
        tag = match.group(0)
        attributes = {
            m.group(1).lower(): html_lib.unescape(next(v for v in m.groups()[1:] if v is not None))
            for m in _ATTRIBUTE.finditer(tag)
        }
        if "stylesheet" not in attributes.get("rel", "").lower().split():
            return tag
        href = attributes.get("href", "")
        found = static_file(href)
        if found is None:
            if href.startswith(STATIC_SCHEME):
                logger.error("PDF: stylesheet %s not found; the document keeps its link", href)
            return tag
        # "</" cannot end the <style> early; in CSS "<\/" reads as "</"
        css = found.read_text("utf-8").replace("</", "<\\/")
        media = attributes.get("media")
        media_attribute = f' media="{html_lib.escape(media)}"' if media else ""
        source = html_lib.escape(href[len(STATIC_SCHEME) :])
        return f'<style data-frozen-from="{source}"{media_attribute}>\n{css}\n</style>'

    return _LINK.sub(inline, html)


@functools.cache
def _static_only_fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves `thidua-static:<path>` from our static files; refuses every other URL."""

        def __init__(self, **kwargs):
            super().__init__(allowed_protocols=("thidua-static",), **kwargs)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            found = static_file(url)
            if found is not None:
                mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                body = found.read_bytes()
                return URLFetcherResponse(url, body, {"Content-Type": mime}, 200)
            self.refused.append(url)
            logger.warning("PDF: refused to fetch %s", url)
            raise ValueError(f"URL not allowed in PDFs: {url}")

    StaticOnlyFetcher.__module__ = __name__
    return StaticOnlyFetcher


def load_engine() -> None:
    """Import WeasyPrint now: for the processes that render PDFs (web and task workers),
    at their start rather than during their first PDF."""
    _static_only_fetcher_class()
    import weasyprint  # noqa: F401


def __getattr__(name: str):
    """`StaticOnlyFetcher` is made (and WeasyPrint imported) when first asked for."""
    if name == "StaticOnlyFetcher":
        return _static_only_fetcher_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_renders = 0
_was_enabled = True
_renders_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while WeasyPrint renders.

    A render allocates hundreds of thousands of small objects (boxes, styles, text
    layouts) that stay alive until it ends; the collector went over all of them again
    and again, each time another 700 had been allocated: 6-23% of the CPU of the
    decision with 200 awardees (bench/pdf.py, decision 0020). Reference counting still
    frees what a render drops; only cycles wait for its end. The collector is one per
    process: paused while any thread renders, back as it was when the last one ends
    (its thresholds then collect as usual)."""
    global _renders, _was_enabled
    with _renders_lock:
        _renders += 1
        if _renders == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _renders_lock:
            _renders -= 1
            if _renders == 0 and _was_enabled:
                gc.enable()


def html_to_pdf(html: str, *, fetcher: URLFetcher | None = None) -> bytes:
    """A4 PDF bytes of an HTML document written for print (templates/pdf/)."""
    from weasyprint import HTML

    if fetcher is None:
        fetcher = _static_only_fetcher_class()()
    with collector_paused():
        return HTML(string=html, base_url=STATIC_SCHEME, url_fetcher=fetcher).write_pdf()


def render_html(template: str, context: dict) -> str:
    """A template under templates/pdf/ as the HTML the PDF is made from."""
    return render_to_string(template, context)


def render_pdf(template: str, context: dict, *, fetcher: URLFetcher | None = None) -> bytes:
    """Render a template under templates/pdf/ to PDF bytes."""
    return html_to_pdf(render_html(template, context), fetcher=fetcher)
