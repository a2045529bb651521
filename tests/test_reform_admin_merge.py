"""The admin's "Sáp nhập các đơn vị đã chọn" merges several old communes into one new
ward at once, in one transaction (decision 0067): before, each unit was merged on its
own, so one refused unit left the others merged and the reform half done."""

from __future__ import annotations

import io

import pytest
from django.contrib.admin import helpers
from django.core.management import call_command
from django.urls import reverse

from units.models import Person, Unit

pytestmark = pytest.mark.django_db


def merge(admin_client, units, target):
    return admin_client.post(
        reverse("admin:units_unit_changelist"),
        {
            "action": "merge_units",
            helpers.ACTION_CHECKBOX_NAME: [u.pk for u in units],
            "apply": "1",
            "target": target.pk,
            "reason": "Nghị quyết 1670/NQ-UBTVQH15",
        },
        follow=True,
    )


@pytest.fixture
def ward(demo_units):
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    return Unit.objects.get(admin_code="03408")


def test_one_refused_unit_and_none_is_merged(admin_client, demo, demo_units, ward):
    chosen = [demo_units["ubnd-x-san-thang"], demo_units["ubnd-p-tan-phong"]]
    chosen.append(demo_units["ubnd-tinh-lai-chau"])  # the new ward's own parent: refused
    html = merge(admin_client, chosen, ward).content.decode()
    assert "Không sáp nhập đơn vị nào" in html
    assert "UBND tỉnh Lai Châu" in html.split("Không sáp nhập đơn vị nào")[1]
    for unit in chosen:
        unit.refresh_from_db()
        assert not unit.archived and unit.merged_into is None, unit
    assert Person.objects.get(full_name="Tẩn Thị Chiêm").unit == demo_units["ubnd-x-san-thang"]


def test_several_old_communes_into_one_new_ward(admin_client, demo, demo_units, ward):
    chosen = [demo_units["ubnd-x-san-thang"], demo_units["ubnd-p-tan-phong"]]
    html = merge(admin_client, chosen, ward).content.decode()
    assert "Sáp nhập đơn vị: đã xử lý 2 bản ghi." in html
    for unit in chosen:
        unit.refresh_from_db()
        assert unit.archived and unit.merged_into == ward
    assert Person.objects.get(full_name="Tẩn Thị Chiêm").unit == ward
