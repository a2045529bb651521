"""Periodic tasks of campaigns, run by Celery beat (see CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="campaigns.close_overdue_campaigns")
def close_overdue_campaigns() -> int:
    from .services import close_overdue_campaigns as close

    return len(close())


@shared_task(name="campaigns.send_reminders")
def send_reminders() -> int:
    from .results.reminders import send_reminders as remind

    return remind()


@shared_task(name="campaigns.read_scanned_document")
def read_scanned_document(imported_id: int) -> str:
    """OCR an uploaded scan for Nhập văn bản (campaigns/ocr.py)."""
    from .services import imported_document_read

    return imported_document_read(imported_id=imported_id).status
