"""Malformed and out-of-range values, as a logged-in user's browser (or a hand-edited
request) would send them, to every results-tracking form: never a 500, a Vietnamese
message where the user is looking, and nothing written."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.results import services
from campaigns.results.models import (
    Bloc,
    BlocScore,
    Criterion,
    Registration,
    ReportPeriod,
    ResultReport,
)
from tests.conftest import new_member
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db

BAD_NUMBERS = ["abc", "1e999999", "-5", "²", "NaN", "Infinity", "9" * 40, "1,2,3"]
BAD_IDS = ["abc", "²", "-1", "1.5", "9" * 30, ""]
BAD_DATES = ["01/01/0001", "31/02/2026", "32/13/2026", "abc", "1/1/99999"]


def _world(demo, demo_units, make_member):
    campaign = demo["000"]
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    staff_a = make_member("cb.a", a, Membership.Role.UNIT_STAFF)
    criterion = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric", target=Decimal(1)
    )
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="final",
        due_on=timezone.localdate() + datetime.timedelta(days=9),
    )
    bloc = services.bloc_create(
        actor=office, issuer=campaign.issuer, year=2025, name="Khối xã", head=a, members=[b]
    )
    return locals()


def _built() -> dict:
    data = built_demo()
    return {**data, "world": _world(data["demo"], data["demo_units"], new_member)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)


def _counts():
    return (
        Criterion.objects.count(),
        ReportPeriod.objects.count(),
        Registration.objects.count(),
        ResultReport.objects.count(),
        BlocScore.objects.count(),
        Bloc.objects.count(),
    )


def _refused(response, before):
    assert response.status_code < 500, response.content[:500]
    assert _counts() == before
    return response.content.decode()


def test_criterion_numbers(client, world):
    for value in BAD_NUMBERS:
        client.force_login(world["office"])
        before = _counts()
        for field in ("c-target", "c-max_points", "c-weight"):
            data = {"criterion": "1", "c-name": "X", "c-kind": "points", "c-weight": "1"}
            data.setdefault("c-max_points", "10")
            data[field] = value
            response = client.post(reverse("tracking:criteria", args=[world["campaign"].pk]), data)
            html = _refused(response, before)
            assert "Chưa lưu" in html or "field--error" in html


def test_criterion_negative_values_are_refused_beside_the_field(client, world):
    client.force_login(world["office"])
    before = _counts()
    url = reverse("tracking:criteria", args=[world["campaign"].pk])
    html = _refused(
        client.post(
            url,
            {"criterion": "1", "c-name": "X", "c-kind": "points", "c-max_points": "-10"},
        ),
        before,
    )
    assert "Số không được nhỏ hơn 0.01." in html
    html = _refused(
        client.post(url, {"criterion": "1", "c-name": "Y", "c-kind": "numeric", "c-target": "-5"}),
        before,
    )
    assert "Số không được nhỏ hơn 0." in html


def test_dates(client, world):
    for value in BAD_DATES:
        client.force_login(world["office"])
        url = reverse("tracking:criteria", args=[world["campaign"].pk])
        before = _counts()
        deadline = world["campaign"].registration_deadline
        html = _refused(client.post(url, {"deadline": value}), before)
        world["campaign"].refresh_from_db()
        assert world["campaign"].registration_deadline == deadline
        assert "field--error" in html
        _refused(client.post(url, {"period": "1", "p-kind": "final", "p-due_on": value}), before)


def test_the_year_0001_deadline_says_why(client, world):
    client.force_login(world["office"])
    url = reverse("tracking:criteria", args=[world["campaign"].pk])
    html = client.post(url, {"deadline": "01/01/0001"}).content.decode()
    assert "năm phải từ 2000 đến 2100" in html


def test_registration_and_report_numbers(client, world):
    campaign = world["campaign"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=30)  # still running
    campaign.save()
    for value in BAD_NUMBERS:
        client.force_login(world["staff_a"])
        before = _counts()
        c = world["criterion"].pk
        register = reverse("tracking:register", args=[world["a"].pk, world["campaign"].pk])
        html = _refused(client.post(register, {f"target-{c}": value}), before)
        assert "field--error" in html
        report = reverse("tracking:report", args=[world["a"].pk, world["period"].pk])
        html = _refused(client.post(report, {f"value-{c}": value, "submit": "1"}), before)
        assert "field--error" in html


def test_scores(client, world):
    for value in BAD_NUMBERS:
        client.force_login(world["staff_a"])  # head of the bloc
        before = _counts()
        url = reverse("tracking:scores", args=[world["bloc"].pk, world["campaign"].pk])
        for name in (f"self-{world['a'].pk}", f"agreed-{world['b'].pk}"):
            html = _refused(client.post(url, {name: value}), before)
            assert "Chưa lưu" in html


def test_bloc_form_ids(client, world):
    for value in BAD_IDS:
        client.force_login(world["office"])
        before = _counts()
        base = {
            "issuer": world["campaign"].issuer.pk,
            "year": "2026",
            "name": "Khối mới",
            "head": world["a"].pk,
            "members": [world["a"].pk],
        }
        for field in ("issuer", "head", "members", "year"):
            _refused(client.post(reverse("tracking:blocs"), {**base, field: value}), before)


def test_returning_a_report_with_a_bad_id(client, world):
    for value in BAD_IDS:
        client.force_login(world["office"])
        before = _counts()
        url = reverse("tracking:campaign_results", args=[world["campaign"].pk])
        response = client.post(url, {"report": value, "reason": "Thiếu"}, follow=True)
        assert response.status_code == 200 and _counts() == before
        assert "Báo cáo không còn chờ xử lý" in response.content.decode() or value == ""


def test_ranking_form_values(client, world):
    for value in ["abc", "²", "-1", "9" * 30]:
        client.force_login(world["office"])
        url = reverse("awards:campaign_awards", args=[world["campaign"].pk])
        for field in ("bloc", "award_type", "top"):
            data = {"from_ranking": "1", "bloc": world["bloc"].pk, "award_type": "1", "top": "1"}
            data[field] = value
            response = client.post(url, data, follow=True)
            assert response.status_code == 200
        from awards.models import Nomination

        assert not Nomination.objects.exists()


def test_bad_query_parameters(client, world):
    client.force_login(world["staff_a"])
    for query in ("?trang=abc", "?trang=²", "?trang=-1", "?trang=99999999999999999999"):
        assert client.get(reverse("tracking:unit_campaigns") + query).status_code < 500
    client.force_login(world["office"])
    url = reverse("tracking:campaign_results", args=[world["campaign"].pk])
    assert client.get(url + "?xuat=abc").status_code == 200


@pytest.mark.parametrize(
    "typed,read",
    [
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.000", Decimal("1000")),
        ("1.000.000,25", Decimal("1000000.25")),
        (" 1 200 ", Decimal("1200")),
        ("0", Decimal("0")),
    ],
)
def test_numbers_as_clerks_type_them(typed, read):
    from campaigns.results.forms import NumberField

    assert NumberField().clean(typed) == read


@pytest.mark.parametrize("typed", ["١٢", "1_000", "12,5,1", "1e999999", "NaN", "abc"])
def test_numbers_clerks_do_not_type(typed):
    from django import forms

    from campaigns.results.forms import NumberField

    with pytest.raises(forms.ValidationError):
        NumberField().clean(typed)


def test_registration_refused_once_the_campaign_has_ended(client, world):
    """Nobody closed the campaign, but its end date has passed: a typed-in POST is
    refused with a Vietnamese message and nothing is registered."""
    campaign = world["campaign"]
    campaign.end_date = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    client.force_login(world["staff_a"])
    url = reverse("tracking:register", args=[world["a"].pk, campaign.pk])
    response = client.post(url, {f"target-{world['criterion'].pk}": "5"}, follow=True)
    assert response.status_code == 200
    assert "Phong trào đã kết thúc ngày" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_bloc_year_out_of_range_is_said_plainly(client, world):
    """ "25" for 2025 read "Đảm bảo giá trị này lớn hơn hoặc bằng với 2000 ." (Django's
    wording, a space before its full stop); any number out of a field's range did."""
    from django.utils import translation

    client.force_login(world["office"])
    base = {
        "issuer": world["campaign"].issuer.pk,
        "name": "Khối mới",
        "head": world["a"].pk,
        "members": [world["a"].pk],
    }
    for year in ("25", "1999", "2101"):
        html = _refused(client.post(reverse("tracking:blocs"), {**base, "year": year}), _counts())
        assert "Năm phải từ 2000 đến 2100, ví dụ 2026." in html, year
    with translation.override("vi"):
        low = translation.gettext("Ensure this value is greater than or equal to %(limit_value)s.")
        high = translation.gettext("Ensure this value is less than or equal to %(limit_value)s.")
    assert (low % {"limit_value": 0}, high % {"limit_value": 100}) == (
        "Giá trị phải từ 0 trở lên.",
        "Giá trị không được lớn hơn 100.",
    )


