"""An award is never for a year after the decision giving it is signed (decision 0027).

A ward nominated under the province's plan for 2027 (it ends 31/12/2027) in December
2026; the decision signed 07/12/2026 gave the Giấy khen "năm 2027", and the public
honour roll listed it under 2027. A nomination's own year stops at this year (decision
0015); the campaign's year now stops at the year the decision is signed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.eligibility import checklist
from awards.models import Nomination
from campaigns.models import Campaign, DocumentType
from tests.factories import issued_decision, nominate

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_years_campaign(cycle):
    today = timezone.localdate()
    return Campaign.objects.create(
        issuer=cycle["district"],
        document_type=DocumentType.objects.get(abbreviation="KH"),
        subject="Thi đua hoàn thành nhiệm vụ năm sau",
        issued_on=today,
        start_date=today,
        end_date=datetime.date(today.year + 1, 12, 31),
        status=Campaign.Status.PUBLISHED,
    )


def test_an_award_under_next_years_campaign_counts_for_the_year_it_is_given(
    client, cycle, next_years_campaign
):
    this_year = timezone.localdate().year
    assert next_years_campaign.year == this_year + 1
    nomination = nominate(cycle, person=cycle["people"][0], year=None, campaign=next_years_campaign)
    Nomination.objects.filter(pk=nomination.pk).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"]
    )
    nomination.refresh_from_db()
    assert any(f"năm {this_year} " in c.message for c in checklist(nomination))

    decision = issued_decision(cycle, [nomination])
    grant = decision.grants.get()
    assert grant.year == this_year
    html = client.get(reverse("awards_public:honour_roll"), {"q": "Lò Thị A"}).content.decode()
    assert f"<td>{this_year}</td>" in html
    assert f"<td>{this_year + 1}</td>" not in html


def test_the_quota_counts_pending_nominations_under_next_years_campaign_in_this_year(
    cycle, next_years_campaign
):
    """Their award counts for the year it is given (this year), so the quota's pending
    count must too: it counted them in next year's (decision 0027, found and not fixed)."""
    from units.models import Person

    this_year = timezone.localdate().year
    for name in ("C", "D", "E"):
        someone = Person.objects.create(full_name=f"Lò Văn {name}", unit=cycle["commune"])
        nominate(cycle, person=someone, year=None, campaign=next_years_campaign)
    # a nomination's own year comes first: this one is last year's, whatever its campaign
    last_year = Person.objects.create(full_name="Lò Văn F", unit=cycle["commune"])
    nominate(cycle, person=last_year, year=this_year - 1, campaign=next_years_campaign)
    nomination = nominate(
        cycle, person=cycle["people"][0], code="cstd-co-so", year=None, campaign=next_years_campaign
    )
    quota = {c.label: c for c in checklist(nomination)}["Tỷ lệ"]
    assert quota.message.startswith(
        f"1 “Chiến sĩ thi đua cơ sở” so với 3 “Lao động tiên tiến” của đơn vị năm {this_year}:"
    )


def test_issuing_reads_the_campaigns_of_nominations_with_no_year_at_once(
    cycle, next_years_campaign
):
    """The award year of a nomination with no year of its own comes from its campaign:
    issuing a decision of five such nominations reads the campaigns table as often as
    one of one (before, once more for each nomination)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards import services
    from units.models import Person

    def campaign_reads(count: int) -> int:
        made = []
        for i in range(count):
            person = Person.objects.create(
                full_name=f"Quàng Văn {count}-{i}", unit=cycle["commune"], gender="male"
            )
            made.append(nominate(cycle, person=person, year=None, campaign=next_years_campaign))
        Nomination.objects.filter(pk__in=[n.pk for n in made]).update(
            status=Nomination.Status.PASSED, issuer=cycle["district"]
        )
        decision = services.decision_draft(
            actor=cycle["office"],
            issuer=cycle["district"],
            subject="Về việc tặng danh hiệu Lao động tiên tiến",
            nominations=[Nomination.objects.get(pk=n.pk) for n in made],
        )
        table = Campaign._meta.db_table
        with CaptureQueriesContext(connection) as queries:
            decision = services.decision_issue(actor=cycle["office"], decision=decision)
        assert decision.grants.count() == count
        return sum(1 for q in queries if f'FROM "{table}"' in q["sql"])

    assert campaign_reads(5) == campaign_reads(1)
