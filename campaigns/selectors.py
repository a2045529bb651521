"""Reads of campaigns, shaped for the pages that show them."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from units.access import (
    office_ids,
    office_record_bodies,
    office_record_ids,
    unit_bodies,
    user_memberships,
)
from units.models import ancestors_of
from units.text import rank_marked, search_q, search_terms

from .models import LIST_DEFERRED, Attachment, Campaign, ContentItem, ImportedDocument
from .results.models import ResultReport
from .results.selectors import unit_pending

DOCUMENT_PREFETCH = (
    Prefetch("items", queryset=ContentItem.objects.order_by("order", "pk")),
    "anniversaries",
    "recipients",
    "distribution",
    "references__linked_campaign",
)
DOCUMENT_RELATED = ("issuer", "issuer__parent", "document_type", "parent", "parent__issuer")


def public_campaign_list(filters: dict | None = None) -> QuerySet[Campaign]:
    """Published campaigns for the portal, newest first, filtered; a fixed number of queries.

    filters: q (words, diacritics ignored), issuer (a Unit: it and every unit
    below it), year (issued or running that year), kind (regular, thematic or
    special), status ("dang-dien-ra" or "da-ket-thuc").
    """
    queryset = (
        Campaign.objects.public()
        .select_related("issuer__merged_into", "document_type")
        .defer(*LIST_DEFERRED)
        .newest_first()
    )
    return apply_filters(queryset, filters or {})


def apply_filters(queryset: QuerySet[Campaign], filters: dict) -> QuerySet[Campaign]:
    queryset = search(queryset, filters.get("q"))
    if issuer := filters.get("issuer"):
        queryset = queryset.filter(issuer_id__in=issuer.descendant_ids())
    if year := filters.get("year"):
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        queryset = queryset.filter(
            Q(sort_date__year=year)
            | Q(start_date__lte=last, end_date__gte=first)
            | Q(start_date__isnull=True, sort_date__lte=last, end_date__gte=first)
            | Q(start_date__isnull=True, sort_date__isnull=True, end_date__year=year)
        )
    kind = filters.get("kind")
    if kind == "special":
        queryset = queryset.filter(is_special=True)
    elif kind:
        queryset = queryset.filter(kind=kind)
    today = timezone.localdate()
    if filters.get("status") == "dang-dien-ra":
        queryset = queryset.filter(status=Campaign.Status.PUBLISHED).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )
    elif filters.get("status") == "da-ket-thuc":
        queryset = queryset.filter(
            Q(status__in=[Campaign.Status.CLOSED, Campaign.Status.SUMMARISED])
            | Q(status=Campaign.Status.PUBLISHED, end_date__lt=today)
        )
    return queryset


def search(queryset: QuerySet[Campaign], query: str | None) -> QuerySet[Campaign]:
    """Diacritic- and case-blind: every word of the query, each at the start of a word;
    the campaigns written with the query's diacritics first (`rank_marked`)."""
    if not search_terms(query):
        return queryset
    return rank_marked(queryset.filter(search_q(query)), query)


def public_years() -> list[int]:
    """Years from the earliest to the latest published campaign, newest first."""
    bounds = Campaign.objects.public().aggregate(
        first=Min("sort_date"), last=Max("sort_date"), last_end=Max("end_date")
    )
    dates = [d for d in bounds.values() if d]
    if not dates:
        return []
    return list(range(max(d.year for d in dates), min(d.year for d in dates) - 1, -1))


def public_campaign_detail(pk: int) -> Campaign:
    """One published campaign with everything its document shows; 404 otherwise."""
    public_files = Attachment.objects.filter(is_public=True, archived=False)
    queryset = (
        Campaign.objects.public()
        .select_related(*DOCUMENT_RELATED, "issuer__merged_into")
        .prefetch_related(
            *DOCUMENT_PREFETCH,
            Prefetch("attachments", queryset=public_files, to_attr="public_attachments"),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def public_children(campaign: Campaign) -> QuerySet[Campaign]:
    """Campaigns launched by lower levels in answer to this one."""
    return public_campaign_list().filter(parent=campaign)


# Staff workspace -----------------------------------------------------------


def staff_campaigns(user, bodies: list[int] | None = None) -> QuerySet[Campaign]:
    """Campaigns of the issuing bodies where the user is standing-office staff, and of
    the bodies merged into them (`bodies`: their ids, when already read)."""
    return (
        Campaign.objects.filter(issuer_id__in=office_record_ids(user) if bodies is None else bodies)
        .select_related("issuer", "document_type")
        .newest_first()
    )


def staff_campaign_detail(user, pk: int) -> Campaign:
    """One campaign the user manages, with its whole document; 404 for anyone else. With
    the body its issuer was merged into, which the read-only pages name
    (Campaign.read_only_text); the public pages name it beside the issuer (decision 0080)."""
    queryset = (
        Campaign.objects.filter(issuer__in=office_record_bodies(user))
        .select_related(
            *DOCUMENT_RELATED,
            "issuer__merged_into",
            "published_by",
            "withdrawn_by",
            "copied_from",
        )
        .prefetch_related(*DOCUMENT_PREFETCH)
    )
    return get_object_or_404(queryset, pk=pk)


TODO_SHOWN = 10  # the dashboard names this many campaigns of each kind of pending work
OVERDUE = "qua-han"  # the dashboard's filter for running campaigns past their end date


UNITS_PENDING = 10  # the dashboard reads the pending work of this many of a user's units


def unit_tracking_pending(user) -> dict | None:
    """Unit staff: registrations and reports their units owe (results.selectors.unit_pending)
    for the first UNITS_PENDING of their units by name, as the units page shows them;
    None for a user who is no unit's staff."""
    units = list(unit_bodies(user).order_by("name", "pk")[: UNITS_PENDING + 1])
    if not units:
        return None
    pending = unit_pending(units[:UNITS_PENDING])
    # A report the office returned is owed again: say so, and why (one query for those
    # shown), or it reads as one never sent and the reason is a click away.
    shown = pending["reports"]
    returned = {}
    if shown:
        rows = ResultReport.objects.filter(
            status=ResultReport.Status.RETURNED,
            period_id__in={period.pk for period, _ in shown},
            unit_id__in={unit.pk for _, unit in shown},
        ).values_list("period_id", "unit_id", "return_reason")
        returned = {(period_id, unit_id): reason for period_id, unit_id, reason in rows}
    pending["reports"] = [
        (period, unit, returned.get((period.pk, unit.pk))) for period, unit in shown
    ]
    return {**pending, "more_units": len(units) > UNITS_PENDING}


def launches_to_answer(own_ids: list[int]) -> QuerySet[Campaign]:
    """Campaigns running now, launched by a body above the user's own (so addressed to
    them), that none of those bodies has answered with a campaign of its own (a draft
    counts; a withdrawn one does not): what a ward's office should launch next.
    One query per level of the tree above the bodies, then one."""
    above = set().union(*ancestors_of(own_ids).values()) if own_ids else set()
    answered = Campaign.objects.filter(parent=OuterRef("pk"), issuer_id__in=own_ids).exclude(
        status=Campaign.Status.WITHDRAWN
    )
    return (
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED, issuer_id__in=above)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=timezone.localdate()))
        .exclude(Exists(answered))
        .select_related("issuer", "document_type")
        .defer(*LIST_DEFERRED)
        .newest_first()
    )


