"""Large files made by a worker (FileJob): the user asks, a task builds the file,
the page shows its progress and then the download.

Each kind of job registers the function that builds its bytes; the function takes
the job's params and returns the file's content. Building happens outside the
request, so a report of 60 pages or certificates for 500 awardees never hold a
web worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import FileJob

logger = logging.getLogger(__name__)

BUILDERS: dict[str, Callable[[dict], bytes]] = {}


def job_builder(kind: str):
    """Register the function that builds the files of `kind`."""

    def register(function: Callable[[dict], bytes]) -> Callable[[dict], bytes]:
        BUILDERS[kind] = function
        return function

    return register


@transaction.atomic
def job_start(
    *, actor: AbstractBaseUser, kind: str, title: str, filename: str, params: dict
) -> FileJob:
    """Ask for a file; a worker builds it after commit."""
    if kind not in BUILDERS:
        raise ValueError(f"Unknown file job kind: {kind}")
    job = FileJob.objects.create(
        kind=kind, title=title, filename=filename, params=params, requested_by=actor
    )
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from .tasks import run_file_job

    try:
        run_file_job.delay(job_id)
    except Exception:
        logger.exception("Could not enqueue file job %s", job_id)
        FileJob.objects.filter(pk=job_id).update(
            status=FileJob.Status.FAILED,
            error="Hàng đợi xử lý đang gián đoạn. Vui lòng thử lại sau ít phút.",
            finished_at=timezone.now(),
        )


def job_run(*, job_id: int) -> FileJob:
    """Build the file of a job (the task's body). A finished job is left as it is."""
    job = FileJob.objects.get(pk=job_id)
    if job.status == FileJob.Status.DONE:
        return job
    FileJob.objects.filter(pk=job_id).update(status=FileJob.Status.RUNNING)
    try:
        data = BUILDERS[job.kind](job.params)
    except Exception as error:
        logger.exception("File job %s failed", job_id)
        FileJob.objects.filter(pk=job_id).update(
            status=FileJob.Status.FAILED,
            error=f"Không tạo được tệp ({type(error).__name__}).",
            finished_at=timezone.now(),
        )
        job.refresh_from_db()
        return job
    job.file.save(job.filename, ContentFile(data), save=False)
    job.status = FileJob.Status.DONE
    job.error = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "error", "finished_at"])
    return job
