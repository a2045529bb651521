"""The middle of a campaign walked as its users would (decision 0073): two clerks of one
unit on one report, the office reading an interim report's results, a report returned
after the campaign was summarised, a corrected report's timeliness, the results workbook
and the bloc ranking as read."""

import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Registration, ReportPeriod, ResultReport
from campaigns.results import services as services_results
from tests.conftest import new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db


def _built() -> dict:
    data = built_demo()
    demo, units = data["demo"], data["demo_units"]
    campaign = demo["000"]
    still_running(campaign)
    a = units["ubnd-x-binh-lu"]
    world = {
        "campaign": campaign,
        "office": new_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF),
        "a": a,
        "b": units["ubnd-x-son-binh"],
        "clerk1": new_member("cb.a1", a, Membership.Role.UNIT_STAFF),
        "clerk2": new_member("cb.a2", a, Membership.Role.UNIT_STAFF),
    }
    return {**data, "world": world}


_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)

LOADED = re.compile(r'name="loaded" value="([^"]*)"')


def _loaded(page) -> str:
    """The version of the record a form was opened on (a hidden field), "" if none."""
    found = LOADED.search(page.content.decode())
    return found.group(1) if found else ""


def _criteria(campaign):
    rate = campaign.criteria.create(name="Tỷ lệ hồ sơ trực tuyến", kind="numeric", target=80)
    budget = campaign.criteria.create(name="Thu ngân sách", kind="numeric", target=100)
    return rate, budget


# ---------------------------------------------------------------------------
# 1. Two clerks of one unit on one report (or registration): no silent lost update


