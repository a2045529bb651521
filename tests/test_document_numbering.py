"""One register of numbers per body, year and kind of document (decision 0084).

Decisions took their numbers through a locked counter the văn thư could overrule from
the paper register; tờ trình took a locked max+1 and could not. Both now take them from
the body's `DocumentCounter` of their kind, with the same rules: a typed number from the
paper register, never one already given to a document of that kind, year and body
(refused beside the field, nothing written), the counter moving past it. Each kind is
its own series ("45/TTr-UBND" and "123/QĐ-UBND" in one year)."""

from __future__ import annotations

import importlib
import threading

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import DocumentCounter, Nomination, NominationEvent, Submission
from tests.awards_stage import admin_form_data
from tests.factories import issued_decision, passed_nominations
from tests.test_nomination_forward import stage, voted_beyond  # noqa: F401  (fixture)
from units.models import IssuedDocument, Unit

pytestmark = pytest.mark.django_db
Status = Nomination.Status
Kind = DocumentCounter.Kind


def submission_counter(body) -> DocumentCounter:
    return DocumentCounter.objects.get(
        issuer=body, year=timezone.localdate().year, kind=Kind.SUBMISSION
    )


def nothing_written(n: Nomination, lower, *, submissions: int, events: int) -> None:
    n.refresh_from_db()
    assert (n.status, n.issuer, n.forwarded_from) == (Status.PASSED, lower, None)
    assert Submission.objects.count() == submissions
    assert NominationEvent.objects.filter(nomination=n).count() == events
    assert IssuedDocument.objects.filter(kind="submission").count() == submissions


# The service -------------------------------------------------------------------


def test_two_forwardings_in_a_year_take_1_and_2_and_a_typed_duplicate_writes_nothing(stage):  # noqa: F811
    """Sequential, so it holds on SQLite and PostgreSQL alike (the row lock is what makes
    it hold under concurrency: tests/services/test_awards_cycle.py, PostgreSQL only)."""
    office, district = stage["office"], stage["district"]
    first, second, third = (voted_beyond(stage, f"Lò Văn {i}") for i in ("Một", "Hai", "Ba"))
    one = Submission.objects.get(
        nominations=services.nomination_forward(actor=office, nomination=first)
    )
    two = Submission.objects.get(
        nominations=services.nomination_forward(actor=office, nomination=second)
    )
    assert (one.number, two.number) == (1, 2)
    assert submission_counter(district).last_number == 2

    events = NominationEvent.objects.filter(nomination=third).count()
    with pytest.raises(ValidationError) as refused:
        services.nomination_forward(actor=office, nomination=third, number=2)
    assert refused.value.message_dict["number"] == [
        f"Số 02 năm {timezone.localdate().year} đã cấp cho Tờ trình số "
        f"{two.number_symbol}. Xem lại sổ đăng ký văn bản đi."
    ]
    nothing_written(third, district, submissions=2, events=events)
    assert submission_counter(district).last_number == 2


def test_a_typed_number_is_taken_and_the_series_continues_past_it(stage):  # noqa: F811
    office, district = stage["office"], stage["district"]
    first, second = voted_beyond(stage, "Lò Văn Một"), voted_beyond(stage, "Lò Văn Hai")
    services.nomination_forward(actor=office, nomination=first, number=45)
    assert Submission.objects.get(nominations=first).number_symbol == (
        f"45/TTr-{district.document_code}"
    )
    assert submission_counter(district).last_number == 45
    assert services.suggested_submission_number(district, timezone.localdate().year) == 46
    services.nomination_forward(actor=office, nomination=second)
    assert Submission.objects.get(nominations=second).number == 46


def test_decisions_and_submissions_are_separate_series_of_one_register(cycle):
    """Tờ trình 01 and Quyết định 01 of one body in one year: each kind its own series;
    the same number is refused only within its kind."""
    district, year = cycle["district"], timezone.localdate().year
    assert services.take_document_number(district, year, Kind.SUBMISSION) == 1
    assert services.take_document_number(district, year, Kind.SUBMISSION) == 2
    decision = issued_decision(cycle, passed_nominations(cycle, 1))
    assert decision.number == 1  # not 3: the tờ trình do not use the decisions' numbers
    counters = DocumentCounter.objects.filter(issuer=district, year=year)
    assert {(c.kind, c.last_number) for c in counters} == {
        (Kind.SUBMISSION, 2),
        (Kind.DECISION, 1),
    }
    with pytest.raises(ValidationError, match="đã cấp cho Quyết định số 01/"):
        services.take_document_number(district, decision.year, Kind.DECISION, 1)


def test_the_data_migration_seeds_the_submission_counters_from_their_numbers(stage):  # noqa: F811
    """Tờ trình numbered max+1 before the register: the migration gives each body and
    year a counter at its highest number, and never lowers one already ahead."""
    office, district, year = stage["office"], stage["district"], timezone.localdate().year
    services.nomination_forward(actor=office, nomination=voted_beyond(stage, "Lò Văn Một"))
    services.nomination_forward(
        actor=office, nomination=voted_beyond(stage, "Lò Văn Hai"), number=7
    )
    migration = importlib.import_module("awards.migrations.0039_document_counter")
    DocumentCounter.objects.filter(kind=Kind.SUBMISSION).delete()  # as before the register
    migration.seed_submission_counters(apps, None)
    assert submission_counter(district).last_number == 7
    DocumentCounter.objects.filter(kind=Kind.SUBMISSION).update(last_number=12)
    migration.seed_submission_counters(apps, None)
    assert submission_counter(district).last_number == 12
    assert DocumentCounter.objects.filter(issuer=district, year=year).count() == 1


