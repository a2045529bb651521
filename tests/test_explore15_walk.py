"""A unit's year walked by a new clerk (decision 0088): what the walk found, each pinned by
a test that failed before its fix."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns import services as campaign_services
from campaigns.models import Campaign, ReportPeriod
from tests.conftest import build_cycle, new_member
from tests.factories import issued_decision, passed_nominations, still_running
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db


def _world(demo, demo_units, make_member):
    campaign = demo["000"]
    still_running(campaign)
    return {
        "campaign": campaign,
        "office": make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF),
        "a": demo_units["ubnd-x-binh-lu"],
        "staff_a": make_member("cb.a", demo_units["ubnd-x-binh-lu"], Membership.Role.UNIT_STAFF),
    }


def _built() -> dict:
    data = built_demo()
    return {
        **data,
        "world": _world(data["demo"], data["demo_units"], new_member),
        "cycle": build_cycle(data["demo_units"]),
    }


_module_data, _module_copy, demo_units, demo, world, cycle = data_once(
    _built, "demo_units", "demo", "world", "cycle"
)


def _next_years_copy(world) -> tuple[Campaign, Campaign]:
    """Last year's launch and this year's, copied from it: the same issuer and the same
    long subject, told apart only by their number and date (what an office does each
    January with "Sao chép thành dự thảo mới")."""
    old = world["campaign"]
    subject = (
        "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển "
        "kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm"
    )
    today = timezone.localdate()
    old.number, old.subject = "15", subject
    old.issued_on = today - datetime.timedelta(days=300)
    old.save()
    new = campaign_services.campaign_copy(actor=world["office"], campaign=old)
    new.number, new.issued_on = "20", today - datetime.timedelta(days=5)
    new.status, new.published_at = Campaign.Status.PUBLISHED, timezone.now()
    new.save()
    for campaign in (old, new):
        ReportPeriod.objects.create(
            campaign=campaign, kind="interim", due_on=today + datetime.timedelta(days=20)
        )
    return old, new


def test_a_unit_tells_last_years_launch_from_this_years_by_number_and_date(client, world):
    old, new = _next_years_copy(world)
    client.force_login(world["staff_a"])
    for url in (reverse("tracking:unit_campaigns"), reverse("staff:dashboard")):
        page = client.get(url).content.decode()
        for campaign in (old, new):
            # "Công văn số 20/UBND-NV ngày 03/12/2026": the subject alone, cut at 80 or 90
            # characters, read the same for both
            said = f"{campaign.reference} ngày {campaign.issued_on:%d/%m/%Y}"
            assert said in page, (url, said)


def test_a_units_decided_dossier_opens_its_decision_and_honourees(client, cycle):
    """The unit's clerk may not open the office's decisions (403): the dossier itself must
    lead to the issued decision, its list of honourees and its PDF."""
    (nomination,) = passed_nominations(cycle, 1)
    decision = issued_decision(cycle, [nomination])
    client.force_login(cycle["staff"])
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content
    page = page.decode()
    public = reverse("awards_public:decision_detail", args=[decision.pk])
    pdf = reverse("awards_public:decision_pdf", args=[decision.pk])
    assert f'href="{public}"' in page and f'href="{pdf}"' in page
    assert client.get(reverse("awards:decision_list")).status_code == 403  # why it is needed
    honourees = client.get(public).content.decode()
    assert nomination.nominee_name in honourees


def test_a_unit_answering_a_return_says_what_it_added_and_the_office_reads_it(client, cycle):
    from awards import services as award_services
    from tests.factories import nominate

    nomination = nominate(cycle, person=cycle["people"][0])
    award_services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    award_services.nomination_appraise(
        actor=cycle["office"], nomination=nomination, result="returned", note="Thiếu chữ ký"
    )
    client.force_login(cycle["staff"])
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    assert 'name="note"' in client.get(detail).content.decode()  # a box beside "Gửi lại"
    answer = "Đã bổ sung báo cáo thành tích có chữ ký của Chủ tịch UBND xã."
    client.post(reverse("awards:nomination_submit", args=[nomination.pk]), {"note": answer})
    nomination.refresh_from_db()
    assert nomination.status == "resubmitted"
    assert nomination.events.last().note == answer
    client.force_login(cycle["office"])
    review = client.get(reverse("awards:nomination_review", args=[nomination.pk]))
    assert f"Đơn vị giải trình khi gửi lại</dt><dd>{answer}" in review.content.decode()


def test_a_first_sending_asks_for_no_answer(client, cycle):
    from tests.factories import nominate

    nomination = nominate(cycle, person=cycle["people"][1])
    client.force_login(cycle["staff"])
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    assert 'name="note"' not in client.get(detail).content.decode()


def test_a_campaign_has_one_final_review_and_no_twin_periods(client, world):
    """The office pressed "Thêm kỳ báo cáo" twice (the first time with the date typed as
    2026-12-31): every unit then owed two identical "Tổng kết" reports."""
    c = world["campaign"]
    client.force_login(world["office"])
    url = reverse("tracking:criteria", args=[c.pk])
    due = (timezone.localdate() + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    later = (timezone.localdate() + datetime.timedelta(days=40)).strftime("%d/%m/%Y")
    client.post(url, {"period": "1", "p-kind": "interim", "p-due_on": due})
    client.post(url, {"period": "1", "p-kind": "final", "p-due_on": later})
    for kind, on in (("final", later), ("final", due), ("interim", due)):
        page = client.post(url, {"period": "1", "p-kind": kind, "p-due_on": on})
        assert page.status_code == 200, kind  # refused, the form shown again
        html = page.content.decode()
        assert "đã có kỳ" in html.lower() and f'value="{on}"' in html
    assert sorted(c.periods.values_list("kind", flat=True)) == ["final", "interim"]
    # a second Sơ kết on another date is the ordinary case (6 months, 9 months)
    other = (timezone.localdate() + datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    client.post(url, {"period": "1", "p-kind": "interim", "p-due_on": other})
    assert c.periods.filter(kind="interim").count() == 2


def test_answering_a_launch_starts_the_document_from_the_launch_it_answers(client, world):
    """ "Soạn văn bản hưởng ứng" chose only the parent: the clerk retyped the upper
    document's number, date and subject into "Thực hiện …" and the căn cứ rows."""
    parent = world["campaign"]
    parent.number, parent.issued_on = "09", datetime.date(2026, 1, 5)
    parent.save()
    commune = world["a"]
    commune.is_issuing_body = True
    commune.save()
    office = new_member("vp.xa15", commune, Membership.Role.OFFICE_STAFF)
    client.force_login(office)
    page = client.get(reverse("staff:campaign_create") + f"?cap_tren={parent.pk}")
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["parent"] == parent.pk and form.initial["kind"] == parent.kind
    said = f"Thực hiện {parent.dated_reference} của {parent.issuer.name}"
    assert form.initial["preamble"].startswith(said)
    references = [f for f, _, prefix in page.context["formsets"] if prefix == "references"][0]
    row = references.forms[0]
    assert row.initial["relation"] == "implements"
    assert (row.initial["number"], row.initial["issued_on"]) == ("09", parent.issued_on)
    html = page.content.decode()
    assert 'value="05/01/2026"' in html and said in html


