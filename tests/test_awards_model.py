"""Award types come preloaded from the law; nominations hold exactly one nominee."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards.models import AwardType, Nomination
from units.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name,kind,recipient,multiple",
    [
        ("Chiến sĩ thi đua toàn quốc", "title", "individual", Decimal("4.5")),
        ("Chiến sĩ thi đua cấp bộ, ngành, tỉnh", "title", "individual", Decimal("3.0")),
        ("Chiến sĩ thi đua cơ sở", "title", "individual", Decimal("1.0")),
        ("Lao động tiên tiến", "title", "individual", Decimal("0.3")),
        ("Tập thể lao động xuất sắc", "title", "collective", Decimal("1.5")),
        ("Tập thể lao động tiên tiến", "title", "collective", Decimal("0.8")),
        ("Cờ thi đua của Chính phủ", "title", "collective", Decimal("12.0")),
        ("Gia đình văn hóa", "title", "household", None),
        ("Bằng khen của Chủ tịch UBND tỉnh (tập thể)", "commendation", "collective", None),
        ("Giấy khen của Chủ tịch UBND cấp xã (cá nhân)", "commendation", "individual", None),
    ],
)
def test_award_types_are_preloaded(name, kind, recipient, multiple):
    award = AwardType.objects.get(name=name)
    assert (award.kind, award.recipient_kind, award.reward_multiple) == (kind, recipient, multiple)
    assert "06/2022/QH15" in award.legal_basis


def test_award_type_values_stay_editable(client, admin_user, cycle):
    """An admin changes a reward multiple in the admin and the next decision's annex
    reads the new value; a negative one is refused beside the field. Since issue 13 the
    multiples are kept per decree (awards.RewardMultiple): the row of the decree in force
    is the one that counts."""
    from awards import money, pdf, services
    from awards.models import RewardMultiple
    from tests.awards_stage import admin_form_data
    from tests.factories import passed_nominations

    award = AwardType.objects.get(code="lao-dong-tien-tien")
    row = RewardMultiple.objects.get(
        award_type=award, decree=money.decree_on(datetime.date.today())
    )
    url = reverse("admin:awards_rewardmultiple_change", args=[row.pk])
    client.force_login(admin_user)
    data = admin_form_data(client.get(url))
    response = client.post(url, {**data, "multiple": "-1"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    response = client.post(url, {**data, "multiple": "0.35"})
    assert response.status_code == 302
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Khen thưởng",
        nominations=passed_nominations(cycle, 1),
    )
    rows = pdf.decision_rows(decision)
    assert [row["multiple"] for row in rows] == [Decimal("0.35")]
    # a draft is dated today: base salary 2,530,000 (Nghị định 161/2026, from 01/7/2026)
    assert [row["amount"] for row in rows] == [890_000]  # 0.35 × 2,530,000 = 885,500 ↑


def test_nomination_needs_exactly_one_nominee_and_a_campaign_or_year(demo):
    unit = Unit.objects.get(code="ubnd-p-tan-phong")
    person = Person.objects.get(full_name="Lò Thị Mai")
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            award_type=ldtt,
            nominee_person=person,
            nominee_unit=unit,
            nominating_unit=unit,
            year=2024,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(award_type=ldtt, nominee_person=person, nominating_unit=unit)
    ok = Nomination.objects.create(
        award_type=ldtt, nominee_person=person, nominating_unit=unit, campaign=demo["002"]
    )
    assert ok.nominee_name == "Lò Thị Mai" and ok.status == Nomination.Status.DRAFT
    assert ok.history.count() == 1


def test_nomination_award_must_fit_the_nominee():
    unit = Unit.objects.create(code="x", name="UBND xã X", kind="ubnd", level="commune")
    nomination = Nomination(
        award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
        nominee_unit=unit,
        nominating_unit=unit,
        year=2024,
    )
    with pytest.raises(ValidationError) as exc:
        nomination.full_clean()
    assert "“Lao động tiên tiến” dành cho cá nhân, không dành cho tập thể." in str(exc.value)
