"""Reference data: document types (see campaigns/reference_data.py)."""

from django.db import migrations

from campaigns.reference_data import load_document_types


def load(apps, schema_editor):
    load_document_types(apps.get_model("campaigns", "DocumentType"))


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