def test_a_colleagues_saved_figures_are_not_wiped_by_a_page_opened_before(client, world):
    c, a = world["campaign"], world["a"]
    rate, budget = _criteria(c)
    period = ReportPeriod.objects.create(
        campaign=c, kind="interim", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    url = reverse("tracking:report", args=[a.pk, period.pk])
    client.force_login(world["clerk1"])
    first = client.get(url)
    client.force_login(world["clerk2"])
    second = client.get(url)
    # clerk 1 saves the rate and the budget as a draft
    client.force_login(world["clerk1"])
    client.post(
        url,
        {
            "loaded": _loaded(first),
            f"value-{rate.pk}": "92",
            f"evidence-{rate.pk}": "Số liệu bộ phận một cửa",
            f"value-{budget.pk}": "130",
        },
    )
    # clerk 2, on the page opened before, sends only the budget, and submits
    client.force_login(world["clerk2"])
    response = client.post(
        url, {"loaded": _loaded(second), f"value-{budget.pk}": "120", "submit": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200  # the page again, nothing written
    assert "vừa được" in page and "cb.a1" in page and "chưa lưu" in page
    assert "Đã lưu: 92" in page  # what the colleague saved, beside the field
    report = ResultReport.objects.get(unit=a, period=period)
    assert report.status == ResultReport.Status.DRAFT
    assert {v.criterion_id: v.value for v in report.values.all()} == {rate.pk: 92, budget.pk: 130}
    # having read it, clerk 2 sends the page shown now: saved
    again = client.post(
        url,
        {
            "loaded": _loaded(response),
            f"value-{rate.pk}": "92",
            f"value-{budget.pk}": "120",
            "submit": "1",
        },
    )
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.status == ResultReport.Status.SUBMITTED


def test_a_registration_opened_before_a_colleague_saved_it_is_not_sent_over_it(client, world):
    c, a = world["campaign"], world["a"]
    rate, _budget = _criteria(c)
    url = reverse("tracking:register", args=[a.pk, c.pk])
    client.force_login(world["clerk1"])
    first = client.get(url)
    client.force_login(world["clerk2"])
    second = client.get(url)
    client.force_login(world["clerk1"])
    assert (
        client.post(url, {"loaded": _loaded(first), f"target-{rate.pk}": "95"}).status_code == 302
    )
    client.force_login(world["clerk2"])
    response = client.post(url, {"loaded": _loaded(second), f"target-{rate.pk}": "85"})
    assert response.status_code == 200 and "vừa được" in response.content.decode()
    assert Registration.objects.get(unit=a).targets.get(criterion=rate).value == 95
    # the same clerk, back in a window opened before its own save: said so
    client.force_login(world["clerk1"])
    response = client.post(url, {"loaded": _loaded(first), f"target-{rate.pk}": "90"})
    assert "vừa được bạn lưu ở một cửa sổ khác" in response.content.decode()


# ---------------------------------------------------------------------------
# 2. In the middle of a campaign, the office reads the interim reports' results


def c_pk(world) -> int:
    return world["campaign"].pk


def _two_periods(world):
    c = world["campaign"]
    rate, budget = _criteria(c)
    today = timezone.localdate()
    interim = ReportPeriod.objects.create(
        campaign=c, kind="interim", due_on=today - datetime.timedelta(days=1)
    )
    final = ReportPeriod.objects.create(
        campaign=c, kind="final", due_on=today + datetime.timedelta(days=60)
    )
    services_results.report_save(
        actor=world["clerk1"],
        period=interim,
        unit=world["a"],
        values={rate.pk: (Decimal(92), ""), budget.pk: (Decimal(90), "")},
        submit=True,
    )
    return rate, budget, interim, final


def test_the_results_page_shows_the_interim_reports_against_the_criteria(client, world):
    rate, budget, interim, final = _two_periods(world)
    client.force_login(world["office"])
    url = reverse("tracking:campaign_results", args=[world["campaign"].pk])
    response = client.get(url)
    page = response.content.decode()
    assert "Kết quả theo tiêu chí: Sơ kết" in page
    rows = {
        r["criterion"].name: (r["reported"], r["reached"]) for r in response.context["attainment"]
    }
    assert rows == {"Tỷ lệ hồ sơ trực tuyến": (1, 1), "Thu ngân sách": (1, 0)}
    # the final period, chosen: nothing reported yet, said so
    assert f'href="?ky={final.pk}"' in page
    response = client.get(url, {"ky": final.pk})
    assert "Kết quả theo tiêu chí: Tổng kết" in response.content.decode()
    assert {r["reported"] for r in response.context["attainment"]} == {0}


def test_the_results_workbook_has_each_periods_results_and_real_dates(client, world):
    rate, budget, interim, final = _two_periods(world)
    client.force_login(world["office"])
    url = reverse("tracking:campaign_results", args=[world["campaign"].pk])
    book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"xuat": "xlsx"}).content))
    criteria = list(book["Tiêu chí"].iter_rows(values_only=True))
    assert criteria[0][:3] == ("Kỳ báo cáo", "Hạn nộp", "Tiêu chí")
    assert criteria[1][0] == "Sơ kết" and criteria[1][2:7] == (
        "Tỷ lệ hồ sơ trực tuyến",
        None,
        1,
        1,
        0,
    )
    assert [row[0] for row in criteria[1:]] == ["Sơ kết", "Sơ kết", "Tổng kết", "Tổng kết"]
    # dates a clerk can sort and filter: real dates shown dd/mm/yyyy, the header frozen
    due = book["Báo cáo"]["B2"]
    assert due.value == datetime.datetime.combine(interim.due_on, datetime.time())
    assert due.number_format == "dd/mm/yyyy"
    sent = book["Báo cáo đã nộp"]["C2"]
    assert isinstance(sent.value, datetime.datetime) and sent.number_format == "dd/mm/yyyy hh:mm"
    assert criteria[1][1] == datetime.datetime.combine(interim.due_on, datetime.time())
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title


# ---------------------------------------------------------------------------
# 3. A summarised campaign's reports are not returned (the unit could never resend them)


def test_a_report_of_a_summarised_campaign_is_not_returned(client, world):
    from campaigns.models import Campaign

    rate, budget, interim, final = _two_periods(world)
    c = world["campaign"]
    Campaign.objects.filter(pk=c.pk).update(status=Campaign.Status.SUMMARISED)
    report = ResultReport.objects.get(period=interim, unit=world["a"])
    client.force_login(world["office"])
    url = reverse("tracking:campaign_results", args=[c.pk])
    assert f'name="report" value="{report.pk}"' not in client.get(url).content.decode()
    response = client.post(url, {"report": report.pk, "reason": "Thiếu số liệu"}, follow=True)
    assert "đã tổng kết" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ResultReport.Status.SUBMITTED and report.return_reason == ""


