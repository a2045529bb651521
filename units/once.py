"""Một lần gửi: a create form is saved once, however often it is sent.

Back after "Lưu dự thảo", then "Lưu dự thảo" again, used to create a second nomination;
a double click, two. Every create form carries a one-time token (`{% once_token %}`
from units/templatetags/once.py, a hidden field). This middleware, after the CSRF
check, claims the token for the user in the database (a unique row, so two requests at
once cannot both claim it) before the view runs:

- the first POST runs the view; when it redirects (saved), the row keeps where to, and
  when it does not (the form had errors, or the view failed), or it redirects with an
  error message (refused), the token is given back so the corrected form can be sent;
- a later POST with the same token does not reach the view: it is redirected to what
  the first one saved, with a message saying so; while the first is still being saved,
  it is told to wait.

One mechanism for every create view: a view opts in by its template carrying the token.
Rows older than KEEP_DAYS are removed as new ones are claimed.
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

FIELD = "_once"
KEEP_DAYS = 7
ALREADY_SAVED = (
    "Biểu mẫu này đã được gửi và lưu trước đó (có thể do bấm quay lại rồi lưu lần nữa): "
    "không tạo thêm bản mới. Đây là bản đã lưu."
)
STILL_SAVING = "Biểu mẫu này đang được lưu: chờ một lát rồi tải lại trang, không cần gửi lại."


def _token(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def _refused(request: HttpRequest) -> bool:
    """Whether the view said no with a message and a redirect (an upload refused, a step
    not allowed): nothing was saved, so the token is given back."""
    storage = getattr(request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])  # added by this request, not yet shown
    return any(message.level >= messages.ERROR for message in queued)


class OnceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        claim = getattr(request, "_once_claim", None)
        if claim is not None:
            if (
                response.status_code in (301, 302, 303)
                and response.has_header("Location")
                and not _refused(request)
            ):
                claim.result_url = response["Location"][:500]
                claim.save(update_fields=["result_url"])
            else:
                claim.delete()
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        token = _token(request)
        if token is None:
            return None
        from .models import FormSubmission

        try:
            with transaction.atomic():
                claim = FormSubmission.objects.create(
                    token=token, user=request.user, path=request.path[:500]
                )
        except IntegrityError:
            earlier = FormSubmission.objects.filter(token=token, user=request.user).first()
            if earlier is not None and earlier.result_url:
                messages.info(request, ALREADY_SAVED)
                return HttpResponseRedirect(earlier.result_url)
            messages.warning(request, STILL_SAVING)
            return HttpResponseRedirect(request.path)
        FormSubmission.objects.filter(
            created_at__lt=timezone.now() - datetime.timedelta(days=KEEP_DAYS)
        ).delete()
        request._once_claim = claim
        return None
