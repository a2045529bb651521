"""On PostgreSQL, index the normalised search columns with pg_trgm (GIN).

`icontains` on `search_text` then uses the index instead of scanning the
table (see shared PITFALLS). SQLite has no such index: the migration does
nothing there.
"""

from django.db import migrations

TABLES = [("units_unit", "units_unit_search_trgm"), ("units_person", "units_person_search_trgm")]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, index in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
