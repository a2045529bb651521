"""Theo dõi kết quả in the staff workspace, under /quan-ly/theo-doi/: the office sets
criteria, periods and blocs and reads a campaign's results; units register, report
and score. Each view: a form parses what was sent, a service writes, a page shows."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from units.access import holds_office, office_bodies, unit_bodies
from units.formfields import error_text, errors_text
from units.models import Unit
from units.paging import paginate
from units.xlsx import xlsx_response

from .. import pdf as campaign_pdf
from .. import selectors as campaign_selectors
from ..models import Campaign, ReportValue
from ..views_public import file_response, pdf_response
from . import selectors, services
from .exports import registrations_workbook, reports_workbook, results_workbook
from .forms import (
    ArchiveForm,
    BlocEditForm,
    BlocForm,
    BlocGroupForm,
    BlocShownForm,
    CriterionForm,
    DeadlineForm,
    PeriodForm,
    RegistrationForm,
    RemoveFileForm,
    ReportFileForm,
    ReportFilterForm,
    ReportForm,
    ReturnReportForm,
    ScoresForm,
    UnitFilterForm,
    shown,
    typed,
)
from .models import BlocScore, Criterion, ReportFile, ReportPeriod, ResultReport

UNREGISTERED_SHOWN = 50  # the results page names this many; the workbook names them all
BLOCS_PER_PAGE = 20
UNITS_AT_ONCE = 10  # the units page shows the campaigns of this many of the user's units


def _write(request: HttpRequest, form, write: Callable[[], object], done: str) -> bool:
    """Call the service `write` if the form is valid and say what happened: the form's
    errors stay beside its fields, a service's refusal is a page message."""
    if not form.is_valid():
        messages.error(request, "Chưa lưu: xem lỗi ở từng ô bên dưới.")
        return False
    try:
        write()
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
        return False
    messages.success(request, done)
    return True


# ---------------------------------------------------------------------------
# The office


@login_required
def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    """Kết quả phong trào: participation, reports (to return), attainment, bloc
    rankings and the lower levels' campaigns; xlsx with ?xuat=xlsx."""
    campaign = campaign_selectors.staff_campaign_detail(request.user, pk)
    if request.method == "POST":
        form = ReturnReportForm(request.POST, campaign=campaign)
        if form.is_valid():
            report = form.cleaned_data["report"]
            try:
                services.report_return(
                    actor=request.user, report=report, reason=form.cleaned_data["reason"]
                )
                messages.success(request, f"Đã trả lại báo cáo của {report.unit.name}.")
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, error_text(exc))
        else:
            messages.error(request, errors_text(form))
        return redirect(request.get_full_path())  # the same page of the same filter
    if request.GET.get("xuat") == "xlsx":  # every unit, report and ranking, whatever the page
        data = selectors.campaign_results(campaign)
        return xlsx_response(results_workbook(data), f"ket-qua-phong-trao-{campaign.pk}")
    form = ReportFilterForm(request.GET or None, campaign=campaign)
    data = selectors.campaign_results(
        campaign, top=selectors.RANKING_TOP, whole=form.bloc_id(), period=form.period()
    )
    paging = paginate(request, form.apply(data["reports"]))
    # each report's figures, to read before returning it: one query for the page
    reports = list(paging["page"].object_list)
    prefetch_related_objects(
        reports,
        Prefetch(
            "values",
            queryset=ReportValue.objects.select_related("criterion").order_by(
                "criterion__group", "criterion__pk"
            ),
        ),
        # its evidence files, downloaded through `report_file_download` (decision 0092)
        Prefetch(
            "files",
            queryset=ReportFile.objects.filter(archived=False).order_by("uploaded_at", "pk"),
            to_attr="evidence_files",
        ),
    )
    paging["page"].object_list = reports
    return render(
        request,
        "campaigns/results/campaign.html",
        {
            **data,
            **paging,
            "form": form,
            # a report is returned while the unit can still resend it
            "can_return": holds_office(request.user, campaign.issuer)
            and campaign.status in selectors.REPORTING,
            # each unit's bản đăng ký thi đua, for the launching body's office (0093)
            "registrations_printable": list(selectors.registrations_printable(campaign))
            if holds_office(request.user, campaign.issuer)
            else [],
            "unregistered_shown": list(data["unregistered"][:UNREGISTERED_SHOWN]),
            "unregistered_count": data["figures"]["addressed"] - data["figures"]["registered"],
            # what old units merged away wrote and did not carry on (decision 0070)
            "old_registrations": selectors.predecessor_registrations(campaign),
            "old_reports": selectors.predecessor_reports(campaign, received=True),
        },
    )


