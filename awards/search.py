"""The grants' stored search text kept in step with the names it copies (decision 0054).

A grant's `search_text` and `search_marked` hold its awardee's name, their unit's and the
award's (`AwardGrant.search_source`), so the honour roll and the decisions' search find
them in one column. When a person, a unit or an award type is renamed — the admin, the
Excel import, `load_divisions`, an import's revert, any save — `units.models.renamed` is
sent inside the rename's transaction, and the grants that copy the name are rebuilt: one
SELECT, then one bulk UPDATE per 2000 grants, however many there are."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from units.models import renamed

from .models import AwardGrant

BATCH = 2000


def grants_search_refresh(grants: QuerySet[AwardGrant]) -> int:
    """Rebuild the stored search text of `grants`; returns how many."""
    rows = grants.select_related("person", "unit", "awardee_unit", "award_type").order_by("pk")
    batch: list[AwardGrant] = []
    total = 0
    for grant in rows.iterator(chunk_size=BATCH):
        grant.refresh_search()
        batch.append(grant)
        if len(batch) == BATCH:
            AwardGrant.objects.bulk_update(batch, ["search_text", "search_marked"])
            total, batch = total + len(batch), []
    if batch:
        AwardGrant.objects.bulk_update(batch, ["search_text", "search_marked"])
        total += len(batch)
    if total:  # bulk writes send no post_save: the public pages drop what they cached
        from config.public_cache import AWARDS, schedule_bump

        schedule_bump(frozenset({AWARDS}))
    return total


def _renamed(sender, ids, **kwargs) -> None:
    label = sender._meta.label
    if label == "units.Person":
        where = Q(person_id__in=ids)
    elif label == "units.Unit":
        where = Q(unit_id__in=ids) | Q(awardee_unit_id__in=ids)
    elif label == "awards.AwardType":
        where = Q(award_type_id__in=ids)
    else:
        return
    grants_search_refresh(AwardGrant.objects.filter(where))


def connect() -> None:
    renamed.connect(_renamed, dispatch_uid="awards:grants-search-on-rename")
