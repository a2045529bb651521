"""The public portal and a clerk's pages as walked in decision 0080: what a citizen and a
clerk on a phone saw, and now see."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_form_sent_with_an_expired_token_is_refused_in_vietnamese_with_a_way_back():
    """A login page or a comment form left open (a new token after another login, cookies
    cleared by the phone) was answered by Django's bare English page: "Forbidden (403)
    CSRF verification failed. Request aborted." with no header, no link, nothing a clerk
    or a citizen could act on."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/dang-nhap/", {"username": "donvi", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "CSRF verification failed" not in page and "Forbidden" not in page
    assert "<title>Chưa gửi được — thidua</title>" in page
    assert "Trang đã mở quá lâu" in page
    assert 'href="/dang-nhap/"' in page  # opens the form again, with a fresh token
    assert "cookie" in page  # the other cause, said plainly


def test_the_way_back_is_the_page_the_form_was_on_never_another_site():
    browser = Client(enforce_csrf_checks=True)
    page = browser.post(
        "/quan-ly/khen-thuong/de-nghi/5/gui/",
        HTTP_REFERER="http://testserver/quan-ly/khen-thuong/de-nghi/5/",
    ).content.decode()
    assert 'href="http://testserver/quan-ly/khen-thuong/de-nghi/5/"' in page
    page = browser.post("/dang-nhap/", HTTP_REFERER="https://evil.example/x").content.decode()
    assert "evil.example" not in page and 'href="/dang-nhap/"' in page


@pytest.fixture
def merged_district(cycle, demo):
    """The cycle's district (a campaign of its own and a decision) ended on 30/06/2025, its
    work gone to the province (the 2025 reform)."""
    import datetime

    from django.core.cache import cache

    from tests.factories import issued_decision, passed_nominations
    from units.models import Unit

    district = cycle["district"]
    decision = issued_decision(cycle, passed_nominations(cycle, 1))
    campaign = next(c for c in demo.values() if c.issuer_id == district.pk)
    Unit.objects.filter(pk=district.pk).update(
        merged_into=district.parent, ended_on=datetime.date(2025, 6, 30)
    )
    cache.clear()
    return {"decision": decision, "campaign": campaign, "district": district}


def test_a_body_the_reform_ended_is_named_with_its_last_day_and_successor(client, merged_district):
    """A citizen in 2026 read "UBND huyện Tam Đường" on a campaign and a decision with
    nothing to say that districts no longer exist, nor who now answers for its work. The
    honour roll already said "(nay thuộc …)" of an awardee's unit; the issuer and the
    decision's own list did not."""
    district = merged_district["district"]
    province = district.parent.name
    then = f'{district.name} <span class="unit-then">(đến 30/06/2025, nay thuộc {province})</span>'
    campaign = merged_district["campaign"]
    decision = merged_district["decision"]
    for url in (
        "/",
        f"/phong-trao/{campaign.pk}/",
        "/quyet-dinh/",
        f"/quyet-dinh/{decision.pk}/",
    ):
        page = client.get(url).content.decode()
        assert then in page, url


def test_each_evidence_box_of_a_report_says_which_criterion_it_is_for(client, demo, demo_units):
    """The report form labelled every evidence box "Minh chứng": a screen reader (or a
    voice command) met "Minh chứng" twice, three times, with nothing to tell the boxes
    apart, and on a phone the box stands under its figure with no line between criteria."""
    import datetime

    from django.utils import timezone

    from campaigns.models import ReportPeriod
    from tests.conftest import new_member
    from tests.factories import still_running
    from units.models import Membership

    campaign = demo["000"]
    still_running(campaign)
    unit = demo_units["ubnd-x-binh-lu"]
    rate = campaign.criteria.create(name="Tỷ lệ hồ sơ trực tuyến", kind="numeric", target=80)
    budget = campaign.criteria.create(name="Thu ngân sách", kind="numeric", target=100)
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=timezone.localdate() + datetime.timedelta(5)
    )
    client.force_login(new_member("cb.a", unit, Membership.Role.UNIT_STAFF))
    page = client.get(f"/quan-ly/theo-doi/don-vi/{unit.pk}/ky/{period.pk}/bao-cao/")
    html = page.content.decode()
    for criterion in (rate, budget):
        assert (
            f'aria-label="Minh chứng cho “{criterion.name}”"' in html
            and f'id="evidence-{criterion.pk}"' in html
        )
    assert html.count('class="grid-2 report-row"') == 2  # a line between criteria


def test_each_eligibility_check_says_its_state_in_words_not_only_in_colour(client, cycle):
    """The appraisal's checklist told a passed check from a blocking one only by the colour
    of its left border and background (green, amber, red, blue): a colour-blind appraiser,
    a screen reader or a grey printout could not tell "Kỷ luật" passed from failed."""
    from awards.eligibility import checklist
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    nomination = stage["on_agenda"]
    client.force_login(cycle["council"][0])
    html = client.get(f"/quan-ly/khen-thuong/de-nghi/{nomination.pk}/").content.decode()
    words = {"ok": "Đạt", "warn": "Cần xem", "block": "Không đạt", "info": "Lưu ý"}
    checks = checklist(nomination)
    assert checks
    for check in checks:
        said = f'<span class="check__level">{words[check.level]}</span> <strong>{check.label}:</strong>'
        assert said in html


def test_the_title_of_a_campaign_search_says_what_was_searched(client, demo):
    """The honour roll's and the decisions' titles name the search (decision 0043); the
    list of campaigns read "Phong trào thi đua — thidua" in every tab and history line."""
    from django.core.cache import cache

    cache.clear()
    page = client.get("/", {"q": "tam duong", "year": "2024"}).content.decode()
    assert "<title>Phong trào thi đua: tìm “tam duong” năm 2024 — thidua</title>" in page
    assert "<title>Phong trào thi đua — thidua</title>" in client.get("/").content.decode()


def test_a_document_without_a_number_says_so_to_a_screen_reader(client, demo):
    """A campaign whose document was left unnumbered showed a dotted blank before
    "/KH-UBND", in the summary and in the text; a screen reader read only "/KH-UBND"
    (the blank's tooltip is not read out, and the text had none)."""
    from django.core.cache import cache

    cache.clear()
    campaign = next(c for c in demo.values() if not c.number and c.symbol)
    html = client.get(f"/phong-trao/{campaign.pk}/").content.decode()
    hidden = '<span class="visually-hidden">(chưa ghi số)</span></span>/' + campaign.symbol
    assert html.count(hidden) == 2  # the summary and the document's own "Số:"


def test_the_words_for_a_screen_reader_stay_off_the_printed_document(demo):
    import io

    from pypdf import PdfReader

    from campaigns.pdf import campaign_pdf

    campaign = next(c for c in demo.values() if not c.number and c.symbol)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(campaign_pdf(campaign))).pages)
    assert "/" + campaign.symbol in text and "chưa ghi số" not in text


def test_every_page_names_its_icon_so_browsers_stop_asking_for_favicon_ico(client):
    """Every page view also asked for /favicon.ico, answered 404 into the log."""
    from django.contrib.staticfiles import finders

    page = client.get("/dang-nhap/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("img/favicon.svg")
