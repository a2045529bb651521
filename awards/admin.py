from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from units.admin_tools import NoDeleteAdminMixin, NormalizedSearchAdminMixin

from .models import AwardType, Nomination


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


@admin.register(Nomination)
class NominationAdmin(NoDeleteAdminMixin, SimpleHistoryAdmin):
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
