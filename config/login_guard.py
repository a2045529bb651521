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
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import Sum
from django.http import HttpRequest
from django.shortcuts import render


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


class BoundedModelBackend(ModelBackend):
    """Django's ModelBackend, with each password check (real or dummy) in a slot."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password is None:
            return super().authenticate(request, username, password, **kwargs)
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
        response = render(request, "registration/login_busy.html", status=503)
        response["Retry-After"] = "5"
        return response
