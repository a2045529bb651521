"""Theo dõi kết quả: criteria, registrations, result reports, bloc scores and ranking.

Writes check the actor through memberships: the standing office of the issuing
body defines criteria, periods and blocs; unit staff register and report for
their own unit; the head unit of a bloc records its agreed scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from units.access import office_bodies, unit_bodies
from units.mail import email_queue
from units.models import Bloc, Unit

from .models import (
    BlocScore,
    Campaign,
    Criterion,
    Registration,
    RegistrationTarget,
    ReportPeriod,
    ReportValue,
    ResultReport,
)


def _ensure_office(actor, campaign_or_issuer) -> None:
    issuer = getattr(campaign_or_issuer, "issuer", campaign_or_issuer)
    if not office_bodies(actor).filter(pk=issuer.pk).exists():
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực của cơ quan ban hành này.")


def _ensure_unit(actor, unit: Unit) -> None:
    if not unit_bodies(actor).filter(pk=unit.pk).exists():
        raise PermissionDenied("Bạn không phải cán bộ của đơn vị này.")


def addressed_units(campaign: Campaign):
    """The units a campaign addresses: every active unit below its issuer."""
    ids = campaign.issuer.descendant_ids() - {campaign.issuer_id}
    return Unit.objects.active().filter(pk__in=ids)


def unit_campaigns(units: list[Unit]):
    """Published campaigns addressed to the user's units (issued above them), newest first."""
    above = set().union(*({a.pk for a in unit.ancestors()} for unit in units))
    return (
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED, issuer_id__in=above)
        .select_related("issuer")
        .prefetch_related("periods")
        .order_by("-published_at", "-pk")
    )


def unit_campaign_rows(units: list[Unit], campaigns=None) -> list[dict]:
    """The campaigns (all of unit_campaigns, or one page of it) with each of the user's
    units' registration and its report per period. Queries do not grow with the data."""
    above = {unit.pk: {a.pk for a in unit.ancestors()} for unit in units}
    campaigns = list(unit_campaigns(units) if campaigns is None else campaigns)
    registrations = {
        (r.campaign_id, r.unit_id): r
        for r in Registration.objects.filter(unit__in=units, campaign__in=campaigns)
    }
    reports = {
        (r.period_id, r.unit_id): r
        for r in ResultReport.objects.filter(
            unit__in=units, period__campaign__in=campaigns
        ).select_related("period")
    }
    return [
        {
            "campaign": campaign,
            "unit": unit,
            "registration": registrations.get((campaign.pk, unit.pk)),
            "periods": [(p, reports.get((p.pk, unit.pk))) for p in campaign.periods.all()],
        }
        for campaign in campaigns
        for unit in units
        if campaign.issuer_id in above[unit.pk]
    ]


@transaction.atomic
def criterion_add(*, actor: AbstractBaseUser, campaign: Campaign, **fields) -> Criterion:
    _ensure_office(actor, campaign)
    criterion = Criterion(campaign=campaign, **fields)
    if criterion.kind == Criterion.Kind.POINTS and not criterion.max_points:
        raise ValidationError("Tiêu chí chấm điểm cần có điểm tối đa.")
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def registration_submit(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    unit: Unit,
    targets: dict[int, Decimal | None],
    titles_aimed: str = "",
) -> Registration:
    """Đăng ký thi đua by the registration deadline, with a target per criterion."""
    _ensure_unit(actor, unit)
    if unit.pk not in campaign.issuer.descendant_ids():
        raise ValidationError("Phong trào này không gửi đến đơn vị của bạn.")
    today = timezone.localdate()
    if campaign.registration_deadline and today > campaign.registration_deadline:
        raise ValidationError(
            f"Đã quá hạn đăng ký thi đua ({campaign.registration_deadline:%d/%m/%Y})."
        )
    registration, _ = Registration.objects.get_or_create(campaign=campaign, unit=unit)
    registration.titles_aimed = titles_aimed
    registration.submitted_at = timezone.now()
    registration.submitted_by = actor
    registration.save()
    criteria = {c.pk for c in campaign.criteria.all()}
    for criterion_id, value in targets.items():
        if criterion_id not in criteria:
            raise ValidationError("Tiêu chí không thuộc phong trào này.")
        RegistrationTarget.objects.update_or_create(
            registration=registration, criterion_id=criterion_id, defaults={"value": value}
        )
    return registration


