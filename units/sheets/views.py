"""Pages of the Excel import: choose, download the template, upload, see the check,
confirm, follow the progress, read the result, revert; and the exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from units.access import units_below
from units.formfields import error_text, errors_text
from units.models import ImportRecord
from units.paging import paginate
from units.workers import workers_down
from units.xlsx import sheet_add, workbook_new, xlsx_response

from . import services
from .forms import RevertForm, UploadForm
from .kinds import ACTION_LABELS, OFFICE, kind_get

PREVIEW_PAGE = 100


def _importer(request: HttpRequest) -> None:
    if not services.may_import(request.user):
        raise PermissionDenied(
            "Chỉ cơ quan thường trực (Phòng/Sở Nội vụ) và cán bộ đơn vị (đề nghị khen thưởng) "
            "nhập dữ liệu từ Excel."
        )


def _kind(key: str, request: HttpRequest | None = None):
    """The kind named in the address; refused unless the user imports it (a unit's clerk
    does not read the office's kinds, nor the office a unit's)."""
    kind = kind_get(key)
    if kind is None:
        raise Http404
    if request is not None and kind not in services.kinds_for(request.user):
        raise PermissionDenied(f"Bạn không nhập, xuất “{kind.title.lower()}”.")
    return kind


def _record(request: HttpRequest, pk: int) -> ImportRecord:
    """A record the user may see, without its bulky JSON (the cells read, what it wrote),
    which the pages do not show: a file of 100,000 rows keeps tens of MB there."""
    records = services.records_visible_to(request.user).defer("cells", "changes")
    return get_object_or_404(records, pk=pk)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _importer(request)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                record = services.import_upload(
                    actor=request.user,
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                    office=form.cleaned_data["office"],
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error("file", error_text(error))
            else:
                return redirect("sheets:record", record.pk)
        messages.error(request, "Chưa tải lên được: " + errors_text(form))
    elif request.GET.get("loai") and kind_get(request.GET["loai"]):
        form.initial["kind"] = request.GET["loai"]
    records = services.records_visible_to(request.user).defer(
        "cells", "changes", "preview", "problems"
    )
    kinds = services.kinds_for(request.user)
    return render(
        request,
        "units/sheets/index.html",
        {
            "form": form,
            "kinds": kinds,
            "office_kinds": any(k.imported_by == OFFICE for k in kinds),
            "intros": [k.intro for k in kinds if k.intro],
            # a template only for what the user may upload (staff roles need the
            # right to grant roles): a filled template with nowhere to go is a dead end
            "importable": {k.key for k in kinds if services.may_import_kind(request.user, k)},
            **paginate(request, records, 20),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def template(request: HttpRequest, kind: str) -> HttpResponse:
    _importer(request)
    sheet_kind = _kind(kind, request)
    scope = _export_scope(request, sheet_kind)
    return xlsx_response(sheet_kind.workbook(scope=scope), f"mau-nhap-{sheet_kind.filename}")


def _export_scope(request: HttpRequest, kind) -> set[int] | None:
    if request.user.is_superuser:
        return None
    return units_below(services.kind_bodies(request.user, kind))


@login_required
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """The kind's rows the user manages, with the headers the import reads."""
    _importer(request)
    sheet_kind = _kind(kind, request)
    scope = _export_scope(request, sheet_kind)
    book = sheet_kind.workbook(sheet_kind.export_rows(scope), scope=scope, export=True)
    return xlsx_response(book, sheet_kind.filename)


@login_required
def record(request: HttpRequest, pk: int) -> HttpResponse:
    item = _record(request, pk)
    sheet_kind = kind_get(item.kind)
    action = request.GET.get("loai", "")
    rows = item.preview
    if action in sheet_kind.actions:
        rows = [row for row in rows if row[1] == action]
    else:
        action = ""
    rows = [(number, key, ACTION_LABELS[key], label, note) for number, key, label, note in rows]
    counts = [
        (key, label, item.counts.get(key, 0))
        for key, label in ACTION_LABELS.items()
        if key in sheet_kind.actions
    ]
    # while a step runs, the page looks again every 2 s and updates its progress in place
    # (static/js/poll.js; without JavaScript a <noscript> refresh), then opens the result;
    # with no worker running to do it, it says so at once (decision 0065)
    down = item.running and workers_down()
    return render(
        request,
        "units/sheets/record.html",
        {
            "record": item,
            "kind": sheet_kind,
            "action": action,
            "counts": counts,
            "notify": item.rows_total >= services.NOTIFY_ROWS and bool(item.uploaded_by.email),
            "problems": item.problems[:200],
            "revert_form": RevertForm(),
            "workers_down": down,
            **paginate(request, rows, PREVIEW_PAGE),
        },
    )


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    item = _record(request, pk)
    try:
        services.import_confirm(actor=request.user, record=item)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    return redirect("sheets:record", item.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    item = _record(request, pk)
    try:
        services.import_cancel(actor=request.user, record=item)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, "Đã hủy lần nhập: không dòng nào được ghi.")
    return redirect("sheets:record", item.pk)


@login_required
@require_POST
def revert(request: HttpRequest, pk: int) -> HttpResponse:
    item = _record(request, pk)
    form = RevertForm(request.POST)
    if not form.is_valid():
        messages.error(request, errors_text(form))
        return redirect("sheets:record", item.pk)
    try:
        services.import_revert(actor=request.user, record=item, reason=form.cleaned_data["reason"])
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _kind(item.kind).reverted_text)
    return redirect("sheets:record", item.pk)


@login_required
def problems(request: HttpRequest, pk: int) -> HttpResponse:
    """The refused rows as a workbook: row, column, what is wrong."""
    item = _record(request, pk)
    book = workbook_new()
    sheet = sheet_add(book, "Lỗi", ["Dòng (Excel)", "Cột", "Lỗi"], item.problems)
    for letter, width in zip("ABC", (14, 28, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    return xlsx_response(book, f"loi-nhap-{item.pk}")


@login_required
def source(request: HttpRequest, pk: int) -> FileResponse:
    item = _record(request, pk)
    return FileResponse(item.source.open("rb"), as_attachment=True, filename=item.original_name)
