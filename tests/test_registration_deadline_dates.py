"""The registration deadline (“Hạn đăng ký thi đua”, on “Tiêu chí, kỳ báo cáo”) checked
against the campaign's dates (decision 0060 left it: it could fall after the end, or
before the document was issued). Refused beside the field, nothing written. Decision 0063."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from campaigns.results import services
from units.models import Membership

pytestmark = pytest.mark.django_db

ISSUED, START, END = (
    datetime.date(2026, 12, 5),
    datetime.date(2027, 1, 1),
    datetime.date(2027, 12, 31),
)


@pytest.fixture
def office_client(client, demo, make_member):
    campaign = demo["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED, issued_on=ISSUED, start_date=START, end_date=END
    )
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    client.campaign = Campaign.objects.get(pk=campaign.pk)
    client.url = reverse("tracking:criteria", args=[campaign.pk])
    return client


def field_errors(html: str) -> str:
    """The deadline field's block: its label, input and the errors beside it."""
    start = html.index('<div class="field field--error"><label for="id_deadline"')
    return html[start : html.index("</div>", html.index('name="deadline"', start))]


def written(campaign: Campaign) -> tuple:
    fresh = Campaign.objects.get(pk=campaign.pk)
    return fresh.registration_deadline, fresh.history.count()


@pytest.mark.parametrize(
    "typed, said",
    [
        (
            "15/01/2028",
            "Hạn đăng ký 15/01/2028 sau ngày kết thúc phong trào (31/12/2027): "
            "hạn đăng ký phải trong thời gian phong trào.",
        ),
        (
            "01/12/2026",
            "Hạn đăng ký 01/12/2026 trước ngày ban hành văn bản phát động (05/12/2026): "
            "các đơn vị chưa nhận được phong trào để đăng ký.",
        ),
    ],
)
def test_a_deadline_outside_the_campaign_is_refused_beside_the_field(office_client, typed, said):
    before = written(office_client.campaign)
    response = office_client.post(office_client.url, {"deadline": typed})
    assert response.status_code == 200
    assert said in field_errors(response.content.decode())
    assert written(office_client.campaign) == before


@pytest.mark.parametrize("typed", ["05/12/2026", "20/12/2026", "31/12/2027"])
def test_a_deadline_from_the_issue_date_to_the_end_is_kept(office_client, typed):
    """Units often register before the campaign starts (a plan issued in December for
    the next year): from the issue date on, up to the last day, is taken."""
    response = office_client.post(office_client.url, {"deadline": typed})
    assert response.status_code == 302
    day = datetime.datetime.strptime(typed, "%d/%m/%Y").date()
    assert Campaign.objects.get(pk=office_client.campaign.pk).registration_deadline == day


def test_the_service_refuses_it_too(office_client):
    office = office_client.campaign.issuer.memberships.get().user
    for day in (datetime.date(2026, 11, 30), datetime.date(2028, 1, 1)):
        with pytest.raises(Exception, match="Hạn đăng ký"):
            services.registration_deadline_set(
                actor=office, campaign=office_client.campaign, deadline=day
            )
    assert written(office_client.campaign)[0] is None


def test_the_editor_keeps_the_end_and_issue_dates_around_a_set_deadline(office_client):
    """Set the other way round: the campaign's end moved before its deadline."""
    from campaigns.forms_staff import CampaignForm

    campaign = office_client.campaign
    Campaign.objects.filter(pk=campaign.pk).update(registration_deadline=datetime.date(2027, 3, 1))
    campaign.refresh_from_db()
    user = campaign.issuer.memberships.get().user
    data = {
        name: value
        for name, value in CampaignForm(instance=campaign, user=user).initial.items()
        if value is not None
    }
    data.update(
        {
            "issuer": campaign.issuer_id,
            "document_type": campaign.document_type_id or "",
            "kind": campaign.kind,
            "subject": campaign.subject,
            "issued_on": "05/12/2026",
            "start_date": "01/01/2027",
            "end_date": "28/02/2027",
            "parent": "",
        }
    )
    form = CampaignForm(data, instance=campaign, user=user)
    assert not form.is_valid()
    assert form.errors["end_date"] == [
        "Ngày kết thúc trước hạn đăng ký thi đua (01/03/2027): sửa hạn đăng ký ở "
        "“Tiêu chí, kỳ báo cáo” trước, hoặc chọn ngày kết thúc sau hạn đó."
    ]