# ---------------------------------------------------------------------------
# 4. A report sent on time, returned after its due date and corrected, stays on time


def test_a_report_sent_on_time_then_returned_and_corrected_is_not_late(client, world):
    rate, budget, interim, final = _two_periods(world)  # due yesterday
    report = ResultReport.objects.get(period=interim, unit=world["a"])
    sent = timezone.now() - datetime.timedelta(days=3)  # two days before it was due
    ResultReport.objects.filter(pk=report.pk).update(submitted_at=sent)
    services_results.report_return(
        actor=world["office"], report=report, reason="Minh chứng chưa rõ nguồn"
    )
    client.force_login(world["clerk1"])
    page = client.get(reverse("tracking:report", args=[world["a"].pk, interim.pk]))
    assert "nộp lại sau khi sửa không bị tính là nộp muộn" in page.content.decode()
    services_results.report_save(
        actor=world["clerk1"],
        period=interim,
        unit=world["a"],
        values={rate.pk: (Decimal(92), "Số liệu Trung tâm phục vụ hành chính công")},
        submit=True,
    )
    report.refresh_from_db()
    assert report.status == ResultReport.Status.SUBMITTED and not report.is_late
    assert report.first_submitted_at == sent and report.submitted_at > sent
    client.force_login(world["office"])
    url = reverse("tracking:campaign_results", args=[world["campaign"].pk])
    page = client.get(url)
    assert page.context["figures"]["periods"][0] | {"period": None} == {
        "period": None,
        "on_time": 1,
        "late": 0,
        "missing": page.context["figures"]["addressed"] - 1,
    }
    html = page.content.decode()
    assert f"nộp lần đầu {timezone.localtime(sent):%d/%m/%Y %H:%M}" in html
    assert "muộn</span>" not in html
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("tracking:reports_xlsx", args=[c_pk(world)])).content)
    )
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Nộp muộn"] == "Không"
    first = row["Nộp lần đầu (trước khi trả lại)"]
    assert f"{first:%d/%m/%Y %H:%M}" == f"{timezone.localtime(sent):%d/%m/%Y %H:%M}"
    # one sent late the first time stays late, however corrected
    b = world["b"]
    clerk_b = new_member("cb.b", b, Membership.Role.UNIT_STAFF)
    services_results.report_save(
        actor=clerk_b, period=interim, unit=b, values={rate.pk: (Decimal(70), "")}, submit=True
    )
    late = ResultReport.objects.get(period=interim, unit=b)
    services_results.report_return(actor=world["office"], report=late, reason="Thiếu")
    services_results.report_save(
        actor=clerk_b, period=interim, unit=b, values={rate.pk: (Decimal(75), "")}, submit=True
    )
    late.refresh_from_db()
    assert late.is_late


# ---------------------------------------------------------------------------
# 5. The bloc's ranking on its scoring page reads as the ranks, not as list numbers


def test_the_scoring_pages_ranking_numbers_only_the_ranks(client, world):
    from units.models import Bloc

    c, a, b = world["campaign"], world["a"], world["b"]
    bloc = Bloc.objects.create(issuer=c.issuer, year=c.year, name="Khối các xã", head=a)
    bloc.members.set([a, b])
    for unit in (a, b):
        services_results.score_enter(
            actor=world["clerk1"], campaign=c, bloc=bloc, unit=unit, kind="agreed", points=90
        )
    client.force_login(world["clerk1"])
    page = client.get(reverse("tracking:scores", args=[bloc.pk, c.pk])).content.decode()
    ranking = page[page.index("Xếp hạng</h2>") : page.index("Lịch sử chấm điểm")]
    assert "<ol" not in ranking  # "2. Sơn Bình — hạng 1" read as second and first at once
    assert ranking.count("<td>1 (đồng hạng)</td>") == 2


# ---------------------------------------------------------------------------
# 6. A clerk sees a report is overdue before sending it, and which are overdue


