"""Reference data: document types and their symbol abbreviations (Decree 30/2020, appendix III)."""

from django.db import migrations

DOCUMENT_TYPES = [
    # (name, abbreviation, is_letter)
    ("Công văn", "", True),
    ("Kế hoạch", "KH", False),
    ("Chỉ thị", "CT", False),
    ("Quyết định", "QĐ", False),
    ("Thông báo", "TB", False),
    ("Hướng dẫn", "HD", False),
    ("Phát động thi đua", "PĐTĐ", False),
    ("Báo cáo", "BC", False),
    ("Tờ trình", "TTr", False),
    ("Biên bản", "BB", False),
    ("Chương trình", "CTr", False),
    ("Quy chế", "QC", False),
    ("Quy định", "QyĐ", False),
    ("Nghị quyết", "NQ", False),
]


def load(apps, schema_editor):
    DocumentType = apps.get_model("campaigns", "DocumentType")
    for order, (name, abbreviation, is_letter) in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.update_or_create(
            name=name,
            defaults={"abbreviation": abbreviation, "is_letter": is_letter, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
