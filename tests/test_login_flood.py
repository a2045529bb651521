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


# Decision 0016: refused before the middleware stack, and hashing at low priority ------


def test_a_locked_address_is_refused_without_any_query(
    client, user, django_assert_num_queries, settings
):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    for i in range(3):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    # the first refusal is answered by axes and remembers the lock in the cache
    assert login(client, "khong-co-9", "sai", **ATTACKER).status_code == 429
    with django_assert_num_queries(0):
        response = login(client, "cb.vanthu", PASSWORD, **ATTACKER)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Địa chỉ mạng của bạn" in page
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60
    # other pages still answer that address, and other addresses still log in
    assert client.get(reverse("login"), **ATTACKER).status_code == 200
    assert login(client, "cb.vanthu", PASSWORD, **OFFICE).status_code == 302


def test_clearing_the_failures_lifts_the_cached_lock(client, user, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    for i in range(4):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    assert login(client, "cb.vanthu", PASSWORD, **ATTACKER).status_code == 429
    AccessAttempt.objects.all().delete()  # what axes_reset and the admin do
    assert login(client, "cb.vanthu", PASSWORD, **ATTACKER).status_code == 302


def test_passwords_are_hashed_in_a_low_priority_thread(settings):
    settings.PASSWORD_HASHERS = ["config.login_guard.LowPriorityPBKDF2PasswordHasher"]
    from django.contrib.auth.hashers import check_password, make_password

    seen = {}
    real = login_guard.PBKDF2PasswordHasher.encode

    def spy(self, password, salt, iterations=None):
        import os
        import threading

        seen["thread"] = threading.current_thread().name
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return real(self, password, salt, iterations)

    with mock.patch.object(login_guard.PBKDF2PasswordHasher, "encode", spy):
        encoded = make_password(PASSWORD)
    assert encoded.startswith("pbkdf2_sha256$")  # stored hashes keep Django's format
    assert seen["thread"].startswith("hash") and seen["nice"] == 19
    assert check_password(PASSWORD, encoded) and not check_password("sai", encoded)


def test_one_check_at_a_time_per_address(client, user, settings):
    """A second post from an address whose first is still being checked is 503 at once:
    no hash, no failure counted, no server thread held waiting for a slot."""
    from django.core.cache import cache

    cache.set(login_guard.CHECKING_KEY.format(ATTACKER["REMOTE_ADDR"]), 1)
    response = login(client, "cb.vanthu", "sai", **ATTACKER)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Hệ thống đang bận" in response.content.decode()
    assert CountingHasher.calls == 0 and not AccessAttempt.objects.exists()
    # another address is not held up, and the key is gone after its check
    assert login(client, "cb.vanthu", PASSWORD, **OFFICE).status_code == 302
    assert cache.get(login_guard.CHECKING_KEY.format(OFFICE["REMOTE_ADDR"])) is None


def test_the_backend_refuses_a_concurrent_check_from_the_same_address(user, rf):
    """The cache key is taken by the check itself (the middleware only reads it early)."""
    request = rf.post("/dang-nhap/", REMOTE_ADDR="203.0.113.9")
    backend = login_guard.BoundedModelBackend()
    with login_guard.one_check_per_address(request):
        with pytest.raises(login_guard.LoginBusy):
            backend.authenticate(request, username="cb.vanthu", password=PASSWORD)
    assert backend.authenticate(request, username="cb.vanthu", password=PASSWORD) == user


def test_refused_posts_are_answered_slowly_by_few_threads(settings):
    """Locked or busy: the answer waits LOGIN_REFUSED_DELAY asleep, in at most
    LOGIN_REFUSED_SLEEPERS threads of the process; the others answer at once."""
    import time

    settings.LOGIN_REFUSED_DELAY = 0.3
    settings.LOGIN_REFUSED_SLEEPERS = 2
    login_guard._tarpit = None
    took = []

    def refused():
        start = time.monotonic()
        login_guard.slow_down()
        took.append(time.monotonic() - start)

    threads = [threading.Thread(target=refused) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    login_guard._tarpit = None
    assert sorted(round(t, 1) for t in took) == [0.0, 0.0, 0.0, 0.3, 0.3]


# Decision 0020: the tarpit holds the connection, not a thread -------------------------


def test_a_refused_post_is_answered_at_once_and_its_connection_held(client, user, settings):
    """Under our gunicorn worker the 429 goes out at once; the worker is asked to read
    the client's next request only LOGIN_REFUSED_DELAY later (no thread sleeps)."""
    import time

    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    for i in range(4):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    settings.LOGIN_REFUSED_DELAY = 0.5
    asked = []
    start = time.monotonic()
    response = login(
        client,
        "cb.vanthu",
        PASSWORD,
        **ATTACKER,
        **{"thidua.tarpit": lambda s: asked.append(s) or True},
    )
    assert response.status_code == 429 and asked == [0.5]
    assert time.monotonic() - start < 0.4
    # the worker cannot hold it (its limit reached, the client closes): a thread sleeps
    start = time.monotonic()
    response = login(
        client, "cb.vanthu", PASSWORD, **ATTACKER, **{"thidua.tarpit": lambda s: False}
    )
    assert response.status_code == 429 and time.monotonic() - start >= 0.5


def _http(port: int):
    import http.client

    return http.client.HTTPConnection("127.0.0.1", port, timeout=10)


def test_the_gunicorn_worker_holds_a_connection_without_a_thread(tmp_path):
    """A real gunicorn, one worker of ONE thread, with config/gunicorn_worker.py: a held
    connection's next request is read 1.5 s after its answer, while another client is
    served at once (a sleeping thread would have made it wait); beyond
    LOGIN_TARPIT_CONNECTIONS (1 here), and for a client that closes, nothing is held."""
    import os
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOGIN_TARPIT_CONNECTIONS": "1",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--chdir",
            str(root),
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "1",
            "--threads",
            "1",
            "-k",
            "config.gunicorn_worker.TarpitThreadWorker",
            "--keep-alive",
            "10",
            "tests.tarpit_app:app",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                probe = _http(port)
                probe.request("GET", "/")
                probe.getresponse().read()
                probe.close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)

        held = _http(port)
        start = time.monotonic()
        held.request("GET", "/hold")
        assert held.getresponse().read() == b"held"
        assert time.monotonic() - start < 1.0  # the answer itself is not delayed
        held.request("GET", "/")  # sent now, read by the server only after the delay

        other = _http(port)
        before = time.monotonic()
        other.request("GET", "/hold")  # the worker's one thread is free
        assert other.getresponse().read() == b"not held"  # limit of 1 reached
        assert time.monotonic() - before < 1.0
        closing = _http(port)
        closing.request("GET", "/hold", headers={"Connection": "close"})
        assert closing.getresponse().read() == b"not held"

        assert held.getresponse().read() == b"ok"
        assert time.monotonic() - start >= 1.4
        # once released, the connection is an ordinary kept-alive one again
        again = time.monotonic()
        held.request("GET", "/")
        assert held.getresponse().read() == b"ok" and time.monotonic() - again < 1.0
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_refused_posts_are_not_logged_one_by_one(client, user, settings, caplog):
    """A flood of refused posts wrote a log line each, and each 503 went to ADMINS as an
    error mail; the lock is logged once, by axes."""
    import logging

    from django.core import mail
    from django.core.cache import cache

    settings.ADMINS = [("Quản trị", "admin@example.org")]
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    for i in range(4):
        login(client, f"khong-co-{i}", "sai", **ATTACKER)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="django.request"):
        for _ in range(5):
            assert login(client, "cb.vanthu", "sai", **ATTACKER).status_code == 429
        cache.set(login_guard.CHECKING_KEY.format(OFFICE["REMOTE_ADDR"]), 1)
        for _ in range(5):
            assert login(client, "cb.vanthu", "sai", **OFFICE).status_code == 503
    assert [r for r in caplog.records if r.name == "django.request"] == []
    assert mail.outbox == []


