"""Bằng khen and Giấy khen multiples found (docs/decisions/0026-commendation-money-and-searches.md).

Data only: Decree 152/2025, Art. 54 cl. 1 (Bằng khen of the Prime Minister 3,5, of a
province 1,5, Giấy khen 0,3) and its households at 1,5 times the individual; Decree
98/2023, Art. 58 cl. 1 point g (a commune's Giấy khen 0,15); Decree 98/2023's rounding
named as its Art. 53 cl. 2. Rows an admin has added or edited are left as they are.
"""

from django.db import migrations


def forward(apps, schema_editor):
    from awards.money_reference import add_commendation_multiples

    add_commendation_multiples(
        apps.get_model("awards", "RewardDecree"),
        apps.get_model("awards", "RewardMultiple"),
        apps.get_model("awards", "AwardType"),
    )


class Migration(migrations.Migration):
    dependencies = [("awards", "0023_session_cancel")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
