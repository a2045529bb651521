"""`Unit.ended_on`: the last day a dissolved or merged unit existed (decision 0070). The
2025 reform took effect on 01/07/2025, so the demo's old districts and communes ended on
30/06/2025, the day the district's award types ended. The merge and archive services set
it (the reorganisation's date, else the day of the merge); the admin shows it; the
public "Cơ quan ban hành" filters group the dissolved bodies by it, as award types are."""

from __future__ import annotations

import datetime
import io
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.admin import helpers
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from awards import services as award_services
from tests.factories import passed_nominations
from units import services
from units.models import Unit

pytestmark = pytest.mark.django_db

LAST_DAY = datetime.date(2025, 6, 30)


def test_a_merge_records_the_reorganisations_date_else_the_day_of_the_merge(demo_units):
    ward = demo_units["ubnd-p-tan-phong"]
    services.unit_merge(
        source=demo_units["ubnd-x-san-thang"], target=ward, by=None, reason="NQ", ended_on=LAST_DAY
    )
    assert Unit.objects.get(code="ubnd-x-san-thang").ended_on == LAST_DAY
    services.units_reorganise(
        actor=None, mapping=[(demo_units["ubnd-p-doan-ket"], ward)], reason="NQ"
    )
    assert Unit.objects.get(code="ubnd-p-doan-ket").ended_on == timezone.localdate()
    services.unit_archive(unit=demo_units["dn-xay-dung-lc"], by=None, reason="Giải thể")
    assert Unit.objects.get(code="dn-xay-dung-lc").ended_on == timezone.localdate()
    assert Unit.objects.get(code="ubnd-p-tan-phong").ended_on is None  # living


def test_a_last_day_after_today_is_refused(demo_units):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="Ngày chấm dứt hoạt động"):
        services.unit_merge(
            source=demo_units["ubnd-x-san-thang"],
            target=demo_units["ubnd-p-tan-phong"],
            by=None,
            reason="NQ",
            ended_on=tomorrow,
        )
    assert not Unit.objects.get(code="ubnd-x-san-thang").archived


def test_the_demos_reform_ends_the_old_units_on_30_06_2025(demo_units):
    from units.demo import load_demo_reform

    merged = load_demo_reform(demo_units)
    assert merged
    assert {Unit.objects.get(pk=u.pk).ended_on for u in merged} == {LAST_DAY}


def test_the_admin_merge_asks_the_last_day_and_lists_it(admin_client, demo_units):
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    ward = Unit.objects.get(admin_code="03408")
    old = demo_units["ubnd-x-san-thang"]
    form = admin_client.post(
        reverse("admin:units_unit_changelist"),
        {"action": "merge_units", helpers.ACTION_CHECKBOX_NAME: [old.pk]},
    ).content.decode()
    assert "Ngày chấm dứt hoạt động" in form
    admin_client.post(
        reverse("admin:units_unit_changelist"),
        {
            "action": "merge_units",
            helpers.ACTION_CHECKBOX_NAME: [old.pk],
            "apply": "1",
            "target": ward.pk,
            "reason": "Nghị quyết 1670/NQ-UBTVQH15",
            "ended_on": "30/06/2025",
        },
    )
    old.refresh_from_db()
    assert old.merged_into == ward and old.ended_on == LAST_DAY
    listing = admin_client.get(
        reverse("admin:units_unit_changelist"), {"archived__exact": "1"}
    ).content.decode()
    assert "Ngày chấm dứt hoạt động" in listing and "30/06/2025" in listing
    page = admin_client.get(reverse("admin:units_unit_change", args=[old.pk])).content.decode()
    assert "30/06/2025" in page


def _group(select: str, label: str) -> str:
    found = re.search(rf'<optgroup label="{re.escape(label)}">(.*?)</optgroup>', select, re.S)
    assert found, select
    return found.group(1)


def test_the_public_campaign_filter_groups_the_dissolved_bodies_by_their_last_day(client, demo):
    Unit.objects.filter(code="ubnd-tam-duong").update(archived=True, ended_on=LAST_DAY)
    cache.clear()
    page = client.get(reverse("public:home")).content.decode()
    select = re.search(r'<select name="issuer".*?</select>', page, re.S).group(0)
    assert "UBND huyện Tam Đường" in _group(select, "Trước 01/07/2025")
    assert "(đã lưu trữ)" not in select
    living = _group(select, "Đang hoạt động")
    assert "UBND tỉnh Lai Châu" in living and "UBND huyện Tam Đường" not in living


def test_the_public_decision_filter_groups_the_dissolved_bodies_by_their_last_day(client, cycle):
    nominations = passed_nominations(cycle, 1)
    decision = award_services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=nominations,
    )
    award_services.decision_issue(actor=cycle["office"], decision=decision)
    Unit.objects.filter(pk=cycle["district"].pk).update(archived=True, ended_on=LAST_DAY)
    cache.clear()
    page = client.get(reverse("awards_public:decision_list")).content.decode()
    select = re.search(r'<select id="co_quan".*?</select>', page, re.S).group(0)
    assert cycle["district"].name in _group(select, "Trước 01/07/2025")
    # still filters its decisions
    cache.clear()
    listed = client.get(reverse("awards_public:decision_list"), {"co_quan": cycle["district"].pk})
    assert [d.pk for d in listed.context["page"].object_list] == [decision.pk]


def test_the_migration_fills_the_last_day_of_units_archived_before(demo_units):
    old = demo_units["ubnd-x-san-thang"]
    services.unit_merge(source=old, target=demo_units["ubnd-p-tan-phong"], by=None, reason="NQ")
    stamp = datetime.datetime(2025, 7, 1, 9, 0, tzinfo=datetime.UTC)  # 16:00 in Hà Nội
    Unit.objects.filter(pk=old.pk).update(ended_on=None, archived_on=stamp)
    migration = import_module("units.migrations.0014_unit_ended_on")
    migration.fill_ended_on(apps, None)
    assert Unit.objects.get(pk=old.pk).ended_on == datetime.date(2025, 7, 1)
    assert Unit.objects.get(code="ubnd-p-tan-phong").ended_on is None


# Review (decision 0075): the one field the admin leaves open on an archived unit kept
# none of the services' rule: a last day after today, or none at all, was saved.


def test_the_admin_keeps_the_services_rule_on_an_archived_units_last_day(admin_client, demo_units):
    from tests.test_archived_unit_admin import _form_data

    old = demo_units["ubnd-x-san-thang"]
    services.unit_merge(
        source=old, target=demo_units["ubnd-p-tan-phong"], by=None, reason="NQ", ended_on=LAST_DAY
    )
    url = reverse("admin:units_unit_change", args=[old.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for typed, said in (
        (f"{tomorrow:%d/%m/%Y}", "không được sau hôm nay"),
        ("", "cần ngày chấm dứt hoạt động"),
    ):
        data = {**_form_data(admin_client, old), "ended_on": typed}
        response = admin_client.post(url, data)
        assert response.status_code == 200 and said in response.content.decode(), typed
        assert Unit.objects.get(pk=old.pk).ended_on == LAST_DAY
    # a real correction is still saved
    data = {**_form_data(admin_client, old), "ended_on": "29/06/2025"}
    assert admin_client.post(url, data).status_code == 302
    assert Unit.objects.get(pk=old.pk).ended_on == datetime.date(2025, 6, 29)
