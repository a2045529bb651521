"""A partial report (a unit gave some criteria and not others) was charted as 0 on the
results page: "Thu ngân sách 0" when no unit had reported it, which reads as "no unit
reached it". A missing figure is shown as missing ("chưa báo cáo"), on the chart, in its
table, in the Excel and in the final review's PDF. Decision 0063."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import ReportPeriod
from campaigns.results import selectors, services
from tests.factories import still_running
from units.models import Membership

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def partial(demo, demo_units, make_member):
    """Two communes report; Bình Lư gives only the pass/fail criterion."""
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    numeric = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric", target=D(100)
    )
    yes_no = services.criterion_add(
        actor=office, campaign=campaign, name="Đạt chuẩn nông thôn mới", kind="boolean"
    )
    points = services.criterion_add(
        actor=office, campaign=campaign, name="Điểm phong trào", kind="points", max_points=D(10)
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    units = [demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]]
    staff = [make_member(f"cb.{u.code}", u, Membership.Role.UNIT_STAFF) for u in units]
    return {
        "campaign": campaign,
        "office": office,
        "period": period,
        "criteria": (numeric, yes_no, points),
        "units": units,
        "staff": staff,
    }


def report(world, index: int, values: dict) -> None:
    services.report_save(
        actor=world["staff"][index],
        period=world["period"],
        unit=world["units"][index],
        values={criterion.pk: (D(v), "") for criterion, v in values.items()},
        submit=True,
    )


def chart_rows(html: str) -> dict[str, str]:
    """Each criterion of the chart and the figure (or word) drawn beside its bar."""
    svg = html[html.index('<svg class="chart"') : html.index("</svg>")]
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    return dict(zip(texts[::2], texts[1::2], strict=True))


def test_a_criterion_no_unit_reported_is_charted_as_not_reported_not_0(client, partial):
    numeric, yes_no, points = partial["criteria"]
    report(partial, 0, {yes_no: 1})  # Bình Lư: only the pass/fail one
    client.force_login(partial["office"])
    html = client.get(reverse("tracking:campaign_results", args=[partial["campaign"].pk]))
    html = html.content.decode()
    assert chart_rows(html) == {"Thu ngân sách": "chưa báo cáo", "Đạt chuẩn nông thôn mới": "1"}
    svg = html[html.index('<svg class="chart"') : html.index("</svg>")]
    assert svg.count("<rect") == 1  # no bar of length 0 for the criterion not reported
    # the table beside it: no report gave it, 1 report without it, nothing "reached"
    table = html[html.index("<caption>Số đơn vị đạt chỉ tiêu") :]
    assert re.search(
        r"<td>Thu ngân sách</td><td></td><td>0</td><td>1</td><td>chưa báo cáo</td>", table
    )
    assert re.search(
        r"<td>Đạt chuẩn nông thôn mới</td><td></td><td>1</td><td>0</td><td>1</td>", table
    )
    # a points criterion has no target: not on the chart of targets reached, "—" in the table
    assert re.search(r"<td>Điểm phong trào</td><td></td><td>0</td><td>1</td><td>—</td>", table)


def test_a_partial_report_counts_as_missing_for_the_criterion_it_left_out(client, partial):
    numeric, yes_no, points = partial["criteria"]
    report(partial, 0, {yes_no: 1})
    report(partial, 1, {numeric: 130, yes_no: 0, points: 8})
    rows = {
        r["criterion"].name: r for r in selectors.attainment(partial["campaign"], partial["period"])
    }
    figures = {name: (r["reported"], r["missing"], r["reached"]) for name, r in rows.items()}
    assert figures == {
        "Thu ngân sách": (1, 1, 1),
        "Đạt chuẩn nông thôn mới": (2, 0, 1),
        "Điểm phong trào": (1, 1, None),
    }
    client.force_login(partial["office"])
    url = reverse("tracking:campaign_results", args=[partial["campaign"].pk])
    html = client.get(url).content.decode()
    assert chart_rows(html) == {
        "Thu ngân sách": "1 (1 báo cáo thiếu)",
        "Đạt chuẩn nông thôn mới": "1",
    }
    book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"xuat": "xlsx"}).content))
    sheet = list(book["Tiêu chí"].iter_rows(values_only=True))
    assert sheet[0][2:] == ("Tiêu chí", "Lĩnh vực", "Số báo cáo", "Đạt chỉ tiêu", "Báo cáo thiếu")
    assert sheet[1][2:] == ("Thu ngân sách", None, 1, 1, 1)


def test_the_excel_and_the_final_review_say_not_reported(client, partial):
    from pypdf import PdfReader

    from awards.dashboard import campaign_dashboard
    from awards.pdf import final_review_pdf

    numeric, yes_no, points = partial["criteria"]
    report(partial, 0, {yes_no: 1})
    client.force_login(partial["office"])
    url = reverse("tracking:campaign_results", args=[partial["campaign"].pk])
    book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"xuat": "xlsx"}).content))
    sheet = list(book["Tiêu chí"].iter_rows(values_only=True))
    assert sheet[1][2:] == ("Thu ngân sách", None, 0, "chưa báo cáo", 1)

    data = final_review_pdf(partial["campaign"], campaign_dashboard(partial["campaign"]), "")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    text = " ".join(text.split())
    assert "Thu ngân sách 0 chưa báo cáo" in text
    assert "Đạt chuẩn nông thôn mới 1 1" in text
