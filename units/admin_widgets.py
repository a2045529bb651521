"""The admin's date-time widget: the day as dd/mm/yyyy and the time as HH:MM, as the
staff pages write them, not Django's "07:19:21" (decision 0027, explore3).

A time shown to the minute must not be written back over the time it had: the exact
time rides along in a hidden input, and when the minute typed is the one shown, the
exact time is what the form reads. Saving a record unchanged keeps its seconds; a new
time is taken as typed (to the minute)."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.admin.widgets import (
    AdminSplitDateTime,
    BaseAdminDateWidget,
    BaseAdminTimeWidget,
)
from django.utils.html import format_html
from django.utils.safestring import mark_safe

MINUTE = "%H:%M"


class MinuteTimeWidget(BaseAdminTimeWidget):
    """The time as HH:MM."""

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs=attrs, format=format or MINUTE)


class DayMinuteWidget(AdminSplitDateTime):
    """The admin's split date-time: dd/mm/yyyy (the date input format) and HH:MM, with
    the exact time it stood for in a hidden `<name>_exact` (to the microsecond, which
    Django would otherwise drop from the value it shows)."""

    supports_microseconds = True

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [BaseAdminDateWidget, MinuteTimeWidget], attrs)

    @staticmethod
    def _exact_name(name: str) -> str:
        return f"{name}_exact"

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not isinstance(value, datetime.datetime):
            return html
        time = self.decompress(value)[1]
        hidden = format_html(
            '<input type="hidden" name="{}" value="{}">', self._exact_name(name), time.isoformat()
        )
        return mark_safe(html + hidden)

    def value_from_datadict(self, data, files, name):
        day, typed = super().value_from_datadict(data, files, name)
        try:
            exact = datetime.time.fromisoformat(data.get(self._exact_name(name), ""))
        except (TypeError, ValueError):
            return [day, typed]
        if isinstance(typed, str) and typed.strip() == exact.strftime(MINUTE):
            return [day, exact]
        return [day, typed]
