"""The campaign side walked as a new civil servant would (decision 0060): what the
office's editor and a unit's registration accepted that the printed document or the
report then showed wrong."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, DocumentType
from campaigns.results import services
from campaigns.results.models import Registration
from units.models import Membership

from .test_staff_editor import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client, make_member, demo_units):
    user = make_member("nv.tamduong", demo_units["ubnd-tam-duong"], Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    return client


def _draft(office_client, **fields) -> dict:
    data = form_data(office_client.get(reverse("staff:campaign_create")))
    data.update(
        {
            "document_type": DocumentType.objects.get(name="Công văn").pk,
            "number": "27",
            "symbol": "UBND-VP",
            "place": "Tam Đường",
            "issued_on": "05/03/2025",
            "subject": "Hưởng ứng phong trào thi đua chuyển đổi số",
            "kind": "thematic",
            "end_date": "31/12/2025",
            **fields,
        }
    )
    return data


def test_a_letter_subject_typed_with_v_v_is_not_printed_v_v_v_v(office_client):
    """A clerk types a Công văn's trích yếu as it is written on paper, "V/v hưởng ứng …";
    the document adds "V/v" itself, so the issued PDF read "V/v V/v hưởng ứng …"."""
    for typed in ("V/v hưởng ứng thi đua", "v/v: hưởng ứng thi đua", "V/V  hưởng ứng thi đua"):
        Campaign.objects.all().delete()
        data = _draft(office_client, subject=typed)
        response = office_client.post(reverse("staff:campaign_create"), data)
        assert response.status_code == 302, response.context["form"].errors
        campaign = Campaign.objects.get()
        assert campaign.subject == "hưởng ứng thi đua", typed
        page = office_client.get(reverse("staff:campaign_detail", args=[campaign.pk]))
        assert "V/v V/v" not in page.content.decode()
        assert "V/v hưởng ứng thi đua" in page.content.decode()


def test_a_plan_keeps_a_subject_that_starts_with_v_v(office_client):
    """Only a Công văn prints "V/v" before its subject: other types keep what is typed."""
    data = _draft(
        office_client,
        document_type=DocumentType.objects.get(name="Kế hoạch").pk,
        symbol="KH-UBND",
        subject="V/v thi đua",
    )
    assert office_client.post(reverse("staff:campaign_create"), data).status_code == 302
    assert Campaign.objects.get().subject == "V/v thi đua"


@pytest.mark.parametrize("number", ["-5", "abc", "15/KH", "1 5", "^3"])
def test_the_editor_refuses_a_document_number_that_is_not_a_number(office_client, number):
    """The editor saved "-5" and printed "Số: -5/KH-UBND" on the document (the import's
    review form already refused such numbers)."""
    data = _draft(office_client, number=number)
    response = office_client.post(reverse("staff:campaign_create"), data)
    assert response.status_code == 200
    assert "không hợp lệ: chỉ gồm chữ số" in response.content.decode()
    assert not Campaign.objects.exists()


def test_the_editor_takes_a_number_with_spaces_around_it(office_client):
    data = _draft(office_client, number=" 15 ")
    assert office_client.post(reverse("staff:campaign_create"), data).status_code == 302
    assert Campaign.objects.get().number == "15"


@pytest.fixture
def running(demo, demo_units, make_member):
    campaign = demo["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=30)
    campaign.save()
    office = make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)
    unit = demo_units["ubnd-x-binh-lu"]
    staff = make_member("cb.a", unit, Membership.Role.UNIT_STAFF)
    yes_no = services.criterion_add(
        actor=office, campaign=campaign, name="Có cổng dịch vụ công", kind="boolean"
    )
    points = services.criterion_add(
        actor=office,
        campaign=campaign,
        name="Chấm điểm cải cách hành chính",
        kind="points",
        max_points=Decimal(10),
    )
    return locals()


@pytest.mark.parametrize(
    ("which", "value", "said"),
    [
        ("yes_no", "2", "Chọn “Cam kết đạt” hoặc “Không cam kết”."),
        ("points", "15", "Điểm phải từ 0 đến 10."),
    ],
)
def test_a_registration_refuses_what_the_report_would_refuse(client, running, which, value, said):
    """The registration said "(1 = cam kết đạt, 0 = không)" but kept 2, then showed it as
    "đơn vị cam kết đạt"; the report of the same criterion refuses 2."""
    campaign, unit = running["campaign"], running["unit"]
    client.force_login(running["staff"])
    url = reverse("tracking:register", args=[unit.pk, campaign.pk])
    response = client.post(url, {f"target-{running[which].pk}": value})
    assert response.status_code == 200
    assert said in response.content.decode()
    assert not Registration.objects.exists()
    # the bounds themselves are taken
    ok = {f"target-{running['yes_no'].pk}": "1", f"target-{running['points'].pk}": "10"}
    assert client.post(url, ok).status_code == 302
    assert Registration.objects.count() == 1


@pytest.fixture
def commune_office(client, demo, demo_units, make_member):
    """The commune's office, below the district that launched demo campaign "000",
    still running."""
    campaign = demo["000"]
    campaign.end_date = timezone.localdate() + datetime.timedelta(days=30)
    campaign.save()
    commune = demo_units["ubnd-x-binh-lu"]
    assert campaign.issuer.pk in {commune.parent_id, commune.parent.parent_id}
    commune.is_issuing_body = True
    commune.save()
    client.force_login(make_member("vp.binhlu", commune, Membership.Role.OFFICE_STAFF))
    return client, campaign, commune


def test_the_office_below_sees_a_launch_it_has_not_answered(commune_office):
    """A ward's office read "Không có việc nào đang chờ" on the day the province launched
    a plan addressed to every ward: the launch to answer was in the editor's "Phong trào
    cấp trên" list and nowhere else."""
    client, campaign, commune = commune_office
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "Phong trào cấp trên chưa hưởng ứng (1)" in html
    assert reverse("public:campaign_detail", args=[campaign.pk]) in html
    answer = reverse("staff:campaign_create") + f"?cap_tren={campaign.pk}"
    assert answer in html
    # "Soạn văn bản hưởng ứng" opens the editor with the launch as its parent
    form = client.get(answer).context["form"]
    assert form["parent"].value() == campaign.pk
    # a draft answering it (by this office) takes it off the list
    Campaign.objects.create(
        issuer=commune,
        document_type=DocumentType.objects.get(name="Công văn"),
        subject="Hưởng ứng",
        parent=campaign,
    )
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "Phong trào cấp trên chưa hưởng ứng" not in html


