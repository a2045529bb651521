"""One register of numbers per body, year and kind of document (decision 0084): the
decision counter becomes `DocumentCounter` with a kind; its rows keep their numbers as
the decisions' counters, and each body's tờ trình get a counter at the highest number
they took (they were numbered max+1 until now)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Max


def seed_submission_counters(apps, schema_editor):
    Submission = apps.get_model("awards", "Submission")
    DocumentCounter = apps.get_model("awards", "DocumentCounter")
    rows = (
        Submission.objects.values("issuer_id", "year")
        .annotate(highest=Max("number"))
        .order_by("issuer_id", "year")
    )
    for row in rows:
        counter, _ = DocumentCounter.objects.get_or_create(
            issuer_id=row["issuer_id"], year=row["year"], kind="submission"
        )
        if counter.last_number < row["highest"]:
            counter.last_number = row["highest"]
            counter.save(update_fields=["last_number"])


def drop_submission_counters(apps, schema_editor):
    apps.get_model("awards", "DocumentCounter").objects.filter(kind="submission").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0038_submission_document"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="decisioncounter", name="counter_unique"),
        migrations.RenameModel(old_name="DecisionCounter", new_name="DocumentCounter"),
        migrations.AddField(
            model_name="documentcounter",
            name="kind",
            field=models.CharField(
                choices=[("decision", "Quyết định"), ("submission", "Tờ trình")],
                default="decision",
                max_length=20,
                verbose_name="loại văn bản",
            ),
        ),
        migrations.AlterField(
            model_name="documentcounter",
            name="issuer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="units.unit",
                verbose_name="cơ quan",
            ),
        ),
        migrations.AlterField(
            model_name="documentcounter",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="năm"),
        ),
        migrations.AlterField(
            model_name="documentcounter",
            name="last_number",
            field=models.PositiveIntegerField(default=0, verbose_name="số cuối cùng đã dùng"),
        ),
        migrations.AlterModelOptions(
            name="documentcounter",
            options={"verbose_name": "sổ số văn bản", "verbose_name_plural": "sổ số văn bản"},
        ),
        migrations.AddConstraint(
            model_name="documentcounter",
            constraint=models.UniqueConstraint(
                fields=("issuer", "kind", "year"),
                name="document_counter_unique",
                violation_error_message="Cơ quan này đã có sổ số loại văn bản này của năm này.",
            ),
        ),
        migrations.RunPython(seed_submission_counters, drop_submission_counters),
    ]
