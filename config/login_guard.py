"""Password checks may not starve the pages (issue 15).

A password check runs PBKDF2 (about 0.5-1 s of CPU on our machine, on purpose), for a
wrong password, a right one and, to hide which usernames exist, for an unknown
username too (Django hashes a dummy password). A few clients posting wrong passwords as
fast as they are answered kept every core busy and took the home page from 45 ms to
seconds. Two limits, both before any hashing:

- `AddressLockHandler` (django-axes handler): besides the username+address pair, an
  address alone is refused after AXES_ADDRESS_FAILURE_LIMIT failures within the
  cool-off, whatever usernames it tried. Refused tries are answered from two indexed
  queries, with no hash.
- `BoundedModelBackend`: at most LOGIN_HASH_SLOTS password checks run at once on this
  machine (slots are flock()ed files, shared by every gunicorn worker); a check that
  finds no slot within LOGIN_HASH_WAIT seconds is answered 503 "thử lại sau"
  (`LoginBusyMiddleware`), not counted as a failure. The rest of the CPU stays for pages.

Two more, measured in bench/login_load.py (decision 0016):

- `LockedAddressMiddleware`: once an address is locked, its lock's end is kept in the
  cache, and its login posts are refused (429) at the top of the middleware stack,
  before sessions, CSRF, authentication and axes: no database query at all. Without
  it every refused try still cost the whole stack and five queries, and a flood of
  refused tries took as much CPU as the hashing it was spared.
- `one_check_per_address`: one password check at a time per address; the address's
  other posts meanwhile are 503 (in the middleware when the cache shows it), so
  guessers from one address hold one password slot, not one per connection.
- `slow_down`: a refused login post (locked, or busy) is answered after a second,
  asleep, by a bounded number of threads per worker: a guesser that sends as fast as
  it is answered sends a few tries a second, not hundreds.
- `LowPriorityPBKDF2PasswordHasher`: the PBKDF2 rounds run in a thread of their own at
  the lowest CPU priority (nice 19; Linux gives each thread its own nice value), so a
  password check takes only CPU that pages leave free.
"""

from __future__ import annotations

import fcntl
import logging
import os
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Sum
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from config.proxies import client_ip

logger = logging.getLogger(__name__)


def address_failures(request: HttpRequest) -> int:
    """Failures counted from this request's address within the cool-off, any username."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    return (
        AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
        ).aggregate(n=Sum("failures_since_start"))["n"]
        or 0
    )


def address_locked(request: HttpRequest) -> bool:
    return address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT


class AddressLockHandler(AxesDatabaseHandler):
    """axes' database handler, plus a lock on the address alone at a higher limit.

    axes has one failure limit for all its lockout parameters; the pair keeps
    AXES_FAILURE_LIMIT and the address gets its own, so the pair rule (and its tests)
    are unchanged. A locked address counts as at the limit for every username."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if address_locked(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


class LoginBusy(Exception):
    """No password-check slot came free in time."""


def _slot_dir() -> Path:
    path = Path(settings.LOGIN_HASH_SLOT_DIR or tempfile.gettempdir()) / "thidua-login-slots"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@contextmanager
