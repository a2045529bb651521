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
