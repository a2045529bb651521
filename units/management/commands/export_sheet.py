"""Xuất Excel from the command line: the same workbook as “Xuất …” on the import page,
which `import_sheet` reads back unchanged."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from units.access import units_below
from units.models import Unit
from units.sheets.kinds import kind_get, kinds_all


class Command(BaseCommand):
    help = "Xuất đơn vị, cá nhân, vai trò cán bộ hoặc sổ khen thưởng ra tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[k.key for k in kinds_all()])
        parser.add_argument("file", type=Path)
        parser.add_argument("--office", help="mã đơn vị: chỉ xuất đơn vị này và cấp dưới")

    def handle(self, *args, kind, file, office, **options):
        scope = None
        if office:
            body = Unit.objects.filter(code=office).first()
            if body is None:
                raise CommandError(f"Không có đơn vị mã “{office}”.")
            scope = units_below([body])
        sheet_kind = kind_get(kind)
        book = sheet_kind.workbook(sheet_kind.export_rows(scope), scope=scope, export=True)
        book.save(file)
        rows = book.worksheets[0].max_row - 1
        self.stdout.write(self.style.SUCCESS(f"Đã xuất {rows} dòng {sheet_kind.what} vào {file}."))
