"""The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE): in Vietnamese,
status 429, saying when the lock ends, instead of axes' one English sentence."""

from __future__ import annotations

import math

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def lock_ends(request: HttpRequest, credentials: dict | None = None):
    """When this username may log in again from this address: the last counted failure
    plus the cool-off (a try while locked out does not move it; see settings)."""
    cool_off = get_cool_off(request)
    now = getattr(request, "axes_attempt_time", None) or timezone.now()
    username = get_client_username(request, credentials)
    last = AccessAttempt.objects.filter(
        username=username, ip_address=getattr(request, "axes_ip_address", None)
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last or now) + cool_off, now


def lockout_response(
    request: HttpRequest, original_response=None, credentials: dict | None = None
) -> HttpResponse:
    until, now = lock_ends(request, credentials)
    seconds = max(0, math.ceil((until - now).total_seconds()))
    response = render(
        request,
        "registration/locked_out.html",
        {"until": timezone.localtime(until), "minutes": max(1, math.ceil(seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
