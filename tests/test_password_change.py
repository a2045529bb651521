"""Đổi mật khẩu (decision 0027): every refusal reads Vietnamese."""

from __future__ import annotations

import pytest
from django.urls import reverse

from units.models import Membership

pytestmark = pytest.mark.django_db


def test_a_weak_new_password_is_refused_in_vietnamese(client, make_member, demo_units):
    user = make_member("cb.tanphong", demo_units["ubnd-tam-duong"], Membership.Role.UNIT_STAFF)
    user.set_password("mat-khau-cu-2025")
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "mat-khau-cu-2025", "new_password1": "123", "new_password2": "123"},
    )
    html = response.content.decode()
    assert response.status_code == 200, response
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in html
    assert "This password" not in html and "characters" not in html
    user.refresh_from_db()
    assert user.check_password("mat-khau-cu-2025")
