"""Staff lists that grow with the data are cut into pages or summarised, and their
filters, page links and “show all” links lead to the rest (bench/workspace.py data)."""

import pytest
from django.urls import reverse

from bench.workspace import generate
from campaigns.models import Campaign, ResultReport
from campaigns.selectors import TODO_SHOWN
from units.models import Bloc, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ws():
    return generate(districts=3, communes=18, campaigns=200)


def _login(client, ws, role):
    client.force_login(ws.users[role])
    return client


def test_dashboard_pages_filters_and_bounds_the_pending_work(client, ws):
    _login(client, ws, "office")
    mine = Campaign.objects.filter(issuer__code="ws2025-tinh")
    response = client.get(reverse("staff:dashboard"))
    html = response.content.decode()
    assert f"Phong trào của cơ quan ({mine.count()})" in html and "trang=2" in html
    # unfiltered, the pages come from the dashboard's own count (no second COUNT)
    assert response.context["page"].paginator.count == mine.count()
    last = client.get(reverse("staff:dashboard"), {"trang": "999"}).context["page"]
    assert last.number == last.paginator.num_pages and last.end_index() == mine.count()
    drafts = mine.filter(status="draft")
    assert drafts.count() > TODO_SHOWN
    assert f"Dự thảo chờ phát động ({drafts.count()})" in html
    assert f"Xem đủ {drafts.count()} phong trào" in html
    response = client.get(reverse("staff:dashboard"), {"trang_thai": "draft"})
    listed = response.context["page"].object_list
    assert {c.status for c in listed} == {"draft"}
    assert response.context["page"].paginator.count == drafts.count()
    one = mine.filter(status="published").first()
    found = client.get(reverse("staff:dashboard"), {"q": one.subject.lower()})
    assert one in found.context["page"].object_list
    overdue = client.get(reverse("staff:dashboard"), {"trang_thai": "qua-han"})
    assert all(c.is_overdue for c in overdue.context["page"].object_list)
    # a bad value is ignored, never a 500
    assert (
        client.get(reverse("staff:dashboard"), {"trang_thai": "x", "trang": "y"}).status_code == 200
    )


def test_results_page_filters_its_reports_and_shows_a_whole_bloc_on_request(client, ws):
    _login(client, ws, "office")
    busy = Campaign.objects.get(pk=ws.ids["busy"])
    url = reverse("tracking:campaign_results", args=[busy.pk])
    response = client.get(url)
    received = ResultReport.objects.filter(period__campaign=busy).exclude(status="draft")
    assert response.context["page"].paginator.count == received.count()
    period = busy.periods.order_by("due_on").first()
    by_period = client.get(url, {"ky": period.pk})
    assert {r.period_id for r in by_period.context["page"].object_list} == {period.pk}
    unit = received.filter(period=period).first().unit
    by_unit = client.get(url, {"don_vi": unit.name.replace("ã", "a")})  # diacritics optional
    assert unit in {r.unit for r in by_unit.context["page"].object_list}
    bloc = Bloc.objects.order_by("pk").first()
    rows = {row["bloc"].pk: row for row in response.context["rankings"]}
    assert len(rows[bloc.pk]["ranking"]) == 10 < rows[bloc.pk]["count"] == 18
    assert f"?khoi={bloc.pk}" in response.content.decode()
    whole = client.get(url, {"khoi": bloc.pk}).context["rankings"]
    assert [len(row["ranking"]) for row in whole if row["bloc"].pk == bloc.pk] == [18]
    assert client.get(url, {"khoi": "abc", "ky": "²"}).status_code == 200
    # returning a report comes back to the same filtered page
    report = by_period.context["page"].object_list[0]
    back = client.post(f"{url}?ky={period.pk}", {"report": report.pk, "reason": "Thiếu số liệu"})
    assert back["Location"] == f"{url}?ky={period.pk}"


def test_decision_annex_is_numbered_across_pages(client, ws):
    _login(client, ws, "office")
    url = reverse("awards:decision_detail", args=[ws.ids["decision"]])
    page2 = client.get(url, {"trang": 2})
    assert page2.context["page"].number == 2
    assert "<td>51</td>" in page2.content.decode()


def test_a_vote_returns_to_the_page_of_the_agenda_it_was_cast_from(client, ws):
    _login(client, ws, "office")
    session = ws.ids["session"]
    page2 = client.get(reverse("awards:session_detail", args=[session]), {"trang": 2})
    item = page2.context["items"][0]
    action = reverse("awards:vote", args=[session, item.pk]) + "?trang=2"
    assert action in page2.content.decode()
    response = client.post(action, {"choice": "agree"})
    assert response["Location"] == reverse("awards:session_detail", args=[session]) + "?trang=2"


def test_unit_campaigns_show_ten_units_at_once_and_find_the_others(client, ws):
    _login(client, ws, "unit")  # a district and its eighteen communes
    url = reverse("tracking:unit_campaigns")
    response = client.get(url)
    assert len(response.context["units"]) == 10 and response.context["held_count"] == 19
    assert "10/19 đơn vị" in response.content.decode()
    last = Unit.objects.get(code="ws2025-xa-0-9")  # the last by name
    found = client.get(url, {"don_vi": "xa Mau 0-9"})
    assert found.context["units"] == [last]
    assert {row["unit"] for row in found.context["rows"]} == {last}
    none = client.get(url, {"don_vi": "không có"})
    assert none.status_code == 200 and "Không có đơn vị nào" in none.content.decode()


def test_blocs_page_names_a_few_members_and_offers_one_bodys_units(client, ws):
    _login(client, ws, "office")
    url = reverse("tracking:blocs")
    bloc = Bloc.objects.order_by("pk").first()
    html = client.get(url).content.decode()
    assert f'và <a href="?khoi={bloc.pk}">8 đơn vị khác</a>' in html
    whole = client.get(url, {"khoi": bloc.pk})
    assert len(whole.context["members"]) == 18
    # the form offers the units directly below the chosen body; the province by default
    form = client.get(url).context["form"]
    districts = {u.pk for u in Unit.objects.filter(code__startswith="ws2025-huyen")}
    assert {pk for pk, _ in form.fields["members"].widget.choices} == districts
    district = Unit.objects.get(code="ws2025-huyen-0")
    form = client.get(url, {"trong": district.pk}).context["form"]
    offered = {pk for pk, _ in form.fields["members"].widget.choices}
    assert offered == set(Unit.objects.filter(parent=district).values_list("pk", flat=True))
