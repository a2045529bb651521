"""Load the seed documents as published campaigns (demo data)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from units.models import Unit

from .demo_data import ANNIVERSARIES, PARENTS, REFERENCES, SEEDS
from .models import (
    Anniversary,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    DocumentType,
    Recipient,
)
from .services import campaign_issued_document

# Seeds give the document's own fields; the rest is built below.
CAMPAIGN_FIELDS = tuple(
    name
    for name in Campaign.DOCUMENT_FIELDS
    if name not in ("document_type", "parent", "preamble", "closing")
)


def _create_items(campaign: Campaign, items: list[dict]) -> None:
    """Items and their sub-items, numbered in document order (1, 2, 3... across levels)."""
    position = 0
    for item in items:
        position += 1
        top = ContentItem.objects.create(
            campaign=campaign,
            order=position,
            label=item["label"],
            heading=item.get("heading", ""),
            text="\n".join(item["text"]),
        )
        for child in item.get("children", []):
            position += 1
            ContentItem.objects.create(
                campaign=campaign,
                parent=top,
                order=position,
                label=child["label"],
                heading=child.get("heading", ""),
                text="\n".join(child["text"]),
            )


def _create_campaign(key: str, seed: dict, units: dict[str, Unit]) -> Campaign:
    campaign = Campaign.objects.create(
        issuer=units[seed["issuer"]],
        document_type=DocumentType.objects.get(name=seed["document_type"]),
        preamble="\n".join(seed["preamble"]),
        closing="\n".join(seed["closing"]),
        status=Campaign.Status.PUBLISHED,
        published_at=timezone.now(),
        source=seed["source"],
        **{field: seed[field] for field in CAMPAIGN_FIELDS},
    )
    _create_items(campaign, seed["items"])
    Recipient.objects.bulk_create(
        Recipient(campaign=campaign, order=i, text=text)
        for i, text in enumerate(seed["recipients"], start=1)
    )
    DistributionEntry.objects.bulk_create(
        DistributionEntry(campaign=campaign, order=i, text=text, mark=mark)
        for i, (text, mark) in enumerate(seed["distribution"], start=1)
    )
    Anniversary.objects.bulk_create(
        Anniversary(campaign=campaign, order=i, name=name, start_date=start, end_date=end)
        for i, (name, start, end) in enumerate(ANNIVERSARIES[key], start=1)
    )
    DocumentReference.objects.bulk_create(
        DocumentReference(
            campaign=campaign,
            order=i,
            relation=relation,
            doc_type=doc_type,
            number=number,
            symbol=symbol,
            issued_on=issued_on,
            issuer_name=issuer_name,
            subject=subject,
        )
        for i, (relation, doc_type, number, symbol, issued_on, issuer_name, subject) in enumerate(
            REFERENCES[key], start=1
        )
    )
    return campaign


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
            campaigns[key] = _create_campaign(key, seed, units)
            created.add(key)
    for child, parent in PARENTS.items():
        if child in created:
            campaign = campaigns[child]
            campaign.parent = campaigns[parent]
            campaign.save(update_fields=["parent"])
            DocumentReference.objects.create(
                campaign=campaign,
                order=0,
                relation=DocumentReference.Relation.IMPLEMENTS,
                doc_type=campaigns[parent].document_type.name,
                number=campaigns[parent].number,
                symbol=campaigns[parent].symbol,
                issued_on=campaigns[parent].issued_on,
                issuer_name=campaigns[parent].issuer.name,
                subject=campaigns[parent].subject,
                linked_campaign=campaigns[parent],
            )
    for key in sorted(created):  # published documents are kept as issued
        campaign_issued_document(campaigns[key])
    return campaigns
