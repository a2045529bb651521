"""A decision's symbol was taken as typed: "QĐ UBND/" was issued as "Quyết định số
01/QĐ UBND/", an immutable legal record, on the public pages and in the fund's ledger
(decision 0071). Decree 30: the type's abbreviation, a hyphen, the body's."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Decision

pytestmark = pytest.mark.django_db

MESSAGE = (
    "Ký hiệu quyết định là QĐ, dấu gạch nối rồi chữ viết tắt của cơ quan ban hành, không "
    "có dấu cách hay dấu /: ví dụ QĐ-UBND, QĐ-PNV."
)


@pytest.fixture
def stage(cycle):
    from tests.awards_stage import build_stage

    return build_stage(cycle)


def form_data(stage, symbol):
    return {
        "issuer": stage["district"].pk,
        "subject": "Về việc tặng Giấy khen",
        "symbol": symbol,
        "place": "Tam Đường",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Sùng Lữ Páo",
        "nominations": [stage["passed"].pk],
    }


@pytest.mark.parametrize("symbol", ["QĐ UBND/", "QĐ-UBND/", "01/QĐ-UBND", "QD-UBND", "UBND"])
def test_a_symbol_out_of_shape_is_refused_beside_its_field(client, stage, symbol):
    client.force_login(stage["office"])
    before = Decision.objects.count()
    response = client.post(reverse("awards:decision_create"), form_data(stage, symbol))
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert response.context["form"].errors["symbol"] == [MESSAGE]
    assert Decision.objects.count() == before


@pytest.mark.parametrize("symbol", ["QĐ-UBND", "QĐ-PNV", "QĐ-HĐTĐKT", " QĐ-UBND-VX "])
def test_a_symbol_in_shape_is_kept(client, stage, symbol):
    client.force_login(stage["office"])
    response = client.post(reverse("awards:decision_create"), form_data(stage, symbol))
    assert response.status_code == 302
    assert Decision.objects.latest("pk").symbol == symbol.strip()


def test_the_services_refuse_it_too(stage):
    with pytest.raises(ValidationError) as refused:
        services.decision_update(
            actor=stage["office"], decision=stage["decision"], symbol="QĐ UBND/"
        )
    assert refused.value.message_dict == {"symbol": [MESSAGE]}
    with pytest.raises(ValidationError):
        services.decision_draft(
            actor=stage["office"],
            issuer=stage["district"],
            subject="Về việc tặng Giấy khen",
            symbol="QĐ/UBND",
            nominations=[stage["passed"]],
        )
    stage["decision"].refresh_from_db()
    assert stage["decision"].symbol == "QĐ-UBND"


# Review (decision 0075): the admin's draft page and the issue itself bypassed the check.


def test_the_admin_refuses_it_on_a_draft_too(admin_client, stage):
    draft = stage["decision"]
    url = reverse("admin:awards_decision_change", args=[draft.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or isinstance(value, bool):
            continue
        data[name] = getattr(value, "pk", value)
    data["symbol"] = "QĐ UBND/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    draft.refresh_from_db()
    assert draft.symbol == "QĐ-UBND"


def test_a_draft_written_before_the_check_is_not_issued_with_it(client, stage):
    draft = stage["decision"]
    Decision.objects.filter(pk=draft.pk).update(symbol="QĐ UBND/")  # drafted before 0071
    client.force_login(stage["office"])
    response = client.post(reverse("awards:decision_issue", args=[draft.pk]), {})
    assert response.status_code == 200
    assert "QĐ UBND/" in response.content.decode() and MESSAGE in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Decision.Status.DRAFT and draft.number is None
