"""The header's links say which section the page is in (aria-current="page"), as the
campaign tabs already do: a screen reader says "trang hiện tại" on it, the eye sees it
marked."""

import re

import pytest
from django.urls import reverse

from units.models import Membership

pytestmark = pytest.mark.django_db


def current_links(html: str, nav_label: str) -> list[str]:
    nav = re.search(rf'<nav[^>]*aria-label="{nav_label}"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, nav_label
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r'<a[^>]*aria-current="page"[^>]*>(.*?)</a>', nav.group(1), re.S)
    ]


def test_the_dashboard_marks_quan_ly(client, demo_units, make_member):
    client.force_login(
        make_member("nv.td", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    )
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert current_links(html, "Điều hướng chính") == ["Quản lý"]


def test_the_appraisal_inbox_marks_khen_thuong_and_tham_dinh(client, demo_units, make_member):
    client.force_login(
        make_member("nv.td", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    )
    html = client.get(reverse("awards:inbox")).content.decode()
    assert current_links(html, "Điều hướng chính") == ["Khen thưởng"]
    assert current_links(html, "Khen thưởng") == ["Thẩm định"]


def test_the_public_honour_roll_marks_vinh_danh(client, db):
    html = client.get(reverse("awards_public:honour_roll")).content.decode()
    assert current_links(html, "Điều hướng chính") == ["Vinh danh"]