def test_an_ended_launch_above_is_not_asked_for(commune_office):
    client, campaign, commune = commune_office
    campaign.end_date = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "Phong trào cấp trên chưa hưởng ứng" not in html
    # a parent typed in the address that the form would not offer is not preselected
    assert client.get(reverse("staff:campaign_create") + "?cap_tren=abc").status_code == 200


def test_a_returned_report_says_so_on_the_unit_dashboard(client, running):
    """The office returned the ward's report with a reason; the ward's dashboard listed it
    under "Báo cáo chưa nộp" exactly as one never sent, and the reason was one click away."""
    from campaigns.results.models import ResultReport

    campaign, unit, office = running["campaign"], running["unit"], running["office"]
    period = services.period_add(
        actor=office,
        campaign=campaign,
        kind="interim",
        due_on=timezone.localdate() + datetime.timedelta(days=9),
    )
    client.force_login(running["staff"])
    report = reverse("tracking:report", args=[unit.pk, period.pk])
    value = {f"value-{running['yes_no'].pk}": "1", "submit": "1"}
    assert client.post(report, value).status_code == 302
    assert ResultReport.objects.get().status == ResultReport.Status.SUBMITTED
    services.report_return(
        actor=office, report=ResultReport.objects.get(), reason="Thiếu minh chứng"
    )
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "bị trả lại: Thiếu minh chứng" in html
    # a report never sent reads as before
    ResultReport.objects.all().delete()
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "— bị trả lại:" not in html
    assert "Sơ kết: " in html


