"""A campaign of a body merged into the user's (the 2025 reform) is read only: its page
and its criteria page say so in the same words, naming the successor, without a query
for it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.selectors import staff_campaign_detail
from units.models import Membership
from units.services import unit_merge

pytestmark = pytest.mark.django_db

SENTENCE = "Văn bản của UBND huyện Tam Đường (đã sáp nhập vào UBND tỉnh Lai Châu): chỉ xem"


@pytest.fixture
def merged(demo, demo_units, make_member):
    """Tam Đường's office, moved to the province by the merger, reads Tam Đường's plan."""
    office = make_member("nv.td", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    unit_merge(
        source=demo_units["ubnd-tam-duong"],
        target=demo_units["ubnd-tinh-lai-chau"],
        by=None,
        reason="Nghị quyết 2025",
    )
    return {"office": office, "campaign": demo["000"]}


def test_the_campaign_and_its_criteria_say_read_only_in_the_same_words(client, merged):
    client.force_login(merged["office"])
    for name in ("staff:campaign_detail", "tracking:criteria"):
        html = client.get(reverse(name, args=[merged["campaign"].pk])).content.decode()
        assert SENTENCE in html, name
    edit = client.get(reverse("staff:campaign_edit", args=[merged["campaign"].pk]), follow=True)
    assert f"{SENTENCE}, không sửa được." in edit.content.decode()


def test_the_successor_is_read_with_the_campaign(merged, django_assert_num_queries):
    campaign = staff_campaign_detail(merged["office"], merged["campaign"].pk)
    with django_assert_num_queries(0):
        assert campaign.issuer.merged_into.name == "UBND tỉnh Lai Châu"


def test_the_read_only_pages_read_the_successor_in_no_query_of_its_own(client, merged):
    """Before, each page read the successor by its id after the campaign: 16 and 17
    queries."""
    client.force_login(merged["office"])
    for name, most in (("staff:campaign_detail", 15), ("tracking:criteria", 16)):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name, args=[merged["campaign"].pk])).status_code == 200
        one_unit = 'FROM "units_unit" WHERE "units_unit"."id" = '
        assert not [q for q in ctx.captured_queries if one_unit in q["sql"]], name
        assert len(ctx.captured_queries) <= most, (name, len(ctx.captured_queries))
