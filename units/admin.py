from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from import_export.admin import ImportExportModelAdmin

from . import mail, reform, services
from .admin_tools import (
    HistoryAdmin,
    NoDeleteAdminMixin,
    NormalizedSearchAdminMixin,
    ReasonForm,
    SheetLinkAdminMixin,
    run_action_with_form,
)
from .formfields import DayField
from .models import FileJob, IssuedDocument, IssuingBody, Membership, OutgoingEmail, Person, Unit
from .resources import CheckedImportForm, PersonResource, UnitResource
from .text import search_q, search_terms

ENDED_ON_HELP = (
    "Ngày cuối cùng đơn vị cũ còn tồn tại: ngày trước ngày quyết định, nghị quyết sắp xếp "
    "có hiệu lực (sắp xếp năm 2025: 30/06/2025). Để trống: hôm nay."
)


def ended_on_field() -> DayField:
    return DayField(
        label="Ngày chấm dứt hoạt động",
        required=False,
        input_formats=["%d/%m/%Y"],
        help_text=ENDED_ON_HELP,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )


class ArchiveForm(ReasonForm):
    ended_on = ended_on_field()


class MergeForm(ArchiveForm):
    target = forms.ModelChoiceField(
        label="Sáp nhập vào đơn vị",
        queryset=Unit.objects.active().order_by("name"),
    )


@admin.action(description="Lưu trữ các đơn vị đã chọn")
def archive_units(modeladmin, request, queryset):
    return run_action_with_form(
        modeladmin,
        request,
        queryset,
        form_class=ArchiveForm,
        title="Lưu trữ đơn vị",
        apply=lambda unit, form: services.unit_archive(
            unit=unit,
            by=request.user,
            reason=form.cleaned_data["reason"],
            ended_on=form.cleaned_data["ended_on"],
        ),
    )


@admin.action(description="Sáp nhập các đơn vị đã chọn vào một đơn vị khác")
def merge_units(modeladmin, request, queryset):
    return run_action_with_form(
        modeladmin,
        request,
        queryset,
        form_class=MergeForm,
        title="Sáp nhập đơn vị",
        # several old communes into one new ward: all of them or none (decision 0067)
        apply_all=lambda units, form: services.units_reorganise(
            actor=request.user,
            mapping=[(unit, form.cleaned_data["target"]) for unit in units],
            reason=form.cleaned_data["reason"],
            ended_on=form.cleaned_data["ended_on"],
        ),
        refused="Không sáp nhập đơn vị nào",
    )


class ReorganiseForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
    reason = forms.CharField(
        label="Căn cứ sắp xếp",
        max_length=500,
        help_text="Ví dụ: số, ngày của nghị quyết sắp xếp đơn vị hành chính.",
    )
    ended_on = ended_on_field()


class LivingUnitsFilter(admin.SimpleListFilter):
    """The lists of units open on the living ones: the 24 units the demo's reform
    dissolved read, mixed in, as if they still existed (decision 0074). "Đã giải thể/sáp
    nhập" shows those; "Tất cả" both. The parameter is the one the former "archived"
    filter wrote (`archived__exact=1`), so a link kept from before still lists the
    dissolved units. Only the list is filtered: a unit's page and history, and the
    pickers (the register's), read every unit."""

    title = "tình trạng"
    parameter_name = "archived__exact"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [("1", "Đã giải thể/sáp nhập"), (self.ALL, "Tất cả")]

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        choices[0]["display"] = "Đang hoạt động"  # Django's "All": the list unfiltered
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.ALL:
            return queryset
        return queryset.filter(archived=value in ("1", "True", "true"))


