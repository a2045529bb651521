"""python manage.py reorganise_units sap-xep.xlsx --reason "Nghị quyết số .../NQ-UBTVQH15":
merge the old units of the workbook into their successors (units/reform.py)."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from units.reform import reform_from_xlsx


class Command(BaseCommand):
    help = (
        "Sắp xếp đơn vị theo tệp Excel: cột A đơn vị cũ (mã hoặc tên), cột B đơn vị mới "
        "(mã ĐVHC hoặc mã đơn vị). Có dòng sai thì không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--reason", required=True, help="Căn cứ, ví dụ số nghị quyết.")
        parser.add_argument(
            "--ended-on",
            help=(
                "Ngày chấm dứt hoạt động của các đơn vị cũ, dd/mm/yyyy (ngày trước ngày "
                "nghị quyết có hiệu lực, ví dụ 30/06/2025); mặc định hôm nay."
            ),
        )

    def handle(self, *args, file: Path, reason: str, ended_on: str | None = None, **options):
        last_day = None
        if ended_on:
            try:
                last_day = datetime.datetime.strptime(ended_on, "%d/%m/%Y").date()
            except ValueError as error:
                raise CommandError(
                    f"Ngày “{ended_on}” không đúng dạng ngày/tháng/năm (dd/mm/yyyy)."
                ) from error
        try:
            with file.open("rb") as upload:
                done = reform_from_xlsx(actor=None, upload=upload, reason=reason, ended_on=last_day)
        except OSError as error:
            raise CommandError(f"Không mở được tệp {file}: {error.strerror}") from error
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        for unit in done.moved:
            self.stdout.write(f"{unit.name}: chuyển về {unit.parent.name}")
        for unit in done.merged:
            self.stdout.write(f"{unit.name} → {unit.merged_into.name}")
        if done.moved:
            self.stdout.write(f"Đã chuyển {len(done.moved)} doanh nghiệp, hợp tác xã.")
        self.stdout.write(f"Đã sáp nhập {len(done.merged)} đơn vị.")
