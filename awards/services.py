"""Every step of the awards cycle: nominate, submit, appraise, vote, decide.

Each transition runs in one transaction, checks the actor and the state, writes
a NominationEvent (who, when, why) and tells the people concerned by email.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from units import access
from units.access import council_bodies, issuing_body_of, leader_bodies, unit_bodies
from units.documents import issued_document_freeze, issued_document_latest
from units.files import ALLOWED, store_upload
from units.mail import email_queue, site_link
from units.models import IssuedDocument, Membership, Unit, descendants_query, lineage_ids_of
from units.services import archive_stamp, namesakes, person_find_or_create
from units.symbols import decision_symbol_problem

from . import ballot_box, money, workflow
from .eligibility import award_year, duplicate_of, held_detail
from .models import (
    AgendaItem,
    AwardGrant,
    AwardType,
    BallotReceipt,
    CouncilSession,
    Decision,
    DocumentCounter,
    GrantRevocation,
    Nomination,
    NominationEvent,
    NominationFile,
    RecipientKind,
    SealedBallot,
    SessionMember,
    Submission,
    Vote,
)
from .money import vnd
from .money_models import Fund

logger = logging.getLogger(__name__)
Status = Nomination.Status
User = get_user_model()


# ---------------------------------------------------------------------------
# Who may act


def can_nominate_for(user, unit: Unit) -> bool:
    """Unit staff nominate for their unit and the units below it; the standing office
    submits what its own issuing body proposes (e.g. drafts from a bloc ranking)."""
    if access.holds_office(user, unit):
        return True
    return unit.pk in access.units_below(unit_bodies(user))


def ensure_unit_staff(user, nomination: Nomination) -> None:
    if not can_nominate_for(user, nomination.nominating_unit):
        raise PermissionDenied("Bạn không phải cán bộ của đơn vị đề nghị.")


def ensure_office(user, issuer: Unit | None) -> None:
    access.ensure_office(
        user, issuer, "Bạn không thuộc cơ quan thường trực của cơ quan xét khen thưởng."
    )


# ---------------------------------------------------------------------------
# Transitions


def _recipients(nomination: Nomination) -> list[str]:
    roles = Membership.objects.active().filter(
        unit=nomination.nominating_unit, role=Membership.Role.UNIT_STAFF
    )
    if nomination.issuer_id:
        roles = roles | Membership.objects.active().filter(
            unit=nomination.issuer_id, role=Membership.Role.OFFICE_STAFF
        )
    return sorted({m.user.email for m in roles.select_related("user") if m.user.email})


def _transition(
    nomination: Nomination, to: str, *, actor: AbstractBaseUser | None, note: str = ""
) -> Nomination:
    before = nomination.status
    nomination.status = to
    nomination.save(update_fields=["status", "updated_at"])
    NominationEvent.objects.create(
        nomination=nomination, by=actor, from_status=before, to_status=to, note=note
    )
    recipients = _recipients(nomination)
    if recipients:
        subject = f"[thidua] Đề nghị khen thưởng {nomination.nominee_name}: {Status(to).label}"
        body = (
            f"Đề nghị “{nomination.award_type.name}” cho {nomination.nominee_name} "
            f"({nomination.nominating_unit.name}) chuyển sang trạng thái: {Status(to).label}."
            + (f"\nGhi chú: {note}" if note else "")
            + "\nXem hồ sơ: "
            + site_link(reverse("awards:nomination_detail", args=[nomination.pk]))
            + "\n\nThư tự động từ hệ thống thidua."
        )
        email_queue(subject=subject, body=body, recipients=recipients)
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("award_type", "nominating_unit", "issuer")
        .get(pk=nomination.pk)
    )


def _fresh(nominations: Iterable[Nomination]) -> list[Nomination]:
    """The nominations as the database has them now (callers may hold stale copies)."""
    ids = [n.pk for n in nominations]
    found = (
        Nomination.objects.select_for_update(of=("self",)).select_related("award_type").in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]


def _check_nomination(*, actor: AbstractBaseUser, nomination: Nomination) -> None:
    """The rules of a nomination as a unit writes it, the same on creation and on every
    edit: who may nominate for the unit, whom it may nominate, under which campaign, and
    the model's own rules (one nominee, the award fits them, the simplified procedure
    only for unscheduled awards)."""
    if not can_nominate_for(actor, nomination.nominating_unit):
        raise PermissionDenied("Bạn chỉ đề nghị được cho đơn vị của mình và các đơn vị trực thuộc.")
    _check_scope(nomination)
    _check_title_once_a_year(nomination)


def _check_title_once_a_year(nomination: Nomination) -> None:
    """A title (danh hiệu thi đua) is held once a year: a unit does not propose it again
    for a nominee who already has it, or has a nomination for it still open. Said beside
    the nominee, naming the record, so the clerk opens that one instead."""
    if nomination.award_type.kind != AwardType.Kind.TITLE:
        return
    if getattr(nomination, "nominee_pending", False) and not nomination.nominee_person_id:
        return  # a person typed in, not yet created: no record to hold the title
    year = award_year(nomination)
    found = duplicate_of(nomination, year)
    if found is None:
        return
    award = nomination.award_type.name
    if isinstance(found, AwardGrant):
        message = (
            f"{nomination.nominee_name} đã được tặng “{award}” năm {year}"
            f"{held_detail(found)}: mỗi danh hiệu chỉ xét một lần trong năm."
        )
    else:
        message = (
            f"{nomination.nominee_name} đã có hồ sơ đề nghị “{award}” năm {year}"
            f"{held_detail(found)}: mỗi danh hiệu chỉ xét một lần trong năm. Mở hồ sơ đó "
            "để sửa, bổ sung; muốn lập lại thì rút hồ sơ đó trước."
        )
    field = {
        RecipientKind.INDIVIDUAL: "nominee_person",
        RecipientKind.COLLECTIVE: "nominee_unit",
    }.get(nomination.nominee_kind, "nominee_household")
    raise ValidationError({field: message})


def _check_scope(nomination: Nomination) -> None:
    """Whom a nomination may name and under which campaign, whoever writes it."""
    nominee_unit = nomination.nominee_unit or (
        nomination.nominee_person.unit if nomination.nominee_person_id else None
    )
    if nominee_unit and nominee_unit.pk not in nomination.nominating_unit.descendant_ids():
        raise ValidationError("Đối tượng được đề nghị phải thuộc đơn vị đề nghị.")
    if nomination.campaign_id:
        chain = {
            nomination.nominating_unit.pk,
            *(u.pk for u in nomination.nominating_unit.ancestors()),
        }
        # and the bodies merged into them: a draft a merged commune wrote under its
        # dissolved district's campaign stays editable at the successor (decision 0067)
        if nomination.campaign.issuer_id not in chain and (
            nomination.campaign.issuer_id not in lineage_ids_of(chain)
        ):
            raise ValidationError(
                {"campaign": "Chỉ đề nghị theo phong trào của cơ quan cấp trên của đơn vị."}
            )
    nomination.full_clean(exclude=["issuer", "decision"])


def _check_new_nominee(
    *,
    actor: AbstractBaseUser,
    nomination: Nomination,
    full_name: str,
    unit: Unit,
    gender: str,
    birth_year: int | None = None,
    position: str = "",
) -> None:
    """Whether the typed-in person may be put on the nomination (found or created)."""
    if not can_nominate_for(actor, nomination.nominating_unit):
        raise PermissionDenied("Bạn chỉ đề nghị được cho đơn vị của mình và các đơn vị trực thuộc.")
    if unit.pk not in nomination.nominating_unit.descendant_ids():
        raise ValidationError(
            {"new_person_unit": "Đơn vị công tác phải là đơn vị đề nghị hoặc đơn vị trực thuộc."}
        )
    if birth_year is None:
        # typed without a birth year, a name already on the unit's list is that person far
        # more often than a namesake: ask, rather than make a second record beside the one
        # whose earlier awards the checks read
        known = [p for p in namesakes(unit, full_name) if p.birth_year]
        if known:
            years = ", ".join(str(p.birth_year) for p in known)
            raise ValidationError(
                {
                    "new_person_birth_year": (
                        f"{unit.name} đã có {known[0].full_name} (sinh năm {years}) trong "
                        "danh sách: chọn ở ô “Cá nhân được đề nghị”. Nếu là người khác cùng "
                        "họ tên, ghi năm sinh."
                    )
                }
            )


def _new_nominee(
    *,
    actor: AbstractBaseUser,
    nomination: Nomination,
    full_name: str,
    unit: Unit,
    gender: str,
    birth_year: int | None = None,
    position: str = "",
) -> str:
    """Put the typed-in person on the nomination (found or created); the history's note."""
    _check_new_nominee(
        actor=actor,
        nomination=nomination,
        full_name=full_name,
        unit=unit,
        gender=gender,
        birth_year=birth_year,
        position=position,
    )
    person, created = person_find_or_create(
        actor=actor,
        full_name=full_name,
        unit=unit,
        gender=gender,
        birth_year=birth_year,
        position=position,
    )
    nomination.nominee_person = person
    nomination.nominee_pending = False
    if created:
        return f"Thêm cá nhân mới: {person.full_name} ({unit.name})."
    return f"Cá nhân {person.full_name} đã có trong đơn vị {unit.name}: dùng hồ sơ sẵn có."


def nomination_check(
    *, actor: AbstractBaseUser, nomination: Nomination, new_person: dict | None = None
) -> None:
    """What `nomination_create` checks before it writes, without writing: the Excel
    import's preview (awards/sheets.py) refuses a row for the same reasons as the form,
    in the same words. A `new_person` is checked as typed in, not yet created (a new
    person holds no award, so the once-a-year check has nothing to read)."""
    if new_person:
        _check_new_nominee(actor=actor, nomination=nomination, **new_person)
        nomination.nominee_pending = True
    _check_nomination(actor=actor, nomination=nomination)


@transaction.atomic
def nomination_create(
    *,
    actor: AbstractBaseUser,
    nomination: Nomination,
    issuer: Unit | None = None,
    note: str = "",
    new_person: dict | None = None,
) -> Nomination:
    """A draft nomination by unit staff, for a person, the unit, a sub-unit or a household.

    `new_person` (full_name, gender, birth_year, position, unit) is a person typed in on
    the form, not yet in the system: created in the same transaction, unless one of the
    same name and birth year is already in that unit (then that one is nominated).

    The body that decides is the campaign's issuer (or the unit's issuing body), unless
    `issuer` names a higher body that holds the authority for the award."""
    if new_person:
        note = _new_nominee(actor=actor, nomination=nomination, **new_person) + (
            f" {note}" if note else ""
        )
    _check_nomination(actor=actor, nomination=nomination)
    nomination.status = Status.DRAFT
    nomination.issuer = issuer or deciding_issuer(nomination)
    nomination.save()
    NominationEvent.objects.create(
        nomination=nomination, by=actor, to_status=Status.DRAFT, note=note
    )
    return nomination


def deciding_issuer(nomination: Nomination) -> Unit | None:
    """The body a new nomination goes to: the campaign's issuer (or, with no campaign, the
    unit's issuing body), unless that body cannot give the award and an issuing body
    below it, from the nominating unit up, can: then that one (a commune's Lao động tiên
    tiến under a province campaign goes to the district, still under the campaign). An
    award above the body keeps going to it: its council considers it and forwards it."""
    default = (
        nomination.campaign.issuer
        if nomination.campaign_id
        else issuing_body_of(nomination.nominating_unit)
    )
    award = nomination.award_type
    if default is None or award.granted_by(default):
        return default
    body = issuing_body_of(nomination.nominating_unit)
    while body is not None and body.pk != default.pk:
        if award.granted_by(body):
            return body
        body = issuing_body_of(body.parent) if body.parent_id else None
    return default