class ArchivedUnitReadOnlyMixin:
    """An archived unit is a historical record: its decisions and grants read under its
    name, code, kind and place in the tree, so those are shown, not edited; a living unit
    stays editable (decisions 0070, 0072)."""

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.archived:
            # every field but its last day, which may be corrected (a unit archived before
            # the field existed got the day it was archived); restoring one is not done here
            return [f for _, opts in self.fieldsets for f in opts["fields"] if f != "ended_on"]
        return (*super().get_readonly_fields(request, obj), "ended_on")  # a living unit has none

    def get_fieldsets(self, request, obj=None):
        """An archived unit's page opens on its archive: when it ended, into what."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.archived:
            return fieldsets
        return [
            (name, {k: v for k, v in options.items() if k != "classes"})
            for name, options in fieldsets
        ]


@admin.register(Unit)
class UnitAdmin(
    ArchivedUnitReadOnlyMixin,
    SheetLinkAdminMixin,
    NormalizedSearchAdminMixin,
    NoDeleteAdminMixin,
    ImportExportModelAdmin,
):
    resource_classes = [UnitResource]
    import_form_class = CheckedImportForm
    sheet_kind = "units"
    import_export_change_list_template = "admin/units/change_list_units.html"
    list_display = (
        "name",
        "code",
        "admin_code",
        "kind",
        "level",
        "parent",
        "is_issuing_body",
        "code_in_use",
        "merged_into",
        "archived",
        "ended_on",
    )
    list_filter = (LivingUnitsFilter, "level", "kind", "is_issuing_body")
    list_select_related = ("parent", "merged_into")
    autocomplete_fields = ("parent", "merged_into")
    readonly_fields = (
        "code_in_use",
        "archived",
        "archived_on",
        "archived_by",
        "archived_reason",
        "merged_into",
    )
    actions = [archive_units, merge_units]
    # The pickers that put a unit, a person or a role somewhere today: living units only
    # (decision 0072). The register of past years and the history filters keep finding
    # the dissolved ones.
    LIVING_PICKERS = {
        ("units", "unit", "parent"),
        ("units", "issuingbody", "parent"),
        ("units", "membership", "unit"),
        ("units", "person", "unit"),
    }
    fieldsets = (
        (None, {"fields": ("name", "short_name", "code", "admin_code", "kind", "level", "parent")}),
        (
            "Ban hành văn bản",
            {"fields": ("is_issuing_body", "symbol_code", "code_in_use", "locality")},
        ),
        (
            "Lưu trữ, sáp nhập",
            {
                "classes": ("collapse",),
                "fields": (
                    "archived",
                    "ended_on",
                    "archived_on",
                    "archived_by",
                    "archived_reason",
                    "merged_into",
                ),
            },
        ),
    )

    def get_search_results(self, request, queryset, search_term):
        picker = tuple(
            request.GET.get(key, "") for key in ("app_label", "model_name", "field_name")
        )
        if picker in self.LIVING_PICKERS:
            queryset = queryset.filter(archived=False)
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description="chữ viết tắt đang dùng")
    def code_in_use(self, unit: Unit) -> str:
        """The code the unit's documents carry: the one set, else "(tự suy ra: PNV)", shown
        and never written into `symbol_code` (blank stays blank, so a rename still derives;
        decisions 0040, 0054)."""
        if unit is None or not unit.pk:
            return "—"
        if unit.symbol_code.strip():
            return unit.symbol_code.strip()
        return f"(tự suy ra: {unit.document_code})"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "sap-xep/",
                self.admin_site.admin_view(self.reorganise_view),
                name=f"{opts.app_label}_{opts.model_name}_reorganise",
            ),
            *super().get_urls(),
        ]

    def reorganise_view(self, request):
        """Sắp xếp theo tệp Excel: units/reform.py checks every row, then merges in one
        transaction; a bad row is shown with its number and nothing is written."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = ReorganiseForm(request.POST or None, request.FILES or None)
        done = reform.Reorganised()
        if request.method == "POST" and form.is_valid():
            try:
                done = reform.reform_from_xlsx(
                    actor=request.user,
                    upload=form.cleaned_data["file"],
                    reason=form.cleaned_data["reason"],
                    ended_on=form.cleaned_data["ended_on"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                text = f"Đã sáp nhập {len(done.merged)} đơn vị."
                if done.moved:
                    text += f" Đã chuyển {len(done.moved)} doanh nghiệp, hợp tác xã."
                messages.success(request, text)
                form = ReorganiseForm()
        context = {
            **self.admin_site.each_context(request),
            "title": "Sắp xếp đơn vị hành chính",
            "opts": self.model._meta,
            "form": form,
            "merged": done.merged,
            "moved": done.moved,
        }
        return TemplateResponse(request, "admin/units/reorganise.html", context)


@admin.register(IssuingBody)
class IssuingBodyAdmin(
    ArchivedUnitReadOnlyMixin, NormalizedSearchAdminMixin, NoDeleteAdminMixin, admin.ModelAdmin
):
    list_display = (
        "name",
        "level",
        "locality",
        "parent",
        "campaign_count",
        "archived",
        "ended_on",
    )
    list_filter = (LivingUnitsFilter, "level")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "merged_into")
    readonly_fields = UnitAdmin.readonly_fields
    fieldsets = UnitAdmin.fieldsets
    code_in_use = UnitAdmin.code_in_use

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(is_issuing_body=True)
            .annotate(campaign_total=Count("campaigns"))
        )

    @admin.display(description="số phong trào", ordering="campaign_total")
    def campaign_count(self, obj) -> int:
        return obj.campaign_total

    def save_model(self, request, obj, form, change):
        obj.is_issuing_body = True
        super().save_model(request, obj, form, change)


@admin.action(description="Lưu trữ các cá nhân đã chọn")
def archive_persons(modeladmin, request, queryset):
    return run_action_with_form(
        modeladmin,
        request,
        queryset,
        form_class=ReasonForm,
        title="Lưu trữ cá nhân",
        apply=lambda person, form: services.person_archive(
            person=person, by=request.user, reason=form.cleaned_data["reason"]
        ),
    )


