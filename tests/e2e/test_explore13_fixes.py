"""The middle of a campaign in Chromium (decision 0073): what a clerk and the office saw
and now see."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from campaigns.demo import load_seed_campaigns
from campaigns.models import ReportPeriod
from campaigns.results import services as results
from tests.e2e.people import log_in, user
from units.demo import load_units
from units.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)

# evidence as clerks give it: a shared folder's address, with no space to break at
LINK = "https://drive.google.com/drive/folders/" + "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" * 8


@pytest.fixture
def reported(live_server, reference_data, django_user_model):
    units = load_units()
    campaign = load_seed_campaigns(units)["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=60)
    campaign.save()
    district, binh_lu = units["ubnd-tam-duong"], units["ubnd-x-binh-lu"]
    user(django_user_model, "nv.tamduong", district, Membership.Role.OFFICE_STAFF, "nv.td")
    clerk = user(django_user_model, "cb.binhlu", binh_lu, Membership.Role.UNIT_STAFF, "cb")
    criterion = campaign.criteria.create(name="Tỷ lệ hồ sơ trực tuyến", kind="numeric", target=80)
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=timezone.localdate()
    )
    results.report_save(
        actor=clerk,
        period=period,
        unit=binh_lu,
        values={criterion.pk: (Decimal(92), LINK)},
        submit=True,
    )
    return {"campaign": campaign, "unit": binh_lu, "period": period}


def _wide_boxes(page: Page) -> list:
    """The table boxes one must scroll sideways to read, and by how much."""
    return page.evaluate(
        "[...document.querySelectorAll('.table-scroll')]"
        ".map(b => b.scrollWidth - b.clientWidth).filter(d => d > 1)"
    )


def test_a_link_given_as_evidence_does_not_widen_the_tables(page: Page, live_server, reported):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "nv.tamduong")
    page.goto(f"{base}/quan-ly/theo-doi/phong-trao/{reported['campaign'].pk}/")
    page.get_by_text("Xem kết quả").first.click()
    expect(page.get_by_text("minh chứng: https://drive.google.com")).to_be_visible()
    assert _wide_boxes(page) == []  # it was 29,000 px wide: "Trả lại" out of sight
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, base, "cb.binhlu")
    page.goto(
        f"{base}/quan-ly/theo-doi/don-vi/{reported['unit'].pk}/ky/{reported['period'].pk}/bao-cao/"
    )
    expect(page.get_by_text("Báo cáo đã nộp lúc")).to_be_visible()
    widths = _wide_boxes(page)
    assert all(d < 200 for d in widths), widths  # a phone scrolls a little, not a link's length
