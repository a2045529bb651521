"""Leftovers of the campaign and import walks (decision 0063), in the browser."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_file_job_page_updates_in_place_keeps_the_focus_and_stops_when_done(
    page: Page, live_server, django_user_model
):
    """ "Tệp đang tạo" reloaded itself every 2 s (a `Refresh` header): the keyboard focus
    went back to the top each time. It now updates in place (static/js/poll.js), shows
    the download where the hint was, and stops asking once the file is made."""
    from tests.e2e.people import log_in, user
    from units.demo import load_units
    from units.models import FileJob, Membership

    units = load_units()
    clerk = user(
        django_user_model,
        "nv.tamduong",
        units["ubnd-tam-duong"],
        Membership.Role.OFFICE_STAFF,
        "Nguyễn Thị Hoa",
    )
    job = FileJob.objects.create(
        kind="final_review",
        title="Báo cáo tổng kết phong trào",
        requested_by=clerk,
        filename="bao-cao-tong-ket.pdf",
    )
    log_in(page, live_server.url, "nv.tamduong")
    url = live_server.url + f"/quan-ly/viec-nen/{job.pk}/"
    page.goto(url)
    expect(page.get_by_role("status")).to_contain_text("Đang chờ")
    page.get_by_role("link", name="Quản lý", exact=True).last.focus()
    loads = []
    page.on("load", lambda _: loads.append(1))

    FileJob.objects.filter(pk=job.pk).update(status=FileJob.Status.RUNNING)
    expect(page.get_by_role("status")).to_contain_text("Đang tạo", timeout=8000)
    FileJob.objects.filter(pk=job.pk).update(
        status=FileJob.Status.DONE, finished_at=timezone.now(), summary="Báo cáo 3 trang."
    )
    expect(page.get_by_role("link", name="Tải tệp bao-cao-tong-ket.pdf")).to_be_visible(
        timeout=8000
    )
    expect(page.get_by_text("Báo cáo 3 trang.")).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Quản lý"
    assert loads == []  # never reloaded

    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.wait_for_timeout(4500)
    assert asked == []  # done: no more polling
