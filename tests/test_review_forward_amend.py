"""Review of decisions 0077-0079 (decision 0082): where forwarding, amending decisions,
revocations and the frozen minutes meet each other."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards import money, services
from awards.models import AwardGrant, Decision, Nomination
from awards.money_models import FundEntry, GrantRevocation
from tests.factories import nominate
from tests.test_decision_amend import issued, line_of  # noqa: F401 (fixture)
from tests.test_nomination_forward import stage, voted_beyond  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _revoke(office, grant: AwardGrant) -> GrantRevocation:
    return money.grant_revoke(
        actor=office,
        grant=grant,
        reason="Kỷ luật",
        document_number="15/QĐ-UBND",
        document_date=timezone.localdate(),
    )


def _edit(office, line: AwardGrant, **changes) -> AwardGrant:
    """The line as the clerk saves it from "Sửa dòng", its award and unit unchanged."""
    return services.amendment_line_update(
        actor=office,
        line=line,
        award_type=line.award_type,
        awardee_unit=line.awardee_unit,
        **changes,
    )


def _rename(office, line: AwardGrant, name: str) -> AwardGrant:
    return _edit(office, line, printed_name=name)


def _strike(office, line: AwardGrant) -> AwardGrant:
    return _edit(office, line, struck=True)


def _revoke_unseen(office, draft: Decision, grant: AwardGrant) -> GrantRevocation:
    """A revocation made as if the draft were not there: a revocation of before decision
    0085 (which refuses it while a draft restates the grant), or one racing the draft's
    making. The draft is hidden by its status for the moment of the revocation."""
    Decision.objects.filter(pk=draft.pk).update(status=Decision.Status.WITHDRAWN)
    try:
        return _revoke(office, grant)
    finally:
        Decision.objects.filter(pk=draft.pk).update(status=Decision.Status.DRAFT)


def test_a_grant_revoked_after_the_amending_draft_was_made_is_not_brought_back(cycle, issued):  # noqa: F811
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    _rename(office, line_of(draft, "Lò Văn 01"), "Lò Văn Một")
    # meanwhile Lò Văn 02 is revoked on the decision still in force
    _revoke_unseen(
        office, draft, AwardGrant.objects.get(decision=issued, person__full_name="Lò Văn 02")
    )
    paid = -money.fund_balance(cycle["district"], issued.year)

    with pytest.raises(ValidationError) as refused:
        services.decision_issue(actor=office, decision=draft)
    assert "Lò Văn 02 đã bị thu hồi" in str(refused.value)
    assert "rút dự thảo và lập lại" in str(refused.value)
    draft.refresh_from_db()
    assert draft.status == Decision.Status.DRAFT and draft.number is None
    assert not AwardGrant.objects.in_force().filter(person__full_name="Lò Văn 02").exists()
    assert -money.fund_balance(cycle["district"], issued.year) == paid  # nobody paid again

    # struck off or not, the draft does not issue (decision 0085); made again, it does,
    # without the revoked honouree, who stays out, paid once
    services.decision_withdraw(actor=office, decision=draft, reason="Lập lại")
    again = services.decision_amend(actor=office, decision=issued)
    assert [g.awardee_name for g in again.grants.all()] == ["Lò Văn 01"]
    _rename(office, line_of(again, "Lò Văn 01"), "Lò Văn Một")
    services.decision_issue(actor=office, decision=again)
    assert sorted(g.awardee_name for g in AwardGrant.objects.in_force()) == ["Lò Văn Một"]
    assert -money.fund_balance(cycle["district"], issued.year) == paid


def test_a_drafts_line_or_a_struck_line_is_not_revoked(client, cycle, issued):  # noqa: F811
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 02")
    with pytest.raises(ValidationError, match="dự thảo"):
        _revoke(office, line)
    client.force_login(office)
    client.post(
        reverse("awards:grant_revoke", args=[draft.pk, line.pk]),
        {"reason": "x", "document_number": "15/QĐ-UBND", "document_date": "01/01/2026"},
    )
    assert not GrantRevocation.objects.exists()

    _strike(office, line)
    _rename(office, line_of(draft, "Lò Văn 01"), "Lò Văn Một")
    services.decision_issue(actor=office, decision=draft)
    before = FundEntry.objects.count()
    with pytest.raises(ValidationError, match="bãi bỏ"):
        _revoke(office, AwardGrant.objects.get(pk=line.pk))
    assert not GrantRevocation.objects.exists() and FundEntry.objects.count() == before


def test_a_forwarded_dossier_decided_by_the_province_then_amended(client, stage):  # noqa: F811
    n = voted_beyond(stage)
    services.nomination_forward(actor=stage["office"], nomination=n)
    office = stage["province_office"]
    services.nomination_appraise(
        actor=office, nomination=Nomination.objects.get(pk=n.pk), result="eligible"
    )
    Nomination.objects.filter(pk=n.pk).update(status=Nomination.Status.PASSED)
    decision = services.decision_draft(
        actor=office, issuer=stage["province"], subject="Về việc tặng Bằng khen", nominations=[n]
    )
    services.decision_issue(actor=office, decision=decision, issued_on=timezone.localdate())
    draft = services.decision_amend(actor=office, decision=decision)
    line = draft.grants.get()

    # the district's office neither reads nor edits the province's amending draft
    client.force_login(stage["office"])
    assert client.get(reverse("awards:decision_detail", args=[draft.pk])).status_code == 404
    url = reverse("awards:amendment_line", args=[draft.pk, line.pk])
    assert client.post(url, {"printed_name": "X"}).status_code == 404
    assert client.post(reverse("awards:decision_amend", args=[decision.pk])).status_code == 404

    _rename(office, line, "Lò Văn Bình Xét Tỉnh (đính chính)")
    services.decision_issue(actor=office, decision=draft)
    draft.refresh_from_db()
    n.refresh_from_db()
    assert n.grant.decision == draft  # the dossier's grant in force is the amending line
    # the district, and the commune that nominated, read on the dossier that it was amended
    for user in (stage["office"], stage["staff"]):
        client.force_login(user)
        page = client.get(reverse("awards:nomination_detail", args=[n.pk])).content.decode()
        assert f"Đã được sửa đổi, bổ sung bởi Quyết định số {draft.number_symbol}" in page
        assert reverse("awards_public:decision_detail", args=[draft.pk]) in page


def test_an_amending_draft_does_not_take_a_nomination_for_an_honouree_it_restates(cycle, issued):  # noqa: F811
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    held = AwardGrant.objects.get(decision=issued, person__full_name="Lò Văn 01")
    again = nominate(cycle, person=held.person, year=2024)  # the title is held in 2025
    Nomination.objects.filter(pk=again.pk).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"], year=held.year
    )
    with pytest.raises(ValidationError, match="Lò Văn 01 đã có trong danh sách"):
        services.decision_update(actor=office, decision=draft, nominations=[again])
    assert not Nomination.objects.filter(pk=again.pk, decision=draft).exists()

    # struck off, the line no longer holds the place: the new dossier may replace it
    line = line_of(draft, "Lò Văn 01")
    _strike(office, line)
    services.decision_update(actor=office, decision=draft, nominations=[again])
    services.decision_issue(actor=office, decision=draft)
    assert AwardGrant.objects.in_force().filter(person=held.person).count() == 1


def test_an_amending_line_names_a_unit_of_the_issuing_body_only(
    client,
    cycle,
    issued,  # noqa: F811
    demo_units,
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 01")
    elsewhere = demo_units["ubnd-tan-uyen"]  # another district's: its honour roll, its figures
    with pytest.raises(ValidationError, match="không thuộc"):
        services.amendment_line_update(
            actor=office, line=line, award_type=line.award_type, awardee_unit=elsewhere
        )
    client.force_login(office)
    url = reverse("awards:amendment_line", args=[draft.pk, line.pk])
    assert f'value="{elsewhere.pk}">{elsewhere.name}<' not in client.get(url).content.decode()
    client.post(
        url,
        {
            "printed_name": "Lò Văn 01",
            "awardee_unit": elsewhere.pk,
            "award_type": line.award_type_id,
        },
    )
    line.refresh_from_db()
    assert line.awardee_unit_id != elsewhere.pk


def test_an_amending_decision_counts_its_honourees_on_the_dashboard_and_in_the_export(
    client,
    cycle,
    issued,  # noqa: F811
):
    import io

    import openpyxl

    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    client.force_login(office)
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert f"{cycle['district'].name}, 2 hồ sơ" in dashboard

    _rename(office, line_of(draft, "Lò Văn 01"), "Lò Văn Một")
    services.decision_issue(actor=office, decision=draft)
    response = client.get(reverse("awards:decision_list"), {"xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Số đối tượng")
    counts = {row[0]: row[column] for row in rows[1:]}
    assert counts[draft.pk] == 2 and counts[issued.pk] == 2


def test_an_amending_line_keeps_an_award_for_the_kind_of_honouree_it_names(cycle, issued):  # noqa: F811
    from awards.models import AwardType

    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 01")
    collective = AwardType.objects.filter(
        recipient_kind="collective",
        archived=False,
        pk__in=[t.pk for t in AwardType.objects.all() if t.granted_by(cycle["district"])],
    ).first()
    assert collective is not None
    with pytest.raises(ValidationError, match="dành cho tập thể"):
        services.amendment_line_update(
            actor=office, line=line, award_type=collective, awardee_unit=line.awardee_unit
        )
    line.refresh_from_db()
    assert line.award_type_id != collective.pk
