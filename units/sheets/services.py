"""An Excel import's life, each step recorded on its ImportRecord:

upload (the file is kept) → check (every row read and checked: the preview) → confirm
→ write, all or nothing, after checking again against the data as it is then → revert,
as a whole. Checking and writing run as tasks (a worker in production, in-process under
`make run`), so a file of 40,000 rows never holds a web request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from units.access import holds_office, office_bodies, unit_bodies, units_below
from units.files import XLSX, validate_upload
from units.mail import email_queue, site_link
from units.models import ImportRecord, Unit, descendant_ids_of, lineage_ids_of

from .columns import UnitIndex, cell_json
from .kinds import (
    ACTION_LABELS,
    OFFICE,
    REFUSE,
    UNIT,
    UPDATE,
    Context,
    DuplicateColumn,
    RowPlan,
    RowRefused,
    SheetKind,
    kind_get,
    kinds_all,
)
from .reader import SheetError, read_sheet

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 1000  # rows between two progress writes
NOTIFY_ROWS = 500  # files this big are told by email when their step ends
MAX_PROBLEMS = 5000  # errors kept for the page and the report


# -- access -------------------------------------------------------------------------
# Two kinds of importer (SheetKind.imported_by): the standing office, for its body and the
# units below it (units, people, roles, the register), and a unit's staff, for their unit
# and the units below it (its nominations). Each import names its unit (`office`), and
# every step checks again that the actor is that unit's importer for the kind.


def import_offices(user: AbstractBaseUser) -> QuerySet[Unit]:
    """The bodies for which the user may import: those whose standing office they are."""
    return office_bodies(user)


def kind_bodies(user: AbstractBaseUser, kind: SheetKind) -> QuerySet[Unit]:
    """The units for which the user may import `kind`."""
    return unit_bodies(user) if kind.imported_by == UNIT else office_bodies(user)


def kinds_for(user: AbstractBaseUser) -> list[SheetKind]:
    """The kinds the user imports and exports, by their role (a right a kind also needs,
    such as granting roles, is `may_import_kind`'s)."""
    if not user.is_authenticated:
        return []
    importers = {
        importer
        for importer, bodies in ((OFFICE, import_offices), (UNIT, unit_bodies))
        if user.is_superuser or bodies(user).exists()
    }
    return [kind for kind in kinds_all() if kind.imported_by in importers]


def import_bodies(user: AbstractBaseUser, kinds: list[SheetKind]) -> QuerySet[Unit]:
    """The units the upload form offers for `kinds`: the office's bodies and the staff's
    units. A superuser is offered the issuing bodies (every unit of a province was a
    select of thousands: decision 0020) and may name any unit by the command line."""
    importers = {kind.imported_by for kind in kinds}
    if user.is_superuser or importers == {OFFICE}:
        return import_offices(user)
    if importers == {UNIT}:
        return unit_bodies(user)
    return Unit.objects.filter(
        Q(pk__in=import_offices(user).values("pk")) | Q(pk__in=unit_bodies(user).values("pk"))
    )


def may_import(user: AbstractBaseUser) -> bool:
    return bool(kinds_for(user))


def office_scope(office: Unit) -> set[int]:
    """The office's body and all below it, with the units merged into any of them and
    all below those: a ward's office types in the register of the communes merged into
    it in 2025 (decision 0067). An archived unit is still not edited (the kinds say so)."""
    return descendant_ids_of(lineage_ids_of(units_below([office])))


def import_scope(
    actor: AbstractBaseUser, office: Unit | None, kind: SheetKind | None = None
) -> set[int] | None:
    """Ids of the units an import of `kind` for `office` may touch (`office_scope`); None,
    for the whole tree, only for a superuser's import of the office's kinds. A unit's kind
    (its nominations, decision 0068) is imported by the unit's own staff only."""
    by_unit = kind is not None and kind.imported_by == UNIT
    if office is None:
        if by_unit:
            raise PermissionDenied("Chọn đơn vị đề nghị của lần nhập.")
        if not actor.is_superuser:
            raise PermissionDenied("Chọn cơ quan thường trực của lần nhập.")
        return None
    if by_unit:
        if not unit_bodies(actor).filter(pk=office.pk).exists():
            raise PermissionDenied(
                "Bạn không phải cán bộ của đơn vị này: chỉ nhập đề nghị khen thưởng cho "
                "đơn vị của mình."
            )
    elif not holds_office(actor, office):
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực của đơn vị này.")
    return office_scope(office)


def may_import_kind(user: AbstractBaseUser, kind: SheetKind) -> bool:
    return not kind.permission or (user.is_active and user.has_perm(kind.permission))


def ensure_kind_right(user: AbstractBaseUser, kind: SheetKind) -> None:
    if not may_import_kind(user, kind):
        raise PermissionDenied(
            f"Nhập “{kind.title.lower()}” cần quyền riêng (ví dụ quyền giao vai trò); "
            "đề nghị quản trị hệ thống cấp quyền hoặc nhập giúp."
        )


def records_visible_to(user: AbstractBaseUser) -> QuerySet[ImportRecord]:
    """What the user uploaded, and the imports of the units they import for: the office's
    kinds for its bodies, a unit's kinds (its nominations) for the unit's staff."""
    records = ImportRecord.objects.select_related("office", "uploaded_by")
    if user.is_superuser:
        return records
    by_unit = [kind.key for kind in kinds_all() if kind.imported_by == UNIT]
    return records.filter(
        Q(uploaded_by=user)
        | (~Q(kind__in=by_unit) & Q(office__in=import_offices(user)))
        | Q(kind__in=by_unit, office__in=unit_bodies(user))
    )


def ensure_record_access(user: AbstractBaseUser, record: ImportRecord) -> None:
    if not records_visible_to(user).filter(pk=record.pk).exists():
        raise PermissionDenied("Bạn không xem được lần nhập này.")


# -- steps --------------------------------------------------------------------------
@transaction.atomic
def import_upload(
    *,
    actor: AbstractBaseUser,
    kind: str,
    upload: UploadedFile,
    office: Unit | None,
    queue: bool = True,
) -> ImportRecord:
    """Keep the file and queue its check (the preview); with queue=False the caller runs
    the step itself (`import_run`, as the command line does)."""
    sheet_kind = kind_get(kind)
    if sheet_kind is None:
        raise ValidationError("Loại dữ liệu không hợp lệ.")
    import_scope(actor, office, sheet_kind)
    ensure_kind_right(actor, sheet_kind)
    validate_upload(upload, allowed=(XLSX,))
    record = ImportRecord(
        kind=kind,
        office=office,
        original_name=upload.name[:255],
        size=upload.size or 0,
        uploaded_by=actor,
    )
    record.source.save(upload.name, upload, save=False)
    record.save()
    if queue:
        transaction.on_commit(lambda: _enqueue("check", record.pk))
    return record


@transaction.atomic
def import_confirm(
    *, actor: AbstractBaseUser, record: ImportRecord, queue: bool = True
) -> ImportRecord:
    """Xác nhận nhập: write the checked file, all or nothing, in the background."""
    ensure_record_access(actor, record)
    import_scope(actor, record.office, _kind(record))  # still its importer (or a superuser)
    ensure_kind_right(actor, _kind(record))
    claimed = ImportRecord.objects.filter(pk=record.pk, status=ImportRecord.Status.READY).update(
        status=ImportRecord.Status.IMPORTING,
        confirmed_by=actor,
        confirmed_at=timezone.now(),
        rows_done=0,
        step_started_at=None,
    )
    if not claimed:
        raise ValidationError("Lần nhập này không còn chờ xác nhận (đã nhập hoặc có lỗi).")
    if queue:
        transaction.on_commit(lambda: _enqueue("apply", record.pk))
    record.refresh_from_db(
        fields=["status", "confirmed_by", "confirmed_at", "rows_done", "step_started_at"]
    )
    return record


@transaction.atomic
def import_cancel(*, actor: AbstractBaseUser, record: ImportRecord) -> ImportRecord:
    """Hủy: a checked file the office decides not to import; the record and file stay."""
    ensure_record_access(actor, record)
    import_scope(actor, record.office, _kind(record))
    cancelled = ImportRecord.objects.filter(pk=record.pk, status=ImportRecord.Status.READY).update(
        status=ImportRecord.Status.CANCELLED, finished_at=timezone.now()
    )
    if not cancelled:
        raise ValidationError("Chỉ hủy được lần nhập đang chờ xác nhận.")
    record.refresh_from_db()
    return record


@transaction.atomic
def import_revert(*, actor: AbstractBaseUser, record: ImportRecord, reason: str) -> ImportRecord:
    """Hoàn tác: take back everything the import wrote, or nothing if any of it cannot be."""
    ensure_record_access(actor, record)
    record = ImportRecord.objects.select_for_update().get(pk=record.pk)
    if record.status != ImportRecord.Status.DONE:
        raise ValidationError("Chỉ hoàn tác được lần nhập đã nhập xong.")
    if not reason.strip():
        raise ValidationError("Ghi lý do hoàn tác.")
    import_scope(actor, record.office, _kind(record))
    _kind(record).revert(
        record.changes, actor=actor, reason=f"Hoàn tác lần nhập #{record.pk}: {reason.strip()}"
    )
    record.status = ImportRecord.Status.REVERTED
    record.reverted_by = actor
    record.reverted_at = timezone.now()
    record.revert_reason = reason.strip()
    record.save(update_fields=["status", "reverted_by", "reverted_at", "revert_reason"])
    return record


def _kind(record: ImportRecord) -> SheetKind:
    kind = kind_get(record.kind)
    if kind is None:
        raise ValidationError("Loại dữ liệu không hợp lệ.")
    return kind


def _enqueue(step: str, record_id: int) -> None:
    from units.tasks import import_step

    try:
        import_step.delay(step, record_id)
    except Exception:
        logger.exception("Could not enqueue import %s of %s", step, record_id)
        ImportRecord.objects.filter(pk=record_id).update(
            status=ImportRecord.Status.FAILED,
            error="Hàng đợi xử lý đang gián đoạn. Vui lòng tải tệp lên lại sau ít phút.",
            finished_at=timezone.now(),
        )


# -- the task's body ------------------------------------------------------------------
def import_run(*, step: str, record_id: int) -> ImportRecord:
    """Do one step of an import (the task's body). A step is claimed once: delivered again
    (its worker died, e.g. on a hostile file) it is failed, not run again in a loop."""
    wanted = ImportRecord.Status.CHECKING if step == "check" else ImportRecord.Status.IMPORTING
    claimed = ImportRecord.objects.filter(
        pk=record_id, status=wanted, step_started_at__isnull=True
    ).update(step_started_at=timezone.now())
    record = ImportRecord.objects.select_related("office", "uploaded_by", "confirmed_by").get(
        pk=record_id
    )
    if not claimed:
        if record.status == wanted:
            record.status = ImportRecord.Status.FAILED
            record.error = (
                "Việc xử lý tệp bị gián đoạn (máy chủ xử lý dừng giữa chừng); "
                "không dòng nào được ghi. Hãy tải tệp lên lại."
            )
            record.finished_at = timezone.now()
            record.save(update_fields=["status", "error", "finished_at"])
        return record
    try:
        if step == "check":
            _check(record)
        else:
            _apply(record)
    except Exception as error:
        logger.exception("Import %s of %s failed", step, record_id)
        record.status = ImportRecord.Status.FAILED
        record.error = (
            f"Lỗi hệ thống khi xử lý tệp ({type(error).__name__}); không dòng nào được ghi."
        )
        record.finished_at = timezone.now()
        record.save(update_fields=["status", "error", "finished_at"])
    _notify(record)
    return record


def _refuse(record: ImportRecord, message: str) -> None:
    record.status = ImportRecord.Status.REFUSED
    record.problems = [[0, "", message]]
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "problems", "finished_at"])


