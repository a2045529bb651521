"""Two clerks of one unit press "Lưu" at the same moment on pages opened on the same
version of their report (decision 0073's check, reviewed in 0075): on PostgreSQL the row
lock makes the second wait, re-read the row the first has just saved and be refused, so
exactly one is written, however the two interleave; the same when neither page had a
report yet (the second's insert meets the first's on the unique row)."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from campaigns.models import ReportPeriod, ResultReport
from campaigns.results import selectors, services
from tests.conftest import build_demo, new_member
from tests.factories import still_running
from units.models import Membership

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
ROUNDS = 6


def _race(actors, period, unit, criterion, loaded):
    barrier = threading.Barrier(len(actors))
    saved, refused, errors = [], [], []

    def save(actor, value):
        try:
            barrier.wait()
            services.report_save(
                actor=actor,
                period=period,
                unit=unit,
                values={criterion.pk: (value, "")},
                loaded=loaded,
            )
            saved.append(value)
        except ValidationError:
            refused.append(value)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(actor, 10 + i)) for i, actor in enumerate(actors)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return saved, refused


def test_two_saves_on_one_version_at_the_same_moment_write_one(reference_data, demo_units):
    campaign = build_demo(demo_units)["000"]
    still_running(campaign)
    unit = demo_units["ubnd-x-binh-lu"]
    clerks = [new_member(f"cb.race{i}", unit, Membership.Role.UNIT_STAFF) for i in range(2)]
    criterion = campaign.criteria.create(name="Tỷ lệ", kind="numeric", target=80)
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    # neither page had a report: one insert wins, the other is refused
    saved, refused = _race(clerks, period, unit, criterion, loaded="")
    assert len(saved) == 1 and len(refused) == 1
    for _ in range(ROUNDS):
        report = ResultReport.objects.get(period=period, unit=unit)
        saved, refused = _race(clerks, period, unit, criterion, loaded=selectors.version(report))
        assert len(saved) == 1 and len(refused) == 1, (saved, refused)
        assert report.values.get().value == saved[0]
