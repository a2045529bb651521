"""A name typed without its diacritics finds the person (decision 0074, item 2). The
admin's account list searched "lo van" with Django's own `icontains` and found nobody
named Lò Văn; so did the admin's list of nominations; and the office's inbox had no
search by the nominee's name at all (the unit's own list already had one, decision 0068).
All go through the one mechanism: `units.text` (`search_q`, the folded words)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import services
from tests.factories import nominate
from units.models import Person

pytestmark = pytest.mark.django_db


def names_in(html: str, *names: str) -> set[str]:
    return {name for name in names if name in html}


def test_the_admins_account_list_finds_a_name_typed_without_diacritics(
    admin_client, make_member, demo_units
):
    chung = make_member("hoidong.xa2", demo_units["ubnd-p-tan-phong"], "council_member")
    chung.first_name = "Lò Văn Chung"
    chung.save()
    hoa = make_member("vanphong.x", demo_units["ubnd-p-tan-phong"], "office_staff")
    hoa.first_name = "Nguyễn Thị Hoa"
    hoa.save()
    url = reverse("admin:auth_user_changelist")
    for typed in ("lo van", "LO VAN CHUNG", "Lò Văn", "chung"):
        html = admin_client.get(url, {"q": typed}).content.decode()
        assert names_in(html, "hoidong.xa2", "vanphong.x") == {"hoidong.xa2"}, typed
    # the account's name as typed still finds it, and "nguyen thi" finds Hoa
    html = admin_client.get(url, {"q": "vanphong.x"}).content.decode()
    assert names_in(html, "hoidong.xa2", "vanphong.x") == {"vanphong.x"}
    html = admin_client.get(url, {"q": "nguyen thi"}).content.decode()
    assert names_in(html, "hoidong.xa2", "vanphong.x") == {"vanphong.x"}


@pytest.fixture
def two_sent(cycle):
    lo = Person.objects.create(full_name="Lò Văn Sáng", unit=cycle["commune"], gender="male")
    dang = Person.objects.create(full_name="Đặng Thị Mơ", unit=cycle["commune"], gender="female")
    sent = []
    for person in (lo, dang):
        nomination = nominate(cycle, person=person)
        services.nomination_submit(actor=cycle["staff"], nomination=nomination)
        sent.append(nomination)
    return sent


def test_the_admins_nomination_list_finds_the_nominee_without_diacritics(admin_client, two_sent):
    url = reverse("admin:awards_nomination_changelist")
    for typed, found in (
        ("lo van", {"Lò Văn Sáng"}),
        ("dang thi mo", {"Đặng Thị Mơ"}),
        ("Lò Văn", {"Lò Văn Sáng"}),
        ("binh lu", {"Lò Văn Sáng", "Đặng Thị Mơ"}),  # the nominating unit, folded too
    ):
        html = admin_client.get(url, {"q": typed}).content.decode()
        assert names_in(html, "Lò Văn Sáng", "Đặng Thị Mơ") == found, typed


def test_the_offices_inbox_finds_the_nominee_by_name_without_diacritics(client, cycle, two_sent):
    client.force_login(cycle["office"])
    url = reverse("awards:inbox")
    page = client.get(url).content.decode()
    assert 'name="q"' in page and "Tên đối tượng" in page
    for typed, found in (
        ("lo van", {"Lò Văn Sáng"}),
        ("DANG THI", {"Đặng Thị Mơ"}),
        ("Đặng", {"Đặng Thị Mơ"}),
        ("nguyen", set()),
    ):
        html = client.get(url, {"q": typed}).content.decode()
        assert names_in(html, "Lò Văn Sáng", "Đặng Thị Mơ") == found, typed
    # with the unit's words too, and in the Excel download as filtered
    html = client.get(url, {"q": "lo van", "unit": "binh lu"}).content.decode()
    assert names_in(html, "Lò Văn Sáng", "Đặng Thị Mơ") == {"Lò Văn Sáng"}
    response = client.get(url, {"q": "lo van", "xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response))).active
    cells = {str(cell.value) for row in sheet.iter_rows() for cell in row}
    assert "Lò Văn Sáng" in cells and "Đặng Thị Mơ" not in cells
