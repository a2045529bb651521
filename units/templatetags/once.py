"""{% once_token %}: the hidden one-time token of a create form (units/once.py)."""

import uuid

from django import template
from django.utils.html import format_html

from units.once import FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def once_token(context) -> str:
    """A fresh token, or the one the form was posted with when it comes back with errors
    (the corrected form is the same submission)."""
    request = context.get("request")
    posted = request.POST.get(FIELD, "") if request is not None and request.method == "POST" else ""
    try:
        token = uuid.UUID(posted)
    except ValueError:
        token = uuid.uuid4()
    # Back may fetch the page again, with a new token: static/js/once.js then puts back
    # the token this form was sent with.
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)