# The forwarding pages -------------------------------------------------------------


def test_the_forwarding_page_offers_the_next_number_and_takes_a_typed_one(stage, client):  # noqa: F811
    office, district = stage["office"], stage["district"]
    first, second = voted_beyond(stage, "Lò Văn Một"), voted_beyond(stage, "Lò Văn Hai")
    services.nomination_forward(actor=office, nomination=voted_beyond(stage, "Lò Văn Ba"))
    client.force_login(office)
    page = client.get(reverse("awards:forward_many")).content.decode()
    assert 'name="number"' in page and "<strong data-next-number>02</strong>" in page

    # a number already in the register: refused beside the box, as typed, nothing written
    events = NominationEvent.objects.filter(nomination=first).count()
    response = client.post(
        reverse("awards:forward_many"),
        {"ho_so": [first.pk, second.pk], "number": "1", "note": "Kèm biên bản"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "field--error" in page and 'value="1"' in page and 'value="Kèm biên bản"' in page
    assert "Số 01 năm" in page and "đã cấp cho Tờ trình số 01/TTr-" in page
    nothing_written(first, district, submissions=1, events=events)

    response = client.post(
        reverse("awards:forward_many"), {"ho_so": [first.pk, second.pk], "number": "45"}
    )
    assert response.status_code == 302
    submission = Submission.objects.get(nominations=first)
    assert submission.number_symbol == f"45/TTr-{district.document_code}"
    assert set(submission.nominations.all()) == {first, second}


def test_a_number_that_is_not_one_is_refused_beside_the_box(stage, client):  # noqa: F811
    n = voted_beyond(stage)
    client.force_login(stage["office"])
    response = client.post(reverse("awards:forward_many"), {"ho_so": [n.pk], "number": "4a"})
    assert response.status_code == 200
    assert "Số tờ trình là một số, ví dụ 45." in response.content.decode()
    assert not Submission.objects.exists()


def test_the_dossiers_forward_button_takes_a_typed_number(stage, client):  # noqa: F811
    office = stage["office"]
    services.nomination_forward(actor=office, nomination=voted_beyond(stage, "Lò Văn Một"))
    n = voted_beyond(stage, "Lò Văn Hai")
    client.force_login(office)
    page = client.get(reverse("awards:nomination_review", args=[n.pk])).content.decode()
    assert 'id="forward-number"' in page and "<strong data-next-number>02</strong>" in page

    events = NominationEvent.objects.filter(nomination=n).count()
    url = reverse("awards:nomination_forward", args=[n.pk])
    response = client.post(url, {"number": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "field--error" in page and "đã cấp cho Tờ trình số 01/TTr-" in page
    nothing_written(n, stage["district"], submissions=1, events=events)

    assert client.post(url, {"number": "9"}).status_code == 302
    assert Submission.objects.get(nominations=n).number == 9
    # another district's office: 404 before any number is read
    client.force_login(stage["other_office"])
    other = voted_beyond(stage, "Lò Văn Ba")
    assert (
        client.post(
            reverse("awards:nomination_forward", args=[other.pk]), {"number": "3"}
        ).status_code
        == 404
    )
    assert not Submission.objects.filter(nominations=other).exists()


# The register in the admin ---------------------------------------------------------


def test_the_admin_never_lowers_a_submission_counter_below_a_given_number(stage, admin_client):  # noqa: F811
    services.nomination_forward(actor=stage["office"], nomination=voted_beyond(stage), number=5)
    counter = submission_counter(stage["district"])
    url = reverse("admin:awards_documentcounter_change", args=[counter.pk])
    data = admin_form_data(admin_client.get(url))
    response = admin_client.post(url, {**data, "last_number": "3"})
    assert response.status_code == 200
    assert "Số 05 đã được cấp cho Tờ trình số 05/TTr-" in str(
        response.context["adminform"].form.errors
    )
    changelist = admin_client.get(reverse("admin:awards_documentcounter_changelist")).content
    assert "Tờ trình" in changelist.decode()
    counter.refresh_from_db()
    assert counter.last_number == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_submission_numbers_never_repeat(demo_units):
    """Five forwardings of one body at once, the counter row not yet made: 1 to 5, once
    each (the counter's unique constraint and row lock), the decisions' series untouched."""
    district = Unit.objects.get(code="ubnd-tam-duong")
    numbers, errors = [], []
    barrier = threading.Barrier(5)

    @transaction.atomic
    def take_in_tx():
        return services.take_document_number(district, 2026, Kind.SUBMISSION)

    def take():
        try:
            barrier.wait()
            numbers.append(take_in_tx())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(numbers) == [1, 2, 3, 4, 5]
    assert services.suggested_decision_number(district, 2026) == 1


def test_a_refused_number_keeps_the_dossiers_chosen(stage, client):  # noqa: F811
    chosen, left = voted_beyond(stage, "Lò Văn Chọn"), voted_beyond(stage, "Lò Văn Để Lại")
    services.nomination_forward(actor=stage["office"], nomination=voted_beyond(stage, "Lò Văn Ba"))
    client.force_login(stage["office"])
    page = client.post(
        reverse("awards:forward_many"), {"ho_so": [chosen.pk], "number": "1"}
    ).content.decode()
    assert f'name="ho_so" value="{chosen.pk}" checked>' in page
    assert f'name="ho_so" value="{left.pk}">' in page
    # read again, every dossier of the group is offered ticked
    page = client.get(reverse("awards:forward_many")).content.decode()
    assert f'name="ho_so" value="{left.pk}" checked>' in page
