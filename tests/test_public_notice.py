"""Công khai lấy ý kiến: nominees of flagged award types are shown to the public for a
set number of days; citizens comment (rate-limited, honeypot); only staff read comments."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import AwardType, Nomination, PublicComment
from tests.factories import attach_files
from units.models import Membership, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(demo_units, make_member):
    district, commune = demo_units["ubnd-tam-duong"], demo_units["ubnd-x-binh-lu"]
    unit = make_member("cb.binhlu", commune, Membership.Role.UNIT_STAFF)
    office = make_member("nv.tamduong", district, Membership.Role.OFFICE_STAFF)
    council = make_member("hd.1", district, Membership.Role.COUNCIL_MEMBER)
    person = Person.objects.create(full_name="Lò Văn Công Khai", unit=commune, gender="male")
    award = AwardType.objects.get(code="cstd-tinh")
    assert award.public_notice_days == 7
    n = services.nomination_create(
        actor=unit,
        nomination=Nomination(
            award_type=award,
            nominee_person=person,
            nominating_unit=commune,
            year=2025,
            achievement_summary="Sáng kiến cấp tỉnh.",
        ),
    )
    attach_files(n, unit)
    services.nomination_submit(actor=unit, nomination=n)
    services.nomination_appraise(actor=office, nomination=n, result="eligible")
    n.refresh_from_db()
    return {"n": n, "unit": unit, "office": office, "council": council, "district": district}


def test_nominee_is_shown_and_citizens_can_comment(client, notice):
    n = notice["n"]
    assert n.notice_until == timezone.localdate() + datetime.timedelta(days=7)
    assert "Lò Văn Công Khai" in client.get(reverse("awards_public:notice_list")).content.decode()
    url = reverse("awards_public:notice_detail", args=[n.pk])
    response = client.post(
        url,
        {"name": "Nguyễn Văn Dân", "text": "Tôi xác nhận sáng kiến đã áp dụng ở xã."},
        follow=True,
    )
    assert "Cảm ơn bạn đã gửi ý kiến" in response.content.decode()
    assert PublicComment.objects.get().name == "Nguyễn Văn Dân"
    # comments are not on the public page
    assert "Tôi xác nhận sáng kiến" not in client.get(url).content.decode()


def test_honeypot_and_rate_limit(client, notice):
    url = reverse("awards_public:notice_detail", args=[notice["n"].pk])
    client.post(url, {"name": "bot", "text": "spam", "website": "http://spam"})
    assert not PublicComment.objects.exists()
    for i in range(5):
        client.post(url, {"name": f"Người {i}", "text": "Ý kiến"})
    response = client.post(url, {"name": "Người 6", "text": "Ý kiến"})
    assert "nhiều ý kiến trong một giờ" in response.content.decode()
    assert PublicComment.objects.count() == 5


def test_only_staff_of_the_issuing_body_read_comments(client, notice):
    PublicComment.objects.create(
        nomination=notice["n"], name="Dân", text="Ý kiến riêng cho cơ quan", sender_key="k"
    )
    url = reverse("awards:nomination_detail", args=[notice["n"].pk])
    client.force_login(notice["office"])
    assert "Ý kiến riêng cho cơ quan" in client.get(url).content.decode()
    client.force_login(notice["unit"])
    assert "Ý kiến riêng cho cơ quan" not in client.get(url).content.decode()


def test_the_council_waits_for_the_notice_to_end(notice):
    with pytest.raises(ValidationError, match="đang công khai lấy ý kiến"):
        services.session_create(
            actor=notice["office"],
            issuer=notice["district"],
            title="Họp",
            held_on=timezone.localdate(),
            members=[notice["council"]],
            nominations=[notice["n"]],
        )
    session = services.session_create(
        actor=notice["office"],
        issuer=notice["district"],
        title="Họp",
        held_on=notice["n"].notice_until + datetime.timedelta(days=1),
        members=[notice["council"]],
        nominations=[notice["n"]],
    )
    assert session.agenda.count() == 1


def test_notice_ends(client, notice):
    n = notice["n"]
    n.notice_until = timezone.localdate() - datetime.timedelta(days=1)
    n.save()
    assert client.get(reverse("awards_public:notice_detail", args=[n.pk])).status_code == 404
