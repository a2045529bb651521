"""Liveness and readiness for the load balancer and the benchmarks."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

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
