"""Every read of results tracking: who a campaign addresses, a unit's campaigns,
participation, attainment, bloc rankings, and `campaign_results`, the figures of a
campaign's results page (and of the awards dashboard built on it).

Counts run in the database, one query per figure, or over plain rows in Python, so no
join multiplies another, and the number of queries does not grow with the number of
units, blocs or campaigns.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from operator import attrgetter

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
    Window,
)
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.http import Http404
from django.utils import timezone

from units.access import holds_office, office_bodies, unit_bodies
from units.models import (
    Unit,
    ancestors_of,
    descendant_ids_by_root,
    descendants_query,
    lineage_ids_of,
)

from ..models import LIST_DEFERRED, Campaign, campaign_year_q
from .models import (
    Bloc,
    BlocScore,
    Criterion,
    Registration,
    RegistrationTarget,
    ReportFile,
    ReportPeriod,
    ReportValue,
    ResultReport,
)

# A campaign takes registrations and reports while it runs; after it is closed its
# final reports may still come in, until the office summarises it.
REPORTING = (Campaign.Status.PUBLISHED, Campaign.Status.CLOSED)


def addressed_units(campaign: Campaign) -> QuerySet[Unit]:
    """The units a campaign addresses: every active unit below its issuer."""
    below = descendants_query([campaign.issuer_id])  # a subquery: the database walks the tree
    return Unit.objects.active().filter(pk__in=below).exclude(pk=campaign.issuer_id)


def is_addressed(campaign: Campaign, unit: Unit) -> bool:
    """Does the campaign address this unit (an active unit below its issuer)?"""
    return addressed_units(campaign).filter(pk=unit.pk).exists()


def version(row) -> str:
    """The version of a unit's registration or report that a form was opened on: when it
    was last saved ("" while there is none). The form sends it back as `loaded`, and the
    service refuses to write over a save made since (two clerks of one unit, decision 0073)."""
    return row.updated_at.isoformat() if row is not None and row.pk else ""


def report_files(report: ResultReport | None) -> QuerySet[ReportFile]:
    """A report's evidence files in use (not taken off), oldest first."""
    if report is None or not report.pk:
        return ReportFile.objects.none()
    return report.files.filter(archived=False).select_related("uploaded_by")


def visible_report_file(user: AbstractBaseUser, pk: int) -> ReportFile:
    """A report's evidence file, for the staff of the report's unit and, once the unit
    has sent the report (as `reports_received`), the office of the body that launched
    the campaign. Anyone else (another unit, another district) and a file taken off get
    Http404: nobody learns that it exists (decision 0092)."""
    stored = (
        ReportFile.objects.filter(archived=False)
        .select_related("report__period__campaign__issuer")
        .filter(pk=pk)
        .first()
    )
    if stored is None:
        raise Http404
    report = stored.report
    if unit_bodies(user).filter(pk=report.unit_id).exists():
        return stored
    if report.status != ResultReport.Status.DRAFT and holds_office(
        user, report.period.campaign.issuer
    ):
        return stored
    raise Http404


def printable_registration(user, campaign_pk: int, unit_pk: int) -> Registration:
    """The unit's sent registration for a published campaign, to print as the bản đăng
    ký thi đua (decision 0093): for the unit's own staff and for the standing office of
    the body that launched the campaign; 404 for anyone else (another unit's staff
    learns nothing of it), and while the unit has sent none."""
    registration = (
        Registration.objects.submitted()
        .filter(campaign_id=campaign_pk, unit_id=unit_pk)
        .exclude(campaign__status=Campaign.Status.DRAFT)
        .select_related("campaign__issuer__parent", "campaign__document_type", "unit__parent")
        .first()
    )
    if registration is None or not (
        unit_bodies(user).filter(pk=unit_pk).exists()
        or holds_office(user, registration.campaign.issuer)
    ):
        raise Http404("Không có bản đăng ký thi đua này.")
    return registration


def registrations_printable(campaign: Campaign) -> QuerySet[Registration]:
    """The sent registrations of a campaign's units, by unit name: the office's links to
    each unit's bản đăng ký thi đua (decision 0093)."""
    return campaign.registrations.submitted().select_related("unit").order_by("unit__name", "pk")


