"""Preload the emulation titles and forms of commendation (see awards/reference_data.py)."""

from django.db import migrations

from awards.reference_data import load_award_types


def load(apps, schema_editor):
    load_award_types(apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
