"""ResultReport.first_submitted_at: when a report was first sent, so that one returned for
correction after its due date and sent again is judged on time by its first sending
(decision 0073). Empty for a report sent once; a report already sent again takes the
earliest sending its history keeps."""

from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery


def first_sent(apps, schema_editor):
    Report = apps.get_model("campaigns", "ResultReport")
    History = apps.get_model("campaigns", "HistoricalResultReport")
    earliest = (
        History.objects.filter(id=OuterRef("pk"), submitted_at__isnull=False)
        .order_by("submitted_at")
        .values("submitted_at")[:1]
    )
    resent = (
        Report.objects.filter(submitted_at__isnull=False)
        .annotate(earliest=Subquery(earliest))
        .filter(earliest__lt=F("submitted_at"))
    )
    for report in resent:
        report.first_submitted_at = report.earliest
        report.save(update_fields=["first_submitted_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0017_imported_document_archive"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalresultreport",
            name="first_submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="nộp lần đầu lúc"),
        ),
        migrations.AddField(
            model_name="resultreport",
            name="first_submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="nộp lần đầu lúc"),
        ),
        migrations.RunPython(first_sent, migrations.RunPython.noop),
    ]