def registered_targets(campaign: Campaign, unit: Unit) -> dict[int, Decimal | None]:
    """The targets (criterion id -> value) of the unit's sent registration, which its
    report is read against; {} when it has sent none."""
    return dict(
        RegistrationTarget.objects.filter(
            registration__in=Registration.objects.submitted().filter(campaign=campaign, unit=unit)
        ).values_list("criterion_id", "value")
    )


def earlier_reported(period: ReportPeriod, unit: Unit) -> dict[int, tuple[ReportPeriod, Decimal]]:
    """Per criterion, the latest figure the unit sent for an earlier period of the same
    campaign (the Sơ kết beside the Tổng kết form, decision 0088); one query."""
    rows = (
        ReportValue.objects.filter(
            report__unit=unit,
            report__status=ResultReport.Status.SUBMITTED,
            report__period__campaign_id=period.campaign_id,
            report__period__archived=False,
            report__period__due_on__lt=period.due_on,
            value__isnull=False,
        )
        .select_related("report__period")
        .order_by("report__period__due_on", "report__period_id")
    )
    return {v.criterion_id: (v.report.period, v.value) for v in rows}  # the latest wins


def units_above(units: list[Unit]) -> dict[int, set[int]]:
    """Each unit's ancestors (ids), for `unit_campaigns` and `unit_campaign_rows`: one walk
    of the tree for all the units, shared by the two."""
    return {pk: set(chain) for pk, chain in ancestors_of(units).items()}


def unit_campaigns(units: list[Unit], above: dict[int, set[int]] | None = None):
    """Running (or closed, for their final reports) campaigns addressed to the user's
    units (issued above them), newest first."""
    above = units_above(units) if above is None else above
    return (
        Campaign.objects.filter(status__in=REPORTING, issuer_id__in=set().union(*above.values()))
        .select_related("issuer", "document_type")
        .prefetch_related("periods")
        .order_by("-published_at", "-pk")
    )


def unit_campaign_rows(
    units: list[Unit], campaigns=None, above: dict[int, set[int]] | None = None
) -> list[dict]:
    """The campaigns (all of unit_campaigns, or one page of it) with each of the user's
    units' registration and its report per period. Queries do not grow with the data."""
    above = units_above(units) if above is None else above
    campaigns = list(unit_campaigns(units, above) if campaigns is None else campaigns)
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
    return Bloc.objects.filter(pk__in=Bloc.objects.filter(mine).values("pk")).select_related(
        "issuer", "head"
    )


CAMPAIGNS_PER_BLOC = 10  # the blocs page lists this many campaigns to score per bloc


def campaign_year():
    """`Campaign.year` as a database expression (`campaign_year_q` for one year)."""
    return Coalesce(
        ExtractYear("end_date"),
        ExtractYear("issued_on"),
        "issued_year",
        output_field=IntegerField(),
    )


def campaigns_to_score(bloc: Bloc) -> QuerySet[Campaign]:
    """The campaigns a bloc scores: its issuer's of its year, running or closed, newest first."""
    return (
        Campaign.objects.filter(issuer_id=bloc.issuer_id, status__in=REPORTING)
        .of_year(bloc.year)
        .order_by("-pk")
    )


def blocs_with_campaigns(blocs) -> list[tuple[Bloc, list[Campaign], int]]:
    """Each bloc with the newest CAMPAIGNS_PER_BLOC campaigns it scores and how many it
    scores in all: one query for every bloc (numbered per issuer and year in the
    database), however many blocs and campaigns."""
    blocs = list(blocs)
    pairs = {(bloc.issuer_id, bloc.year) for bloc in blocs}
    scored: dict[tuple[int, int], list[Campaign]] = {}
    totals: dict[tuple[int, int], int] = {}
    if pairs:
        match = Q()
        for issuer_id, year in pairs:
            match |= Q(issuer_id=issuer_id) & campaign_year_q(year)
        partition = [F("issuer_id"), campaign_year()]
        rows = (
            Campaign.objects.filter(match, status__in=REPORTING)
            .annotate(
                score_year=campaign_year(),
                position=Window(RowNumber(), partition_by=partition, order_by=F("pk").desc()),
                total=Window(Count("pk"), partition_by=partition),
            )
            .filter(position__lte=CAMPAIGNS_PER_BLOC)
            .only("pk", "subject", "issuer_id", "end_date", "issued_on", "issued_year")
            .order_by("-pk")
        )
        for campaign in rows:
            key = (campaign.issuer_id, campaign.score_year)
            scored.setdefault(key, []).append(campaign)
            totals[key] = campaign.total
    return [
        (
            bloc,
            scored.get((bloc.issuer_id, bloc.year), []),
            totals.get((bloc.issuer_id, bloc.year), 0),
        )
        for bloc in blocs
    ]


