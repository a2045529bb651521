"""Leftovers of amending decisions (decision 0085): a revoked honouree is not struck off
again, nor revoked under an open amending draft; a chain of amendments is shown whole,
in a fixed number of queries; an amending decision prints only the certificates it
changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import AwardGrant
from awards.money_models import FundEntry, GrantRevocation
from tests.test_decision_amend import issued, line_of  # noqa: F401 (fixture)
from tests.test_review_forward_amend import _revoke, _revoke_unseen, _strike

pytestmark = pytest.mark.django_db


def _line_post(line: AwardGrant, **changes) -> dict:
    return {
        "printed_name": line.awardee_name,
        "printed_position": line.awardee_position,
        "awardee_unit": line.awardee_unit_id,
        "award_type": line.award_type_id,
        "reward_amount": "",
        **changes,
    }


# 1. Striking a revoked honouree; revoking what a draft restates ----------------------


def test_striking_a_line_whose_grant_was_revoked_is_refused_beside_the_line(
    client,
    cycle,
    issued,  # noqa: F811
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 02")
    _revoke_unseen(office, draft, line.replaces)
    client.force_login(office)

    # the draft's page says it beside the line
    page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
    assert (
        "data-line-problem>Khen thưởng của Lò Văn 02 đã bị thu hồi theo Quyết định số 15/QĐ-UBND"
        in page
    )
    assert page.count("data-line-problem") == 1  # Lò Văn 01's line says nothing

    response = client.post(
        reverse("awards:amendment_line", args=[draft.pk, line.pk]), _line_post(line, struck="on")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "Khen thưởng của Lò Văn 02 đã bị thu hồi" in form.errors["struck"][0]
    assert "rút dự thảo và lập lại" in form.errors["struck"][0]
    assert 'field--error"' in response.content.decode()
    line.refresh_from_db()
    assert line.struck is False  # nothing written
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        _strike(office, line)
    assert not AwardGrant.objects.filter(decision=draft, struck=True).exists()


def test_revoking_a_grant_an_open_amending_draft_restates_or_strikes_is_refused(
    client,
    cycle,
    issued,  # noqa: F811
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    restated = line_of(draft, "Lò Văn 01").replaces
    struck = _strike(office, line_of(draft, "Lò Văn 02"))
    entries = FundEntry.objects.count()

    with pytest.raises(ValidationError, match=f"đang được chép lại trong dự thảo .*#{draft.pk}"):
        _revoke(office, restated)
    with pytest.raises(ValidationError, match="đang được bãi bỏ trong dự thảo"):
        _revoke(office, struck.replaces)
    client.force_login(office)
    response = client.post(
        reverse("awards:grant_revoke", args=[issued.pk, restated.pk]),
        {"reason": "Kỷ luật", "document_number": "15/QĐ-UBND", "document_date": "01/01/2026"},
        follow=True,
    )
    assert "rút dự thảo đó rồi thu hồi" in response.content.decode()
    assert not GrantRevocation.objects.exists() and FundEntry.objects.count() == entries

    # once the draft is withdrawn, the grant is revoked on the decision in force
    services.decision_withdraw(actor=office, decision=draft, reason="Thu hồi trước")
    _revoke(office, restated)
    assert GrantRevocation.objects.get().grant == restated