def test_a_report_period_is_not_due_before_the_campaign_starts(client, running):
    """A "Sơ kết" due 15/12/2026 was taken for a campaign running from 01/01/2027."""
    from campaigns.results.models import ReportPeriod

    campaign = running["campaign"]
    campaign.start_date = timezone.localdate() + datetime.timedelta(days=20)
    campaign.save()
    client.force_login(running["office"])
    url = reverse("tracking:criteria", args=[campaign.pk])
    early = (campaign.start_date - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(url, {"period": "1", "p-kind": "interim", "p-due_on": early})
    assert response.status_code == 200
    start = campaign.start_date.strftime("%d/%m/%Y")
    assert f"trước ngày phong trào bắt đầu ({start})" in response.content.decode()
    assert not ReportPeriod.objects.exists()
    on_start = {"period": "1", "p-kind": "interim", "p-due_on": start}
    assert client.post(url, on_start).status_code == 302
    period = ReportPeriod.objects.get()
    # its edit page refuses the same, and keeps a period already dated early editable
    edit = reverse("tracking:period_edit", args=[campaign.pk, period.pk])
    response = client.post(edit, {"p-kind": "interim", "p-due_on": early})
    assert f"trước ngày phong trào bắt đầu ({start})" in response.content.decode()
    ReportPeriod.objects.filter(pk=period.pk).update(
        due_on=campaign.start_date - datetime.timedelta(days=5)
    )
    kept = (campaign.start_date - datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    assert client.post(edit, {"p-kind": "final", "p-due_on": kept}).status_code == 302
    assert ReportPeriod.objects.get().kind == "final"


def test_a_single_marked_recipient_gets_no_bracket(client, demo):
    """ "- Bộ Nội vụ │(B/c)": the bracket that joins lines of the same note was drawn for
    a single line too (Decree 30 writes it "- Bộ Nội vụ (B/c)")."""
    from campaigns.models import DistributionEntry

    campaign = demo["000"]
    campaign.distribution.all().delete()
    for order, (text, mark) in enumerate(
        [
            ("Bộ Nội vụ", "B/c"),
            ("Như Kính gửi;", ""),
            ("TT. Huyện ủy;", "B/c"),
            ("TT. HĐND huyện;", "B/c"),
        ]
    ):
        DistributionEntry.objects.create(campaign=campaign, order=order, text=text, mark=mark)
    response = client.get(reverse("public:campaign_detail", args=[campaign.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("dist-group--marked") == 1  # the two lines of the Huyện ủy, HĐND
    assert html.count("dist-group--single") == 1


def test_one_recipient_is_written_without_a_dash(demo):
    """ "Kính gửi: - Các tổ dân phố.": Decree 30 dashes recipients only when there are
    several ("Kính gửi: Các tổ dân phố.")."""
    from campaigns.models import Recipient
    from campaigns.pdf import campaign_pdf

    from .test_campaign_pdf import pdf_text

    campaign = demo["000"]
    campaign.recipients.all().delete()
    Recipient.objects.create(campaign=campaign, order=1, text="Các tổ dân phố.")
    text, _ = pdf_text(campaign_pdf(campaign))
    assert "Kính gửi: Các tổ dân phố." in text
    Recipient.objects.create(campaign=campaign, order=2, text="Các thôn, bản.")
    text, _ = pdf_text(campaign_pdf(campaign))
    assert "- Các tổ dân phố." in text and "- Các thôn, bản." in text


def test_an_issued_documents_number_is_not_changed_by_the_editor(client, demo, make_member):
    """15/KH-UBND became 16/KH-UBND as "sửa đổi lần 2": a citizen holding the paper no
    longer found it. The editor now refuses it beside the number, and keeps the rest."""
    campaign = demo["002"]
    assert campaign.status == Campaign.Status.PUBLISHED and campaign.number
    user = make_member("nv.tp", campaign.issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    url = reverse("staff:campaign_edit", args=[campaign.pk])
    data = form_data(client.get(url))
    data.update(number=str(int(campaign.number) + 1), reason="Sửa số", subject="Đã sửa")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Số văn bản của văn bản đã phát động không sửa được" in str(
        response.context["form"]["number"].errors
    )
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert (fresh.number, fresh.subject) == (campaign.number, campaign.subject)
    assert not fresh.revisions.exists()
