"""Admin building blocks shared by every app: diacritic-free search, archive-not-delete."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import display_for_value
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from .text import search_q, search_terms

EMPTY_VALUE = "—"


class NormalizedSearchAdminMixin:
    """Admin search on `search_text`: "thi dua" finds "thi đua", "d" finds "đ"."""

    search_fields = ("search_text",)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        if not search_terms(search_term):
            return queryset, False
        return queryset.filter(search_q(search_term)), False


class NoDeleteAdminMixin:
    """Records users wrote are archived, never deleted."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Lý do", widget=forms.Textarea(attrs={"rows": 3, "cols": 60}), required=True
    )


def run_action_with_form(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    form_class: type[forms.Form],
    title: str,
    apply=None,
    apply_all=None,
    refused: str = "Không bản ghi nào được xử lý",
):
    """An admin action that first asks for a form (a reason, a target), then applies it.

    `apply(obj, form)` runs per object; a ValidationError is shown for that
    object and the others still go through, each in its own transaction.
    `apply_all(objects, form)` instead takes them all at once, in one transaction (a
    merger of several communes into one ward): one refused and none is done, and the
    page says `refused`, which and why.
    """
    form = form_class(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid() and apply_all is not None:
        objects = list(queryset)
        try:
            apply_all(objects, form)
        except ValidationError as exc:
            modeladmin.message_user(
                request,
                f"{refused}: " + " ".join(exc.messages),
                level=messages.ERROR,
            )
            return None
        modeladmin.message_user(request, f"{title}: đã xử lý {len(objects)} bản ghi.")
        return None
    if "apply" in request.POST and form.is_valid():
        done = 0
        for obj in queryset:
            try:
                apply(obj, form)
                done += 1
            except ValidationError as exc:
                modeladmin.message_user(
                    request, f"{obj}: {' '.join(exc.messages)}", level=messages.ERROR
                )
        if done:
            modeladmin.message_user(request, f"{title}: đã xử lý {done} bản ghi.")
        return None
    return TemplateResponse(
        request,
        "admin/action_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class SheetLinkAdminMixin:
    """The list's link to the Excel import and export (units/sheets): template, preview,
    all or nothing, progress, revert. An import-export admin keeps its own import for a
    few rows."""

    sheet_kind = ""
    import_export_change_list_template = "admin/units/change_list_background_import.html"

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "sheet_kind": self.sheet_kind}
        return super().changelist_view(request, extra_context)


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, its changes written as the rest of the admin:
    dates dd/mm/yyyy, times in Vietnam's time, a choice by its label, yes/no, an empty
    value as "—", a removed record by its name; not "2025-12-26", "True" or "None"."""

    def get_historical_record_context_helper(self, request, historical_record):
        return VietnameseHistoryHelper(self.model, historical_record)


class VietnameseHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if isinstance(value, list):
            return [shown_value(field, v) for v in value]
        return shown_value(field, value)


def shown_value(field, value) -> str:
    """A stored value as the admin shows it (display_for_field: localised dates in the
    current time zone, choices' labels, yes/no)."""
    if isinstance(value, DeletedObject):
        if value.pk is None:
            return EMPTY_VALUE
        return f"{value.model._meta.verbose_name} (đã xóa, mã {value.pk})"
    if value is None or value == "":
        return EMPTY_VALUE
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime.datetime | datetime.date):
        return str(display_for_value(value, EMPTY_VALUE))
    if getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    return value
