"""Sources found for the reward rules (docs/decisions/0019-legal-sources.md).

Data only: the bases of the decrees' multiples and rounding now name the article and
the text that was read; the multiples the texts give for Cờ thi đua tỉnh (8,0), xã,
phường tiêu biểu (2,0) and thôn, tổ dân phố văn hóa (1,5) are added; Decree 152/2025 is
cited with its signing day and title. Rows an admin has edited are left as they are.
"""

from django.db import migrations

OLD_152 = (
    "Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật "
    "Thi đua, khen thưởng"
)


def forward(apps, schema_editor):
    from awards.money_reference import refresh_money_sources
    from awards.reference_data import LEGAL_BASES

    refresh_money_sources(
        apps.get_model("awards", "RewardDecree"),
        apps.get_model("awards", "RewardMultiple"),
        apps.get_model("awards", "AwardType"),
    )
    new_152 = next(text for _o, text, _s, _e in LEGAL_BASES if "152/2025" in text)
    apps.get_model("awards", "LegalBasis").objects.filter(text=OLD_152).update(text=new_152)


class Migration(migrations.Migration):
    dependencies = [("awards", "0016_constraint_messages_money_and_documents")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
