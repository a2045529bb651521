"""Every write to a campaign goes through here: one transaction, the actor checked,
the state checked, and who/when/why recorded."""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Case, Max, When
from django.utils import timezone

from units.access import ensure_office, office_bodies
from units.documents import issued_document_freeze, issued_document_latest
from units.files import ALLOWED, DOCUMENTS, PDF, sha256_of, store_upload, validate_upload
from units.models import IssuedDocument, Unit
from units.services import archive_stamp

from . import importing, ocr
from .documents import PART_FIELDS, Parts, campaign_parts, campaign_parts_write
from .importer import ScannedDocument, UnreadableDocument, parse_text, read_document
from .models import Attachment, Campaign, CampaignRevision, ImportedDocument

logger = logging.getLogger(__name__)

Status = Campaign.Status

# Fields of the document itself, as attribute names (foreign keys by id).
DOCUMENT_FIELDS = tuple(
    f"{name}_id" if name in ("document_type", "parent") else name
    for name in Campaign.DOCUMENT_FIELDS
)
# What a revision compares: the issuer too, and each part's rows in order
# (their position matters, not the stored order numbers).
SNAPSHOT_FIELDS = ("issuer_id", *DOCUMENT_FIELDS)
CHILDREN = {
    name: (*fields, "parent_id", "id") if name == "items" else fields
    for name, fields in PART_FIELDS.items()
}