MEMBERS_SHOWN = 10  # the blocs page names this many members of each bloc


def member_names(blocs, limit: int = MEMBERS_SHOWN) -> dict[int, list[str]]:
    """The names of each bloc's first `limit` members by name, in one query for all the
    blocs (numbered per bloc in the database), without loading the units."""
    names: dict[int, list[str]] = {bloc.pk: [] for bloc in blocs}
    position = Window(
        RowNumber(), partition_by=[F("bloc_id")], order_by=[F("unit__name"), F("unit_id")]
    )
    rows = (
        Bloc.members.through.objects.filter(bloc__in=list(names))
        .annotate(position=position)
        .filter(position__lte=limit)
        .order_by("bloc_id", "position")
        .values_list("bloc_id", "unit__name")
    )
    for bloc_id, name in rows:
        names[bloc_id].append(name)
    return names


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
    return bloc_rankings(campaign, [bloc])[0]["ranking"]


RANKING_TOP = 10  # the results and awards pages show each bloc's leading units


def bloc_rankings(
    campaign: Campaign, blocs, *, top: int | None = None, whole: int | None = None
) -> list[dict]:
    """`bloc_ranking` of each bloc ({bloc, ranking, count}), in three queries however many
    blocs and members. With `top`, each ranking keeps its leading `top` units (all of them
    for the bloc `whole`): the pages show those, the workbook everything. Members are
    ranked on plain rows; only the units kept are loaded as objects."""
    blocs = list(blocs)
    members: dict[int, list[int]] = {bloc.pk: [] for bloc in blocs}
    through = Bloc.members.through.objects.filter(bloc__in=blocs)
    for bloc_id, unit_id in through.order_by("unit__name", "unit_id").values_list(
        "bloc_id", "unit_id"
    ):
        members[bloc_id].append(unit_id)
    points = {
        (bloc_id, unit_id, kind): value
        for bloc_id, unit_id, kind, value in BlocScore.objects.filter(
            campaign=campaign, bloc__in=blocs
        ).values_list("bloc_id", "unit_id", "kind", "points")
    }
    rows = []
    for bloc in blocs:
        ids = members[bloc.pk]
        agreed = {pk: points.get((bloc.pk, pk, BlocScore.Kind.AGREED)) for pk in ids}
        own = {pk: points.get((bloc.pk, pk, BlocScore.Kind.SELF)) for pk in ids}
        scored = sorted((pk for pk in ids if agreed[pk] is not None), key=lambda pk: -agreed[pk])
        counts: dict[Decimal, int] = {}
        first_at: dict[Decimal, int] = {}
        for position, pk in enumerate(scored, start=1):
            counts[agreed[pk]] = counts.get(agreed[pk], 0) + 1
            first_at.setdefault(agreed[pk], position)
        ranking = [
            (pk, agreed[pk], own[pk], first_at[agreed[pk]], counts[agreed[pk]] > 1) for pk in scored
        ]
        ranking += [(pk, None, own[pk], None, False) for pk in ids if agreed[pk] is None]
        kept = ranking if top is None or bloc.pk == whole else ranking[:top]
        rows.append({"bloc": bloc, "ranking": kept, "count": len(ranking)})
    units = Unit.objects.in_bulk({row[0] for entry in rows for row in entry["ranking"]})
    for entry in rows:
        entry["ranking"] = [Rank(units[pk], *rest) for pk, *rest in entry["ranking"]]
    return rows


def score_history(campaign: Campaign, bloc: Bloc) -> QuerySet:
    """Every recorded change of the bloc's scores for this campaign, newest first."""
    return (
        BlocScore.history.filter(campaign_id=campaign.pk, bloc_id=bloc.pk)
        .select_related("unit", "history_user")
        .order_by("-history_date", "-history_id")
    )