def _check(record: ImportRecord) -> None:
    kind = _kind(record)
    try:
        with record.source.open("rb") as handle:
            sheet = read_sheet(handle)
    except SheetError as error:
        _refuse(record, str(error))
        return
    try:
        found, missing, unknown = kind.header_map(sheet.headers)
    except DuplicateColumn as duplicate:
        _refuse(record, f"Tệp có hai cột “{duplicate}”: giữ một cột rồi tải lên lại.")
        return
    if missing:
        _refuse(
            record,
            f"Trang “{sheet.name}” thiếu cột bắt buộc: {', '.join(missing)}. "
            f"Hãy dùng tệp mẫu “{kind.title}” (dòng 1 là tiêu đề cột).",
        )
        return
    keys = list(found)
    record.cells = {
        "keys": keys,
        "ignored": unknown,
        "rows": [[number, *(cell_json(row[found[k]]) for k in keys)] for number, row in sheet.rows],
    }
    record.rows_total = len(sheet.rows)
    record.save(update_fields=["cells", "rows_total"])
    plans = _plan(record, kind)
    _keep_plans(record, plans)
    record.status = ImportRecord.Status.REFUSED if record.problems else ImportRecord.Status.READY
    if not sheet.rows:
        record.status = ImportRecord.Status.REFUSED
        record.problems = [[0, "", "Tệp không có dòng dữ liệu nào (từ dòng 2)."]]
    if record.status == ImportRecord.Status.REFUSED:
        record.finished_at = timezone.now()
    record.save(
        update_fields=["status", "preview", "problems", "counts", "rows_done", "finished_at"]
    )