@admin.register(Person)
class PersonAdmin(
    SheetLinkAdminMixin,
    NormalizedSearchAdminMixin,
    NoDeleteAdminMixin,
    ImportExportModelAdmin,
):
    resource_classes = [PersonResource]
    import_form_class = CheckedImportForm
    sheet_kind = "persons"
    list_display = (
        "full_name",
        "unit",
        "position",
        "gender",
        "ethnicity",
        "is_direct_worker",
        "archived",
    )
    list_filter = ("gender", "is_direct_worker", "ethnicity", "unit__level", "archived")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit", "user")
    readonly_fields = ("archived", "archived_on", "archived_by", "archived_reason")
    actions = [archive_persons]


@admin.action(description="Thu hồi các vai trò đã chọn", permissions=["change"])
def revoke_memberships(modeladmin, request, queryset):
    return run_action_with_form(
        modeladmin,
        request,
        queryset,
        form_class=ReasonForm,
        title="Thu hồi vai trò",
        apply=lambda membership, form: services.membership_revoke(
            actor=request.user, membership=membership, reason=form.cleaned_data["reason"]
        ),
    )


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("user", "unit", "role")

    def clean(self):
        data = super().clean()
        if not self.instance.pk and all(data.get(f) for f in ("user", "unit", "role")):
            if problem := services.membership_grant_problem(
                user=data["user"], unit=data["unit"], role=data["role"]
            ):
                raise forms.ValidationError(problem)
        return data


@admin.register(Membership)
class MembershipAdmin(SheetLinkAdminMixin, NoDeleteAdminMixin, HistoryAdmin):
    """Vai trò: granted here (membership_grant) and revoked by the list's action
    (membership_revoke), which archives; a granted role is never edited in place, so
    its history reads who gave and who took it, and when."""

    sheet_kind = "memberships"
    change_list_template = "admin/sheets_change_list.html"

    list_display = ("user", "role", "unit", "created_at", "archived", "archived_on")
    list_filter = ("role", "archived", "unit__level")
    list_select_related = ("user", "unit")
    search_fields = ("user__username", "user__first_name", "user__last_name", "unit__name")
    autocomplete_fields = ("user", "unit")
    fields = ("user", "unit", "role", "archived", "archived_on", "archived_by", "archived_reason")
    readonly_fields = ("archived", "archived_on", "archived_by", "archived_reason")
    form = MembershipForm
    actions = [revoke_memberships]

    def get_search_results(self, request, queryset, search_term):
        """The account as typed, or the unit with or without diacritics ("tan phong"
        finds UBND phường Tân Phong's roles; decision 0072)."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_terms(search_term):
            found = found | queryset.filter(search_q(search_term, "unit__search_text"))
        return found, duplicates

    def has_change_permission(self, request, obj=None) -> bool:
        """A role is granted or revoked, not edited: its page is read-only; the list's
        revoke action needs the change permission."""
        return obj is None and super().has_change_permission(request)

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied("Vai trò chỉ được giao hoặc thu hồi, không sửa.")
        granted = services.membership_grant(
            actor=request.user, user=obj.user, unit=obj.unit, role=obj.role
        )
        obj.pk = granted.pk
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        """Never reached while deleting is not allowed; if it were, it would archive."""
        services.membership_revoke(actor=request.user, membership=obj, reason=DELETED_REASON)

    def delete_queryset(self, request, queryset):
        for membership in queryset.filter(archived=False):
            self.delete_model(request, membership)


DELETED_REASON = "Xóa trên trang quản trị (vai trò được lưu trữ, không xóa)."


class ReadOnlyAdminMixin(NoDeleteAdminMixin):
    """Records the system writes for itself: readable, never edited by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.action(description="Gửi lại các thư đã chọn (thư gửi không được)", permissions=["resend"])
def resend_emails(modeladmin, request, queryset):
    count = mail.email_resend(emails=queryset)
    modeladmin.message_user(request, f"Đã xếp lại {count} thư vào hàng đợi gửi.", messages.SUCCESS)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Thư đi: what was sent, what waits for a retry, and what failed for good."""

    list_display = ("subject", "status", "attempts", "created_at", "sent_at", "next_attempt_at")
    list_filter = ("status",)
    search_fields = ("subject", "recipients")
    date_hierarchy = "created_at"
    actions = [resend_emails]

    def has_resend_permission(self, request) -> bool:
        return request.user.is_superuser

    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Bản phát hành: legal records, never changed."""

    list_display = ("__str__", "kind", "revision", "sha256", "size", "issued_at", "rendered_at")
    list_filter = ("kind",)
    search_fields = ("sha256", "filename")
    exclude = ("html",)
    readonly_fields = [f.name for f in IssuedDocument._meta.fields if f.name != "html"]


@admin.register(FileJob)
class FileJobAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "kind", "status", "requested_by", "created_at", "finished_at")
    list_filter = ("status", "kind")
    readonly_fields = [f.name for f in FileJob._meta.fields]
