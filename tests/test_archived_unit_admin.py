"""An archived unit (dissolved or merged in the 2025 reform) is a historical record: its
decisions and grants read under its name, so in the admin its name, code, parent and
kind are shown, not edited (decision 0070). A living unit stays editable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from units import services
from units.models import Unit

pytestmark = pytest.mark.django_db


def _form_data(client, unit: Unit) -> dict:
    """The change form as the browser would post it back, every field as shown."""
    page = client.get(reverse("admin:units_unit_change", args=[unit.pk]))
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            value = ""
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = getattr(value, "pk", value)
    return data


def test_an_archived_units_name_is_not_changed_by_a_post(admin_client, demo_units):
    old = demo_units["ubnd-x-san-thang"]
    services.unit_merge(
        source=old, target=demo_units["ubnd-p-tan-phong"], by=None, reason="Nghị quyết sắp xếp"
    )
    data = _form_data(admin_client, old)
    data.update(name="UBND xã San Thàng MỚI", code="doi-ma", kind=Unit.Kind.OTHER)
    data["parent"] = demo_units["ubnd-tinh-lai-chau"].pk
    response = admin_client.post(reverse("admin:units_unit_change", args=[old.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    fresh = Unit.objects.get(pk=old.pk)
    assert fresh.name == "UBND xã San Thàng"
    assert fresh.code == "ubnd-x-san-thang"
    assert fresh.kind == old.kind and fresh.parent_id == old.parent_id
    # and the page shows them, as text, not as fields to type in
    page = admin_client.get(reverse("admin:units_unit_change", args=[old.pk])).content.decode()
    assert "UBND xã San Thàng" in page
    assert 'name="name"' not in page and 'name="code"' not in page


def test_a_living_unit_is_still_renamed(admin_client, demo_units):
    unit = demo_units["ubnd-p-tan-phong"]
    data = _form_data(admin_client, unit)
    data["name"] = "UBND phường Tân Phong (đổi tên)"
    response = admin_client.post(reverse("admin:units_unit_change", args=[unit.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Unit.objects.get(pk=unit.pk).name == "UBND phường Tân Phong (đổi tên)"


def test_the_issuing_bodys_page_of_an_archived_body_is_read_only_too(admin_client, demo_units):
    district = demo_units["ubnd-tp-lai-chau"]
    for child in district.children.filter(archived=False):
        services.unit_merge(
            source=child, target=demo_units["ubnd-tinh-lai-chau"], by=None, reason="Sắp xếp"
        )
    services.unit_merge(
        source=district, target=demo_units["ubnd-tinh-lai-chau"], by=None, reason="Sắp xếp"
    )
    page = admin_client.get(reverse("admin:units_issuingbody_change", args=[district.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "UBND thành phố Lai Châu" in html and 'name="name"' not in html


def test_the_admins_import_does_not_rename_an_archived_unit_either(demo_units):
    """Review (decision 0075): the change form was read only, but the admin's "Nhập" (a few
    rows, units.resources) still renamed a dissolved commune found by its code; the Excel
    import already refused it."""
    import tablib

    from units.resources import UnitResource

    old = demo_units["ubnd-x-san-thang"]
    services.unit_merge(
        source=old, target=demo_units["ubnd-p-tan-phong"], by=None, reason="Nghị quyết sắp xếp"
    )
    exported = UnitResource().export(queryset=Unit.objects.filter(pk=old.pk))
    row = list(exported[0])
    row[1] = "UBND xã San Thàng MỚI"
    dataset = tablib.Dataset(row, headers=exported.headers)
    assert exported.headers[1] == "Tên đơn vị"
    result = UnitResource().import_data(dataset, dry_run=False)
    assert Unit.objects.get(pk=old.pk).name == "UBND xã San Thàng"
    assert result.has_validation_errors()
    assert "đã lưu trữ" in str(result.invalid_rows[0].error_dict)