def participation(campaign: Campaign) -> dict:
    """Registered out of addressed units, and each period's reports on time, late, missing."""
    return participations([campaign])[campaign.pk]


def participations(campaigns) -> dict[int, dict]:
    """`participation` of each campaign (by id), in a fixed number of queries however many
    campaigns, units and reports: one walk of the tree below all their issuers, then
    registrations and reports counted against each campaign's addressed units."""
    campaigns = list(campaigns)
    if not campaigns:
        return {}
    below = descendant_ids_by_root({c.issuer_id for c in campaigns}, active=True)
    addressed = {c.pk: below[c.issuer_id] - {c.issuer_id} for c in campaigns}
    registered: dict[int, int] = {}
    for campaign_id, unit_id in (
        Registration.objects.submitted()
        .filter(campaign__in=campaigns)
        .values_list("campaign_id", "unit_id")
    ):
        if unit_id in addressed[campaign_id]:
            registered[campaign_id] = registered.get(campaign_id, 0) + 1
    periods = list(ReportPeriod.objects.filter(campaign__in=campaigns))
    campaign_of = {p.pk: p.campaign_id for p in periods}
    on_time: dict[int, int] = {}
    late: dict[int, int] = {}
    submitted = ResultReport.objects.filter(
        period_id__in=list(campaign_of), status=ResultReport.Status.SUBMITTED
    ).annotate(  # first sent after the day it was due, in local time (ResultReport.is_late)
        sent_first=Coalesce("first_submitted_at", "submitted_at"),
        late=Case(When(sent_first__date__gt=F("period__due_on"), then=True), default=False),
    )
    for period_id, unit_id, is_late in submitted.values_list("period_id", "unit_id", "late"):
        if unit_id in addressed[campaign_of[period_id]]:
            tally = late if is_late else on_time
            tally[period_id] = tally.get(period_id, 0) + 1
    figures = {}
    for campaign in campaigns:
        total = len(addressed[campaign.pk])
        rows = []
        for period in periods:
            if period.campaign_id != campaign.pk:
                continue
            done, slow = on_time.get(period.pk, 0), late.get(period.pk, 0)
            rows.append(
                {"period": period, "on_time": done, "late": slow, "missing": total - done - slow}
            )
        figures[campaign.pk] = {
            "addressed": total,
            "registered": registered.get(campaign.pk, 0),
            "periods": rows,
        }
    return figures


def attainment(campaign: Campaign, period: ReportPeriod) -> list[dict]:
    """Per criterion, over the submitted reports of the units the campaign addresses:
    how many gave a figure (`reported`), how many left it out (`missing`: a partial
    report), and how many reached the target (numeric) or answered yes (boolean); None
    for points, which have no target. No report giving it is "chưa báo cáo", never 0
    reached (decision 0063)."""
    reports = ResultReport.objects.filter(
        period=period,
        status=ResultReport.Status.SUBMITTED,
        unit__in=addressed_units(campaign),
    )
    submitted = reports.count()
    values = ReportValue.objects.filter(report__in=reports, value__isnull=False)
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
        reported = row.get("reported", 0)
        rows.append(
            {
                "criterion": criterion,
                "measurable": measurable,
                "reported": reported,
                "missing": submitted - reported,
                "reached": row.get("reached", 0) if measurable else None,
            }
        )
    return rows


def attainment_chart(rows: list[dict]) -> list[dict]:
    """The chart of targets reached: the criteria with a target, each bar the units that
    reached it; None (drawn "chưa báo cáo", no bar) when no report gave the figure, and
    the reports that left it out beside a bar (decision 0063)."""
    return [
        {
            "label": r["criterion"].name,
            "reached": r["reached"] if r["reported"] else None,
            "note": f"({r['missing']} báo cáo thiếu)" if r["reported"] and r["missing"] else "",
        }
        for r in rows
        if r["measurable"]
    ]


