"""Figures in a result report as Vietnamese write them: typed "1.234.567" (a dot between
the thousands, a comma before the decimals) and shown so on the pages that read them,
never 1234567. One parsing rule for the reports and the fund's amounts (decision 0079)."""

import datetime
import re
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from awards.money_forms import AmountField
from campaigns.models import ReportValue
from campaigns.results import services
from campaigns.results.forms import NumberField
from tests.factories import still_running
from units.models import Membership
from units.text import grouped_text, ungrouped

LOADED = re.compile(r'name="loaded" value="([^"]*)"')

pytestmark = pytest.mark.django_db


def test_one_rule_reads_vietnamese_grouping_for_reports_and_amounts():
    assert ungrouped("1.234.567") == "1234567"
    assert ungrouped(" 1 234 567,5 ") == "1234567.5"
    assert ungrouped("12,5") == "12.5"
    assert ungrouped("12.5") == "12.5"  # not thousands: read as typed
    number = NumberField()
    assert number.clean("1.234.567") == Decimal(1234567)
    assert number.clean("1.234.567,25") == Decimal("1234567.25")
    assert number.clean("12,5") == Decimal("12.5")
    amount = AmountField()
    assert amount.clean("50.000.000") == 50_000_000
    assert amount.clean("50 000 000") == 50_000_000
    for wrong in ("50.0", "1,5", "5tr", "50.000,5"):
        with pytest.raises(forms.ValidationError):
            amount.clean(wrong)
    assert grouped_text(Decimal("1234567.50")) == "1.234.567,5"
    assert grouped_text(Decimal("1000")) == "1.000"
    assert grouped_text(Decimal("85.50")) == "85,5"
    assert grouped_text(Decimal("-1234")) == "-1.234"


def test_a_unit_types_grouped_figures_and_every_page_shows_them_grouped(
    client, demo, demo_units, make_member
):
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member("cb.a", unit, Membership.Role.UNIT_STAFF)
    revenue = services.criterion_add(
        actor=office,
        campaign=campaign,
        name="Thu ngân sách",
        kind="numeric",
        measure="nghìn đồng",
        target=Decimal(1000000),
    )
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    client.force_login(staff)
    response = client.post(
        reverse("tracking:register", args=[unit.pk, campaign.pk]),
        {f"target-{revenue.pk}": "1.500.000", "submit": "1"},
    )
    assert response.status_code == 302
    url = reverse("tracking:report", args=[unit.pk, period.pk])
    form = client.get(url).content.decode()
    assert "đơn vị đăng ký 1.500.000" in form
    response = client.post(
        url,
        {f"value-{revenue.pk}": "1.234.567", f"evidence-{revenue.pk}": "Sổ thu", "submit": "1"},
    )
    assert response.status_code == 302
    assert ReportValue.objects.get(criterion=revenue).value == Decimal(1234567)

    page = client.get(url).content.decode()  # sent: the unit reads it
    assert "1.234.567 nghìn đồng" in page and "1234567" not in page

    client.force_login(office)
    results = client.get(reverse("tracking:campaign_results", args=[campaign.pk])).content.decode()
    assert "1.234.567 nghìn đồng" in results and "1234567" not in results
    criteria = client.get(reverse("tracking:criteria", args=[campaign.pk])).content.decode()
    assert "1.000.000" in criteria


INPUT = re.compile(r'<input type="text" name="(?:value|target)-(\d+)" value="([^"]*)"')


def _boxes(page: str) -> dict[int, str]:
    """What each figure's input box shows, by criterion id."""
    return {int(pk): value for pk, value in INPUT.findall(page)}


def test_a_saved_figure_is_shown_grouped_in_its_box_and_sent_back_as_it_is(
    client, demo, demo_units, make_member
):
    """The box of a saved figure reads "1.234.567" as the clerk typed it; sending the page
    back unchanged keeps the figure, and a colleague's save in between is still caught."""
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    clerk1 = make_member("cb.a1", unit, Membership.Role.UNIT_STAFF)
    clerk2 = make_member("cb.a2", unit, Membership.Role.UNIT_STAFF)
    revenue = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric", measure="nghìn đồng"
    )
    rate = services.criterion_add(actor=office, campaign=campaign, name="Tỷ lệ", kind="numeric")
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )

    register = reverse("tracking:register", args=[unit.pk, campaign.pk])
    client.force_login(clerk1)
    client.post(register, {f"target-{revenue.pk}": "1.500.000", f"target-{rate.pk}": "99,5"})
    page = client.get(register).content.decode()
    assert _boxes(page) == {revenue.pk: "1.500.000", rate.pk: "99,5"}

    url = reverse("tracking:report", args=[unit.pk, period.pk])
    client.post(url, {f"value-{revenue.pk}": "1234567,5", f"value-{rate.pk}": "12,5"})
    first = client.get(url).content.decode()
    boxes = _boxes(first)
    assert boxes == {revenue.pk: "1.234.567,5", rate.pk: "12,5"}
    loaded = LOADED.search(first).group(1)

    # the page sent back as it shows: the figures read as they were saved
    sent = {f"value-{pk}": value for pk, value in boxes.items()} | {"loaded": loaded}
    response = client.post(url, sent)
    assert response.status_code == 302
    assert ReportValue.objects.get(criterion=revenue).value == Decimal("1234567.5")

    # a colleague saves; the page opened before is refused, showing the new figure grouped
    opened = client.get(url).content.decode()
    client.force_login(clerk2)
    client.post(
        url,
        {"loaded": LOADED.search(opened).group(1), f"value-{revenue.pk}": "2.000.000"},
    )
    client.force_login(clerk1)
    refused = client.post(
        url, {"loaded": LOADED.search(opened).group(1), f"value-{revenue.pk}": "1.000"}
    )
    assert refused.status_code == 200 and "chưa lưu" in refused.content.decode()
    assert "Đã lưu: 2.000.000 nghìn đồng" in refused.content.decode()
    assert ReportValue.objects.get(criterion=revenue).value == Decimal(2000000)
