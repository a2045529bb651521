"""The worker is down (stopped, crashed, its machine off) while the broker takes tasks: the
pages that wait for it said "đang tạo", "đang kiểm tra" or "Đã đọc 0/2 trang" and looked
again every 2 s, for ever (the scan's page only after 5 minutes said that the queue might
be interrupted). Each worker now says in the shared cache that it is alive
(units/workers.py); a waiting page whose work no worker will take says so at once, in
Vietnamese: the work is kept and resumes when the worker is back; tell the administrator.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.urls import reverse

from campaigns.models import ImportedDocument
from config.celery import app
from units import workers
from units.models import FileJob, ImportRecord, Membership

DOWN = "Máy chủ xử lý nền hiện không chạy"


@pytest.fixture
def queued(settings, tmp_path):
    """Tasks go to a broker (nothing is sent here), and the cache is one the web and the
    workers share, as in production (Redis there; files here)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def office(client, make_member, demo):
    user = make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    client.user = user
    return client


def scan(client) -> ImportedDocument:
    return ImportedDocument.objects.create(
        uploaded_by=client.user,
        original_name="ban-quet.pdf",
        status=ImportedDocument.Status.READING,
        scanned=True,
        pages_total=2,
    )


def page(client, name, pk) -> str:
    return client.get(reverse(name, args=[pk])).content.decode()


def test_a_scan_uploaded_while_no_worker_runs_says_so_at_once(queued, office):
    imported = scan(office)
    html = page(office, "staff:import_review", imported.pk)
    assert DOWN in html and "bản quét chưa được đọc" in html
    assert "khi máy chủ xử lý chạy lại" in html and "báo quản trị hệ thống" in html
    assert 'data-poll="10"' in html  # it keeps looking, less often

    workers.worker_alive()  # a worker is back
    html = page(office, "staff:import_review", imported.pk)
    assert DOWN not in html and "Đã đọc 0/2 trang" in html and 'data-poll="2"' in html


def test_a_report_asked_for_while_no_worker_runs_says_so_at_once(queued, office):
    job = FileJob.objects.create(
        kind="final-report", title="Báo cáo tổng kết", filename="bao-cao.pdf",
        requested_by=office.user,
    )  # fmt: skip
    response = office.get(reverse("jobs:detail", args=[job.pk]))
    html = response.content.decode()
    assert DOWN in html and "tệp chưa được tạo" in html and "báo quản trị hệ thống" in html
    assert 'data-poll="10"' in html  # it keeps looking, less often (static/js/poll.js)

    workers.worker_alive()
    html = office.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert DOWN not in html and 'data-poll="2"' in html


def test_an_excel_file_uploaded_while_no_worker_runs_says_so_at_once(queued, office):
    record = ImportRecord.objects.create(
        kind="persons", original_name="nguoi.xlsx", uploaded_by=office.user,
        office=Membership.objects.get(user=office.user).unit,
    )  # fmt: skip
    html = page(office, "sheets:record", record.pk)
    assert DOWN in html and "chưa được kiểm tra" in html and "chưa dòng nào được ghi" in html
    assert 'data-poll="10"' in html

    workers.worker_alive()
    html = page(office, "sheets:record", record.pk)
    assert DOWN not in html and 'data-poll="2"' in html


def test_without_a_broker_or_a_shared_cache_nothing_is_said(settings, office):
    """`make run` (no broker): tasks run in the request, there is no worker to wait for.
    A cache of the process's own (no CACHE_URL): the web cannot see the workers, and says
    nothing rather than something false (the scan's page still tells after 5 minutes)."""
    imported = scan(office)
    assert DOWN not in page(office, "staff:import_review", imported.pk)  # no broker
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    app.conf.task_always_eager = False  # a broker, and the local-memory cache
    assert DOWN not in page(office, "staff:import_review", imported.pk)


def test_a_worker_says_it_is_alive_until_it_stops(queued):
    assert workers.workers_down()
    stop = threading.Event()
    beating = workers.heartbeat_start(stop=stop, every=0.05)
    try:
        deadline = time.monotonic() + 5
        while workers.workers_down() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not workers.workers_down()
    finally:
        stop.set()
        beating.join(timeout=5)
    assert not beating.is_alive()