def reports_received(campaign: Campaign) -> QuerySet[ResultReport]:
    """The reports the office has received for a campaign (submitted, or returned to the
    unit), of the units it addresses: by period due, then by unit name.

    The periods are given by id: joined to the campaign instead, PostgreSQL expected one
    report in a campaign's few periods and checked each of thousands against every unit."""
    periods = list(campaign.periods.values_list("pk", flat=True))
    return (
        ResultReport.objects.filter(period_id__in=periods, unit__in=addressed_units(campaign))
        .exclude(status=ResultReport.Status.DRAFT)
        .select_related("unit", "period")
        .order_by("period__due_on", "unit__name")
    )


# ---------------------------------------------------------------------------
# The 2025 reform: what old units merged away wrote and did not carry on (decision 0070).
# Two old communes that registered for one campaign merged into one: the first's
# registration and reports became the new commune's (`services.registrations_carry_over`),
# the second's stay with its archived unit, as written, and are read here.


def _merged_away(successor: Unit | None) -> Q:
    """Rows of archived units merged into another; of `successor`'s predecessors only,
    however long the chain, when it is given."""
    if successor is None:
        return Q(unit__archived=True, unit__merged_into__isnull=False)
    return Q(unit_id__in=lineage_ids_of([successor.pk]) - {successor.pk})


def predecessor_registrations(
    campaign: Campaign, successor: Unit | None = None
) -> list[Registration]:
    """Registrations for `campaign` that stayed with an old unit merged away (of
    `successor`'s predecessors, or of any), each with its targets; two queries."""
    return list(
        Registration.objects.submitted()
        .filter(_merged_away(successor), campaign=campaign)
        .select_related("unit__merged_into")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=RegistrationTarget.objects.select_related("criterion").order_by(
                    "criterion__group", "criterion__pk"
                ),
            )
        )
        .order_by("unit__name")
    )


def predecessor_reports(
    campaign: Campaign,
    successor: Unit | None = None,
    period: ReportPeriod | None = None,
    *,
    received: bool = False,
) -> list[ResultReport]:
    """Reports that stayed with an old unit merged away (as above), of one period or all;
    only those sent to the office (`received`: not drafts) for the office's page."""
    rows = ResultReport.objects.filter(_merged_away(successor), period__campaign=campaign)
    if period is not None:
        rows = rows.filter(period=period)
    if received:
        rows = rows.exclude(status=ResultReport.Status.DRAFT)
    return list(
        rows.select_related("unit__merged_into", "period")
        .prefetch_related(
            Prefetch(
                "values",
                queryset=ReportValue.objects.select_related("criterion").order_by(
                    "criterion__group", "criterion__pk"
                ),
            )
        )
        .order_by("period__due_on", "unit__name")
    )


def ended_units_registrations(campaign: Campaign) -> QuerySet[Registration]:
    """Registrations for `campaign` sent by units since merged away or dissolved (and not
    carried on to a successor): the registrations list's rows after the living units'
    (decision 0079), by name."""
    return (
        Registration.objects.submitted()
        .filter(campaign=campaign, unit__archived=True)
        .select_related("unit__merged_into")
        .prefetch_related("targets")
        .order_by("unit__name", "pk")
    )


def ended_units_reports(campaign: Campaign) -> QuerySet[ResultReport]:
    """Reports received for `campaign` from units since merged away or dissolved, as
    `reports_received` reads the living units' (decision 0079)."""
    periods = list(campaign.periods.values_list("pk", flat=True))
    return (
        ResultReport.objects.filter(period_id__in=periods, unit__archived=True)
        .exclude(status=ResultReport.Status.DRAFT)
        .select_related("unit__merged_into", "period")
        .order_by("period__due_on", "unit__name")
    )


def carried_from(row: Registration | ResultReport) -> Unit | None:
    """The old unit that wrote a registration or report the merge carried on to its
    successor (its first history row's unit), or None if it is the unit's own."""
    if row is None:
        return None
    first = row.history.order_by("history_date", "history_id").select_related("unit").first()
    return first.unit if first is not None and first.unit_id != row.unit_id else None


def unregistered_units(campaign: Campaign) -> QuerySet[Unit]:
    """The units the campaign addresses that have not registered, by name."""
    registered = campaign.registrations.submitted().values("unit_id")
    return addressed_units(campaign).exclude(pk__in=registered).order_by("name")