@login_required
def registrations_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Đăng ký thi đua of a campaign (standing office): every unit it addresses."""
    campaign = get_object_or_404(campaign_selectors.staff_campaigns(request.user), pk=pk)
    return xlsx_response(registrations_workbook(campaign), f"dang-ky-thi-dua-{campaign.pk}")


@login_required
def reports_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Báo cáo kết quả of a campaign (standing office): the reports received."""
    campaign = get_object_or_404(campaign_selectors.staff_campaigns(request.user), pk=pk)
    return xlsx_response(reports_workbook(campaign), f"bao-cao-ket-qua-{campaign.pk}")


@login_required
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    """Tiêu chí, hạn đăng ký và kỳ báo cáo of one campaign (standing office)."""
    campaign = campaign_selectors.staff_campaign_detail(request.user, pk)
    post = request.POST if request.method == "POST" else None
    criterion_form = CriterionForm(post if "criterion" in request.POST else None, prefix="c")
    period_form = PeriodForm(
        post if "period" in request.POST else None,
        instance=ReportPeriod(campaign=campaign),
        prefix="p",
    )
    deadline_form = DeadlineForm(
        post if "deadline" in request.POST else None,
        initial={"deadline": campaign.registration_deadline},
        campaign=campaign,
    )
    if request.method == "POST":
        try:
            if "criterion" in request.POST and criterion_form.is_valid():
                services.criterion_add(
                    actor=request.user, campaign=campaign, **criterion_form.cleaned_data
                )
                messages.success(request, "Đã thêm tiêu chí.")
                return redirect("tracking:criteria", pk=pk)
            if "period" in request.POST and period_form.is_valid():
                services.period_add(
                    actor=request.user, campaign=campaign, **period_form.cleaned_data
                )
                messages.success(request, "Đã thêm kỳ báo cáo.")
                return redirect("tracking:criteria", pk=pk)
            if "deadline" in request.POST and deadline_form.is_valid():
                services.registration_deadline_set(
                    actor=request.user,
                    campaign=campaign,
                    deadline=deadline_form.cleaned_data["deadline"],
                )
                messages.success(request, "Đã đặt hạn đăng ký thi đua.")
                return redirect("tracking:criteria", pk=pk)
            messages.error(request, "Chưa lưu: xem lỗi ở từng ô bên dưới.")
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
    return render(
        request,
        "campaigns/results/criteria.html",
        {
            "campaign": campaign,
            "can_manage": holds_office(request.user, campaign.issuer),
            "criterion_form": criterion_form,
            "period_form": period_form,
            "deadline_form": deadline_form,
        },
    )


def _setup_edit(request, pk: int, item, form, update, archive, done: str, what: str):
    """Sửa or bỏ (archive, with a reason) one criterion or report period of a campaign."""
    archive_form = ArchiveForm(request.POST if "archive" in request.POST else None)
    if request.method == "POST":
        chosen = archive_form if "archive" in request.POST else form
        if _write(
            request,
            chosen,
            (lambda: archive(archive_form.cleaned_data["reason"]))
            if "archive" in request.POST
            else (lambda: update(form.cleaned_data)),
            f"Đã bỏ {what} (lưu trữ)." if "archive" in request.POST else done,
        ):
            return redirect("tracking:criteria", pk=pk)
    return render(
        request,
        "campaigns/results/setup_edit.html",
        {
            "campaign": item.campaign,
            "item": item,
            "form": form,
            "archive_form": archive_form,
            "what": what,
        },
    )


