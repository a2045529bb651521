"""The admin's lists of units open on the living ones (decision 0074, item 3). After the
demo's reform 24 dissolved units were mixed with the living ones in "Đơn vị", so the
administrator of a province read its old districts and communes as if they still existed.
The filter "Đã giải thể/sáp nhập" shows them; their pages and history stay where they
were, and the register's pickers still find them."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from units.models import Unit
from units.services import unit_merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def san_thang(demo_units):
    """UBND xã San Thàng, merged into phường Tân Phong on 30/06/2025; both decided their
    own Giấy khen (issuing bodies, listed in "Cơ quan ban hành" too)."""
    Unit.objects.filter(code__in=["ubnd-x-san-thang", "ubnd-p-tan-phong"]).update(
        is_issuing_body=True
    )
    unit_merge(
        source=demo_units["ubnd-x-san-thang"],
        target=demo_units["ubnd-p-tan-phong"],
        by=None,
        reason="Nghị quyết 1670/NQ-UBTVQH15",
        ended_on=datetime.date(2025, 6, 30),
    )
    return Unit.objects.get(code="ubnd-x-san-thang")


def listed(html: str) -> set[str]:
    """The units the list has a row of (its first column, the name, links to the unit)."""
    rows = set(re.findall(r'<th class="field-name"><a href="[^"]*">([^<]*)</a>', html))
    return rows & {"UBND xã San Thàng", "UBND phường Tân Phong"}


@pytest.mark.parametrize("admin_list", ["units_unit", "units_issuingbody"])
def test_the_unit_lists_open_on_the_living_units(admin_client, san_thang, admin_list):
    url = reverse(f"admin:{admin_list}_changelist")
    page = admin_client.get(url).content.decode()
    assert listed(page) == {"UBND phường Tân Phong"}
    assert "Đang hoạt động" in page and "Đã giải thể/sáp nhập" in page
    archived = admin_client.get(url, {"archived__exact": "1"}).content.decode()
    assert listed(archived) == {"UBND xã San Thàng"}
    assert "30/06/2025" in archived
    everything = admin_client.get(url, {"archived__exact": "all"}).content.decode()
    assert listed(everything) == {"UBND xã San Thàng", "UBND phường Tân Phong"}
    # a search of the default list still reads only the living units
    searched = admin_client.get(url, {"q": "san thang"}).content.decode()
    assert listed(searched) == set()
    searched = admin_client.get(url, {"q": "san thang", "archived__exact": "1"}).content.decode()
    assert listed(searched) == {"UBND xã San Thàng"}


def test_a_dissolved_units_page_history_and_lookups_still_work(admin_client, san_thang):
    assert (
        admin_client.get(reverse("admin:units_unit_change", args=[san_thang.pk])).status_code == 200
    )
    history = admin_client.get(reverse("admin:units_unit_history", args=[san_thang.pk]))
    assert history.status_code == 200
    # the register of past years (Sổ khen thưởng) still picks the dissolved commune
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "awards",
            "model_name": "awardgrant",
            "field_name": "awardee_unit",
            "term": "san thang",
        },
    ).json()
    assert [r["text"] for r in found["results"]] == [str(san_thang)]