@transaction.atomic
def nomination_update(*, actor: AbstractBaseUser, nomination: Nomination) -> Nomination:
    """Sửa hồ sơ: the unit corrects a draft, or a nomination returned for more information.

    The body that decides stays the one the nomination was submitted to."""
    current = _locked(nomination)
    ensure_unit_staff(actor, current)
    workflow.require(current, "edit")
    nomination.status = current.status
    nomination.issuer = current.issuer
    nomination.decision = current.decision
    _check_nomination(actor=actor, nomination=nomination)
    moved = (nomination.campaign_id, nomination.nominating_unit_id) != (
        current.campaign_id,
        current.nominating_unit_id,
    )
    if moved:
        deciding = deciding_issuer(nomination)
        if current.status == Status.DRAFT:
            nomination.issuer = deciding  # not sent yet: it goes where it now belongs
        elif deciding != current.issuer:
            raise ValidationError(
                {
                    "campaign": "Hồ sơ đã gửi đến "
                    f"{current.issuer.name}: chỉ đổi sang phong trào của cơ quan này."
                }
            )
    nomination.save()
    NominationEvent.objects.create(
        nomination=nomination,
        by=actor,
        from_status=current.status,
        to_status=current.status,
        note=_changes_note(current, nomination),
    )
    return nomination


# What a unit's correction may change, in the order the form shows them; the long text
# is named only, the rest with its old and new value.
EDITED_FIELDS = (
    "nominating_unit",
    "nominee_person",
    "nominee_unit",
    "nominee_household",
    "award_type",
    "commendation_kind",
    "campaign",
    "year",
    "simplified",
    "achievement_summary",
    "member_count",
    "members_completed",
    "members_advanced",
    "members_emulators",
)


def _changes_note(before: Nomination, after: Nomination) -> str:
    """ "Đã sửa: năm xét (2025 → 2024), tóm tắt thành tích.": what the office, appraising
    a corrected dossier again, needs to look at."""

    def shown(nomination: Nomination, name: str) -> str:
        field = Nomination._meta.get_field(name)
        if field.choices:
            return str(getattr(nomination, f"get_{name}_display")())
        value = getattr(nomination, name)
        if isinstance(value, bool):
            return "có" if value else "không"
        return "—" if value in (None, "") else str(value)

    changed = []
    for name in EDITED_FIELDS:
        field = Nomination._meta.get_field(name)
        attname = field.attname
        if getattr(before, attname) == getattr(after, attname):
            continue
        label = str(field.verbose_name)
        if name == "achievement_summary":
            changed.append(label)
        else:
            changed.append(f"{label} ({shown(before, name)} → {shown(after, name)})")
    if not changed:
        return "Đã lưu, không thay đổi nội dung."
    return "Đã sửa: " + ", ".join(changed) + "."


@transaction.atomic
def nomination_correct(
    *, actor: AbstractBaseUser, nomination: Nomination, changed: Iterable[str]
) -> Nomination:
    """Sửa bởi quản trị: an administrator corrects a nomination's data in the admin.

    Never its status, issuer, decision or appraisal (those move only through the
    workflow), never what was settled once it is decided, forwarded or in the register,
    and always under the nomination's own rules; the history says who changed what."""
    if not (actor.is_active and actor.is_staff and actor.has_perm("awards.change_nomination")):
        raise PermissionDenied("Bạn không có quyền sửa đề nghị khen thưởng.")
    current = _locked(nomination)
    for name in ("status", "issuer", "decision", "appraisal_note", "notice_until"):
        setattr(nomination, name, getattr(current, name))
    changed = [name for name in changed if getattr(nomination, name) != getattr(current, name)]
    fixed = [name for name in changed if name in workflow.FIXED_ONCE_SETTLED]
    if fixed and workflow.settled(current):
        raise ValidationError(
            "Hồ sơ đã được quyết định, trình cấp trên hoặc ghi sổ khen thưởng: không sửa "
            + ", ".join(str(Nomination._meta.get_field(name).verbose_name) for name in fixed)
            + "."
        )
    _check_scope(nomination)
    nomination.save()
    if changed:
        labels = ", ".join(str(Nomination._meta.get_field(name).verbose_name) for name in changed)
        NominationEvent.objects.create(
            nomination=nomination,
            by=actor,
            from_status=current.status,
            to_status=current.status,
            note=f"Quản trị hệ thống sửa: {labels}.",
        )
    return nomination


@transaction.atomic
def nomination_submit(
    *, actor: AbstractBaseUser, nomination: Nomination, note: str = ""
) -> Nomination:
    """Gửi: a draft goes to the standing office; a returned one comes back resubmitted,
    with the unit's answer to the return (`note`: what it added, giải trình) in the
    history, where the office reads it (decision 0088)."""
    nomination = _locked(nomination)
    ensure_unit_staff(actor, nomination)
    workflow.require(nomination, "resubmit" if nomination.status == Status.RETURNED else "submit")
    if not nomination.achievement_summary.strip():
        raise ValidationError("Cần nhập tóm tắt thành tích trước khi gửi.")
    missing = missing_files(nomination)
    if missing:
        raise ValidationError(
            f"Hồ sơ {nomination.nominee_name} chưa đính kèm: {', '.join(missing)}. "
            f"“{nomination.award_type.name}” cần các tệp này trước khi gửi."
        )
    to = Status.RESUBMITTED if nomination.status == Status.RETURNED else Status.SUBMITTED
    return _transition(nomination, to, actor=actor, note=note.strip())


@transaction.atomic
def nomination_submit_many(*, actor: AbstractBaseUser, nominations: Iterable[Nomination]) -> int:
    """Gửi nhiều hồ sơ: all or nothing (a unit's yearly list of Lao động tiên tiến)."""
    count = 0
    for nomination in nominations:
        nomination_submit(actor=actor, nomination=nomination)
        count += 1
    return count


@transaction.atomic
def nomination_withdraw(
    *, actor: AbstractBaseUser, nomination: Nomination, reason: str
) -> Nomination:
    """Rút: the unit takes its nomination back before a decision."""
    nomination = _locked(nomination)
    ensure_unit_staff(actor, nomination)
    workflow.require(nomination, "withdraw")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do rút hồ sơ.")
    return _transition(nomination, Status.WITHDRAWN, actor=actor, note=reason.strip())


def missing_files(nomination: Nomination) -> list[str]:
    """The labels of the files the award type requires that the nomination lacks."""
    have = set(nomination.files.filter(archived=False).values_list("kind", flat=True))
    labels = dict(NominationFile.Kind.choices)
    return [
        labels.get(kind, kind)
        for kind in nomination.award_type.required_file_kinds
        if kind not in have
    ]


def office_adds_file(actor: AbstractBaseUser, nomination: Nomination) -> bool:
    """The body's office completes a dossier its council passed beyond its authority,
    before forwarding it (again, when the upper body returned it): the council's minutes,
    the signed tờ trình (decision 0077)."""
    return (
        workflow.allows(nomination, "add_file_office")
        and not nomination.award_type.granted_by(nomination.issuer)
        and access.holds_office(actor, nomination.issuer)
    )


@transaction.atomic
def nomination_add_file(
    *, actor: AbstractBaseUser, nomination: Nomination, upload: UploadedFile, kind: str
) -> NominationFile:
    nomination = _locked(nomination)
    if not office_adds_file(actor, nomination):
        ensure_unit_staff(actor, nomination)
        workflow.require(nomination, "add_file")
    stored = NominationFile(nomination=nomination, kind=kind)
    store_upload(stored, upload, by=actor, allowed=ALLOWED)
    stored.save()
    NominationEvent.objects.create(
        nomination=nomination,
        by=actor,
        from_status=nomination.status,
        to_status=nomination.status,
        note=f"Bổ sung tệp “{stored.original_name}” ({stored.get_kind_display()}).",
    )
    return stored


@transaction.atomic
def nomination_remove_file(
    *, actor: AbstractBaseUser, nomination: Nomination, stored: NominationFile, reason: str
) -> NominationFile:
    """Gỡ tệp: a file attached by mistake (another person's report, an unsigned one)
    leaves the dossier while the unit may still edit it (draft, returned). It is archived
    with who, when and why, never deleted; the history says so."""
    nomination = _locked(nomination)
    ensure_unit_staff(actor, nomination)
    workflow.require(nomination, "remove_file")
    if stored.nomination_id != nomination.pk or stored.archived:
        raise ValidationError("Tệp này không có trong hồ sơ.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do gỡ tệp.")
    archive_stamp(stored, by=actor, reason=reason.strip())
    NominationEvent.objects.create(
        nomination=nomination,
        by=actor,
        from_status=nomination.status,
        to_status=nomination.status,
        note=f"Gỡ tệp “{stored.original_name}” ({stored.get_kind_display()}): {reason.strip()}",
    )
    return stored


APPRAISAL = {
    "eligible": Status.APPRAISED,
    "ineligible": Status.INELIGIBLE,
    "returned": Status.RETURNED,
}


@transaction.atomic
def nomination_appraise(
    *, actor: AbstractBaseUser, nomination: Nomination, result: str, note: str = ""
) -> Nomination:
    """Thẩm định by the standing office: eligible, ineligible (with a reason) or returned
    for more information (with a reason). Under the simplified procedure an eligible
    nomination passes without a council vote, and the record says so."""
    nomination = _locked(nomination)
    ensure_office(actor, nomination.issuer)
    workflow.require(nomination, "appraise")
    if result == "returned" and nomination.forwarded_from_id:
        # a forwarded dossier goes back to the body that forwarded it, not to the unit
        return nomination_return_down(actor=actor, nomination=nomination, reason=note)
    if result not in APPRAISAL:
        raise ValidationError("Kết quả thẩm định không hợp lệ.")
    if result == "eligible" and not nomination.simplified_allowed():
        raise ValidationError(
            "Hồ sơ ghi thủ tục đơn giản nhưng không phải khen thưởng đột xuất: "
            "không ghi đủ điều kiện được, hãy trả lại để đơn vị sửa."
        )
    if result != "eligible" and not note.strip():
        raise ValidationError("Cần ghi lý do khi hồ sơ không đủ điều kiện hoặc trả lại.")
    nomination.appraisal_note = note.strip()
    nomination.save(update_fields=["appraisal_note", "updated_at"])
    _transition(nomination, APPRAISAL[result], actor=actor, note=note.strip())
    days = nomination.award_type.public_notice_days
    if result == "eligible" and days and not nomination.simplified:
        nomination.notice_until = timezone.localdate() + datetime.timedelta(days=days)
        nomination.save(update_fields=["notice_until", "updated_at"])
        NominationEvent.objects.create(
            nomination=nomination,
            by=actor,
            from_status=nomination.status,
            to_status=nomination.status,
            note=f"Công khai lấy ý kiến đến hết ngày {nomination.notice_until:%d/%m/%Y}.",
        )
    if result == "eligible" and nomination.simplified:
        _transition(
            nomination,
            Status.PASSED,
            actor=actor,
            note="Thủ tục đơn giản: không qua bỏ phiếu Hội đồng.",
        )
    return nomination


# ---------------------------------------------------------------------------
# Council


@transaction.atomic
def session_create(
    *,
    actor: AbstractBaseUser,
    issuer: Unit,
    title: str,
    held_on: datetime.date,
    members: Iterable[AbstractBaseUser],
    nominations: Iterable[Nomination],
    chair_name: str = "",
    secretary_name: str = "",
    starts_at: datetime.time | None = None,
    venue: str = "",
) -> CouncilSession:
    """Phiên họp: members are users with the council role at the issuer; the agenda,
    appraised nominations of that issuer. The chair and the secretary sign the minutes,
    which give the time and the place when the office wrote them."""
    ensure_office(actor, issuer)
    session = CouncilSession.objects.create(
        issuer=issuer,
        title=title,
        held_on=held_on,
        starts_at=starts_at,
        venue=venue.strip(),
        chair_name=chair_name.strip(),
        secretary_name=secretary_name.strip(),
    )
    allowed = set(
        Membership.objects.active()
        .filter(unit=issuer, role=Membership.Role.COUNCIL_MEMBER)
        .values_list("user_id", flat=True)
    )
    for user in members:
        if user.pk not in allowed:
            raise ValidationError(f"{user} không phải thành viên Hội đồng TĐKT của {issuer.name}.")
        SessionMember.objects.create(session=session, user=user)
    _put_on_agenda(session, nominations)
    return session


