"""python manage.py close_campaigns: close published campaigns whose end date has passed.

Safe to run from cron at any frequency: a campaign is closed once, and a run
with nothing to do changes nothing.
"""

import datetime

from django.core.management.base import BaseCommand

from campaigns.services import close_overdue_campaigns


class Command(BaseCommand):
    help = "Kết thúc các phong trào đã hết thời gian thực hiện (dùng cho lịch chạy tự động)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.",
        )

    def handle(self, *args, date=None, **options):
        closed = close_overdue_campaigns(today=date)
        for campaign in closed:
            self.stdout.write(f"Đã kết thúc: {campaign}")
        self.stdout.write(f"Tổng cộng {len(closed)} phong trào được kết thúc.")
