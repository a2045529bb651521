"""Theo dõi kết quả in the staff workspace: the office sets criteria, periods and blocs;
units register, report and score. Thin views over campaigns/tracking.py."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from units.access import office_bodies, unit_bodies
from units.models import Bloc, Unit
from units.paging import paginate

from . import selectors, tracking
from .forms_staff import DateInput
from .models import BlocScore, Campaign, Criterion, ReportPeriod, ResultReport


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["group", "name", "kind", "measure", "target", "max_points", "weight"]


class PeriodForm(forms.ModelForm):
    class Meta:
        model = ReportPeriod
        fields = ["kind", "due_on"]
        widgets = {"due_on": DateInput()}


class BlocForm(forms.Form):
    issuer = forms.ModelChoiceField(label="Cơ quan tổ chức", queryset=Unit.objects.none())
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    name = forms.CharField(label="Tên khối", max_length=255)
    head = forms.ModelChoiceField(label="Đơn vị trưởng khối", queryset=Unit.objects.none())
    members = forms.ModelMultipleChoiceField(
        label="Đơn vị thành viên", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        self.fields["issuer"].queryset = bodies
        below: set[int] = set()
        for body in bodies:
            below |= body.descendant_ids() - {body.pk}
        units = Unit.objects.active().filter(pk__in=below)
        self.fields["head"].queryset = units
        self.fields["members"].queryset = units


def _decimal(value: str) -> Decimal | None:
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValidationError(f"“{value}” không phải là số.") from None


def _error(exc) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


@login_required
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    """Tiêu chí và kỳ báo cáo of one campaign (standing office)."""
    campaign = selectors.staff_campaign_detail(request.user, pk)
    criterion_form = CriterionForm(
        request.POST if "criterion" in request.POST else None, prefix="c"
    )
    period_form = PeriodForm(request.POST if "period" in request.POST else None, prefix="p")
    if request.method == "POST":
        try:
            if "criterion" in request.POST and criterion_form.is_valid():
                tracking.criterion_add(
                    actor=request.user, campaign=campaign, **criterion_form.cleaned_data
                )
                messages.success(request, "Đã thêm tiêu chí.")
                return redirect("tracking:criteria", pk=pk)
            if "period" in request.POST and period_form.is_valid():
                ReportPeriod.objects.create(campaign=campaign, **period_form.cleaned_data)
                messages.success(request, "Đã thêm kỳ báo cáo.")
                return redirect("tracking:criteria", pk=pk)
            if "deadline" in request.POST:
                campaign.registration_deadline = forms.DateField(required=False).clean(
                    request.POST.get("deadline", "")
                )
                campaign.save(update_fields=["registration_deadline", "updated_at"])
                messages.success(request, "Đã đặt hạn đăng ký thi đua.")
                return redirect("tracking:criteria", pk=pk)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _error(exc))
    return render(
        request,
        "campaigns/staff/criteria.html",
        {"campaign": campaign, "criterion_form": criterion_form, "period_form": period_form},
    )


@login_required
def blocs(request: HttpRequest) -> HttpResponse:
    if not office_bodies(request.user).exists() and not unit_bodies(request.user).exists():
        raise PermissionDenied("Bạn chưa được giao vai trò ở đơn vị nào.")
    form = (
        BlocForm(request.POST or None, user=request.user)
        if office_bodies(request.user).exists()
        else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            data = form.cleaned_data
            tracking.bloc_create(
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
            form.add_error(None, _error(exc))
    mine = Bloc.objects.filter(issuer__in=office_bodies(request.user)) | Bloc.objects.filter(
        members__in=unit_bodies(request.user)
    )
    return render(
        request,
        "campaigns/staff/blocs.html",
        {
            "blocs": mine.distinct().select_related("issuer", "head").prefetch_related("members"),
            "form": form,
        },
    )


@login_required
def unit_campaigns(request: HttpRequest) -> HttpResponse:
    """The campaigns addressed to the user's units, to register and report."""
    units = list(unit_bodies(request.user))
    if not units:
        raise PermissionDenied("Bạn chưa được giao vai trò cán bộ đơn vị.")
    paging = paginate(request, tracking.unit_campaigns(units), per_page=20)
    return render(
        request,
        "campaigns/staff/unit_campaigns.html",
        {**paging, "rows": tracking.unit_campaign_rows(units, paging["page"].object_list)},
    )


