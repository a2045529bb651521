"""The public pages' cache (config/public_cache.py): hits cost no query, every change
that a page shows drops it at once, personal requests never see a cached page."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from awards.models import AwardGrant, AwardType, Decision
from awards.services import decision_issued_document
from campaigns import services
from campaigns.models import Campaign
from config import public_cache
from units.models import IssuedDocument, Membership, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def roll(demo):
    """An issued decision of the province with two people on the honour roll."""
    province = demo["002"].issuer
    decision = Decision.objects.create(
        issuer=province,
        year=2025,
        number=7,
        issued_on=datetime.date(2025, 12, 1),
        subject="Về việc khen thưởng năm 2025",
        status=Decision.Status.ISSUED,
    )
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    people = [
        Person.objects.create(full_name=name, unit=province, gender="female")
        for name in ("Lò Thị Én", "Tòng Thị Phương")
    ]
    for person in people:
        AwardGrant.objects.create(
            award_type=ldtt, person=person, awardee_unit=province, year=2025, decision=decision
        )
    # Made directly, as a decision from before issued documents were kept: freeze it now,
    # as its first request would.
    decision_issued_document(decision, IssuedDocument.Kind.DECISION)
    return {"decision": decision, "award": ldtt, "people": people, "province": province}


def cached_pages(demo, roll) -> list[str]:
    campaign = demo["002"]
    return [
        reverse("public:home"),
        reverse("public:home") + "?q=thi+dua&trang=1",
        reverse("public:campaign_detail", args=[campaign.pk]),
        reverse("public:export_csv"),
        reverse("public:export_json") + "?kind=regular",
        reverse("public:feed"),
        reverse("awards_public:decision_list"),
        reverse("awards_public:decision_detail", args=[roll["decision"].pk]),
        reverse("awards_public:honour_roll"),
        reverse("awards_public:honour_roll") + "?q=lo+thi&nam=2025",
        reverse("awards_public:notice_list"),
    ]


def test_second_anonymous_get_of_each_page_runs_no_query(
    client, demo, roll, django_assert_num_queries
):
    for url in cached_pages(demo, roll):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Public-Cache"] == "miss", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.status_code == 200 and second["X-Public-Cache"] == "hit", url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url
        assert second["ETag"] == first["ETag"] and second["Last-Modified"], url


def test_head_is_answered_from_the_cache(client, demo, django_assert_num_queries):
    client.get(reverse("public:home"))
    with django_assert_num_queries(0):
        response = client.head(reverse("public:home"))
    assert response.status_code == 200 and response["X-Public-Cache"] == "hit"


def test_pages_with_a_form_files_and_pdfs_are_not_cached(client, demo):
    campaign = demo["002"]
    for url, content_type in (
        (reverse("public:campaign_pdf", args=[campaign.pk]), "application/pdf"),
        (reverse("healthz"), "text/plain"),
    ):
        client.get(url)
        response = client.get(url)  # served, the second time too, and still not cached
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(content_type), url
        assert "X-Public-Cache" not in response, url
    assert "notice_detail" not in " ".join(public_cache.PAGES)


def test_unknown_query_parameters_are_served_but_not_cached(client, demo):
    url = reverse("public:home") + "?utm_source=zalo"
    assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 200 and "X-Public-Cache" not in response


def test_publishing_a_campaign_shows_it_on_home_at_once(client, demo, make_member):
    campaign = demo["002"]
    office = make_member("nv.tinh", campaign.issuer, Membership.Role.OFFICE_STAFF)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.DRAFT, end_date=None)
    cache.clear()  # the update above went behind the ORM's signals, as a raw script would
    home = reverse("public:home")
    assert campaign.subject not in client.get(home).content.decode()
    assert client.get(home)["X-Public-Cache"] == "hit"
    services.campaign_publish(actor=office, campaign=Campaign.objects.get(pk=campaign.pk))
    response = client.get(home)
    assert response["X-Public-Cache"] == "miss"
    assert campaign.subject in response.content.decode()
    detail = client.get(reverse("public:campaign_detail", args=[campaign.pk]))
    assert detail.status_code == 200


def test_withdrawing_a_campaign_removes_its_cached_page(client, demo, make_member):
    campaign = demo["004"]
    office = make_member("nv.x", campaign.issuer, Membership.Role.OFFICE_STAFF)
    url = reverse("public:campaign_detail", args=[campaign.pk])
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Public-Cache"] == "hit"
    services.campaign_withdraw(actor=office, campaign=campaign, reason="Ban hành nhầm")
    assert client.get(url).status_code == 404


def test_issuing_a_decision_and_granting_update_the_honour_roll(client, demo, roll):
    url = reverse("awards_public:honour_roll")
    decisions = reverse("awards_public:decision_list")
    assert "Đặng Văn Hùng" not in client.get(url).content.decode()
    assert client.get(url)["X-Public-Cache"] == "hit"
    assert "số 08/QĐ-UBND" not in client.get(decisions).content.decode()
    draft = Decision.objects.create(
        issuer=roll["province"], year=2025, subject="Khen thưởng đột xuất"
    )
    person = Person.objects.create(full_name="Đặng Văn Hùng", unit=roll["province"], gender="male")
    AwardGrant.objects.create(
        award_type=roll["award"],
        person=person,
        awardee_unit=roll["province"],
        year=2025,
        decision=draft,
    )
    assert "Đặng Văn Hùng" not in client.get(url).content.decode()  # a draft is not public
    draft.status, draft.number, draft.issued_on = "issued", 8, datetime.date(2025, 12, 2)
    draft.save()
    page = client.get(url).content.decode()
    assert "Đặng Văn Hùng" in page and "Kết quả: 3" in page
    assert "số 08/QĐ-UBND" in client.get(decisions).content.decode()


def test_renaming_a_unit_or_an_award_type_updates_every_page(client, demo, roll):
    roll_url = reverse("awards_public:honour_roll")
    home = reverse("public:home")
    client.get(roll_url), client.get(home)
    province = roll["province"]
    province.name = "UBND tỉnh Lai Châu (tên mới)"
    province.save()
    assert "UBND tỉnh Lai Châu (tên mới)" in client.get(roll_url).content.decode()
    assert "UBND tỉnh Lai Châu (tên mới)" in client.get(home).content.decode()
    award = roll["award"]
    award.name = "Lao động tiên tiến (đổi tên)"
    award.save()
    assert "Lao động tiên tiến (đổi tên)" in client.get(roll_url).content.decode()


def test_a_public_attachment_appears_on_the_campaign_page(client, demo, make_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    campaign = demo["002"]
    office = make_member("nv.tep", campaign.issuer, Membership.Role.OFFICE_STAFF)
    url = reverse("public:campaign_detail", args=[campaign.pk])
    client.get(url)
    attachment = services.attachment_add(
        actor=office,
        campaign=campaign,
        upload=SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    assert "ban-ky.pdf" not in client.get(url).content.decode()
    services.attachment_set_public(actor=office, attachment=attachment, is_public=True)
    assert "ban-ky.pdf" in client.get(url).content.decode()


def test_staff_work_that_no_public_page_shows_keeps_the_cache(client, demo):
    from campaigns.models import ReportPeriod

    client.get(reverse("public:home"))
    ReportPeriod.objects.create(
        campaign=demo["002"], kind="final", due_on=datetime.date(2025, 12, 1)
    )
    assert client.get(reverse("public:home"))["X-Public-Cache"] == "hit"


def test_a_logged_in_user_never_gets_the_anonymous_page(client, demo, admin_user):
    home = reverse("public:home")
    anonymous = client.get(home)
    assert "Đăng nhập" in anonymous.content.decode()
    client.force_login(admin_user)
    for _ in range(2):
        response = client.get(home)
        assert "X-Public-Cache" not in response
        html = response.content.decode()
        assert "Đăng xuất" in html and "Quản trị" in html
    client.logout()
    # Logged out: the session cookie may linger empty; still never a cached page
    # carrying someone's menu, and nothing personal was stored on the way.
    assert "Đăng xuất" not in client.get(home).content.decode()


def test_a_flashed_message_bypasses_the_cache(client, demo):
    home = reverse("public:home")
    client.get(home)
    client.cookies["messages"] = "anything"
    assert "X-Public-Cache" not in client.get(home)


def test_etag_and_last_modified_answer_304(client, demo, django_assert_num_queries):
    home = reverse("public:home")
    first = client.get(home)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"
    with django_assert_num_queries(0):
        not_modified = client.get(home, headers={"if-none-match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get(home, headers={"if-modified-since": modified}).status_code == 304
    assert client.get(home, headers={"if-none-match": '"other"'}).status_code == 200
    # A 304 even on the very first, uncached answer: the validators are the same.
    cache.clear()
    assert client.get(home, headers={"if-none-match": etag}).status_code == 304


def test_a_change_gives_a_new_etag(client, demo):
    url = reverse("public:campaign_detail", args=[demo["002"].pk])
    etag = client.get(url)["ETag"]
    campaign = demo["002"]
    campaign.theme = "Chủ đề mới"
    campaign.save()
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag


@pytest.mark.django_db(transaction=True)
def test_the_commit_bumps_once_per_transaction_and_topic():
    from django.db import connection

    from units.demo import load_units

    units = list(load_units().values())[:5]
    topic = {public_cache.UNITS}
    before = public_cache.generations(topic)[public_cache.UNITS]
    with transaction.atomic():
        for unit in units:
            unit.short_name = "Mới"
            unit.save()
        ours = [f for _s, f, _r in connection.run_on_commit if hasattr(f, "public_cache_topics")]
        assert [f.public_cache_topics for f in ours] == [frozenset(topic)]
        during = public_cache.generations(topic)[public_cache.UNITS]
    after = public_cache.generations(topic)[public_cache.UNITS]
    assert during == before + len(units)  # each save bumps at once...
    assert after == during + 1  # ...and the commit once more


@pytest.mark.django_db(transaction=True)
def test_a_page_cached_before_the_commit_is_dropped_by_it(client):
    """A reader that renders between the save and the commit sees the old data and may
    cache it; the bump on commit makes that entry unreachable."""
    from units.demo import load_units

    load_units()
    home = reverse("public:home")
    topics = public_cache.PAGES["public:home"][0]
    key = public_cache.page_key(_request(home))
    with transaction.atomic():
        unit = load_units()["ubnd-tinh-lai-chau"]
        unit.short_name = "Tỉnh"
        unit.save()
        _entry, gens = public_cache.lookup(key, topics)  # what a concurrent reader read
        cache.set(key, {"generations": gens, "content": b"stale"})  # and stored
        assert public_cache.lookup(key, topics)[0] is not None
    assert public_cache.lookup(key, topics)[0] is None
    assert b"stale" not in client.get(home).content


def _request(path: str):
    from django.test import RequestFactory

    return RequestFactory().get(path)


def test_a_lost_generation_never_comes_back_to_an_old_value(demo):
    topic = {public_cache.AWARDS}
    first = public_cache.generations(topic)
    cache.delete(public_cache.GENERATION_KEY.format(public_cache.AWARDS))  # evicted
    assert public_cache.generations(topic) != first


def test_healthz_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert not response.cookies and "Cookie" not in response.get("Vary", "")


def test_readyz_checks_database_and_cache(client, monkeypatch):
    assert client.get("/readyz").content == b"ok"

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("config.views.cache.set", broken)
    response = client.get("/readyz")
    assert response.status_code == 503 and b"cache" in response.content


def test_a_cache_that_is_down_serves_pages_and_lets_writes_through(client, demo, settings):
    """Redis unreachable: public pages come from the database, and publishing works."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    try:  # (the settings fixture resets Django's cache handlers on change)
        response = client.get(reverse("public:home"))
        assert response.status_code == 200 and "X-Public-Cache" not in response
        campaign = demo["002"]
        campaign.subject = "Trích yếu sửa khi bộ đệm hỏng"
        campaign.save()  # the signal's bump fails quietly
        assert (
            "Trích yếu sửa khi bộ đệm hỏng"
            in client.get(reverse("public:campaign_detail", args=[campaign.pk])).content.decode()
        )
    finally:
        del settings.CACHES
