"""The awards admin: reference data (award types, past awards, the number register)
edited directly; nominations corrected only through awards.services.nomination_correct;
what was decided or issued is read-only."""

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from units.admin_tools import NoDeleteAdminMixin, NormalizedSearchAdminMixin, SheetLinkAdminMixin

from . import services, workflow
from .models import (
    AwardGrant,
    AwardType,
    CouncilSession,
    Decision,
    DecisionCounter,
    Nomination,
    NominationEvent,
)


@admin.register(AwardType)
class AwardTypeAdmin(NormalizedSearchAdminMixin, NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = (
        "name",
        "kind",
        "recipient_kind",
        "level",
        "authority",
        "reward_multiple",
        "archived",
    )
    list_filter = ("kind", "recipient_kind", "level", "archived")
    readonly_fields = ("archived_on", "archived_by")


class NominationAdminForm(forms.ModelForm):
    """A rule about a field shown read-only here is said above the form: Django would
    otherwise fail (a 500) adding an error to a field the form does not have."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            folded: dict[str, list] = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                folded.setdefault(key, []).extend(messages)
            errors = ValidationError(folded)
        super()._update_errors(errors)


@admin.register(Nomination)
class NominationAdmin(NoDeleteAdminMixin, SimpleHistoryAdmin):
    """Corrections by an administrator. A nomination moves through its steps only in
    the awards workspace; here its data is corrected through the same rules."""

    form = NominationAdminForm
    list_display = ("__str__", "nominating_unit", "campaign", "year", "status", "created_at")
    list_filter = ("status", "commendation_kind", "award_type__kind", "award_type", "year")
    list_select_related = (
        "award_type",
        "nominee_person",
        "nominee_unit",
        "nominating_unit",
        "campaign",
    )
    search_fields = (
        "nominee_person__full_name",
        "nominee_unit__name",
        "nominee_household",
        "nominating_unit__name",
    )
    autocomplete_fields = (
        "award_type",
        "nominee_person",
        "nominee_unit",
        "campaign",
        "nominating_unit",
    )
    readonly_fields = ("status", "decision", "issuer", "notice_until", "appraisal_note")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and workflow.settled(obj):
            return (*self.readonly_fields, *workflow.FIXED_ONCE_SETTLED)
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # nominations are made by units in the awards workspace

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        services.nomination_correct(actor=request.user, nomination=obj, changed=form.changed_data)


class NominationEventInline(admin.TabularInline):
    model = NominationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "by", "from_status", "to_status", "note")

    def has_add_permission(self, request, obj=None):
        return False


NominationAdmin.inlines = [NominationEventInline]
AwardTypeAdmin.autocomplete_fields = ("prerequisite", "quota_of")
AwardTypeAdmin.search_fields = ("search_text",)


@admin.register(AwardGrant)
class AwardGrantAdmin(
    SheetLinkAdminMixin, NormalizedSearchAdminMixin, NoDeleteAdminMixin, admin.ModelAdmin
):
    """Sổ khen thưởng. Past years' awards are entered here (with the decision written
    by hand); awards of thidua's own decisions are read-only. Years of them come in at
    once through the Excel import (units/sheets, kind “register”)."""

    sheet_kind = "register"
    change_list_template = "admin/sheets_change_list.html"

    list_display = (
        "__str__",
        "award_type",
        "year",
        "awardee_unit",
        "decision",
        "decision_reference",
    )
    list_filter = ("year", "award_type")
    list_select_related = ("award_type", "person", "unit", "awardee_unit", "decision")
    autocomplete_fields = ("award_type", "person", "unit", "awardee_unit")
    fields = (
        "award_type",
        "person",
        "unit",
        "household",
        "awardee_unit",
        "year",
        "decision_reference",
        "decision_date",
        "decision_issuer",
        "achievement",
        "decision",
        "nomination",
    )
    readonly_fields = ("decision", "nomination")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.decision_id:
            return self.fields
        return self.readonly_fields


@admin.register(Decision)
class DecisionAdmin(NoDeleteAdminMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "issuer", "year", "status", "issued_on")
    list_filter = ("status", "year", "issuer")
    search_fields = ("subject",)
    readonly_fields = ("number", "year", "status", "issued_on", "issuer")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == Decision.Status.ISSUED:
            return [f.name for f in Decision._meta.fields if f.editable] + list(
                self.readonly_fields
            )
        return self.readonly_fields


@admin.register(DecisionCounter)
class DecisionCounterAdmin(admin.ModelAdmin):
    """Sổ số quyết định: set the last number used this year (from the paper register)
    so that thidua continues the sequence."""

    list_display = ("issuer", "year", "last_number")
    list_filter = ("year",)
    autocomplete_fields = ("issuer",)


@admin.register(CouncilSession)
class CouncilSessionAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("title", "issuer", "held_on", "status")
    list_filter = ("status", "issuer")
    readonly_fields = ("issuer", "title", "held_on", "status", "closed_at")

    def has_add_permission(self, request):
        return False