def test_a_refused_bloc_says_so_at_the_top_of_its_form(client, world):
    """Like the nomination form (decision 0033, fix5): the error beside the field and one
    line at the top saying nothing was saved."""
    client.force_login(world["office"])
    data = {
        "issuer": world["campaign"].issuer.pk,
        "name": "",
        "year": "2026",
        "head": world["a"].pk,
        "members": [world["a"].pk],
    }
    html = _refused(client.post(reverse("tracking:blocs"), data), _counts())
    assert html.count("Chưa lưu: xem lỗi ở từng ô bên dưới.") == 1


def test_a_bloc_score_above_the_scale_is_refused_beside_it_and_nothing_is_saved(client, world):
    """Decision 0076: "900" typed for "90" as an agreed score was kept and ranked first.
    A bloc's scores are on a 100-point scale (BLOC_SCORE_MAX): above it, or below 0, the
    field says so and no score of the form is written, not even the right ones."""
    client.force_login(world["staff_a"])  # head of the bloc
    before = _counts()
    url = reverse("tracking:scores", args=[world["bloc"].pk, world["campaign"].pk])
    a, b = world["a"].pk, world["b"].pk
    for wrong, message in (("900", "Điểm không được lớn hơn 100"), ("-1", "không được âm")):
        data = {f"self-{a}": "85", f"agreed-{a}": "90", f"agreed-{b}": wrong}
        html = _refused(client.post(url, data), before)
        assert "Chưa lưu" in html
        assert message in html
        assert html.index(message) > html.index(f'name="agreed-{b}"')  # beside the field

    # the service refuses it too, all or nothing, whoever calls it
    with pytest.raises(services.ValidationError, match="100"):
        services.scores_enter(
            actor=world["staff_a"],
            campaign=world["campaign"],
            bloc=world["bloc"],
            entries=[
                (world["a"], BlocScore.Kind.AGREED, Decimal(90)),
                (world["b"], BlocScore.Kind.AGREED, Decimal(900)),
            ],
        )
    assert _counts() == before

    # the top of the scale is kept
    client.post(url, {f"agreed-{a}": "100", f"agreed-{b}": "90"})
    assert BlocScore.objects.get(unit_id=a, kind="agreed").points == 100
