"""The unit's list of nominations, which grows by its staff count every year (decision
0064, left), is filtered by year, status and award type, and searched by the nominee's
name with or without diacritics (decision 0068); it stays a page at a time, with a fixed
number of queries, its dates written dd/mm/yyyy."""

from __future__ import annotations

import html
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards import services
from awards.models import AwardType, Nomination
from tests.factories import nominate
from tests.factories import village as village_of
from units.models import Person, Unit

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
LIST = reverse("awards:nomination_list")


def names(response) -> list[str]:
    """The nominees the list shows, in its order."""
    assert response.status_code == 200
    page = response.content.decode()
    return [
        html.unescape(name)
        for name in re.findall(r'<a href="/quan-ly/khen-thuong/de-nghi/\d+/">([^<]+)</a>', page)
    ]


def award(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


@pytest.fixture
def unit_list(cycle):
    """The commune's list: people, a village, a household, over two years and statuses."""
    commune = cycle["commune"]
    village = village_of(commune)

    def person(name, born):
        return Person.objects.create(full_name=name, unit=commune, gender="male", birth_year=born)

    mai, mai2, hung = (
        person("Lò Thị Mai", 1988),
        person("Lộ Thị Mại", 1990),  # the same letters, other marks
        person("Đặng Văn Hùng", 1985),
    )
    made = {
        "mai": nominate(cycle, person=mai, year=YEAR),
        "mai_cstd": nominate(cycle, person=mai, code="cstd-co-so", year=YEAR),
        "mai2": nominate(cycle, person=mai2, year=YEAR - 1),
        "hung": nominate(cycle, person=hung, year=YEAR),
        "village": nominate(cycle, unit=village, code="tap-the-ldtt", year=YEAR),
        "household": services.nomination_create(
            actor=cycle["staff"],
            nomination=Nomination(
                award_type=award("giay-khen-xa-ho-gia-dinh"),
                nominee_household="Hộ ông Đỗ Văn Pọm, bản Nà Đông",
                nominating_unit=commune,
                year=YEAR - 1,
            ),
        ),
    }
    services.nomination_submit(actor=cycle["staff"], nomination=made["hung"])
    # another commune's clerk has a Lò Thị Mai too: never on this list
    other = Unit.objects.get(code="ubnd-x-son-binh")
    stranger = Person.objects.create(full_name="Lò Thị Mai", unit=other, gender="female")
    Nomination.objects.create(
        award_type=award("lao-dong-tien-tien"),
        nominee_person=stranger,
        nominating_unit=other,
        year=YEAR,
    )
    return {**cycle, **made, "village_unit": village}


def test_the_list_is_filtered_by_year_status_and_award_type(client, unit_list):
    client.force_login(unit_list["staff"])
    assert sorted(names(client.get(LIST, {"nam": YEAR - 1}))) == [
        "Hộ ông Đỗ Văn Pọm, bản Nà Đông",
        "Lộ Thị Mại",
    ]
    assert names(client.get(LIST, {"trang_thai": "submitted"})) == ["Đặng Văn Hùng"]
    ldtt = award("lao-dong-tien-tien").pk
    assert sorted(names(client.get(LIST, {"danh_hieu": ldtt}))) == [
        "Lò Thị Mai",
        "Lộ Thị Mại",
        "Đặng Văn Hùng",
    ]
    assert names(client.get(LIST, {"danh_hieu": ldtt, "nam": YEAR, "trang_thai": "draft"})) == [
        "Lò Thị Mai"
    ]
    # the filters as chosen stay in the form
    page = client.get(LIST, {"nam": YEAR, "trang_thai": "draft"}).content.decode()
    assert f'name="nam" value="{YEAR}"' in page
    assert '<option value="draft" selected>Dự thảo</option>' in page


def test_a_campaigns_nomination_is_found_by_its_campaigns_year(client, unit_list, demo):
    campaign = demo["000"]  # UBND huyện Tam Đường's, above the commune
    services.nomination_create(
        actor=unit_list["staff"],
        nomination=Nomination(
            award_type=award("lao-dong-tien-tien"),
            nominee_person=Person.objects.create(
                full_name="Tẩn Văn Sình", unit=unit_list["commune"], gender="male"
            ),
            nominating_unit=unit_list["commune"],
            campaign=campaign,
            commendation_kind=Nomination.CommendationKind.CAMPAIGN,
        ),
    )
    client.force_login(unit_list["staff"])
    assert "Tẩn Văn Sình" in names(client.get(LIST, {"nam": campaign.year}))
    assert "Tẩn Văn Sình" not in names(client.get(LIST, {"nam": campaign.year - 1}))


def test_the_nominee_is_found_with_or_without_diacritics(client, unit_list):
    client.force_login(unit_list["staff"])
    # both Mai (two nominations) and Mại, typed without marks; never the other commune's
    assert sorted(names(client.get(LIST, {"q": "lo thi mai"}))) == [
        "Lò Thị Mai",
        "Lò Thị Mai",
        "Lộ Thị Mại",
    ]
    # typed with its marks, the name written so comes first
    assert names(client.get(LIST, {"q": "Lộ Thị Mại"}))[0] == "Lộ Thị Mại"
    assert names(client.get(LIST, {"q": "ĐẶNG"})) == ["Đặng Văn Hùng"]
    assert names(client.get(LIST, {"q": "dang van"})) == ["Đặng Văn Hùng"]
    assert sorted(names(client.get(LIST, {"q": "na dong"}))) == [
        "Bản Nà Đông",
        "Hộ ông Đỗ Văn Pọm, bản Nà Đông",
    ]
    assert names(client.get(LIST, {"q": "do van pom"})) == ["Hộ ông Đỗ Văn Pọm, bản Nà Đông"]
    # the nominating unit is every row's: it is not what the search reads
    assert names(client.get(LIST, {"q": "binh lu"})) == []
    page = client.get(LIST, {"q": "nguyen khong co"}).content.decode()
    assert "Không có đề nghị nào khớp với điều kiện lọc." in page


def test_pages_keep_the_filters_and_dates_read_dd_mm_yyyy(client, cycle):
    commune = cycle["commune"]
    for i in range(55):
        person = Person.objects.create(full_name=f"Lò Văn {i:02d}", unit=commune, gender="male")
        services.nomination_create(
            actor=cycle["staff"],
            nomination=Nomination(
                award_type=award("lao-dong-tien-tien"),
                nominee_person=person,
                nominating_unit=commune,
                year=YEAR,
            ),
        )
    client.force_login(cycle["staff"])
    response = client.get(LIST, {"q": "lo van", "nam": YEAR})
    assert len(names(response)) == 50
    page = response.content.decode()
    assert f'href="?q=lo+van&amp;nam={YEAR}&amp;trang=2"' in page
    assert "(55 mục)" in page
    assert len(names(client.get(LIST, {"q": "lo van", "nam": YEAR, "trang": 2}))) == 5
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"<td>{today}</td>" in page
    # the Excel download takes the filters too
    assert f'href="?q=lo+van&amp;nam={YEAR}&amp;xuat=xlsx"' in page


def test_the_excel_download_is_the_filtered_list(client, unit_list):
    client.force_login(unit_list["staff"])
    response = client.get(LIST, {"nam": YEAR - 1, "xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    shown = " ".join(str(c.value) for line in sheet.iter_rows() for c in line if c.value)
    assert "Lộ Thị Mại" in shown and "Đặng Văn Hùng" not in shown


def test_a_wrong_filter_is_said_beside_its_field(client, unit_list):
    client.force_login(unit_list["staff"])
    response = client.get(LIST, {"nam": "hai nghìn", "trang_thai": "xyz", "danh_hieu": "99999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Năm là một số, ví dụ 2025." in page
    assert page.count("Lựa chọn không hợp lệ") == 2
    assert len(names(response)) == 6  # the wrong filters are left out, not the list


def test_the_list_costs_the_same_queries_whatever_its_size(
    client, cycle, django_assert_max_num_queries
):
    commune = cycle["commune"]
    village = village_of(commune)
    client.force_login(cycle["staff"])
    counts = []

    def add(count: int) -> None:
        for i in range(count):
            person = Person.objects.create(
                full_name=f"Lò Thị {len(counts)}-{i}", unit=commune, gender="female"
            )
            nomination = nominate(cycle, person=person, year=YEAR - i % 2)
            if i % 3 == 0:
                services.nomination_submit(actor=cycle["staff"], nomination=nomination)
        nominate(cycle, unit=village, code="tap-the-ldtt", year=YEAR - len(counts))

    for size in (3, 45):
        add(size)
        query = {"q": "lo thi", "trang_thai": "draft", "danh_hieu": award("lao-dong-tien-tien").pk}
        with CaptureQueriesContext(connection) as plain:
            assert client.get(LIST).status_code == 200
        with django_assert_max_num_queries(12):
            names(client.get(LIST, {**query, "nam": YEAR}))
        with CaptureQueriesContext(connection) as filtered:
            names(client.get(LIST, {**query, "nam": YEAR}))
        counts.append((len(plain), len(filtered)))
    assert counts[0] == counts[1], counts


def test_send_the_chosen_shows_only_when_a_row_can_be_chosen(client, unit_list):
    """ "Gửi các hồ sơ đã chọn" with no box to tick was a button that could only fail
    (decision 0064's left item): it shows when the page has a dossier to send."""
    client.force_login(unit_list["staff"])
    page = client.get(LIST, {"trang_thai": "draft"}).content.decode()
    assert 'name="ids"' in page and "Gửi các hồ sơ đã chọn</button>" in page
    page = client.get(LIST, {"trang_thai": "submitted"}).content.decode()
    assert "Đặng Văn Hùng" in page
    assert 'name="ids"' not in page and "Gửi các hồ sơ đã chọn</button>" not in page
