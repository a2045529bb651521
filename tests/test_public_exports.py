"""The public campaign list and the honour roll download as xlsx, with the page's
filters, through units/xlsx.py (escaped text, real dates), in a fixed number of queries."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import Campaign
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return sheet, rows[0], rows[1:]


def test_the_home_page_links_to_the_xlsx_with_its_filters(client, demo):
    html = client.get(reverse("public:home"), {"q": "van hoa"}).content.decode()
    assert reverse("public:export_xlsx") + "?q=van+hoa" in html


def test_the_campaign_list_downloads_as_filtered(client, demo):
    sheet, header, rows = workbook(client.get(reverse("public:export_xlsx")))
    assert sheet.title == "Phong trào thi đua"
    assert header[:4] == ("Mã", "Đường dẫn", "Loại văn bản", "Số, ký hiệu")
    assert len(rows) == Campaign.objects.public().count() == 5
    row = next(r for r in rows if r[0] == demo["002"].pk)
    assert row[3] == "5834/PĐTĐ-UBND"
    assert row[4] == datetime.datetime(2024, 12, 31)  # a real date, shown dd/mm/yyyy
    assert sheet.cell(row=rows.index(row) + 2, column=5).number_format == "dd/mm/yyyy"
    Campaign.objects.filter(pk=demo["003"].pk).update(search_text=" phong trao hiem co ")
    _, _, filtered = workbook(client.get(reverse("public:export_xlsx"), {"q": "hiem co"}))
    assert [r[0] for r in filtered] == [demo["003"].pk]


def test_a_formula_in_a_subject_stays_text(client, demo):
    Campaign.objects.filter(pk=demo["002"].pk).update(subject="=HYPERLINK(1)")
    _, _, rows = workbook(client.get(reverse("public:export_xlsx")))
    assert "'=HYPERLINK(1)" in [r[6] for r in rows]


def test_the_campaign_list_downloads_in_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    url = reverse("public:export_xlsx")
    with CaptureQueriesContext(connection) as once:
        client.get(url)
    for _ in range(2):  # ten times the campaigns
        for seed in demo.values():
            copy = Campaign.objects.get(pk=seed.pk)
            for _ in range(2):
                copy.pk = None
                copy.source = ""
                copy.save()
    assert Campaign.objects.public().count() >= 25
    with django_assert_max_num_queries(len(once)):
        client.get(url)


@pytest.fixture
def roll(cycle):
    passed = passed_nominations(cycle, 3)
    decision = issued_decision(cycle, passed)
    return {**cycle, "decision": decision, "passed": passed}


def test_the_honour_roll_downloads_as_filtered(client, roll):
    html = client.get(reverse("awards_public:honour_roll"), {"q": "Lo Van 02"}).content.decode()
    assert "?q=Lo%20Van%2002&amp;xuat=xlsx" in html
    sheet, header, rows = workbook(
        client.get(reverse("awards_public:honour_roll"), {"xuat": "xlsx"})
    )
    assert sheet.title == "Vinh danh"
    assert header == (
        "Họ và tên / Tập thể",
        "Đơn vị",
        "Danh hiệu, hình thức",
        "Năm",
        "Quyết định số",
        "Ngày quyết định",
        "Cơ quan ban hành",
    )
    assert sorted(r[0] for r in rows) == ["Lò Văn 01", "Lò Văn 02", "Lò Văn 03"]
    decision = roll["decision"]
    assert rows[0][4] == decision.number_symbol
    assert rows[0][5] == datetime.datetime.combine(decision.issued_on, datetime.time())
    _, _, filtered = workbook(
        client.get(reverse("awards_public:honour_roll"), {"q": "Lo Van 02", "xuat": "xlsx"})
    )
    assert [r[0] for r in filtered] == ["Lò Văn 02"]


def test_the_honour_roll_downloads_in_a_fixed_number_of_queries(
    client, roll, django_assert_max_num_queries
):
    url = reverse("awards_public:honour_roll")
    with CaptureQueriesContext(connection) as once:
        client.get(url, {"xuat": "xlsx"})
    more = passed_nominations(roll, 30)
    issued_decision(roll, more)
    with django_assert_max_num_queries(len(once)):
        response = client.get(url, {"xuat": "xlsx"})
    assert len(workbook(response)[2]) == 33
