"""The real task queue: a Celery worker on the broker CI runs (Redis), against the real
database. Skipped when CELERY_BROKER_URL is unset, as under `make test` on a laptop."""

import datetime
import hashlib
import time
import uuid

import pytest
from celery.contrib.testing.worker import TestWorkController, start_worker
from django.conf import settings
from django.db import connection
from django.urls import reverse

from awards.models import AwardType, Nomination
from config.celery import app
from tests.factories import issued_decision, nominate, passed_nominations
from units.models import IssuedDocument, OutgoingEmail
from units.tasks import retry_due_emails

pytestmark = [
    pytest.mark.skipif(
        not settings.CELERY_BROKER_URL,
        reason="CELERY_BROKER_URL chưa đặt: bỏ qua kiểm thử với hàng đợi thật (CI dùng RabbitMQ)",
    ),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="worker và web dùng chung cơ sở dữ liệu thật"
    ),
    pytest.mark.django_db(transaction=True),
]


class PromptWorker(TestWorkController):
    """The test worker, stopping as soon as it is told. Its event loop waits on the broker
    until a timer is due, up to 10 s when none is, and only between two waits does it see
    that start_worker has asked it to stop: each test ended with ~8 s of waiting (decision
    0062). A timer that does nothing, every 0.2 s, bounds the wait."""

    def on_consumer_ready(self, consumer):
        hub = getattr(self, "hub", None)
        if hub is not None:  # no hub: the loop without one waits 2 s at most
            hub.timer.call_repeatedly(0.2, lambda: None)
        super().on_consumer_ready(consumer)


@pytest.fixture
def worker(reference_data):
    """A worker thread consuming a queue of this test's own, over the real broker."""
    queue = f"thidua-test-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    with start_worker(
        app, pool="solo", perform_ping_check=False, queues=[queue], WorkController=PromptWorker
    ) as w:
        yield w
    app.conf.task_default_queue = "celery"


def wait_for(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    raise AssertionError("the worker did not finish in time")


def test_mail_server_down_then_up_through_the_worker(worker, cycle, smtp, client):
    nomination = nominate(cycle, person=cycle["people"][0])
    client.force_login(cycle["staff"])
    response = client.post(reverse("awards:nomination_submit", args=[nomination.pk]))
    assert response.status_code == 302  # the change is done; the worker tries the mail
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SUBMITTED
    email = wait_for(lambda: OutgoingEmail.objects.filter(attempts=1).first())
    assert email.status == "pending" and email.last_error

    smtp.start()
    OutgoingEmail.objects.update(next_attempt_at=datetime.datetime.now(datetime.UTC))
    retry_due_emails.delay()  # what beat sends every minute
    wait_for(lambda: OutgoingEmail.objects.filter(status="sent").exists())
    assert len(smtp.inbox.messages) == 1


def test_the_worker_renders_an_issued_decision_and_its_bytes_never_change(worker, cycle, client):
    decision = issued_decision(cycle, passed_nominations(cycle, 3))
    document = wait_for(
        lambda: IssuedDocument.objects.filter(
            kind="decision", object_id=decision.pk, rendered_at__isnull=False
        ).first()
    )
    wait_for(
        lambda: IssuedDocument.objects.filter(
            kind="certificates", object_id=decision.pk, rendered_at__isnull=False
        ).exists()
    )
    url = reverse("awards_public:decision_pdf", args=[decision.pk])
    first = client.get(url).content
    assert hashlib.sha256(first).hexdigest() == document.sha256
    AwardType.objects.filter(code="lao-dong-tien-tien").update(name="Tên đã đổi")
    assert client.get(url).content == first


def test_an_excel_import_is_checked_and_written_by_the_worker(worker, demo_units, client):
    """The web request only keeps the file; the worker checks it (the preview, with its
    progress) and, once confirmed, writes it, while the page shows where it is."""
    import io

    from openpyxl import Workbook

    from units.models import ImportRecord, Membership, Person
    from units.sheets.kinds import kind_get

    office = demo_units["ubnd-tam-duong"]
    from django.contrib.auth import get_user_model

    user = get_user_model()
    clerk = user.objects.create_user("nv.import", email="nv.import@example.vn")
    Membership.objects.create(user=clerk, unit=office, role=Membership.Role.OFFICE_STAFF)
    book = Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet.append([c.header for c in kind_get("persons").columns])
    for i in range(2500):
        sheet.append(["", f"Người {i}", "ubnd-x-binh-lu", "", "Nữ", "Thái", 1990, "Không"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.name = "2500-nguoi.xlsx"
    buffer.seek(0)
    client.force_login(clerk)
    response = client.post(
        reverse("sheets:index"), {"kind": "persons", "office": office.pk, "file": buffer}
    )
    record = ImportRecord.objects.get()
    assert response.status_code == 302
    ready = wait_for(
        lambda: ImportRecord.objects.filter(pk=record.pk, status="ready").first(), timeout=60
    )
    assert ready.counts["create"] == 2500
    page = client.get(reverse("sheets:record", args=[record.pk]))
    assert "Xác nhận nhập 2500 dòng" in page.content.decode()
    client.post(reverse("sheets:confirm", args=[record.pk]))
    wait_for(lambda: ImportRecord.objects.filter(pk=record.pk, status="done").exists(), timeout=60)
    assert Person.objects.filter(full_name__startswith="Người ").count() == 2500
    # The office is told by email when a big file's step ends.
    mails = OutgoingEmail.objects.filter(recipients__contains=["nv.import@example.vn"])
    assert mails.count() == 2
    wait_for(lambda: not mails.filter(status="pending", attempts=0).exists())  # worker idle
