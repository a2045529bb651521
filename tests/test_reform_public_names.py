"""The public finds an honouree of before the 2025 reform by the commune's old name and
by the name of the commune it is part of today (decision 0067).

The record keeps the name it was issued under (UBND xã Sơn Bình); a citizen of today's
Xã Bình Lư typed "Bình Lư" and was told nobody was found."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from awards import services
from tests.factories import passed_nominations
from units.models import Membership, Unit
from units.services import units_reorganise

pytestmark = pytest.mark.django_db


@pytest.fixture
def honoured(cycle, demo_units, make_member):
    """Tam Đường's 2024 decision for a woman of xã Sơn Bình; then the reform."""
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    son_binh = demo_units["ubnd-x-son-binh"]
    staff = make_member("cb.sonbinh", son_binh, Membership.Role.UNIT_STAFF)
    (nomination,) = passed_nominations({**cycle, "commune": son_binh, "staff": staff}, 1)
    nomination.nominee_person.full_name = "Vàng Thị Mỵ"
    nomination.nominee_person.save()
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến năm 2024",
        nominations=[nomination],
    )
    decision = services.decision_issue(actor=cycle["office"], decision=decision)
    new = Unit.objects.get(admin_code="03390")  # Xã Bình Lư
    units_reorganise(
        actor=None,
        mapping=[(son_binh, new), (cycle["district"], demo_units["ubnd-tinh-lai-chau"])],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    return {"decision": decision, "new": new}


def page(client, name: str, **params) -> str:
    cache.clear()
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_honour_roll_finds_the_old_record_by_the_old_and_the_new_name(client, honoured):
    for query in ("Sơn Bình", "son binh", "Bình Lư", "Vàng Thị Mỵ Bình Lư"):
        html = page(client, "awards_public:honour_roll", q=query)
        assert "Vàng Thị Mỵ" in html, query
    html = page(client, "awards_public:honour_roll", q="Bình Lư")
    # as issued, and where it is today
    assert "UBND xã Sơn Bình" in html
    assert "nay thuộc UBND xã Bình Lư" in html
    assert "Vàng Thị Mỵ" not in page(client, "awards_public:honour_roll", q="Mường Khoa")


def test_the_decisions_page_finds_it_by_the_honourees_commune_of_today(client, honoured):
    html = page(client, "awards_public:decision_list", q="Bình Lư")
    assert honoured["decision"].subject in html
    html = page(client, "awards_public:decision_list", q="Sơn Bình")
    assert honoured["decision"].subject in html