def _put_on_agenda(session: CouncilSession, nominations: Iterable[Nomination]) -> list[Nomination]:
    """The nominations on the session's agenda, each appraised for the session's body, on
    no open session (one at a time holds a dossier) and past its public notice."""
    added = []
    members, invited = session_members(session), session.seats.count()
    for nomination in _fresh(nominations):
        if nomination.issuer_id != session.issuer_id or not workflow.allows(
            nomination, "put_on_agenda"
        ):
            raise ValidationError(f"Hồ sơ {nomination} chưa được thẩm định đủ điều kiện.")
        _reachable_or_refused(nomination, members=members, invited=invited)
        on_open = AgendaItem.objects.filter(
            nomination=nomination, session__status=CouncilSession.Status.OPEN
        ).values_list("session_id", flat=True)
        if session.pk in on_open:
            raise ValidationError(f"Hồ sơ {nomination} đã có trong phiên họp này.")
        if on_open:
            raise ValidationError(f"Hồ sơ {nomination} đã có trong một phiên họp đang mở.")
        if nomination.notice_until and nomination.notice_until >= session.held_on:
            raise ValidationError(
                f"Hồ sơ {nomination} đang công khai lấy ý kiến đến hết ngày "
                f"{nomination.notice_until:%d/%m/%Y}: chỉ đưa ra Hội đồng sau ngày đó."
            )
        AgendaItem.objects.create(
            session=session, nomination=nomination, secret=nomination.award_type.secret_ballot
        )
        added.append(nomination)
    return added


def session_members(session: CouncilSession) -> int:
    """The council's total a rule "tổng số thành viên Hội đồng" counts on: its members
    now (or those invited, if more); once closed, the figure the votes were counted on."""
    if session.status == CouncilSession.Status.CLOSED and session.council_size:
        return session.council_size
    return max(council_size(session.issuer), session.seats.count())


def _reachable_or_refused(nomination: Nomination, *, members: int, invited: int) -> None:
    """A dossier counted on all the council's members that the members invited could
    not pass even all agreeing (70% of 4 is 3; a session of 2 can only fail it)."""
    award = nomination.award_type
    if award.vote_threshold_base != "members":
        return
    needed = award.votes_needed(members)
    if needed is not None and invited < needed:
        raise ValidationError(
            f"“{award.name}” thông qua khi phiếu đồng ý {award.vote_threshold_text} tổng số "
            f"thành viên Hội đồng: Hội đồng có {members} thành viên, cần ít nhất {needed} "
            f"phiếu đồng ý, nhưng phiên họp chỉ triệu tập {invited} thành viên, nên hồ sơ "
            f"{nomination} không thể được thông qua. Hãy triệu tập thêm thành viên."
        )


def vote_rules(session: CouncilSession, items: Iterable[AgendaItem]) -> int:
    """For the session page: each item's `rule_said` and `rule_figures` ("Hội đồng có 4
    thành viên: cần ít nhất 3 phiếu đồng ý"), and while open its `unreachable` note when
    the members present cannot pass it; once closed, the rule kept at the close
    (`AgendaItem.rule_text`). Returns the council's total."""
    members = session_members(session)
    present = session.present_count
    for item in items:
        award = item.nomination.award_type
        item.rule_said = award.vote_rule
        if session.status == CouncilSession.Status.CLOSED and item.rule_text:
            # the rule as counted at the close, which the minutes print: not the award
            # type's as it may read now (decision 0075)
            how = "Bỏ phiếu kín" if item.secret else "Biểu quyết công khai"
            kept = item.rule_text.removeprefix(f"{award.name}: ")
            item.rule_said = f"{how}; {kept}; hòa phiếu không thông qua."
            item.rule_figures = item.unreachable = ""
            continue
        base = members if award.vote_threshold_base == "members" else present
        needed = award.votes_needed(base)
        counted = (
            f"Hội đồng có {members} thành viên"
            if award.vote_threshold_base == "members"
            else f"{present} thành viên có mặt"
        )
        item.rule_figures = f"{counted}: cần ít nhất {needed} phiếu đồng ý" if needed else counted
        item.unreachable = (
            f"chỉ {present} thành viên có mặt: hồ sơ không thể được thông qua"
            if session.status == CouncilSession.Status.OPEN and (needed is None or present < needed)
            else ""
        )
    return members


@transaction.atomic
def session_add_nominations(
    *, actor: AbstractBaseUser, session: CouncilSession, nominations: Iterable[Nomination]
) -> list[Nomination]:
    """Bổ sung hồ sơ vào phiên họp đang mở: only before any member votes (the members
    present vote on a fixed agenda), with the checks of a new session's dossiers and a
    line in the history of each dossier added."""
    ensure_office(actor, session.issuer)
    session = _open_before_any_vote(
        session,
        not_open="Phiên họp đã kết thúc hoặc đã hủy: không bổ sung hồ sơ được.",
        voted=ADD_AFTER_VOTE,
    )
    nominations = list(nominations)
    if not nominations:
        raise ValidationError("Chọn ít nhất một hồ sơ để bổ sung.")
    added = _put_on_agenda(session, nominations)
    _note_on_dossiers(
        actor,
        added,
        f"Bổ sung vào phiên họp “{session.title}” ngày {session.held_on:%d/%m/%Y} "
        "(trước khi bỏ phiếu).",
    )
    return added


ADD_AFTER_VOTE = (
    "Đã có phiếu bầu: không bổ sung hồ sơ vào phiên họp này được nữa (các thành viên có mặt "
    "đã biểu quyết theo danh sách hồ sơ đã định). Hồ sơ mới đưa ra một phiên họp khác."
)


@transaction.atomic
def session_set_attendance(
    *, actor: AbstractBaseUser, session: CouncilSession, present_user_ids: set[int]
) -> None:
    ensure_office(actor, session.issuer)
    # The session row first, as vote_cast and session_close take it: a vote cast
    # meanwhile either commits before this check sees it, or waits for it.
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError("Phiên họp đã kết thúc: không sửa điểm danh.")
    if (
        BallotReceipt.objects.filter(item__session=session).exists()
        or Vote.objects.filter(item__session=session).exists()
    ):
        raise ValidationError("Đã có phiếu bầu: không sửa điểm danh nữa.")
    for seat in session.seats.all():
        seat.present = seat.user_id in present_user_ids
        seat.save(update_fields=["present"])


def _note_on_dossiers(actor: AbstractBaseUser, nominations: list[Nomination], note: str) -> None:
    """A line in the history of each dossier, its status unchanged (a session moved or
    cancelled under it)."""
    NominationEvent.objects.bulk_create(
        NominationEvent(
            nomination=nomination,
            by=actor,
            from_status=nomination.status,
            to_status=nomination.status,
            note=note,
        )
        for nomination in nominations
    )


def _session_before_any_vote(
    actor: AbstractBaseUser,
    session: CouncilSession,
    reason: str,
    *,
    no_reason: str,
    not_open: str,
    voted: str,
) -> tuple[CouncilSession, str]:
    """The session locked, for a change its office makes before anyone votes (a new date,
    a cancel), with the reason given; each refusal in the caller's words."""
    ensure_office(actor, session.issuer)
    reason = reason.strip()
    if not reason:
        raise ValidationError(no_reason)
    return _open_before_any_vote(session, not_open=not_open, voted=voted), reason


def any_vote(session: CouncilSession) -> bool:
    """Whether a member has voted on the session (a named vote or a secret ballot's receipt)."""
    return (
        BallotReceipt.objects.filter(item__session=session).exists()
        or Vote.objects.filter(item__session=session).exists()
    )


