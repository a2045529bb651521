"""The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE): in Vietnamese,
status 429, saying when the lock ends, instead of axes' one English sentence."""

from __future__ import annotations

import math

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def address_lock_ends(request: HttpRequest, now):
    """When this address falls below AXES_ADDRESS_FAILURE_LIMIT again, or None if it is
    not locked: newest failures first, the lock lasts until the one that reaches the
    limit is older than the cool-off."""
    from config.login_guard import address_locked

    if not address_locked(request):
        return None
    counted = 0
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=now - get_cool_off(request)
    ).order_by("-attempt_time")
    for attempt_time, failures in attempts.values_list("attempt_time", "failures_since_start"):
        counted += failures
        if counted >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return attempt_time + get_cool_off(request)
    return None


def lock_ends(request: HttpRequest, credentials: dict | None = None):
    """When this username may log in again from this address: the last counted failure
    plus the cool-off (a try while locked out does not move it; see settings), or the
    end of the address's own lock when that is later."""
    cool_off = get_cool_off(request)
    now = getattr(request, "axes_attempt_time", None) or timezone.now()
    username = get_client_username(request, credentials)
    last = AccessAttempt.objects.filter(
        username=username, ip_address=getattr(request, "axes_ip_address", None)
    ).aggregate(last=Max("attempt_time"))["last"]
    pair = (last + cool_off) if last else None
    address = address_lock_ends(request, now)
    ends = max([t for t in (pair, address) if t] or [now + cool_off])
    return ends, now


def lockout_response(
    request: HttpRequest, original_response=None, credentials: dict | None = None
) -> HttpResponse:
    from config.login_guard import remember_locked_address

    until, now = lock_ends(request, credentials)
    address_until = address_lock_ends(request, now)
    by_address = address_until is not None
    if by_address:  # the address's next tries are refused before the middleware stack
        remember_locked_address(request.axes_ip_address, address_until)
    seconds = max(0, math.ceil((until - now).total_seconds()))
    response = render(
        request,
        "registration/locked_out.html",
        {
            "until": timezone.localtime(until),
            "minutes": max(1, math.ceil(seconds / 60)),
            "by_address": by_address,
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
