"""A dossier its unit withdrew while the session was open still had its ballot on the
members' page, and a vote on it was recorded (then ignored at the close): the members
voted on something no longer before them (decision 0071)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Vote

pytestmark = pytest.mark.django_db

WITHDRAWN = "Đơn vị đã rút hồ sơ: không bỏ phiếu."


@pytest.fixture
def stage(cycle):
    from tests.awards_stage import build_stage

    return build_stage(cycle)


def test_no_ballot_for_a_withdrawn_dossier(client, stage):
    member = stage["council"][0]
    vote_url = reverse("awards:vote", args=[stage["session"].pk, stage["item"].pk])
    client.force_login(member)
    page = client.get(reverse("awards:session_detail", args=[stage["session"].pk]))
    assert vote_url in page.content.decode()  # before: the ballot is there

    services.nomination_withdraw(
        actor=stage["staff"], nomination=stage["on_agenda"], reason="Chuyển công tác"
    )
    page = client.get(reverse("awards:session_detail", args=[stage["session"].pk]))
    body = page.content.decode()
    assert vote_url not in body and WITHDRAWN in body
    with pytest.raises(ValidationError) as refused:
        services.vote_cast(actor=member, item=stage["item"], choice="agree")
    assert refused.value.messages == [WITHDRAWN]
    assert not Vote.objects.exists()


def test_the_members_dashboard_no_longer_counts_it(stage):
    from awards.selectors import council_pending

    member = stage["council"][0]
    assert council_pending(member)["to_vote_count"] == 1
    services.nomination_withdraw(
        actor=stage["staff"], nomination=stage["on_agenda"], reason="Chuyển công tác"
    )
    pending = council_pending(member)
    assert pending["to_vote_count"] == 0
    assert [s.to_vote for s in pending["sessions"]] == [0]
