"""Writes to the organisation tree and to staff roles. Each runs in one transaction."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Membership, Person, Unit


def _stamp_archive(obj, *, by: AbstractBaseUser | None, reason: str) -> None:
    obj._history_user = by  # models with a history name who did it and why
    obj._change_reason = reason
    obj.archived = True
    obj.archived_on = timezone.now()
    obj.archived_by = by
    obj.archived_reason = reason
    obj.save(update_fields=["archived", "archived_on", "archived_by", "archived_reason"])


@transaction.atomic
def unit_archive(*, unit: Unit, by: AbstractBaseUser | None, reason: str) -> Unit:
    """Lưu trữ: retire a unit. Its history stays; it leaves active lists."""
    if not reason.strip():
        raise ValidationError("Cần ghi lý do lưu trữ đơn vị.")
    if unit.archived:
        raise ValidationError(f"Đơn vị “{unit.name}” đã được lưu trữ trước đó.")
    if unit.children.filter(archived=False).exists():
        raise ValidationError(
            f"Đơn vị “{unit.name}” còn đơn vị trực thuộc đang hoạt động: "
            "hãy chuyển hoặc sáp nhập các đơn vị đó trước."
        )
    _stamp_archive(unit, by=by, reason=reason.strip())
    return unit


@transaction.atomic
def unit_merge(*, source: Unit, target: Unit, by: AbstractBaseUser | None, reason: str) -> Unit:
    """Sáp nhập: merge `source` into `target`.

    Active sub-units, people and staff roles move to the target; the source is
    archived with `merged_into` set. Records that point at the source (award
    history, campaigns it issued) keep pointing at it, so nothing is lost.
    """
    if source.pk == target.pk:
        raise ValidationError("Không thể sáp nhập một đơn vị vào chính nó.")
    if source.archived:
        raise ValidationError(f"Đơn vị “{source.name}” đã được lưu trữ.")
    if target.archived:
        raise ValidationError(f"Đơn vị nhận sáp nhập “{target.name}” đã được lưu trữ.")
    if source.pk in {u.pk for u in target.ancestors()}:
        raise ValidationError("Không thể sáp nhập một đơn vị vào đơn vị trực thuộc của nó.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do sáp nhập (ví dụ: số quyết định sắp xếp).")

    for child in source.children.filter(archived=False):
        child.parent = target
        child.save(update_fields=["parent", "updated_at"])
    for person in Person.objects.filter(unit=source, archived=False):
        person.unit = target
        person.save(update_fields=["unit", "updated_at", "search_text"])
    for membership in Membership.objects.filter(unit=source, archived=False):
        duplicate = Membership.objects.filter(
            user=membership.user, unit=target, role=membership.role, archived=False
        ).exists()
        if duplicate:
            _stamp_archive(membership, by=by, reason=f"Sáp nhập vào {target.name}")
        else:
            membership.unit = target
            membership._history_user = by
            membership._change_reason = f"Sáp nhập {source.name} vào {target.name}"
            membership.save(update_fields=["unit", "updated_at"])

    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    _stamp_archive(source, by=by, reason=reason.strip())
    return source


@transaction.atomic
def person_archive(*, person: Person, by: AbstractBaseUser | None, reason: str) -> Person:
    """Lưu trữ cá nhân: the person leaves active lists; awards and nominations stay."""
    if not reason.strip():
        raise ValidationError("Cần ghi lý do lưu trữ (ví dụ: nghỉ hưu, chuyển công tác).")
    if person.archived:
        raise ValidationError(f"“{person.full_name}” đã được lưu trữ trước đó.")
    _stamp_archive(person, by=by, reason=reason.strip())
    return person


def _ensure_may(actor: AbstractBaseUser, permission: str, message: str) -> None:
    if not (actor.is_active and actor.has_perm(permission)):
        raise PermissionDenied(message)


def membership_grant_problem(*, user: AbstractBaseUser, unit: Unit, role: str) -> str | None:
    """Why this role cannot be given (for forms to show before granting), or None."""
    if role not in Membership.Role.values:
        return f"Vai trò “{role}” không hợp lệ."
    if unit.archived:
        return f"Đơn vị “{unit.name}” đã được lưu trữ: không giao vai trò được."
    if Membership.objects.filter(user=user, unit=unit, role=role, archived=False).exists():
        return f"“{user}” đã có vai trò “{Membership.Role(role).label}” tại {unit.name}."
    return None


@transaction.atomic
def membership_grant(
    *, actor: AbstractBaseUser, user: AbstractBaseUser, unit: Unit, role: str
) -> Membership:
    """Giao vai trò: give `user` the `role` at `unit`; the history names the actor."""
    _ensure_may(actor, "units.add_membership", "Bạn không có quyền giao vai trò.")
    if problem := membership_grant_problem(user=user, unit=unit, role=role):
        raise ValidationError(problem)
    membership = Membership(user=user, unit=unit, role=role)
    membership._history_user = actor
    membership._change_reason = "Giao vai trò"
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:  # granted by someone else meanwhile
        raise ValidationError(membership_grant_problem(user=user, unit=unit, role=role)) from exc
    return membership


@transaction.atomic
def membership_revoke(
    *, actor: AbstractBaseUser, membership: Membership, reason: str
) -> Membership:
    """Thu hồi vai trò: the role is archived (never deleted), with who, when and why;
    the history keeps it too."""
    _ensure_may(actor, "units.change_membership", "Bạn không có quyền thu hồi vai trò.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do thu hồi vai trò.")
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.archived:
        raise ValidationError(f"Vai trò “{membership}” đã được thu hồi trước đó.")
    _stamp_archive(membership, by=actor, reason=reason.strip())
    return membership
