"""A council session can be cancelled before any vote: kept with who, when and why (decision 0021, third round)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0022_award_type_merit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="councilsession",
            name="cancel_reason",
            field=models.TextField(blank=True, verbose_name="lý do hủy"),
        ),
        migrations.AddField(
            model_name="councilsession",
            name="cancelled_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="hủy lúc"),
        ),
        migrations.AddField(
            model_name="councilsession",
            name="cancelled_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người hủy",
            ),
        ),
        migrations.AlterField(
            model_name="councilsession",
            name="status",
            field=models.CharField(
                choices=[
                    ("open", "Đang bỏ phiếu"),
                    ("closed", "Đã kết thúc"),
                    ("cancelled", "Đã hủy"),
                ],
                default="open",
                max_length=10,
                verbose_name="trạng thái",
            ),
        ),
    ]
