"""The reform's workbook also moves enterprises and cooperatives (decision 0067).

A district's cooperative is not merged: it belongs, from 1 July 2025, to its new commune.
Before, "Sắp xếp theo tệp Excel" could only merge: a row for the cooperative archived it
into the commune, and without one the district's merger carried it up to the province,
out of the commune's reach (its campaigns, its nominations)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from awards.services import can_nominate_for
from units.models import Membership, Person, Unit

pytestmark = pytest.mark.django_db


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(["Đơn vị cũ (mã hoặc tên)", "Đơn vị mới (mã ĐVHC hoặc mã đơn vị)"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "sap-xep.xlsx"
    return buffer


def test_the_workbook_moves_the_cooperative_under_its_new_commune(
    admin_client, demo, demo_units, make_member
):
    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    new = Unit.objects.get(admin_code="03390")
    upload = workbook(
        ("htx-che-binh-lu", "03390"),
        ("ubnd-x-binh-lu", "03390"),
        ("ubnd-tam-duong", "ubnd-tinh-lai-chau"),
    )
    page = admin_client.post(
        reverse("admin:units_unit_reorganise"), {"file": upload, "reason": "NQ 1670"}
    ).content.decode()
    assert "Hợp tác xã Chè Bình Lư (dữ liệu mẫu): chuyển về UBND xã Bình Lư" in page
    cooperative = Unit.objects.get(code="htx-che-binh-lu")
    assert cooperative.parent == new
    assert not cooperative.archived and cooperative.merged_into is None
    assert Person.objects.get(full_name="Giàng A Sử").unit == cooperative
    assert Unit.objects.get(code="ubnd-tam-duong").archived
    staff = make_member("cb.binhlu.moi", new, Membership.Role.UNIT_STAFF)
    assert can_nominate_for(staff, cooperative)  # the commune proposes its worker


def test_a_bad_row_moves_nothing(demo_units):
    from django.core.exceptions import ValidationError

    from units.reform import reform_from_xlsx

    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    upload = workbook(("htx-che-binh-lu", "03390"), ("ubnd-x-khong-co", "03390"))
    with pytest.raises(ValidationError):
        reform_from_xlsx(actor=None, upload=upload, reason="NQ 1670")
    assert Unit.objects.get(code="htx-che-binh-lu").parent == demo_units["ubnd-tam-duong"]