def _open_before_any_vote(session: CouncilSession, *, not_open: str, voted: str) -> CouncilSession:
    """The session locked (as vote_cast and session_close take it: a vote either commits
    before this check sees it, or waits), refused unless open and nobody voted yet."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError(not_open)
    if any_vote(session):
        raise ValidationError(voted)
    return session


@transaction.atomic
def session_redate(
    *,
    actor: AbstractBaseUser,
    session: CouncilSession,
    held_on: datetime.date,
    reason: str,
    starts_at: datetime.time | None = None,
    venue: str | None = None,
) -> CouncilSession:
    """Đổi ngày (giờ, địa điểm) họp: only while no vote is cast, never to a day gone by,
    with a reason kept in the history of every dossier on the agenda. The time and the
    place, when given (None: unchanged), are set with the day."""
    session, reason = _session_before_any_vote(
        actor,
        session,
        reason,
        no_reason="Ghi lý do đổi ngày họp.",
        not_open="Phiên họp đã kết thúc: không đổi được ngày họp.",
        voted="Đã có phiếu bầu: không đổi được ngày họp.",
    )
    if held_on < timezone.localdate():
        raise ValidationError(f"Ngày {held_on:%d/%m/%Y} đã qua: không đổi sang một ngày đã qua.")
    items = list(session.agenda.select_related("nomination"))
    for item in items:
        notice = item.nomination.notice_until
        if notice and notice >= held_on:
            raise ValidationError(
                f"Hồ sơ {item.nomination} đang công khai lấy ý kiến đến hết ngày "
                f"{notice:%d/%m/%Y}: chỉ họp sau ngày đó."
            )
    before = session.when_text
    before_venue = session.venue
    session.held_on = held_on
    if starts_at is not None or venue is not None:
        session.starts_at = starts_at
        session.venue = (venue or "").strip()
    session.save(update_fields=["held_on", "starts_at", "venue", "updated_at"])
    moved = (
        f"từ {before}{f', tại {before_venue}' if before_venue else ''} sang "
        f"{session.when_text}{f', tại {session.venue}' if session.venue else ''}"
    )
    note = f"Phiên họp “{session.title}” đổi lịch họp {moved}. Lý do: {reason}"
    _note_on_dossiers(actor, [item.nomination for item in items], note)
    return session


@transaction.atomic
def session_cancel(
    *, actor: AbstractBaseUser, session: CouncilSession, cancel_reason: str
) -> CouncilSession:
    """Hủy phiên họp before any vote: kept (never deleted) with who, when and why; its
    dossiers, still "đã thẩm định", may go on another session at once (only an open
    session holds them), and each keeps the cancel in its history."""
    session, reason = _session_before_any_vote(
        actor,
        session,
        cancel_reason,
        no_reason="Ghi lý do hủy phiên họp.",
        not_open="Phiên họp đã kết thúc hoặc đã hủy: không hủy được nữa.",
        voted="Đã có phiếu bầu: không hủy được phiên họp.",
    )
    session.status = CouncilSession.Status.CANCELLED
    session.cancelled_at = timezone.now()
    session.cancelled_by = actor
    session.cancel_reason = reason
    session.save(
        update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "updated_at"]
    )
    note = (
        f"Phiên họp “{session.title}” ngày {session.held_on:%d/%m/%Y} đã hủy. Lý do: {reason}. "
        "Hồ sơ chờ đưa ra phiên họp khác."
    )
    _note_on_dossiers(
        actor, [item.nomination for item in session.agenda.select_related("nomination")], note
    )
    return session


@transaction.atomic
def vote_cast(*, actor: AbstractBaseUser, item: AgendaItem, choice: str) -> None:
    """One member's vote on one agenda item. Nothing is counted until the session closes.

    A named vote is stored with the member. A secret one writes a receipt that the
    member voted and, in the same transaction, the choice sealed under a key the
    database does not hold, with no member, time or sequence on it
    (docs/decisions/0010-secret-ballot.md): whoever reads the database, the WAL or a
    statement log sees the same writes whatever the member chose."""
    # The session row first, as session_close takes it: a vote either commits before
    # the close opens the box, or waits and finds the session closed.
    session = CouncilSession.objects.select_for_update().get(pk=item.session_id)
    item = AgendaItem.objects.select_related("nomination").get(pk=item.pk)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError("Phiên họp đã kết thúc.")
    seat = SessionMember.objects.filter(session=session, user=actor).first()
    if seat is None or not council_bodies(actor).filter(pk=session.issuer_id).exists():
        raise PermissionDenied("Bạn không phải thành viên của phiên họp này.")
    if not seat.present:
        raise ValidationError("Thành viên vắng mặt không bỏ phiếu.")
    _ready_to_vote(session, item)
    if choice not in Vote.Choice.values:
        raise ValidationError("Lựa chọn không hợp lệ.")
    if item.secret:
        if BallotReceipt.objects.filter(item=item, member=actor).exists():
            raise ValidationError("Bạn đã bỏ phiếu cho hồ sơ này.")
        BallotReceipt.objects.create(item=item, member=actor)
        SealedBallot.objects.create(
            item=item,
            sealed=ballot_box.seal(session_id=session.pk, item_id=item.pk, choice=choice),
        )
    else:
        if Vote.objects.filter(item=item, member=actor).exists():
            raise ValidationError("Bạn đã bỏ phiếu cho hồ sơ này.")
        Vote.objects.create(item=item, member=actor, choice=choice)


def vote_blocker(session: CouncilSession, item: AgendaItem) -> str:
    """Why no vote can be cast on the item now ("" when one can): its unit withdrew the
    dossier (decision 0071); the session's day has not come, or, on its day, the hour written for it (Vietnam time) has not, as for the
    close; or the nomination is still open to the public's comments. The session page
    says it in place of the ballot, the vote is refused with it."""
    if not workflow.allows(item.nomination, "council_result"):  # withdrawn meanwhile
        return (
            "Đơn vị đã rút hồ sơ: không bỏ phiếu."
            if item.nomination.status == Status.WITHDRAWN
            else "Hồ sơ không còn chờ Hội đồng bình xét: không bỏ phiếu."
        )
    now = timezone.localtime()
    today = now.date()
    if session.held_on > today:
        return f"Phiên họp diễn ra ngày {session.held_on:%d/%m/%Y}: chưa thể bỏ phiếu."
    if session.before_its_hour(now):
        return f"Chỉ bỏ phiếu được từ {session.when_text}."
    notice = item.nomination.notice_until
    if notice and notice >= today:
        return f"Hồ sơ còn công khai lấy ý kiến đến hết ngày {notice:%d/%m/%Y}: chưa thể bỏ phiếu."
    return ""


def close_blocker(session: CouncilSession) -> str:
    """Why the session cannot be closed now ("" when it can): its day has not come, or,
    on its day, the hour written for it (Vietnam time) has not."""
    now = timezone.localtime()
    if session.held_on > now.date():
        return f"Phiên họp diễn ra ngày {session.held_on:%d/%m/%Y}: chỉ kết thúc được từ ngày họp."
    if session.before_its_hour(now):
        return f"Phiên họp chỉ kết thúc được từ {session.when_text}."
    return ""


def unvoted_members(session: CouncilSession) -> list[AbstractBaseUser]:
    """Members marked present who have not voted on every dossier still to be counted
    (a dossier withdrawn meanwhile gets no result and waits for no one), in seat order.
    A vote not cast is no agreement: closing then may fail a dossier for good."""
    items = [
        item.pk
        for item in session.agenda.select_related("nomination")
        if workflow.allows(item.nomination, "council_result")
    ]
    if not items:
        return []
    cast = Counter(
        Vote.objects.filter(item_id__in=items).values_list("member_id", flat=True)
    ) + Counter(BallotReceipt.objects.filter(item_id__in=items).values_list("member_id", flat=True))
    return [
        seat.user
        for seat in session.seats.filter(present=True).select_related("user").order_by("pk")
        if cast[seat.user_id] < len(items)
    ]


def unvoted_text(members: Iterable[AbstractBaseUser]) -> str:
    """ "2 thành viên có mặt chưa bỏ phiếu: Hoàng Thị Lan, Vũ Đình Khánh" """
    names = [m.get_full_name() or m.get_username() for m in members]
    return f"{len(names)} thành viên có mặt chưa bỏ phiếu: {', '.join(names)}"


def _ready_to_vote(session: CouncilSession, item: AgendaItem) -> None:
    blocker = vote_blocker(session, item)
    if blocker:
        raise ValidationError(blocker)


def council_size(issuer: Unit) -> int:
    """All members of the issuer's council, invited to the session or not."""
    return (
        Membership.objects.active()
        .filter(unit=issuer, role=Membership.Role.COUNCIL_MEMBER)
        .values("user")
        .distinct()
        .count()
    )


def vote_result(item: AgendaItem, *, members: int, present: int) -> bool:
    """Passed when the agreeing votes reach the award type's threshold, counted on all
    members or on those present ("từ X% trở lên" or "trên X%", as the type says), and
    outnumber the disagreeing ones: a tie never passes (1–1 among two present is not a
    majority). See docs/decisions/0015-flow-fixes.md."""
    award = item.nomination.award_type
    base = members if award.vote_threshold_base == "members" else present
    needed = award.votes_needed(base)
    return needed is not None and item.agree >= needed and item.agree > item.disagree


def _count(item: AgendaItem) -> None:
    """Kiểm phiếu: the tallies of one item, from its named votes or its ballot box.

    A secret item's sealed ballots are opened here, in memory; only the totals are
    written. A secret item's tallies may already hold votes cast before ballots were
    sealed (they were counted as cast then): the sealed ones are added to them."""
    if not item.secret:
        counts = Counter(Vote.objects.filter(item=item).values_list("choice", flat=True))
        for choice in Vote.Choice.values:
            setattr(item, choice, counts[choice])
        return
    sealed = list(SealedBallot.objects.filter(item=item).values_list("sealed", flat=True))
    receipts = BallotReceipt.objects.filter(item=item).count()
    earlier = item.agree + item.disagree + item.abstain
    if len(sealed) + earlier != receipts:
        logger.error(
            "Ballot box of agenda item %s: %s sealed ballots (+%s counted before), %s receipts",
            item.pk,
            len(sealed),
            earlier,
            receipts,
        )
        raise ValidationError(
            f"Hòm phiếu kín của hồ sơ {item.nomination} có {len(sealed) + earlier} phiếu, "
            f"nhưng {receipts} thành viên đã bỏ phiếu: không kiểm phiếu được. "
            "Hãy báo quản trị hệ thống."
        )
    counts: Counter[str] = Counter()
    for box in sealed:
        try:
            choice = ballot_box.open_sealed(session_id=item.session_id, item_id=item.pk, sealed=box)
        except ballot_box.UnreadableBallot:
            choice = None
        if choice not in Vote.Choice.values:
            logger.error("Ballot box of agenda item %s: a ballot does not open", item.pk)
            raise ValidationError(
                f"Một phiếu kín của hồ sơ {item.nomination} không mở được (khoá bí mật "
                "của hệ thống đã đổi, hoặc dữ liệu bị sửa): không kiểm phiếu được. "
                "Hãy báo quản trị hệ thống."
            )
        counts[choice] += 1
    for choice in Vote.Choice.values:
        setattr(item, choice, getattr(item, choice) + counts[choice])


@transaction.atomic
def secret_ballot_restart(*, item: AgendaItem, reason: str) -> int:
    """Bỏ phiếu kín lại: the operator's way out when an item's ballot box cannot be
    counted (SECRET_KEY lost during the session, or the box changed in the database).
    The item's receipts, sealed ballots and earlier tallies go, unread, so the members
    vote on it again in the same session; the nomination's history says why.
    Run from `manage.py restart_secret_ballot`, never from a page."""
    session = CouncilSession.objects.select_for_update().get(pk=item.session_id)
    item = AgendaItem.objects.select_related("nomination").get(pk=item.pk)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError("Phiên họp đã kết thúc.")
    if not item.secret:
        raise ValidationError("Hồ sơ này biểu quyết công khai, không bỏ phiếu kín.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do bỏ phiếu lại.")
    receipts, _ = BallotReceipt.objects.filter(item=item).delete()
    SealedBallot.objects.filter(item=item).delete()
    AgendaItem.objects.filter(pk=item.pk).update(agree=0, disagree=0, abstain=0)
    NominationEvent.objects.create(
        nomination=item.nomination,
        by=None,
        from_status=item.nomination.status,
        to_status=item.nomination.status,
        note=f"Bỏ phiếu kín lại tại phiên họp “{session.title}” ({receipts} phiếu đã bỏ "
        f"bị huỷ, không kiểm): {reason.strip()}",
    )
    return receipts


@transaction.atomic
def session_close(
    *, actor: AbstractBaseUser, session: CouncilSession, unvoted_ok: bool = False
) -> CouncilSession:
    """Kết thúc phiên họp: count the votes, compute each result and move the nominations on.

    Secret ballots are opened and counted here, all in this one transaction, and then
    deleted: what remains is the totals and who voted. The standing office closes it, or
    the body's leader (the Chủ tịch UBND chairs its council). While a member marked present
    has not voted, it closes only when asked to (`unvoted_ok`): a vote not cast counts as
    no agreement, and the result is final (decision 0057)."""
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    if not leader_bodies(actor).filter(pk=session.issuer_id).exists():
        ensure_office(actor, session.issuer)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError("Phiên họp đã kết thúc.")
    if close_blocker(session):
        raise ValidationError(close_blocker(session))
    unvoted = unvoted_members(session)
    if unvoted and not unvoted_ok:
        raise ValidationError(
            f"Chưa kết thúc phiên họp: còn {unvoted_text(unvoted)}. Phiếu chưa bỏ không tính "
            "là đồng ý, nên hồ sơ có thể không được thông qua, và kết quả không sửa được. Hãy "
            "đợi các thành viên bỏ phiếu; nếu họ đã rời cuộc họp, đánh dấu “Vẫn kết thúc khi "
            "còn thành viên chưa bỏ phiếu” rồi bấm “Kết thúc phiên họp”."
        )
    members = session_members(session)
    present = session.seats.filter(present=True).count()
    session.council_size = members  # the minutes print the figure counted on
    for item in session.agenda.select_related("nomination__award_type").order_by("pk"):
        _count(item)
        nomination = _locked(item.nomination)
        if not workflow.allows(nomination, "council_result"):
            item.save(update_fields=["agree", "disagree", "abstain"])
            continue  # withdrawn (or moved on) while the session was open: no result
        _ready_to_vote(session, item)
        item.passed = vote_result(item, members=members, present=present)
        award = nomination.award_type
        item.rule_text = (
            f"{award.name}: "
            f"{award.vote_rule_on(members if award.vote_threshold_base == 'members' else present)}"
        )
        item.save(update_fields=["agree", "disagree", "abstain", "passed", "rule_text"])
        note = (
            f"Đồng ý {item.agree}/{members if nomination.award_type.vote_threshold_base == 'members' else present} "
            f"(cần {nomination.award_type.vote_threshold_text}), không đồng ý {item.disagree}, "
            f"không biểu quyết {item.abstain}."
        )
        _transition(
            nomination, Status.PASSED if item.passed else Status.FAILED, actor=actor, note=note
        )
    SealedBallot.objects.filter(item__session=session).delete()
    session.status = CouncilSession.Status.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at", "council_size", "updated_at"])
    _freeze_minutes(session)
    return session


