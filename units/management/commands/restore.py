"""python manage.py restore BACKUP [--database-url URL] [--media-root DIR] [--verify-only]

Restores a backup made by `manage.py backup` into an empty database and media folder,
then checks every table's row count and every file's SHA-256 against the manifest.
It refuses a database that already has tables, or a media folder that is not empty,
unless --force. --verify-only changes nothing and only compares. See docs/backup.md.
"""

from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from units.backup import (
    BackupError,
    check_artifacts,
    engine_of,
    existing_tables,
    first_line,
    load_manifest,
    media_entries,
    restore_database,
    restore_media,
    restore_refusal,
    verify,
)


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống và thư mục tệp trống, "
        "rồi đối chiếu số dòng và SHA-256 từng tệp với bản kê."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="Thư mục bản sao lưu (có manifest.json).")
        parser.add_argument(
            "--database-url",
            help="Cơ sở dữ liệu đích (mặc định DATABASE_URL). Nên để mật khẩu trong "
            "PGPASSWORD hoặc ~/.pgpass thay vì trong URL.",
        )
        parser.add_argument(
            "--media-root", type=Path, help="Thư mục tệp đích (mặc định MEDIA_ROOT)."
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Không khôi phục: chỉ đối chiếu cơ sở dữ liệu và tệp hiện có với bản kê.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Cho phép ghi vào cơ sở dữ liệu đã có bảng hoặc thư mục tệp đã có tệp "
            "(dữ liệu trùng sẽ bị ghi đè).",
        )

    def handle(self, *args, backup, database_url, media_root, verify_only, force, **options):
        try:
            self._run(backup, database_url, media_root, verify_only, force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError as exc:
            cfg = environ.Env.db_url_config(database_url) if database_url else {}
            raise CommandError(f"Lỗi cơ sở dữ liệu: {first_line(exc, cfg)}") from None

    def _run(self, backup, database_url, media_root, verify_only, force):
        backup, manifest = load_manifest(backup)
        cfg = environ.Env.db_url_config(database_url) if database_url else None
        target_cfg = cfg or connections["default"].settings_dict
        media_root = Path(media_root or settings.MEDIA_ROOT)
        engine = engine_of(target_cfg)
        self.stdout.write(f"Bản sao lưu {manifest['name']} (tạo lúc {manifest['created_at']}).")

        if not verify_only:
            if engine != manifest["database"]["engine"]:
                raise BackupError(
                    f"Bản sao lưu là {manifest['database']['engine']}, cơ sở dữ liệu đích là "
                    f"{engine}: không khôi phục được."
                )
            damaged = check_artifacts(backup, manifest)
            if damaged:
                raise BackupError(" ".join(damaged))
            if not force:
                tables = existing_tables(cfg)
                if tables:
                    raise BackupError(
                        f"Cơ sở dữ liệu “{target_cfg['NAME']}” đã có {len(tables)} bảng: không "
                        "khôi phục đè lên dữ liệu đang có. Hãy tạo cơ sở dữ liệu mới (xem "
                        "docs/backup.md) hoặc dùng --force nếu chắc chắn."
                    )
                if media_entries(media_root):
                    raise BackupError(
                        f"Thư mục tệp {media_root} không trống: không khôi phục đè lên tệp "
                        "đang có. Chọn --media-root khác hoặc dùng --force."
                    )
            refusal = restore_refusal(cfg)
            if refusal:
                raise BackupError(refusal)
            restore_database(backup, manifest, target_cfg, force=force)
            self.stdout.write(f"Đã khôi phục cơ sở dữ liệu “{target_cfg['NAME']}”.")
            restore_media(backup, manifest, media_root)
            self.stdout.write(f"Đã giải nén {manifest['media']['count']} tệp vào {media_root}.")

        report = verify(manifest, cfg, media_root)
        for line in report.lines:
            self.stdout.write("  " + line)
        for note in report.notes:
            self.stdout.write("  Ghi chú: " + note)
        for problem in report.problems:
            self.stderr.write("  KHÔNG KHỚP: " + problem)
        if not report.ok:
            raise BackupError(f"Kiểm tra KHÔNG ĐẠT: {len(report.problems)} điểm khác bản kê.")
        self.stdout.write("Kiểm tra ĐẠT: số dòng mọi bảng và SHA-256 mọi tệp khớp bản kê.")