def test_the_clerk_is_told_a_report_is_overdue_before_sending_it(client, world):
    c, a = world["campaign"], world["a"]
    _criteria(c)
    today = timezone.localdate()
    overdue = ReportPeriod.objects.create(
        campaign=c, kind="interim", due_on=today - datetime.timedelta(days=2)
    )
    ReportPeriod.objects.create(campaign=c, kind="final", due_on=today + datetime.timedelta(days=9))
    client.force_login(world["clerk1"])
    page = client.get(reverse("tracking:report", args=[a.pk, overdue.pk])).content.decode()
    assert f"Đã quá hạn nộp ({overdue.due_on:%d/%m/%Y})" in page and "nộp muộn" in page
    units = client.get(reverse("tracking:unit_campaigns")).content.decode()
    assert units.count("chưa nộp — quá hạn") == 1  # the interim; the final is not due yet


# ---------------------------------------------------------------------------
# Review (decision 0075): a page refused for a bad figure keeps the version it was opened
# on; it must not quietly take the colleague's newer one and then send over it.


def test_a_registration_refused_for_a_bad_figure_still_does_not_send_over_a_colleague(
    client, world
):
    c, a = world["campaign"], world["a"]
    rate, _budget = _criteria(c)
    url = reverse("tracking:register", args=[a.pk, c.pk])
    client.force_login(world["clerk2"])
    second = client.get(url)
    client.force_login(world["clerk1"])
    assert (
        client.post(url, {"loaded": _loaded(second), f"target-{rate.pk}": "95"}).status_code == 302
    )
    # clerk 2, on the page opened before, types a bad figure: refused beside the field
    client.force_login(world["clerk2"])
    refused = client.post(url, {"loaded": _loaded(second), f"target-{rate.pk}": "-5"})
    assert refused.status_code == 200 and "nhỏ hơn 0" in refused.content.decode()
    # corrected and sent again from that page: the colleague's 95 is not overwritten unseen
    response = client.post(url, {"loaded": _loaded(refused), f"target-{rate.pk}": "85"})
    assert response.status_code == 200 and "vừa được" in response.content.decode()
    assert Registration.objects.get(unit=a).targets.get(criterion=rate).value == 95


def test_a_report_refused_for_a_bad_figure_still_does_not_send_over_a_colleague(client, world):
    c, a = world["campaign"], world["a"]
    rate, budget = _criteria(c)
    period = ReportPeriod.objects.create(
        campaign=c, kind="interim", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    url = reverse("tracking:report", args=[a.pk, period.pk])
    client.force_login(world["clerk2"])
    second = client.get(url)
    client.force_login(world["clerk1"])
    client.post(url, {"loaded": _loaded(second), f"value-{rate.pk}": "92"})
    client.force_login(world["clerk2"])
    refused = client.post(url, {"loaded": _loaded(second), f"value-{budget.pk}": "-1"})
    assert refused.status_code == 200 and "nhỏ hơn 0" in refused.content.decode()
    response = client.post(
        url, {"loaded": _loaded(refused), f"value-{budget.pk}": "120", "submit": "1"}
    )
    assert response.status_code == 200 and "vừa được" in response.content.decode()
    report = ResultReport.objects.get(unit=a, period=period)
    assert report.status == ResultReport.Status.DRAFT
    assert report.values.get(criterion=rate).value == 92


def test_a_registration_page_refused_for_a_colleagues_save_shows_what_was_saved(client, world):
    """The refusal says "xem bản đã lưu": the report page shows it beside each field, the
    registration page showed it nowhere (decision 0075)."""
    c, a = world["campaign"], world["a"]
    rate, _budget = _criteria(c)
    url = reverse("tracking:register", args=[a.pk, c.pk])
    client.force_login(world["clerk2"])
    second = client.get(url)
    client.force_login(world["clerk1"])
    client.post(
        url, {"loaded": _loaded(second), f"target-{rate.pk}": "95,5", "titles_aimed": "Cờ thi đua"}
    )
    client.force_login(world["clerk2"])
    response = client.post(url, {"loaded": _loaded(second), f"target-{rate.pk}": "85"})
    page = response.content.decode()
    assert "vừa được" in page
    assert "Đã lưu: 95,5" in page and "Đã lưu: Cờ thi đua" in page
    assert 'value="85"' in page  # what this clerk typed is kept
