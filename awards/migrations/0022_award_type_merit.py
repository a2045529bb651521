"""Why Điều 1 of a decision gives each award, as the award type's data: the "tiên tiến"
titles are for completing one's tasks well (Law 06/2022/QH15, Art. 26, 28), every other
award type keeps "có thành tích xuất sắc" (decision 0021, third round)."""

from django.db import migrations, models


def forward(apps, schema_editor):
    from awards.reference_data import load_merits

    load_merits(apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0021_decision_counter_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='awardtype',
            name='merit',
            field=models.CharField(blank=True, help_text='Điều 1 ghi sau “Tặng … cho 02 cá nhân”, ví dụ “đã hoàn thành tốt nhiệm vụ” (Lao động tiên tiến). Để trống: “có thành tích xuất sắc”.', max_length=255, verbose_name='lý do tặng (Điều 1 của quyết định)'),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
