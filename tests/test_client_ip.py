"""One place decides who sent a request (config/proxies.client_ip): X-Forwarded-For
counts only when REMOTE_ADDR is a proxy listed in TRUSTED_PROXIES, and then only the
entries our proxies appended, read from the right. The comment rate limit and the login
throttle both use it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse

from awards import services
from awards.models import AwardType, Nomination, PublicComment
from config.proxies import client_ip
from tests.factories import attach_files
from units.models import Membership, Person

ROOT = Path(__file__).resolve().parents[1]


def ip(settings, remote, forwarded=None, trusted=()):
    settings.TRUSTED_PROXIES = list(trusted)
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    assert ip(settings, "203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert ip(settings, "127.0.0.1", "198.51.100.1") == "127.0.0.1"


def test_a_sender_that_is_not_a_trusted_proxy_cannot_name_another_address(settings):
    assert ip(settings, "203.0.113.7", "198.51.100.1", trusted=["127.0.0.1"]) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_address_it_appended_counts(settings):
    # nginx's $proxy_add_x_forwarded_for: whatever the client sent, then what nginx saw
    assert ip(settings, "127.0.0.1", "203.0.113.7", trusted=["127.0.0.1"]) == "203.0.113.7"
    spoofed = "1.2.3.4, 5.6.7.8, 203.0.113.7"
    assert ip(settings, "127.0.0.1", spoofed, trusted=["127.0.0.1"]) == "203.0.113.7"


def test_a_chain_of_trusted_proxies_and_networks(settings):
    trusted = ["127.0.0.1", "10.0.0.0/8"]
    forwarded = "9.9.9.9, 203.0.113.7, 10.1.2.3, 10.0.0.5"
    assert ip(settings, "127.0.0.1", forwarded, trusted=trusted) == "203.0.113.7"
    # every hop is ours: the furthest one known
    assert ip(settings, "127.0.0.1", "10.1.2.3, 10.0.0.5", trusted=trusted) == "10.1.2.3"
    # no header at all: the proxy itself
    assert ip(settings, "127.0.0.1", None, trusted=trusted) == "127.0.0.1"


def test_ipv6_ports_and_mapped_addresses(settings):
    trusted = ["::1", "127.0.0.1"]
    assert ip(settings, "::1", "2001:db8::5", trusted=trusted) == "2001:db8::5"
    assert ip(settings, "::ffff:127.0.0.1", "203.0.113.7", trusted=trusted) == "203.0.113.7"
    assert ip(settings, "127.0.0.1", "[2001:db8::5]:4711", trusted=trusted) == "2001:db8::5"
    assert ip(settings, "127.0.0.1", "203.0.113.7:4711", trusted=trusted) == "203.0.113.7"


def test_garbage_after_our_proxy_counts_against_the_proxy(settings):
    assert ip(settings, "127.0.0.1", "203.0.113.7, unknown", trusted=["127.0.0.1"]) == ("127.0.0.1")


def test_no_remote_address_is_none(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) is None


def test_a_bad_trusted_proxies_value_stops_start_up():
    env = {**os.environ, "TRUSTED_PROXIES": "127.0.0.1,nginx.local"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "nginx.local" in result.stderr


def test_a_leftover_trust_x_forwarded_for_is_a_warning(monkeypatch, settings):
    """The old switch is no longer read: a server that still sets it is behind a proxy
    and must list it in TRUSTED_PROXIES, or every citizen shares the proxy's address."""
    from units.checks import forwarded_for_setting

    monkeypatch.setenv("TRUST_X_FORWARDED_FOR", "1")
    settings.TRUSTED_PROXIES = []
    assert [w.id for w in forwarded_for_setting(None)] == ["thidua.W003"]
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    assert forwarded_for_setting(None) == []


# The public comment form's rate limit ---------------------------------------------


@pytest.fixture
def notice_url(demo_units, make_member):
    district, commune = demo_units["ubnd-tam-duong"], demo_units["ubnd-x-binh-lu"]
    unit = make_member("cb.binhlu", commune, Membership.Role.UNIT_STAFF)
    office = make_member("nv.tamduong", district, Membership.Role.OFFICE_STAFF)
    person = Person.objects.create(full_name="Lò Văn Công Khai", unit=commune, gender="male")
    n = services.nomination_create(
        actor=unit,
        nomination=Nomination(
            award_type=AwardType.objects.get(code="cstd-tinh"),
            nominee_person=person,
            nominating_unit=commune,
            year=2025,
            achievement_summary="Sáng kiến cấp tỉnh.",
        ),
    )
    attach_files(n, unit)
    services.nomination_submit(actor=unit, nomination=n)
    services.nomination_appraise(actor=office, nomination=n, result="eligible")
    return reverse("awards_public:notice_detail", args=[n.pk])


LIMITED = "nhiều ý kiến trong một giờ"


def comment(client, url, i, **meta):
    return client.post(url, {"name": f"Người {i}", "text": "Ý kiến"}, **meta).content.decode()


@pytest.mark.django_db
def test_a_spoofed_leftmost_forwarded_address_does_not_escape_the_rate_limit(
    client, settings, notice_url
):
    """Behind nginx, as docs/deployment.md sets it up. TRUST_X_FORWARDED_FOR is what the
    guide used to say; it made the leftmost entry, which the sender writes, the key."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.TRUST_X_FORWARDED_FOR = True
    for i in range(services.COMMENTS_PER_HOUR):
        forwarded = f"10.9.8.{i}, 203.0.113.7"
        assert LIMITED not in comment(client, notice_url, i, HTTP_X_FORWARDED_FOR=forwarded)
    page = comment(client, notice_url, 99, HTTP_X_FORWARDED_FOR="10.9.8.99, 203.0.113.7")
    assert LIMITED in page
    assert PublicComment.objects.count() == services.COMMENTS_PER_HOUR


@pytest.mark.django_db
def test_two_citizens_behind_the_trusted_proxy_are_limited_apart(client, settings, notice_url):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    for i in range(services.COMMENTS_PER_HOUR):
        comment(client, notice_url, i, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert LIMITED in comment(client, notice_url, 6, HTTP_X_FORWARDED_FOR="203.0.113.7")
    # another citizen, through the same nginx
    assert LIMITED not in comment(client, notice_url, 7, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert PublicComment.objects.count() == services.COMMENTS_PER_HOUR + 1


@pytest.mark.django_db
def test_without_a_trusted_proxy_the_header_changes_nothing(client, settings, notice_url):
    settings.TRUSTED_PROXIES = []
    for i in range(services.COMMENTS_PER_HOUR):
        comment(
            client, notice_url, i, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}"
        )
    page = comment(
        client, notice_url, 9, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.1.1.1"
    )
    assert LIMITED in page