@login_required
def criterion_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    campaign = campaign_selectors.staff_campaign_detail(request.user, pk)
    criterion = get_object_or_404(Criterion.objects.filter(campaign=campaign), pk=item_pk)
    form = CriterionForm(
        request.POST if "archive" not in request.POST and request.method == "POST" else None,
        instance=Criterion.objects.get(pk=criterion.pk),
        prefix="c",
    )
    return _setup_edit(
        request,
        pk,
        criterion,
        form,
        lambda data: services.criterion_update(actor=request.user, criterion=criterion, **data),
        lambda reason: services.criterion_archive(
            actor=request.user, criterion=criterion, reason=reason
        ),
        "Đã sửa tiêu chí.",
        "tiêu chí",
    )


@login_required
def period_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    campaign = campaign_selectors.staff_campaign_detail(request.user, pk)
    period = get_object_or_404(ReportPeriod.objects.filter(campaign=campaign), pk=item_pk)
    form = PeriodForm(
        request.POST if "archive" not in request.POST and request.method == "POST" else None,
        instance=ReportPeriod.objects.get(pk=period.pk),
        prefix="p",
    )
    return _setup_edit(
        request,
        pk,
        period,
        form,
        lambda data: services.period_update(actor=request.user, period=period, **data),
        lambda reason: services.period_archive(actor=request.user, period=period, reason=reason),
        "Đã sửa kỳ báo cáo.",
        "kỳ báo cáo",
    )


@login_required
def blocs(request: HttpRequest) -> HttpResponse:
    """Khối thi đua: the office creates them; members see the blocs they sit in. A page of
    blocs, each with the newest campaigns it scores; `?khoi=<id>` shows one bloc with
    all of them, a page at a time."""
    is_office = office_bodies(request.user).exists()
    if not is_office and not unit_bodies(request.user).exists():
        raise PermissionDenied("Bạn chưa được giao vai trò ở đơn vị nào.")
    group_form = BlocGroupForm(request.GET or None, user=request.user) if is_office else None
    form = (
        BlocForm(request.POST or None, user=request.user, group=group_form.group())
        if is_office
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Chỉ cơ quan thường trực tạo khối thi đua.")
        if form.is_valid():
            try:
                data = form.cleaned_data
                services.bloc_create(
                    actor=request.user,
                    issuer=data["issuer"],
                    year=data["year"],
                    name=data["name"],
                    head=data["head"],
                    members=list(data["members"]),
                )
                messages.success(request, "Đã tạo khối thi đua.")
                return redirect("tracking:blocs")
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, error_text(exc))
    visible = selectors.blocs_visible_to(request.user)
    shown = BlocShownForm(request.GET or None).bloc_id()
    if shown is not None:
        bloc = get_object_or_404(visible, pk=shown)
        paging = paginate(request, selectors.campaigns_to_score(bloc))
        context = {
            **paging,
            "bloc": bloc,
            "members": bloc.members.order_by("name"),
            "campaigns": paging["page"].object_list,
        }
    else:  # each bloc's number of members; their names on the bloc's own page
        blocs = visible.annotate(member_count=Count("members")).order_by("-year", "name", "pk")
        paging = paginate(request, blocs, per_page=BLOCS_PER_PAGE)
        blocs = paging["page"].object_list
        names = selectors.member_names(blocs)
        rows = [
            {
                "bloc": bloc,
                "campaigns": campaigns,
                "total": total,
                "names": names[bloc.pk],
                "more": bloc.member_count - len(names[bloc.pk]),
            }
            for bloc, campaigns, total in selectors.blocs_with_campaigns(blocs)
        ]
        context = {**paging, "rows": rows}
    office_ids = set(office_bodies(request.user).values_list("pk", flat=True))
    return render(
        request,
        "campaigns/results/blocs.html",
        {**context, "form": form, "group_form": group_form, "office_ids": office_ids},
    )