def _json(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def campaign_snapshot(campaign: Campaign) -> dict:
    """The whole document as plain data (for revisions and copies)."""
    data = {field: _json(getattr(campaign, field)) for field in SNAPSHOT_FIELDS}
    for relation, fields in CHILDREN.items():
        queryset = getattr(campaign, relation).all()
        if relation == "items":
            ordered = [i.pk for top in campaign.items_tree() for i in [top, *top.subitems]]
            queryset = (
                queryset.filter(pk__in=ordered).order_by(
                    Case(*[When(pk=pk, then=n) for n, pk in enumerate(ordered)])
                )
                if ordered
                else queryset.none()
            )
        else:
            queryset = queryset.order_by("order", "pk")
        rows = queryset.values(*fields)
        data[relation] = [{k: _json(v) for k, v in row.items()} for row in rows]
    return data


def ensure_can_manage(actor: AbstractBaseUser, issuer: Unit) -> None:
    ensure_office(actor, issuer)


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _require_status(campaign: Campaign, allowed: tuple[str, ...], action: str) -> None:
    if campaign.status not in allowed:
        raise ValidationError(
            f"Không thể {action} khi phong trào đang ở trạng thái “{campaign.get_status_display()}”."
        )


@transaction.atomic
def campaign_create(
    *, actor: AbstractBaseUser, campaign: Campaign, parts: Parts | None = None
) -> Campaign:
    """Save a new draft (its fields set on `campaign`, e.g. a form's instance) and write
    its document parts (campaigns/documents.py)."""
    ensure_can_manage(actor, campaign.issuer)
    campaign.status = Status.DRAFT
    campaign.save()
    if parts:
        campaign_parts_write(campaign=campaign, parts=parts)
    return campaign


@transaction.atomic
def campaign_edit(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    parts: Parts | None = None,
    reason: str = "",
) -> CampaignRevision | None:
    """Change a campaign's document: its issuer and document fields as set on `campaign`
    (e.g. a form's instance), and the parts given. After publication a change needs a
    reason and leaves a revision holding the previous text; a draft is edited freely.

    Only the document is written: the status and the other lifecycle fields are read
    from the database, so a stale `campaign` never undoes a step taken meanwhile.
    """
    current = _locked(campaign)
    ensure_can_manage(actor, current.issuer)
    if campaign.issuer_id != current.issuer_id:
        ensure_can_manage(actor, campaign.issuer)
    _require_status(
        current, (Status.DRAFT, Status.PUBLISHED, Status.CLOSED, Status.SUMMARISED), "sửa"
    )
    before = campaign_snapshot(current)
    if current.status != Status.DRAFT and not reason.strip():
        raise ValidationError("Văn bản đã phát động: cần ghi lý do sửa đổi.")
    if current.status != Status.DRAFT:
        _ensure_identity_kept(current, campaign)
    for field in ("issuer_id", *DOCUMENT_FIELDS):
        setattr(current, field, getattr(campaign, field))
    current.save(update_fields=["issuer", *Campaign.DOCUMENT_FIELDS, "sort_date", "updated_at"])
    if parts:
        campaign_parts_write(campaign=current, parts=parts)
    campaign.refresh_from_db()
    after = campaign_snapshot(current)
    changed = [key for key in after if after[key] != before.get(key)]
    if current.status == Status.DRAFT or not changed:
        return None
    number = (current.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = CampaignRevision.objects.create(
        campaign=current,
        number=number,
        created_by=actor,
        reason=reason.strip(),
        snapshot=before,
        changed_fields=changed,
    )
    _freeze_document(current, revision=None)  # the next revision of the issued PDF
    return revision


# What an issued document is known by: once set, a revision never changes it.
IDENTITY_FIELDS = {
    "document_type_id": ("document_type", "Loại văn bản"),
    "number": ("number", "Số văn bản"),
    "symbol": ("symbol", "Ký hiệu"),
    "issued_on": ("issued_on", "Ngày ban hành"),
    "issued_month": ("issued_month", "Tháng ban hành"),
    "issued_year": ("issued_year", "Năm ban hành"),
}


def _ensure_identity_kept(current: Campaign, edited: Campaign) -> None:
    """An issued document's type, number, symbol and date are what it is cited by: a
    revision may fill in one left blank at publishing (the number the paper got when it
    was registered), never change one (decision 0060). A correction is a new document."""
    errors: dict[str, str] = {}
    for attribute, (field, label) in IDENTITY_FIELDS.items():
        was, now = getattr(current, attribute), getattr(edited, attribute)
        if field != "issued_on" and "issued_on" in errors:
            continue  # a day changed changes its month and year: said once
        if was not in (None, "") and now != was:
            errors[field] = (
                f"{label} của văn bản đã phát động không sửa được. Văn bản đính chính hoặc "
                "sửa đổi, bổ sung là một văn bản mới có số riêng: dùng “Sao chép thành dự "
                "thảo mới”, hoặc “Thu hồi” văn bản này nếu nó ban hành nhầm."
            )
    if errors:
        raise ValidationError(errors)


def _freeze_document(campaign: Campaign, *, revision: int | None) -> IssuedDocument:
    """Keep the launch document as it reads now: its PDF never changes afterwards."""
    from .pdf import campaign_html, campaign_pdf_filename

    return issued_document_freeze(
        kind=IssuedDocument.Kind.CAMPAIGN,
        object_id=campaign.pk,
        revision=revision,
        html=campaign_html(campaign),
        filename=campaign_pdf_filename(campaign),
    )


def campaign_issued_document(campaign: Campaign) -> IssuedDocument | None:
    """The launch document as issued, latest revision first; None for a draft.

    A campaign published before documents were kept is frozen on first request.
    """
    if campaign.status == Status.DRAFT:
        return None
    document = issued_document_latest(IssuedDocument.Kind.CAMPAIGN, campaign.pk)
    if document is None:
        with transaction.atomic():
            Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
            document = issued_document_latest(IssuedDocument.Kind.CAMPAIGN, campaign.pk)
            if document is None:
                number = campaign.revisions.aggregate(n=Max("number"))["n"] or 0
                document = _freeze_document(campaign, revision=number)
    return document


def publish_problems(campaign: Campaign) -> list[str]:
    """What a document still lacks before it can be published."""
    problems = []
    if not campaign.subject.strip():
        problems.append("trích yếu")
    if not campaign.items.exists() and not campaign.preamble.strip():
        problems.append("nội dung (phần mở đầu hoặc ít nhất một nội dung thi đua)")
    if not campaign.signer_title.strip() or not campaign.signer_name.strip():
        problems.append("chức vụ và họ tên người ký")
    if not campaign.place.strip():
        problems.append("địa danh (ghi trước ngày tháng, ví dụ: Tam Đường, ngày …)")
    if not campaign.distribution.exists():
        # Decree 30 requires the "Nơi nhận" block, at least the issuer's own file copy
        problems.append("nơi nhận (ít nhất “Lưu: VT”)")
    if not (campaign.issued_on or campaign.issued_year):
        problems.append("ngày ban hành (ít nhất là năm)")
    if campaign.end_date and campaign.end_date < timezone.localdate():
        problems.append(f"ngày kết thúc hợp lệ (ngày kết thúc {campaign.end_date:%d/%m/%Y} đã qua)")
    return problems


@transaction.atomic
def campaign_publish(*, actor: AbstractBaseUser, campaign: Campaign) -> Campaign:
    """Phát động: draft → published, stamped with the time and the user."""
    campaign = _locked(campaign)
    ensure_can_manage(actor, campaign.issuer)
    _require_status(campaign, (Status.DRAFT,), "phát động")
    if problems := publish_problems(campaign):
        raise ValidationError("Chưa thể phát động, còn thiếu: " + "; ".join(problems) + ".")
    if ended := campaign.after_issuers_end():
        raise ValidationError({"issued_on": ended})
    campaign.status = Status.PUBLISHED
    campaign.published_at = timezone.now()
    campaign.published_by = actor
    campaign.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    _freeze_document(campaign, revision=None)  # 0, unless it was issued before
    return campaign


@transaction.atomic
def campaign_close(*, actor: AbstractBaseUser | None, campaign: Campaign) -> Campaign:
    """Kết thúc: published → closed, by hand (actor) or by the scheduler (actor None)."""
    campaign = _locked(campaign)
    if actor is not None:
        ensure_can_manage(actor, campaign.issuer)
    _require_status(campaign, (Status.PUBLISHED,), "kết thúc")
    campaign.status = Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.closed_by = actor
    campaign.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return campaign


def close_overdue_campaigns(*, today: datetime.date | None = None) -> list[Campaign]:
    """Close every published campaign whose end date has passed. Safe to run from cron."""
    today = today or timezone.localdate()
    closed = []
    for campaign in Campaign.objects.filter(status=Status.PUBLISHED, end_date__lt=today):
        closed.append(campaign_close(actor=None, campaign=campaign))
    return closed


@transaction.atomic
def campaign_summarise(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    summary: str,
    report: UploadedFile | None = None,
) -> Campaign:
    """Tổng kết: closed → summarised, with the final review text and, optionally, its file."""
    campaign = _locked(campaign)
    ensure_can_manage(actor, campaign.issuer)
    _require_status(campaign, (Status.CLOSED,), "tổng kết")
    if not summary.strip():
        raise ValidationError("Cần nhập nội dung báo cáo tổng kết.")
    if report is not None:
        attachment_add(
            actor=actor,
            campaign=campaign,
            upload=report,
            kind=Attachment.Kind.SUMMARY_REPORT,
            is_public=True,
        )
    campaign.summary = summary.strip()
    campaign.status = Status.SUMMARISED
    campaign.summarised_at = timezone.now()
    campaign.summarised_by = actor
    campaign.save(
        update_fields=["summary", "status", "summarised_at", "summarised_by", "updated_at"]
    )
    return campaign


@transaction.atomic
def campaign_withdraw(*, actor: AbstractBaseUser, campaign: Campaign, reason: str) -> Campaign:
    """Thu hồi: take a campaign back, with a reason. It leaves the portal; nothing is deleted."""
    campaign = _locked(campaign)
    ensure_can_manage(actor, campaign.issuer)
    _require_status(campaign, (Status.DRAFT, Status.PUBLISHED, Status.CLOSED), "thu hồi")
    if not reason.strip():
        raise ValidationError("Cần ghi lý do thu hồi.")
    campaign.status = Status.WITHDRAWN
    campaign.withdrawn_at = timezone.now()
    campaign.withdrawn_by = actor
    campaign.withdrawn_reason = reason.strip()
    campaign.save(
        update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawn_reason", "updated_at"]
    )
    return campaign


@transaction.atomic
def campaign_copy(*, actor: AbstractBaseUser, campaign: Campaign) -> Campaign:
    """Sao chép: a new draft with the whole document, to adapt (e.g. next year's campaign).

    The number, the issue date, the campaign's start and end dates and its time
    frame are cleared (they belong to the old period); the copy remembers its origin.
    """
    ensure_can_manage(actor, campaign.issuer)
    copy = Campaign(
        issuer=campaign.issuer,
        status=Status.DRAFT,
        copied_from=campaign,
        source=f"Sao chép từ phong trào #{campaign.pk}",
        **{
            field: getattr(campaign, field)
            for field in DOCUMENT_FIELDS
            if field
            not in (
                "number",
                "issued_on",
                "issued_month",
                "issued_year",
                "start_date",
                "end_date",
                "time_frame",
            )
        },
    )
    copy.save()
    campaign_parts_write(campaign=copy, parts=campaign_parts(campaign))
    return copy


@transaction.atomic
def attachment_add(
    *,
    actor: AbstractBaseUser,
    campaign: Campaign,
    upload: UploadedFile,
    kind: str = Attachment.Kind.OTHER,
    is_public: bool = False,
) -> Attachment:
    """Attach a file after checking its content and size; stored privately."""
    ensure_can_manage(actor, campaign.issuer)
    attachment = Attachment(campaign=campaign, kind=kind, is_public=is_public)
    store_upload(
        attachment,
        upload,
        by=actor,
        allowed=(PDF,) if kind == Attachment.Kind.SIGNED_SCAN else ALLOWED,
    )
    attachment.save()
    return attachment


@transaction.atomic
def attachment_set_public(
    *, actor: AbstractBaseUser, attachment: Attachment, is_public: bool
) -> Attachment:
    """Công khai / thôi công khai: whether the public may download a file."""
    ensure_can_manage(actor, attachment.campaign.issuer)
    attachment.is_public = is_public
    attachment.save(update_fields=["is_public"])
    return attachment


@transaction.atomic
def attachment_archive(
    *, actor: AbstractBaseUser, attachment: Attachment, reason: str
) -> Attachment:
    """Gỡ tệp: it leaves every list and download, with who and why; the file is kept."""
    ensure_can_manage(actor, attachment.campaign.issuer)
    if not reason.strip():
        raise ValidationError("Cần ghi lý do gỡ tệp.")
    attachment.archived = True
    attachment.archived_on = timezone.now()
    attachment.archived_by = actor
    attachment.archived_reason = reason.strip()
    attachment.is_public = False
    attachment.save(
        update_fields=["archived", "archived_on", "archived_by", "archived_reason", "is_public"]
    )
    return attachment


# Nhập văn bản ---------------------------------------------------------------


@transaction.atomic
def imported_document_create(
    *, actor: AbstractBaseUser, text: str = "", upload: UploadedFile | None = None
) -> ImportedDocument:
    """Nhập văn bản: read the document (file or pasted text), parse it and keep both,
    with the file's name, size and SHA-256.

    A scan (a JPG, a PNG, a PDF without a text layer) is checked here (an image that does
    not open, a PDF with a password or too many pages is refused at once) and read by a
    worker after commit (`imported_document_read`): the record waits as "reading"."""
    if not office_bodies(actor).exists():
        raise ValidationError(
            "Bạn chưa được giao vai trò cơ quan thường trực ở cơ quan ban hành nào."
        )
    imported = ImportedDocument(uploaded_by=actor)
    scan_pages = 0
    if upload is not None:
        kind = validate_upload(upload, allowed=DOCUMENTS)
        data = upload.read()
        upload.seek(0)
        try:
            if ocr.is_image(upload.name):
                scan_pages = ocr.check_scan(data, upload.name)
            else:
                text = read_document(data, upload.name)
        except ScannedDocument:
            try:
                scan_pages = ocr.check_scan(data, upload.name)
            except UnreadableDocument as exc:
                raise ValidationError(str(exc)) from exc
        except UnreadableDocument as exc:
            raise ValidationError(str(exc)) from exc
        imported.original_name = upload.name[:255]
        imported.content_type = kind.content_type
        imported.size = upload.size
        imported.sha256 = sha256_of(upload)
        imported.file.save(upload.name, ContentFile(data), save=False)
    if scan_pages:
        imported.status = ImportedDocument.Status.READING
        imported.scanned = True
        imported.pages_total = scan_pages
        imported.save()
        transaction.on_commit(lambda: _enqueue_read(imported.pk))
        return imported
    if not text.strip():
        raise ValidationError("Hãy dán nội dung văn bản hoặc chọn một tệp .docx, .pdf, .txt.")
    imported.text = text
    imported.parsed = parse_text(text).to_dict()
    imported.save()
    return imported


DISCARD_REASON = "Bỏ khỏi danh sách “Văn bản bạn đã nhập, chưa tạo dự thảo”."


@transaction.atomic
def imported_document_archive(
    *, actor: AbstractBaseUser, imported: ImportedDocument
) -> ImportedDocument:
    """Bỏ: the clerk's own import, not made into a draft, leaves their list of pending
    imports. It is archived (who, when), never deleted: its file, text and what was read
    stay for the audit trail; a second click changes nothing (decision 0063)."""
    imported = ImportedDocument.objects.select_for_update().get(pk=imported.pk)
    if imported.uploaded_by_id != actor.pk:
        raise PermissionDenied("Chỉ người đã nhập văn bản này mới bỏ được.")
    if imported.campaign_id:
        raise ValidationError(
            f"“{imported}” đã tạo dự thảo, không còn trong danh sách chờ: không cần bỏ."
        )
    if imported.archived:
        return imported
    archive_stamp(imported, by=actor, reason=DISCARD_REASON)
    return imported


def _enqueue_read(imported_id: int) -> None:
    from .tasks import read_scanned_document

    try:
        read_scanned_document.delay(imported_id)
    except Exception:
        logger.exception("Could not enqueue the reading of imported document %s", imported_id)
        ImportedDocument.objects.filter(pk=imported_id).update(
            status=ImportedDocument.Status.FAILED,
            error="Hàng đợi xử lý đang gián đoạn. Vui lòng tải tệp lên lại sau ít phút.",
        )


def imported_document_read(*, imported_id: int) -> ImportedDocument:
    """The worker's part: OCR the scan page by page (its progress saved after each page),
    then parse it. Claimed once: delivered again after its worker died, it fails with a
    message instead of running in a loop. Nothing but the record itself is written."""
    claimed = ImportedDocument.objects.filter(
        pk=imported_id, status=ImportedDocument.Status.READING, read_started_at__isnull=True
    ).update(read_started_at=timezone.now())
    imported = ImportedDocument.objects.get(pk=imported_id)
    if not claimed:
        if imported.status == ImportedDocument.Status.READING:
            imported.status = ImportedDocument.Status.FAILED
            imported.error = (
                "Việc nhận dạng bị gián đoạn (máy chủ xử lý dừng). Hãy tải tệp lên lại."
            )
            imported.save(update_fields=["status", "error"])
        return imported

    def progress(done: int, total: int) -> None:
        ImportedDocument.objects.filter(pk=imported_id).update(pages_done=done, pages_total=total)

    try:
        with imported.file.open("rb") as handle:
            data = handle.read()
        result = ocr.ocr_document(data, imported.original_name or "ban-quet", progress=progress)
    except UnreadableDocument as exc:
        imported.status, imported.error = ImportedDocument.Status.FAILED, str(exc)
        imported.save(update_fields=["status", "error"])
        return imported
    except Exception as exc:
        logger.exception("Reading imported document %s failed", imported_id)
        imported.status = ImportedDocument.Status.FAILED
        imported.error = f"Lỗi hệ thống khi nhận dạng chữ ({type(exc).__name__}). Hãy thử lại."
        imported.save(update_fields=["status", "error"])
        return imported
    imported.refresh_from_db(fields=["pages_done", "pages_total"])
    imported.text = result.text
    imported.ocr_confidence = result.confidence
    imported.parsed = ocr.parse_scan(result).to_dict()
    imported.status = ImportedDocument.Status.READY
    imported.save(update_fields=["text", "ocr_confidence", "parsed", "status"])
    return imported


@transaction.atomic
def campaign_create_from_import(
    *, actor: AbstractBaseUser, imported: ImportedDocument, values: dict
) -> Campaign:
    """Create the draft from the reviewed values and every part the parser found.

    A document read poorly still becomes a draft: without content items, its
    whole text is the body.
    """
    imported = ImportedDocument.objects.select_for_update().get(pk=imported.pk)
    if imported.uploaded_by_id != actor.pk:
        raise ValidationError("Văn bản này do người khác nhập.")
    if imported.campaign_id:
        raise ValidationError("Văn bản này đã được tạo thành dự thảo.")
    if imported.status != ImportedDocument.Status.READY:
        raise ValidationError("Văn bản chưa đọc xong (hoặc không đọc được): chưa tạo được dự thảo.")
    parsed = imported.parsed
    campaign = Campaign(source=f"Nhập từ {imported}"[:255], **values)
    if not parsed.get("items") and not parsed.get("preamble"):
        campaign.preamble = imported.text.strip()
    else:
        campaign.preamble = "\n".join(parsed.get("preamble", []))
        campaign.closing = "\n".join(parsed.get("closing", []))
    parts = importing.parsed_parts(
        parsed,
        matches=importing.reference_matches(parsed.get("references", [])),
        parent=campaign.parent,
    )
    campaign = campaign_create(actor=actor, campaign=campaign, parts=parts)
    if imported.file:
        Attachment.objects.create(
            campaign=campaign,
            kind=Attachment.Kind.SOURCE,
            file=imported.file.name,
            original_name=imported.original_name,
            content_type=imported.content_type,
            size=imported.size,
            sha256=imported.sha256,
            uploaded_by=actor,
        )
    imported.campaign = campaign
    imported.save(update_fields=["campaign"])
    return campaign
