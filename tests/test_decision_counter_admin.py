"""Issue 15: the decision counter (sổ số quyết định) could be deleted or lowered in the
admin, and lowering it turned the next issue into a 500. It may now only be raised,
never deleted, and the admin's history says who changed it, from which number to which.
"""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from awards.models import DocumentCounter
from tests.awards_stage import admin_form_data
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db


def change_url(counter) -> str:
    return reverse("admin:awards_documentcounter_change", args=[counter.pk])


@pytest.fixture
def counter(demo_units):
    return DocumentCounter.objects.create(
        issuer=demo_units["ubnd-tam-duong"], year=2025, last_number=12
    )


def post(client, counter, number):
    data = admin_form_data(client.get(change_url(counter)))
    return client.post(change_url(counter), {**data, "last_number": str(number)})


def test_the_counter_is_raised_and_the_history_names_who_and_how(admin_client, admin_user, counter):
    response = post(admin_client, counter, 40)
    assert response.status_code == 302
    counter.refresh_from_db()
    assert counter.last_number == 40
    entry = LogEntry.objects.get(object_id=str(counter.pk))
    assert entry.user == admin_user
    assert entry.get_change_message() == "Tăng số cuối cùng đã dùng từ 12 lên 40."
    page = admin_client.get(change_url(counter)).content.decode()
    assert "quantri" in page and "Tăng số cuối cùng đã dùng từ 12 lên 40." in page


def test_the_counter_is_never_lowered(admin_client, counter):
    """Even when no decision has that number yet: the register on paper may have it."""
    response = post(admin_client, counter, 10)
    assert response.status_code == 200
    assert "Chỉ được tăng số cuối cùng đã dùng (hiện là 12)" in str(
        response.context["adminform"].form.errors
    )
    counter.refresh_from_db()
    assert counter.last_number == 12 and not LogEntry.objects.exists()


def test_the_counter_cannot_be_moved_to_another_issuer_or_year(admin_client, counter):
    form = admin_client.get(change_url(counter)).context["adminform"].form
    assert set(form.fields) == {"last_number"}


def test_the_counter_cannot_be_deleted(admin_client, counter):
    delete = reverse("admin:awards_documentcounter_delete", args=[counter.pk])
    assert admin_client.get(delete).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = admin_client.get(reverse("admin:awards_documentcounter_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    assert DocumentCounter.objects.filter(pk=counter.pk).exists()


def test_after_a_refused_lowering_the_next_decision_takes_the_next_number(admin_client, cycle):
    first = issued_decision(cycle, passed_nominations(cycle, 1))
    counter = DocumentCounter.objects.get(
        issuer=cycle["district"], year=first.year, kind="decision"
    )
    assert post(admin_client, counter, 0).status_code == 200
    second = issued_decision(cycle, passed_nominations(cycle, 1)[-1:])
    assert second.number == first.number + 1


def test_a_new_counter_is_recorded_with_its_number(admin_client, admin_user, demo_units):
    unit = demo_units["ubnd-tam-duong"]
    response = admin_client.post(
        reverse("admin:awards_documentcounter_add"),
        {"issuer": unit.pk, "kind": "decision", "year": "2026", "last_number": "7"},
    )
    assert response.status_code == 302
    counter = DocumentCounter.objects.get(issuer=unit, year=2026, kind="decision")
    entry = LogEntry.objects.get(object_id=str(counter.pk))
    assert entry.user == admin_user
    assert entry.get_change_message() == "Đặt số cuối cùng đã dùng năm 2026: 7."


@pytest.mark.parametrize(
    ("taken", "kept", "warned"),
    [(None, 7, False), (20, 20, True)],
    ids=["a-lower-number-taken", "a-higher-number-typed"],
)
def test_a_new_counter_while_a_document_of_its_series_takes_a_number(
    admin_client, demo_units, monkeypatch, taken, kept, warned
):
    """Review 0090: the add form was checked against no counter, then a tờ trình of the
    series took its number (and made the counter) before the admin's row was written:
    the insert met the unique constraint, a 500. The counter made meanwhile is raised to
    the number typed, never lowered below the number taken."""
    from awards import services
    from awards.admin import DocumentCounterForm

    unit = demo_units["ubnd-tam-duong"]
    checked = DocumentCounterForm._post_clean

    def then_a_document_takes_a_number(form):
        checked(form)
        services.take_document_number(unit, 2026, "submission", taken)

    monkeypatch.setattr(DocumentCounterForm, "_post_clean", then_a_document_takes_a_number)
    response = admin_client.post(
        reverse("admin:awards_documentcounter_add"),
        {"issuer": unit.pk, "kind": "submission", "year": "2026", "last_number": "7"},
        follow=True,
    )
    assert response.status_code == 200
    counter = DocumentCounter.objects.get(issuer=unit, year=2026, kind="submission")
    assert counter.last_number == kept
    said = [str(m) for m in response.context["messages"]]
    assert any("số 20 đã được cấp: giữ số cuối cùng là 20" in m for m in said) is warned
    entry = LogEntry.objects.get(object_id=str(counter.pk))
    assert entry.get_change_message() == f"Đặt số cuối cùng đã dùng năm 2026: {kept}."