def _freeze_minutes(session: CouncilSession) -> None:
    """Keep the minutes as they read at the close: a legal record, every later download
    returns this PDF, whatever name, nomination or unit changes afterwards (decision
    0079). The same mechanism as an issued decision's (`_freeze_decision`)."""
    from . import pdf

    issued_document_freeze(
        kind=IssuedDocument.Kind.MINUTES,
        object_id=session.pk,
        revision=0,
        html=pdf.minutes_html(session),
        filename=pdf.minutes_filename(session),
    )


def session_minutes_document(session: CouncilSession) -> IssuedDocument | None:
    """The minutes as frozen at the close; None while the session is open or if it was
    cancelled. A session closed before minutes were kept is frozen on first request."""
    if session.status != CouncilSession.Status.CLOSED:
        return None
    return _frozen(IssuedDocument.Kind.MINUTES, session, _freeze_minutes)


def _frozen(kind: str, record: CouncilSession | Decision, freeze) -> IssuedDocument:
    """The record's latest frozen document of `kind`; a record finished before documents
    were kept is frozen by `freeze(record)` on first request, once, under the record's row
    lock (two first downloads at once do not freeze it twice). The one rule for the
    minutes and the decisions (decisions 0079, 0082)."""
    document = issued_document_latest(kind, record.pk)
    if document is None:
        with transaction.atomic():
            type(record).objects.select_for_update().filter(pk=record.pk).first()
            if issued_document_latest(kind, record.pk) is None:
                freeze(record)
            document = issued_document_latest(kind, record.pk)
    return document


# ---------------------------------------------------------------------------
# Decisions and the register


DECISION_FIELDS = (
    "subject",
    "symbol",
    "place",
    "signing_authority",
    "signer_title",
    "signer_name",
    "distribution",
)


def _attach(decision: Decision, nominations: Iterable[Nomination]) -> None:
    """Put passed nominations within the issuer's authority on the draft, each nominee
    at most once per award type (the annex would list them twice)."""
    issuer = decision.issuer
    seen: dict[tuple, Nomination] = {
        (n.award_type_id, n.nominee_person_id, n.nominee_unit_id, n.nominee_household.strip()): n
        for n in decision.nominations.all()
    }
    # an amending draft's own lines in force hold their place too (decision 0082): the
    # register would hold the honouree twice, and the annex list them once
    restated = {
        (g.award_type_id, g.person_id, g.unit_id, g.household.strip())
        for g in decision.grants.filter(struck=False)
    }
    for nomination in nominations:
        if nomination.decision_id == decision.pk:
            continue
        if nomination.issuer_id != issuer.pk:
            raise ValidationError(f"Hồ sơ {nomination} không do {issuer.name} xét khen thưởng.")
        if nomination.decision_id is not None:
            raise ValidationError(f"Hồ sơ {nomination} đã có trong một dự thảo quyết định khác.")
        if nomination.status not in workflow.statuses("add_to_decision"):
            raise ValidationError(f"Hồ sơ {nomination} chưa được Hội đồng thông qua.")
        workflow.require(nomination, "add_to_decision")
        if not nomination.award_type.granted_by(issuer):
            raise ValidationError(
                f"“{nomination.award_type.name}” vượt thẩm quyền của {issuer.name}: hãy trình cấp trên."
            )
        key = (
            nomination.award_type_id,
            nomination.nominee_person_id,
            nomination.nominee_unit_id,
            nomination.nominee_household.strip(),
        )
        if key in seen:
            raise ValidationError(
                f"{nomination.nominee_name} có hai hồ sơ “{nomination.award_type.name}” trong "
                "dự thảo: chỉ chọn một."
            )
        if key in restated:
            raise ValidationError(
                f"{nomination.nominee_name} đã có trong danh sách “{nomination.award_type.name}” "
                "của quyết định sửa đổi: sửa dòng đó (Sửa dòng), hoặc bãi bỏ dòng đó rồi mới "
                "thêm hồ sơ này."
            )
        seen[key] = nomination
        nomination.decision = decision
        nomination.save(update_fields=["decision", "updated_at"])


def _release(nominations: Iterable[Nomination]) -> None:
    """Take nominations off a draft: they wait, passed, for another decision."""
    for nomination in nominations:
        nomination.decision = None
        nomination.save(update_fields=["decision", "updated_at"])


def decision_symbol(issuer: Unit) -> str:
    """A new decision's symbol: QĐ, then the issuing body's own abbreviation (QĐ-UBND,
    QĐ-PNV). An issued decision keeps the one it was issued with."""
    return f"QĐ-{issuer.document_code}"


def _check_symbol(symbol: str) -> None:
    """A symbol typed out of shape ("QĐ UBND/") would be issued as it is, for good."""
    problem = decision_symbol_problem(symbol)
    if problem:
        raise ValidationError({"symbol": problem})