def _apply(record: ImportRecord) -> None:
    """Check again and write, in one transaction; imports for one office are written one
    at a time (two confirms of the same file cannot both create its rows). A row whose
    result differs from the preview the office confirmed (the data changed meanwhile)
    refuses the file."""
    kind = _kind(record)
    confirmed = {number: (action, note) for number, action, _, note in record.preview}
    with transaction.atomic():
        if record.office_id:
            list(Unit.objects.select_for_update().filter(pk=record.office_id))
        plans, ctx = _plan(record, kind, with_context=True)
        _keep_plans(record, plans)
        if not record.problems:
            for number, action, _, note in record.preview:
                if confirmed.get(number) != (action, note):
                    record.problems.append(
                        [
                            number,
                            "",
                            "Dữ liệu đã thay đổi sau khi xem trước "
                            f"(nay: {ACTION_LABELS[action]}{f', {note}' if note else ''}). "
                            "Hãy tải tệp lên lại để xem trước.",
                        ]
                    )
        fields = ["preview", "problems", "counts", "rows_done", "status", "finished_at"]
        if record.problems:
            record.status = ImportRecord.Status.REFUSED
            record.finished_at = timezone.now()
            record.save(update_fields=fields)
            return
        try:
            with transaction.atomic():  # a row refused while written: nothing of it stays
                record.changes = kind.write(ctx, plans)
        except RowRefused as refused:
            _refused_while_writing(record, refused)
            record.status = ImportRecord.Status.REFUSED
            record.finished_at = timezone.now()
            record.save(update_fields=fields)
            return
        record.status = ImportRecord.Status.DONE
        record.finished_at = timezone.now()
        record.save(update_fields=[*fields, "changes"])


