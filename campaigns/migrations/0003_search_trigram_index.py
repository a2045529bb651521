"""On PostgreSQL, a pg_trgm GIN index on the campaigns' normalised search column."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS campaigns_campaign_search_trgm "
        "ON campaigns_campaign USING gin (search_text gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS campaigns_campaign_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0002_document_types"), ("units", "0002_search_trigram_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]
