"""Staff pages of the lowest layer: the progress and download of a file made by a worker."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import FileJob
from .workers import workers_down


def _job(request: HttpRequest, pk: int) -> FileJob:
    """Only the person who asked for the file sees it."""
    return get_object_or_404(FileJob, pk=pk, requested_by=request.user)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    # waiting, the page looks again every 2 s and updates in place (static/js/poll.js;
    # without JavaScript a <noscript> refresh), so the keyboard focus stays (decision 0063);
    # with no worker running to make it, it says so at once (decision 0065)
    waiting = job.status in (FileJob.Status.PENDING, FileJob.Status.RUNNING)
    down = waiting and workers_down()
    return render(
        request, "units/staff/job.html", {"job": job, "waiting": waiting, "workers_down": down}
    )


@login_required
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = _job(request, pk)
    if not job.file or job.status not in (FileJob.Status.DONE, FileJob.Status.FAILED):
        raise Http404
    pdf = job.filename.endswith(".pdf")
    return FileResponse(
        job.file.open("rb"),
        filename=job.filename,
        as_attachment=not pdf,
        content_type="application/pdf" if pdf else "text/plain; charset=utf-8",
    )
