"""A document the văn thư has not numbered yet ("Số:   /UBND-NV" on paper) is named
"chưa có số" wherever a list or a choice names it, never "/UBND-NV", which reads as a
broken number (issue 14: "show 'Công văn (chưa có số)' or the like")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from units.models import Membership

pytestmark = pytest.mark.django_db


def test_office_campaign_list_says_the_number_is_missing(client, demo, make_member):
    campaign = demo["000"]
    assert not campaign.number and campaign.symbol == "UBND-NV"
    office = make_member("nv.vanban", campaign.issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "<td>chưa có số (UBND-NV)</td>" in html
    assert not re.search(r">\s*/UBND-NV\s*<", html)


def test_the_nomination_form_names_an_unnumbered_campaign(client, demo, make_member):
    campaign = demo["000"]
    office = make_member("nv.vanban", campaign.issuer, Membership.Role.OFFICE_STAFF)
    assert str(campaign).startswith(f"{campaign.document_type.name} (chưa có số) — ")
    numbered = demo["002"]
    assert str(numbered).startswith("5834/PĐTĐ-UBND — ")
    staff = make_member("cb.vanban", campaign.issuer, Membership.Role.UNIT_STAFF)
    client.force_login(staff)
    html = client.get(reverse("awards:nomination_create")).content.decode()
    assert f"{campaign.document_type.name} (chưa có số) — {campaign.subject[:30]}" in html
    assert ">/UBND-NV — " not in html
    client.force_login(office)
    html = client.get(reverse("staff:campaign_create")).content.decode()
    assert "/UBND-NV — " not in html
