"""Cross-year award statistics against hand-counted figures, and nominations from a ranking."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards import services
from awards.models import AwardGrant, AwardType, Nomination
from awards.statistics import grants_by, individual_shares
from campaigns.results import selectors
from campaigns.results import services as results
from tests.factories import attach_files
from units.models import Membership, Person

pytestmark = pytest.mark.django_db


def test_shares_of_direct_workers_women_and_minorities(demo_units):
    unit = demo_units["ubnd-x-binh-lu"]
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    people = [
        Person.objects.create(
            full_name="A", unit=unit, gender="female", ethnicity="Thái", is_direct_worker=True
        ),
        Person.objects.create(
            full_name="B", unit=unit, gender="male", ethnicity="Kinh", is_direct_worker=True
        ),
        Person.objects.create(full_name="C", unit=unit, gender="female", ethnicity="Kinh"),
        Person.objects.create(full_name="D", unit=unit, gender="male", ethnicity=""),
    ]
    for year, person in (
        (2024, people[0]),
        (2025, people[0]),
        (2025, people[1]),
        (2025, people[2]),
        (2025, people[3]),
    ):
        AwardGrant.objects.create(award_type=ldtt, person=person, year=year, awardee_unit=unit)
    AwardGrant.objects.create(
        award_type=AwardType.objects.get(code="tap-the-ldtt"),
        unit=unit,
        year=2025,
        awardee_unit=unit,
    )
    shares = individual_shares()
    # 5 individual grants: direct workers A, A, B = 3; women A, A, C = 3; minorities A, A = 2
    assert (shares["total"], shares["direct"], shares["women"], shares["minorities"]) == (
        5,
        3,
        3,
        2,
    )
    assert shares["direct_percent"] == 60.0 and shares["minorities_percent"] == 40.0
    assert {r["label"]: r["count"] for r in grants_by("year")} == {2025: 5, 2024: 1}
    assert grants_by("award_type")[0] == {"label": "Lao động tiên tiến", "count": 5}
    assert grants_by("unit") == [{"label": "UBND xã Bình Lư", "count": 6}]


def test_ranking_makes_nomination_drafts_for_the_leaders(demo, demo_units, make_member):
    campaign = demo["000"]
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    a, b, c = (demo_units[x] for x in ("ubnd-tt-tam-duong", "ubnd-x-binh-lu", "ubnd-x-son-binh"))
    head = make_member("cb.head", a, Membership.Role.UNIT_STAFF)
    bloc = results.bloc_create(
        actor=office, issuer=campaign.issuer, year=2025, name="Khối xã", head=a, members=[b, c]
    )
    for unit, points in ((a, 98), (b, 98), (c, 90)):
        results.score_enter(
            actor=head,
            campaign=campaign,
            bloc=bloc,
            unit=unit,
            kind="agreed",
            points=Decimal(points),
        )
    flag = AwardType.objects.get(code="co-thi-dua-tinh")
    drafts = services.nominations_from_ranking(
        actor=office,
        campaign=campaign,
        ranking=selectors.bloc_ranking(campaign, bloc),
        award_type=flag,
        top=1,
    )
    # a tie at the top: both leaders get a draft
    assert {d.nominee_unit for d in drafts} == {a, b}
    assert all(d.status == Nomination.Status.DRAFT and d.campaign == campaign for d in drafts)
    assert drafts[0].issuer.code == "ubnd-tinh-lai-chau"  # beyond the district's authority
    with pytest.raises(ValidationError, match="tập thể"):
        services.nominations_from_ranking(
            actor=office,
            campaign=campaign,
            ranking=selectors.bloc_ranking(campaign, bloc),
            award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
        )


def test_statistics_page_and_export(client, demo, demo_units, make_member):
    import io

    import openpyxl
    from django.urls import reverse

    from awards.demo import load_demo_cycle
    from units.demo import load_demo_users

    load_demo_users(demo_units)
    load_demo_cycle()
    office = make_member("nv.tp", demo_units["ubnd-tp-lai-chau"], Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    html = client.get(reverse("awards:statistics")).content.decode()
    assert "Tổng số lượt: <strong>2</strong>" in html  # two individuals in the demo decision
    assert "<svg" in html and "Lao động tiên tiến" in html
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("awards:statistics"), {"xuat": "xlsx"}).content)
    )
    assert book.sheetnames == ["Theo danh hiệu", "Theo năm", "Theo đơn vị", "Tỷ lệ cá nhân"]
    assert list(book["Theo năm"].iter_rows(values_only=True))[1] == (
        2024,
        3,
    )  # the demo's year-end 2024 decision
    other = make_member("nv.tu", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert (
        "Tổng số lượt: <strong>0</strong>"
        in client.get(reverse("awards:statistics")).content.decode()
    )


def test_drafts_from_the_ranking_go_on_to_the_higher_level(demo, demo_units, make_member):
    campaign = demo["000"]
    office = make_member("nv.td2", campaign.issuer, Membership.Role.OFFICE_STAFF)
    province_office = make_member(
        "nv.snv", demo_units["ubnd-tinh-lai-chau"], Membership.Role.OFFICE_STAFF
    )
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    head = make_member("cb.head2", a, Membership.Role.UNIT_STAFF)
    bloc = results.bloc_create(
        actor=office, issuer=campaign.issuer, year=2025, name="Khối", head=a, members=[b]
    )
    results.score_enter(
        actor=head, campaign=campaign, bloc=bloc, unit=a, kind="agreed", points=Decimal(99)
    )
    (draft,) = services.nominations_from_ranking(
        actor=office,
        campaign=campaign,
        ranking=selectors.bloc_ranking(campaign, bloc),
        award_type=AwardType.objects.get(code="co-thi-dua-tinh"),
    )
    attach_files(draft, office)
    services.nomination_submit(
        actor=office, nomination=draft
    )  # the district submits its own proposal
    services.nomination_appraise(actor=province_office, nomination=draft, result="eligible")
    draft.refresh_from_db()
    assert draft.status == Nomination.Status.APPRAISED and draft.issuer.code == "ubnd-tinh-lai-chau"