def test_an_address_that_failed_often_is_paced(client, user, settings):
    """After LOGIN_PACE_AFTER failures, one password check per LOGIN_PACE seconds from
    that address: the posts between are 503 "thử lại sau" at once, without a hash or a
    failure counted. Other addresses are not paced; once the pace has passed, the next
    check runs (here the right password logs in)."""
    from django.core.cache import cache

    settings.LOGIN_PACE_AFTER, settings.LOGIN_PACE = 3, 60
    for i in range(3):
        assert login(client, f"khong-co-{i}", "sai", **ATTACKER).status_code == 200
    assert CountingHasher.calls == 3
    # the 4th check starts the pace; the next posts are refused without a hash
    assert login(client, "khong-co-3", "sai", **ATTACKER).status_code == 200
    for i in range(3):
        response = login(client, f"khac-{i}", "sai", **ATTACKER)
        assert response.status_code == 503 and "Hệ thống đang bận" in response.content.decode()
    assert CountingHasher.calls == 4
    failures = AccessAttempt.objects.filter(ip_address=ATTACKER["REMOTE_ADDR"])
    assert sum(a.failures_since_start for a in failures) == 4
    assert login(client, "cb.vanthu", PASSWORD, **OFFICE).status_code == 302
    cache.delete(login_guard.PACED_KEY.format(ATTACKER["REMOTE_ADDR"]))  # 60 s later
    assert login(client, "cb.vanthu", PASSWORD, **ATTACKER).status_code == 302
