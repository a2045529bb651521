"""python manage.py backup [--output DIR] [--keep N]: the database and the private files.

Writes one folder `thidua-backup-<UTC time>/` (database dump, media.tar, manifest.json,
SHA256SUMS). Exits non-zero with a message in Vietnamese when anything fails; a
failed run leaves no half-written backup behind. See docs/backup.md.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from units.backup import BackupError, create_backup, human_size


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError
    return number


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp tải lên (MEDIA_ROOT) vào một thư mục có bản kê."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Thư mục chứa các bản sao lưu (mặc định BACKUP_ROOT, hiện là %(default)s).",
            default=settings.BACKUP_ROOT,
        )
        parser.add_argument(
            "--keep",
            type=positive,
            metavar="N",
            help="Chỉ giữ N bản sao lưu mới nhất do lệnh này tạo trong thư mục đó.",
        )

    def handle(self, *args, output: Path, keep: int | None = None, **options):
        try:
            result = create_backup(output, Path(settings.MEDIA_ROOT), keep=keep)
        except BackupError as exc:
            raise CommandError(f"Sao lưu thất bại: {exc}") from None
        manifest = result.manifest
        for warning in manifest["warnings"]:
            self.stderr.write(f"Cảnh báo: {warning}")
        tables = manifest["tables"]
        self.stdout.write(
            f"Đã sao lưu vào {result.path}\n"
            f"  Cơ sở dữ liệu ({manifest['database']['server']}): {len(tables)} bảng, "
            f"{sum(tables.values())} dòng.\n"
            f"  Tệp: {manifest['media']['count']} tệp, {human_size(manifest['media']['bytes'])}."
        )
        for path in result.removed:
            self.stdout.write(f"Đã xóa bản sao lưu cũ: {path.name}")
