"""Liveness and readiness for the load balancer and the benchmarks, and the error
page that tells a database outage (503, try again) from a fault (500)."""

from __future__ import annotations

import logging
import sys

from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connection,
    connections,
)
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)


def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers: no database, no session, no template."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def readyz(request: HttpRequest) -> HttpResponse:
    """The database and the cache answer; 503 when either does not."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("readyz: database")
        problems.append("database")
    try:
        cache.set("readyz", "1", timeout=5)
        if cache.get("readyz") != "1":
            problems.append("cache")
    except Exception:
        logger.exception("readyz: cache")
        problems.append("cache")
    if problems:
        return HttpResponse(
            "down: " + ", ".join(problems), status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


RETRY_AFTER_SECONDS = 5


def _database_unreachable() -> bool:
    """Whether a new connection to the database fails now (a restart, an outage), as
    opposed to an error of one statement (a deadlock, a constraint) on a live server."""
    probe = connections.create_connection(DEFAULT_DB_ALIAS)  # apart from the broken one
    try:
        probe.ensure_connection()
    except (OperationalError, InterfaceError):
        return True
    finally:
        probe.close()
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. While the database is unreachable the answer is 503 with Retry-After,
    so a proxy or a clerk knows to try again; any other fault is the plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and _database_unreachable():
        response = HttpResponse(
            loader.get_template("503.html").render(), status=503, content_type="text/html"
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent with a stale token (a page left open past a login
    elsewhere) or without the cookie (blocked or cleared) is refused in Vietnamese, in the
    site's layout, with a link that opens the form again with a fresh token. Django's own
    page is in English and offers nothing to do."""
    from django.middleware.csrf import REASON_NO_CSRF_COOKIE
    from django.shortcuts import render
    from django.utils.http import url_has_allowed_host_and_scheme

    # the page the form was on (a POST-only address would answer 405), else this address
    again = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        again, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        again = request.get_full_path()
    return render(
        request,
        "403_csrf.html",
        {"again": again, "no_cookie": reason == REASON_NO_CSRF_COOKIE},
        status=403,
    )
