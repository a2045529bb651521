"""Fill the accounts' search rows (decision 0086) from the accounts that exist, and on
PostgreSQL give the column the pg_trgm GIN index the other search columns have. The
text is built as `AccountSearch.text_of` builds it: `units.text.padded` of the login,
the name and the email.

The index is made before the rows are written: on PostgreSQL each row written leaves the
foreign key's deferred check pending until the transaction ends, and CREATE INDEX on a
table with pending checks is refused ("cannot CREATE INDEX … because it has pending
trigger events"), so a database with accounts could not be upgraded (decision 0090)."""

from django.conf import settings
from django.db import migrations

from units.text import padded

INDEX = "units_accountsearch_search_trgm"
BATCH = 1000


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":  # first: see the docstring
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON units_accountsearch "
            "USING gin (search_text gin_trgm_ops)"
        )
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    AccountSearch = apps.get_model("units", "AccountSearch")
    rows = []
    users = User.objects.order_by("pk").values_list(
        "pk", "username", "first_name", "last_name", "email"
    )
    for pk, *fields in users.iterator(chunk_size=BATCH):
        rows.append(AccountSearch(user_id=pk, search_text=padded(" ".join(fields))))
        if len(rows) == BATCH:
            AccountSearch.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    AccountSearch.objects.bulk_create(rows, ignore_conflicts=True)


def unfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("units", "0017_account_search")]
    operations = [migrations.RunPython(fill, unfill)]
