"""Figures in a result report as Vietnamese write them: typed "1.234.567" (a dot between
the thousands, a comma before the decimals) and shown so on the pages that read them,
never 1234567. One parsing rule for the reports and the fund's amounts (decision 0079)."""

import datetime
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
