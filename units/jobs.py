"""Slow work done by a worker (FileJob): the user asks, a task does it, the page shows
its progress, then its result and the file it made.

Each kind of job registers the function that does it; the function takes the job
(its params, and the uploaded `source` file if any) and returns the file's bytes,
or a JobResult with a summary and whether it succeeded. The work happens outside
the request, so a report of 60 pages or an import of 20,000 rows never holds a
web worker.

Infrastructure module: it writes its own model (FileJob) directly; the records a
job makes are written by the function its kind registers (e.g. awards/jobs.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from .models import FileJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobResult:
    """What a job made: its file, a sentence for the user, and whether it succeeded
    (an import refused for its row errors did not, but its report is still there)."""

    content: bytes
    summary: str = ""
    ok: bool = True


Builder = Callable[[FileJob], "bytes | JobResult"]
BUILDERS: dict[str, Builder] = {}


def job_builder(kind: str):
    """Register the function that does the jobs of `kind`."""

    def register(function: Builder) -> Builder:
        BUILDERS[kind] = function
        return function

    return register


@transaction.atomic
def job_start(
    *,
    actor: AbstractBaseUser,
    kind: str,
    title: str,
    filename: str,
    params: dict,
    source: UploadedFile | None = None,
) -> FileJob:
    """Ask for a job; a worker does it after commit."""
    if kind not in BUILDERS:
        raise ValueError(f"Unknown file job kind: {kind}")
    job = FileJob(kind=kind, title=title, filename=filename, params=params, requested_by=actor)
    if source is not None:
        job.source.save(source.name, source, save=False)
    job.save()
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
    """Do a job (the task's body). Only a pending job is claimed: a job delivered twice
    (a redelivery while it still runs) is done once."""
    claimed = FileJob.objects.filter(pk=job_id, status=FileJob.Status.PENDING).update(
        status=FileJob.Status.RUNNING
    )
    job = FileJob.objects.get(pk=job_id)
    if not claimed:
        return job
    try:
        result = BUILDERS[job.kind](job)
        if not isinstance(result, JobResult):
            result = JobResult(result)
        job.file.save(job.filename, ContentFile(result.content), save=False)
    except Exception as error:
        logger.exception("File job %s failed", job_id)
        FileJob.objects.filter(pk=job_id).update(
            status=FileJob.Status.FAILED,
            error=f"Không tạo được tệp ({type(error).__name__}).",
            finished_at=timezone.now(),
        )
        job.refresh_from_db()
        return job
    job.status = FileJob.Status.DONE if result.ok else FileJob.Status.FAILED
    job.summary = result.summary
    job.error = "" if result.ok else result.summary
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "summary", "error", "finished_at"])
    return job
