"""Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
username from one address, that pair is refused for the cool-off, with a Vietnamese
page (429) that says until when. Other usernames from that address, and the same
username from elsewhere, are not affected. The lock ends on its own."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "matkhau-manh-123"
LOCKED = "Tạm khóa đăng nhập"


@pytest.fixture
def users(db):
    make = get_user_model().objects.create_user
    return make("cb.vanthu", password=PASSWORD), make("cb.ketoan", password=PASSWORD)


def login(client, username, password, url=None, **meta):
    return client.post(
        url or reverse("login"), {"username": username, "password": password}, **meta
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def lock(client, username, **meta):
    """Wrong passwords up to the limit; the last one already answers with the lock."""
    for _ in range(4):
        response = login(client, username, "sai-mat-khau", **meta)
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    return login(client, username, "sai-mat-khau", **meta)


@pytest.fixture
def later():
    """Move axes' clock forward (its attempt times come from axes.handlers.proxy.now):
    no sleeping, and nothing else in the process sees a different time."""

    def move(minutes):
        future = timezone.now() + datetime.timedelta(minutes=minutes)
        return mock.patch("axes.handlers.proxy.now", return_value=future)

    return move


def test_settings_default_to_five_failures_and_fifteen_minutes(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_five_wrong_passwords_lock_even_the_right_one(client, users):
    response = lock(client, "cb.vanthu")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "Vui lòng thử lại sau" in page
    assert "too many login attempts" not in page  # not axes' English default
    # the end of the lock, in local time: the last failure plus 15 minutes
    last = AccessAttempt.objects.get(username="cb.vanthu").attempt_time
    until = timezone.localtime(last + datetime.timedelta(minutes=15))
    assert until.strftime("%H:%M") in page and until.strftime("%d/%m/%Y") in page
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60

    response = login(client, "cb.vanthu", PASSWORD)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert not logged_in(client)
    # a try while locked does not push the end further
    assert AccessAttempt.objects.get(username="cb.vanthu").attempt_time == last


def test_after_the_cool_off_the_user_logs_in(client, users, later):
    lock(client, "cb.vanthu")
    with later(14):
        assert login(client, "cb.vanthu", PASSWORD).status_code == 429
    with later(16):
        response = login(client, "cb.vanthu", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("staff:dashboard")
    assert logged_in(client)
    # a success clears the failures: one more mistake does not lock again
    client.logout()
    assert login(client, "cb.vanthu", "sai-mat-khau").status_code == 200
    assert login(client, "cb.vanthu", PASSWORD).status_code == 302


def test_another_username_from_the_same_address_is_not_locked(client, users):
    assert lock(client, "cb.vanthu").status_code == 429
    response = login(client, "cb.ketoan", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_the_same_username_from_another_address_is_not_locked(client, users):
    assert lock(client, "cb.vanthu", REMOTE_ADDR="203.0.113.7").status_code == 429
    response = login(client, "cb.vanthu", PASSWORD, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302 and logged_in(client)


def test_spoofed_forwarded_addresses_do_not_escape_the_lock(client, users, settings):
    """Behind nginx: the address nginx appended counts, not what the sender wrote."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for i in range(5):
        login(client, "cb.vanthu", "sai", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 203.0.113.7")
    response = login(client, "cb.vanthu", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99, 203.0.113.7")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # another citizen behind the same nginx may still log in as that user
    response = login(client, "cb.vanthu", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert response.status_code == 302


def test_the_admin_login_is_throttled_with_the_same_page(client, db):
    get_user_model().objects.create_superuser("quantri", "qt@example.vn", PASSWORD)
    url = reverse("admin:login")
    for _ in range(4):
        assert login(client, "quantri", "sai", url=url).status_code == 200
    response = login(client, "quantri", "sai", url=url)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert login(client, "quantri", PASSWORD, url=url).status_code == 429


def test_axes_reset_unlocks(client, users):
    lock(client, "cb.vanthu")
    call_command("axes_reset", verbosity=0)
    assert login(client, "cb.vanthu", PASSWORD).status_code == 302


def test_limits_come_from_the_environment():
    env = {
        **os.environ,
        "AXES_FAILURE_LIMIT": "3",
        "AXES_COOLOFF_MINUTES": "45",
        "TRUSTED_PROXIES": "127.0.0.1,10.0.0.0/8",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    code = (
        "from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), s.TRUSTED_PROXIES)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "3 2700.0 ['127.0.0.1', '10.0.0.0/8']", result.stderr


def test_the_test_client_logs_in_with_force_login_or_with_a_request(client, users):
    """axes checks every authenticate() and needs the request for it. The suite logs in
    with force_login, which does not authenticate; client.login must be given one."""
    from axes.exceptions import AxesBackendRequestParameterRequired
    from django.http import HttpRequest

    with pytest.raises(AxesBackendRequestParameterRequired):
        client.login(username="cb.vanthu", password=PASSWORD)
    assert client.login(request=HttpRequest(), username="cb.vanthu", password=PASSWORD)
    client.logout()
    client.force_login(users[0])
    assert logged_in(client)
