"""Issued documents (IssuedDocument): frozen when issued, rendered once, never changed.

`issued_document_freeze` runs inside the transaction that publishes or issues: it
keeps the document's HTML exactly as it reads at that moment, with its stylesheets
inside it (decision 0005: rendering it later never reads today's CSS), and asks a worker to
turn it into a PDF after commit. `issued_document_pdf` returns the stored bytes,
rendering them first if no worker has yet (the same HTML gives the same content).

Infrastructure module: it writes its own model (IssuedDocument) directly. It is
called from inside the services that issue documents, which check the actor.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import IssuedDocument
from .pdf import html_to_pdf, inline_stylesheets

logger = logging.getLogger(__name__)

Kind = IssuedDocument.Kind


def issued_document_freeze(
    *, kind: str, object_id: int, html: str, filename: str, revision: int | None = None
) -> IssuedDocument:
    """Keep the document as issued, its stylesheets as they are now copied into it.
    Without `revision`, the next one after the latest."""
    if revision is None:
        latest = IssuedDocument.objects.filter(kind=kind, object_id=object_id).aggregate(
            n=Max("revision")
        )["n"]
        revision = 0 if latest is None else latest + 1
    document = IssuedDocument.objects.create(
        kind=kind,
        object_id=object_id,
        revision=revision,
        html=inline_stylesheets(html),
        filename=filename,
    )
    transaction.on_commit(lambda: _enqueue(document.pk))
    return document


def _enqueue(document_id: int) -> None:
    from .tasks import render_issued_document

    try:
        render_issued_document.delay(document_id)
    except Exception:  # the broker is down: the first download renders it
        logger.exception("Could not enqueue rendering of issued document %s", document_id)


def issued_document_render(*, document_id: int) -> IssuedDocument:
    """Make the PDF of a frozen document, once. Safe to run twice or concurrently: the
    row lock makes a second caller (a worker, or a download that came first) wait for
    the first render instead of starting its own."""
    document = IssuedDocument.objects.get(pk=document_id)
    if document.is_rendered:
        return document
    with transaction.atomic():
        document = IssuedDocument.objects.select_for_update().get(pk=document_id)
        if document.is_rendered:
            return document  # rendered while this caller waited for the lock
        data = html_to_pdf(document.html)
        document.file.save(document.filename, ContentFile(data), save=False)
        document.sha256 = hashlib.sha256(data).hexdigest()
        document.size = len(data)
        document.rendered_at = timezone.now()
        document.save(update_fields=["file", "sha256", "size", "rendered_at"])
    return document


def issued_document_latest(kind: str, object_id: int) -> IssuedDocument | None:
    return (
        IssuedDocument.objects.filter(kind=kind, object_id=object_id).order_by("-revision").first()
    )


def issued_documents_of(kind: str, object_id: int) -> list[IssuedDocument]:
    """Every revision, newest first."""
    return list(
        IssuedDocument.objects.filter(kind=kind, object_id=object_id)
        .order_by("-revision")
        .defer("html")
    )


def issued_document_pdf(document: IssuedDocument) -> bytes:
    """The stored bytes of an issued document (rendered now if no worker has yet)."""
    if not document.is_rendered:
        document = issued_document_render(document_id=document.pk)
    with document.file.open("rb") as handle:
        return handle.read()
