"""Portal search and filters, open-data exports and the Atom feed."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from campaigns.models import Campaign
from tests.module_data import built_demo, data_once
from units.models import Unit

pytestmark = pytest.mark.django_db

# the units and seed campaigns built once for the module, each test in its own savepoint
# with its own copy of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo = data_once(built_demo, "demo_units", "demo")


def listed(client, **params) -> set[str]:
    # The filters are under test, not the public cache: a cached page has no context.
    cache.clear()
    response = client.get(reverse("public:home"), params)
    assert response.status_code == 200
    return {c.source for c in response.context["page"].object_list}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("thi dua dac biet", {"seed:001", "seed:003"}),
        ("THI ĐUA ĐẶC BIỆT", {"seed:001", "seed:003"}),
        ("dang bo", {"seed:000", "seed:001", "seed:002", "seed:003"}),
        ("Dang Bo chinh quyen Tan Uyen", {"seed:001"}),
        ("5834", {"seed:002"}),
        ("tam duong", {"seed:000", "seed:003"}),
        ("khong co gi nhu the nay", set()),
    ],
)
def test_search_ignores_diacritics_and_case(client, demo, query, expected):
    assert listed(client, q=query) == expected


def test_issuer_filter_includes_bodies_below(client, demo):
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    tam_duong = Unit.objects.get(code="ubnd-tam-duong")
    assert listed(client, issuer=province.pk) == {f"seed:00{i}" for i in range(5)}
    assert listed(client, issuer=tam_duong.pk) == {"seed:000", "seed:003"}


def test_year_kind_and_status_filters(client, demo, settings):
    assert listed(client, year=2023) == {"seed:003"}
    # 001 has no date: it counts in the year it ends (31/12/2024).
    assert listed(client, year=2024) == {"seed:000", "seed:001", "seed:002", "seed:004"}
    assert "seed:002" in listed(client, year=2025) and "seed:003" not in listed(client, year=2025)
    assert listed(client, kind="regular") == {"seed:002", "seed:004"}
    assert listed(client, kind="special") == {"seed:001", "seed:003"}
    # Every seed has ended by now (2026): none is running, all are finished.
    assert listed(client, status="dang-dien-ra") == set()
    assert listed(client, status="da-ket-thuc") == {f"seed:00{i}" for i in range(5)}
    running = demo["002"]
    running.end_date = None
    running.save()
    assert listed(client, status="dang-dien-ra") == {"seed:002"}


def test_invalid_filters_show_everything_not_an_error(client, demo):
    assert len(listed(client, year="abc", issuer="999999")) == 5


def test_pagination_keeps_the_filters(client, demo):
    for i in range(25):
        extra = Campaign.objects.get(pk=demo["003"].pk)
        extra.pk = None
        extra.source = f"copy:{i}"
        extra.save()
    response = client.get(reverse("public:home"), {"q": "dac biet"})
    page = response.context["page"]
    assert page.paginator.count == 27 and len(page.object_list) == 20
    html = response.content.decode()
    assert "?q=dac+biet&amp;trang=2" in html
    assert (
        len(client.get(reverse("public:home"), {"q": "dac biet", "trang": 2}).context["page"]) == 7
    )


def test_csv_and_json_exports_follow_the_filters(client, demo):
    response = client.get(reverse("public:export_csv"), {"q": "tam duong"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Mã", "Đường dẫn", "Loại văn bản", "Số, ký hiệu"]
    assert sorted(r[3] for r in rows[1:]) == ["chưa có số (KH-UBND)", "chưa có số (UBND-NV)"]

    data = json.loads(client.get(reverse("public:export_json"), {"kind": "regular"}).content)
    assert data["count"] == 2
    city = next(r for r in data["results"] if r["number_symbol"] == "5834/PĐTĐ-UBND")
    assert city["issued_on"] == "2024-12-31" and city["issuer"] == "UBND thành phố Lai Châu"
    assert city["parent_id"] == demo["004"].pk
    assert city["url"].endswith(reverse("public:campaign_detail", args=[demo["002"].pk]))


def test_csv_export_escapes_formulas(client, demo):
    c = demo["002"]
    c.theme = "=cmd|' /C calc'!A0"
    c.save()
    text = client.get(reverse("public:export_csv")).content.decode("utf-8-sig")
    assert "'=cmd|" in text


def test_atom_feed_of_new_campaigns(client, demo):
    response = client.get(reverse("public:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "5834/PĐTĐ-UBND" in body
    assert body.count("<entry>") == 5
    filtered = client.get(reverse("public:feed"), {"q": "tan uyen"}).content.decode()
    assert filtered.count("<entry>") == 1


def make_campaigns(template: Campaign, count: int) -> None:
    rows = []
    for i in range(count):
        row = Campaign.objects.get(pk=template.pk)
        row.pk = None
        row.number = str(10_000 + i)
        row.source = ""
        row.search_text = f" ban sao {i} "
        rows.append(row)
    Campaign.objects.bulk_create(rows)


@pytest.mark.parametrize("total", [10, 500])
def test_list_query_count_is_the_same_for_10_and_500(
    client, demo, django_assert_max_num_queries, total
):
    make_campaigns(demo["002"], total - 5)
    assert Campaign.objects.count() == total
    with django_assert_max_num_queries(5):
        response = client.get(reverse("public:home"), {"q": "ban sao", "kind": "regular"})
    assert response.context["page"].paginator.count == total - 5
    with django_assert_max_num_queries(10):  # the parent of many
        response = client.get(reverse("public:campaign_detail", args=[demo["004"].pk]))
    assert response.status_code == 200 and "Số: 09/CT-UBND" in response.content.decode()
