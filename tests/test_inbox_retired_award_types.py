"""The appraisal inbox's filter offers the award types in force; a retired one (the
district's Giấy khen, ended 30/06/2025) only when the office has nominations of it, in
its own group (decision 0054)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from awards import services
from awards.models import AwardType, Nomination
from tests.factories import attach_files
from units.models import Membership, Person

pytestmark = pytest.mark.django_db

RETIRED = "Giấy khen của Chủ tịch UBND cấp huyện"


def _select(page: str) -> str:
    return re.search(r'<select name="award_type".*?</select>', page, re.S).group(0)


def _send(demo_units, make_member, code: str, name: str) -> Nomination:
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member(f"cb.{code}", unit)
    nomination = services.nomination_create(
        actor=staff,
        nomination=Nomination(
            award_type=AwardType.objects.get(code=code),
            nominee_person=Person.objects.create(full_name=name, unit=unit, gender="male"),
            nominating_unit=unit,
            year=2025,
            achievement_summary="Hoàn thành tốt nhiệm vụ.",
        ),
    )
    attach_files(nomination, staff)
    services.nomination_submit(actor=staff, nomination=nomination)
    return nomination


@pytest.fixture
def offices(demo_units, make_member):
    return (
        make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF),
        make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF),
    )


def test_the_filter_lists_only_award_types_in_force_when_no_old_nomination_is_seen(client, offices):
    client.force_login(offices[0])
    select = _select(client.get(reverse("awards:inbox")).content.decode())
    assert "Lao động tiên tiến" in select
    assert RETIRED not in select and "Trước 01/07/2025" not in select


def test_a_retired_type_with_nominations_the_office_sees_is_offered_in_its_own_group(
    client, demo_units, make_member, offices
):
    old = _send(demo_units, make_member, "giay-khen-huyen-ca-nhan", "Lò Văn Cũ")
    _send(demo_units, make_member, "lao-dong-tien-tien", "Lò Văn Mới")
    assert old.issuer == demo_units["ubnd-tam-duong"]
    client.force_login(offices[0])
    select = _select(client.get(reverse("awards:inbox")).content.decode())
    group = re.search(r'<optgroup label="Trước 01/07/2025">(.*?)</optgroup>', select, re.S)
    assert group, select
    assert "cá nhân, trước 1/7/2025" in group.group(1)
    assert "tập thể, trước 1/7/2025" not in select  # retired and never sent here
    assert "Lao động tiên tiến" not in group.group(1)
    # history can still be filtered
    page = client.get(reverse("awards:inbox"), {"award_type": old.award_type_id}).content.decode()
    assert "Lò Văn Cũ" in page and "Lò Văn Mới" not in page
    # another office, which sees none of them, is offered none
    client.force_login(offices[1])
    assert RETIRED not in _select(client.get(reverse("awards:inbox")).content.decode())
