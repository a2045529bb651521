"""Results tracking keeps a history from now on: every row that exists already gets
one history row, dated when this migration runs and saying so, so the first change
after it (an agreed score corrected, say) still shows the value it replaced."""

import django.utils.timezone
from django.db import migrations

TABLES = [
    ("campaigns", "Criterion"),
    ("campaigns", "ReportPeriod"),
    ("campaigns", "Registration"),
    ("campaigns", "RegistrationTarget"),
    ("campaigns", "ResultReport"),
    ("campaigns", "ReportValue"),
    ("campaigns", "BlocScore"),
    ("units", "Bloc"),
]


def record_existing_rows(apps, schema_editor):
    now = django.utils.timezone.now()
    for app, name in TABLES:
        Model = apps.get_model(app, name)
        History = apps.get_model(app, f"Historical{name}")
        fields = [f.attname for f in Model._meta.concrete_fields]
        History.objects.bulk_create(
            (
                History(
                    **{field: getattr(row, field) for field in fields},
                    history_date=now,
                    history_type="+",
                    history_change_reason="Có từ trước khi ghi lịch sử.",
                )
                for row in Model.objects.iterator()
            ),
            batch_size=1000,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0011_results_history"),
        ("units", "0008_bloc_history"),
    ]

    operations = [migrations.RunPython(record_existing_rows, migrations.RunPython.noop)]
