"""A campaign that runs across the 2025 reform (decision 0067).

The province's 2025 directive ran from January to December: the communes registered
in spring, merged on 1 July, and the new communes report at the year's end. Before, the
registration vanished with its commune: the province's results page said "Đã đăng ký:
0", and the new commune was told it had not registered, its predecessor's targets out
of sight."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from campaigns.models import Registration
from campaigns.results import services as results
from tests.factories import province_directive_across_the_reform
from units.models import Membership, Unit
from units.services import units_reorganise

pytestmark = pytest.mark.django_db


@pytest.fixture
def across(demo, demo_units, make_member):
    province = demo_units["ubnd-tinh-lai-chau"]
    campaign, office, criterion = province_directive_across_the_reform(
        demo, demo_units, make_member
    )
    old = demo_units["ubnd-x-son-binh"]
    staff = make_member("cb.sonbinh", old, Membership.Role.UNIT_STAFF)
    results.registration_submit(
        actor=staff, campaign=campaign, unit=old, targets={criterion.pk: Decimal(8)}
    )
    new = Unit.objects.get(admin_code="03390")  # Xã Bình Lư
    units_reorganise(
        actor=None,
        mapping=[
            (old, new),
            (demo_units["ubnd-x-binh-lu"], new),
            (demo_units["ubnd-tt-tam-duong"], new),
            (demo_units["ubnd-tam-duong"], province),
        ],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    return {"campaign": campaign, "office": office, "staff": staff, "new": new, "old": old}


def test_the_province_still_counts_the_registration(client, across):
    client.force_login(across["office"])
    page = client.get(reverse("tracking:campaign_results", args=[across["campaign"].pk]))
    html = page.content.decode()
    assert "Đã đăng ký: <strong>1</strong> /" in html
    unregistered, received = html.split("Đơn vị chưa đăng ký")[1].split(
        "Bản đăng ký thi đua đã nhận"
    )
    assert "UBND xã Bình Lư" not in unregistered
    assert "UBND xã Bình Lư" in received  # its registration, to print (decision 0093)


def test_the_new_commune_continues_its_predecessors_registration(client, across):
    new, campaign = across["new"], across["campaign"]
    client.force_login(across["staff"])  # the role moved to the new commune
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "Phong trào chưa đăng ký" not in dashboard
    registration = Registration.objects.get(campaign=campaign, unit=new)
    assert registration.targets.get().value == Decimal(8)
    page = client.get(reverse("tracking:register", args=[new.pk, campaign.pk])).content.decode()
    assert 'value="8' in page  # the targets, to keep or change
