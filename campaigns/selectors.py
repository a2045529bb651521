"""Reads of campaigns, shaped for the pages that show them."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Campaign, ContentItem


def public_campaign_list() -> QuerySet[Campaign]:
    """Published campaigns for the portal, newest first, in a fixed number of queries."""
    return Campaign.objects.public().select_related("issuer", "document_type").newest_first()


def public_campaign_detail(pk: int) -> Campaign:
    """One published campaign with everything its document shows; 404 otherwise."""
    queryset = (
        Campaign.objects.public()
        .select_related("issuer", "issuer__parent", "document_type", "parent", "parent__issuer")
        .prefetch_related(
            Prefetch("items", queryset=ContentItem.objects.order_by("order", "pk")),
            "anniversaries",
            "recipients",
            "distribution",
            "references__linked_campaign",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def public_children(campaign: Campaign) -> QuerySet[Campaign]:
    """Campaigns launched by lower levels in answer to this one."""
    return public_campaign_list().filter(parent=campaign)