@login_required
def bloc_edit(request: HttpRequest, bloc_pk: int) -> HttpResponse:
    """Sửa khối: the office that organised the bloc corrects its name, year, head and
    members (`?trong=<id>` offers the units below another body, as the blocs page)."""
    bloc = get_object_or_404(
        selectors.blocs_visible_to(request.user).filter(issuer__in=office_bodies(request.user)),
        pk=bloc_pk,
    )
    group_form = BlocGroupForm(request.GET or None, user=request.user)
    form = BlocEditForm(
        request.POST or None, bloc=bloc, user=request.user, group=group_form.group()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.bloc_update(
                actor=request.user,
                bloc=bloc,
                year=data["year"],
                name=data["name"],
                head=data["head"],
                members=list(data["members"]),
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(request, "Đã sửa khối thi đua.")
            return redirect(f"{reverse('tracking:blocs')}?khoi={bloc.pk}")
    return render(
        request,
        "campaigns/results/bloc_edit.html",
        {"bloc": bloc, "form": form, "group_form": group_form},
    )


# ---------------------------------------------------------------------------
# Units


@login_required
def unit_campaigns(request: HttpRequest) -> HttpResponse:
    """The campaigns addressed to the user's units, to register and report: a page of
    campaigns for at most UNITS_AT_ONCE of the units (by name, or those typed)."""
    form = UnitFilterForm(request.GET or None)
    held = form.apply(unit_bodies(request.user)).order_by("name", "pk")
    units = list(held[: UNITS_AT_ONCE + 1])
    if not units and not unit_bodies(request.user).exists():
        raise PermissionDenied("Bạn chưa được giao vai trò cán bộ đơn vị.")
    held_count = held.count() if len(units) > UNITS_AT_ONCE else len(units)
    units = units[:UNITS_AT_ONCE]
    above = selectors.units_above(units)
    paging = paginate(request, selectors.unit_campaigns(units, above), per_page=20)
    return render(
        request,
        "campaigns/results/unit_campaigns.html",
        {
            **paging,
            "form": form,
            "units": units,
            "held_count": held_count,
            # one unit: named in the title, not in a column on every row (phones)
            "one_unit": held_count == 1 and not form.is_bound,
            "rows": selectors.unit_campaign_rows(units, paging["page"].object_list, above),
        },
    )


def _loaded(request: HttpRequest, form, row) -> str:
    """The version of the registration or report the page carries (`selectors.version`):
    the row's now, once the service has compared it (and said if a colleague saved since);
    while the form is refused for its own figures, the one the clerk opened, so that a
    colleague's save in between is still caught when the page is sent again (0075)."""
    if request.method == "POST" and not form.is_valid():
        return request.POST.get("loaded", selectors.version(row))
    return selectors.version(row)


def _unit_or_403(request: HttpRequest, unit_pk: int) -> Unit:
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not unit_bodies(request.user).filter(pk=unit.pk).exists():
        raise PermissionDenied("Bạn không phải cán bộ của đơn vị này.")
    return unit


@login_required
def register(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    """Đăng ký thi đua of one unit for one campaign addressed to it."""
    unit = _unit_or_403(request, unit_pk)
    campaign = get_object_or_404(
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED).select_related("issuer"), pk=pk
    )
    if not selectors.is_addressed(campaign, unit):
        raise Http404("Phong trào này không gửi đến đơn vị của bạn.")
    criteria = list(campaign.criteria.all())
    registration = campaign.registrations.filter(unit=unit).first()
    initial = {}
    if registration:
        initial = {f"target-{t.criterion_id}": typed(t.value) for t in registration.targets.all()}
        initial["titles_aimed"] = registration.titles_aimed
    form = RegistrationForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and _write(
        request,
        form,
        lambda: services.registration_submit(
            actor=request.user,
            campaign=campaign,
            unit=unit,
            targets=form.targets(),
            titles_aimed=form.cleaned_data["titles_aimed"],
            loaded=request.POST.get("loaded"),
        ),
        "Đã đăng ký thi đua.",
    ):
        return redirect("tracking:unit_campaigns")
    if request.method == "POST" and request.POST.get("loaded") not in (
        None,
        selectors.version(registration),
    ):  # a colleague saved since this page was opened: what, beside each field (0075)
        for name, field in form.fields.items():
            field.saved = shown(field, initial.get(name))
    return render(
        request,
        "campaigns/results/register.html",
        {
            "campaign": campaign,
            "unit": unit,
            "form": form,
            "criteria": criteria,
            "registration": registration,
            "carried_from": selectors.carried_from(registration),
            "old_registrations": selectors.predecessor_registrations(campaign, unit),
            "loaded": _loaded(request, form, registration),
        },
    )


@login_required
def registration_pdf(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    """Bản đăng ký thi đua (PDF) of one unit for one campaign: the unit's staff and the
    launching body's standing office; 404 for anyone else (decision 0093)."""
    registration = selectors.printable_registration(request.user, pk, unit_pk)
    return pdf_response(
        campaign_pdf.registration_pdf(registration),
        campaign_pdf.registration_pdf_filename(registration),
    )


def _report_of(request: HttpRequest, period_pk: int, unit_pk: int):
    """The unit (the user's own: else 403) and the period of a campaign taking reports
    that addresses it (else 404) of a report page."""
    unit = _unit_or_403(request, unit_pk)
    period = get_object_or_404(
        ReportPeriod.objects.select_related("campaign__issuer").filter(
            campaign__status__in=selectors.REPORTING
        ),
        pk=period_pk,
    )
    if not selectors.is_addressed(period.campaign, unit):
        raise Http404("Phong trào này không gửi đến đơn vị của bạn.")
    return period, unit


@login_required
def report(request: HttpRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """Báo cáo kết quả of one unit for one report period: its figures and the evidence
    files chosen with them, one form saved as a whole (decision 0095). A refused file is
    said beside the file box and the figures typed stay on the page, nothing saved."""
    period, unit = _report_of(request, period_pk, unit_pk)
    existing = ResultReport.objects.filter(period=period, unit=unit).first()
    criteria = list(period.campaign.criteria.all())
    values = {v.criterion_id: v for v in existing.values.all()} if existing else {}
    initial = {}
    for criterion_id, v in values.items():
        initial[f"value-{criterion_id}"] = typed(v.value)
        initial[f"evidence-{criterion_id}"] = v.evidence
    locked = existing is not None and existing.status == ResultReport.Status.SUBMITTED
    posted = request.method == "POST"
    form = ReportForm(
        request.POST if posted and not locked else None,
        criteria=criteria,
        targets=selectors.registered_targets(period.campaign, unit),
        earlier=selectors.earlier_reported(period, unit),
        initial=initial,
    )
    file_form = ReportFileForm(request.POST, request.FILES) if posted and not locked else None
    if posted and not locked:
        submit = "submit" in request.POST
        if not (form.is_valid() and file_form.is_valid()):
            messages.error(request, "Chưa lưu: xem lỗi ở từng ô bên dưới.")
        else:
            try:
                services.report_save(
                    actor=request.user,
                    period=period,
                    unit=unit,
                    values=form.values(),
                    submit=submit,
                    loaded=request.POST.get("loaded"),
                    uploads=file_form.uploads(),
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict") and "files" in exc.error_dict:
                    file_form.add_error("files", exc.error_dict["files"])
                    messages.error(
                        request,
                        "Chưa lưu: một tệp không được nhận (xem ở ô chọn tệp). Các số liệu "
                        "vừa nhập vẫn còn trên trang; chọn lại tệp đúng rồi lưu.",
                    )
                else:
                    messages.error(request, error_text(exc))
            except PermissionDenied as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, "Đã nộp báo cáo." if submit else "Đã lưu nháp báo cáo.")
                return redirect("tracking:unit_campaigns")
    elif posted:
        messages.error(request, "Báo cáo đã nộp; chỉ sửa được khi bị trả lại.")
    return render(
        request,
        "campaigns/results/report.html",
        {
            "period": period,
            "unit": unit,
            "report": existing,
            "carried_from": selectors.carried_from(existing),
            "old_reports": selectors.predecessor_reports(period.campaign, unit, period),
            "locked": locked,
            "form": form,
            "files": selectors.report_files(existing),
            "file_form": file_form or ReportFileForm(),
            "loaded": _loaded(request, form, existing) if posted else selectors.version(existing),
            # saved by a colleague since this clerk's page was opened: shown beside each
            # field, to set right before sending again (decision 0073)
            "changed": posted
            and request.POST.get("loaded") not in (None, selectors.version(existing)),
            "rows": [
                (c, values.get(c.pk), form[f"value-{c.pk}"], form[f"evidence-{c.pk}"])
                for c in criteria
            ],
        },
    )


@login_required
def report_file_download(request: HttpRequest, file_pk: int) -> FileResponse:
    """A report's evidence file, to the unit's staff and the office that received it;
    404 to anyone else (`selectors.visible_report_file`)."""
    return file_response(selectors.visible_report_file(request.user, file_pk))


@login_required
@require_POST
def report_file_remove(request: HttpRequest, file_pk: int) -> HttpResponse:
    """Gỡ tệp: the unit takes a file attached by mistake off its report (archived, with
    the reason); only its own staff, while the report's figures may be edited."""
    stored = get_object_or_404(
        ReportFile.objects.filter(report__unit__in=unit_bodies(request.user)).select_related(
            "report"
        ),
        pk=file_pk,
    )
    back = redirect(
        "tracking:report", unit_pk=stored.report.unit_id, period_pk=stored.report.period_id
    )
    if stored.archived:  # sent twice (a double click, Back then "Gỡ" again)
        messages.info(request, f"Tệp “{stored.original_name}” đã được gỡ khỏi báo cáo trước đó.")
        return back
    form = RemoveFileForm(request.POST)
    if not form.is_valid():
        messages.error(request, errors_text(form))
        return back
    try:
        services.report_file_archive(
            actor=request.user, stored=stored, reason=form.cleaned_data["reason"]
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, f"Đã gỡ tệp “{stored.original_name}”.")
    return back


@login_required
def scores(request: HttpRequest, bloc_pk: int, pk: int) -> HttpResponse:
    """Chấm điểm: each member its own score; the head unit the agreed scores."""
    bloc = get_object_or_404(selectors.blocs_visible_to(request.user), pk=bloc_pk)
    campaign = get_object_or_404(
        Campaign.objects.filter(issuer_id=bloc.issuer_id, status__in=selectors.REPORTING).of_year(
            bloc.year
        ),
        pk=pk,
    )
    mine = set(unit_bodies(request.user).values_list("pk", flat=True))
    members = list(bloc.members.order_by("name"))
    scoring = bool(mine & {m.pk for m in members})
    # The office that organised the bloc follows the scoring (read only): the blocs page
    # links it here, so this page must not be a dead end for it.
    if not scoring and (request.method == "POST" or not holds_office(request.user, bloc.issuer)):
        raise PermissionDenied("Đơn vị của bạn không thuộc khối này.")
    is_head = bloc.head_id in mine
    existing = {
        (s.unit_id, s.kind): s.points
        for s in BlocScore.objects.filter(campaign=campaign, bloc=bloc)
    }
    form = ScoresForm(
        request.POST or None,
        members=members,
        mine=mine,
        is_head=is_head,
        initial={
            f"{kind}-{unit_id}": typed(points) for (unit_id, kind), points in existing.items()
        },
    )
    if request.method == "POST" and _write(
        request,
        form,
        lambda: services.scores_enter(
            actor=request.user,
            campaign=campaign,
            bloc=bloc,
            entries=form.entries(),
            reason=form.cleaned_data["reason"],
        ),
        "Đã lưu điểm.",
    ):
        return redirect("tracking:scores", bloc_pk=bloc.pk, pk=campaign.pk)
    rows = [
        (
            unit,
            existing.get((unit.pk, "self")),
            existing.get((unit.pk, "agreed")),
            form[f"self-{unit.pk}"] if f"self-{unit.pk}" in form.fields else None,
            form[f"agreed-{unit.pk}"] if f"agreed-{unit.pk}" in form.fields else None,
        )
        for unit in members
    ]
    return render(
        request,
        "campaigns/results/scores.html",
        {
            "bloc": bloc,
            "campaign": campaign,
            "is_head": is_head,
            "scoring": scoring,
            "form": form,
            "rows": rows,
            "ranking": selectors.bloc_ranking(campaign, bloc),
            "history": selectors.score_history(campaign, bloc)[:50],
        },
    )
