"""A pass/fail criterion is chosen in words, not typed as 1 or 0 (decision 0096): the
registration offers "Cam kết đạt" / "Không cam kết", the report "Đạt" / "Không đạt",
radio buttons in a fieldset named by the criterion; the figure is stored 1 or 0 as
before, and the read pages and the Excel lists show the words."""

import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.results import services
from campaigns.results.models import Registration, ReportPeriod, ResultReport
from units.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(demo, demo_units, make_member):
    campaign = demo["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=30)
    campaign.save()
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member("cb.a", unit, Membership.Role.UNIT_STAFF)
    yes_no = services.criterion_add(
        actor=office, campaign=campaign, name="Có cổng dịch vụ công", kind="boolean"
    )
    count = services.criterion_add(
        actor=office, campaign=campaign, name="Hộ có nước sạch", kind="numeric", measure="hộ"
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    return locals()


def _fieldset(html: str, legend: str) -> str:
    """The fieldset whose legend is `legend`, or "" if there is none."""
    for block in re.findall(r"<fieldset>(.*?)</fieldset>", html, re.S):
        if re.search(rf"<legend[^>]*>\s*{re.escape(legend)}", block):
            return block
    return ""


def _radios(block: str) -> dict[str, str]:
    """The radio buttons of a fieldset: label word -> value."""
    found = {}
    for value, word in re.findall(
        r'<input type="radio"[^>]*value="([^"]*)"[^>]*>\s*([^<]+?)\s*</label>', block
    ):
        found[word] = value
    return found


def test_the_registration_offers_a_choice_of_words_not_a_number(client, running):
    campaign, unit, yes_no = running["campaign"], running["unit"], running["yes_no"]
    client.force_login(running["staff"])
    url = reverse("tracking:register", args=[unit.pk, campaign.pk])
    html = client.get(url).content.decode()
    assert "1 = cam kết đạt" not in html
    block = _fieldset(html, "Có cổng dịch vụ công")
    assert _radios(block) == {"Cam kết đạt": "1", "Không cam kết": "0"}
    assert f'name="target-{yes_no.pk}"' in block
    # chosen "Không cam kết": kept as 0, the form shows the choice again, in words
    response = client.post(url, {f"target-{yes_no.pk}": "0"})
    assert response.status_code == 302
    target = Registration.objects.get(unit=unit).targets.get(criterion=yes_no)
    assert target.value == Decimal(0)
    block = _fieldset(client.get(url).content.decode(), "Có cổng dịch vụ công")
    assert re.search(r'value="0"[^>]*checked', block)
    assert not re.search(r'value="1"[^>]*checked', block)


def test_a_registration_refuses_what_is_not_one_of_the_two_choices(client, running):
    campaign, unit, yes_no = running["campaign"], running["unit"], running["yes_no"]
    client.force_login(running["staff"])
    url = reverse("tracking:register", args=[unit.pk, campaign.pk])
    for sent in ("2", "có", "1,5"):
        response = client.post(url, {f"target-{yes_no.pk}": sent})
        assert response.status_code == 200
        assert "Chọn “Cam kết đạt” hoặc “Không cam kết”." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_closed_registration_reads_its_commitment_in_words(client, running):
    campaign, unit, yes_no = running["campaign"], running["unit"], running["yes_no"]
    services.registration_submit(
        actor=running["staff"], campaign=campaign, unit=unit, targets={yes_no.pk: Decimal(1)}
    )
    campaign.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    client.force_login(running["staff"])
    html = client.get(reverse("tracking:register", args=[unit.pk, campaign.pk])).content.decode()
    table = html.split("Chỉ tiêu đơn vị đã đăng ký")[1].split("</table>")[0]
    assert re.search(r"<td>Có cổng dịch vụ công</td><td>Cam kết đạt</td>", table)
    assert "<td>1</td>" not in table


def test_the_report_offers_passed_or_failed_and_stores_one_or_zero(client, running):
    unit, period, yes_no = running["unit"], running["period"], running["yes_no"]
    services.registration_submit(
        actor=running["staff"],
        campaign=running["campaign"],
        unit=unit,
        targets={yes_no.pk: Decimal(1)},
    )
    client.force_login(running["staff"])
    url = reverse("tracking:report", args=[unit.pk, period.pk])
    html = client.get(url).content.decode()
    assert "1 = đạt" not in html
    block = _fieldset(html, "Có cổng dịch vụ công — đơn vị cam kết đạt")
    assert _radios(block) == {"Đạt": "1", "Không đạt": "0"}
    response = client.post(url, {f"value-{yes_no.pk}": "1", "submit": "1"})
    assert response.status_code == 302
    report = ResultReport.objects.get(unit=unit, period=period)
    assert report.values.get(criterion=yes_no).value == Decimal(1)
    # the sent report reads "Đạt"
    html = client.get(url).content.decode()
    sent = html.split("Kết quả đã nộp")[1].split("</table>")[0]
    assert re.search(r"<td>Có cổng dịch vụ công</td><td>Đạt</td>", sent)


def test_the_report_refuses_a_figure_other_than_the_two_choices(client, running):
    unit, period, yes_no = running["unit"], running["period"], running["yes_no"]
    client.force_login(running["staff"])
    url = reverse("tracking:report", args=[unit.pk, period.pk])
    response = client.post(url, {f"value-{yes_no.pk}": "5", "submit": "1"})
    assert response.status_code == 200
    assert "Chọn “Đạt” hoặc “Không đạt”." in response.content.decode()
    assert not ResultReport.objects.exists()


def test_another_units_clerk_can_neither_read_nor_choose_for_it(client, running, make_member):
    campaign, unit, yes_no = running["campaign"], running["unit"], running["yes_no"]
    other = make_member("cb.khac", running["demo_units"]["ubnd-x-son-binh"])
    client.force_login(other)
    register = reverse("tracking:register", args=[unit.pk, campaign.pk])
    report = reverse("tracking:report", args=[unit.pk, running["period"].pk])
    assert client.get(register).status_code == 403
    assert client.post(register, {f"target-{yes_no.pk}": "1"}).status_code == 403
    assert client.post(report, {f"value-{yes_no.pk}": "1"}).status_code == 403
    assert not Registration.objects.exists() and not ResultReport.objects.exists()


def _sheet_rows(client, url: str) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url).content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_the_excel_lists_write_the_words(client, running):
    campaign, unit, yes_no, count = (
        running["campaign"],
        running["unit"],
        running["yes_no"],
        running["count"],
    )
    services.registration_submit(
        actor=running["staff"],
        campaign=campaign,
        unit=unit,
        targets={yes_no.pk: Decimal(0), count.pk: Decimal(120)},
    )
    services.report_save(
        actor=running["staff"],
        period=running["period"],
        unit=unit,
        values={yes_no.pk: (Decimal(1), ""), count.pk: (Decimal(130), "")},
        submit=True,
    )
    client.force_login(running["office"])
    rows = _sheet_rows(client, reverse("tracking:registrations_xlsx", args=[campaign.pk]))
    row = next(r for r in rows if r["Mã đơn vị"] == "ubnd-x-binh-lu")
    assert row["Cam kết: Có cổng dịch vụ công"] == "Không đạt"
    assert row["Cam kết: Hộ có nước sạch (hộ)"] == 120  # a number stays a number
    (row,) = _sheet_rows(client, reverse("tracking:reports_xlsx", args=[campaign.pk]))
    assert row["Kết quả: Có cổng dịch vụ công"] == "Đạt"
    assert row["Kết quả: Hộ có nước sạch (hộ)"] == 130
