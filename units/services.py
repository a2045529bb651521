"""Writes to the organisation tree and to staff roles. Each runs in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Membership, Person, Unit, ended_on_problem, merged
from .text import fold


def archive_stamp(obj, *, by: AbstractBaseUser | None, reason: str) -> None:
    """Archive `obj` (never delete it): who, when and why, in its history too."""
    obj._history_user = by  # models with a history name who did it and why
    obj._change_reason = reason
    obj.archived = True
    obj.archived_on = timezone.now()
    obj.archived_by = by
    obj.archived_reason = reason
    obj.save(update_fields=["archived", "archived_on", "archived_by", "archived_reason"])


def _last_day(ended_on: datetime.date | None) -> datetime.date:
    """A dissolved unit's last day (`Unit.ended_on`): the reorganisation's, else today."""
    if ended_on is None:
        return timezone.localdate()
    if problem := ended_on_problem(ended_on):
        raise ValidationError(problem)
    return ended_on


def _end(unit: Unit, ended_on: datetime.date) -> None:
    unit.ended_on = ended_on
    unit.save(update_fields=["ended_on", "updated_at"])


@transaction.atomic
def unit_archive(
    *,
    unit: Unit,
    by: AbstractBaseUser | None,
    reason: str,
    ended_on: datetime.date | None = None,
) -> Unit:
    """Lưu trữ: retire a unit. Its history stays; it leaves active lists. `ended_on` is its
    last day (default today)."""
    last_day = _last_day(ended_on)
    if not reason.strip():
        raise ValidationError("Cần ghi lý do lưu trữ đơn vị.")
    if unit.archived:
        raise ValidationError(f"Đơn vị “{unit.name}” đã được lưu trữ trước đó.")
    if unit.children.filter(archived=False).exists():
        raise ValidationError(
            f"Đơn vị “{unit.name}” còn đơn vị trực thuộc đang hoạt động: "
            "hãy chuyển hoặc sáp nhập các đơn vị đó trước."
        )
    _end(unit, last_day)
    archive_stamp(unit, by=by, reason=reason.strip())
    return unit


@transaction.atomic
def unit_merge(
    *,
    source: Unit,
    target: Unit,
    by: AbstractBaseUser | None,
    reason: str,
    ended_on: datetime.date | None = None,
) -> Unit:
    """Sáp nhập: merge `source` into `target`.

    Active sub-units, people and staff roles move to the target; the source is
    archived with `merged_into` set and `ended_on`, its last day (the reorganisation's,
    default today: 30/06/2025 for the 2025 reform). Records that point at the source
    (award history, campaigns it issued) keep pointing at it, so nothing is lost; its
    open work (nominations not yet decided) carries on at the target (`merged`).
    """
    last_day = _last_day(ended_on)
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
            archive_stamp(membership, by=by, reason=f"Sáp nhập vào {target.name}")
        else:
            membership.unit = target
            membership._history_user = by
            membership._change_reason = f"Sáp nhập {source.name} vào {target.name}"
            membership.save(update_fields=["unit", "updated_at"])

    source.merged_into = target
    source.ended_on = last_day
    source.save(update_fields=["merged_into", "ended_on", "updated_at"])
    archive_stamp(source, by=by, reason=reason.strip())
    # the open work of the old unit carries on at the target (awards: decision 0067)
    merged.send(sender=Unit, source=source, target=target, by=by, reason=reason.strip())
    return source


@transaction.atomic
def person_archive(*, person: Person, by: AbstractBaseUser | None, reason: str) -> Person:
    """Lưu trữ cá nhân: the person leaves active lists; awards and nominations stay."""
    if not reason.strip():
        raise ValidationError("Cần ghi lý do lưu trữ (ví dụ: nghỉ hưu, chuyển công tác).")
    if person.archived:
        raise ValidationError(f"“{person.full_name}” đã được lưu trữ trước đó.")
    archive_stamp(person, by=by, reason=reason.strip())
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
    archive_stamp(membership, by=actor, reason=reason.strip())
    return membership


@dataclass
class DivisionsLoaded:
    """What `divisions_load` did: the province unit, and the codes created or updated."""

    province: Unit
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0


def _free_code(base: str, admin_code: str) -> str:
    if not Unit.objects.filter(code=base).exists():
        return base
    return f"{base}-{admin_code}"


def _apply(unit: Unit, values: dict, result: DivisionsLoaded) -> Unit:
    """Create the unit, or update the fields that differ; an unchanged unit is not
    saved, so running the load again changes nothing (not even `updated_at`)."""
    if unit.pk is None:
        for name, value in values.items():
            setattr(unit, name, value)
        unit.save()
        result.created.append(unit.admin_code)
        return unit
    changed = [name for name, value in values.items() if getattr(unit, name) != value]
    if changed:
        for name in changed:
            setattr(unit, name, values[name])
        unit.save(update_fields=[*changed, "updated_at"])
        result.updated.append(unit.admin_code)
    else:
        result.unchanged += 1
    return unit


@transaction.atomic
def divisions_load(*, province_name: str) -> DivisionsLoaded:
    """Nạp danh mục ĐVHC: create or update the province's People's Committee and those of
    its communes and wards, with their official codes, from the installed package.

    A unit is found by its official code; the province's committee, the first time, also
    by its name ("UBND tỉnh Lai Châu"), so an existing tree gets the code rather than a
    twin. Only the official facts are written (name, code, level, kind, locality); a new
    commune sits under the province. Units that users archived or moved stay as they are.
    """
    from .divisions import province_find, province_names, wards_of

    province = province_find(province_name)
    if province is None:
        raise ValidationError(
            f"Không có tỉnh, thành phố “{province_name}” trong danh mục. "
            f"Các tên hợp lệ: {', '.join(province_names())}."
        )
    bare = province.name.removeprefix("Thành phố ")
    committee = f"UBND {'tỉnh' if province.division_type == 'tỉnh' else 'thành phố'} {bare}"
    unit = Unit.objects.filter(admin_code=province.admin_code).first()
    if unit is None:
        unit = (
            Unit.objects.filter(
                admin_code="", level=Unit.Level.PROVINCE, kind=Unit.Kind.PEOPLES_COMMITTEE
            )
            .filter(name=committee)
            .first()
        ) or Unit(
            code=_free_code(f"ubnd-{slugify(fold(committee[5:]))}", province.admin_code),
            short_name=committee.rsplit(" ", len(bare.split()))[0],
            is_issuing_body=True,
            locality=bare,
        )
    result = DivisionsLoaded(province=unit)
    values = {
        "name": unit.name if unit.pk else committee,
        "admin_code": province.admin_code,
        "level": Unit.Level.PROVINCE,
        "kind": Unit.Kind.PEOPLES_COMMITTEE,
    }
    result.province = _apply(unit, values, result)

    existing = {
        u.admin_code: u
        for u in Unit.objects.filter(admin_code__in=[w.admin_code for w in wards_of(province)])
    }
    for ward in wards_of(province):
        unit = existing.get(ward.admin_code) or Unit(
            code=_free_code(f"ubnd-{slugify(fold(ward.name))}", ward.admin_code),
            parent=result.province,
            # Since 1/7/2025 the commune's committee launches campaigns and grants
            # Giấy khen itself (Law 06/2022 as amended; Decree 152/2025).
            is_issuing_body=True,
        )
        values = {
            "name": ward.committee_name,
            "short_name": ward.committee_name,
            "admin_code": ward.admin_code,
            "level": Unit.Level.COMMUNE,
            "kind": Unit.Kind.PEOPLES_COMMITTEE,
            "locality": ward.bare_name,
        }
        _apply(unit, values, result)
    return result


@transaction.atomic
def unit_move(*, unit: Unit, parent: Unit, by: AbstractBaseUser | None, reason: str) -> Unit:
    """Chuyển đơn vị: put `unit` under another parent (an enterprise whose district is
    gone moves under its new commune). Its records stay with it."""
    if not reason.strip():
        raise ValidationError("Cần ghi lý do chuyển đơn vị.")
    if parent.archived:
        raise ValidationError(f"Đơn vị cấp trên “{parent.name}” đã được lưu trữ.")
    if parent.pk == unit.pk or parent.pk in unit.descendant_ids():
        raise ValidationError("Không thể chuyển một đơn vị vào chính nó hay đơn vị trực thuộc nó.")
    unit.parent = parent
    unit.save(update_fields=["parent", "updated_at"])
    return unit


def _depth(unit: Unit) -> int:
    return len(unit.ancestors())


@transaction.atomic
def units_reorganise(
    *,
    actor: AbstractBaseUser | None,
    mapping: Iterable[tuple[Unit, Unit]],
    reason: str,
    ended_on: datetime.date | None = None,
) -> list[Unit]:
    """Sắp xếp đơn vị hành chính: merge each old unit into its successor, all in one
    transaction (one bad pair and nothing is written).

    Each merge is `unit_merge`: the old unit is archived with `merged_into` set; its
    active people, staff roles and sub-units move to the successor, because they now
    work there; its campaigns, nominations, decisions and award grants keep pointing at
    it, so they read as they were issued, and eligibility follows `merged_into`.
    The deepest units go first, so a commune is merged before its old district.
    `ended_on` is the old units' last day (the day before the reorganisation took effect).
    """
    if actor is not None and not (actor.is_active and actor.has_perm("units.change_unit")):
        raise PermissionDenied("Bạn không có quyền sắp xếp đơn vị.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do (ví dụ: số nghị quyết sắp xếp đơn vị hành chính).")
    pairs = list(mapping)
    sources = [source.pk for source, _ in pairs]
    if len(set(sources)) != len(sources):
        raise ValidationError("Một đơn vị cũ chỉ được sáp nhập vào một đơn vị.")
    done = []
    for source, target in sorted(pairs, key=lambda pair: -_depth(pair[0])):
        source.refresh_from_db()
        target.refresh_from_db()
        try:
            done.append(
                unit_merge(source=source, target=target, by=actor, reason=reason, ended_on=ended_on)
            )
        except ValidationError as error:  # say which unit, when several are merged
            raise ValidationError([f"{source.name}: {m}" for m in error.messages]) from error
    return done


@transaction.atomic
def name_key(full_name: str) -> str:
    """A person's name as two namesakes share it: accents, case and spacing aside."""
    return fold(" ".join(full_name.split()))


def namesakes(unit: Unit, full_name: str) -> list[Person]:
    """The unit's people (not archived) of this name, accents, case and spacing aside."""
    wanted = name_key(full_name)
    return [
        person
        for person in Person.objects.filter(unit=unit, archived=False).order_by("pk")
        if name_key(person.full_name) == wanted
    ]


def person_find_or_create(
    *,
    actor: AbstractBaseUser,
    full_name: str,
    unit: Unit,
    gender: str,
    birth_year: int | None = None,
    position: str = "",
) -> tuple[Person, bool]:
    """A person typed in where a nomination is written: the one already in `unit` with the
    same name (accents, case and spacing aside) and birth year, else a new one. Returns
    (person, created). The caller checks that the actor may nominate within `unit`."""
    name = " ".join(full_name.split())
    for person in namesakes(unit, name):
        if person.birth_year == birth_year:
            return person, False
    person = Person(
        full_name=name, unit=unit, gender=gender, birth_year=birth_year, position=position.strip()
    )
    person.full_clean()
    person._history_user = actor
    person.save()
    return person, True
