"""python manage.py parse_document PATH [--json]: read a launch document into fields.

The same parser serves the "Nhập văn bản" page (campaigns/importer.py).

It reads a file and prints: no database, no URLs, no templates. So it runs no system
checks (they import every view, for the URL checks) and loads nothing heavy at start-up
(see tests/test_parse_document_startup.py): a call takes a fraction of a second, most
of it Django's own set-up.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from campaigns.importer import UnreadableDocument, parse_file


class Command(BaseCommand):
    help = (
        "Đọc văn bản phát động (.txt, .docx, .pdf, bản quét .pdf, .jpg, .png) và in các "
        "trường trích xuất được, độ tin cậy từng trường và các cảnh báo."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="Đường dẫn tệp .txt, .docx, .pdf, .jpg hoặc .png")
        parser.add_argument("--json", action="store_true", help="In đúng một đối tượng JSON.")

    def handle(self, *args, path: str, json: bool = False, **options):
        try:
            document = parse_file(path)
        except UnreadableDocument as exc:
            raise CommandError(str(exc)) from exc
        data = document.as_contract()
        if json:
            self.stdout.write(_dumps(data))
            return
        for key, value in data.items():
            if isinstance(value, list):
                self.stdout.write(f"{key}: {len(value)}")
                for entry in value:
                    self.stdout.write(f"  - {_dumps(entry) if isinstance(entry, dict) else entry}")
            else:
                self.stdout.write(f"{key}: {value if value is not None else '(không tìm thấy)'}")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