def reported_period(periods: list[ReportPeriod]) -> ReportPeriod | None:
    """The period whose results a page shows unless told: the latest (by due date) with a
    submitted report, else the last. In the middle of a campaign that is the interim
    review, not a final one nobody has reported for yet (decision 0073)."""
    if not periods:
        return None
    with_reports = set(
        ResultReport.objects.filter(
            period__in=periods, status=ResultReport.Status.SUBMITTED
        ).values_list("period_id", flat=True)
    )
    return next((p for p in reversed(periods) if p.pk in with_reports), periods[-1])


def campaign_results(
    campaign: Campaign,
    *,
    top: int | None = None,
    whole: int | None = None,
    period: ReportPeriod | None = None,
) -> dict:
    """Every figure of a campaign's results page; the lists that grow with the units
    (`unregistered`, `reports`) are querysets, which the page cuts into pages and the
    workbook reads whole. The bloc rankings keep each bloc's `top` units (all of the
    bloc `whole`; everything without `top`). Attainment is `period`'s (one of the
    campaign's), else `reported_period`'s. The number of queries grows with nothing:
    the bloc rankings and the lower levels' campaigns are each read all at once."""
    figures = participation(campaign)
    periods = list(campaign.periods.all())
    shown = period if period in periods else reported_period(periods)
    rows = attainment(campaign, shown) if shown else []
    children = list(campaign.children.select_related("issuer", "document_type"))
    cascade = participations(children)
    rankings = bloc_rankings(campaign, blocs_of_campaign(campaign), top=top, whole=whole)
    return {
        "campaign": campaign,
        "figures": figures,
        "periods": periods,
        "unregistered": unregistered_units(campaign),
        "reports": reports_received(campaign),
        "attainment": rows,
        "attainment_rows": attainment_chart(rows),
        "attainment_period": shown,
        "blocs": [(row["bloc"], row["ranking"]) for row in rankings],
        "rankings": rankings,  # the same, with each bloc's number of members
        "cascade": [{"campaign": child, "figures": cascade[child.pk]} for child in children],
    }


PENDING_SHOWN = 5  # the dashboard names this many of each kind of pending work


PERIODS_CHUNK = 50  # periods read at once, nearest due first, to name the first pending


def _pending_pairs(
    units: list[Unit],
    above: dict[int, set[int]],
    rows: QuerySet,
    *,
    issuer: str,
    done: QuerySet,
    target: str,
    order: tuple,
) -> tuple[int, list[tuple]]:
    """How many (row, unit) pairs `units` owe among `rows` (open campaigns to register
    for, or report periods), and the first PENDING_SHOWN of them in `order` (the first
    only if found among the nearest PERIODS_CHUNK rows; the caller asks SQL otherwise).
    `issuer` is the rows' path to their issuer's id, `done` the submitted answers
    (registrations or reports, one per row and unit: a unique constraint), `target` the
    answers' field naming the row.

    Counted as the rows of each issuer above a unit less the answers it submitted: a NOT
    EXISTS per unit and per row, filtered over every row, took 170 + 240 ms for a
    superuser's ten units at 20,000 campaigns (decision 0020), and compiling ten of them
    into one statement 20-40 ms of Python (decision 0025). Four plain queries."""
    unit_ids = [u.pk for u in units]
    per_issuer = dict(
        rows.order_by().values(issuer).annotate(n=Count("pk")).values_list(issuer, "n")
    )
    done = done.filter(unit_id__in=unit_ids)
    submitted = (
        done.filter(**{f"{target}__in": rows.order_by().values("pk")})
        .order_by()
        .values("unit_id", f"{target}__{issuer}")
        .annotate(n=Count("pk"))
        .values_list("unit_id", f"{target}__{issuer}", "n")
    )
    count = sum(per_issuer.get(body, 0) for u in units for body in above[u.pk])
    count -= sum(n for unit_id, body, n in submitted if body in above[unit_id])
    nearest = list(rows.order_by(*order, "pk")[:PERIODS_CHUNK])
    answered = set(
        done.filter(**{f"{target}__in": [row.pk for row in nearest]}).values_list(
            f"{target}_id", "unit_id"
        )
    )
    issuer_of = attrgetter(issuer.replace("__", "."))
    shown = [
        (row, unit)
        for row in nearest
        for unit in units
        if issuer_of(row) in above[unit.pk] and (row.pk, unit.pk) not in answered
    ][:PENDING_SHOWN]
    return count, shown


