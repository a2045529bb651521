"""The rules of an award type are data the administrator types in the admin (decision
0072). Before, a vote threshold of -5 % was saved (every nomination would pass the
council), as were a quota of 150 %, an award that needs itself first, and a grantor
level "tinh" that no issuing body has (nobody could decide the award again)."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from awards.models import AwardType

pytestmark = pytest.mark.django_db


def award_form(award: AwardType, **changes) -> dict:
    data = {}
    for field, value in model_to_dict(award).items():
        if field == "id" or value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[field] = "on"
            continue
        if hasattr(value, "strftime"):
            value = value.strftime("%d/%m/%Y")
        data[field] = value
    data.update(changes)
    return data


@pytest.fixture
def award(db):
    return AwardType.objects.get(code="cstd-co-so")


def refused(admin_client, award, **changes) -> str:
    before = model_to_dict(award)
    url = reverse("admin:awards_awardtype_change", args=[award.pk])
    response = admin_client.post(url, award_form(award, **changes))
    assert response.status_code == 200, changes
    award.refresh_from_db()
    assert model_to_dict(award) == before
    form = response.context["adminform"].form
    return " ".join(str(e) for errs in form.errors.values() for e in errs)


@pytest.mark.parametrize("percent", ["-5", "150"])
def test_a_vote_threshold_is_a_percentage(admin_client, award, percent):
    assert "Tỷ lệ phiếu đồng ý cần đạt phải từ 0 đến 100 (%)." in refused(
        admin_client, award, vote_threshold_percent=percent
    )


def test_a_quota_is_a_percentage(admin_client, award):
    assert "Tỷ lệ tối đa phải từ 0 đến 100 (%)." in refused(
        admin_client, award, quota_percent="150"
    )


def test_an_award_is_not_its_own_condition(admin_client, award):
    errors = refused(admin_client, award, prerequisite=award.pk, quota_of=award.pk)
    assert "Chiến sĩ thi đua cơ sở không thể là điều kiện của chính nó." in errors
    assert "Tỷ lệ không thể tính so với chính Chiến sĩ thi đua cơ sở." in errors


def test_grantor_levels_are_levels_an_issuing_body_has(admin_client, award):
    errors = refused(admin_client, award, grantor_levels="commune, tinh")
    assert "Cấp không có: tinh. Dùng: province (tỉnh), district (huyện), commune (xã)." in errors


def test_good_rules_are_saved(admin_client, award):
    url = reverse("admin:awards_awardtype_change", args=[award.pk])
    data = award_form(award, vote_threshold_percent="70", quota_percent="15")
    data["grantor_levels"] = "province, commune"
    assert admin_client.post(url, data).status_code == 302
    award.refresh_from_db()
    assert award.vote_threshold_percent == 70 and award.quota_percent == 15


def test_a_second_award_of_the_same_name_in_force_is_refused(admin_client, award):
    """Before (decision 0072): a second "Chiến sĩ thi đua cơ sở" with another code was
    saved, and every picker listed two of them."""
    url = reverse("admin:awards_awardtype_add")
    data = award_form(award, code="cstd-co-so-2")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "Đã có “Chiến sĩ thi đua cơ sở” (mã cstd-co-so) áp dụng trong thời gian này" in str(
        form.errors
    )
    # a new version from the day the old one ends is the way to change it
    AwardType.objects.filter(pk=award.pk).update(effective_to="2025-06-30")
    data["effective_from"] = "01/07/2025"
    assert admin_client.post(url, data).status_code == 302


def test_reference_data_is_not_deleted(admin_client):
    from campaigns.models import DocumentType

    kind = DocumentType.objects.first()
    html = admin_client.get(reverse("admin:campaigns_documenttype_changelist")).content.decode()
    assert "delete_selected" not in html
    url = reverse("admin:campaigns_documenttype_delete", args=[kind.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert DocumentType.objects.filter(pk=kind.pk).exists()


# Review (decision 0075): 0070's rule on a collective's members came in beside 0072's
# checks and had none: 700 % (every dossier short) or the collective's own title as
# the one its members must hold were saved.


def test_the_members_rule_is_checked_as_the_others(admin_client):
    collective = AwardType.objects.get(code="tap-the-ldxs")
    assert "Tỷ lệ thành viên đạt tối thiểu phải từ 0 đến 100 (%)." in refused(
        admin_client, collective, members_share_percent="700"
    )
    said = refused(admin_client, collective, members_share_of=collective.pk)
    assert "Không chọn được chính “Tập thể lao động xuất sắc”" in said
    said = refused(admin_client, collective, members_need=collective.pk)
    assert "Không chọn được chính “Tập thể lao động xuất sắc”" in said