def _refused_while_writing(record: ImportRecord, refused: RowRefused) -> None:
    """The row the write refused, as the preview and the problems show it."""
    record.problems = [[refused.number, refused.column, refused.message]]
    note = f"{refused.column}: {refused.message}" if refused.column else refused.message
    for line in record.preview:
        if line[0] == refused.number:
            record.counts[line[1]] = record.counts.get(line[1], 1) - 1
            line[1], line[3] = REFUSE, note
    record.counts[REFUSE] = record.counts.get(REFUSE, 0) + 1
    record.counts["errors"] = 1


def _plan(record: ImportRecord, kind: SheetKind, *, with_context: bool = False):
    """Check every row against the data as it is now; progress is written as it goes.
    (Who may import for the office was checked at upload and at confirm.)"""
    scope = office_scope(record.office) if record.office else None
    keys = record.cells["keys"]
    ctx = Context(
        actor=record.confirmed_by or record.uploaded_by,
        office=record.office,
        scope=scope,
        units=UnitIndex.load(scope),
        present=set(keys),
        record_id=record.pk,
    )
    rows = [(line[0], dict(zip(keys, line[1:], strict=True))) for line in record.cells["rows"]]
    kind.prepare(ctx, [row for _, row in rows])
    plans = []
    progress: Callable[[int], None] = lambda done: ImportRecord.objects.filter(  # noqa: E731
        pk=record.pk
    ).update(rows_done=done)
    for index, (number, row) in enumerate(rows, start=1):
        plan = RowPlan(number)
        kind.check(ctx, plan, row)
        plans.append(plan)
        if index % PROGRESS_EVERY == 0:
            progress(index)
    kind.finish(ctx, plans)
    for plan in plans:
        if plan.action == UPDATE:
            plan.note = kind.change_note(ctx, plan)
    return (plans, ctx) if with_context else plans


def _keep_plans(record: ImportRecord, plans: list[RowPlan]) -> None:
    counts = {action: 0 for action in ACTION_LABELS}
    preview, problems = [], []
    for plan in plans:
        counts[plan.action] += 1
        note = " ".join(f"{column}: {message}" for column, message in plan.errors) or plan.note
        preview.append([plan.number, plan.action, plan.label[:200], note])
        for column, message in plan.errors:
            if len(problems) < MAX_PROBLEMS:
                problems.append([plan.number, column, message])
    counts["errors"] = sum(len(plan.errors) for plan in plans)
    counts["ignored_columns"] = record.cells.get("ignored", [])
    record.counts = counts
    record.preview = preview
    record.problems = problems
    record.rows_done = len(plans)


def _notify(record: ImportRecord) -> None:
    """Tell whoever uploaded and confirmed a big file, by email, that its step has ended."""
    people = {record.uploaded_by, record.confirmed_by} - {None}
    recipients = [person.email for person in people if person.email]
    if record.rows_total < NOTIFY_ROWS or not recipients or record.running:
        return
    status = record.get_status_display()
    link = site_link(reverse("sheets:record", args=[record.pk]))
    email_queue(
        subject=f"[thidua] Nhập Excel “{record.original_name}”: {status}",
        body=(
            f"Lần nhập #{record.pk} ({_kind(record).title}, {record.rows_total} dòng, "
            f"tệp “{record.original_name}”): {status}.\n"
            f"Xem kết quả: {link}\n(Quản lý › Nhập, xuất Excel › lần nhập #{record.pk})"
            "\n\nThư tự động từ hệ thống thidua."
        ),
        recipients=recipients,
    )
