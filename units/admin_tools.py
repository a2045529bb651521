"""Admin building blocks shared by every app: diacritic-free search, archive-not-delete."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from .text import search_q, search_terms


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
    apply,
):
    """An admin action that first asks for a form (a reason, a target), then applies it.

    `apply(obj, form)` runs per object; a ValidationError is shown for that
    object and the others still go through, each in its own transaction.
    """
    form = form_class(request.POST if "apply" in request.POST else None)
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
