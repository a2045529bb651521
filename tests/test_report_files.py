"""Tệp minh chứng of a unit's Sơ kết / Tổng kết report (decision 0092): the unit's clerk
attaches scans and documents through the project's upload checks, stored privately; its
own staff and the office that launched the campaign download them, anyone else gets
404; "Gỡ tệp" archives with a reason and keeps the file; a sent report's files are
locked with its figures."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from campaigns.models import ReportFile, ResultReport
from campaigns.results import services
from tests.conftest import new_admin, new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _world(demo, demo_units, make_member):
    campaign = demo["000"]
    still_running(campaign)
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    criterion = services.criterion_add(
        actor=office, campaign=campaign, name="Thu ngân sách", kind="numeric"
    )
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=9),
    )
    return {
        "campaign": campaign,
        "criterion": criterion,
        "period": period,
        "office": office,
        "a": demo_units["ubnd-x-binh-lu"],
        "staff_a": make_member("cb.a", demo_units["ubnd-x-binh-lu"], Membership.Role.UNIT_STAFF),
        "staff_b": make_member("cb.b", demo_units["ubnd-x-son-binh"], Membership.Role.UNIT_STAFF),
        "outsider": make_member(
            "cb.x", demo_units["ubnd-x-muong-khoa"], Membership.Role.UNIT_STAFF
        ),
        "other_office": make_member(
            "vp.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF
        ),
    }


def _built() -> dict:
    data = built_demo()
    return {**data, "world": _world(data["demo"], data["demo_units"], new_member)}


_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)


def _upload_url(world):
    """The report page: its one form takes the figures and the files (decision 0095)."""
    return reverse("tracking:report", args=[world["a"].pk, world["period"].pk])


def _page(client, world) -> str:
    url = reverse("tracking:report", args=[world["a"].pk, world["period"].pk])
    return client.get(url).content.decode()


def _stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _attach(world, name="bien-ban.pdf", data=PDF) -> ReportFile:
    report = services.report_save(
        actor=world["staff_a"],
        period=world["period"],
        unit=world["a"],
        values={},
        uploads=[SimpleUploadedFile(name, data)],
    )
    return report.files.get(original_name=name)


def _send(world) -> ResultReport:
    return services.report_save(
        actor=world["staff_a"],
        period=world["period"],
        unit=world["a"],
        values={world["criterion"].pk: (80, "")},
        submit=True,
    )


def test_a_clerk_attaches_a_scan_to_the_report_and_its_history_says_so(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        _upload_url(world), {"files": SimpleUploadedFile("Biên bản kiểm tra.pdf", PDF)}
    )
    assert response.status_code == 302
    stored = ReportFile.objects.get()
    report = stored.report
    assert (report.unit, report.period, report.status) == (
        world["a"],
        world["period"],
        ResultReport.Status.DRAFT,
    )
    assert (stored.original_name, stored.size, stored.uploaded_by) == (
        "Biên bản kiểm tra.pdf",
        len(PDF),
        world["staff_a"],
    )
    # private: under MEDIA_ROOT, which no URL serves, with a name of its own
    assert Path(stored.file.path).read_bytes() == PDF
    assert Path(stored.file.path).is_relative_to(settings.MEDIA_ROOT)
    assert "Biên bản kiểm tra" not in stored.file.name
    assert report.history.first().history_change_reason == "Đính kèm tệp “Biên bản kiểm tra.pdf”"
    html = _page(client, world)
    assert "Biên bản kiểm tra.pdf" in html
    assert reverse("tracking:report_file_download", args=[stored.pk]) in html


@pytest.mark.parametrize(
    "name, data, said",
    [
        ("ghi-chu.txt", b"chi la van ban", "không đúng định dạng cho phép"),
        ("anh.png", PDF, "có nội dung là PDF nhưng phần mở rộng là “.png”"),
        ("chuong-trinh.pdf", b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00\x4c\x01", "không đúng"),
    ],
)
def test_a_refused_file_is_said_beside_the_box_and_nothing_is_written(
    client, world, name, data, said
):
    client.force_login(world["staff_a"])
    response = client.post(_upload_url(world), {"files": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    html = response.content.decode()
    box = html[html.index('id="new-files"') :]
    box = box[: box.index("</fieldset>")]
    assert "field--error" in box and said in box and name in box
    assert ReportFile.objects.count() == 0
    assert ResultReport.objects.count() == 0  # no draft started for a refused file
    assert _stored_files() == []


def test_figures_and_files_are_saved_together_in_one_form(client, world):
    """One "Lưu nháp" keeps the figures typed and the files chosen (no second form that
    loses what was typed), and one history row names both."""
    client.force_login(world["staff_a"])
    response = client.post(
        _upload_url(world),
        {
            f"value-{world['criterion'].pk}": "1.250,5",
            "files": [
                SimpleUploadedFile("bien-ban.pdf", PDF),
                SimpleUploadedFile("bang-so-lieu.pdf", PDF),
            ],
        },
    )
    assert response.status_code == 302
    report = ResultReport.objects.get()
    assert report.status == ResultReport.Status.DRAFT
    assert report.values.get().value == Decimal("1250.5")
    assert sorted(report.files.values_list("original_name", flat=True)) == [
        "bang-so-lieu.pdf",
        "bien-ban.pdf",
    ]
    assert report.history.count() == 1
    assert "Đính kèm tệp “bien-ban.pdf”, “bang-so-lieu.pdf”" in (
        report.history.first().history_change_reason
    )


def test_sending_the_report_takes_the_files_chosen_with_it(client, world):
    client.force_login(world["staff_a"])
    response = client.post(
        _upload_url(world),
        {
            f"value-{world['criterion'].pk}": "80",
            "submit": "1",
            "files": SimpleUploadedFile("bao-cao-ky.pdf", PDF),
        },
    )
    assert response.status_code == 302
    report = ResultReport.objects.get()
    assert report.status == ResultReport.Status.SUBMITTED
    assert report.files.get().original_name == "bao-cao-ky.pdf"


def test_a_refused_file_keeps_the_typed_figures_on_the_page_and_saves_nothing(client, world):
    """All or nothing: a good file, figures and a refused file sent together: the page
    says which file, beside the box; the figures typed are still in their boxes; no
    figure, no report, no file (not the good one either) is kept."""
    _attach(world)  # a draft with one file already
    report = ResultReport.objects.get()
    before = (report.updated_at, report.history.count())
    files_on_disk = _stored_files()
    client.force_login(world["staff_a"])
    response = client.post(
        _upload_url(world),
        {
            "loaded": report.updated_at.isoformat(),
            f"value-{world['criterion'].pk}": "4321",
            f"evidence-{world['criterion'].pk}": "Biên bản số 7",
            "files": [
                SimpleUploadedFile("tot.pdf", PDF),
                SimpleUploadedFile("ghi-chu.txt", b"chi la van ban"),
            ],
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    box = html[html.index('id="new-files"') :]
    box = box[: box.index("</fieldset>")]
    assert "field--error" in box and "ghi-chu.txt" in box
    assert 'value="4321"' in html and "Biên bản số 7" in html
    report.refresh_from_db()
    assert (report.updated_at, report.history.count()) == before
    assert not report.values.exists()
    assert list(report.files.values_list("original_name", flat=True)) == ["bien-ban.pdf"]
    assert _stored_files() == files_on_disk  # "tot.pdf" not left on disk


def test_a_clerk_of_another_unit_cannot_attach_to_this_report(client, world):
    client.force_login(world["staff_b"])
    response = client.post(_upload_url(world), {"files": SimpleUploadedFile("x.pdf", PDF)})
    assert response.status_code == 403
    assert ReportFile.objects.count() == 0


def test_who_downloads_a_report_file(client, world):
    stored = _attach(world)
    url = reverse("tracking:report_file_download", args=[stored.pk])

    def status(user):
        client.logout()
        if user:
            client.force_login(world[user])
        return client.get(url)

    # a draft is the unit's own: the office does not read it yet (as the report's figures)
    assert status("office").status_code == 404
    _send(world)
    for user in ("staff_a", "office"):
        response = status(user)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF
        assert "bien-ban.pdf" in response["Content-Disposition"]
    for user in ("staff_b", "outsider", "other_office"):
        assert status(user).status_code == 404, user
    response = status(None)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("login") + "?next="
    )
    # the office reads it beside the report's figures
    client.force_login(world["office"])
    html = client.get(
        reverse("tracking:campaign_results", args=[world["campaign"].pk])
    ).content.decode()
    assert "bien-ban.pdf" in html and url in html


def test_gỡ_tệp_archives_with_the_reason_and_keeps_the_file(client, world):
    stored = _attach(world)
    path = Path(stored.file.path)
    remove = reverse("tracking:report_file_remove", args=[stored.pk])
    client.force_login(world["staff_b"])  # another unit: not its file
    assert client.post(remove, {"reason": "Nhầm"}).status_code == 404
    client.force_login(world["staff_a"])
    client.post(remove, {"reason": "  "})
    stored.refresh_from_db()
    assert not stored.archived  # a reason is needed
    client.post(remove, {"reason": "Tải nhầm biên bản năm trước"})
    stored.refresh_from_db()
    assert stored.archived and stored.archived_by == world["staff_a"]
    assert stored.archived_reason == "Tải nhầm biên bản năm trước"
    assert path.read_bytes() == PDF  # kept, never deleted
    assert ReportFile.objects.filter(pk=stored.pk).exists()
    assert stored.report.history.first().history_change_reason.startswith(
        "Gỡ tệp “bien-ban.pdf”: Tải nhầm"
    )
    download = reverse("tracking:report_file_download", args=[stored.pk])
    html = _page(client, world)
    assert download not in html and "Chưa có tệp nào." in html
    assert client.get(download).status_code == 404


def test_a_sent_report_s_files_are_locked_with_its_figures_until_returned(client, world):
    stored = _attach(world)
    report = _send(world)
    client.force_login(world["staff_a"])
    html = client.post(
        _upload_url(world), {"files": SimpleUploadedFile("them.pdf", PDF)}
    ).content.decode()
    assert "Báo cáo đã nộp; chỉ sửa được khi bị trả lại." in html
    client.post(reverse("tracking:report_file_remove", args=[stored.pk]), {"reason": "Thừa"})
    stored.refresh_from_db()
    assert ReportFile.objects.count() == 1 and not stored.archived
    page = _page(client, world)
    assert "bien-ban.pdf" in page and "Gỡ tệp" not in page and 'name="files"' not in page
    services.report_return(actor=world["office"], report=report, reason="Thiếu biên bản")
    response = client.post(_upload_url(world), {"files": SimpleUploadedFile("them.pdf", PDF)})
    assert response.status_code == 302
    assert ReportFile.objects.filter(archived=False).count() == 2


def test_the_reports_workbook_names_each_report_s_files(client, world):
    """ "Tải Excel báo cáo kết quả": a column with the count and the names of the files in
    use; a file taken off is not named."""
    _attach(world, "bien-ban.pdf")
    kept = _attach(world, "bang-so-lieu.pdf")
    gone = _attach(world, "nham.pdf")
    services.report_file_archive(actor=world["staff_a"], stored=gone, reason="Nhầm")
    _send(world)
    client.force_login(world["office"])
    response = client.get(reverse("tracking:reports_xlsx", args=[world["campaign"].pk]))
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content))
        .worksheets[0]
        .iter_rows(values_only=True)
    )
    found = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    mine = [r for r in found if r["Đơn vị"].startswith(world["a"].name)]
    assert len(mine) == 1
    assert mine[0]["Tệp minh chứng"] == "2 tệp: bien-ban.pdf; bang-so-lieu.pdf"
    assert kept.original_name in mine[0]["Tệp minh chứng"]


def test_the_admin_lists_report_files_read_only_and_links_the_protected_download(client, world):
    """Quản trị: a list of the reports' files, searched by name or unit, filtered by
    "đã gỡ"; nothing added, changed or deleted there; each links the download, which
    still checks who asks."""
    kept = _attach(world, "bien-ban.pdf")
    gone = _attach(world, "nham.pdf")
    services.report_file_archive(actor=world["staff_a"], stored=gone, reason="Nhầm")
    client.force_login(new_admin())
    listing = reverse("admin:campaigns_reportfile_changelist")
    html = client.get(listing).content.decode()
    assert "bien-ban.pdf" in html and "nham.pdf" in html and world["a"].name in html
    html = client.get(listing, {"q": "binh lu"}).content.decode()
    assert "bien-ban.pdf" in html
    html = client.get(listing, {"q": "son binh"}).content.decode()
    assert "bien-ban.pdf" not in html
    html = client.get(listing, {"archived__exact": "1"}).content.decode()
    assert "nham.pdf" in html and "bien-ban.pdf" not in html
    page = client.get(reverse("admin:campaigns_reportfile_change", args=[kept.pk]))
    assert page.status_code == 200
    assert reverse("tracking:report_file_download", args=[kept.pk]) in page.content.decode()
    assert client.get(reverse("admin:campaigns_reportfile_add")).status_code == 403
    assert (
        client.get(reverse("admin:campaigns_reportfile_delete", args=[kept.pk])).status_code == 403
    )
    change = reverse("admin:campaigns_reportfile_change", args=[kept.pk])
    client.post(change, {"original_name": "doi-ten.pdf", "archived": "on"})
    kept.refresh_from_db()
    assert kept.original_name == "bien-ban.pdf" and not kept.archived
    assert (
        "Tải “nham.pdf”"
        not in client.get(
            reverse("admin:campaigns_reportfile_change", args=[gone.pk])
        ).content.decode()
    )
