"""Default rules of the award types (see awards/reference_data.py RULES); all editable."""

from django.db import migrations

from awards.reference_data import load_award_rules


def load(apps, schema_editor):
    load_award_rules(apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_awards_cycle")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
