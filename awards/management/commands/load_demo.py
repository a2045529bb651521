"""python manage.py load_demo: the Lai Châu tree, the five seed documents, demo logins
and one completed awards cycle. It lives in `awards`, the top layer, because it loads
every app's demo data."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from awards.demo import load_demo_cycle, load_demo_waiting, waiting_work
from campaigns.demo import load_seed_campaigns
from units.demo import (
    DEMO_PASSWORD,
    load_demo_reform,
    load_demo_users,
    load_persons,
    load_units,
)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: cây đơn vị tỉnh Lai Châu, 5 văn bản phát động và tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Không tạo tài khoản demo (bắt buộc khi THIDUA_DEMO tắt).",
        )

    def handle(self, *args, no_users: bool = False, **options):
        decision = None
        merged = []
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
                    decision = load_demo_cycle()
                    # Last: the 2025 reform archives the district-era units the steps
                    # above address, and merges them into the official communes.
                    merged = load_demo_reform(units)
                    # Then work left waiting for the offices and the councils of today
                    # (decision 0053).
                    load_demo_waiting()
        self.stdout.write(
            f"Dữ liệu mẫu: {len(units)} đơn vị, {len(persons)} cá nhân, "
            f"{len(campaigns)} phong trào thi đua."
        )
        if logins and decision:
            self.stdout.write(
                f"Một đợt khen thưởng hoàn chỉnh: {decision} ({decision.grants.count()} người, tập thể)."
            )
        if merged:
            self.stdout.write(
                f"Sắp xếp đơn vị hành chính 2025: {len(merged)} đơn vị cũ đã sáp nhập "
                "vào các xã, phường mới của tỉnh Lai Châu (lưu trữ, giữ nguyên hồ sơ)."
            )
        if logins:
            self.stdout.write(f"Tài khoản demo (mật khẩu chung: {DEMO_PASSWORD}):")
            for login in logins:
                self.stdout.write(f"  {login.username:<12} {login.description}")
                if login.start:
                    self.stdout.write(f"  {'':<12} bắt đầu: {login.start}")
            self.stdout.write(
                "Đăng nhập tại /dang-nhap/ (nút “Đăng nhập” ở đầu trang): mỗi tài khoản vào "
                "trang “Quản lý”, nơi liệt kê việc đang chờ mình."
            )
            # What waits for whom, read from the data as the dashboards read it: true on a
            # later run too, after the user has done some of it (decision 0053).
            waiting = waiting_work()
            if waiting:
                self.stdout.write(
                    "Việc đang chờ (đợt khen thưởng năm 2024 đã xong; bên cạnh đó, dữ liệu mẫu "
                    "để lại việc cho từng vai trò, hiện ở trang “Quản lý”):"
                )
                for usernames, text in waiting:
                    self.stdout.write(f"  - {usernames}: {text}")
            self.stdout.write(
                "Thử một vòng mới từ đầu:\n"
                "  khen thưởng: donvi lập đề nghị Lao động tiên tiến, đính kèm báo cáo "
                "thành tích, bấm “Gửi” → vanphong.xa thẩm định, lập phiên họp → hoidong.xa "
                "bỏ phiếu → vanphong.xa kết thúc phiên họp, lập quyết định → lanhdao.xa ký.\n"
                "  phong trào: vanphong soạn và phát động, thêm kỳ báo cáo ở “Tiêu chí, kỳ "
                "báo cáo” → donvi đăng ký thi đua, nộp báo cáo."
            )