@transaction.atomic
def report_save(
    *,
    actor: AbstractBaseUser,
    period: ReportPeriod,
    unit: Unit,
    values: dict[int, tuple[Decimal | None, str]],
    submit: bool = False,
) -> ResultReport:
    """Save a unit's results (value and evidence per criterion); optionally submit them."""
    _ensure_unit(actor, unit)
    report, _ = ResultReport.objects.select_for_update().get_or_create(period=period, unit=unit)
    if report.status == ResultReport.Status.SUBMITTED:
        raise ValidationError("Báo cáo đã nộp; chỉ sửa được khi bị trả lại.")
    criteria = {c.pk for c in period.campaign.criteria.all()}
    for criterion_id, (value, evidence) in values.items():
        if criterion_id not in criteria:
            raise ValidationError("Tiêu chí không thuộc phong trào này.")
        ReportValue.objects.update_or_create(
            report=report,
            criterion_id=criterion_id,
            defaults={"value": value, "evidence": evidence},
        )
    if submit:
        report.status = ResultReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
        report.return_reason = ""
    report.save()
    return report


@transaction.atomic
def report_return(*, actor: AbstractBaseUser, report: ResultReport, reason: str) -> ResultReport:
    report = (
        ResultReport.objects.select_for_update()
        .select_related("period__campaign__issuer")
        .get(pk=report.pk)
    )
    _ensure_office(actor, report.period.campaign)
    if report.status != ResultReport.Status.SUBMITTED:
        raise ValidationError("Chỉ trả lại được báo cáo đã nộp.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại báo cáo.")
    report.status = ResultReport.Status.RETURNED
    report.return_reason = reason.strip()
    report.save(update_fields=["status", "return_reason", "updated_at"])
    return report


@transaction.atomic
def bloc_create(
    *, actor: AbstractBaseUser, issuer: Unit, year: int, name: str, head: Unit, members: list[Unit]
) -> Bloc:
    """A bloc for a year; a unit sits in one bloc of an issuer per year."""
    _ensure_office(actor, issuer)
    if head not in members:
        members = [head, *members]
    taken = list(
        Unit.objects.filter(
            pk__in=[m.pk for m in members], blocs_in__issuer=issuer, blocs_in__year=year
        ).values_list("name", flat=True)
    )
    if taken:
        raise ValidationError(
            f"Đơn vị đã thuộc một khối khác năm {year}: " + ", ".join(taken) + "."
        )
    bloc = Bloc.objects.create(issuer=issuer, year=year, name=name, head=head)
    bloc.members.set(members)
    return bloc


@transaction.atomic
def score_enter(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    bloc: Bloc,
    unit: Unit,
    kind: str,
    points: Decimal,
) -> BlocScore:
    """A unit records its own score; the bloc's head records the agreed score of each member."""
    if not bloc.members.filter(pk=unit.pk).exists():
        raise ValidationError("Đơn vị không thuộc khối này.")
    if kind == BlocScore.Kind.SELF:
        _ensure_unit(actor, unit)
    elif kind == BlocScore.Kind.AGREED:
        if not unit_bodies(actor).filter(pk=bloc.head_id).exists():
            raise PermissionDenied("Chỉ đơn vị trưởng khối ghi điểm thống nhất của khối.")
    else:
        raise ValidationError("Loại điểm không hợp lệ.")
    score, _ = BlocScore.objects.update_or_create(
        campaign=campaign,
        bloc=bloc,
        unit=unit,
        kind=kind,
        defaults={"points": points, "entered_by": actor},
    )
    return score


@dataclass(frozen=True)
class Rank:
    unit: Unit
    points: Decimal | None
    self_points: Decimal | None
    rank: int | None
    tied: bool


def bloc_ranking(campaign: Campaign, bloc: Bloc) -> list[Rank]:
    """The bloc's members by agreed score. Equal scores share a rank (1, 1, 3) and are
    marked as tied; members without an agreed score come last, unranked."""
    agreed = BlocScore.objects.filter(
        campaign=campaign, bloc=bloc, unit=OuterRef("pk"), kind="agreed"
    )
    own = BlocScore.objects.filter(campaign=campaign, bloc=bloc, unit=OuterRef("pk"), kind="self")
    members = list(
        bloc.members.annotate(
            agreed=Subquery(agreed.values("points")[:1]), own=Subquery(own.values("points")[:1])
        ).order_by("name")
    )
    scored = sorted((m for m in members if m.agreed is not None), key=lambda m: -m.agreed)
    counts: dict[Decimal, int] = {}
    for m in scored:
        counts[m.agreed] = counts.get(m.agreed, 0) + 1
    result: list[Rank] = []
    for m in scored:
        rank = next(i for i, other in enumerate(scored, start=1) if other.agreed == m.agreed)
        result.append(Rank(m, m.agreed, m.own, rank, counts[m.agreed] > 1))
    result += [Rank(m, None, m.own, None, False) for m in members if m.agreed is None]
    return result


