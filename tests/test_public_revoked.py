"""Thu hồi khen thưởng seen from the portal: the honour roll kept a revoked award from
its cache (GrantRevocation dropped no public page), and the decision's public page listed
it as granted, unmarked (decision 0071)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards import money
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(cycle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return issued_decision(cycle, passed_nominations(cycle, 2))


def test_a_revoked_award_leaves_the_cached_honour_roll_and_is_marked_on_its_decision(
    client, cycle, issued
):
    revoked, kept = issued.grants.order_by("pk")
    roll = reverse("awards_public:honour_roll")
    page = reverse("awards_public:decision_detail", args=[issued.pk])
    for url in (roll, page):
        client.get(url)
        assert client.get(url)["X-Public-Cache"] == "hit"
    assert revoked.awardee_name in client.get(roll).content.decode()

    money.grant_revoke(
        document_number="12/QĐ-UBND",
        document_date=timezone.localdate(),
        actor=cycle["office"],
        grant=revoked,
        reason="Kỷ luật cảnh cáo sau khi được khen",
        on=datetime.date(2026, 1, 5),
    )

    body = client.get(roll).content.decode()
    assert revoked.awardee_name not in body and kept.awardee_name in body
    body = client.get(page).content.decode()
    assert revoked.awardee_name in body  # the decision as issued lists it still
    # the mark names the revoking decision (decision 0078)
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert body.count("Đã thu hồi") == 1
    assert f"Đã thu hồi theo Quyết định số 12/QĐ-UBND ngày {today}" in body
    assert "Kỷ luật cảnh cáo" not in body  # the reason stays with the office
