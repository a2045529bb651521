"""What a signed-in user is shown is kept by no cache (decision 0066).

Staff pages and downloads hold personal data (a nominee's dossier, an unpublished draft, a
ballot): a shared office computer's browser cache or a proxy between the commune and the
province must not keep them. Every response to a signed-in user that does not set its own
`Cache-Control` gets Django's never-cache headers ("private, no-store, no-cache,
must-revalidate, max-age=0"). Anonymous responses are left to the public cache
(config/public_cache.py) and their own headers.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class PrivateResponseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        # no session cookie, nobody signed in: the session is not read (a public page and
        # /healthz stay free of "Vary: Cookie")
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
