"""A request body larger than REQUEST_MAX_BYTES is refused before it is read.

Django reads a whole multipart body (streaming files to disk) before a view can check a
file's size, so a 500 MB post was read in full before the 20 MB check. This middleware
answers 413 from the Content-Length header alone, before Django reads a byte. (Under
WSGI, Django never reads past Content-Length, and reads nothing of a body sent
without one.) nginx's `client_max_body_size` refuses first in production
(docs/deployment.md); this holds without it.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import engines

PAGE = """{% extends "base.html" %}
{% block title %}Tệp gửi lên quá lớn{% endblock %}
{% block content %}
<section class="panel">
  <h1 class="page-title">Tệp gửi lên quá lớn</h1>
  <p>Dữ liệu gửi lên ({{ size }}) vượt quá mức cho phép. Mỗi tệp tối đa {{ limit }}.
  Hãy giảm dung lượng tệp (nén ảnh, in lại ra PDF) rồi gửi lại.</p>
  <p><a href="{% url 'public:home' %}">Về trang chủ</a></p>
</section>
{% endblock %}"""


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB".replace(".", ",")


def too_large(request: HttpRequest, size: int) -> HttpResponse:
    page = engines["django"].from_string(PAGE)
    context = {"size": _megabytes(size), "limit": _megabytes(settings.UPLOAD_MAX_BYTES)}
    return HttpResponse(page.render(context, request), status=413)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return too_large(request, length)  # not a byte of the body is read
        return self.get_response(request)
