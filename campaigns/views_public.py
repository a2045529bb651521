"""The public portal: anyone can read, search, download and export published campaigns."""

from __future__ import annotations

import csv

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from units.documents import issued_document_pdf, issued_document_render
from units.models import IssuedDocument
from units.resources import escape_formula
from units.xlsx import list_workbook, xlsx_response, yes_no

from . import selectors
from .forms_public import CampaignFilterForm
from .models import Attachment, Campaign
from .services import campaign_issued_document

PAGE_SIZE = 20


def _filter_form(request: HttpRequest) -> CampaignFilterForm:
    return CampaignFilterForm(request.GET or None, years=selectors.public_years())


def home(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.filters()
    campaigns = selectors.public_campaign_list(filters)
    page = Paginator(campaigns, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "campaigns/public/home.html",
        {
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "filters": filters,  # the page's title names the search (decision 0080)
            "filtered": bool(filters),
            "ignored": form.ignored(),
        },
    )


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.public_campaign_detail(pk)
    return render(
        request,
        "campaigns/public/detail.html",
        {
            "campaign": campaign,
            "children": selectors.public_children(campaign),
            "document": campaign_issued_document(campaign),
        },
    )


def campaign_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The launch document exactly as issued: the same bytes at every download."""
    campaign = selectors.public_campaign_detail(pk)
    return issued_pdf_response(request, campaign_issued_document(campaign))


def file_response(attachment: Attachment) -> FileResponse:
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


def public_attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(
        Attachment.objects.filter(
            is_public=True, archived=False, campaign__status__in=Campaign.PUBLIC_STATUSES
        ),
        pk=pk,
    )
    return file_response(attachment)


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def issued_pdf_response(
    request: HttpRequest, document: IssuedDocument, *, public: bool = True
) -> HttpResponse:
    """An issued document's stored PDF; its SHA-256 is the ETag, so a browser that has
    it gets 304. The SHA-256 is also a header, for a citizen checking a copy."""
    if not document.is_rendered:  # no worker has made it yet: make it now
        document = issued_document_render(document_id=document.pk)
    etag = f'"{document.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        data = issued_document_pdf(document)
        response = pdf_response(data, document.filename)
    response["ETag"] = etag
    response["X-Content-SHA256"] = document.sha256
    # Revalidated every time (a 304 is cheap), so a new revision is seen at once; a
    # staff copy (a withdrawn document, say) is never kept by a shared proxy.
    response["Cache-Control"] = "no-cache" if public else "private, no-cache"
    return response


# Open data: the published list with the portal's filters.
EXPORT_COLUMNS = [
    ("id", "Mã"),
    ("url", "Đường dẫn"),
    ("document_type", "Loại văn bản"),
    ("number_symbol", "Số, ký hiệu"),
    ("issued_on", "Ngày ban hành"),
    ("issuer", "Cơ quan ban hành"),
    ("subject", "Trích yếu"),
    ("theme", "Chủ đề"),
    ("kind", "Hình thức"),
    ("is_special", "Thi đua đặc biệt"),
    ("status", "Trạng thái"),
    ("start_date", "Bắt đầu"),
    ("end_date", "Kết thúc"),
    ("parent_id", "Mã phong trào cấp trên"),
]


def _export_row(request: HttpRequest, campaign: Campaign) -> dict:
    return {
        "id": campaign.pk,
        "url": request.build_absolute_uri(reverse("public:campaign_detail", args=[campaign.pk])),
        "document_type": campaign.document_type.name,
        # "chưa có số (UBND-NV)" as the lists say, not "/UBND-NV"
        "number_symbol": campaign.number_label,
        "issued_on": campaign.issued_on,
        "issuer": campaign.issuer.name,
        "subject": campaign.subject,
        "theme": campaign.theme,
        "kind": campaign.get_kind_display(),
        "is_special": campaign.is_special,
        "status": campaign.phase[1],
        "start_date": campaign.start_date,
        "end_date": campaign.end_date,
        "parent_id": campaign.parent_id,
    }


def _iso_dates(row: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}


def export_json(request: HttpRequest) -> JsonResponse:
    campaigns = selectors.public_campaign_list(_filter_form(request).filters())
    rows = [_iso_dates(_export_row(request, c)) for c in campaigns]
    return JsonResponse(
        {"count": len(rows), "results": rows}, json_dumps_params={"ensure_ascii": False}
    )


def export_csv(request: HttpRequest) -> HttpResponse:
    campaigns = selectors.public_campaign_list(_filter_form(request).filters())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="phong-trao-thi-dua.csv"'
    response.write("\ufeff")  # so Excel opens Vietnamese text as UTF-8
    writer = csv.writer(response)
    writer.writerow([label for _, label in EXPORT_COLUMNS])
    for campaign in campaigns:
        row = _export_row(request, campaign)
        row["is_special"] = "Có" if row["is_special"] else "Không"
        for key in ("issued_on", "start_date", "end_date"):  # as clerks read them in Excel
            row[key] = row[key].strftime("%d/%m/%Y") if row[key] else ""
        writer.writerow([escape_formula(row[key]) for key, _ in EXPORT_COLUMNS])
    return response


def export_xlsx(request: HttpRequest) -> HttpResponse:
    """The same list as the CSV, as an Excel workbook (units.xlsx: escaped text, real dates)."""
    campaigns = selectors.public_campaign_list(_filter_form(request).filters())
    columns = [(label, _cell(key)) for key, label in EXPORT_COLUMNS]
    rows = (_export_row(request, campaign) for campaign in campaigns)
    return xlsx_response(list_workbook("Phong trào thi đua", columns, rows), "phong-trao-thi-dua")


def _cell(key: str):
    if key == "is_special":
        return lambda row: yes_no(row[key])
    return lambda row: row[key]


class LatestCampaignsFeed(Feed):
    """Atom feed of newly published campaigns (the portal's filters apply)."""

    feed_type = Atom1Feed
    title = "thidua — Phong trào thi đua mới phát động"
    subtitle = "Các văn bản phát động phong trào thi đua mới được công bố."

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self):
        return reverse("public:home")

    def items(self):
        filters = _filter_form(self.request).filters()
        return (
            selectors.public_campaign_list(filters)
            .exclude(published_at=None)
            .order_by("-published_at")[:30]
        )

    def item_title(self, item: Campaign) -> str:
        return f"{item.reference} — {item.subject}"

    def item_description(self, item: Campaign) -> str:
        return f"{item.issuer.name}. Chủ đề: {item.theme}" if item.theme else item.issuer.name

    def item_link(self, item: Campaign) -> str:
        return reverse("public:campaign_detail", args=[item.pk])

    def item_pubdate(self, item: Campaign):
        return item.published_at

    def item_author_name(self, item: Campaign) -> str:
        return item.issuer.name
