"""Nhập Excel from the command line: the same check, preview and all-or-nothing write
as the page /quan-ly/nhap-excel/, recorded the same way (and revertable there)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from units.models import ImportRecord, Unit
from units.sheets import services
from units.sheets.kinds import ACTION_LABELS, kind_get, kinds_all


class Command(BaseCommand):
    help = (
        "Kiểm tra một tệp Excel (đơn vị, cá nhân, vai trò cán bộ, sổ khen thưởng, đề nghị khen "
        "thưởng của một đơn vị) và in kết quả từng dòng; với --confirm, ghi tất cả nếu không "
        "có lỗi."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[k.key for k in kinds_all()])
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="tên đăng nhập của người nhập")
        parser.add_argument(
            "--office",
            help="mã cơ quan thường trực; với nominations: mã đơn vị đề nghị (bỏ trống: toàn "
            "hệ thống, cần quyền quản trị)",
        )
        parser.add_argument("--confirm", action="store_true", help="ghi vào hệ thống nếu hợp lệ")

    def handle(self, *args, kind, file, user, office, confirm, **options):
        try:
            actor = get_user_model().objects.get(username=user)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Không có tài khoản “{user}”.") from None
        body = None
        if office:
            body = Unit.objects.filter(code=office).first()
            if body is None:
                raise CommandError(f"Không có đơn vị mã “{office}”.")
        if not file.is_file():
            raise CommandError(f"Không có tệp {file}.")
        upload = SimpleUploadedFile(file.name, file.read_bytes())
        try:
            record = services.import_upload(
                actor=actor, kind=kind, upload=upload, office=body, queue=False
            )
            record = services.import_run(step="check", record_id=record.pk)
            self._report(record)
            if not confirm or record.status != ImportRecord.Status.READY:
                if record.status != ImportRecord.Status.READY:
                    raise CommandError("Không ghi dòng nào: sửa tệp rồi chạy lại.")
                self.stdout.write("Chưa ghi: chạy lại với --confirm để ghi.")
                return
            services.import_confirm(actor=actor, record=record, queue=False)
            record = services.import_run(step="apply", record_id=record.pk)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        if record.status != ImportRecord.Status.DONE:
            self._report(record)
            raise CommandError(f"Không ghi dòng nào ({record.get_status_display()}).")
        self.stdout.write(self.style.SUCCESS(f"Đã nhập lần #{record.pk}: {self._counts(record)}."))

    def _counts(self, record: ImportRecord) -> str:
        actions = kind_get(record.kind).actions  # only what this kind can come to
        return ", ".join(
            f"{label.lower()} {record.counts.get(key, 0)}"
            for key, label in ACTION_LABELS.items()
            if key in actions
        )

    def _report(self, record: ImportRecord) -> None:
        self.stdout.write(
            f"Lần nhập #{record.pk} ({record.original_name}): {record.get_status_display()}; "
            f"{record.rows_total} dòng: {self._counts(record)}."
        )
        for number, column, message in record.problems:
            where = f"Dòng {number}" if number else "Tệp"
            self.stdout.write(f"  {where}{f', cột {column}' if column else ''}: {message}")
        if record.error:
            self.stdout.write(record.error)
