"""On PostgreSQL, an index in the portal's order ("newest first"), so a page of
the list reads 20 rows instead of sorting the whole table. SQLite cannot index
NULLS LAST; the migration does nothing there."""

from django.db import migrations

INDEX = "campaigns_campaign_newest_first"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON campaigns_campaign "
            "(sort_date DESC NULLS LAST, published_at DESC NULLS LAST, id DESC)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0004_lifecycle_revisions_attachments")]
    operations = [migrations.RunPython(forwards, backwards)]
