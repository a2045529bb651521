"""Dead ends a new user met walking the staff pages by links: a link to a page the role
may not open, a menu entry leading to a refusal, a task page with no way to the document
it is about. Each is a link that works now, or no link."""

import re

import pytest
from django.urls import reverse

from campaigns.models import BlocScore
from units.models import Bloc, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def bloc_world(demo, demo_units, make_member):
    campaign = demo["000"]
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    bloc = Bloc.objects.create(issuer=campaign.issuer, year=2025, name="Khối xã", head=a)
    bloc.members.set([a, b])
    BlocScore.objects.create(campaign=campaign, bloc=bloc, unit=a, kind="agreed", points=95)
    return {
        "campaign": campaign,
        "bloc": bloc,
        "a": a,
        "office": make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF),
        "other_office": make_member(
            "nv.tp", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF
        ),
    }


def test_the_office_follows_the_scoring_its_blocs_page_links_to(client, bloc_world):
    bloc, campaign, office = bloc_world["bloc"], bloc_world["campaign"], bloc_world["office"]
    client.force_login(office)
    url = reverse("tracking:scores", args=[bloc.pk, campaign.pk])
    assert url in client.get(reverse("tracking:blocs")).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # the ranking's row: rank, unit, points (a table since decision 0073)
    assert re.search(r"<td>1</td><td>UBND xã Bình Lư</td><td>95</td>", html)
    assert "Lưu điểm" not in html and 'name="agreed-' not in html and 'name="self-' not in html
    # following is not scoring
    assert client.post(url, {f"agreed-{bloc_world['a'].pk}": "10"}).status_code == 403
    assert BlocScore.objects.get(kind="agreed").points == 95


def test_another_bodys_office_cannot_follow_the_scoring(client, bloc_world):
    client.force_login(bloc_world["other_office"])
    url = reverse("tracking:scores", args=[bloc_world["bloc"].pk, bloc_world["campaign"].pk])
    assert client.get(url).status_code in (403, 404)


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        (
            Membership.Role.COUNCIL_MEMBER,
            ["awards:session_list"],
            ["tracking:unit_campaigns", "tracking:blocs", "awards:nomination_list"],
        ),
        (
            Membership.Role.LEADER,
            ["awards:decision_list"],
            ["tracking:unit_campaigns", "tracking:blocs", "awards:nomination_list"],
        ),
        (
            Membership.Role.OFFICE_STAFF,
            ["awards:inbox", "tracking:blocs"],
            ["tracking:unit_campaigns", "awards:nomination_list"],
        ),
        (
            Membership.Role.UNIT_STAFF,
            ["tracking:unit_campaigns", "tracking:blocs", "awards:nomination_list"],
            [],
        ),
    ],
)
def test_the_menu_offers_each_role_only_pages_it_may_open(
    client, demo_units, make_member, role, shown, hidden
):
    user = make_member("nguoi.dung", demo_units["ubnd-tam-duong"], role)
    client.force_login(user)
    html = client.get(reverse("staff:dashboard")).content.decode()
    nav = html.split('aria-label="Điều hướng chính"')[1].split("</nav>")[0]
    for name in shown:
        assert f'href="{reverse(name)}"' in nav, name
        assert client.get(reverse(name)).status_code == 200, name
    for name in hidden:
        assert f'href="{reverse(name)}"' not in nav, name


def test_unit_pages_link_to_the_campaign_document(client, bloc_world, make_member):
    import datetime

    from django.utils import timezone

    from campaigns.models import Campaign, ReportPeriod

    campaign, unit = bloc_world["campaign"], bloc_world["a"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=9)
    )
    client.force_login(make_member("cb.bl", unit, Membership.Role.UNIT_STAFF))
    document = reverse("public:campaign_detail", args=[campaign.pk])
    for url in (
        reverse("tracking:unit_campaigns"),
        reverse("tracking:register", args=[unit.pk, campaign.pk]),
        reverse("tracking:report", args=[unit.pk, period.pk]),
    ):
        assert f'href="{document}"' in client.get(url).content.decode(), url


def test_the_leader_opens_the_dossiers_on_the_agenda_of_their_session(client, cycle, make_member):
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    leader = make_member("ld.td", cycle["district"], Membership.Role.LEADER)
    client.force_login(leader)
    session_page = client.get(reverse("awards:session_detail", args=[stage["session"].pk]))
    detail = reverse("awards:nomination_detail", args=[stage["on_agenda"].pk])
    assert detail in session_page.content.decode()
    assert client.get(detail).status_code == 200
    # a unit's draft is not theirs to read
    draft = reverse("awards:nomination_detail", args=[stage["draft"].pk])
    assert client.get(draft).status_code == 404


def test_the_office_finds_the_drafts_it_made_from_a_bloc_ranking(client, demo, demo_units):
    """The awards page says “Đã lập 1 dự thảo đề nghị”: the dashboard and the awards tabs
    lead to them (before, only a typed address did)."""
    from django.contrib.auth import get_user_model

    from awards.models import AwardType, Nomination

    campaign = demo["000"]
    office = get_user_model().objects.create_user("nv.td2", password="x")
    Membership.objects.create(user=office, unit=campaign.issuer, role=Membership.Role.OFFICE_STAFF)
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    bloc = Bloc.objects.create(issuer=campaign.issuer, year=campaign.year, name="Khối", head=a)
    bloc.members.set([a, b])
    BlocScore.objects.create(campaign=campaign, bloc=bloc, unit=a, kind="agreed", points=95)
    client.force_login(office)
    award = AwardType.objects.get(code="giay-khen-huyen-tap-the")
    client.post(
        reverse("awards:campaign_awards", args=[campaign.pk]),
        {"from_ranking": "1", "bloc": bloc.pk, "award_type": award.pk, "top": 1},
    )
    draft = Nomination.objects.get()
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "Dự thảo chưa gửi (1)" in html
    assert reverse("awards:nomination_detail", args=[draft.pk]) in html
    inbox = client.get(reverse("awards:inbox")).content.decode()
    assert f'href="{reverse("awards:nomination_list")}"' in inbox
    listed = client.get(reverse("awards:nomination_list")).content.decode()
    assert reverse("awards:nomination_detail", args=[draft.pk]) in listed
