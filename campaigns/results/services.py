"""Every write of results tracking.

Each service is keyword-only and atomic, checks the actor (through memberships) and
the state, and leaves a history row naming who did it (and why, when a recorded
figure is changed). The standing office of the issuing body sets criteria, report
periods, the registration deadline and blocs; unit staff register and report for
their own unit; each member of a bloc records its own score and the head unit the
agreed scores, which decide who is proposed for the Cờ thi đua.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from units.access import ensure_office, unit_bodies, units_below
from units.files import store_upload
from units.models import Unit
from units.services import archive_stamp
from units.text import number_text

from ..models import BLOC_SCORE_MAX, Campaign, plausible_date
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
from .selectors import REPORTING, is_addressed, version

M = TypeVar("M", bound=models.Model)

LOCKED = "Báo cáo đã nộp; chỉ sửa được khi bị trả lại."


def _stamp(instance: models.Model, actor: AbstractBaseUser, reason: str = "") -> None:
    """Name the actor (and the reason) on the history row the next save writes."""
    instance._history_user = actor
    if reason:
        instance._change_reason = reason[:100]


def _ensure_unit(actor: AbstractBaseUser, unit: Unit) -> None:
    if not unit_bodies(actor).filter(pk=unit.pk).exists():
        raise PermissionDenied("Bạn không phải cán bộ của đơn vị này.")


def _ensure_open(campaign: Campaign, refused: str) -> None:
    """The office sets a campaign up until it is summarised or withdrawn."""
    if campaign.status in (Campaign.Status.SUMMARISED, Campaign.Status.WITHDRAWN):
        raise ValidationError(f"Phong trào đã tổng kết hoặc thu hồi: {refused}.")


def _ensure_addressed(campaign: Campaign, unit: Unit) -> None:
    if campaign.status not in REPORTING:
        raise ValidationError("Phong trào chưa ban hành hoặc đã tổng kết, thu hồi.")
    if not is_addressed(campaign, unit):
        raise ValidationError("Phong trào này không gửi đến đơn vị của bạn.")


def _locked(model: type[models.Model], **keys) -> models.Model:
    """The row for `keys`, locked until the transaction ends; or a new, unsaved one."""
    return model.objects.select_for_update().filter(**keys).first() or model(**keys)


def _save(instance: models.Model) -> None:
    """Save; a first save that another request's insert beat (a double click, two staff
    of one unit) is refused with a message, and nothing of this request is kept."""
    if instance.pk:
        instance.save()
        return
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError(
            "Dữ liệu này vừa được lưu ở một cửa sổ hoặc bởi người khác; "
            "tải lại trang để xem rồi sửa nếu cần."
        ) from None


def _ensure_unchanged(
    row: models.Model, loaded: str | None, what: str, actor: AbstractBaseUser
) -> None:
    """Refuse to write over a save made after the form was opened (`loaded`, its version
    then: `selectors.version`; None when the caller does not say). Two clerks of one unit
    on one page: the second one's form would silently wipe what the first one saved."""
    if loaded is None or version(row) == loaded:
        return
    last = row.history.select_related("history_user").first()
    who = last.history_user if last else None
    if who is not None and who.pk == actor.pk:
        by = "bạn lưu ở một cửa sổ khác"
    else:
        by = f"{(who.get_full_name() or who.username) if who else 'người khác'} lưu"
    when = timezone.localtime(row.updated_at)
    raise ValidationError(
        f"{what} vừa được {by} lúc {when:%H:%M ngày %d/%m/%Y}, sau khi bạn mở trang: "
        "chưa lưu gì của bạn. Các ô bên dưới vẫn giữ điều bạn vừa nhập; xem bản đã lưu, "
        "sửa cho đúng rồi bấm lại."
    )


def _add(instance: M, actor: AbstractBaseUser) -> M:
    """A new row the office sets up: validated, saved, its history naming the actor."""
    _full_clean(instance)
    _stamp(instance, actor)
    instance.save()
    return instance


