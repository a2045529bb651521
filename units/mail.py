"""Email through the outbox (OutgoingEmail): queued with the change it reports,
delivered by a task, retried with back-off, never lost.

A state change must not fail because the mail server is down, and an email must
not go out for a change that rolled back. So `email_queue` writes a row in the
caller's transaction and asks a worker to deliver it once the transaction has
committed. `emails_retry_due` (every minute under Celery beat, or
`manage.py send_pending_emails` from cron) tries again whatever is still due.

Infrastructure module: it writes its own model (OutgoingEmail) directly, inside
the caller's transaction or a delivery task.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# The first retry waits this long for the task sent at commit to have run.
FIRST_RETRY = datetime.timedelta(minutes=2)


def site_link(path: str) -> str:
    """The full address of a page of this site, for an email: SITE_URL + path."""
    return settings.SITE_URL.rstrip("/") + path


def retry_delay(attempts: int) -> datetime.timedelta:
    """1, 2, 4 ... minutes after each failure, at most an hour (8 tries span about 3 hours)."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def email_queue(*, subject: str, body: str, recipients: Iterable[str]) -> OutgoingEmail | None:
    """Queue an email; it is delivered after the current transaction commits."""
    to = sorted({address for address in recipients if address})
    if not to:
        return None
    email = OutgoingEmail.objects.create(
        subject=subject[:255],
        body=body,
        recipients=to,
        next_attempt_at=timezone.now() + FIRST_RETRY,
    )
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id: int) -> None:
    from .tasks import deliver_email

    try:
        deliver_email.delay(email_id)
    except Exception:  # the broker is down: the periodic retry will find the row
        logger.exception("Could not enqueue email %s; it stays pending", email_id)


def email_deliver(*, email_id: int, now: datetime.datetime | None = None) -> bool:
    """Send one queued email now. True if it went out (now or before).

    The row lock keeps two workers from sending the same email; a failure is
    recorded on the row with the time of the next try, or marks it failed for good.
    """
    with transaction.atomic():
        rows = OutgoingEmail.objects.filter(pk=email_id)
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        email = rows.first()
        if email is None:
            return False  # another worker holds it
        if email.status != OutgoingEmail.Status.PENDING:
            return email.status == OutgoingEmail.Status.SENT
        now = now or timezone.now()
        if email.attempts and email.next_attempt_at and email.next_attempt_at > now:
            return False  # tried already; its next try is not due (an overlapping sweep)
        email.attempts += 1
        try:
            EmailMessage(
                email.subject, email.body, settings.DEFAULT_FROM_EMAIL, email.recipients
            ).send(fail_silently=False)
        except Exception as error:  # SMTP refusals, connection errors, timeouts
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
                email.next_attempt_at = None
            else:
                email.next_attempt_at = now + retry_delay(email.attempts)
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            logger.warning("Email %s not sent (try %s): %s", email.pk, email.attempts, error)
            return False
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = now
        email.next_attempt_at = None
        email.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at"])
        return True


def emails_retry_due(*, now: datetime.datetime | None = None) -> int:
    """Try again every pending email whose next try is due. Returns how many went out."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)
    return sum(email_deliver(email_id=pk, now=now) for pk in list(due[:500]))


@transaction.atomic
def email_resend(*, emails: Iterable[OutgoingEmail]) -> int:
    """The admin's "send again": failed emails go back to the queue with a fresh count."""
    ids = [e.pk for e in emails if e.status == OutgoingEmail.Status.FAILED]
    OutgoingEmail.objects.filter(pk__in=ids).update(
        status=OutgoingEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    for pk in ids:
        transaction.on_commit(lambda pk=pk: _enqueue(pk))
    return len(ids)