def _locked_draft(actor: AbstractBaseUser, decision: Decision) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    ensure_office(actor, decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(
            "Quyết định đã ban hành: không sửa được."
            if decision.status == Decision.Status.ISSUED
            else "Dự thảo đã rút: không sửa được."
        )
    return decision


@transaction.atomic
def decision_draft(
    *,
    actor: AbstractBaseUser,
    issuer: Unit,
    subject: str,
    nominations: Iterable[Nomination] | None = None,
    **fields,
) -> Decision:
    """A draft decision gathering passed nominations within the issuer's authority."""
    ensure_office(actor, issuer)
    if not fields.get("symbol"):
        fields["symbol"] = decision_symbol(issuer)
    _check_symbol(fields["symbol"])
    decision = Decision.objects.create(
        issuer=issuer, year=timezone.localdate().year, subject=subject, **fields
    )
    chosen = (
        _fresh(nominations)
        if nominations is not None
        else Nomination.objects.filter(
            issuer=issuer, status__in=workflow.statuses("add_to_decision"), decision=None
        )
    )
    _attach(decision, chosen)
    return decision


@transaction.atomic
def decision_update(
    *,
    actor: AbstractBaseUser,
    decision: Decision,
    nominations: Iterable[Nomination] | None = None,
    **fields,
) -> Decision:
    """Sửa dự thảo: its wording and signer, and who is on it (nominations taken off wait,
    passed, for another decision). Only a draft; an issued decision never changes."""
    decision = _locked_draft(actor, decision)
    unknown = set(fields) - set(DECISION_FIELDS)
    if unknown:
        raise ValidationError(f"Không sửa được: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(decision, name, value if value is not None else "")
    if not decision.symbol:
        decision.symbol = decision_symbol(decision.issuer)
    _check_symbol(decision.symbol)
    decision.save()
    if nominations is not None:
        chosen = _fresh(nominations)
        keep = {n.pk for n in chosen}
        _release(
            n for n in decision.nominations.select_for_update(of=("self",)) if n.pk not in keep
        )
        _attach(decision, chosen)
    return decision


@transaction.atomic
def decision_withdraw(*, actor: AbstractBaseUser, decision: Decision, reason: str) -> Decision:
    """Rút dự thảo: archived with who, when and why, never deleted; its nominations wait,
    passed, for another decision."""
    decision = _locked_draft(actor, decision)
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do rút dự thảo."})
    _release(decision.nominations.select_for_update(of=("self",)))
    decision.status = Decision.Status.WITHDRAWN
    decision.archived = True
    decision.archived_on = timezone.now()
    decision.archived_by = actor
    decision.archived_reason = reason.strip()
    decision.save()
    return decision


# ---------------------------------------------------------------------------
# Amending decisions (Quyết định sửa đổi, bổ sung; decision 0078): an issued decision
# never changes; a new decision of the same body restates its list, corrected.

AMEND_LINE_FIELDS = ("award_type", "awardee_unit", "printed_name", "printed_position")


def amendment_refusal(decision: Decision) -> str:
    """Why no amending decision can be drafted from `decision` ("" when one can)."""
    if decision.status != Decision.Status.ISSUED:
        return (
            "Dự thảo chưa ban hành: sửa thẳng dự thảo, không lập quyết định sửa đổi."
            if decision.status == Decision.Status.DRAFT
            else "Dự thảo đã rút: không có gì để sửa đổi."
        )
    if decision.read_only_text:
        return decision.read_only_text
    later = decision.amendments.exclude(status=Decision.Status.WITHDRAWN).first()
    if later is not None and later.status == Decision.Status.ISSUED:
        from .selectors import amendment_chain

        # from the last of a chain: the one whose list is in force (decision 0085)
        last = amendment_chain(later).in_force
        return (
            f"Quyết định số {decision.number_symbol} đã được sửa đổi, bổ sung bởi Quyết định "
            f"số {later.number_symbol}: lập quyết định sửa đổi từ quyết định đó."
            if last.pk == later.pk
            else f"Quyết định số {decision.number_symbol} đã được sửa đổi, bổ sung nhiều lần: "
            f"lập quyết định sửa đổi từ Quyết định số {last.number_symbol}, lần sau cùng."
        )
    if later is not None:
        return (
            f"Quyết định số {decision.number_symbol} đã có dự thảo sửa đổi, bổ sung "
            f"(#{later.pk}) chưa ban hành: sửa dự thảo đó, hoặc rút nó rồi lập dự thảo mới."
        )
    return ""


def amendment_subject(decision: Decision) -> str:
    """ "Về việc sửa đổi, bổ sung Quyết định số 05/QĐ-UBND ngày 26/12/2024 của Chủ tịch
    Ủy ban nhân dân xã Tân Phong về việc tặng Giấy khen …"."""
    return f"Về việc sửa đổi, bổ sung {decision.reference_text} {decision.about_text}".strip()


@transaction.atomic
def decision_amend(*, actor: AbstractBaseUser, decision: Decision) -> Decision:
    """Lập quyết định sửa đổi, bổ sung: a draft of the same body that names the decision it
    amends and restates its honourees in force (revoked ones left out), so the clerk
    changes only what is wrong. The issued decision itself is not touched."""
    decision = Decision.objects.select_for_update().select_related("issuer").get(pk=decision.pk)
    if decision.read_only_text:  # a dissolved body's: nobody acts on it any more (0074)
        raise ValidationError(decision.read_only_text)
    ensure_office(actor, decision.issuer)
    if refusal := amendment_refusal(decision):
        raise ValidationError(refusal)
    signer, _ = suggested_signer(decision.issuer)
    draft = Decision.objects.create(
        issuer=decision.issuer,
        year=timezone.localdate().year,
        subject=amendment_subject(decision),
        symbol=decision.symbol if not decision_symbol_problem(decision.symbol) else "",
        place=decision.place,
        distribution=decision.distribution,
        campaign=decision.campaign,
        amends=decision,
        **{name: signer.get(name, getattr(decision, name)) for name in SIGNER_FIELDS},
    )
    if not draft.symbol:
        draft.symbol = decision_symbol(decision.issuer)
        draft.save(update_fields=["symbol"])
    booked = money.decision_amounts(decision)["by_grant"]
    lines = []
    for grant in (
        AwardGrant.objects.in_force()
        .filter(decision=decision)
        .order_by("award_type__order", "award_type__pk", "register_number", "pk")
    ):
        quote = booked.get(grant.pk)
        lines.append(
            AwardGrant(
                award_type_id=grant.award_type_id,
                person_id=grant.person_id,
                unit_id=grant.unit_id,
                household=grant.household,
                year=grant.year,
                decision=draft,
                awardee_unit_id=grant.awardee_unit_id,
                achievement=grant.achievement,
                replaces=grant,
                printed_name=grant.printed_name,
                printed_position=grant.printed_position,
                reward_amount=quote.amount if quote and quote.amount is not None else None,
            )
        )
    AwardGrant.objects.bulk_create(lines)
    return draft


def _amendment_line(actor: AbstractBaseUser, line: AwardGrant) -> AwardGrant:
    line = AwardGrant.objects.select_for_update(of=("self",)).get(pk=line.pk)
    decision = _locked_draft(actor, line.decision)
    if not decision.amends_id:
        raise ValidationError("Dòng này không thuộc một quyết định sửa đổi, bổ sung.")
    return line


def amendment_units(issuer: Unit) -> QuerySet[Unit]:
    """The units an amending decision's line may name: the issuing body and the units
    below it (a line already naming another keeps it)."""
    return Unit.objects.filter(pk__in=descendants_query([issuer.pk]), archived=False)


@transaction.atomic
def amendment_line_update(
    *,
    actor: AbstractBaseUser,
    line: AwardGrant,
    award_type: AwardType,
    awardee_unit: Unit,
    printed_name: str = "",
    printed_position: str = "",
    reward_amount: int | None = None,
    struck: bool = False,
) -> AwardGrant:
    """Sửa một dòng của dự thảo quyết định sửa đổi: the name or title as it should read, the
    unit, the award, the amount; or strike the honouree off (kept, printed as bãi bỏ)."""
    line = _amendment_line(actor, line)
    issuer = line.decision.issuer
    if struck and (problem := revoked_line_problem(line)):
        # a revoked honouree is out already: "Bãi bỏ" would print them as struck off by
        # this decision too; the draft is made again without them (decision 0085)
        raise ValidationError({"struck": problem})
    if award_type.pk != line.award_type_id and not award_type.granted_by(issuer):
        raise ValidationError(
            {"award_type": f"“{award_type.name}” vượt thẩm quyền của {issuer.name}."}
        )
    if (
        awardee_unit.pk != line.awardee_unit_id
        and not amendment_units(issuer).filter(pk=awardee_unit.pk).exists()
    ):
        # the grant would count in another body's honour roll and figures (decision 0082)
        raise ValidationError(
            {
                "awardee_unit": f"{awardee_unit.name} không thuộc {issuer.name}: chọn đơn vị trực thuộc."
            }
        )
    kind = (
        RecipientKind.INDIVIDUAL
        if line.person_id
        else RecipientKind.COLLECTIVE
        if line.unit_id
        else RecipientKind.HOUSEHOLD
    )
    if problem := award_type.kind_problem(kind):
        raise ValidationError({"award_type": problem})
    if reward_amount is not None and reward_amount < 0:
        raise ValidationError({"reward_amount": "Số tiền không được âm."})
    if not struck and any(
        (n.award_type_id, n.nominee_person_id, n.nominee_unit_id, n.nominee_household.strip())
        == (award_type.pk, line.person_id, line.unit_id, line.household.strip())
        for n in line.decision.nominations.all()
    ):
        raise ValidationError(
            f"{line.awardee_name} đã được bổ sung vào dự thảo bằng một hồ sơ “{award_type.name}”: "
            "bỏ hồ sơ đó khỏi dự thảo trước (Sửa dự thảo)."
        )
    line.award_type = award_type
    line.awardee_unit = awardee_unit
    # what the records say is not printed text: a later correction of the record reads on
    name, position = " ".join(printed_name.split()), " ".join(printed_position.split())
    live = line.person.full_name if line.person_id else line.unit.name if line.unit_id else ""
    line.printed_name = "" if name == live else name
    line.printed_position = (
        "" if position == (line.person.position if line.person_id else "") else position
    )
    line.reward_amount = reward_amount
    line.struck = struck
    line.save()
    return line


REDRAFT_TEXT = (
    "Dòng đó không bãi bỏ được: rút dự thảo và lập lại (dự thảo mới không chép "
    "người đã bị thu hồi)."
)


def _revoked_text(grant: AwardGrant, revocation: GrantRevocation) -> str:
    """ "Khen thưởng của Lò Văn 02 đã bị thu hồi theo Quyết định số 15/QĐ-UBND ngày …"."""
    by = f" theo {revocation.document_text}" if revocation.document_text else ""
    return f"Khen thưởng của {grant.awardee_name} đã bị thu hồi{by}"


def revoked_line_problem(line: AwardGrant) -> str:
    """Why an amending draft's line cannot stand ("" when it can): the grant it restates
    was revoked after the draft was made (reads `replaces__revocation` when selected)."""
    grant = line.replaces if line.replaces_id else None
    revocation = getattr(grant, "revocation", None)
    if revocation is None:
        return ""
    return f"{_revoked_text(grant, revocation)} sau khi lập dự thảo này. {REDRAFT_TEXT}"


def _line_changed(line: AwardGrant, booked: dict[int, int | None]) -> bool:
    """Whether an amending decision's line says anything the replaced line did not."""
    if line.struck or line.prints_anew:
        return True
    return line.reward_amount != booked.get(line.replaces_id)


def locked_document_counter(issuer: Unit, year: int, kind: str) -> DocumentCounter:
    """The body's counter of a kind of document for the year, locked until the
    transaction ends: the one lock every number of that series is taken under (made when
    missing, so a counter added in the admin while a document takes the series' first
    number meets that one: decision 0090)."""
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        issuer=issuer, year=year, kind=kind
    )
    return counter


def suggested_document_number(issuer: Unit, year: int, kind: str) -> int:
    """What a form offers: the number after the last one taken this year in the body's
    series of that kind (the counter, or a document numbered past it)."""
    counter = DocumentCounter.objects.filter(issuer=issuer, year=year, kind=kind).first()
    highest = (
        DocumentCounter.documents(kind)
        .filter(issuer=issuer, year=year, number__isnull=False)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return max(counter.last_number if counter else 0, highest or 0) + 1


def take_document_number(issuer: Unit, year: int, kind: str, number: int | None = None) -> int:
    """The number of a body's document of a kind (decision 0084): the one the văn thư
    wrote in the paper register, or the next one. Never one already given to a document
    of that kind, year and body (refused beside the field "number"); the counter moves
    past it. Run inside the transaction that writes the document: the counter row stays
    locked until then, and nothing is written when it is refused."""
    counter = locked_document_counter(issuer, year, kind)
    label = DocumentCounter.Kind(kind).label
    if number is None:
        number = suggested_document_number(issuer, year, kind)
    if number < 1:
        raise ValidationError({"number": f"Số {label.lower()} là số nguyên dương, ví dụ 215."})
    taken = DocumentCounter.documents(kind).filter(issuer=issuer, year=year, number=number).first()
    if taken is not None:
        raise ValidationError(
            {
                "number": f"Số {number:02d} năm {year} đã cấp cho {label} số "
                f"{taken.number_symbol}. Xem lại sổ đăng ký văn bản đi."
            }
        )
    if number > counter.last_number:
        counter.last_number = number
        counter.save(update_fields=["last_number"])
    return number


def next_decision_number(issuer: Unit, year: int) -> int:
    """Take the next decision number for this issuer and year; the row lock serialises
    callers."""
    return take_document_number(issuer, year, DocumentCounter.Kind.DECISION)


@transaction.atomic
def next_decision_number_in_tx(issuer: Unit, year: int) -> int:
    """next_decision_number in its own transaction (what concurrent issuers each run)."""
    return next_decision_number(issuer, year)


def suggested_decision_number(issuer: Unit, year: int) -> int:
    """What the issue form offers: the number after the last one taken this year."""
    return suggested_document_number(issuer, year, DocumentCounter.Kind.DECISION)


def suggested_submission_number(issuer: Unit, year: int) -> int:
    """What the forwarding form offers for the body's next tờ trình this year."""
    return suggested_document_number(issuer, year, DocumentCounter.Kind.SUBMISSION)


def suggested_signer(issuer: Unit) -> tuple[dict[str, str], str]:
    """Who likely signs the body's next decision, and whence the guess ("" when none): the
    signer of its most recent issued decision, with the authority and title signed under
    (a Phó Chủ tịch's "KT. CHỦ TỊCH" stays his); else its leader, when it has exactly one
    on the system (a leader login does not say Chủ tịch or Phó Chủ tịch: of two, no guess)."""
    last = (
        Decision.objects.filter(issuer=issuer, status=Decision.Status.ISSUED)
        .exclude(signer_name="")
        .order_by("-issued_on", "-year", "-number", "-pk")
        .first()
    )
    if last is not None:
        return (
            {name: getattr(last, name) for name in SIGNER_FIELDS},
            f"Điền sẵn theo quyết định ban hành gần nhất của {issuer.name} "
            f"({last.number_symbol}); sửa nếu người khác ký.",
        )
    leaders = list(
        Membership.objects.active()
        .filter(unit=issuer, role=Membership.Role.LEADER)
        .select_related("user")[:2]
    )
    if len(leaders) == 1:
        user = leaders[0].user
        return (
            {"signer_name": user.get_full_name() or user.username},
            f"Điền sẵn: lãnh đạo của {issuer.name} trên hệ thống; sửa nếu người khác ký "
            "(Phó Chủ tịch ký thay thì ghi cả quyền hạn ký).",
        )
    return {}, ""


SIGNER_FIELDS = ("signing_authority", "signer_title", "signer_name")


def suggested_distribution(issuer: Unit) -> tuple[str, str]:
    """Nơi nhận a new draft starts from, and whence ("" when none): that of the body's
    most recent issued decision that had any (decision 0074), as `suggested_signer`;
    else nothing, the default ("Như Điều 3" and "Lưu: VT" are always printed)."""
    last = (
        Decision.objects.filter(issuer=issuer, status=Decision.Status.ISSUED)
        .exclude(distribution="")
        .order_by("-issued_on", "-year", "-number", "-pk")
        .only("distribution", "number", "symbol")
        .first()
    )
    if last is None:
        return "", ""
    return (
        last.distribution,
        f"Điền sẵn theo quyết định ban hành gần nhất của {issuer.name} "
        f"({last.number_symbol}); sửa nếu quyết định này gửi nơi khác.",
    )


def decision_earliest_date(decision: Decision) -> datetime.date | None:
    """A decision is signed no earlier than the council session that passed its nominations."""
    return (
        CouncilSession.objects.filter(agenda__nomination__decision=decision)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )


def _take_number(decision: Decision, number: int | None) -> int:
    """The decision's number: the one the văn thư wrote in the paper register, or the
    next one. Never one already given this year; the counter moves past it."""
    return take_document_number(
        decision.issuer, decision.year, DocumentCounter.Kind.DECISION, number
    )


def _register(decision: Decision) -> int:
    """The next số vào sổ of the issuer's register this year (the counter row is locked)."""
    highest = (
        AwardGrant.objects.filter(register_issuer=decision.issuer, register_year=decision.year)
        .order_by("-register_number")
        .values_list("register_number", flat=True)
        .first()
    )
    return (highest or 0) + 1


@transaction.atomic
def decision_issue(
    *,
    actor: AbstractBaseUser,
    decision: Decision,
    issued_on: datetime.date | None = None,
    number: int | None = None,
    overspend: bool = False,
) -> Decision:
    """Ban hành: number it (the number in the paper register, or the next one), date it
    (the real signing date, or today) and write the register, in one transaction.

    Money is paid from the fund: a decision paying more than the fund's balance is
    refused unless the issuer confirms the overspend (`overspend`), which the decision's
    history records with the shortfall (decision 0089)."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    ensure_office(actor, decision.issuer)
    if decision.status != Decision.Status.DRAFT:
        raise ValidationError(
            "Quyết định đã ban hành."
            if decision.status == Decision.Status.ISSUED
            else "Dự thảo đã rút: không ban hành được."
        )
    nominations = list(
        decision.nominations.select_for_update(of=("self",))
        # the campaign: award_year reads it for a nomination with no year of its own
        .select_related("nominee_person", "nominee_unit", "award_type", "campaign")
        .order_by("award_type__order", "award_type__pk", "pk")  # the annex's order
    )
    stale = [n for n in nominations if not workflow.allows(n, "decide")]
    if stale:
        raise ValidationError(
            "Có hồ sơ không còn ở trạng thái được thông qua: "
            + ", ".join(str(n) for n in stale)
            + ". Hãy lập lại dự thảo."
        )
    lines = list(
        decision.grants.select_for_update(of=("self",))
        .select_related("person", "unit", "replaces__person", "replaces__unit")
        .order_by("award_type__order", "award_type__pk", "pk")
    )
    amended = _amended_to_issue(decision, lines, nominations)
    if not nominations and not lines:
        raise ValidationError("Quyết định chưa có ai được khen thưởng.")
    if problem := decision_symbol_problem(decision.symbol):  # a draft of before the check
        raise ValidationError(
            f"Dự thảo ghi ký hiệu “{decision.symbol}”. {problem} Sửa dự thảo rồi ban hành."
        )
    today = timezone.localdate()
    issued_on = issued_on or today
    if issued_on > today:
        raise ValidationError({"issued_on": f"Ngày ký không được sau hôm nay ({today:%d/%m/%Y})."})
    if ended := decision.issuer.after_end_problem(issued_on, "ban hành quyết định"):
        raise ValidationError({"issued_on": ended})
    if amended is not None and issued_on < amended.issued_on:
        raise ValidationError(
            {
                "issued_on": f"Ngày ký không được trước ngày ký Quyết định số "
                f"{amended.number_symbol} ({amended.issued_on:%d/%m/%Y}) mà nó sửa đổi."
            }
        )
    earliest = decision_earliest_date(decision)
    if earliest and issued_on < earliest:
        raise ValidationError(
            {
                "issued_on": f"Ngày ký không được trước ngày họp Hội đồng "
                f"({earliest:%d/%m/%Y}) đã thông qua các hồ sơ."
            }
        )
    decision.issued_on = issued_on
    decision.year = issued_on.year
    if shortfall := _fund_shortfall(decision):
        if not overspend:
            raise ValidationError({"overspend": overspend_problem(decision, shortfall)})
        decision._change_reason = f"Ban hành; xác nhận chi vượt số dư quỹ {vnd(shortfall)} đồng"
    decision.number = _take_number(decision, number)
    decision.status = Decision.Status.ISSUED
    decision.save()
    register = _register(decision)
    grants = []
    for line in lines:  # an amending decision's lines: the corrected list comes first
        if line.struck:
            continue
        line.year = line.year if line.replaces_id else decision.year
        line.register_issuer = decision.issuer
        line.register_year = decision.year
        line.register_number = register
        register += 1
        moved = line.replaces.nomination_id if line.replaces_id else None
        if moved:  # the dossier now points at its grant in force (the older line keeps its row)
            AwardGrant.objects.filter(pk=line.replaces_id).update(nomination=None)
            line.nomination_id = moved
        line.save()
        grants.append(line)
    for offset, nomination in enumerate(nominations):
        grant = AwardGrant.objects.create(
            award_type=nomination.award_type,
            person=nomination.nominee_person,
            unit=nomination.nominee_unit,
            household=nomination.nominee_household,
            year=award_year(nomination, issued_on),
            decision=decision,
            nomination=nomination,
            awardee_unit=nomination.nominee_unit
            or (
                nomination.nominee_person.unit
                if nomination.nominee_person_id
                else nomination.nominating_unit
            ),
            achievement=nomination.achievement_summary,
            register_issuer=decision.issuer,
            register_year=decision.year,
            register_number=register + offset,
        )
        grants.append(grant)
        _transition(
            nomination, Status.DECIDED, actor=actor, note=f"Quyết định số {decision.number_symbol}"
        )
    # the reward money leaves the fund in the same transaction (awards/money.py); an
    # amending decision first gives back what the amended one paid (no line paid twice)
    if amended is not None:
        money.fund_reverse_amended(decision=decision, amended=amended, actor=actor)
    money.fund_book_decision(decision=decision, grants=grants, actor=actor)
    _freeze_decision(decision)
    return decision


def _fund_shortfall(decision: Decision) -> int:
    """How much issuing pays beyond the balance of the fund of the year of
    `decision.issued_on` (`money.decision_fund_preview`'s "overspend": 0 when the fund
    holds it, or when the body keeps no budget or income of that year here), the year's
    fund locked so that two decisions issued at once do not both read the same balance."""
    list(
        Fund.objects.select_for_update()
        .filter(issuer=decision.issuer, year=decision.issued_on.year)
        .values_list("pk", flat=True)
    )
    return money.decision_fund_preview(decision)["overspend"]


def overspend_problem(decision: Decision, shortfall: int) -> str:
    """Why issuing is refused without the confirmation of an overspend (decision 0089)."""
    return (
        f"Quỹ thi đua, khen thưởng năm {decision.issued_on or timezone.localdate():%Y} của "
        f"{decision.issuer.name} không đủ: ban hành quyết định này chi vượt số dư quỹ "
        f"{vnd(shortfall)} đồng. Đánh dấu “{overspend_label(shortfall)}” nếu người có thẩm "
        "quyền đã đồng ý chi vượt; hoặc ghi dự toán, khoản thu vào quỹ trước."
    )


def overspend_label(shortfall: int) -> str:
    """The issue form's box that confirms an overspend."""
    return f"Tôi xác nhận chi vượt số dư quỹ {vnd(shortfall)} đồng"


def _amended_to_issue(
    decision: Decision, lines: list[AwardGrant], nominations: list[Nomination]
) -> Decision | None:
    """The decision an amending draft amends, locked, once checked that it is still the
    latest revision and that the draft changes something; None for an ordinary draft."""
    if not decision.amends_id:
        return None
    amended = Decision.objects.select_for_update().get(pk=decision.amends_id)
    if amended.status != Decision.Status.ISSUED:
        raise ValidationError(f"{amended} chưa ban hành: không sửa đổi được.")
    later = amended.amendments.filter(status=Decision.Status.ISSUED).exclude(pk=decision.pk)
    if later.exists():
        raise ValidationError(
            f"Quyết định số {amended.number_symbol} đã được sửa đổi bởi quyết định khác."
        )
    # the replaced lines, locked against a revocation on the amended decision meanwhile
    # (money.grant_revoke locks the grant): one revoked since the draft was made would
    # otherwise come back in force, and be paid again, with the amending line
    # (struck ones too: a revoked honouree is not struck off again; decision 0085)
    replaced = {line.replaces_id for line in lines if line.replaces_id}
    list(AwardGrant.objects.select_for_update().filter(pk__in=replaced).order_by("pk"))
    revoked = (
        AwardGrant.objects.filter(pk__in=replaced, revocation__isnull=False)
        .select_related("person", "unit", "revocation")
        .order_by("pk")
    )
    if revoked := list(revoked):
        raise ValidationError(
            "; ".join(_revoked_text(grant, grant.revocation) for grant in revoked)
            + f" sau khi lập dự thảo này. {REDRAFT_TEXT}"
        )
    booked = {pk: quote.amount for pk, quote in money.decision_amounts(amended)["by_grant"].items()}
    if not nominations and not any(_line_changed(line, booked) for line in lines):
        raise ValidationError(
            f"Dự thảo chưa sửa gì so với Quyết định số {amended.number_symbol}: sửa dòng cần "
            "đính chính, bãi bỏ hoặc bổ sung người được khen rồi mới ban hành."
        )
    return amended


def _freeze_decision(decision: Decision) -> None:
    """Keep the decision and its certificates as issued: their PDFs never change (nor
    their file names: one issued as giay-khen-….pdf keeps that name)."""
    from . import pdf

    for kind, html, filename in (
        (
            IssuedDocument.Kind.DECISION,
            pdf.decision_html(decision),
            pdf.decision_filename(decision),
        ),
        (
            IssuedDocument.Kind.CERTIFICATES,
            pdf.certificates_html(decision),
            pdf.certificates_filename(decision),
        ),
    ):
        issued_document_freeze(
            kind=kind, object_id=decision.pk, revision=0, html=html, filename=filename
        )


def decision_issued_document(decision: Decision, kind: str) -> IssuedDocument | None:
    """The decision (or its certificates) as issued; None for a draft. A decision
    issued before documents were kept is frozen on first request."""
    if decision.status != Decision.Status.ISSUED:
        return None
    return _frozen(kind, decision, _freeze_decision)


def forward_target(nomination: Nomination) -> Unit | None:
    """Trình cấp trên: the body with the authority for the nomination's award above the
    body that holds it now (`issuer`): the nearest issuing body up the unit tree that
    grants the award (AwardType.granted_by) and is not archived. After the 2025 reform the
    tree is province → commune, so a commune's goes to the province; a department's (a
    Sở) to the province it belongs to. None when no body above grants it."""
    body = nomination.issuer
    award = nomination.award_type
    node = body.parent if body is not None else None
    while node is not None:
        above = issuing_body_of(node)
        if above is None:
            return None
        if not above.archived and award.granted_by(above):
            return above
        node = above.parent
    return None


def council_result_note(nomination: Nomination) -> str:
    """The lower council's result as the history wrote it when it passed the nomination
    (the votes, or the simplified procedure without a vote); "" when none was written."""
    event = (
        nomination.events.filter(to_status=Status.PASSED, from_status=Status.APPRAISED)
        .order_by("-at", "-pk")
        .first()
    )
    return event.note if event is not None else ""


@transaction.atomic
def nomination_forward(
    *,
    actor: AbstractBaseUser,
    nomination: Nomination,
    note: str = "",
    signer_name: str | None = None,
    number: int | None = None,
) -> Nomination:
    """Trình cấp trên for one dossier: `nominations_forward` of it alone (its own tờ
    trình). Decision 0077, 0083."""
    submission = nominations_forward(
        actor=actor,
        nominations=[nomination],
        note=note,
        signer_name=signer_name,
        number=number,
    )
    return submission.nominations.select_related("issuer", "forwarded_from").get(pk=nomination.pk)


def _forward_refused(nomination: Nomination, lower: Unit, *, named: bool) -> Unit:
    """The upper body a nomination goes to, or a ValidationError saying why it cannot
    (`named`: the nominee first, when several were chosen)."""
    label = f"“{nomination.nominee_name}”: " if named else ""
    if nomination.award_type.granted_by(lower):
        raise ValidationError(
            f"{label}“{nomination.award_type.name}” thuộc thẩm quyền của {lower.name}: đưa hồ "
            "sơ vào quyết định khen thưởng của cơ quan, không trình cấp trên."
        )
    upper = forward_target(nomination)
    if upper is None:
        raise ValidationError(
            f"{label}{'k' if named else 'K'}hông có cơ quan nào phía trên {lower.name} trong hệ thống có thẩm quyền "
            f"khen “{nomination.award_type.name}” "
            f"({nomination.award_type.authority or 'chưa ghi thẩm quyền'}): chưa trình được. "
            "Hồ sơ vẫn ở trạng thái đã thông qua; liên hệ quản trị hệ thống để khai báo cơ "
            "quan có thẩm quyền."
        )
    return upper


@transaction.atomic
def nominations_forward(
    *,
    actor: AbstractBaseUser,
    nominations: Iterable[Nomination],
    note: str = "",
    signer_name: str | None = None,
    number: int | None = None,
) -> Submission:
    """Trình cấp trên: passed nominations of one body, beyond its authority, chosen
    together, go with one tờ trình to the body with the authority (`forward_target`),
    with its council's result and the dossiers. The tờ trình takes `number` (typed from the
    paper register) or the next number of the body's series of tờ trình for the year
    (`take_document_number`, decision 0084) and is frozen now (decision 0083). The upper body's office
    receives each as submitted to it and appraises it, puts it before its own council and
    decides it as any other; the lower body keeps reading it (`forwarded_from`). All or
    nothing: one dossier that cannot go refuses the whole. Decision 0077."""
    ids = sorted({n.pk for n in nominations})
    if not ids:
        raise ValidationError("Chọn ít nhất một hồ sơ để trình cấp trên.")
    locked = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related("award_type", "nominating_unit", "issuer")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    if len(locked) != len(ids):
        raise ValidationError("Có hồ sơ không còn trên hệ thống: tải lại trang.")
    lower = locked[0].issuer
    for nomination in locked:
        if nomination.issuer_id != lower.pk:
            raise ValidationError(
                "Một tờ trình là của một cơ quan: các hồ sơ chọn thuộc nhiều cơ quan "
                f"({lower.name}, {nomination.issuer.name}). Trình riêng từng cơ quan."
            )
        ensure_office(actor, nomination.issuer)
        workflow.require(nomination, "forward")
    uppers = {n.pk: _forward_refused(n, lower, named=len(locked) > 1) for n in locked}
    if len({u.pk for u in uppers.values()}) > 1:
        names = ", ".join(sorted({u.name for u in uppers.values()}))
        raise ValidationError(
            f"Một tờ trình gửi một cơ quan: các hồ sơ chọn trình lên nhiều cơ quan ({names}). "
            "Trình riêng theo từng cơ quan có thẩm quyền."
        )
    upper = next(iter(uppers.values()))
    today = timezone.localdate()
    if signer_name is None:
        signer_name = suggested_signer(lower)[0].get("signer_name", "")
    submission = Submission.objects.create(
        issuer=lower,
        addressee=upper,
        year=today.year,
        number=take_document_number(lower, today.year, DocumentCounter.Kind.SUBMISSION, number),
        symbol=f"TTr-{lower.document_code}",
        place=lower.document_place,
        dated=today,
        signer_name=signer_name.strip()[:100],
        created_by=actor,
    )
    for nomination in locked:
        result = council_result_note(nomination)
        forward_note = (
            f"{lower.name} trình {upper.name} (Tờ trình số {submission.number_symbol} ngày "
            f"{today:%d/%m/%Y})."
            + (f" Kết quả bình xét của {lower.name}: {result}" if result else "")
            + (f" Ghi chú: {note.strip()}" if note.strip() else "")
        )
        # the lower body's step, in its history; the upper body's office is told by the next
        NominationEvent.objects.create(
            nomination=nomination,
            by=actor,
            from_status=nomination.status,
            to_status=Status.FORWARDED,
            note=forward_note,
        )
        nomination.status = Status.FORWARDED
        nomination.forwarded_from = lower
        nomination.issuer = upper
        nomination.save(update_fields=["forwarded_from", "issuer", "updated_at"])
        _transition(
            nomination,
            Status.SUBMITTED,
            actor=actor,
            note=f"Hồ sơ đến {upper.name}: chờ cơ quan thường trực thẩm định.",
        )
    submission.nominations.set(locked)
    _freeze_submission(submission)
    return submission


def _freeze_submission(submission: Submission) -> None:
    """Keep the tờ trình as signed at the forwarding (decision 0083), as an issued
    decision is kept (`_freeze_decision`)."""
    from . import pdf

    issued_document_freeze(
        kind=IssuedDocument.Kind.SUBMISSION,
        object_id=submission.pk,
        revision=0,
        html=pdf.submission_document_html(submission),
        filename=pdf.submission_filename(submission),
    )


@transaction.atomic
def nomination_return_down(
    *, actor: AbstractBaseUser, nomination: Nomination, reason: str
) -> Nomination:
    """Trả lại cấp dưới: the upper body's office sends a forwarded dossier back, with a
    reason, to the body that forwarded it. That body holds it again as its council passed
    it, reads the reason and may forward it again once it is fixed. Decision 0077."""
    nomination = _locked(nomination)
    ensure_office(actor, nomination.issuer)
    workflow.require(nomination, "return_down")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại hồ sơ cho cấp dưới.")
    upper, lower = nomination.issuer, nomination.forwarded_from
    if lower.archived:
        # dissolved since it forwarded (a merger normally moved `forwarded_from` on)
        successor = lower.merged_into
        if successor is None or successor.archived or not successor.is_issuing_body:
            raise ValidationError(
                f"{lower.name} đã kết thúc hoạt động, không có cơ quan kế thừa nhận lại hồ "
                "sơ: không trả lại được. Ghi kết quả thẩm định “Không đủ điều kiện” kèm lý "
                "do, hoặc liên hệ quản trị hệ thống."
            )
        lower = successor
    nomination.issuer = lower
    nomination.forwarded_from = None
    nomination.appraisal_note = reason.strip()
    nomination.save(update_fields=["issuer", "forwarded_from", "appraisal_note", "updated_at"])
    return _transition(
        nomination,
        Status.PASSED,
        actor=actor,
        note=f"{upper.name} trả lại {lower.name}: {reason.strip()}",
    )


# ---------------------------------------------------------------------------
# The 2025 reform: a merged unit's open work carries on (decision 0067)

# Nominations not yet decided: the successor's staff continue them. What was decided,
# forwarded, refused or withdrawn keeps the unit and body it was settled under.
CARRIED = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.RETURNED,
    Status.RESUBMITTED,
    Status.APPRAISED,
    Status.PASSED,
)
# Those whose deciding body may still change: not yet voted on by a council. A passed
# one waits for the decision of the body whose council passed it.
REROUTED = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.RESUBMITTED, Status.APPRAISED)


