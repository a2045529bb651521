"""Rebuild every search column in the new form: punctuation folded to spaces and
a space at each end, so queries match from the start of words."""

from django.db import migrations

from units.text import padded

CAMPAIGN_KINDS = {"regular": "Thi đua thường xuyên", "thematic": "Thi đua theo chuyên đề (theo đợt)"}


def forwards(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    Person = apps.get_model("units", "Person")
    AwardType = apps.get_model("awards", "AwardType")
    Campaign = apps.get_model("campaigns", "Campaign")
    for unit in Unit.objects.all():
        unit.search_text = padded(f"{unit.name} {unit.short_name} {unit.code} {unit.locality}")
        unit.save(update_fields=["search_text"])
    for person in Person.objects.all():
        person.search_text = padded(f"{person.full_name} {person.position} {person.ethnicity}")
        person.save(update_fields=["search_text"])
    for award in AwardType.objects.all():
        award.search_text = padded(f"{award.name} {award.code} {award.authority}")
        award.save(update_fields=["search_text"])
    for c in Campaign.objects.select_related("issuer", "document_type"):
        ident = f"{c.number}/{c.symbol}" if c.symbol else c.number
        special = "phong trào thi đua đặc biệt" if c.is_special else ""
        c.search_text = padded(
            f"{c.number} {c.symbol} {c.subject} {c.theme} {c.place} {ident} {c.issuer.name} "
            f"{c.document_type.name} {CAMPAIGN_KINDS.get(c.kind, '')} {special}"
        )
        c.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0002_search_trigram_indexes"),
        ("awards", "0002_award_types"),
        ("campaigns", "0005_newest_first_index"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
