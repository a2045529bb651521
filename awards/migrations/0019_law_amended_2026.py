"""Law 06/2022/QH15 as amended by Luật số 06/2026/QH16 from 01/10/2026
(docs/decisions/0019-legal-sources.md). Data only: the unamended citation ends on
30/9/2026 unless an administrator has already given it an end; the amended citation is
added unless a row with its text exists."""

import datetime

from django.db import migrations

LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"


def forward(apps, schema_editor):
    from awards.reference_data import load_legal_bases

    LegalBasis = apps.get_model("awards", "LegalBasis")
    LegalBasis.objects.filter(text=LAW_2022, effective_to__isnull=True).update(
        effective_to=datetime.date(2026, 9, 30)
    )
    load_legal_bases(LegalBasis)


class Migration(migrations.Migration):
    dependencies = [("awards", "0018_base_salary_2026")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