def _full_clean(instance: models.Model, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise ValidationError(
                [msg for messages in exc.message_dict.values() for msg in messages]
            ) from None
        raise


# ---------------------------------------------------------------------------
# The office


@transaction.atomic
def criterion_add(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    name: str,
    kind: str,
    group: str = "",
    measure: str = "",
    target: Decimal | None = None,
    max_points: Decimal | None = None,
    weight: Decimal = Decimal(1),
) -> Criterion:
    """Thêm tiêu chí thi đua to a campaign that has not been summarised or withdrawn."""
    ensure_office(actor, campaign.issuer)
    _ensure_open(campaign, "không thêm tiêu chí")
    if kind == Criterion.Kind.POINTS and not max_points:
        raise ValidationError("Tiêu chí chấm điểm cần có điểm tối đa.")
    criterion = Criterion(
        campaign=campaign,
        group=group,
        name=name,
        kind=kind,
        measure=measure,
        target=target,
        max_points=max_points,
        weight=weight,
        order=campaign.criteria.count() + 1,
    )
    return _add(criterion, actor)


@transaction.atomic
def period_add(
    *, actor: AbstractBaseUser, campaign: Campaign, kind: str, due_on: datetime.date
) -> ReportPeriod:
    """Thêm kỳ báo cáo (sơ kết, tổng kết) with its due date."""
    ensure_office(actor, campaign.issuer)
    _ensure_open(campaign, "không thêm kỳ báo cáo")
    period = ReportPeriod(campaign=campaign, kind=kind, due_on=due_on)
    _ensure_no_twin(period)
    return _add(period, actor)


def _ensure_no_twin(period: ReportPeriod) -> None:
    """One Tổng kết per campaign, and no two periods of one kind due the same day: a
    second "Thêm kỳ báo cáo" had every unit owe two identical reports (decision 0088).
    Several Sơ kết on different dates are ordinary (6 months, 9 months)."""
    others = ReportPeriod.objects.filter(campaign_id=period.campaign_id, kind=period.kind)
    if period.pk:
        others = others.exclude(pk=period.pk)
    if period.kind == ReportPeriod.Kind.FINAL:
        twin = others.first()
    else:
        twin = others.filter(due_on=period.due_on).first()
    if twin:
        raise ValidationError(
            f"Phong trào đã có kỳ “{twin}”: sửa hạn nộp của kỳ đó thay vì thêm kỳ mới."
            if period.kind == ReportPeriod.Kind.FINAL
            else f"Phong trào đã có kỳ “{twin}” cùng hạn nộp."
        )


CRITERION_FIELDS = ("group", "name", "kind", "measure", "target", "max_points", "weight")


def _archive(instance, actor: AbstractBaseUser, reason: str) -> None:
    if not reason.strip():
        raise ValidationError("Cần ghi lý do lưu trữ.")
    instance.archived = True
    instance.archived_on = timezone.now()
    instance.archived_by = actor
    instance.archived_reason = reason.strip()
    _stamp(instance, actor, f"Lưu trữ: {reason.strip()}")
    instance.save()


def _criterion_used(criterion: Criterion) -> bool:
    return (
        ReportValue.objects.filter(criterion=criterion).exists()
        or RegistrationTarget.objects.filter(criterion=criterion).exists()
    )


@transaction.atomic
def criterion_update(*, actor: AbstractBaseUser, criterion: Criterion, **changes) -> Criterion:
    """Sửa tiêu chí: its wording, target or weight; the history keeps what it was. Its kind
    (a number, yes/no, points) stays once units have registered or reported against it."""
    criterion = (
        Criterion.objects.select_for_update().select_related("campaign").get(pk=criterion.pk)
    )
    ensure_office(actor, criterion.campaign.issuer)
    _ensure_open(criterion.campaign, "không sửa tiêu chí")
    unknown = set(changes) - set(CRITERION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown criterion fields: {sorted(unknown)}")
    if "kind" in changes and changes["kind"] != criterion.kind and _criterion_used(criterion):
        raise ValidationError(
            "Đã có đơn vị đăng ký hoặc báo cáo theo tiêu chí này: không đổi loại tiêu chí được."
        )
    for field, value in changes.items():
        setattr(criterion, field, value)
    if criterion.kind == Criterion.Kind.POINTS and not criterion.max_points:
        raise ValidationError("Tiêu chí chấm điểm cần có điểm tối đa.")
    _full_clean(criterion)
    _stamp(criterion, actor, "Sửa tiêu chí")
    criterion.save()
    return criterion


@transaction.atomic
def criterion_archive(*, actor: AbstractBaseUser, criterion: Criterion, reason: str) -> Criterion:
    """Bỏ tiêu chí: archived, never deleted; refused once units registered or reported
    against it (their figures would lose their meaning)."""
    criterion = (
        Criterion.objects.select_for_update().select_related("campaign").get(pk=criterion.pk)
    )
    ensure_office(actor, criterion.campaign.issuer)
    _ensure_open(criterion.campaign, "không bỏ tiêu chí")
    if _criterion_used(criterion):
        raise ValidationError(
            f"Không bỏ được tiêu chí “{criterion.name}”: đã có đơn vị đăng ký hoặc báo cáo "
            "theo tiêu chí này. Có thể sửa tên, chỉ tiêu hoặc trọng số."
        )
    _archive(criterion, actor, reason)
    return criterion


@transaction.atomic
def period_update(
    *, actor: AbstractBaseUser, period: ReportPeriod, kind: str, due_on: datetime.date
) -> ReportPeriod:
    """Sửa kỳ báo cáo: its kind or due date; the history keeps the earlier one."""
    period = ReportPeriod.objects.select_for_update().select_related("campaign").get(pk=period.pk)
    ensure_office(actor, period.campaign.issuer)
    _ensure_open(period.campaign, "không sửa kỳ báo cáo")
    period.kind, period.due_on = kind, due_on
    _ensure_no_twin(period)
    _full_clean(period)
    _stamp(period, actor, "Sửa kỳ báo cáo")
    period.save()
    return period


@transaction.atomic
def period_archive(*, actor: AbstractBaseUser, period: ReportPeriod, reason: str) -> ReportPeriod:
    """Bỏ kỳ báo cáo: archived; refused once a unit has reported for it."""
    period = ReportPeriod.objects.select_for_update().select_related("campaign").get(pk=period.pk)
    ensure_office(actor, period.campaign.issuer)
    _ensure_open(period.campaign, "không bỏ kỳ báo cáo")
    if ResultReport.objects.filter(period=period).exists():
        raise ValidationError(
            f"Không bỏ được kỳ báo cáo “{period}”: đã có đơn vị báo cáo cho kỳ này. "
            "Có thể sửa hạn nộp."
        )
    _archive(period, actor, reason)
    return period


@transaction.atomic
def registration_deadline_set(
    *, actor: AbstractBaseUser, campaign: Campaign, deadline: datetime.date | None
) -> Campaign:
    """Đặt hạn đăng ký thi đua; the campaign's history keeps the earlier deadline."""
    ensure_office(actor, campaign.issuer)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _ensure_open(campaign, "không đặt hạn đăng ký")
    if deadline:
        plausible_date(deadline)
    if refused := campaign.deadline_refused(deadline):
        raise ValidationError(refused)
    campaign.registration_deadline = deadline
    _stamp(campaign, actor, "Đặt hạn đăng ký thi đua")
    campaign.save(update_fields=["registration_deadline", "updated_at"])
    return campaign


@transaction.atomic
def report_return(*, actor: AbstractBaseUser, report: ResultReport, reason: str) -> ResultReport:
    """Trả lại báo cáo: the unit may correct and submit it again."""
    report = (
        ResultReport.objects.select_for_update()
        .select_related("period__campaign__issuer")
        .get(pk=report.pk)
    )
    ensure_office(actor, report.period.campaign.issuer)
    if report.period.campaign.status not in REPORTING:
        # returned, the unit could never resend it, and it would leave the summarised figures
        raise ValidationError(
            "Phong trào đã tổng kết hoặc thu hồi: không trả lại báo cáo được, vì đơn vị "
            "không còn nộp lại được."
        )
    if report.status != ResultReport.Status.SUBMITTED:
        raise ValidationError("Chỉ trả lại được báo cáo đã nộp.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do trả lại báo cáo.")
    report.status = ResultReport.Status.RETURNED
    report.return_reason = reason.strip()
    _stamp(report, actor, reason.strip())
    report.save(update_fields=["status", "return_reason", "updated_at"])
    return report


def _bloc_members(
    issuer: Unit, year: int, head: Unit, members: list[Unit], bloc: Bloc | None = None
) -> list[Unit]:
    """The members (the head among them), each below the issuer and in no other bloc of
    the issuer that year: a unit sits in one bloc of an issuer per year."""
    if head not in members:
        members = [head, *members]
    below = units_below([issuer]) - {issuer.pk}
    outside = [m.name for m in members if m.pk not in below]
    if outside:
        raise ValidationError(
            f"Đơn vị không thuộc {issuer.name}: " + ", ".join(sorted(outside)) + "."
        )
    others = Bloc.objects.filter(issuer=issuer, year=year)
    if bloc is not None:
        others = others.exclude(pk=bloc.pk)
    taken = list(
        Unit.objects.filter(pk__in=[m.pk for m in members], blocs_in__in=others).values_list(
            "name", flat=True
        )
    )
    if taken:
        raise ValidationError(
            f"Đơn vị đã thuộc một khối khác năm {year}: " + ", ".join(taken) + "."
        )
    return members


@transaction.atomic
def bloc_create(
    *, actor: AbstractBaseUser, issuer: Unit, year: int, name: str, head: Unit, members: list[Unit]
) -> Bloc:
    """A bloc for a year; a unit sits in one bloc of an issuer per year."""
    ensure_office(actor, issuer)
    members = _bloc_members(issuer, year, head, members)
    bloc = Bloc(issuer=issuer, year=year, name=name, head=head)
    _add(bloc, actor)
    bloc.members.set(members)
    return bloc


@transaction.atomic
def bloc_update(
    *, actor: AbstractBaseUser, bloc: Bloc, year: int, name: str, head: Unit, members: list[Unit]
) -> Bloc:
    """Sửa khối: its name, year, head and members, by the office that organised it. Once
    a unit has a score in the bloc it stays a member, and the year stays (the scores are
    that year's campaigns'); the history keeps what it was."""
    bloc = Bloc.objects.select_for_update().get(pk=bloc.pk)
    ensure_office(actor, bloc.issuer)
    members = _bloc_members(bloc.issuer, year, head, members, bloc=bloc)
    scored = BlocScore.objects.filter(bloc=bloc)
    if year != bloc.year and scored.exists():
        raise ValidationError(f"Khối đã có điểm chấm năm {bloc.year}: không đổi năm được.")
    kept = {m.pk for m in members}
    dropped = sorted(set(scored.exclude(unit__in=kept).values_list("unit__name", flat=True)))
    if dropped:
        raise ValidationError(
            "Đơn vị đã có điểm chấm trong khối, không bỏ ra được: " + ", ".join(dropped) + "."
        )
    bloc.year, bloc.name, bloc.head = year, name, head
    _full_clean(bloc)
    _stamp(bloc, actor, "Sửa khối")
    bloc.save()
    bloc.members.set(members)
    return bloc


# ---------------------------------------------------------------------------
# Units


@transaction.atomic
def registration_submit(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    unit: Unit,
    targets: dict[int, Decimal | None],
    titles_aimed: str = "",
    loaded: str | None = None,
) -> Registration:
    """Đăng ký thi đua by the registration deadline, with a target per criterion.
    `loaded`: the registration's version when the form was opened (`_ensure_unchanged`)."""
    _ensure_unit(actor, unit)
    _ensure_addressed(campaign, unit)
    if campaign.registration_refusal:
        raise ValidationError(campaign.registration_refusal)
    criteria = set(campaign.criteria.values_list("pk", flat=True))
    if set(targets) - criteria:
        raise ValidationError("Tiêu chí không thuộc phong trào này.")
    registration = _locked(Registration, campaign=campaign, unit=unit)
    _ensure_unchanged(registration, loaded, "Bản đăng ký của đơn vị", actor)
    registration.titles_aimed = titles_aimed
    registration.submitted_at = timezone.now()
    registration.submitted_by = actor
    _stamp(registration, actor)
    _save(registration)
    existing = {t.criterion_id: t for t in registration.targets.all()}
    for criterion_id, value in targets.items():
        target = existing.get(criterion_id) or RegistrationTarget(
            registration=registration, criterion_id=criterion_id
        )
        if target.pk and target.value == value:
            continue
        target.value = value
        _stamp(target, actor)
        _save(target)
    return registration


@transaction.atomic
def report_save(
    *,
    actor: AbstractBaseUser,
    period: ReportPeriod,
    unit: Unit,
    values: dict[int, tuple[Decimal | None, str]],
    submit: bool = False,
    loaded: str | None = None,
    uploads: Sequence[UploadedFile] = (),
) -> ResultReport:
    """Save a unit's results (value and evidence per criterion) and the evidence files
    chosen with them (`uploads`); optionally submit them.

    Only a unit the campaign addresses reports, and only while the campaign takes
    reports; a submitted report is locked until the office returns it. `loaded`: the
    report's version when the form was opened; a save made since is not written over.
    All or nothing: a refused file (`units.files.store_upload`) raises a ValidationError
    keyed "files" and no figure, file or report is kept (decision 0095)."""
    _ensure_unit(actor, unit)
    campaign = period.campaign
    _ensure_addressed(campaign, unit)
    criteria = set(campaign.criteria.values_list("pk", flat=True))
    if set(values) - criteria:
        raise ValidationError("Tiêu chí không thuộc phong trào này.")
    report = _locked(ResultReport, period=period, unit=unit)
    if report.status == ResultReport.Status.SUBMITTED:
        raise ValidationError(LOCKED)
    _ensure_unchanged(report, loaded, "Báo cáo", actor)
    if submit and not any(value is not None or evidence for value, evidence in values.values()):
        raise ValidationError("Báo cáo chưa có kết quả nào: nhập kết quả trước khi nộp.")
    if submit:
        if report.status == ResultReport.Status.RETURNED and not report.first_submitted_at:
            # sent again after a return: its timeliness stays the first sending's
            report.first_submitted_at = report.submitted_at
        report.status = ResultReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
        report.return_reason = ""
    notes = ["Nộp báo cáo"] if submit else []
    if uploads:
        notes.append("Đính kèm tệp " + ", ".join(f"“{u.name}”" for u in uploads))
    _stamp(report, actor, "; ".join(notes))
    _save(report)
    _attach_files(report, uploads, actor)
    existing = {v.criterion_id: v for v in report.values.all()} if report.pk else {}
    for criterion_id, (value, evidence) in values.items():
        row = existing.get(criterion_id) or ReportValue(report=report, criterion_id=criterion_id)
        if row.pk and (row.value, row.evidence) == (value, evidence):
            continue
        row.value, row.evidence = value, evidence
        _stamp(row, actor)
        _save(row)
    return report


def _editable_report(actor: AbstractBaseUser, period: ReportPeriod, unit: Unit) -> ResultReport:
    """The unit's report for the period, locked, while its staff may change it (the
    rules of `report_save`); a new draft when the unit has not saved one yet."""
    _ensure_unit(actor, unit)
    _ensure_addressed(period.campaign, unit)
    report = _locked(ResultReport, period=period, unit=unit)
    if report.status == ResultReport.Status.SUBMITTED:
        raise ValidationError(LOCKED)
    return report


def _attach_files(report: ResultReport, uploads: Sequence[UploadedFile], actor) -> None:
    """Đính kèm tệp minh chứng to a saved report: each checked by content and size and
    stored privately (`units.files.store_upload`). A refusal is keyed "files", for the
    view to say beside the file box; the caller's transaction then keeps nothing, and
    the files already written are discarded with it (`discard_uncommitted_files`)."""
    for upload in uploads:
        stored = ReportFile(report=report)
        try:
            store_upload(stored, upload, by=actor)
        except ValidationError as exc:
            raise ValidationError({"files": exc.messages}) from None
        stored.save()


@transaction.atomic
def report_file_archive(*, actor: AbstractBaseUser, stored: ReportFile, reason: str) -> ReportFile:
    """Gỡ tệp: a file attached by mistake leaves the report while its figures may be
    edited; it is archived with who, when and why, never deleted, and the report's
    history says so."""
    stored = (
        ReportFile.objects.select_for_update()
        .select_related("report__period__campaign")
        .get(pk=stored.pk)
    )
    report = _editable_report(actor, stored.report.period, stored.report.unit)
    if stored.report_id != report.pk or stored.archived:
        raise ValidationError("Tệp này không có trong báo cáo.")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do gỡ tệp.")
    archive_stamp(stored, by=actor, reason=reason.strip())
    _stamp(report, actor, f"Gỡ tệp “{stored.original_name}”: {reason.strip()}")
    report.save(update_fields=["updated_at"])
    return stored


# ---------------------------------------------------------------------------
# Bloc scores


def _ensure_scoring(campaign: Campaign, bloc: Bloc) -> None:
    if campaign.issuer_id != bloc.issuer_id:
        raise ValidationError("Khối này không thuộc cơ quan phát động phong trào.")
    if campaign.status not in REPORTING:
        raise ValidationError("Chỉ chấm điểm phong trào đang thực hiện hoặc đã kết thúc.")
    if campaign.year and campaign.year != bloc.year:
        raise ValidationError(
            f"Khối năm {bloc.year} không chấm điểm phong trào của năm {campaign.year}."
        )


@transaction.atomic
def score_enter(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    bloc: Bloc,
    unit: Unit,
    kind: str,
    points: Decimal,
    reason: str = "",
) -> BlocScore:
    """A unit records its own score; the bloc's head records the agreed score of each member.

    An agreed score decides who is proposed for the Cờ thi đua, so changing one that
    was recorded needs a reason, and its history keeps every earlier value."""
    _ensure_scoring(campaign, bloc)
    if not bloc.members.filter(pk=unit.pk).exists():
        raise ValidationError("Đơn vị không thuộc khối này.")
    if kind == BlocScore.Kind.SELF:
        _ensure_unit(actor, unit)
    elif kind == BlocScore.Kind.AGREED:
        if not unit_bodies(actor).filter(pk=bloc.head_id).exists():
            raise PermissionDenied("Chỉ đơn vị trưởng khối ghi điểm thống nhất của khối.")
    else:
        raise ValidationError("Loại điểm không hợp lệ.")
    if not 0 <= points <= BLOC_SCORE_MAX:
        top = number_text(BLOC_SCORE_MAX)
        raise ValidationError(
            f"{BlocScore.Kind(kind).label} của {unit.name}: {number_text(points)} nằm ngoài "
            f"thang điểm của khối (từ 0 đến {top})."
        )
    score = _locked(BlocScore, campaign=campaign, bloc=bloc, unit=unit, kind=kind)
    if score.pk and score.points == points:
        return score
    if score.pk and kind == BlocScore.Kind.AGREED and not reason.strip():
        raise ValidationError(
            f"Điểm thống nhất của {unit.name} đã ghi là "
            f"{number_text(score.points)}: cần ghi lý do khi sửa."
        )
    score.points = points
    score.entered_by = actor
    _full_clean(score, exclude=["campaign", "bloc", "unit", "entered_by"])
    _stamp(score, actor, reason.strip())
    _save(score)
    return score


@transaction.atomic
def scores_enter(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    bloc: Bloc,
    entries: Iterable[tuple[Unit, str, Decimal]],
    reason: str = "",
) -> int:
    """Every score of the scoring form, or none. Returns how many changed. A form with
    no score at all is refused: "Đã lưu điểm." would say something was written."""
    entries = list(entries)
    if not entries:
        raise ValidationError("Chưa ghi điểm nào: điền điểm vào ít nhất một ô.")
    before = {
        (unit_id, kind): points
        for unit_id, kind, points in BlocScore.objects.filter(
            campaign=campaign, bloc=bloc
        ).values_list("unit_id", "kind", "points")
    }
    changed = 0
    for unit, kind, points in entries:
        score_enter(
            actor=actor,
            campaign=campaign,
            bloc=bloc,
            unit=unit,
            kind=kind,
            points=points,
            reason=reason,
        )
        changed += before.get((unit.pk, kind)) != points
    return changed


# ---------------------------------------------------------------------------
# The 2025 reform: a merged unit's part in running campaigns (decision 0067)


@transaction.atomic
def registrations_carry_over(
    *, source: Unit, target: Unit, by: AbstractBaseUser | None, reason: str = ""
) -> int:
    """Sáp nhập: the registrations and reports `source` made for campaigns still taking
    reports become `target`'s, which now registers, reports and is counted for that
    territory; where `target` has its own (or another predecessor's, merged first), that
    one stands and the source's stays with the old unit, as written, its history saying
    why: the target's registration and report pages and the office's results page show
    it (`selectors.predecessor_registrations`, `predecessor_reports`; decision 0070).
    Nothing is summed or overwritten: two communes' targets are each their own. A
    summarised or withdrawn campaign keeps them as they were. The history names the
    merge. Returns how many moved."""
    why = (f"Sáp nhập {source.name} vào {target.name}" + (f" ({reason})" if reason else ""))[:100]
    moved = 0
    rows = (
        (
            Registration.objects.filter(unit=source, campaign__status__in=REPORTING),
            Registration.objects.filter(unit=target).values_list("campaign_id", flat=True),
            "campaign_id",
            "đăng ký",
        ),
        (
            ResultReport.objects.filter(unit=source, period__campaign__status__in=REPORTING),
            ResultReport.objects.filter(unit=target).values_list("period_id", flat=True),
            "period_id",
            "báo cáo kỳ này",
        ),
    )
    for carried, held, key, what in rows:
        taken = set(held)
        for row in carried.select_for_update().order_by("pk"):
            if getattr(row, key) in taken:
                row._history_user = by
                row._change_reason = (
                    f"Sáp nhập vào {target.name}, đơn vị đã có {what}: giữ ở đơn vị cũ"
                )[:100]
                row.save(update_fields=["updated_at"])
                continue
            row.unit = target
            row._history_user = by
            row._change_reason = why
            row.save(update_fields=["unit", "updated_at"])
            taken.add(getattr(row, key))
            moved += 1
    return moved


def _on_unit_merged(sender, source, target, by=None, reason="", **kwargs) -> None:
    registrations_carry_over(source=source, target=target, by=by, reason=reason)


def connect_reform() -> None:
    """`units.models.merged` carries registrations and reports on (CampaignsConfig.ready)."""
    from units.models import merged

    merged.connect(_on_unit_merged, dispatch_uid="campaigns:registrations-carry-over-on-merge")
