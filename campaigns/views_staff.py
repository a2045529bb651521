"""The staff workspace (/quan-ly/): thin views over services and selectors.

Every view needs a login, and every campaign is looked up through
`selectors.staff_campaign_detail`, which only finds campaigns of the bodies
where the user is standing-office staff: anyone else gets a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from units.access import holds_office, office_bodies
from units.formfields import error_text
from units.models import IssuedDocument
from units.paging import paginate
from units.workers import workers_down

from . import importing, selectors, services
from .confidence import uncertain
from .documents import answer_initial, answer_reference
from .forms_staff import (
    FORMSETS,
    AttachmentForm,
    CampaignForm,
    DashboardFilterForm,
    ImportForm,
    ImportReviewForm,
    ReasonForm,
    SummariseForm,
    WithdrawForm,
    build_formsets,
    formsets_parts,
    review_initial,
)
from .models import Attachment, Campaign, ImportedDocument
from .pdf import campaign_pdf, campaign_pdf_filename
from .views_public import file_response, issued_pdf_response, pdf_response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Roles, pending work and the campaigns of the user's bodies, a page at a time."""
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters()
    data = selectors.staff_dashboard(request.user, filters)
    # Unfiltered, the list is every campaign the dashboard has already counted.
    unfiltered = not (filters.get("q") or filters.get("status"))
    paging = paginate(request, data["campaigns"], count=data["total"] if unfiltered else None)
    return render(request, "campaigns/staff/dashboard.html", {**data, **paging, "form": form})


