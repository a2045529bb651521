"""The units app's waiting pages (a file made by a worker, an Excel import being checked
or written) update in place with static/js/poll.js, as the document reading page does
(decision 0061): no `Refresh` header, which reloaded the page every 2 s and sent the
keyboard focus and a screen reader's place back to the top. Without JavaScript a
<noscript> refresh still reloads them. Decision 0063."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from units.models import FileJob, ImportRecord, Membership

pytestmark = pytest.mark.django_db

NOSCRIPT = '<noscript><meta http-equiv="refresh" content="2"></noscript>'


@pytest.fixture
def office(demo_units, make_member):
    return make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)


def test_a_file_being_made_is_polled_in_place_not_reloaded(client, office):
    job = FileJob.objects.create(
        kind="final_review", title="Báo cáo tổng kết", requested_by=office, filename="bc.pdf"
    )
    client.force_login(office)
    url = reverse("jobs:detail", args=[job.pk])
    for status in (FileJob.Status.PENDING, FileJob.Status.RUNNING):
        FileJob.objects.filter(pk=job.pk).update(status=status)
        response = client.get(url)
        html = response.content.decode()
        assert "Refresh" not in response  # the header reloaded the whole page
        assert 'id="job-live" data-poll="2"' in html
        assert "/static/js/poll.js" in html
        assert NOSCRIPT in html  # without JavaScript: reloaded, as before
        assert 'id="job-status" role="status"' in html

    # Done: the region is still there (poll.js puts the result in place) but not polled,
    # and the page no longer reloads itself without JavaScript either
    FileJob.objects.filter(pk=job.pk).update(status=FileJob.Status.DONE, finished_at=timezone.now())
    html = client.get(url).content.decode()
    assert 'id="job-live"' in html and "data-poll" not in html
    assert "http-equiv" not in html and "poll.js" not in html
    assert reverse("jobs:download", args=[job.pk]) in html


def test_an_excel_import_being_checked_is_polled_in_place_not_reloaded(client, office):
    record = ImportRecord.objects.create(
        kind="persons",
        office=office.memberships.get().unit,
        original_name="can-bo.xlsx",
        uploaded_by=office,
        rows_total=40,
        rows_done=10,
    )
    client.force_login(office)
    url = reverse("sheets:record", args=[record.pk])
    response = client.get(url)
    html = response.content.decode()
    assert "Refresh" not in response
    assert 'data-poll="2"' in html and "/static/js/poll.js" in html and NOSCRIPT in html
    assert "Đang kiểm tra 10/40 dòng (25%)." in html

    ImportRecord.objects.filter(pk=record.pk).update(status=ImportRecord.Status.REFUSED)
    html = client.get(url).content.decode()
    assert "data-poll" not in html and "http-equiv" not in html
