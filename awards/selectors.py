"""Reads of the awards cycle, limited to what each user may see."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from units.access import (
    council_bodies,
    holds_office,
    office_bodies,
    office_record_bodies,
    unit_bodies,
    units_below,
)
from units.text import search_q, search_terms

from .models import AwardGrant, AwardType, CouncilSession, Decision, Nomination

RELATED = (
    "award_type",
    "nominee_person__unit",
    "nominee_unit",
    "nominating_unit",
    "issuer",
    "campaign",
)


def _unit_ids(user) -> set[int]:
    """Units whose nominations the user prepares: their units and the units below, and
    the issuing bodies where they are standing office (nominations the body itself makes,
    e.g. drafted from a bloc ranking)."""
    return units_below(unit_bodies(user)) | set(office_bodies(user).values_list("pk", flat=True))


def nominations_of_units(user) -> QuerySet[Nomination]:
    """Nominations made by the user's units and the units below them."""
    return Nomination.objects.filter(nominating_unit_id__in=_unit_ids(user)).select_related(
        *RELATED
    )


def nominations_to_appraise(user, filters: dict | None = None) -> QuerySet[Nomination]:
    """The standing office's inbox: nominations its issuing bodies decide."""
    filters = filters or {}
    queryset = Nomination.objects.filter(issuer__in=office_bodies(user)).exclude(
        status=Nomination.Status.DRAFT
    )
    if filters.get("unit"):  # words of the unit's name, with or without diacritics
        queryset = queryset.filter(search_q(filters["unit"], "nominating_unit__search_text"))
    if filters.get("award_type"):
        queryset = queryset.filter(award_type=filters["award_type"])
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    return queryset.select_related(*RELATED).order_by("-updated_at", "-pk")


def visible_nomination(user, pk: int) -> tuple[Nomination, bool, bool]:
    """A nomination the user may open, with (is unit staff, is office); 404 otherwise."""
    nomination = get_object_or_404(Nomination.objects.select_related(*RELATED), pk=pk)
    is_unit = nomination.nominating_unit_id in _unit_ids(user)
    is_office = (
        bool(nomination.issuer_id)
        and nomination.status != Nomination.Status.DRAFT
        and holds_office(user, nomination.issuer)
    )
    on_agenda = nomination.agenda_items.filter(
        session__seats__user=user, session__issuer__in=council_bodies(user)
    ).exists()
    if not (is_unit or is_office or on_agenda):
        from django.http import Http404

        raise Http404
    return nomination, is_unit, is_office


def sessions_for(user) -> QuerySet[CouncilSession]:
    return (
        CouncilSession.objects.filter(
            Q(issuer__in=office_bodies(user)) | Q(issuer__in=council_bodies(user), seats__user=user)
        )
        .distinct()
        .select_related("issuer")
    )


def decisions_for_office(user) -> QuerySet[Decision]:
    """Decisions of the user's standing-office bodies and of the bodies merged into them."""
    return Decision.objects.filter(issuer__in=office_record_bodies(user)).select_related("issuer")


def public_decisions() -> QuerySet[Decision]:
    return Decision.objects.filter(status=Decision.Status.ISSUED).select_related("issuer")


HONOUR_ROLL_RELATED = ("award_type", "person", "unit", "awardee_unit", "decision__issuer")
HONOUR_ROLL_ORDER = ("-year", "award_type__order", "pk")


def honour_roll(
    query: str | None = None, year: int | None = None, award_type_id: int | None = None
) -> QuerySet[AwardGrant]:
    """Who was honoured by issued decisions; diacritic-free search on name or unit."""
    queryset = AwardGrant.objects.filter(
        decision__status=Decision.Status.ISSUED,
        revocation__isnull=True,  # thu hồi: off the roll
    )
    if search_terms(query):
        queryset = queryset.filter(search_q(query))
    if year:
        queryset = queryset.filter(year=year)
    if award_type_id:
        queryset = queryset.filter(award_type_id=award_type_id)
    return queryset.select_related(*HONOUR_ROLL_RELATED).order_by(*HONOUR_ROLL_ORDER)


def honour_roll_page(
    query: str | None = None,
    year: int | None = None,
    award_type_id: int | None = None,
    *,
    number: str | int | None = None,
    per_page: int = 50,
) -> Page:
    """One page of the honour roll in three cheap queries: the count, the page's ids
    (sorted on the grant and its award type only), then those rows with everything
    they show. Sorting the rows with their six joins read the whole year first."""
    ids = honour_roll(query, year, award_type_id).select_related(None).values_list("pk", flat=True)
    page = Paginator(ids, per_page).get_page(number)
    page_ids = list(page.object_list)
    rows = AwardGrant.objects.select_related(*HONOUR_ROLL_RELATED).in_bulk(page_ids)
    page.object_list = [rows[pk] for pk in page_ids if pk in rows]
    return page


def honour_roll_award_types() -> QuerySet[AwardType]:
    """Award types with at least one grant on the honour roll (for its filter).

    EXISTS per type reads one index entry each; a join with DISTINCT sorted every
    grant with all of the type's columns."""
    on_roll = AwardGrant.objects.filter(
        award_type=OuterRef("pk"), decision__status=Decision.Status.ISSUED, revocation__isnull=True
    )
    return AwardType.objects.filter(Exists(on_roll), archived=False)
