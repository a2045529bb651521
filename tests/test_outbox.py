"""Email through the outbox: a state change never waits on the mail server, a failed
delivery is retried, and what could not be delivered is visible to the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import Nomination
from tests.factories import nominate
from units import mail
from units.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def test_a_transition_with_the_mail_server_down_succeeds_and_the_mail_goes_out_later(
    cycle, smtp, client, django_capture_on_commit_callbacks
):
    nomination = nominate(cycle, person=cycle["people"][0])
    client.force_login(cycle["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("awards:nomination_submit", args=[nomination.pk]), follow=True
        )
    assert response.status_code == 200  # no error page for the user
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SUBMITTED
    email = OutgoingEmail.objects.get()
    assert email.status == "pending" and email.attempts == 1
    assert email.last_error.startswith("ConnectionRefusedError")
    assert email.recipients == ["cb.binhlu@example.vn"]

    smtp.start()  # the mail server is back
    assert mail.emails_retry_due(now=timezone.now()) == 0  # not due yet: back-off
    assert mail.emails_retry_due(now=timezone.now() + datetime.timedelta(minutes=2)) == 1
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 2 and email.sent_at
    [received] = smtp.inbox.messages
    assert received["To"] == "cb.binhlu@example.vn"
    assert "Lò Thị A" in received["Subject"] and "Đã gửi" in received["Subject"]
    # sent once: a later sweep sends nothing more
    assert mail.emails_retry_due(now=timezone.now() + datetime.timedelta(hours=5)) == 0
    assert len(smtp.inbox.messages) == 1


def test_after_the_last_try_the_email_is_failed_and_the_admin_can_send_it_again(
    cycle, smtp, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_submit(
            actor=cycle["staff"], nomination=nominate(cycle, person=cycle["people"][0])
        )
    email = OutgoingEmail.objects.get()
    later = timezone.now()
    while email.status == "pending":
        later += datetime.timedelta(hours=2)
        mail.emails_retry_due(now=later)
        email.refresh_from_db()
    assert email.status == "failed" and email.attempts == mail.MAX_ATTEMPTS

    listing = admin_client.get(reverse("admin:units_outgoingemail_changelist") + "?status=failed")
    assert email.subject in listing.content.decode()
    smtp.start()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:units_outgoingemail_changelist"),
            {"action": "resend_emails", "_selected_action": [email.pk]},
        )
    email.refresh_from_db()
    assert email.status == "sent" and len(smtp.inbox.messages) == 1


def test_no_email_for_a_change_that_rolled_back(cycle):
    from django.db import transaction

    nomination = nominate(cycle, person=cycle["people"][0])
    with pytest.raises(RuntimeError), transaction.atomic():
        services.nomination_submit(actor=cycle["staff"], nomination=nomination)
        raise RuntimeError("something later in the same request failed")
    assert not OutgoingEmail.objects.exists()
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DRAFT


def test_the_command_for_cron_sends_what_is_due(cycle, smtp, capsys):
    from django.core.management import call_command

    services.nomination_submit(
        actor=cycle["staff"], nomination=nominate(cycle, person=cycle["people"][0])
    )
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    smtp.start()
    call_command("send_pending_emails")
    assert "Đã gửi 1 thư" in capsys.readouterr().out
    assert len(smtp.inbox.messages) == 1
