"""Staff accounts in the admin, as the province's administrator keeps them (decision
0072): a new account, its role at its unit, and the day it must stop.

Before: the add-user page asked "Password-based authentication: Enabled / Disabled" and
the account page offered "Reset password", in English; and an account could be deleted
("Xóa các người sử dụng đã chọn"), which deletes the admin's history of what that person
changed and leaves the other histories without a name."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from units.models import Membership

pytestmark = pytest.mark.django_db
PASSWORD = "Khoai!Lang#2025x"
ENGLISH = ("Password-based", "Enabled", "Disabled", "Reset password", "Set password")


def test_the_account_pages_speak_vietnamese(admin_client, make_member, demo_units):
    clerk = make_member("canbo.namthu", demo_units["ubnd-p-tan-phong"])
    for url in (
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[clerk.pk]),
        reverse("admin:auth_user_password_change", args=[clerk.pk]),
    ):
        html = admin_client.get(url).content.decode()
        assert not [word for word in ENGLISH if word in html], url
    html = admin_client.get(reverse("admin:auth_user_add")).content.decode()
    assert "Đăng nhập bằng mật khẩu" in html and "Cho phép" in html


def test_a_new_clerk_is_made_given_a_role_and_logs_in(admin_client, client, demo, demo_units):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "canbo.namthu",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    clerk = get_user_model().objects.get(username="canbo.namthu")
    response = admin_client.post(
        reverse("admin:units_membership_add"),
        {"user": clerk.pk, "unit": demo_units["ubnd-p-tan-phong"].pk, "role": "unit_staff"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=clerk).unit == demo_units["ubnd-p-tan-phong"]
    response = client.post(reverse("login"), {"username": "canbo.namthu", "password": PASSWORD})
    assert response.status_code == 302


def test_an_account_is_locked_not_deleted(admin_client, client, make_member, demo_units):
    clerk = make_member("canbo.nghihuu", demo_units["ubnd-p-tan-phong"])
    changelist = reverse("admin:auth_user_changelist")
    html = admin_client.get(changelist).content.decode()
    assert "delete_selected" not in html and "Khóa các tài khoản đã chọn" in html
    delete = reverse("admin:auth_user_delete", args=[clerk.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403

    response = admin_client.post(
        changelist,
        {
            "action": "lock_accounts",
            helpers.ACTION_CHECKBOX_NAME: [clerk.pk],
            "apply": "1",
            "reason": "Nghỉ hưu từ 01/8/2025",
        },
        follow=True,
    )
    assert "Khóa tài khoản: đã xử lý 1 bản ghi." in response.content.decode()
    clerk.refresh_from_db()
    assert not clerk.is_active
    entry = LogEntry.objects.get(object_id=str(clerk.pk))
    assert "Khóa tài khoản: Nghỉ hưu từ 01/8/2025" in entry.get_change_message()
    # the locked clerk cannot log in; the roles stay, as the history of who did what
    response = client.post(
        reverse("login"), {"username": "canbo.nghihuu", "password": "matkhau-manh-123"}
    )
    assert response.status_code == 200
    assert Membership.objects.filter(user=clerk).exists()


def test_the_account_list_says_each_ones_roles(admin_client, make_member, demo_units):
    make_member("canbo.namthu", demo_units["ubnd-p-tan-phong"])
    html = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Cán bộ đơn vị — UBND phường Tân Phong" in html


@pytest.mark.parametrize("typed", ["tan phong", "Tân Phong", "canbo.nam", "Lò Văn Thử"])
def test_roles_are_found_by_unit_without_diacritics_and_by_account(
    admin_client, make_member, demo_units, typed
):
    """ "tan phong" found no role in "Vai trò": its search read the unit's name as typed
    (decision 0072)."""
    clerk = make_member("canbo.namthu", demo_units["ubnd-p-tan-phong"])
    clerk.first_name = "Lò Văn Thử"
    clerk.save()
    make_member("canbo.sonbinh", demo_units["ubnd-x-son-binh"])
    response = admin_client.get(reverse("admin:units_membership_changelist"), {"q": typed})
    found = {m.user.username for m in response.context["cl"].result_list}
    assert found == {"canbo.namthu"}, typed


def test_the_history_button_reads_as_the_guide_says(admin_client, demo_units):
    """The user guide sends the reader to the "Lịch sử" button; Django's Vietnamese
    calls it "Bản ghi nhớ" (a memo) (decision 0072)."""
    unit = demo_units["ubnd-p-tan-phong"]
    html = admin_client.get(reverse("admin:units_unit_change", args=[unit.pk])).content.decode()
    assert "Bản ghi nhớ" not in html
    assert ">Lịch sử</a>" in html


def lock(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {
            "action": "lock_accounts",
            helpers.ACTION_CHECKBOX_NAME: [user.pk for user in users],
            "apply": "1",
            "reason": "Chuyển công tác",
        },
        follow=True,
    )


def staff_admin(username="quantri.tinh"):
    """An administrator who is staff with the accounts' permissions, not a superuser."""
    user = get_user_model().objects.create_user(
        username, password="matkhau-manh-123", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="auth", codename__in=["view_user", "change_user"]
        )
    )
    return user


def test_an_administrator_cannot_lock_their_own_account(
    client, admin_user, make_member, demo_units
):
    """Decision 0076: "Khóa các tài khoản đã chọn" locked the administrator's own account
    along with a clerk's: they were logged out and nobody could open the admin again."""
    clerk = make_member("canbo.nghihuu", demo_units["ubnd-p-tan-phong"])
    client.force_login(admin_user)
    html = lock(client, admin_user, clerk).content.decode()
    assert "Không khóa tài khoản nào" in html
    assert "không tự khóa tài khoản của mình" in html
    admin_user.refresh_from_db()
    clerk.refresh_from_db()
    assert admin_user.is_active and clerk.is_active  # all or nothing
    assert not LogEntry.objects.filter(change_message__startswith="Khóa tài khoản").exists()


def test_only_a_superuser_locks_a_superuser(client, admin_user, make_member, demo_units):
    """Decision 0076: an administrator with the accounts' permissions (not a superuser)
    could lock the superuser's account."""
    clerk = make_member("canbo.nghihuu", demo_units["ubnd-p-tan-phong"])
    keeper = staff_admin()
    client.force_login(keeper)
    html = lock(client, admin_user, clerk).content.decode()
    assert "Không khóa tài khoản nào" in html
    assert "chỉ quản trị viên cao nhất (superuser) mới khóa được" in html
    admin_user.refresh_from_db()
    clerk.refresh_from_db()
    assert admin_user.is_active and clerk.is_active

    # the clerk alone, by the same administrator: locked
    html = lock(client, clerk).content.decode()
    assert "Khóa tài khoản: đã xử lý 1 bản ghi." in html
    clerk.refresh_from_db()
    assert not clerk.is_active

    # a superuser locks another superuser
    other = get_user_model().objects.create_superuser("quantri2", "q2@example.vn", "x-Mk-123!")
    client.force_login(admin_user)
    html = lock(client, other).content.decode()
    assert "Khóa tài khoản: đã xử lý 1 bản ghi." in html
    other.refresh_from_db()
    assert not other.is_active