def _deciding_body_after_merge(nomination: Nomination, fallback: Unit) -> Unit:
    """The body that decides a nomination whose body was dissolved: the one a new
    nomination of its unit would go to (a campaign of a dissolved body aside), else the
    unit's own issuing body, else the body the dissolved one merged into."""
    body = deciding_issuer(nomination)
    if body is not None and not body.archived:
        return body
    own = issuing_body_of(nomination.nominating_unit)
    body = own
    while body is not None:
        if not body.archived and nomination.award_type.granted_by(body):
            return body
        body = issuing_body_of(body.parent) if body.parent_id else None
    return own if own is not None and not own.archived else fallback


@transaction.atomic
def nominations_carry_over(
    *, source: Unit, target: Unit, by: AbstractBaseUser | None, reason: str = ""
) -> int:
    """Sáp nhập: the nominations `source` made (or was nominated in) and had not yet seen
    decided move to `target`, whose staff now continue them; those waiting at `source` as
    the deciding body, and not yet before a council, go to the body that decides them
    now. Each says so in its history. Returns how many changed."""
    on_open_agenda = AgendaItem.objects.filter(session__status=CouncilSession.Status.OPEN).values(
        "nomination_id"
    )
    nominations = (
        Nomination.objects.select_for_update(of=("self",))
        .filter(status__in=CARRIED, decision__isnull=True)
        .filter(
            Q(nominating_unit=source)
            | Q(nominee_unit=source)
            | Q(issuer=source)
            | Q(forwarded_from=source)
        )
        .select_related("award_type", "campaign__issuer", "nominating_unit", "issuer")
        .order_by("pk")
    )
    why = f"Sáp nhập {source.name} vào {target.name}" + (f" ({reason})" if reason else "")
    changed = 0
    for nomination in nominations:
        notes, fields = [], []
        if nomination.nominating_unit_id == source.pk:
            nomination.nominating_unit = target
            fields.append("nominating_unit")
            notes.append(f"đơn vị đề nghị nay là {target.name}")
        if nomination.nominee_unit_id == source.pk:
            nomination.nominee_unit = target
            fields.append("nominee_unit")
            notes.append(f"tập thể được đề nghị nay là {target.name}")
        if nomination.forwarded_from_id == source.pk:
            # a dossier the dissolved body forwarded: its successor reads it, and gets it
            # back should the upper body return it (decision 0077)
            nomination.forwarded_from = target
            fields.append("forwarded_from")
            notes.append(f"cơ quan trình nay là {target.name}")
        if (
            nomination.issuer_id == source.pk
            and nomination.status in REROUTED
            and not on_open_agenda.filter(nomination_id=nomination.pk).exists()
        ):
            body = _deciding_body_after_merge(nomination, fallback=target)
            if body.pk != source.pk:
                nomination.issuer = body
                fields.append("issuer")
                notes.append(f"cơ quan xét khen thưởng nay là {body.name}")
        if not fields:
            continue
        nomination._history_user = by
        nomination._change_reason = why[:100]
        nomination.save(update_fields=[*fields, "updated_at"])
        NominationEvent.objects.create(
            nomination=nomination,
            by=by,
            from_status=nomination.status,
            to_status=nomination.status,
            note=f"{why}: " + "; ".join(notes) + ".",
        )
        changed += 1
    return changed


