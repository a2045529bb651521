"""The money's admin: base salaries, decrees and their multiples are reference data an
admin edits (with their legal basis); the fund's lines and revocations are read only,
written by awards/money.py when a decision is issued or a grant revoked."""

from django.contrib import admin
from django.db import models

from units.admin_tools import NoDeleteAdminMixin

from .money_forms import AmountField
from .money_models import BaseSalary, Fund, FundEntry, GrantRevocation, RewardDecree, RewardMultiple


@admin.register(BaseSalary)
class BaseSalaryAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("effective_from", "amount", "legal_basis")
    # "2.000.000" in a number box went as "2.000000", read as 2 đồng (decision 0071)
    formfield_overrides = {models.PositiveBigIntegerField: {"form_class": AmountField}}


class RewardMultipleInline(admin.TabularInline):
    model = RewardMultiple
    extra = 0
    autocomplete_fields = ("award_type",)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RewardDecree)
class RewardDecreeAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("name", "effective_from", "rounding", "rounding_unit")
    inlines = [RewardMultipleInline]
    # "10.000" đồng was read as 10, as the base salary's "2.000.000" was (decision 0075)
    formfield_overrides = {models.PositiveIntegerField: {"form_class": AmountField}}


@admin.register(RewardMultiple)
class RewardMultipleAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("award_type", "decree", "multiple", "basis")
    list_filter = ("decree",)
    list_select_related = ("award_type", "decree")
    autocomplete_fields = ("award_type",)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FundEntry)
class FundEntryAdmin(ReadOnlyAdmin):
    list_display = ("on", "fund", "kind", "amount", "description", "decision")
    list_filter = ("kind", "fund__year")
    list_select_related = ("fund__issuer", "decision")


@admin.register(Fund)
class FundAdmin(ReadOnlyAdmin):
    list_display = ("year", "issuer")
    list_select_related = ("issuer",)


@admin.register(GrantRevocation)
class GrantRevocationAdmin(ReadOnlyAdmin):
    list_display = ("grant", "on", "document_number", "document_date", "by", "reason")
    list_select_related = ("grant__award_type", "grant__person", "grant__unit", "by")