def staff_dashboard(user, filters: dict | None = None) -> dict:
    """What the dashboard shows: roles, what needs action (how many of each kind, and the
    newest few), and the user's campaigns, filtered (q: words; status: a status or
    OVERDUE); the view cuts the list into pages. A fixed number of queries at any size."""
    filters = filters or {}
    own_ids = office_ids(user)
    bodies = office_record_ids(user, own_ids)
    campaigns = staff_campaigns(user, bodies).defer(*LIST_DEFERRED)
    overdue = Q(status=Campaign.Status.PUBLISHED, end_date__lt=timezone.localdate())
    # work is asked only on the user's own bodies' campaigns: those of bodies merged into
    # them are read only (decision 0008), so nobody could act on them
    own = Q(issuer_id__in=own_ids)
    pending = [
        (Campaign.Status.DRAFT, "Dự thảo chờ phát động", Q(status=Campaign.Status.DRAFT)),
        (OVERDUE, "Đã hết thời gian: cần kết thúc", overdue),
        (Campaign.Status.CLOSED, "Đã kết thúc: cần tổng kết", Q(status=Campaign.Status.CLOSED)),
    ]
    counts = campaigns.order_by().aggregate(
        total=Count("pk"),
        **{status: Count("pk", filter=Q(status=status)) for status, _ in Campaign.Status.choices},
        **{OVERDUE: Count("pk", filter=overdue)},
        **{f"todo-{key}": Count("pk", filter=condition & own) for key, _, condition in pending},
    )
    todo = [
        {
            "key": key,
            "label": label,
            "count": counts[f"todo-{key}"],
            "campaigns": list(campaigns.filter(condition & own)[:TODO_SHOWN]),
        }
        for key, label, condition in pending
    ]
    to_answer = launches_to_answer(own_ids)
    answer = list(to_answer[: TODO_SHOWN + 1])
    listed = search(campaigns, filters.get("q"))
    status = filters.get("status")
    if status == OVERDUE:
        listed = listed.filter(overdue)
    elif status:
        listed = listed.filter(status=status)
    return {
        "memberships": list(user_memberships(user)),
        "unit_work": unit_tracking_pending(user),
        "today": timezone.localdate(),
        # the bodies' records include the bodies themselves: none without an office
        "is_office": bool(bodies),
        "counts": counts,
        "todo": todo,
        "to_answer": answer[:TODO_SHOWN],
        "to_answer_count": to_answer.count() if len(answer) > TODO_SHOWN else len(answer),
        "total": counts["total"],
        "campaigns": listed,
    }


def imports_pending(user, *, limit: int = 10) -> QuerySet[ImportedDocument]:
    """Nhập văn bản: the user's own imports not yet made into a draft (a scan being read,
    a document read and waiting for its review, one that could not be read), newest
    first, so the clerk who left the page finds them again (decision 0061); not those
    they discarded ("Bỏ": archived, decision 0063)."""
    pending = ImportedDocument.objects.filter(
        uploaded_by=user, campaign__isnull=True, archived=False
    )
    return pending.only(
        "pk", "original_name", "uploaded_at", "status", "scanned", "pages_done", "pages_total"
    )[:limit]


def import_earlier(imported: ImportedDocument) -> ImportedDocument | None:
    """The same file (by SHA-256) imported before by the same user and made into a draft:
    the review says so, not to make the same document twice (decision 0061)."""
    if not imported.sha256:
        return None
    return (
        ImportedDocument.objects.filter(
            uploaded_by_id=imported.uploaded_by_id,
            sha256=imported.sha256,
            campaign__isnull=False,
        )
        .exclude(pk=imported.pk)
        .select_related("campaign")
        .first()
    )
