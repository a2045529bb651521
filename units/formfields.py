"""Form fields and form messages shared by every app's staff forms.

Ids sent back by a select or a checkbox are parsed here before any query: a value
that is not a plain number in the database's integer range ("abc", "²", 10**30) is
an invalid choice with a Vietnamese message, never an overflow in the database.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

MAX_ID = 2**63 - 1
INVALID_CHOICE = "Lựa chọn không hợp lệ hoặc không còn tồn tại; chọn lại."


def _is_id(value) -> bool:
    text = str(value).strip()
    return text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


class IdChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": INVALID_CHOICE}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not _is_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": INVALID_CHOICE,
        "invalid_pk_value": INVALID_CHOICE,
    }

    def _check_values(self, value):
        if any(not _is_id(v) for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)


def errors_text(form: forms.BaseForm) -> str:
    """A form's errors in one line, for a page message: “Lý do: Trường này là bắt buộc.”"""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append((f"{label}: " if label else "") + " ".join(errors))
    return " ".join(parts)


def error_text(exc: ValidationError | PermissionDenied) -> str:
    """What a service refused, in one line for a page message."""
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
