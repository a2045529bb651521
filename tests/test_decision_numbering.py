"""Decision numbers under concurrency: 20 offices' clerks press "Ban hành" at the same
moment for one issuer and year, and get 20 distinct, consecutive numbers."""

import threading

import pytest
from django.db import connection, connections

from awards import services
from awards.models import Decision
from tests.factories import passed_nominations

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
PARALLEL = 20


def test_twenty_parallel_issues_get_twenty_consecutive_numbers(reference_data, cycle, monkeypatch):
    # The PDFs are not what this test is about: leave them to a worker that is not there.
    monkeypatch.setattr("units.documents._enqueue", lambda document_id: None)
    drafts = [
        services.decision_draft(
            actor=cycle["office"],
            issuer=cycle["district"],
            subject=f"Khen thưởng đợt {i + 1}",
            nominations=[nomination],
        )
        for i, nomination in enumerate(passed_nominations(cycle, PARALLEL))
    ]
    barrier = threading.Barrier(PARALLEL)
    errors = []

    def issue(decision):
        try:
            barrier.wait()
            services.decision_issue(actor=cycle["office"], decision=decision)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(
        Decision.objects.filter(pk__in=[d.pk for d in drafts]).values_list("number", flat=True)
    )
    assert numbers == list(range(1, PARALLEL + 1))
    assert {d.year for d in Decision.objects.filter(pk__in=[d.pk for d in drafts])} == {
        drafts[0].year
    }
