"""Load the seed documents as published campaigns (demo data).

Fixture code: writes directly. The campaigns are created already published, without
an actor, which no service allows; their parts go through the same writer as every
other path (campaigns/documents.py).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from units.models import Unit

from .demo_data import ANNIVERSARIES, PARENTS, REFERENCES, SEEDS
from .documents import REFERENCE_FIELDS, answer_reference, campaign_parts_write
from .models import Campaign, DocumentType
from .services import campaign_issued_document

# Seeds give the document's own fields; the rest is built below.
CAMPAIGN_FIELDS = tuple(
    name
    for name in Campaign.DOCUMENT_FIELDS
    if name not in ("document_type", "parent", "preamble", "closing")
)


def _item(item: dict) -> dict:
    return {
        "label": item["label"],
        "heading": item.get("heading", ""),
        "text": "\n".join(item["text"]),
        "children": [_item(child) for child in item.get("children", [])],
    }


def seed_parts(
    seed: dict, anniversaries: list[tuple], references: list[tuple], parent: Campaign | None
) -> dict[str, list[dict]]:
    """A seed's parts as plain data; the campaign it answers comes first among its references."""
    implements = []
    if parent is not None:
        implements.append({**answer_reference(parent), "linked_campaign_id": parent.pk})
    return {
        "items": [_item(item) for item in seed["items"]],
        "recipients": [{"text": text} for text in seed["recipients"]],
        "distribution": [{"text": text, "mark": mark} for text, mark in seed["distribution"]],
        "anniversaries": [
            {"name": name, "start_date": start, "end_date": end}
            for name, start, end in anniversaries
        ],
        "references": implements
        + [dict(zip(REFERENCE_FIELDS, row, strict=True)) for row in references],
    }


def _published_at(seed: dict) -> datetime.datetime:
    """When a seed document went out: its issue date (08:00, Vietnam time), the first day
    of its month and year when it gives no day, else its start or end; never the time the
    demo was loaded."""
    if seed.get("issued_on"):
        day = seed["issued_on"]
    elif seed.get("issued_year"):
        day = datetime.date(seed["issued_year"], seed.get("issued_month") or 1, 1)
    else:  # no date on the document at all: the day it starts or ends
        day = seed.get("start_date") or seed.get("end_date") or timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0)))


def _create_campaign(seed: dict, units: dict[str, Unit]) -> Campaign:
    return Campaign.objects.create(
        issuer=units[seed["issuer"]],
        document_type=DocumentType.objects.get(name=seed["document_type"]),
        preamble="\n".join(seed["preamble"]),
        closing="\n".join(seed["closing"]),
        status=Campaign.Status.PUBLISHED,
        published_at=_published_at(seed),
        source=seed["source"],
        **{field: seed[field] for field in CAMPAIGN_FIELDS},
    )


@transaction.atomic
def load_seed_campaigns(units: dict[str, Unit]) -> dict[str, Campaign]:
    """Create each seed campaign once. Existing ones are left exactly as users keep them."""
    existing = {c.source: c for c in Campaign.objects.filter(source__startswith="seed:")}
    campaigns: dict[str, Campaign] = {}
    created: set[str] = set()
    for key, seed in SEEDS.items():
        if seed["source"] in existing:
            campaigns[key] = existing[seed["source"]]
        else:
            campaigns[key] = _create_campaign(seed, units)
            created.add(key)
    for child, parent in PARENTS.items():
        if child in created:
            campaign = campaigns[child]
            campaign.parent = campaigns[parent]
            campaign.save(update_fields=["parent"])
    for key, seed in SEEDS.items():
        if key in created:
            campaign = campaigns[key]
            parts = seed_parts(seed, ANNIVERSARIES[key], REFERENCES[key], campaign.parent)
            campaign_parts_write(campaign=campaign, parts=parts)
    for key in sorted(created):  # published documents are kept as issued
        campaign_issued_document(campaigns[key])
    return campaigns
