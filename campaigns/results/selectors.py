"""Every read of results tracking: who a campaign addresses, a unit's campaigns,
participation, attainment, bloc rankings, and `campaign_results`, the figures of a
campaign's results page (and of the awards dashboard built on it).

Counts run in the database, one query per figure, so no join multiplies another,
and the number of queries does not grow with the number of units.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from units.access import office_bodies, unit_bodies
from units.models import Unit

from ..models import Campaign, campaign_year_q
from .models import (
    Bloc,
    BlocScore,
    Criterion,
    Registration,
    ReportPeriod,
    ReportValue,
    ResultReport,
)

# A campaign takes registrations and reports while it runs; after it is closed its
# final reports may still come in, until the office summarises it.
REPORTING = (Campaign.Status.PUBLISHED, Campaign.Status.CLOSED)


def addressed_units(campaign: Campaign) -> QuerySet[Unit]:
    """The units a campaign addresses: every active unit below its issuer."""
    ids = campaign.issuer.descendant_ids() - {campaign.issuer_id}
    return Unit.objects.active().filter(pk__in=ids)


def is_addressed(campaign: Campaign, unit: Unit) -> bool:
    """Does the campaign address this unit (an active unit below its issuer)?"""
    return addressed_units(campaign).filter(pk=unit.pk).exists()


def unit_campaigns(units: list[Unit]) -> QuerySet[Campaign]:
    """Running (or closed, for their final reports) campaigns addressed to the user's
    units (issued above them), newest first."""
    above = set().union(*({a.pk for a in unit.ancestors()} for unit in units))
    return (
        Campaign.objects.filter(status__in=REPORTING, issuer_id__in=above)
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


def blocs_visible_to(user: AbstractBaseUser) -> QuerySet[Bloc]:
    """Blocs the user organises (standing office) or sits in (unit staff)."""
    mine = Q(issuer__in=office_bodies(user)) | Q(members__in=unit_bodies(user))
    return (
        Bloc.objects.filter(pk__in=Bloc.objects.filter(mine).values("pk"))
        .select_related("issuer", "head")
        .prefetch_related("members")
    )


def blocs_with_campaigns(user: AbstractBaseUser) -> list[tuple[Bloc, list[Campaign]]]:
    """The user's blocs, each with the campaigns of its issuer and year it scores
    (running or closed); two queries for the campaigns whatever the number of blocs."""
    blocs = list(blocs_visible_to(user))
    years: dict[int, set[int]] = {}
    for bloc in blocs:
        years.setdefault(bloc.issuer_id, set()).add(bloc.year)
    scored: dict[tuple[int, int], list[Campaign]] = {}
    if blocs:
        match = Q()
        for issuer_id, issuer_years in years.items():
            for year in issuer_years:
                match |= Q(issuer_id=issuer_id) & campaign_year_q(year)
        for campaign in Campaign.objects.filter(match, status__in=REPORTING).order_by("-pk"):
            scored.setdefault((campaign.issuer_id, campaign.year), []).append(campaign)
    return [(bloc, scored.get((bloc.issuer_id, bloc.year), [])) for bloc in blocs]


def blocs_of_campaign(campaign: Campaign) -> QuerySet[Bloc]:
    """The issuer's blocs of the campaign's year, which score this campaign."""
    blocs = Bloc.objects.filter(issuer=campaign.issuer).select_related("head")
    return blocs.filter(year=campaign.year) if campaign.year else blocs


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
        campaign=campaign, bloc=bloc, unit=OuterRef("pk"), kind=BlocScore.Kind.AGREED
    )
    own = BlocScore.objects.filter(
        campaign=campaign, bloc=bloc, unit=OuterRef("pk"), kind=BlocScore.Kind.SELF
    )
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


def score_history(campaign: Campaign, bloc: Bloc) -> QuerySet:
    """Every recorded change of the bloc's scores for this campaign, newest first."""
    return (
        BlocScore.history.filter(campaign_id=campaign.pk, bloc_id=bloc.pk)
        .select_related("unit", "history_user")
        .order_by("-history_date", "-history_id")
    )


def participation(campaign: Campaign) -> dict:
    """Registered out of addressed units, and each period's reports on time, late, missing."""
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
    """Per criterion, over the submitted reports of the units the campaign addresses:
    how many reached the target (numeric), answered yes (boolean), or nothing (points)."""
    values = ReportValue.objects.filter(
        report__period=period,
        report__status=ResultReport.Status.SUBMITTED,
        report__unit__in=addressed_units(campaign),
        value__isnull=False,
    )
    criteria = list(campaign.criteria.all())
    reached_when = Q()
    for criterion in criteria:
        if criterion.kind == Criterion.Kind.NUMERIC and criterion.target is not None:
            reached_when |= Q(criterion=criterion, value__gte=criterion.target)
        elif criterion.kind == Criterion.Kind.BOOLEAN:
            reached_when |= Q(criterion=criterion, value__gte=1)
    figures = {"reported": Count("pk")}
    if reached_when:
        figures["reached"] = Count("pk", filter=reached_when)
    counts = {row["criterion"]: row for row in values.values("criterion").annotate(**figures)}
    rows = []
    for criterion in criteria:
        row = counts.get(criterion.pk, {})
        measurable = criterion.kind == Criterion.Kind.BOOLEAN or (
            criterion.kind == Criterion.Kind.NUMERIC and criterion.target is not None
        )
        rows.append(
            {
                "criterion": criterion,
                "reported": row.get("reported", 0),
                "reached": row.get("reached", 0) if measurable else None,
            }
        )
    return rows


def reports_received(campaign: Campaign) -> QuerySet[ResultReport]:
    """The reports the office has received for a campaign (submitted, or returned to the
    unit), of the units it addresses: by period due, then by unit name."""
    return (
        ResultReport.objects.filter(period__campaign=campaign, unit__in=addressed_units(campaign))
        .exclude(status=ResultReport.Status.DRAFT)
        .select_related("unit", "period")
        .order_by("period__due_on", "unit__name")
    )


def campaign_results(campaign: Campaign) -> dict:
    """Every figure of a campaign's results page. The number of queries does not grow
    with the number of units or reports (it grows by one per bloc and per lower-level
    campaign that answers this one)."""
    figures = participation(campaign)
    periods = list(campaign.periods.all())
    last = periods[-1] if periods else None
    addressed = list(addressed_units(campaign).order_by("name"))
    registered = set(
        campaign.registrations.filter(submitted_at__isnull=False).values_list("unit_id", flat=True)
    )
    rows = attainment(campaign, last) if last else []
    return {
        "campaign": campaign,
        "figures": figures,
        "units": [{"unit": u, "registered": u.pk in registered} for u in addressed],
        "reports": list(reports_received(campaign)),
        "attainment": rows,
        "attainment_rows": [
            {"label": r["criterion"].name, "reached": r["reached"] or 0} for r in rows
        ],
        "last_period": last,
        "blocs": [(bloc, bloc_ranking(campaign, bloc)) for bloc in blocs_of_campaign(campaign)],
        "cascade": [
            {"campaign": child, "figures": participation(child)}
            for child in campaign.children.select_related("issuer", "document_type")
        ],
    }
