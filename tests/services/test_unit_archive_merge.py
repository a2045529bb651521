"""Units are merged and archived, never deleted: history stays readable."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import AwardType, Nomination
from units.models import Membership, Person, Unit
from units.services import person_archive, unit_archive, unit_merge

pytestmark = pytest.mark.django_db


def test_merge_moves_children_people_and_roles_but_keeps_history(demo, admin_user, make_member):
    # 1/7/2025: districts are abolished; Tân Uyên's commune-level units move up.
    district = Unit.objects.get(code="ubnd-tan-uyen")
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    commune = Unit.objects.get(code="ubnd-x-muong-khoa")
    staff = make_member("canbo.tanuyen", district, Membership.Role.OFFICE_STAFF)
    nomination = Nomination.objects.create(
        award_type=AwardType.objects.get(code="tap-the-ldtt"),
        nominee_unit=district,
        nominating_unit=district,
        year=2024,
    )
    person = Person.objects.get(full_name="Nguyễn Thanh Văn")

    unit_merge(source=district, target=province, by=admin_user, reason="Nghị quyết sắp xếp ĐVHC")

    district.refresh_from_db()
    commune.refresh_from_db()
    person.refresh_from_db()
    assert district.archived and district.merged_into == province
    assert district.archived_by == admin_user and "sắp xếp" in district.archived_reason
    assert commune.parent == province
    assert person.unit == province
    assert Membership.objects.get(user=staff, archived=False).unit == province
    nomination.refresh_from_db()
    # a draft is carried on by the successor, which finishes and sends it (decision 0067);
    # a decided one keeps whom it named (tests/test_reform_open_work.py)
    assert nomination.nominee_unit == province and nomination.nominating_unit == province
    assert "Sáp nhập UBND huyện Tân Uyên" in nomination.events.get().note
    assert district.campaigns.count() == 1  # seed 001 keeps its issuer
    assert Unit.objects.filter(pk=district.pk).exists()


def test_merge_refuses_bad_targets(demo, admin_user):
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    district = Unit.objects.get(code="ubnd-tam-duong")
    with pytest.raises(ValidationError, match="chính nó"):
        unit_merge(source=district, target=district, by=admin_user, reason="x")
    with pytest.raises(ValidationError, match="trực thuộc"):
        unit_merge(source=province, target=district, by=admin_user, reason="x")
    with pytest.raises(ValidationError, match="lý do"):
        unit_merge(source=district, target=province, by=admin_user, reason="  ")
    assert not Unit.objects.filter(archived=True).exists()


def test_archive_needs_a_reason_and_no_active_children(demo, admin_user):
    district = Unit.objects.get(code="ubnd-tam-duong")
    with pytest.raises(ValidationError, match="trực thuộc"):
        unit_archive(unit=district, by=admin_user, reason="Giải thể")
    enterprise = Unit.objects.get(code="htx-che-binh-lu")
    with pytest.raises(ValidationError, match="lý do"):
        unit_archive(unit=enterprise, by=admin_user, reason="")
    unit_archive(unit=enterprise, by=admin_user, reason="Giải thể theo quyết định")
    enterprise.refresh_from_db()
    assert enterprise.archived and enterprise.archived_on is not None
    assert enterprise not in Unit.objects.active()


def test_person_archive(demo, admin_user):
    person = Person.objects.get(full_name="Lò Thị Mai")
    person_archive(person=person, by=admin_user, reason="Nghỉ hưu")
    person.refresh_from_db()
    assert person.archived and person.archived_reason == "Nghỉ hưu"
    with pytest.raises(ValidationError):
        person_archive(person=person, by=admin_user, reason="Nghỉ hưu")


def test_admin_merge_action_with_reason(client, admin_user, demo):
    client.force_login(admin_user)
    district = Unit.objects.get(code="ubnd-tan-uyen")
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    url = "/admin/units/unit/"
    form = client.post(url, {"action": "merge_units", "_selected_action": [district.pk]})
    assert "Sáp nhập vào đơn vị" in form.content.decode()
    response = client.post(
        url,
        {
            "action": "merge_units",
            "_selected_action": [district.pk],
            "apply": "1",
            "target": province.pk,
            "reason": "Sắp xếp đơn vị hành chính 2025",
        },
    )
    assert response.status_code == 302
    district.refresh_from_db()
    assert district.merged_into == province
