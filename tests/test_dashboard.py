"""A campaign's results page (and the awards page built on it): figures, chart with its
table, xlsx export, access, and a fixed number of queries whatever the number of units."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import ReportPeriod
from campaigns.results import services
from tests.factories import still_running
from units.models import Membership, Unit

pytestmark = pytest.mark.django_db
ADDRESSED = 9  # the active units below UBND huyện Tam Đường in the demo tree


@pytest.fixture
def board(demo, demo_units, make_member):
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member("cb.bl", unit, Membership.Role.UNIT_STAFF)
    criterion = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric", target=Decimal(100)
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    services.registration_submit(
        actor=staff, campaign=campaign, unit=unit, targets={criterion.pk: Decimal(110)}
    )
    services.report_save(
        actor=staff,
        period=period,
        unit=unit,
        values={criterion.pk: (Decimal(120), "")},
        submit=True,
    )
    bloc = services.bloc_create(
        actor=office,
        issuer=campaign.issuer,
        year=2025,
        name="Khối các xã",
        head=unit,
        members=[demo_units["ubnd-x-son-binh"]],
    )
    services.score_enter(
        actor=staff, campaign=campaign, bloc=bloc, unit=unit, kind="agreed", points=Decimal(95)
    )
    return {"campaign": campaign, "office": office, "staff": staff}


def test_dashboard_shows_figures_chart_and_table(client, board):
    client.force_login(board["office"])
    url = reverse("tracking:campaign_results", args=[board["campaign"].pk])
    html = client.get(url).content.decode()
    assert "Đã đăng ký: <strong>1</strong>" in html
    assert "<svg" in html and 'role="img"' in html and "Số đơn vị đạt chỉ tiêu" in html
    assert "Khối các xã" in html and "UBND xã Bình Lư" in html


def test_dashboard_exports_every_table_to_xlsx(client, board):
    client.force_login(board["office"])
    response = client.get(
        reverse("tracking:campaign_results", args=[board["campaign"].pk]), {"xuat": "xlsx"}
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Tham gia",
        "Đăng ký",
        "Báo cáo đã nộp",
        "Báo cáo",
        "Tiêu chí",
        "Xếp hạng khối",
        "Các cấp hưởng ứng",
    ]
    # Tam Đường addresses 9 units (3 offices, its culture centre, the Front, the town, 2
    # communes, a cooperative); Bình Lư registered and reported on time: counted by hand.
    assert list(book["Tham gia"].iter_rows(values_only=True))[1] == (ADDRESSED, 1)
    assert ("UBND xã Bình Lư", "Có") in list(book["Đăng ký"].iter_rows(values_only=True))
    assert list(book["Báo cáo"].iter_rows(values_only=True))[1][2:] == (1, 0, ADDRESSED - 1)
    assert list(book["Tiêu chí"].iter_rows(values_only=True))[1][2:6] == (
        "Thu ngân sách",
        None,
        1,
        1,
    )


def test_only_the_issuers_office_opens_it(client, board, make_member, demo_units):
    url = reverse("tracking:campaign_results", args=[board["campaign"].pk])
    client.force_login(board["staff"])
    assert client.get(url).status_code == 404
    client.force_login(
        make_member("nv.tu", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    )
    assert client.get(url).status_code == 404


def test_query_count_is_the_same_for_10_and_300_units(client, board, demo_units):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    parent = demo_units["ubnd-tam-duong"]
    url = reverse("tracking:campaign_results", args=[board["campaign"].pk])
    client.force_login(board["office"])
    counts = []
    for start, stop in ((0, 10), (10, 300)):
        Unit.objects.bulk_create(
            Unit(code=f"thon-{i}", name=f"Thôn {i}", kind="village", level="other", parent=parent)
            for i in range(start, stop)
        )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] and counts[0] < 40
    # counted by hand, not by the selector the page itself uses
    assert f"/ {ADDRESSED + 300} đơn vị được phát động" in response.content.decode()


def test_final_review_pdf_with_the_edited_narrative(
    client, board, django_capture_on_commit_callbacks, make_member
):
    from pypdf import PdfReader

    from units.models import FileJob

    client.force_login(board["office"])
    url = reverse("awards:campaign_awards", args=[board["campaign"].pk])
    with django_capture_on_commit_callbacks(execute=True):  # the worker runs after commit
        response = client.post(url, {"narrative": "Phong trào đạt kết quả tốt ở các xã vùng cao."})
    job = FileJob.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Đã xong" in page and reverse("jobs:download", args=[job.pk]) in page
    response = client.get(reverse("jobs:download", args=[job.pk]))
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    text = " ".join(text.split())
    assert "BÁO CÁO" in text and "Phong trào đạt kết quả tốt ở các xã vùng cao." in text
    assert f"1/{ADDRESSED} cơ quan, đơn vị đăng ký thi đua" in text
    assert f"Báo cáo tổng kết: 1 đúng hạn, 0 muộn, {ADDRESSED - 1} chưa nộp" in text
    assert "Thu ngân sách" in text and "Khối các xã" in text and "UBND xã Bình Lư" in text
    # the file is only for the person who asked for it
    client.force_login(make_member("nguoi.khac", board["campaign"].issuer, "office_staff"))
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404


def test_the_province_sees_the_campaigns_launched_in_answer(client, demo, make_member):
    province = demo["004"]
    office = make_member("nv.snv", province.issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    html = client.get(reverse("tracking:campaign_results", args=[province.pk])).content.decode()
    assert (
        "Các cấp hưởng ứng" in html
        and "UBND thành phố Lai Châu" in html
        and "5834/PĐTĐ-UBND" in html
    )


def test_office_sees_who_registered_and_returns_a_report(client, board):
    client.force_login(board["office"])
    url = reverse("tracking:campaign_results", args=[board["campaign"].pk])
    html = client.get(url).content.decode()
    # the page names the units still to register (the workbook has every unit)
    unregistered = html.split('id="u-title"')[1].split("</section>")[0]
    assert "UBND xã Sơn Bình" in unregistered and "UBND xã Bình Lư" not in unregistered
    assert "Đã đăng ký: <strong>1</strong>" in html
    from campaigns.models import ResultReport

    report = ResultReport.objects.get()
    client.post(url, {"report": report.pk, "reason": "Thiếu minh chứng thu ngân sách"})
    report.refresh_from_db()
    assert report.status == "returned" and report.return_reason == "Thiếu minh chứng thu ngân sách"


def test_awards_page_builds_on_the_results_and_exports_both(client, board):
    client.force_login(board["office"])
    url = reverse("awards:campaign_awards", args=[board["campaign"].pk])
    html = client.get(url).content.decode()
    assert "Đã đăng ký: <strong>1</strong>" in html and "Khối các xã" in html
    assert reverse("tracking:campaign_results", args=[board["campaign"].pk]) in html
    book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"xuat": "xlsx"}).content))
    assert book.sheetnames[-2:] == ["Khen thưởng", "Tiền thưởng"] and "Tham gia" in book.sheetnames


def test_the_old_dashboard_address_leads_to_the_results(client, board):
    client.force_login(board["office"])
    response = client.get(f"/quan-ly/khen-thuong/theo-doi/{board['campaign'].pk}/")
    assert response.status_code == 301
    assert response["Location"] == reverse("tracking:campaign_results", args=[board["campaign"].pk])
