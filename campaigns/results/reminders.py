"""Nhắc hạn: email unit staff before a deadline (registration, report) they have not
met, and once more after it passes. Run by Celery beat or `manage.py send_reminders`.

A service run by the scheduler, so it writes its own log: each reminder is logged
with its queued email (ReminderLog), so running the job
often sends nothing twice; a reminder whose email could not be delivered (the
outbox gave up) is sent again on the next run.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from units.mail import email_queue, site_link
from units.models import Membership, OutgoingEmail

from ..models import Campaign
from .models import Registration, ReminderLog, ResultReport
from .selectors import REPORTING, addressed_units

REMIND_DAYS_BEFORE = 3


def _due(campaign: Campaign) -> list[tuple[str, datetime.date, set[int]]]:
    """(subject, deadline, units that have not met it) of one published campaign."""
    addressed = set(addressed_units(campaign).values_list("pk", flat=True))
    due = []
    if campaign.registration_deadline and campaign.status == Campaign.Status.PUBLISHED:
        done = set(
            Registration.objects.submitted()
            .filter(campaign=campaign)
            .values_list("unit_id", flat=True)
        )
        due.append(("registration", campaign.registration_deadline, addressed - done))
    for period in campaign.periods.all():
        done = set(
            ResultReport.objects.filter(
                period=period, status=ResultReport.Status.SUBMITTED
            ).values_list("unit_id", flat=True)
        )
        due.append((f"period:{period.pk}", period.due_on, addressed - done))
    return due


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Queue the reminders that are due; returns how many were queued."""
    today = today or timezone.localdate()
    sent = 0
    campaigns = Campaign.objects.filter(status__in=REPORTING).select_related("issuer")
    for campaign in campaigns:
        for subject, deadline, missing in _due(campaign):
            days = (deadline - today).days
            kind = "before" if 0 <= days <= REMIND_DAYS_BEFORE else ("after" if days < 0 else None)
            if kind is None or not missing:
                continue
            sent += _remind(campaign, subject, deadline, kind, missing)
    return sent


def _remind(
    campaign: Campaign, subject: str, deadline: datetime.date, kind: str, missing: set[int]
) -> int:
    what = "đăng ký thi đua" if subject == "registration" else "nộp báo cáo kết quả"
    when = "sắp đến hạn" if kind == "before" else "đã quá hạn"
    emails_by_unit: dict[int, set[str]] = {}
    for m in (
        Membership.objects.active()
        .filter(unit_id__in=missing, role=Membership.Role.UNIT_STAFF)
        .select_related("user")
    ):
        if m.user.email:
            emails_by_unit.setdefault(m.unit_id, set()).add(m.user.email)
    logged = {
        log.unit_id: log
        for log in ReminderLog.objects.filter(
            campaign=campaign, subject=subject, kind=kind, unit_id__in=emails_by_unit
        ).select_related("email")
    }
    sent = 0
    for unit_id, emails in emails_by_unit.items():
        log = logged.get(unit_id)
        if log and (log.email is None or log.email.status != OutgoingEmail.Status.FAILED):
            continue  # already queued or delivered
        # The log and the queued email commit together; the outbox retries delivery.
        try:
            with transaction.atomic():
                email = _queue(campaign, what, when, deadline, emails)
                if log is None:
                    ReminderLog.objects.create(
                        unit_id=unit_id, campaign=campaign, subject=subject, kind=kind, email=email
                    )
                else:
                    log.email = email
                    log.save(update_fields=["email"])
        except IntegrityError:  # another run logged it first
            continue
        sent += 1
    return sent


def _queue(campaign, what, when, deadline, emails) -> OutgoingEmail | None:
    return email_queue(
        subject=f"[thidua] Nhắc {what}: {when} ({deadline:%d/%m/%Y})",
        body=f"Đơn vị của bạn chưa {what} cho phong trào “{campaign.subject}” "
        f"của {campaign.issuer.name}. Hạn: {deadline:%d/%m/%Y}."
        f"\nThực hiện tại: {site_link(reverse('tracking:unit_campaigns'))}"
        "\n\nThư tự động từ hệ thống thidua.",
        recipients=emails,
    )
