"""Celery tasks of the lowest layer: mail delivery, issued PDFs, file jobs.

Tasks are thin: each calls a service with the id it was given, so that a task
delivered twice (acks_late after a worker died) does no harm.
"""

from __future__ import annotations

from celery import shared_task


@shared_task(name="units.deliver_email")
def deliver_email(email_id: int) -> bool:
    from .mail import email_deliver

    return email_deliver(email_id=email_id)


@shared_task(name="units.retry_due_emails")
def retry_due_emails() -> int:
    from .mail import emails_retry_due

    return emails_retry_due()


@shared_task(name="units.render_issued_document", max_retries=5, default_retry_delay=30)
def render_issued_document(document_id: int) -> str:
    from .documents import issued_document_render

    return issued_document_render(document_id=document_id).sha256


@shared_task(name="units.run_file_job")
def run_file_job(job_id: int) -> str:
    from .jobs import job_run

    return job_run(job_id=job_id).status


@shared_task(name="units.import_step")
def import_step(step: str, record_id: int) -> str:
    from .sheets.services import import_run

    return import_run(step=step, record_id=record_id).status
