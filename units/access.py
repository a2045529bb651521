"""Who may act where: every permission check reads memberships, never a URL id alone."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .models import Membership, Unit, descendant_ids_of, lineage_ids_of


def bodies_with_role(user: AbstractBaseUser | AnonymousUser, role: str) -> QuerySet[Unit]:
    """Active units where the user holds `role`. Superusers hold every role everywhere."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.active()
    return (
        Unit.objects.active()
        .filter(memberships__user=user, memberships__role=role, memberships__archived=False)
        .distinct()
    )


def office_bodies(user) -> QuerySet[Unit]:
    """Issuing bodies whose campaigns the user manages as standing-office staff."""
    return bodies_with_role(user, Membership.Role.OFFICE_STAFF).filter(is_issuing_body=True)


def office_record_bodies(user) -> QuerySet[Unit]:
    """Issuing bodies whose records the user reads as standing office: their own, and the
    units merged into them (the 2025 reform: a successor carries on its predecessors'
    campaigns and decisions). Read only: writes check `holds_office`, which an archived
    body never passes."""
    return Unit.objects.filter(pk__in=office_record_ids(user))


def office_ids(user) -> list[int]:
    """The ids of `office_bodies`, sorted (a literal list in SQL: see `office_record_ids`)."""
    return sorted(office_bodies(user).values_list("pk", flat=True))


def office_record_ids(user, own: Iterable[int] | None = None) -> list[int]:
    """The ids of `office_record_bodies`, sorted: a literal list in SQL lets PostgreSQL
    estimate how many rows of a large table they cover (a subquery over units is
    guessed at 1 % of the rows, and a superuser's 20,021 campaigns were then read whole
    and sorted for a page of 50: decision 0025). `own`: the user's `office_ids`, when
    the caller has read them already."""
    return sorted(lineage_ids_of(office_ids(user) if own is None else own))


def holds_office(user, issuer: Unit | None) -> bool:
    """Is the user standing-office staff (Phòng/Sở Nội vụ) of this issuing body?"""
    return issuer is not None and office_bodies(user).filter(pk=issuer.pk).exists()


def ensure_office(
    user,
    issuer: Unit | None,
    message: str = "Bạn không thuộc cơ quan thường trực của cơ quan ban hành này.",
) -> None:
    """PermissionDenied unless the user is standing office of `issuer`."""
    if not holds_office(user, issuer):
        raise PermissionDenied(message)


def units_below(bodies: Iterable[Unit] | QuerySet[Unit]) -> set[int]:
    """Ids of the given units and every unit below them, in one walk of the tree (a
    queryset of bodies is read by the database inside that walk, not loaded first)."""
    if isinstance(bodies, QuerySet):
        return descendant_ids_of(bodies)
    return descendant_ids_of(body.pk for body in bodies)


def user_memberships(user) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.active().filter(user=user).select_related("unit")


def unit_bodies(user) -> QuerySet[Unit]:
    """Units whose nominations the user prepares (unit staff)."""
    return bodies_with_role(user, Membership.Role.UNIT_STAFF)


def council_bodies(user) -> QuerySet[Unit]:
    """Issuing bodies whose Emulation and Commendation Council the user sits on."""
    return bodies_with_role(user, Membership.Role.COUNCIL_MEMBER)


def leader_bodies(user) -> QuerySet[Unit]:
    """Issuing bodies the user leads (Chủ tịch, Phó Chủ tịch UBND: the decision's signer and
    the council's chair)."""
    return bodies_with_role(user, Membership.Role.LEADER).filter(is_issuing_body=True)


def issuing_body_of(unit: Unit) -> Unit | None:
    """The issuing body whose council decides this unit's nominations: the unit itself
    if it issues documents, else the nearest issuing body above it."""
    node = unit
    while node is not None:
        if node.is_issuing_body:
            return node
        node = node.parent
    return None
