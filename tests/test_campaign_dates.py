"""Every date a user types on a campaign's pages names a day that does not exist as such.

31/02/2026 is written day/month/year, so "Nhập một ngày hợp lệ." leaves the user who did
so with nothing to correct; the session, issue, fund and deadline forms already say which
day the month lacks (units.formfields.DayField)."""

import inspect

import pytest
from django import forms
from django.urls import reverse

from campaigns import forms_staff
from campaigns.results import forms as results_forms
from units.formfields import DayField
from units.models import Membership

pytestmark = pytest.mark.django_db

MESSAGE = "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."


@pytest.fixture
def office_client(client, make_member, demo_units):
    user = make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    return client


def _form_data(response) -> dict:
    data = {}
    forms_ = [response.context["form"]]
    for formset, _, prefix in response.context["formsets"]:
        data[f"{prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        data[f"{prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        forms_ += formset.forms
    for form in forms_:
        for name in form.fields:
            value = form[name].value()
            if value in (None, False, ""):
                continue
            if hasattr(value, "strftime"):
                value = value.strftime("%d/%m/%Y")
            data[form.add_prefix(name)] = value
    return data


@pytest.mark.parametrize("field", ["issued_on", "start_date", "end_date"])
def test_campaign_editor_names_a_day_that_does_not_exist(office_client, field):
    url = reverse("staff:campaign_create")
    data = _form_data(office_client.get(url))
    data.update({"subject": "Phát động thi đua", "kind": "regular", field: "31/02/2026"})
    response = office_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert MESSAGE in html
    assert "Nhập một ngày hợp lệ." not in html


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (forms_staff.AnniversaryForm, "start_date"),
        (forms_staff.AnniversaryForm, "end_date"),
        (forms_staff.ReferenceForm, "issued_on"),
        (results_forms.PeriodForm, "due_on"),
    ],
)
def test_campaign_part_forms_name_a_day_that_does_not_exist(form_class, field):
    form = form_class(data={field: "31/02/2026"})
    assert not form.is_valid()
    assert form.errors[field] == [MESSAGE]


def test_no_form_takes_a_typed_date_without_naming_an_impossible_day():
    """A new form with a plain DateField would bring Django's bare message back."""
    plain = []
    for module in (forms_staff, results_forms):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm):
                continue
            for field_name, field in getattr(cls, "base_fields", {}).items():
                if isinstance(field, forms.DateField) and not isinstance(
                    field, (DayField, forms.DateTimeField)
                ):
                    plain.append(f"{name}.{field_name}")
    assert plain == []
