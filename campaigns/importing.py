"""Nhập văn bản: a pasted or uploaded launch document becomes a draft campaign.

The parser (campaigns/importer.py) finds the fields; these services keep the
source, suggest what matches the database (issuing body, document type,
parent campaign) and create the draft in one transaction.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from units.access import office_bodies
from units.files import DOCUMENTS, sha256_of, validate_upload
from units.text import normalize_search

from . import services
from .importer import UnreadableDocument, parse_text, read_document
from .models import (
    Attachment,
    Campaign,
    DocumentReference,
    DocumentType,
    ImportedDocument,
)


@transaction.atomic
def import_read(
    *, actor: AbstractBaseUser, text: str = "", upload: UploadedFile | None = None
) -> ImportedDocument:
    """Read the document (file or pasted text), parse it and keep both."""
    if not office_bodies(actor).exists():
        raise ValidationError(
            "Bạn chưa được giao vai trò cơ quan thường trực ở cơ quan ban hành nào."
        )
    imported = ImportedDocument(uploaded_by=actor)
    if upload is not None:
        kind = validate_upload(upload, allowed=DOCUMENTS)
        data = upload.read()
        upload.seek(0)
        try:
            text = read_document(data, upload.name)
        except UnreadableDocument as exc:
            raise ValidationError(str(exc)) from exc
        imported.original_name = upload.name[:255]
        imported.content_type = kind.content_type
        imported.size = upload.size
        imported.sha256 = sha256_of(upload)
        imported.file.save(upload.name, ContentFile(data), save=False)
    if not text.strip():
        raise ValidationError("Hãy dán nội dung văn bản hoặc chọn một tệp .docx, .pdf, .txt.")
    imported.text = text
    imported.parsed = parse_text(text).to_dict()
    imported.save()
    return imported


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _body_key(a) == _body_key(b)


def _body_key(name: str) -> str:
    key = normalize_search(name)
    return key.replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")


def suggestions(imported: ImportedDocument, user) -> dict:
    """What the parsed values match in the database, to prefill the review form."""
    parsed = imported.parsed
    bodies = list(office_bodies(user))
    issuer = next((b for b in bodies if _same(b.name, parsed.get("issuer"))), None)
    if issuer is None and len(bodies) == 1:
        issuer = bodies[0]
    document_type = None
    if parsed.get("doc_type"):
        wanted = normalize_search(parsed["doc_type"])
        document_type = next(
            (t for t in DocumentType.objects.all() if normalize_search(t.name) == wanted), None
        )
    matches = reference_matches(parsed.get("references", []))
    parent = next((c for c in matches if c is not None), None)
    text = normalize_search(" ".join(filter(None, [parsed.get("subject"), parsed.get("theme")])))
    special = "dac biet" in text or "dac biet" in normalize_search(imported.text[:400])
    thematic = special or any(
        word in text for word in ("chuyen de", "theo dot", "chao mung", "ky niem")
    )
    return {
        "issuer": issuer,
        "document_type": document_type,
        "parent": parent,
        "reference_matches": matches,
        "is_special": special,
        "kind": Campaign.Kind.THEMATIC if thematic else Campaign.Kind.REGULAR,
    }


def reference_matches(references: list[dict]) -> list[Campaign | None]:
    """For each cited document, the published campaign in thidua with that number and symbol."""
    found: list[Campaign | None] = []
    for ref in references:
        match = None
        if ref.get("symbol"):
            candidates = Campaign.objects.public().filter(
                number=ref.get("number") or "", symbol=ref["symbol"]
            )
            if ref.get("date"):
                candidates = candidates.filter(issued_on=ref["date"])
            match = candidates.select_related("issuer", "document_type").first()
        found.append(match)
    return found


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def parsed_parts(
    parsed: dict, *, matches: list[Campaign | None], parent: Campaign | None
) -> dict[str, list[dict]]:
    """The parts the parser found, as plain data for `campaign_parts_write`, cut to the
    columns' lengths. A cited document that is the draft's parent is what it implements."""
    return {
        "items": [
            {
                "label": entry["label"],
                "text": entry["text"],
                "children": [
                    {"label": child["label"], "text": child["text"]}
                    for child in entry.get("children", [])
                ],
            }
            for entry in parsed.get("items", [])
        ],
        "recipients": [{"text": text} for text in parsed.get("recipients", [])],
        "distribution": [{"text": text[:255]} for text in parsed.get("distribution", [])],
        "anniversaries": [
            {"name": a["name"][:255], "start_date": _date(a["start"]), "end_date": _date(a["end"])}
            for a in parsed.get("anniversaries", [])
        ],
        "references": [
            {
                "relation": DocumentReference.Relation.IMPLEMENTS
                if match is not None and match == parent
                else DocumentReference.Relation.CITED,
                "doc_type": (ref.get("doc_type") or "")[:100],
                "number": (ref.get("number") or "")[:20],
                "symbol": (ref.get("symbol") or "")[:100],
                "issued_on": _date(ref.get("date")),
                "issuer_name": (ref.get("issuer") or "")[:255],
                "linked_campaign_id": match.pk if match is not None else None,
            }
            for ref, match in zip(parsed.get("references", []), matches, strict=False)
        ],
    }


@transaction.atomic
def import_create_draft(
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
    parsed = imported.parsed
    campaign = Campaign(source=f"Nhập từ {imported}"[:255], **values)
    if not parsed.get("items") and not parsed.get("preamble"):
        campaign.preamble = imported.text.strip()
    else:
        campaign.preamble = "\n".join(parsed.get("preamble", []))
        campaign.closing = "\n".join(parsed.get("closing", []))
    parts = parsed_parts(
        parsed, matches=reference_matches(parsed.get("references", [])), parent=campaign.parent
    )
    campaign = services.campaign_create(actor=actor, campaign=campaign, parts=parts)
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