def _on_unit_merged(sender, source, target, by=None, reason="", **kwargs) -> None:
    nominations_carry_over(source=source, target=target, by=by, reason=reason)


def connect_reform() -> None:
    """`units.models.merged` carries the merged unit's nominations on (AwardsConfig.ready)."""
    from units.models import merged

    merged.connect(_on_unit_merged, dispatch_uid="awards:nominations-carry-over-on-merge")


COMMENTS_PER_HOUR = 5


@transaction.atomic
def comment_add(*, nomination: Nomination, name: str, contact: str, text: str, sender_key: str):
    """A citizen's comment on a nominee under public notice. At most a few per sender
    per hour (counted in the database, so every server instance agrees)."""
    from .models import PublicComment

    today = timezone.localdate()
    if (
        not nomination.notice_until
        or nomination.notice_until < today
        or not workflow.allows(nomination, "comment")
    ):
        raise ValidationError("Hồ sơ này không còn trong thời gian lấy ý kiến.")
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    if (
        PublicComment.objects.filter(sender_key=sender_key, created_at__gte=hour_ago).count()
        >= COMMENTS_PER_HOUR
    ):
        raise ValidationError("Bạn đã gửi nhiều ý kiến trong một giờ qua. Vui lòng thử lại sau.")
    if not name.strip() or not text.strip():
        raise ValidationError("Cần ghi họ tên và nội dung ý kiến.")
    return PublicComment.objects.create(
        nomination=nomination,
        name=name.strip()[:120],
        contact=contact.strip()[:120],
        text=text.strip()[:3000],
        sender_key=sender_key,
    )


def _deciding_body(issuer: Unit, award_type) -> Unit:
    """The body whose council decides: this issuer if it has the authority, else the
    nearest issuing body above it."""
    if award_type.granted_by(issuer) or issuer.parent_id is None:
        return issuer
    return issuing_body_of(issuer.parent) or issuer


@transaction.atomic
def nominations_from_ranking(
    *,
    actor: AbstractBaseUser,
    campaign,
    ranking: list,
    award_type,
    top: int = 1,
) -> list[Nomination]:
    """Đề nghị từ kết quả xếp hạng: the standing office drafts collective nominations
    (Cờ thi đua, Bằng khen) for the leading units of a bloc, in one step. Units tied
    at the cut-off rank are all included; the drafts then follow the awards flow."""
    ensure_office(actor, campaign.issuer)
    if award_type.recipient_kind != "collective":
        raise ValidationError("Chọn một danh hiệu, hình thức dành cho tập thể.")
    ranked = [r for r in ranking if r.rank is not None]
    if not ranked:
        raise ValidationError("Khối chưa có điểm thống nhất để xếp hạng.")
    cutoff = ranked[min(top, len(ranked)) - 1].rank
    drafts = []
    for row in ranked:
        if row.rank > cutoff:
            break
        nomination = Nomination(
            award_type=award_type,
            nominee_unit=row.unit,
            nominating_unit=campaign.issuer,
            campaign=campaign,
            commendation_kind=Nomination.CommendationKind.CAMPAIGN,
            achievement_summary=f"Xếp hạng {row.rank} khối thi đua với {row.points} điểm"
            + (" (đồng hạng)" if row.tied else "")
            + ".",
        )
        drafts.append(
            nomination_create(
                actor=actor,
                nomination=nomination,
                issuer=_deciding_body(campaign.issuer, award_type),
                note="Lập từ kết quả xếp hạng khối.",
            )
        )
    return drafts