def unit_pending(units: list[Unit], above: dict[int, set[int]] | None = None) -> dict:
    """A unit's pending tracking work for the dashboard: campaigns addressed to one of
    `units` that it has not registered for while registration is open (the deadline, then
    the end date, not passed), and report periods of running or closed campaigns it has
    not submitted (nearest due first, late ones included). How many of each, and the first
    PENDING_SHOWN as (campaign or period, unit); eight queries (one more for each kind
    whose nearest PERIODS_CHUNK rows do not hold the first pending) plus one per tree
    level above the units, whatever the number of campaigns."""
    today = timezone.localdate()
    above = units_above(units) if above is None else above
    issuers = set().union(*above.values()) if above else set()

    def registered(unit_id: int) -> Q:
        done = Registration.objects.submitted().filter(campaign=OuterRef("pk"), unit_id=unit_id)
        return Q(Exists(done))

    def reported(unit_id: int) -> Q:
        done = ResultReport.objects.filter(
            period=OuterRef("pk"), unit_id=unit_id, status=ResultReport.Status.SUBMITTED
        )
        return Q(Exists(done))

    # What each unit owes, as SQL conditions: built only when the nearest rows do not
    # name the first pending (building and compiling them costs more than the counts).
    def pending_registration() -> dict[int, Q]:
        return {u.pk: Q(issuer_id__in=above[u.pk]) & ~registered(u.pk) for u in units}

    def pending_report() -> dict[int, Q]:
        return {u.pk: Q(campaign__issuer_id__in=above[u.pk]) & ~reported(u.pk) for u in units}

    open_campaigns = (
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED, issuer_id__in=issuers)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=today))
    )
    periods = ReportPeriod.objects.filter(
        campaign__status__in=REPORTING, campaign__issuer_id__in=issuers
    )
    orders = {
        "registrations": (
            F("registration_deadline").asc(nulls_last=True),
            F("end_date").asc(nulls_last=True),
        ),
        "reports": (F("due_on"),),
    }
    kinds = {
        "registrations": (
            open_campaigns.select_related("issuer", "document_type").defer(*LIST_DEFERRED),
            pending_registration,
            {
                "issuer": "issuer_id",
                "done": Registration.objects.submitted(),
                "target": "campaign",
            },
        ),
        "reports": (
            periods.select_related("campaign__issuer", "campaign__document_type").defer(
                *(f"campaign__{name}" for name in LIST_DEFERRED)
            ),
            pending_report,
            {
                "issuer": "campaign__issuer_id",
                "done": ResultReport.objects.filter(status=ResultReport.Status.SUBMITTED),
                "target": "period",
            },
        ),
    }
    counts = {"registrations": 0, "reports": 0}
    firsts: dict[str, list] = {"registrations": [], "reports": []}
    for key, (rows, pending, fields) in kinds.items():
        if not units:
            continue
        counts[key], firsts[key] = _pending_pairs(units, above, rows, order=orders[key], **fields)
        if len(firsts[key]) >= min(counts[key], PENDING_SHOWN):
            continue
        # the nearest rows held fewer than the first PENDING_SHOWN: ask SQL
        owed = pending()
        shown = rows.filter(reduce(operator.or_, owed.values())).annotate(
            **{f"todo_{pk}": Case(When(c, then=1), default=0) for pk, c in owed.items()}
        )
        firsts[key] = [
            (row, unit)
            for row in shown.order_by(*orders[key], "pk")[:PENDING_SHOWN]
            for unit in units
            if getattr(row, f"todo_{unit.pk}")
        ][:PENDING_SHOWN]
    # Nothing owed: say whether anything is open at all, so that a unit which had nothing
    # to register for is not told it registered everything (decision 0048).
    idle = units and not counts["registrations"] and not counts["reports"]
    return {
        "open_campaigns": bool(idle and open_campaigns.exists()),
        "open_periods": bool(
            idle and periods.filter(campaign__in=open_campaigns.values("pk")).exists()
        ),
        "report_periods": bool(idle and periods.exists()),
        "registrations": firsts["registrations"],
        "registrations_count": counts["registrations"],
        "reports": firsts["reports"],
        "reports_count": counts["reports"],
    }
