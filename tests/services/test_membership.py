"""Staff roles are granted and revoked through services; revoked roles are archived, and
the history keeps who gave or took each one, and when."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from units.models import Membership, Unit
from units.services import membership_grant, membership_revoke, unit_merge

pytestmark = pytest.mark.django_db
OFFICE = Membership.Role.OFFICE_STAFF


@pytest.fixture
def clerk(db):
    return get_user_model().objects.create_user("nv.moi", password="matkhau-manh-123")


def test_grant_and_revoke_record_the_actor_and_archive(admin_user, clerk, demo_units):
    unit = demo_units["ubnd-tam-duong"]
    membership = membership_grant(actor=admin_user, user=clerk, unit=unit, role=OFFICE)
    revoked = membership_revoke(actor=admin_user, membership=membership, reason="Chuyển công tác")
    assert revoked.archived and revoked.archived_by == admin_user
    assert revoked.archived_reason == "Chuyển công tác"
    rows = list(Membership.history.filter(id=membership.pk).order_by("history_date"))
    assert [(r.history_type, r.history_user, r.archived) for r in rows] == [
        ("+", admin_user, False),
        ("~", admin_user, True),
    ]
    assert rows[1].history_change_reason == "Chuyển công tác"
    # granted again later: a new row, the old one stays archived
    again = membership_grant(actor=admin_user, user=clerk, unit=unit, role=OFFICE)
    assert again.pk != membership.pk and Membership.objects.filter(user=clerk).count() == 2


def test_grant_and_revoke_are_refused_with_reasons(admin_user, clerk, demo_units):
    unit = demo_units["ubnd-tam-duong"]
    with pytest.raises(PermissionDenied):
        membership_grant(actor=clerk, user=clerk, unit=unit, role=OFFICE)
    membership = membership_grant(actor=admin_user, user=clerk, unit=unit, role=OFFICE)
    with pytest.raises(ValidationError, match="đã có vai trò"):
        membership_grant(actor=admin_user, user=clerk, unit=unit, role=OFFICE)
    with pytest.raises(PermissionDenied):
        membership_revoke(actor=clerk, membership=membership, reason="Tự thu hồi")
    with pytest.raises(ValidationError, match="lý do"):
        membership_revoke(actor=admin_user, membership=membership, reason="  ")
    membership_revoke(actor=admin_user, membership=membership, reason="Nghỉ hưu")
    with pytest.raises(ValidationError, match="trước đó"):
        membership_revoke(actor=admin_user, membership=membership, reason="Lần hai")
    archived = Unit.objects.create(code="da-luu-tru", name="Đơn vị cũ", kind="other", level="other")
    archived.archived = True
    archived.save()
    with pytest.raises(ValidationError, match="đã được lưu trữ"):
        membership_grant(actor=admin_user, user=clerk, unit=archived, role=OFFICE)


def test_a_merge_names_who_moved_the_roles(admin_user, make_member, demo_units):
    district, province = demo_units["ubnd-tan-uyen"], demo_units["ubnd-tinh-lai-chau"]
    staff = make_member("canbo.tanuyen", district, OFFICE)
    unit_merge(source=district, target=province, by=admin_user, reason="Sắp xếp ĐVHC")
    latest = Membership.history.filter(user=staff).order_by("-history_date").first()
    assert latest.unit_id == province.pk and latest.history_user == admin_user
    assert "Sáp nhập" in latest.history_change_reason


def test_through_the_admin_grant_then_revoke_leaves_two_history_rows(client, admin_user, clerk):
    unit = Unit.objects.create(
        code="phong-noi-vu", name="Phòng Nội vụ", kind="department", level="district"
    )
    client.force_login(admin_user)
    started = timezone.now()
    response = client.post(
        reverse("admin:units_membership_add"), {"user": clerk.pk, "unit": unit.pk, "role": OFFICE}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    membership = Membership.objects.get(user=clerk)

    changelist = reverse("admin:units_membership_changelist")
    asked = client.post(
        changelist, {"action": "revoke_memberships", "_selected_action": [membership.pk]}
    )
    assert "Lý do" in asked.content.decode()  # the action asks for a reason first
    response = client.post(
        changelist,
        {
            "action": "revoke_memberships",
            "_selected_action": [membership.pk],
            "apply": "1",
            "reason": "Chuyển công tác sang Sở Nội vụ",
        },
    )
    assert response.status_code == 302
    finished = timezone.now()

    membership.refresh_from_db()  # still there, archived
    assert membership.archived and membership.archived_by == admin_user
    rows = list(membership.history.order_by("history_date"))
    assert [(r.history_type, r.history_user) for r in rows] == [
        ("+", admin_user),
        ("~", admin_user),
    ]
    assert started <= rows[0].history_date <= rows[1].history_date <= finished
    assert rows[1].history_change_reason == "Chuyển công tác sang Sở Nội vụ"
    page = client.get(reverse("admin:units_membership_history", args=[membership.pk]))
    assert page.status_code == 200 and "quantri" in page.content.decode()


def test_the_admin_never_edits_or_deletes_a_role(client, admin_user, clerk, demo_units):
    membership = membership_grant(
        actor=admin_user, user=clerk, unit=demo_units["ubnd-tam-duong"], role=OFFICE
    )
    client.force_login(admin_user)
    change = reverse("admin:units_membership_change", args=[membership.pk])
    response = client.post(change, {"user": clerk.pk, "unit": membership.unit_id, "role": "leader"})
    assert response.status_code == 403
    delete = reverse("admin:units_membership_delete", args=[membership.pk])
    assert client.get(delete).status_code == 403
    # and if a deletion ever reached the admin, it would archive instead
    request = RequestFactory().post(delete)
    request.user = admin_user
    admin.site._registry[Membership].delete_model(request, membership)
    membership.refresh_from_db()
    assert membership.archived and membership.history.first().history_user == admin_user
    duplicate = client.post(
        reverse("admin:units_membership_add"),
        {"user": clerk.pk, "unit": demo_units["ubnd-x-binh-lu"].pk, "role": OFFICE},
    )
    assert duplicate.status_code == 302  # another unit: fine
    again = client.post(
        reverse("admin:units_membership_add"),
        {"user": clerk.pk, "unit": demo_units["ubnd-x-binh-lu"].pk, "role": OFFICE},
    )
    assert "đã có vai trò" in again.content.decode()
