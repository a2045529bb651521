"""The Django admin's date fields say what is wrong with a date, in Vietnamese, as the
staff forms do (units.formfields.DayField): 31/02/2026 is written day/month/year, so
Django's "Nhập một ngày hợp lệ." left the administrator with nothing to correct."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from awards.models import AwardType
from tests.awards_stage import admin_form_data
from units.formfields import DayField

pytestmark = pytest.mark.django_db

IMPOSSIBLE = "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."
DJANGO = "Nhập một ngày hợp lệ."


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/02/2026", IMPOSSIBLE),
        ("2026/02/31", "Ghi ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/01/2026."),
    ],
)
def test_admin_date_field_says_what_is_wrong(client, admin_user, reference_data, typed, said):
    award = AwardType.objects.get(code="lao-dong-tien-tien")
    url = reverse("admin:awards_awardtype_change", args=[award.pk])
    client.force_login(admin_user)
    data = admin_form_data(client.get(url))
    data["effective_to"] = typed
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert said in html
    assert DJANGO not in html


def test_admin_date_time_field_says_what_is_wrong_with_its_day():
    from awards.admin import CouncilSessionAdmin
    from awards.models import CouncilSession

    form_field = CouncilSessionAdmin(CouncilSession, admin.site).formfield_for_dbfield(
        CouncilSession._meta.get_field("cancelled_at"), request=RequestFactory().get("/")
    )
    with pytest.raises(forms.ValidationError) as refused:
        form_field.clean(["31/02/2026", "10:00"])
    assert refused.value.messages == [IMPOSSIBLE]


def test_every_admin_date_field_is_a_day_field(admin_user):
    """Every date the admin's forms (and their inlines) take is read by DayField."""
    request = RequestFactory().get("/")
    request.user = admin_user
    seen = 0
    for model, model_admin in admin.site._registry.items():
        inlines = [inline(model, admin.site) for inline in model_admin.inlines]
        for form in [model_admin.get_form(request)] + [
            i.get_formset(request).form for i in inlines
        ]:
            for name, field in form.base_fields.items():
                if isinstance(field, forms.SplitDateTimeField):
                    field = field.fields[0]
                if isinstance(field, forms.DateField):
                    seen += 1
                    assert isinstance(field, DayField), f"{model.__name__}.{name}"
    assert seen >= 15


def test_admin_date_times_read_day_and_minute_and_keep_their_seconds(client, admin_user):
    """The admin's date-times ("Ngày tham gia", a decision's "Lưu trữ lúc"...) read
    "07:19:21" beside the day (decision 0027, explore3): they read dd/mm/yyyy and HH:MM,
    as everywhere else. A form saved unchanged keeps the seconds it had (the minute shown
    is not written back over the time); a new time is taken as typed."""
    import datetime
    import re
    import zoneinfo

    from django.contrib.auth import get_user_model

    hanoi = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    joined = datetime.datetime(2026, 3, 5, 7, 19, 21, 654321, tzinfo=hanoi)
    user = get_user_model().objects.create_user("cb.thu", date_joined=joined)
    url = reverse("admin:auth_user_change", args=[user.pk])
    client.force_login(admin_user)
    response = client.get(url)
    html = response.content.decode()
    shown = dict(re.findall(r'name="(date_joined_[01])" value="([^"]*)"', html))
    assert shown == {"date_joined_0": "05/03/2026", "date_joined_1": "07:19"}
    assert not re.search(r'type="text"[^>]*value="\d\d:\d\d:\d\d', html)

    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    data = {k: v for k, v in admin_form_data(response).items() if "date_joined" not in k}
    data.update({k: v for k, v in hidden.items() if k != "csrfmiddlewaretoken"})
    data.update(shown)
    data.pop("password", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.date_joined == joined

    data.update({"date_joined_1": "08:05"})
    client.post(url, data)
    user.refresh_from_db()
    assert user.date_joined == datetime.datetime(2026, 3, 5, 8, 5, tzinfo=hanoi)

    data.update({"date_joined_0": "31/02/2026"})
    assert IMPOSSIBLE in client.post(url, data).content.decode()
