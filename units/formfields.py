"""Form fields and form messages shared by every app's staff forms.

Ids sent back by a select or a checkbox are parsed here before any query: a value
that is not a plain number in the database's integer range ("abc", "²", 10**30) is
an invalid choice with a Vietnamese message, never an overflow in the database.
"""

from __future__ import annotations

import calendar
import datetime
import re

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


# Typed search instead of a list of every row ------------------------------------
#
# A select of every person, unit or campaign a superuser may choose took seconds to
# render at province scale (issue 16: 6.9 s for the nomination form at 2,000 units).
# Above SEARCH_THRESHOLD choices the field is a text box: static/js/search-select.js
# asks the form's own JSON endpoint (`choices_response`) for the first matches of what
# is typed, from the very queryset the field validates against, so the endpoint
# offers nothing the form would refuse, and the form refuses whatever is not offered.
# With few choices the field stays a plain <select> (or check boxes).

SEARCH_THRESHOLD = 50
SEARCH_RESULTS = 20


class _SearchMixin:
    """Renders a search box when the field's queryset holds more than SEARCH_THRESHOLD
    rows, else the plain widget. One query either way (plus one for a chosen value's
    label): the page's query count does not grow with the data."""

    search_url = ""
    multiple = False

    def _rows(self):
        queryset = self.choices.queryset
        rows = list(queryset[: SEARCH_THRESHOLD + 1])
        return rows, len(rows) > SEARCH_THRESHOLD

    def _label(self, obj) -> str:
        return self.choices.field.label_from_instance(obj)

    plain_widget = forms.Select

    def render(self, name, value, attrs=None, renderer=None):
        rows, large = self._rows()
        if large:
            return self._render_search(name, value, attrs)
        # Few choices: the plain widget, built from the rows just read.
        field = self.choices.field
        choices = [(row.pk, self._label(row)) for row in rows]
        if not self.multiple and field.empty_label is not None:
            choices.insert(0, ("", field.empty_label))
        plain = self.plain_widget(attrs=self.attrs, choices=choices)
        plain.is_required = self.is_required
        return plain.render(name, value, attrs, renderer)

    def _chosen(self, value) -> list:
        values = value if isinstance(value, (list, tuple)) else [value]
        ids = [int(v) for v in values if v not in (None, "") and _is_id(v)]
        if not ids:
            return []
        return list(self.choices.queryset.filter(pk__in=ids))

    def _render_search(self, name, value, attrs):
        from django.utils.html import format_html, format_html_join
        from django.utils.safestring import mark_safe

        attrs = self.build_attrs(self.attrs, attrs)
        box_id = attrs.get("id", f"id_{name}")
        chosen = self._chosen(value)
        listbox = f"{box_id}_list"
        hint = "Gõ vài chữ của tên (có dấu hay không), rồi chọn trong danh sách."
        search = format_html(
            '<input type="text" id="{}" class="search-select__input" role="combobox" '
            'aria-autocomplete="list" aria-expanded="false" aria-controls="{}" '
            'autocomplete="off" placeholder="Gõ để tìm…"{}{} aria-describedby="{}">',
            box_id,
            listbox,
            mark_safe(' aria-invalid="true"') if attrs.get("aria-invalid") else "",
            format_html(' value="{}"', self._label(chosen[0]))
            if chosen and not self.multiple
            else "",
            " ".join(filter(None, [attrs.get("aria-describedby"), f"{box_id}_hint"])),
        )
        if self.multiple:
            hidden = format_html_join(
                "",
                '<li class="search-select__chosen" data-id="{0}">'
                '<input type="hidden" name="{1}" value="{0}">{2} '
                '<button type="button" class="search-select__remove" '
                'aria-label="Bỏ {2}">Bỏ</button></li>',
                ((row.pk, name, self._label(row)) for row in chosen),
            )
            hidden = format_html('<ul class="search-select__list-chosen">{}</ul>', hidden)
        else:
            hidden = format_html(
                '<input type="hidden" name="{}" value="{}" class="search-select__value">',
                name,
                chosen[0].pk if chosen else "",
            )
        return format_html(
            '<div class="search-select" data-url="{}" data-name="{}"{}>{}{}'
            '<ul id="{}" class="search-select__options" role="listbox" hidden></ul>'
            '<p class="search-select__hint" id="{}">{}</p>'
            '<p class="visually-hidden search-select__status" role="status"></p></div>',
            self.search_url,
            name,
            " data-multiple" if self.multiple else "",
            search,
            hidden,
            listbox,
            f"{box_id}_hint",
            hint,
        )


class SearchSelect(_SearchMixin, forms.Select):
    pass


