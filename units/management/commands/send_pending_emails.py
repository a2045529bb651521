"""python manage.py send_pending_emails: try again every queued email that is due.

Celery beat runs this every minute in production (units.retry_due_emails); the
command is for a set-up without beat, from cron. Safe to run as often as wanted."""

from django.core.management.base import BaseCommand

from units.mail import emails_retry_due
from units.models import OutgoingEmail


class Command(BaseCommand):
    help = "Gửi lại các thư đang chờ đã đến giờ thử lại."

    def handle(self, *args, **options):
        sent = emails_retry_due()
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count()
        failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
        self.stdout.write(f"Đã gửi {sent} thư; còn {waiting} thư chờ, {failed} thư gửi không được.")
