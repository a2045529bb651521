"""The province's administrator keeps the unit tree in the admin (decision 0072).

Before: putting UBND tỉnh under one of its own wards was saved, and the ward's clerk's
scope (everything below the ward) became the whole province; putting a unit under
itself was a 500. A new commune could be put under a dissolved district, and an
archived unit renamed, which rewrote how its issued decisions read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from units.models import Unit, descendant_ids_of

pytestmark = pytest.mark.django_db

FIELDS = ("name", "short_name", "code", "admin_code", "kind", "level", "parent", "locality")


def unit_form(unit: Unit | None = None, **changes) -> dict:
    data = {field: "" for field in FIELDS}
    if unit is not None:
        for field in FIELDS:
            value = getattr(unit, "parent_id" if field == "parent" else field)
            data[field] = "" if value is None else value
        if unit.is_issuing_body:
            data["is_issuing_body"] = "on"
    data.update(changes)
    return data


def save(admin_client, unit: Unit, **changes):
    url = reverse("admin:units_unit_change", args=[unit.pk])
    return admin_client.post(url, unit_form(unit, **changes))


def errors(response) -> str:
    form = response.context["adminform"].form
    return " ".join(str(e) for errs in form.errors.values() for e in errs)


def test_the_province_cannot_go_under_its_own_ward(admin_client, demo_units):
    province, ward = demo_units["ubnd-tinh-lai-chau"], demo_units["ubnd-p-tan-phong"]
    response = save(admin_client, province, parent=ward.pk)
    assert response.status_code == 200
    assert "UBND phường Tân Phong là đơn vị trực thuộc của UBND tỉnh Lai Châu" in errors(response)
    province.refresh_from_db()
    assert province.parent is None
    # the ward's clerk still sees only the ward's subtree, not the province's
    assert province.pk not in descendant_ids_of([ward.pk])


def test_a_unit_under_itself_is_refused_in_words_not_a_500(admin_client, demo_units):
    city = demo_units["ubnd-tp-lai-chau"]
    response = save(admin_client, city, parent=city.pk)
    assert response.status_code == 200
    assert "không thể là đơn vị cấp trên của chính nó" in errors(response)
    city.refresh_from_db()
    assert city.parent == demo_units["ubnd-tinh-lai-chau"]


def test_a_new_commune_goes_under_a_living_unit(admin_client, demo_units):
    district = demo_units["ubnd-tam-duong"]
    district.archived = True
    district.save(update_fields=["archived"])
    url = reverse("admin:units_unit_add")
    data = unit_form(name="UBND xã Nậm Thử", code="ubnd-x-nam-thu", kind="ubnd", level="commune")
    response = admin_client.post(url, {**data, "parent": district.pk})
    assert response.status_code == 200
    assert "UBND huyện Tam Đường đã lưu trữ" in errors(response)
    assert not Unit.objects.filter(code="ubnd-x-nam-thu").exists()

    province = demo_units["ubnd-tinh-lai-chau"]
    response = admin_client.post(url, {**data, "parent": province.pk})
    assert response.status_code == 302
    assert Unit.objects.get(code="ubnd-x-nam-thu").parent == province


def test_the_parent_picker_offers_living_units_only(admin_client, demo_units):
    demo_units["ubnd-tam-duong"].archived = True
    demo_units["ubnd-tam-duong"].save(update_fields=["archived"])
    url = reverse("admin:autocomplete")
    for app, model, field in (
        ("units", "unit", "parent"),
        ("units", "membership", "unit"),
        ("units", "person", "unit"),
    ):
        found = admin_client.get(
            url, {"term": "tam duong", "app_label": app, "model_name": model, "field_name": field}
        ).json()["results"]
        names = [row["text"] for row in found]
        assert "UBND thị trấn Tam Đường" in names, (model, names)
        assert not any("UBND huyện Tam Đường" in name for name in names), (model, names)
    # the register of past years still finds the dissolved district
    found = admin_client.get(
        url,
        {
            "term": "tam duong",
            "app_label": "awards",
            "model_name": "awardgrant",
            "field_name": "unit",
        },
    ).json()["results"]
    assert any("UBND huyện Tam Đường" in row["text"] for row in found)


def test_an_archived_unit_is_read_only(admin_client, demo_units):
    district = demo_units["ubnd-tam-duong"]
    district.archived = True
    district.save(update_fields=["archived"])
    response = admin_client.get(reverse("admin:units_unit_change", args=[district.pk]))
    assert 'name="name"' not in response.content.decode()
    save(admin_client, district, name="UBND huyện Tam Đường (đổi tên)")
    district.refresh_from_db()
    assert district.name == "UBND huyện Tam Đường"
