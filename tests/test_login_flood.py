"""Issue 15: a guesser rotating usernames from one address is locked by its address
after AXES_ADDRESS_FAILURE_LIMIT failures and then refused without any password hash;
others keep logging in. Password checks run in a bounded number of slots; a check
that finds none free is answered 503 "thử lại sau" and not counted as a failure."""

import threading
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from config import login_guard

pytestmark = pytest.mark.django_db

PASSWORD = "matkhau-manh-123"
ATTACKER = {"REMOTE_ADDR": "203.0.113.7"}
OFFICE = {"REMOTE_ADDR": "198.51.100.20"}


@pytest.fixture
def user(db, settings):
    # Real PBKDF2 is slow on purpose; a cheap one with the same code path suffices here.
    settings.PASSWORD_HASHERS = ["tests.test_login_flood.CountingHasher"]
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    user = get_user_model().objects.create_user("cb.vanthu", password=PASSWORD)
    CountingHasher.calls = 0
    return user


class CountingHasher(PBKDF2PasswordHasher):
    iterations = 1
    calls = 0

    def encode(self, password, salt, iterations=None):
        CountingHasher.calls += 1
        return super().encode(password, salt, iterations)


def login(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def test_settings(settings):
    assert settings.AXES_HANDLER == "config.login_guard.AddressLockHandler"
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "config.login_guard.BoundedModelBackend",
    ]
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 30
    assert settings.LOGIN_HASH_SLOTS >= 1


def test_rotating_usernames_lock_the_address_before_any_hash(client, user):
    for i in range(11):  # every try a new username: the pair rule never locks
        response = login(client, f"khong-co-{i}", "sai", **ATTACKER)
        assert response.status_code == 200
    # the limit-th failure already answers with the lock, as the pair rule does
    assert login(client, "khong-co-11", "sai", **ATTACKER).status_code == 429
    assert CountingHasher.calls == 12  # unknown usernames still cost a (dummy) hash

    CountingHasher.calls = 0
    for username in ["khong-co-99", "cb.vanthu"]:
        response = login(client, username, "sai", **ATTACKER)
        assert response.status_code == 429
        page = response.content.decode()
        assert "Tạm khóa đăng nhập" in page and "Địa chỉ mạng của bạn" in page
        assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60
    # even the right password: the address is refused before the password is checked
    assert login(client, "cb.vanthu", PASSWORD, **ATTACKER).status_code == 429
    assert CountingHasher.calls == 0
    # refused tries are not recorded (the lock does not grow while the attack goes on)
    assert sum(AccessAttempt.objects.values_list("failures_since_start", flat=True)) == 12


def test_another_address_still_logs_in(client, user):
    for i in range(13):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    response = login(client, "cb.vanthu", PASSWORD, **OFFICE)
    assert response.status_code == 302 and response.url == reverse("staff:dashboard")


def test_under_the_address_limit_nothing_changes(client, user):
    for i in range(11):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    assert login(client, "cb.vanthu", PASSWORD, **ATTACKER).status_code == 302


def test_no_free_slot_answers_503_and_counts_no_failure(client, user, settings, tmp_path):
    settings.LOGIN_HASH_SLOTS = 1
    settings.LOGIN_HASH_WAIT = 0.1
    settings.LOGIN_HASH_SLOT_DIR = str(tmp_path)
    held, release = threading.Event(), threading.Event()

    def hold():
        with login_guard.hash_slot():
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(5)
        response = login(client, "cb.vanthu", PASSWORD, **OFFICE)
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Hệ thống đang bận" in response.content.decode()
    assert CountingHasher.calls == 0
    assert not AccessAttempt.objects.exists()
    # the slot is free again: the same login goes through
    assert login(client, "cb.vanthu", PASSWORD, **OFFICE).status_code == 302


def test_slots_bound_concurrent_checks(settings, tmp_path):
    settings.LOGIN_HASH_SLOTS = 2
    settings.LOGIN_HASH_WAIT = 2
    settings.LOGIN_HASH_SLOT_DIR = str(tmp_path)
    inside, most, lock = 0, 0, threading.Lock()

    def check():
        nonlocal inside, most
        with login_guard.hash_slot():
            with lock:
                inside += 1
                most = max(most, inside)
            threading.Event().wait(0.05)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=check) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most == 2


def test_no_bound_when_slots_is_zero(settings):
    settings.LOGIN_HASH_SLOTS = 0
    with mock.patch("config.login_guard.fcntl.flock") as flock:
        with login_guard.hash_slot():
            pass
    flock.assert_not_called()