def participation(campaign: Campaign) -> dict:
    """Registered out of addressed units, and each period's reports on time, late, missing.

    Counted in the database with one query per figure (no joins multiplied)."""
    addressed = addressed_units(campaign)
    total = addressed.count()
    registered = Registration.objects.filter(
        campaign=campaign, unit__in=addressed, submitted_at__isnull=False
    ).count()
    periods = []
    for period in campaign.periods.all():
        submitted = ResultReport.objects.filter(
            period=period, unit__in=addressed, status=ResultReport.Status.SUBMITTED
        )
        late = submitted.filter(submitted_at__date__gt=period.due_on).count()
        on_time = submitted.count() - late
        periods.append(
            {"period": period, "on_time": on_time, "late": late, "missing": total - on_time - late}
        )
    return {"addressed": total, "registered": registered, "periods": periods}


def attainment(campaign: Campaign, period: ReportPeriod) -> list[dict]:
    """Per criterion: how many submitted reports reached the target (numeric), the
    share answering yes (boolean), or the average points (points)."""
    rows = []
    values = ReportValue.objects.filter(
        report__period=period, report__status=ResultReport.Status.SUBMITTED
    )
    counts = {
        row["criterion"]: row
        for row in values.values("criterion").annotate(
            reported=Count("pk", filter=Q(value__isnull=False)),
        )
    }
    for criterion in campaign.criteria.all():
        reported = counts.get(criterion.pk, {}).get("reported", 0)
        mine = values.filter(criterion=criterion, value__isnull=False)
        if criterion.kind == Criterion.Kind.NUMERIC and criterion.target is not None:
            reached = mine.filter(value__gte=criterion.target).count()
        elif criterion.kind == Criterion.Kind.BOOLEAN:
            reached = mine.filter(value__gte=1).count()
        else:
            reached = None
        rows.append({"criterion": criterion, "reported": reported, "reached": reached})
    return rows


REMIND_DAYS_BEFORE = 3


def send_reminders(*, today=None) -> int:
    """Email unit staff before a deadline (registration, report) they have not met, and
    once more after it passes. Each reminder is sent once (ReminderLog): safe from cron."""
    from django.db import IntegrityError

    from units.models import Membership

    from .models import ReminderLog

    today = today or timezone.localdate()
    sent = 0
    due: list[tuple[Campaign, str, object, set[int]]] = []
    for campaign in Campaign.objects.filter(status=Campaign.Status.PUBLISHED).select_related(
        "issuer"
    ):
        addressed = set(addressed_units(campaign).values_list("pk", flat=True))
        if campaign.registration_deadline:
            done = set(
                Registration.objects.filter(
                    campaign=campaign, submitted_at__isnull=False
                ).values_list("unit_id", flat=True)
            )
            due.append((campaign, "registration", campaign.registration_deadline, addressed - done))
        for period in campaign.periods.all():
            done = set(
                ResultReport.objects.filter(
                    period=period, status=ResultReport.Status.SUBMITTED
                ).values_list("unit_id", flat=True)
            )
            due.append((campaign, f"period:{period.pk}", period.due_on, addressed - done))
    for campaign, subject, deadline, missing in due:
        days = (deadline - today).days
        kind = "before" if 0 <= days <= REMIND_DAYS_BEFORE else ("after" if days < 0 else None)
        if kind is None or not missing:
            continue
        what = "đăng ký thi đua" if subject == "registration" else "nộp báo cáo kết quả"
        emails_by_unit: dict[int, set[str]] = {}
        for m in (
            Membership.objects.active()
            .filter(unit_id__in=missing, role=Membership.Role.UNIT_STAFF)
            .select_related("user")
        ):
            if m.user.email:
                emails_by_unit.setdefault(m.unit_id, set()).add(m.user.email)
        for unit_id, emails in emails_by_unit.items():
            when = "sắp đến hạn" if kind == "before" else "đã quá hạn"
            try:
                # The log and the queued email commit together: the outbox retries
                # a delivery that fails, so a logged reminder is never lost.
                with transaction.atomic():
                    ReminderLog.objects.create(
                        unit_id=unit_id, campaign=campaign, subject=subject, kind=kind
                    )
                    email_queue(
                        subject=f"[thidua] Nhắc {what}: {when} ({deadline:%d/%m/%Y})",
                        body=f"Đơn vị của bạn chưa {what} cho phong trào “{campaign.subject}” "
                        f"của {campaign.issuer.name}. Hạn: {deadline:%d/%m/%Y}."
                        "\n\nThư tự động từ hệ thống thidua.",
                        recipients=emails,
                    )
            except IntegrityError:
                continue
            sent += 1
    return sent
