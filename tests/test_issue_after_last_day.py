"""A body issues nothing dated after its last day (decision 0074, item 5; 0070 left it).
`Unit.ended_on` is the last day a dissolved body existed (30/06/2025 for the 2025
reform); the services issued a decision, or published a campaign, dated after it. Now
refused, beside the date, in Vietnamese; a date on or before the last day stays allowed:
an old body's back-dated record is its history.

The body's last day is set here while its office still works on the system: today an
archived body has no office (its roles moved with the merger), so the refusal guards the
services themselves, whatever calls them."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Decision
from campaigns import services as campaign_services
from campaigns.models import Campaign
from tests.factories import passed_nominations
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db
D = datetime.date
LAST_DAY = D(2025, 6, 30)
SAID = "UBND huyện Tam Đường đã kết thúc hoạt động ngày 30/06/2025"


def ended(unit: Unit) -> None:
    Unit.objects.filter(pk=unit.pk).update(ended_on=LAST_DAY)
    unit.refresh_from_db()


@pytest.fixture
def draft(cycle):
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        signer_name="Sùng Lữ Páo",
        nominations=passed_nominations(cycle, 1),
    )
    ended(cycle["district"])
    return decision


def test_the_service_refuses_a_decision_dated_after_the_last_day(cycle, draft):
    with pytest.raises(ValidationError) as refused:
        services.decision_issue(actor=cycle["office"], decision=draft, issued_on=D(2025, 7, 1))
    assert SAID in " ".join(refused.value.message_dict["issued_on"])
    draft.refresh_from_db()
    assert draft.status == Decision.Status.DRAFT and draft.number is None
    # on its last day, it is the body's own decision
    services.decision_issue(actor=cycle["office"], decision=draft, issued_on=LAST_DAY)
    draft.refresh_from_db()
    assert draft.status == Decision.Status.ISSUED and draft.issued_on == LAST_DAY


def test_the_issue_form_says_it_beside_the_date(client, cycle, draft):
    client.force_login(cycle["office"])
    response = client.post(
        reverse("awards:decision_issue", args=[draft.pk]), {"number": "", "issued_on": "05/07/2025"}
    )
    form = response.context["issue_form"]
    assert SAID in " ".join(form.errors["issued_on"])
    assert SAID in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Decision.Status.DRAFT


@pytest.fixture
def campaign(demo, demo_units, make_member):
    """A draft of Tam Đường's, ready to publish but for its date."""
    office = make_member("nv.td", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    copy = campaign_services.campaign_copy(actor=office, campaign=demo["000"])
    copy.end_date = None
    copy.number = "12"
    copy.save()
    ended(demo_units["ubnd-tam-duong"])
    return office, copy


@pytest.mark.parametrize(
    "dated,refused",
    [
        ({"issued_on": D(2025, 7, 2)}, True),
        ({"issued_on": None, "issued_month": 8, "issued_year": 2025}, True),
        ({"issued_on": None, "issued_month": None, "issued_year": 2026}, True),
        ({"issued_on": LAST_DAY}, False),
        ({"issued_on": None, "issued_month": 6, "issued_year": 2025}, False),
    ],
)
def test_the_service_refuses_a_campaign_dated_after_the_last_day(campaign, dated, refused):
    office, draft = campaign
    Campaign.objects.filter(pk=draft.pk).update(**dated)
    if refused:
        with pytest.raises(ValidationError) as error:
            campaign_services.campaign_publish(actor=office, campaign=draft)
        assert SAID in " ".join(error.value.messages)
        assert Campaign.objects.get(pk=draft.pk).status == Campaign.Status.DRAFT
    else:
        campaign_services.campaign_publish(actor=office, campaign=draft)
        assert Campaign.objects.get(pk=draft.pk).status == Campaign.Status.PUBLISHED


def test_the_campaign_form_says_it_beside_the_date(client, campaign):
    from tests.test_campaign_dates import _form_data

    office, draft = campaign
    client.force_login(office)
    url = reverse("staff:campaign_edit", args=[draft.pk])
    data = _form_data(client.get(url))
    data["issued_on"] = "15/07/2025"
    response = client.post(url, data)
    assert response.status_code == 200
    assert SAID in " ".join(response.context["form"].errors["issued_on"])
    # dated so by another way (an import, a copy): "Phát động" says why it refuses
    Campaign.objects.filter(pk=draft.pk).update(issued_on=D(2025, 7, 15))
    publish = client.post(reverse("staff:campaign_publish", args=[draft.pk]), follow=True)
    assert SAID in publish.content.decode()
    assert Campaign.objects.get(pk=draft.pk).status == Campaign.Status.DRAFT
