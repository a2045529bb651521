"""A council session set for a wrong day can be moved before any vote (decision 0021,
third round): the office gives the new day and a reason; every dossier on it keeps the
change in its history; once a vote is cast the day is fixed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import CouncilSession, NominationEvent
from tests.factories import nominate

pytestmark = pytest.mark.django_db


@pytest.fixture
def later_session(cycle):
    n = nominate(cycle, person=cycle["people"][0])
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    return services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp xét Lao động tiên tiến",
        held_on=timezone.localdate() + datetime.timedelta(days=7),
        members=cycle["council"],
        nominations=[n],
    )


def test_the_office_moves_a_session_to_today_and_members_can_vote(client, cycle, later_session):
    today = timezone.localdate()
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:session_detail", args=[later_session.pk])).content.decode()
    assert "Đổi ngày họp" in page
    response = client.post(
        reverse("awards:session_redate", args=[later_session.pk]),
        {"held_on": today.strftime("%d/%m/%Y"), "reason": "Gõ nhầm ngày họp"},
        follow=True,
    )
    html = response.content.decode()
    assert f"Đã đổi ngày họp sang {today:%d/%m/%Y}." in html
    later_session.refresh_from_db()
    assert later_session.held_on == today
    item = later_session.agenda.get()
    event = NominationEvent.objects.filter(nomination=item.nomination).last()
    assert "Gõ nhầm ngày họp" in event.note and f"{today:%d/%m/%Y}" in event.note
    assert event.by == cycle["office"]
    services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")  # no longer refused


def test_a_reason_and_a_real_day_are_asked_for(client, cycle, later_session):
    client.force_login(cycle["office"])
    url = reverse("awards:session_redate", args=[later_session.pk])
    html = client.post(url, {"held_on": "31/02/2026", "reason": ""}, follow=True).content.decode()
    assert "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày." in html
    assert "lý do" in html.lower()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    html = client.post(
        url, {"held_on": yesterday.strftime("%d/%m/%Y"), "reason": "Dời"}, follow=True
    ).content.decode()
    assert "không đổi sang một ngày đã qua" in html
    assert CouncilSession.objects.get(pk=later_session.pk).held_on == later_session.held_on


def test_once_a_vote_is_cast_the_day_stays(client, cycle, later_session):
    today = timezone.localdate()
    CouncilSession.objects.filter(pk=later_session.pk).update(held_on=today)
    later_session.refresh_from_db()
    services.vote_cast(actor=cycle["council"][0], item=later_session.agenda.get(), choice="agree")
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:session_detail", args=[later_session.pk])).content.decode()
    assert "Đổi ngày họp" not in page
    html = client.post(
        reverse("awards:session_redate", args=[later_session.pk]),
        {"held_on": (today + datetime.timedelta(days=2)).strftime("%d/%m/%Y"), "reason": "Dời"},
        follow=True,
    ).content.decode()
    assert "Đã có phiếu bầu: không đổi được ngày họp." in html
    assert CouncilSession.objects.get(pk=later_session.pk).held_on == today


def test_a_council_member_cannot_move_the_session(client, cycle, later_session):
    client.force_login(cycle["council"][0])
    response = client.post(
        reverse("awards:session_redate", args=[later_session.pk]),
        {"held_on": timezone.localdate().strftime("%d/%m/%Y"), "reason": "Dời"},
    )
    assert response.status_code in (302, 403)
    assert CouncilSession.objects.get(pk=later_session.pk).held_on == later_session.held_on


# Cancelling a session before any vote ----------------------------------------------


def test_the_office_cancels_a_session_and_its_dossiers_go_back_to_wait(
    client, cycle, later_session
):
    client.force_login(cycle["office"])
    item = later_session.agenda.get()
    html = client.post(
        reverse("awards:session_cancel", args=[later_session.pk]),
        {"cancel_reason": "Hội đồng kiện toàn lại thành viên"},
        follow=True,
    ).content.decode()
    assert "Đã hủy phiên họp" in html
    assert "Lý do hủy: Hội đồng kiện toàn lại thành viên" in html
    assert "Đổi ngày họp" not in html and "Kết thúc phiên họp" not in html
    later_session.refresh_from_db()
    assert later_session.status == CouncilSession.Status.CANCELLED
    assert later_session.cancelled_by == cycle["office"]
    nomination = item.nomination
    nomination.refresh_from_db()
    assert nomination.status == "appraised"
    event = NominationEvent.objects.filter(nomination=nomination).last()
    assert "hủy" in event.note and "Hội đồng kiện toàn lại thành viên" in event.note
    # the dossier can be put on a new session at once
    again = services.session_create(
        actor=cycle["office"],
        issuer=cycle["district"],
        title="Họp lại",
        held_on=timezone.localdate(),
        members=cycle["council"],
        nominations=[nomination],
    )
    assert again.agenda.get().nomination == nomination
    with pytest.raises(ValidationError):
        services.vote_cast(actor=cycle["council"][0], item=item, choice="agree")


def test_a_cancel_needs_a_reason_and_no_vote(client, cycle, later_session):
    client.force_login(cycle["office"])
    url = reverse("awards:session_cancel", args=[later_session.pk])
    html = client.post(url, {"cancel_reason": " "}, follow=True).content.decode()
    assert "Ghi lý do hủy phiên họp." in html
    CouncilSession.objects.filter(pk=later_session.pk).update(held_on=timezone.localdate())
    later_session.refresh_from_db()
    services.vote_cast(actor=cycle["council"][0], item=later_session.agenda.get(), choice="agree")
    html = client.post(url, {"cancel_reason": "Dời"}, follow=True).content.decode()
    assert "Đã có phiếu bầu: không hủy được phiên họp." in html
    assert CouncilSession.objects.get(pk=later_session.pk).status == CouncilSession.Status.OPEN


def test_the_time_and_place_are_moved_with_the_day(client, cycle, later_session):
    """The time and place written on the session (decision 0027) could not be corrected:
    "Đổi ngày họp" now takes them too, starting from those written, and the dossiers'
    history says what changed."""
    CouncilSession.objects.filter(pk=later_session.pk).update(
        starts_at=datetime.time(8, 0), venue="Phòng họp tầng 1"
    )
    client.force_login(cycle["office"])
    page = client.get(reverse("awards:session_detail", args=[later_session.pk])).content.decode()
    assert 'value="08:00"' in page and 'value="Phòng họp tầng 1"' in page
    day = later_session.held_on
    response = client.post(
        reverse("awards:session_redate", args=[later_session.pk]),
        {
            "held_on": day.strftime("%d/%m/%Y"),
            "starts_at": "14h30",
            "venue": "Hội trường tầng 3",
            "reason": "Phòng họp tầng 1 đang sửa",
        },
        follow=True,
    )
    assert "Hội trường tầng 3" in response.content.decode()
    later_session.refresh_from_db()
    assert (later_session.starts_at, later_session.venue) == (
        datetime.time(14, 30),
        "Hội trường tầng 3",
    )
    event = NominationEvent.objects.filter(nomination=later_session.agenda.get().nomination).last()
    assert "14 giờ 30" in event.note and "Hội trường tầng 3" in event.note