def test_a_clerk_of_one_unit_reads_its_name_once_not_in_a_column_on_every_row(client, world):
    """At 390 px the four columns left "Phong trào" one word a line: the "Đơn vị" column
    repeated the clerk's only unit on every row."""
    _next_years_copy(world)
    client.force_login(world["staff_a"])
    page = client.get(reverse("tracking:unit_campaigns")).content.decode()
    assert f"Phong trào đơn vị tham gia: {world['a'].name}</h1>" in page
    assert '<th scope="col">Đơn vị</th>' not in page
    # a clerk of two units still sees which row is whose
    other = world["campaign"].issuer.children.exclude(pk=world["a"].pk).first()
    Membership.objects.create(user=world["staff_a"], unit=other, role=Membership.Role.UNIT_STAFF)
    page = client.get(reverse("tracking:unit_campaigns")).content.decode()
    assert '<th scope="col">Đơn vị</th>' in page


def test_the_final_report_shows_what_the_interim_one_sent(client, world):
    """The Tổng kết form was blank beside each criterion: the clerk opened the Sơ kết report
    in another tab to carry its figures forward."""
    from campaigns.results import services as results

    c = world["campaign"]
    criterion = c.criteria.create(name="Thu ngân sách", kind="numeric", target=100)
    today = timezone.localdate()
    interim = ReportPeriod.objects.create(
        campaign=c, kind="interim", due_on=today + datetime.timedelta(days=5)
    )
    final = ReportPeriod.objects.create(
        campaign=c, kind="final", due_on=today + datetime.timedelta(days=40)
    )
    results.report_save(
        actor=world["staff_a"],
        period=interim,
        unit=world["a"],
        values={criterion.pk: (Decimal("98.5"), "")},
        submit=True,
    )
    client.force_login(world["staff_a"])
    said = f"Sơ kết (hạn {interim.due_on:%d/%m/%Y}) đã nộp: 98,5"
    page = client.get(reverse("tracking:report", args=[world["a"].pk, final.pk]))
    assert said in page.content.decode()
    page = client.get(reverse("tracking:report", args=[world["a"].pk, interim.pk]))
    assert "đã nộp: 98,5" not in page.content.decode()  # not itself
