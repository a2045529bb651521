"""The awards admin: what was decided stays as decided, every change of a nomination
goes through a service (rules checked, history written), and the views, forms and admin
of awards write nothing themselves."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.models import (
    AwardGrant,
    AwardType,
    DocumentCounter,
    Nomination,
    NominationEvent,
)
from tests.awards_stage import admin_form_data, build_stage
from tests.factories import issued_decision, nominate, passed_nominations

pytestmark = pytest.mark.django_db
FIXED_ONCE_DECIDED = ("award_type", "nominee_person", "nominee_unit", "nominee_household")


def change_url(obj) -> str:
    return reverse(f"admin:awards_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def decided(cycle):
    """Three nominations whose award is settled: decided, forwarded, and one that is in
    the register (a grant) whatever its status says."""
    stage = build_stage(cycle)
    decision = issued_decision(cycle, [stage["passed"]])
    stage["passed"].refresh_from_db()
    from awards import services

    services.nomination_forward(actor=cycle["office"], nomination=stage["beyond"])
    stage["beyond"].refresh_from_db()
    granted = nominate(cycle, person=cycle["people"][1])
    Nomination.objects.filter(pk=granted.pk).update(status=Nomination.Status.PASSED)
    AwardGrant.objects.create(
        award_type=granted.award_type,
        person=granted.nominee_person,
        year=2025,
        nomination=granted,
        awardee_unit=cycle["commune"],
        decision_reference="QĐ nhập tay",
    )
    granted.refresh_from_db()
    return {
        **stage,
        "issued": decision,
        "cases": {
            "decided": stage["passed"],
            "forwarded": stage["beyond"],
            "granted": granted,
        },
    }


@pytest.mark.parametrize("case", ["decided", "forwarded", "granted"])
def test_award_type_and_nominee_of_a_settled_nomination_are_read_only(
    client, admin_user, decided, case
):
    nomination = decided["cases"][case]
    client.force_login(admin_user)
    response = client.get(change_url(nomination))
    assert response.status_code == 200
    fields = response.context["adminform"].form.fields
    assert not set(FIXED_ONCE_DECIDED) & set(fields), case
    data = admin_form_data(response)
    other = AwardType.objects.get(code="cstd-co-so")
    data.update(award_type=other.pk, nominee_household="Hộ ông Lò Văn A", nominee_person="")
    data["achievement_summary"] = "Thành tích đã sửa chính tả."
    response = client.post(change_url(nomination), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    before = (nomination.award_type_id, nomination.nominee_person_id, nomination.status)
    nomination.refresh_from_db()
    assert (nomination.award_type_id, nomination.nominee_person_id, nomination.status) == before
    assert nomination.achievement_summary == "Thành tích đã sửa chính tả."


def test_an_open_nomination_is_corrected_through_the_service(client, admin_user, cycle):
    """The admin's save runs the nomination's rules and writes the history as the
    workspace's edits do."""
    n = nominate(cycle, person=cycle["people"][0], code="giay-khen-huyen-ca-nhan")
    client.force_login(admin_user)
    data = admin_form_data(client.get(change_url(n)))
    response = client.post(change_url(n), {**data, "simplified": "on"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["simplified"] == [
        "Thủ tục đơn giản chỉ dùng cho khen thưởng đột xuất."
    ]
    n.refresh_from_db()
    assert n.simplified is False
    events = NominationEvent.objects.filter(nomination=n).count()

    response = client.post(change_url(n), {**data, "achievement_summary": "Bổ sung thành tích."})
    assert response.status_code == 302
    n.refresh_from_db()
    assert n.achievement_summary == "Bổ sung thành tích." and n.status == "draft"
    event = NominationEvent.objects.filter(nomination=n).last()
    assert NominationEvent.objects.filter(nomination=n).count() == events + 1
    assert event.by == admin_user and "tóm tắt thành tích" in event.note


def test_a_rule_about_a_read_only_field_is_shown_not_a_500(client, admin_user, decided):
    """A settled record that breaks a rule (older data) cannot be fixed in the admin:
    saving it says why above the form instead of crashing on the hidden field."""
    nomination = decided["cases"]["decided"]
    Nomination.objects.filter(pk=nomination.pk).update(
        simplified=True, commendation_kind=Nomination.CommendationKind.ANNUAL
    )
    client.force_login(admin_user)
    data = admin_form_data(client.get(change_url(nomination)))
    response = client.post(change_url(nomination), data)
    assert response.status_code == 200
    assert "Thủ tục đơn giản chỉ dùng cho khen thưởng đột xuất." in str(
        response.context["adminform"].form.non_field_errors()
    )


def test_the_decision_counter_cannot_go_below_an_issued_number(client, admin_user, decided):
    """Set lower, the next decision would take a number already issued (a 500 on the
    unique number, or two decisions with one number)."""
    issued = decided["issued"]
    counter = DocumentCounter.objects.get(issuer=issued.issuer, year=issued.year, kind="decision")
    client.force_login(admin_user)
    data = admin_form_data(client.get(change_url(counter)))
    response = client.post(change_url(counter), {**data, "last_number": "0"})
    assert response.status_code == 200
    assert "Số 01 đã được cấp" in str(response.context["adminform"].form.errors)
    counter.refresh_from_db()
    assert counter.last_number == issued.number == 1
    response = client.post(change_url(counter), {**data, "last_number": "40"})
    assert response.status_code == 302
    counter.refresh_from_db()
    assert counter.last_number == 40


def test_the_admin_shows_the_session_hour_and_keeps_a_closed_session_as_it_ended(
    client, admin_user, cycle
):
    """The admin wrote the session's time "14:00:00" and let an administrator set "Hủy
    lúc" and a reason on a session already closed (decision 0027, found and not fixed)."""
    import datetime

    from awards.models import CouncilSession

    stage = build_stage(cycle)
    client.force_login(admin_user)
    open_session = stage["session"]
    CouncilSession.objects.filter(pk=open_session.pk).update(starts_at=datetime.time(14, 0))
    page = client.get(change_url(open_session)).content.decode()
    assert 'value="14:00"' in page and "14:00:00" not in page

    closed = stage["closed_session"]
    response = client.get(change_url(closed))
    html = response.content.decode()
    assert 'name="cancel_reason"' not in html and 'name="cancelled_at_0"' not in html
    data = admin_form_data(response)
    data.update(
        {
            "cancelled_at_0": "01/12/2025",
            "cancelled_at_1": "09:00",
            "cancel_reason": "Hủy nhầm",
            "starts_at": "09:00",
        }
    )
    client.post(change_url(closed), data)
    closed.refresh_from_db()
    assert (closed.status, closed.cancelled_at, closed.cancel_reason, closed.starts_at) == (
        CouncilSession.Status.CLOSED,
        None,
        "",
        None,
    )


def test_a_decision_is_not_added_in_the_admin(admin_client, cycle):
    """Before (decision 0072): "Thêm quyết định khen thưởng" was offered and saving it
    was a 500 (no issuer, no year). Decisions are drafted from passed nominations."""
    url = reverse("admin:awards_decision_add")
    assert admin_client.get(url).status_code == 403
    response = admin_client.post(url, {"symbol": "QĐ-UBND", "subject": "Về việc thử"})
    assert response.status_code == 403
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert 'href="/admin/awards/decision/add/"' not in index


def test_a_draft_decision_is_withdrawn_on_its_page_not_archived_here(admin_client, cycle):
    """Ticking "Đã lưu trữ" on a draft archived it and left its nominations tied to it,
    waiting for a decision that would never be issued (decision 0072)."""
    from awards import services

    [passed] = passed_nominations(cycle, 1)
    draft = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng",
        nominations=[passed],
    )
    response = admin_client.get(change_url(draft))
    fields = response.context["adminform"].form.fields
    assert not {"archived", "archived_on", "archived_by", "archived_reason"} & set(fields)
    data = admin_form_data(response)
    data.update(archived="on", archived_reason="bỏ")
    assert admin_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert not draft.archived and draft.status == draft.Status.DRAFT
