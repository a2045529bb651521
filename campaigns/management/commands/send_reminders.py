"""python manage.py send_reminders: remind units of registration and report deadlines.

Safe to run from cron as often as wanted: each reminder goes out once."""

from django.core.management.base import BaseCommand

from campaigns.results.reminders import send_reminders


class Command(BaseCommand):
    help = "Gửi thư nhắc đăng ký thi đua và nộp báo cáo trước và sau hạn."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã gửi {send_reminders()} thư nhắc.")