class SearchCheckboxes(_SearchMixin, forms.CheckboxSelectMultiple):
    multiple = True
    plain_widget = forms.CheckboxSelectMultiple
    use_fieldset = False  # the label names the search box (check boxes keep their own)

    def id_for_label(self, id_, index=None):
        return id_  # the search box carries the field's id

    def use_required_attribute(self, initial):
        return False


def searchable(field: forms.ModelChoiceField, url: str) -> None:
    """Give a (single or multiple) model choice field the search widget, asking `url`."""
    widget_class = (
        SearchCheckboxes if isinstance(field, forms.ModelMultipleChoiceField) else SearchSelect
    )
    widget = widget_class(attrs=field.widget.attrs)
    widget.search_url = url
    widget.is_required = field.required
    field.widget = widget
    widget.choices = field.choices


def choices_response(request, form: forms.BaseForm, searches: dict):
    """The first matches of ?q= among a field's choices, as JSON for search-select.js.

    `form` is built for request.user exactly as its page builds it, so the choices are
    the rows that form would accept; `searches` maps each searchable field's name to a
    function (queryset, query) → queryset. An unknown field is a 404; an empty query
    gives no rows."""
    from django.http import Http404, JsonResponse

    name = request.GET.get("field", "")
    if name not in searches or name not in form.fields:
        raise Http404("Không có trường này.")
    field = form.fields[name]
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if query and "\x00" not in query:
        rows = list(searches[name](field.queryset, query)[: SEARCH_RESULTS + 1])
        results = [
            {"id": row.pk, "text": field.label_from_instance(row)} for row in rows[:SEARCH_RESULTS]
        ]
        more = len(rows) > SEARCH_RESULTS
    else:
        more = False
    response = JsonResponse({"results": results, "more": more})
    response["Cache-Control"] = "private, no-store"
    return response


_DAY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


def impossible_day(value) -> str:
    """Why a date written day/month/year does not exist ("" when it is not so written
    or does exist): 31/02/2026 is in the right form, and saying "ghi theo dạng
    ngày/tháng/năm" leaves the user who did so with nothing to correct."""
    match = _DAY.match(str(value or ""))
    if not match:
        return ""
    day, month, year = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"Tháng {month} không có: tháng ghi từ 1 đến 12."
    if year < 1:
        return ""
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (
            f"Ngày {day:02d}/{month:02d}/{year} không có: tháng {month} năm {year} có {days} ngày."
        )
    return ""


DAY_FORM = "Ghi ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/01/2026."


class DayField(forms.DateField):
    """A date field that names a day which does not exist (31/02/2026) as such, and
    otherwise says how to write one (Django's "Nhập một ngày hợp lệ." says neither)."""

    default_error_messages = {"invalid": DAY_FORM}

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            if message := impossible_day(value):
                raise ValidationError(message, code="invalid") from None
            raise


class DayTimeField(forms.SplitDateTimeField):
    """A day and a time (the admin's date-time fields), the day read by DayField."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        day = DayField(
            input_formats=self.fields[0].input_formats,
            required=self.fields[0].required,
        )
        self.fields = (day, self.fields[1])


def ended_groups(units) -> list[tuple[str, list]]:
    """Units for a history filter ("Cơ quan ban hành"), grouped: if dissolved or merged
    ones are among them, the living under "Đang hoạt động" and the others under "Trước
    dd/mm/yyyy", the day after their last (`Unit.ended_on`: "Trước 01/07/2025" for the
    2025 reform, as retired award types read), newest first, then any archived without a
    date under "Đã lưu trữ". Without any, one group with no label (decision 0070)."""
    living, ended, undated = [], {}, []
    for unit in units:
        if not unit.archived:
            living.append(unit)
        elif unit.ended_on:
            ended.setdefault(unit.ended_on, []).append(unit)
        else:
            undated.append(unit)
    if not ended and not undated:
        return [("", living)]
    groups = [("Đang hoạt động", living)] if living else []
    groups += [
        (f"Trước {end + datetime.timedelta(days=1):%d/%m/%Y}", ended[end])
        for end in sorted(ended, reverse=True)
    ]
    if undated:
        groups.append(("Đã lưu trữ", undated))
    return groups


def ended_grouped_choices(units, *, empty: str) -> list:
    """`ended_groups` as a select's choices (option groups), each unit by its name."""
    groups = ended_groups(units)
    if len(groups) == 1 and not groups[0][0]:
        return [("", empty), *((unit.pk, unit.name) for unit in groups[0][1])]
    return [
        ("", empty),
        *((label, [(unit.pk, unit.name) for unit in members]) for label, members in groups),
    ]