def hash_slot():
    """Hold one of LOGIN_HASH_SLOTS machine-wide slots while the block runs."""
    slots = settings.LOGIN_HASH_SLOTS
    if slots <= 0:  # 0: no bound
        yield
        return
    directory = _slot_dir()
    deadline = time.monotonic() + settings.LOGIN_HASH_WAIT
    first = os.getpid() % slots  # workers start on different slots
    while True:
        for i in range(slots):
            fd = os.open(directory / f"{(first + i) % slots}", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
            return
        if time.monotonic() >= deadline:
            raise LoginBusy
        time.sleep(0.02)


CHECKING_KEY = "login-checking:{}"


@contextmanager
def one_check_per_address(request: HttpRequest | None):
    """At most one password check at a time per client address, machine-wide (a cache
    key): a second login post from the address while one is checked is LoginBusy at
    once, instead of holding a server thread while it waits for a slot. Eight
    guessers from one address hold one thread and one slot, not eight."""
    address = client_ip(request) if request is not None else None
    if not address:
        yield
        return
    key = CHECKING_KEY.format(address)
    # Expires by itself should a worker die mid-check.
    if not cache.add(key, 1, timeout=int(settings.LOGIN_HASH_WAIT) + 30):
        raise LoginBusy
    try:
        yield
    finally:
        cache.delete(key)


PACED_KEY = "login-paced:{}"


def pace(request: HttpRequest | None) -> None:
    """An address with LOGIN_PACE_AFTER failures or more (within the cool-off, any
    usernames) starts at most one password check every LOGIN_PACE seconds; a post
    meanwhile is LoginBusy (503, not counted). Its guesses then cost a fifth of a core
    at most, not a whole one, until the lock (decision 0020). A person who mistyped a
    few times waits a few seconds between tries anyway; an office behind one address
    shares the pace while it has that many failures."""
    if request is None or settings.LOGIN_PACE <= 0:
        return
    address = client_ip(request)
    if not address or address_failures(request) < settings.LOGIN_PACE_AFTER:
        return
    if not cache.add(PACED_KEY.format(address), 1, timeout=settings.LOGIN_PACE):
        raise LoginBusy


class BoundedModelBackend(ModelBackend):
    """Django's ModelBackend, with each password check (real or dummy) in a slot, one
    check at a time per address, and a pace for an address that failed often."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password is None:
            return super().authenticate(request, username, password, **kwargs)
        with one_check_per_address(request):
            pace(request)
            with hash_slot():
                return super().authenticate(request, username, password, **kwargs)


class LoginBusyMiddleware:
    """LoginBusy from a login view: 503 with Retry-After, in Vietnamese."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, LoginBusy):
            return None
        slow_down(request)
        return busy_response(request)


# Locked addresses, refused before the middleware stack ----------------------------

LOCKED_KEY = "login-locked:{}"


def remember_locked_address(address: str | None, until: datetime) -> None:
    """Keep an address's lock end in the cache until it ends (set by the 429 page)."""
    seconds = int((until - timezone.now()).total_seconds())
    if address and seconds > 0:
        cache.set(LOCKED_KEY.format(address), until.timestamp(), seconds)


@receiver(post_delete, sender=AccessAttempt)
def forget_locked_address(sender, instance: AccessAttempt, **kwargs) -> None:
    """Failures cleared (axes_reset, the admin): the address's cached lock goes too."""
    if instance.ip_address:
        cache.delete(LOCKED_KEY.format(instance.ip_address))


class LockedAddressMiddleware:
    """A login post from an address whose lock is in the cache: 429 at once; from an
    address whose previous post is still being checked, or that is paced (`pace`) and
    checked one less than LOGIN_PACE seconds ago: 503 at once.

    Placed right after SecurityMiddleware: no session, no CSRF check, no query. Only
    posts to the login pages are refused; every other page still answers the address
    (an office behind one NAT address keeps reading while its lock runs out)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._paths = None

    def paths(self) -> frozenset[str]:
        if self._paths is None:
            self._paths = frozenset({reverse("login"), reverse("admin:login")})
        return self._paths

    def __call__(self, request):
        if request.method == "POST" and request.path_info in self.paths():
            address = client_ip(request)
            if address:
                keys = [LOCKED_KEY, CHECKING_KEY, PACED_KEY]
                found = cache.get_many([key.format(address) for key in keys])
                until = found.get(LOCKED_KEY.format(address))
                if until is not None:
                    slow_down(request)
                    return locked_response(request, until)
                if CHECKING_KEY.format(address) in found or PACED_KEY.format(address) in found:
                    slow_down(request)
                    return busy_response(request)
        return self.get_response(request)


_tarpit: threading.BoundedSemaphore | None = None
TARPIT_KEY = "thidua.tarpit"  # set in the WSGI environ by config/gunicorn_worker.py


def slow_down(request: HttpRequest | None = None) -> None:
    """Slow a refused login post's client down by LOGIN_REFUSED_DELAY seconds.

    A guesser sends its next try as soon as it is answered: answered at once, refused
    tries came hundreds a second and their handling took the CPU the pages needed.

    Under our gunicorn worker (config/gunicorn_worker.py) the answer goes out now and
    the worker reads the next request of its kept-alive connection only after the
    delay: no thread waits, so every such connection is slowed (decision 0020).
    Otherwise (the client closes its connection, another server, the worker's
    LOGIN_TARPIT_CONNECTIONS all held) the answer waits asleep: a thread costs no CPU
    then, and at most LOGIN_REFUSED_SLEEPERS threads of a worker sleep so (the others
    answer at once), so pages always find a free thread."""
    global _tarpit
    delay = settings.LOGIN_REFUSED_DELAY
    if delay <= 0:
        return
    hold = request.META.get(TARPIT_KEY) if request is not None else None
    if hold is not None and hold(delay):
        return
    if _tarpit is None:
        _tarpit = threading.BoundedSemaphore(max(1, settings.LOGIN_REFUSED_SLEEPERS))
    if _tarpit.acquire(blocking=False):
        try:
            time.sleep(delay)
        finally:
            _tarpit.release()


def unlogged(response):
    """Not written to django.request's log: Django logs every 5xx as an error (which
    ADMINS get by mail) and every 4xx as a warning, so a flood of refused posts wrote a
    line, and for 503 sent a mail, per post (decision 0020). The lock itself is logged
    by axes when it starts."""
    response._has_been_logged = True  # what django.utils.log.log_response checks
    return response


def busy_response(request: HttpRequest):
    if not hasattr(request, "user"):  # refused before the auth middleware
        request.user = AnonymousUser()
    response = render(request, "registration/login_busy.html", status=503)
    response["Retry-After"] = "5"
    return unlogged(response)


def locked_response(request: HttpRequest, until_timestamp: float):
    import math

    request.user = AnonymousUser()  # the auth context processor reads it; no session
    until = datetime.fromtimestamp(until_timestamp, tz=timezone.get_current_timezone())
    seconds = max(0, math.ceil(until_timestamp - time.time()))
    response = render(
        request,
        "registration/locked_out.html",
        {"until": until, "minutes": max(1, math.ceil(seconds / 60)), "by_address": True},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return unlogged(response)


# Password hashing at the lowest CPU priority ---------------------------------------


def _lower_priority() -> None:
    try:  # this thread only: Linux keeps a nice value per thread
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), settings.LOGIN_HASH_NICE)
    except (AttributeError, OSError):  # not Linux: the slots still bound the hashing
        logger.info("password hashing runs at normal priority (setpriority failed)")


_executor: ThreadPoolExecutor | None = None
_executor_pid: int | None = None
_executor_lock = threading.Lock()


def _hashing_executor() -> ThreadPoolExecutor:
    """One low-priority thread per process (a forked worker starts its own)."""
    global _executor, _executor_pid
    with _executor_lock:
        if _executor is None or _executor_pid != os.getpid():
            _executor = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="hash", initializer=_lower_priority
            )
            _executor_pid = os.getpid()
        return _executor


class LowPriorityPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 (same algorithm name and stored hashes), computed at nice 19.

    hashlib releases the GIL during the rounds, so the request's thread waits and the
    process's other threads serve pages meanwhile."""

    def encode(self, password, salt, iterations=None):
        encode = super().encode
        return _hashing_executor().submit(encode, password, salt, iterations).result()
