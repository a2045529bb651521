"""On PostgreSQL, a pg_trgm GIN index on the honour roll's search column, as the
campaigns, units and persons have (a search read every grant)."""

from django.db import migrations

INDEX = "awards_awardgrant_search_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON awards_awardgrant USING gin (search_text gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_prerequisite_help")]
    operations = [migrations.RunPython(forwards, backwards)]
