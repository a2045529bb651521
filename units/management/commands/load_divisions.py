"""python manage.py load_divisions --province "Lai Châu": the province's official
communes and wards, with their codes, from the installed `vietnam-provinces` package.
Safe to run again: units already right are not touched."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from units.services import divisions_load


class Command(BaseCommand):
    help = "Nạp (tạo hoặc cập nhật) đơn vị hành chính cấp tỉnh, cấp xã với mã ĐVHC chính thức."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province", required=True, help='Tên tỉnh, thành phố, ví dụ: "Lai Châu".'
        )

    def handle(self, *args, province: str, **options):
        try:
            result = divisions_load(province_name=province)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"{result.province.name} (mã {result.province.admin_code}): "
            f"{len(result.created)} đơn vị mới, {len(result.updated)} cập nhật, "
            f"{result.unchanged} không đổi."
        )
