"""python manage.py cleanup_orphan_files [--delete] [--min-age MINUTES]: the files under
MEDIA_ROOT that no row refers to.

A file written by a worker or a request that was killed before its transaction ended
stays on disk with no row naming it (one that rolled back is deleted at once: see
units/files.py). Lists them by default; `--delete` removes them. Files younger than
`--min-age` minutes (default 60) are left alone: their transaction may still be open.
Also says how many rows name a file that is not there. Safe to run at any time.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from units.backup import human_size
from units.files import referenced_names


def minutes(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError
    return number


def orphan_files(root: Path, *, min_age_minutes: int) -> tuple[list[Path], set[str]]:
    """(files under `root` no row names and older than the age, names of missing files)."""
    referenced = referenced_names()
    backups = Path(settings.BACKUP_ROOT).resolve()
    cutoff = time.time() - min_age_minutes * 60
    orphans, present = [], set()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        if path.resolve().is_relative_to(backups):
            continue  # backups kept under MEDIA_ROOT are not uploads
        name = path.relative_to(root).as_posix()
        present.add(name)
        if name not in referenced and path.stat().st_mtime < cutoff:
            orphans.append(path)
    return orphans, referenced - present


class Command(BaseCommand):
    help = (
        "Liệt kê (hoặc xóa, với --delete) các tệp trong MEDIA_ROOT không còn dòng dữ liệu "
        "nào tham chiếu, ví dụ tệp do tiến trình bị dừng giữa chừng để lại."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Xóa các tệp tìm thấy (mặc định chỉ liệt kê)."
        )
        parser.add_argument(
            "--min-age",
            type=minutes,
            default=60,
            metavar="PHÚT",
            help="Bỏ qua tệp mới ghi trong số phút này (mặc định %(default)s).",
        )

    def handle(self, *args, delete: bool, min_age: int, **options):
        root = Path(settings.MEDIA_ROOT)
        if not root.is_dir():
            raise CommandError(f"Không có thư mục MEDIA_ROOT: {root}")
        orphans, missing = orphan_files(root, min_age_minutes=min_age)
        total = 0
        for path in orphans:
            size = path.stat().st_size
            total += size
            self.stdout.write(f"{path.relative_to(root).as_posix()}\t{human_size(size)}")
            if delete:
                path.unlink()
        if delete:
            for folder in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
            self.stdout.write(f"Đã xóa {len(orphans)} tệp không dùng ({human_size(total)}).")
        elif orphans:
            self.stdout.write(
                f"Có {len(orphans)} tệp không dùng ({human_size(total)}). "
                "Chạy lại với --delete để xóa."
            )
        else:
            self.stdout.write("Không có tệp nào không dùng.")
        if missing:
            self.stderr.write(
                f"Cảnh báo: {len(missing)} tệp được dữ liệu tham chiếu nhưng không có trên "
                "đĩa (xem docs/backup.md để khôi phục): " + ", ".join(sorted(missing)[:10])
            )
