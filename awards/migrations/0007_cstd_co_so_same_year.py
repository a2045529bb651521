"""CSTĐ cơ sở needs Lao động tiên tiến in the same year (prerequisite years 0 = same
year), not the year before. Only changed where the admin kept the default."""

from django.db import migrations


def forwards(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    AwardType.objects.filter(code="cstd-co-so", prerequisite_years=1).update(prerequisite_years=0)


class Migration(migrations.Migration):
    dependencies = [("awards", "0006_public_notice")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
