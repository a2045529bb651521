"""Số tiền as a clerk types it. The amount was an <input type="number">: typed
"50.000.000" in Chrome (Vietnamese, "." read as the decimal point) it sent "50.000000",
which Django's IntegerField read as 50, and the ledger said "Dự toán được giao: 50 đồng"
for good; "5tr" went as "5" (decision 0071)."""

import datetime

import pytest
from django.urls import reverse

from awards import money
from awards.money_forms import FundEntryForm
from awards.money_models import Fund

pytestmark = pytest.mark.django_db


def form(amount):
    return FundEntryForm(
        {"kind": "budget", "amount": amount, "on": "15/01/2025", "description": "Dự toán"},
        year=2025,
    )


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("50000000", 50_000_000),
        ("50.000.000", 50_000_000),
        ("50 000 000", 50_000_000),
        ("1.500.000\u00a0", 1_500_000),
        ("750.000", 750_000),
    ],
)
def test_an_amount_with_or_without_thousands_dots_is_read_whole(typed, amount):
    f = form(typed)
    assert f.is_valid(), f.errors
    assert f.cleaned_data["amount"] == amount


@pytest.mark.parametrize(
    "typed", ["50.000000", "50.0", "5tr", "5 triệu", "1,5", "50,000,000", "1.5"]
)
def test_an_amount_that_could_be_read_two_ways_is_refused(typed):
    f = form(typed)
    assert not f.is_valid()
    assert f.errors["amount"] == [
        "Ghi số tiền bằng chữ số, có thể có dấu chấm ngăn cách hàng nghìn, "
        "ví dụ 50000000 hoặc 50.000.000."
    ]


def test_the_field_is_text_so_the_browser_sends_what_was_typed():
    html = str(form("")["amount"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html


def test_the_ledger_gets_fifty_million(client, cycle):
    money.fund_open(actor=cycle["office"], issuer=cycle["district"], year=2025)
    fund = Fund.objects.get(issuer=cycle["district"], year=2025)
    client.force_login(cycle["office"])
    url = reverse("awards:fund_detail", args=[fund.pk])
    client.post(
        url,
        {"kind": "budget", "amount": "50.000.000", "on": "15/01/2025", "description": "Dự toán"},
    )
    assert [e.amount for e in fund.entries.all()] == [50_000_000]
    assert fund.entries.get().on == datetime.date(2025, 1, 15)


def test_the_base_salary_in_the_admin_is_read_the_same_way(rf, admin_user):
    from django.contrib import admin

    from awards.money_models import BaseSalary

    request = rf.get("/")
    request.user = admin_user
    Form = admin.site._registry[BaseSalary].get_form(request)
    f = Form({"effective_from": "01/07/2027", "amount": "2.000.000", "legal_basis": "NĐ x"})
    assert f.is_valid(), f.errors
    assert f.cleaned_data["amount"] == 2_000_000
    assert not Form({"effective_from": "01/07/2027", "amount": "2.000000"}).is_valid()


def test_a_decrees_rounding_unit_in_the_admin_is_read_the_same_way(rf, admin_user):
    """Review (decision 0075): "10.000" đồng in the decree's "làm tròn đến" was read as 10
    (Django drops a ".000" tail), and every reward computed under it rounded to 10 đồng."""
    from django.contrib import admin

    from awards.money_models import RewardDecree

    request = rf.get("/")
    request.user = admin_user
    Form = admin.site._registry[RewardDecree].get_form(request)
    data = {
        "code": "nd-moi",
        "name": "Nghị định mới",
        "effective_from": "01/07/2027",
        "rounding_unit": "10.000",
        "rounding": "up",
    }
    f = Form(data)
    assert f.is_valid(), f.errors
    assert f.cleaned_data["rounding_unit"] == 10_000
    assert not Form({**data, "rounding_unit": "10.000000"}).is_valid()