def _unit_or_403(request, unit_pk: int) -> Unit:
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not unit_bodies(request.user).filter(pk=unit.pk).exists():
        raise PermissionDenied("Bạn không phải cán bộ của đơn vị này.")
    return unit


@login_required
def register(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.filter(status=Campaign.Status.PUBLISHED), pk=pk)
    unit = _unit_or_403(request, unit_pk)
    criteria_list = list(campaign.criteria.all())
    if request.method == "POST":
        try:
            targets = {
                c.pk: _decimal(request.POST.get(f"target-{c.pk}", "")) for c in criteria_list
            }
            tracking.registration_submit(
                actor=request.user,
                campaign=campaign,
                unit=unit,
                targets=targets,
                titles_aimed=request.POST.get("titles_aimed", ""),
            )
            messages.success(request, "Đã đăng ký thi đua.")
            return redirect("tracking:unit_campaigns")
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _error(exc))
    return render(
        request,
        "campaigns/staff/register.html",
        {"campaign": campaign, "unit": unit, "criteria": criteria_list},
    )


@login_required
def report(request: HttpRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    period = get_object_or_404(
        ReportPeriod.objects.select_related("campaign__issuer"), pk=period_pk
    )
    unit = _unit_or_403(request, unit_pk)
    existing = ResultReport.objects.filter(period=period, unit=unit).first()
    criteria_list = list(period.campaign.criteria.all())
    values = {v.criterion_id: v for v in existing.values.all()} if existing else {}
    if request.method == "POST":
        try:
            data = {
                c.pk: (
                    _decimal(request.POST.get(f"value-{c.pk}", "")),
                    request.POST.get(f"evidence-{c.pk}", ""),
                )
                for c in criteria_list
            }
            tracking.report_save(
                actor=request.user,
                period=period,
                unit=unit,
                values=data,
                submit="submit" in request.POST,
            )
            messages.success(
                request, "Đã nộp báo cáo." if "submit" in request.POST else "Đã lưu nháp báo cáo."
            )
            return redirect("tracking:unit_campaigns")
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _error(exc))
    return render(
        request,
        "campaigns/staff/report.html",
        {
            "period": period,
            "unit": unit,
            "report": existing,
            "rows": [(c, values.get(c.pk)) for c in criteria_list],
        },
    )


@login_required
def scores(request: HttpRequest, bloc_pk: int, pk: int) -> HttpResponse:
    """Chấm điểm: each member its own score; the head unit the agreed scores."""
    bloc = get_object_or_404(Bloc.objects.select_related("head"), pk=bloc_pk)
    campaign = get_object_or_404(Campaign, pk=pk)
    mine = set(unit_bodies(request.user).values_list("pk", flat=True))
    members = list(bloc.members.all())
    if not mine & {m.pk for m in members}:
        raise PermissionDenied("Đơn vị của bạn không thuộc khối này.")
    is_head = bloc.head_id in mine
    if request.method == "POST":
        try:
            with transaction.atomic():  # all the scores of the form, or none
                _save_scores(request, campaign, bloc, members)
            messages.success(request, "Đã lưu điểm.")
            return redirect("tracking:scores", bloc_pk=bloc.pk, pk=campaign.pk)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _error(exc))
    existing = {
        (s.unit_id, s.kind): s.points
        for s in BlocScore.objects.filter(campaign=campaign, bloc=bloc)
    }
    return _scores_page(request, bloc, campaign, is_head, members, mine, existing)


def _save_scores(request, campaign, bloc, members) -> None:
    for unit in members:
        for kind in ("self", "agreed"):
            raw = request.POST.get(f"{kind}-{unit.pk}")
            if raw:
                tracking.score_enter(
                    actor=request.user,
                    campaign=campaign,
                    bloc=bloc,
                    unit=unit,
                    kind=kind,
                    points=_decimal(raw),
                )


def _scores_page(request, bloc, campaign, is_head, members, mine, existing) -> HttpResponse:
    return render(
        request,
        "campaigns/staff/scores.html",
        {
            "bloc": bloc,
            "campaign": campaign,
            "is_head": is_head,
            "rows": [
                (u, existing.get((u.pk, "self")), existing.get((u.pk, "agreed")), u.pk in mine)
                for u in members
            ],
            "ranking": tracking.bloc_ranking(campaign, bloc),
        },
    )