def _editor(request, campaign: Campaign | None):
    """Shared GET/POST handling of the editor for a new or an existing campaign."""
    instance = campaign or Campaign()
    data = request.POST if request.method == "POST" else None
    initial, rows = {}, {}
    answering = request.GET.get("cap_tren", "")
    if campaign is None and answering.isascii() and answering.isdigit():
        # "Soạn văn bản hưởng ứng" from the dashboard: the launch above as the parent (the
        # field offers only what this office may answer, so another number selects nothing)
        initial["parent"] = int(answering)
    form = CampaignForm(data, instance=instance, user=request.user, initial=initial)
    parent = form.fields["parent"].queryset.filter(pk=initial.get("parent")).first()
    if parent and data is None:
        # ... and the document started from it, as a response is written (decision 0088)
        form.initial.update(answer_initial(parent))
        rows["references"] = [answer_reference(parent)]
    formsets = build_formsets(data, instance=instance, initial=rows)
    reason_form = ReasonForm(data)
    if data is not None:
        valid = form.is_valid() & all([fs.is_valid() for fs in formsets.values()])
        valid &= reason_form.is_valid()
        if valid:
            parts = formsets_parts(formsets)
            try:
                if campaign is None:
                    saved = services.campaign_create(
                        actor=request.user, campaign=form.instance, parts=parts
                    )
                    messages.success(request, "Đã lưu dự thảo phong trào.")
                else:
                    revision = services.campaign_edit(
                        actor=request.user,
                        campaign=form.instance,
                        parts=parts,
                        reason=reason_form.cleaned_data["reason"],
                    )
                    saved = campaign
                    messages.success(
                        request,
                        f"Đã lưu thay đổi (phiên bản sửa đổi lần {revision.number})."
                        if revision
                        else "Đã lưu thay đổi.",
                    )
                return redirect("staff:campaign_detail", pk=saved.pk)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):  # the document's own fields, beside them
                    form.add_error(None, exc)
                else:
                    reason_form.add_error("reason" if "lý do" in error_text(exc) else None, exc)
            except PermissionDenied as exc:
                form.add_error("issuer", str(exc))
        messages.error(request, "Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới.")
    return render(
        request,
        "campaigns/staff/campaign_form.html",
        {
            "campaign": campaign,
            "form": form,
            "reason_form": reason_form,
            "needs_reason": bool(campaign and campaign.status != Campaign.Status.DRAFT),
            "formsets": [(fs, FORMSETS[prefix][1], prefix) for prefix, fs in formsets.items()],
        },
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    if not office_bodies(request.user).exists():
        raise PermissionDenied(
            "Bạn chưa được giao vai trò cơ quan thường trực ở cơ quan ban hành nào."
        )
    return _editor(request, None)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    if campaign.status == Campaign.Status.WITHDRAWN:
        messages.error(request, "Phong trào đã thu hồi, không sửa được.")
        return redirect("staff:campaign_detail", pk=pk)
    if not holds_office(request.user, campaign.issuer):
        messages.error(request, campaign.read_only_text + ", không sửa được.")
        return redirect("staff:campaign_detail", pk=pk)
    return _editor(request, campaign)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    can_manage = holds_office(request.user, campaign.issuer)
    return render(
        request,
        "campaigns/staff/campaign_detail.html",
        {
            "campaign": campaign,
            "attachments": campaign.attachments.filter(archived=False).select_related(
                "uploaded_by"
            ),
            "revisions": campaign.revisions.select_related("created_by"),
            "attachment_form": AttachmentForm(),
            "publish_problems": services.publish_problems(campaign)
            if campaign.status == Campaign.Status.DRAFT
            else [],
            "can_manage": can_manage,
            "read_only": "" if can_manage else campaign.read_only_text,
        },
    )


@login_required
@require_POST
def campaign_publish(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    try:
        services.campaign_publish(actor=request.user, campaign=campaign)
        messages.success(request, "Đã phát động phong trào: văn bản hiển thị trên cổng thông tin.")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("staff:campaign_detail", pk=pk)


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    try:
        services.campaign_close(actor=request.user, campaign=campaign)
        messages.success(request, "Đã kết thúc phong trào.")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("staff:campaign_detail", pk=pk)


@login_required
@require_POST
def campaign_copy(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    copy = services.campaign_copy(actor=request.user, campaign=campaign)
    messages.success(request, "Đã tạo dự thảo mới từ bản sao. Hãy cập nhật số, ngày và nội dung.")
    return redirect("staff:campaign_edit", pk=copy.pk)


@login_required
def campaign_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_withdraw(
                actor=request.user, campaign=campaign, reason=form.cleaned_data["reason"]
            )
            messages.success(request, "Đã thu hồi phong trào.")
            return redirect("staff:campaign_detail", pk=pk)
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(
        request,
        "campaigns/staff/action_form.html",
        {"campaign": campaign, "form": form, "title": "Thu hồi phong trào", "submit": "Thu hồi"},
    )


@login_required
def campaign_summarise(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    form = SummariseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_summarise(
                actor=request.user,
                campaign=campaign,
                summary=form.cleaned_data["summary"],
                report=form.cleaned_data.get("report"),
            )
            messages.success(request, "Đã lưu báo cáo tổng kết.")
            return redirect("staff:campaign_detail", pk=pk)
        except ValidationError as exc:
            form.add_error("report" if "Tệp" in error_text(exc) else None, exc)
    return render(
        request,
        "campaigns/staff/action_form.html",
        {
            "campaign": campaign,
            "form": form,
            "title": "Tổng kết phong trào",
            "submit": "Lưu tổng kết",
            "multipart": True,
        },
    )


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                actor=request.user,
                campaign=campaign,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                is_public=form.cleaned_data["is_public"],
            )
            messages.success(request, f"Đã đính kèm tệp “{form.cleaned_data['file'].name}”.")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("staff:campaign_detail", pk=pk)


def _staff_attachment(request, pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.filter(
            campaign__issuer__in=office_bodies(request.user), archived=False
        ).select_related("campaign__issuer"),
        pk=pk,
    )


@login_required
@require_POST
def attachment_toggle_public(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _staff_attachment(request, pk)
    services.attachment_set_public(
        actor=request.user, attachment=attachment, is_public=not attachment.is_public
    )
    state = "công khai" if attachment.is_public else "không công khai"
    messages.success(request, f"Tệp “{attachment.original_name}” giờ {state}.")
    return redirect("staff:campaign_detail", pk=attachment.campaign_id)


@login_required
@require_POST
def attachment_archive(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _staff_attachment(request, pk)
    try:
        services.attachment_archive(
            actor=request.user, attachment=attachment, reason=request.POST.get("reason", "")
        )
        messages.success(request, f"Đã gỡ tệp “{attachment.original_name}”.")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("staff:campaign_detail", pk=attachment.campaign_id)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    return file_response(_staff_attachment(request, pk))


@login_required
def revision_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    campaign = selectors.staff_campaign_detail(request.user, pk)
    revision = campaign.revisions.filter(number=number).select_related("created_by").first()
    if revision is None:
        raise Http404
    return render(
        request,
        "campaigns/staff/revision.html",
        {
            "campaign": campaign,
            "revision": revision,
            "issued_before": _issued_before(campaign, number).exists(),
        },
    )


def _issued_before(campaign, number: int):
    """The launch document as issued before change `number` (kept at each change)."""
    return IssuedDocument.objects.filter(
        kind=IssuedDocument.Kind.CAMPAIGN, object_id=campaign.pk, revision=number - 1
    )


@login_required
def revision_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The PDF issued before change `number`, the same bytes as were handed out then."""
    campaign = selectors.staff_campaign_detail(request.user, pk)
    document = _issued_before(campaign, number).first()
    if document is None:
        raise Http404
    return issued_pdf_response(request, document, public=False)


@login_required
def campaign_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft's preview as it reads now; a published document exactly as issued."""
    campaign = selectors.staff_campaign_detail(request.user, pk)
    if document := services.campaign_issued_document(campaign):
        return issued_pdf_response(request, document, public=False)
    return pdf_response(campaign_pdf(campaign), campaign_pdf_filename(campaign))


# Nhập văn bản ---------------------------------------------------------------

# Which parser result each review field comes from (to mark what was not found).
FOUND_KEYS = {
    "issuer": "issuer",
    "document_type": "doc_type",
    "number": "number",
    "symbol": "symbol",
    "place": "place",
    "issued_on": "date",
    "issued_year": "date_year",
    "subject": "subject",
    "theme": "theme",
    "end_date": "end_date",
    "signing_authority": "signing_authority",
    "signer_title": "signer_title",
    "signer_name": "signer_name",
}


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    if not office_bodies(request.user).exists():
        raise PermissionDenied(
            "Bạn chưa được giao vai trò cơ quan thường trực ở cơ quan ban hành nào."
        )
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imported = services.imported_document_create(
                actor=request.user, text=form.cleaned_data["text"], upload=form.cleaned_data["file"]
            )
            return redirect("staff:import_review", pk=imported.pk)
        except ValidationError as exc:
            form.add_error("file" if form.cleaned_data.get("file") else "text", exc)
    return render(
        request,
        "campaigns/staff/import_start.html",
        {"form": form, "pending": selectors.imports_pending(request.user)},
    )


@login_required
@require_POST
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Bỏ: one of the user's own imports leaves their pending list (archived, kept)."""
    imported = get_object_or_404(ImportedDocument, pk=pk, uploaded_by=request.user)
    try:
        services.imported_document_archive(actor=request.user, imported=imported)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            f"Đã bỏ “{imported}” khỏi danh sách. Tệp và nội dung đã đọc vẫn được lưu.",
        )
    return redirect("staff:import_start")


@login_required
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    imported = get_object_or_404(ImportedDocument, pk=pk, uploaded_by=request.user)
    if imported.campaign_id:
        return redirect("staff:campaign_edit", pk=imported.campaign_id)
    if imported.status != ImportedDocument.Status.READY:
        # a scan being read by the worker, or one it could not read: no form, no draft
        stalled = imported.stalled()
        # no worker running to read it: said at once (units/workers.py)
        down = imported.reading and workers_down()
        # the page looks again every 2 s until it is read (static/js/poll.js, in place;
        # without JavaScript a <noscript> refresh); less often once stuck
        return render(
            request,
            "campaigns/staff/import_reading.html",
            {
                "imported": imported,
                "stalled": stalled,
                "workers_down": down,
                "poll": 10 if stalled or down else 2,
            },
        )
    parsed = imported.parsed
    found = importing.suggestions(imported, request.user)
    form = ImportReviewForm(
        request.POST or None, initial=review_initial(parsed, found), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.fields}
        try:
            campaign = services.campaign_create_from_import(
                actor=request.user, imported=imported, values=values
            )
            messages.success(request, "Đã tạo dự thảo từ văn bản nhập. Hãy kiểm tra và hoàn thiện.")
            return redirect("staff:campaign_edit", pk=campaign.pk)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, exc if isinstance(exc, ValidationError) else str(exc))
    missing = {
        name
        for name, key in FOUND_KEYS.items()
        if not parsed.get(key) and not (name == "issuer" and found["issuer"])
    }
    if found["issuer"] is None:
        missing.add("issuer")  # not found, or none of the user's bodies: the clerk chooses
    confidence = parsed.get("confidence", {})
    unsure = uncertain(confidence, FOUND_KEYS.values())
    checks = {name for name, key in FOUND_KEYS.items() if name not in missing and key in unsure}
    form.mark(
        missing=missing,
        uncertain=checks,
        issuer_note="issuer-unknown" if found["issuer"] is None else "",
    )
    return render(
        request,
        "campaigns/staff/import_review.html",
        {
            "imported": imported,
            "parsed": parsed,
            "form": form,
            "missing": missing,
            "uncertain": checks,
            "unknown_issuer": (
                " – ".join(filter(None, [parsed.get("issuer"), parsed.get("issuer_parent")]))
                if found["issuer"] is None
                else None
            ),
            "confidence": {
                name: round(100 * confidence[key])
                for name, key in FOUND_KEYS.items()
                if key in confidence and name not in missing
            },
            "references": list(
                zip(parsed.get("references", []), found["reference_matches"], strict=False)
            ),
            "earlier": selectors.import_earlier(imported),
        },
    )
