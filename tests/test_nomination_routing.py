"""A nomination goes to the body that can decide its award. Under a province campaign a
commune's Lao động tiên tiến (a title the district or commune gives) went to the
province's office, which could neither decide it nor forward it "up", and the unit
could not move it back (a dead end): it now goes to the nearest issuing body above the
unit that gives the award, still under the campaign. An award above the campaign's body
keeps the old road (its council, then "Trình cấp trên")."""

from __future__ import annotations

import pytest

from awards import services
from awards.models import AwardType, Nomination
from campaigns.models import Campaign
from tests.factories import attach_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_campaign(demo, demo_units):
    campaign = Campaign.objects.filter(issuer=demo_units["ubnd-tinh-lai-chau"]).first()
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.PUBLISHED)
    campaign.refresh_from_db()
    return campaign


def draft(cycle, code: str, **extra) -> Nomination:
    return services.nomination_create(
        actor=cycle["staff"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code=code),
            nominee_person=cycle["people"][0],
            nominating_unit=cycle["commune"],
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
            **extra,
        ),
    )


def test_a_lower_award_under_a_province_campaign_goes_to_the_district(cycle, province_campaign):
    n = draft(cycle, "lao-dong-tien-tien", campaign=province_campaign)
    assert n.issuer == cycle["district"]
    assert n.campaign == province_campaign
    attach_files(n, cycle["staff"])
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    n.refresh_from_db()
    # the district's office has it to appraise
    assert services.workflow.allows(n, "appraise")
    from awards.selectors import nominations_to_appraise

    assert n in nominations_to_appraise(cycle["office"])


def test_an_award_of_the_campaigns_body_goes_to_it(cycle, province_campaign):
    n = draft(cycle, "bang-khen-tinh-ca-nhan", campaign=province_campaign)
    assert n.issuer == province_campaign.issuer


def test_without_a_campaign_the_units_body_decides_or_forwards(cycle):
    assert draft(cycle, "lao-dong-tien-tien", year=2025).issuer == cycle["district"]
    assert draft(cycle, "bang-khen-tinh-ca-nhan", year=2025).issuer == cycle["district"]
