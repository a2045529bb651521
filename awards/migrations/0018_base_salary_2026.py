"""The base salary of 2.530.000 đồng from 01/7/2026 (khoản 2 Điều 3 Nghị định
161/2026/NĐ-CP ngày 15/5/2026; docs/decisions/0019-legal-sources.md). Data only: a row an
admin already entered for that day is kept."""

from django.db import migrations


def forward(apps, schema_editor):
    from awards.money_reference import BASE_SALARIES

    BaseSalary = apps.get_model("awards", "BaseSalary")
    for amount, effective_from, basis, note in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=effective_from,
            defaults={"amount": amount, "legal_basis": basis, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("awards", "0017_legal_sources_found")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
