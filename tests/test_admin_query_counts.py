"""The admin's lists read a page in a fixed number of queries, however many rows it shows
(decision 0072). Each list is read with a few rows, then with several times as many: the
count must not grow with the rows (no query per row), and stays under a bound. Walked on
the demo, none grew; this keeps it so (the worst lists: those whose rows name a person,
a unit, an award and a decision)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import AwardGrant, AwardType, GrantRevocation
from tests.conftest import new_member
from tests.factories import nominate
from units.models import Membership, Person

pytestmark = pytest.mark.django_db

LISTS = {
    "awards_grantrevocation": 8,
    "awards_awardgrant": 8,
    "awards_nomination": 8,
    "units_membership": 7,
    "auth_user": 8,
    "units_person": 7,
    "units_unit": 7,
    "awards_awardtype": 7,
}


def add_rows(cycle, start: int, count: int) -> None:
    commune = cycle["commune"]
    award = AwardType.objects.get(code="lao-dong-tien-tien")
    for i in range(start, start + count):
        person = Person.objects.create(full_name=f"Lò Văn {i:02d}", unit=commune, gender="male")
        nominate(cycle, person=person)
        officer = new_member(f"cb{i:02d}", commune, Membership.Role.UNIT_STAFF)
        grant = AwardGrant.objects.create(
            award_type=award,
            person=person,
            year=2024,
            awardee_unit=commune,
            decision_reference=f"{i:02d}/QĐ-UBND",
        )
        GrantRevocation.objects.create(
            grant=grant, reason="Khai man thành tích", on=datetime.date(2025, 3, 1), by=officer
        )


def queries(client, name: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_no_list_reads_a_query_per_row(client, cycle, django_assert_max_num_queries):
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mk-123-manh")
    client.force_login(admin)
    add_rows(cycle, 0, 2)
    few = {name: queries(client, name) for name in LISTS}
    add_rows(cycle, 2, 8)
    for name, bound in LISTS.items():
        with django_assert_max_num_queries(bound):
            many = queries(client, name)
        assert many == few[name], (name, few[name], many)
