"""python manage.py load_demo: the Lai Châu tree, the five seed documents and demo logins."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from campaigns.demo import load_seed_campaigns
from units.demo import DEMO_PASSWORD, load_demo_users, load_persons, load_units


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: cây đơn vị tỉnh Lai Châu, 5 văn bản phát động và tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Không tạo tài khoản demo (bắt buộc khi THIDUA_DEMO tắt).",
        )

    def handle(self, *args, no_users: bool = False, **options):
        with transaction.atomic():
            units = load_units()
            persons = load_persons(units)
            campaigns = load_seed_campaigns(units)
            logins = []
            if not no_users:
                if not settings.THIDUA_DEMO:
                    self.stderr.write(
                        "Tài khoản demo chỉ được tạo khi THIDUA_DEMO=1 (không dùng cho máy chủ thật). "
                        "Dùng --no-users để chỉ nạp dữ liệu."
                    )
                else:
                    logins = load_demo_users(units)
        self.stdout.write(
            f"Dữ liệu mẫu: {len(units)} đơn vị, {len(persons)} cá nhân, "
            f"{len(campaigns)} phong trào thi đua."
        )
        if logins:
            self.stdout.write(f"Tài khoản demo (mật khẩu chung: {DEMO_PASSWORD}):")
            for login in logins:
                self.stdout.write(f"  {login.username:<12} {login.description}")
