from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from units.admin_tools import HistoryAdmin, NoDeleteAdminMixin, NormalizedSearchAdminMixin

from .models import (
    Anniversary,
    Attachment,
    Campaign,
    CampaignRevision,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    DocumentType,
    Recipient,
    ReportFile,
)


@admin.register(DocumentType)
class DocumentTypeAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("name", "abbreviation", "is_letter", "order")
    list_editable = ("abbreviation", "order")
    search_fields = ("name", "abbreviation")


class PartsReadOnlyInline:
    """A document's parts, read-only here: they are written by the staff editor through
    campaign_parts_write, which keeps their order, their nesting and the revisions."""

    def has_change_permission(self, request, obj=None):
        return False

    has_add_permission = has_change_permission

    def has_delete_permission(self, request, obj=None):
        return False


class ContentItemInline(PartsReadOnlyInline, admin.StackedInline):
    model = ContentItem
    fk_name = "campaign"
    extra = 0
    fields = ("order", "label", "heading", "text", "parent")
    raw_id_fields = ("parent",)


class ReferenceInline(PartsReadOnlyInline, admin.StackedInline):
    model = DocumentReference
    fk_name = "campaign"
    extra = 0
    autocomplete_fields = ("linked_campaign",)


class AnniversaryInline(PartsReadOnlyInline, admin.TabularInline):
    model = Anniversary
    extra = 0


class RecipientInline(PartsReadOnlyInline, admin.TabularInline):
    model = Recipient
    extra = 0


class DistributionInline(PartsReadOnlyInline, admin.TabularInline):
    model = DistributionEntry
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(NormalizedSearchAdminMixin, NoDeleteAdminMixin, HistoryAdmin):
    list_display = (
        "__str__",
        "issuer",
        "document_type",
        "kind",
        "is_special",
        "status",
        "sort_date",
    )
    list_filter = ("status", "kind", "is_special", "document_type", "issuer__level", "issuer")
    list_select_related = ("issuer", "document_type")
    autocomplete_fields = ("issuer", "parent", "published_by")
    date_hierarchy = "sort_date"
    LIFECYCLE = (
        "status",
        "published_at",
        "published_by",
        "closed_at",
        "closed_by",
        "summarised_at",
        "summarised_by",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawn_reason",
        "created_at",
        "updated_at",
    )
    inlines = [
        RecipientInline,
        ContentItemInline,
        AnniversaryInline,
        ReferenceInline,
        DistributionInline,
    ]
    fieldsets = (
        (
            "Văn bản",
            {
                "fields": (
                    "issuer",
                    "document_type",
                    ("number", "symbol"),
                    "place",
                    ("issued_on", "issued_month", "issued_year"),
                    "subject",
                )
            },
        ),
        ("Nội dung", {"fields": ("theme", "preamble", "closing")}),
        (
            "Phong trào",
            {
                "fields": (
                    ("kind", "is_special"),
                    ("start_date", "end_date"),
                    "time_frame",
                    "parent",
                )
            },
        ),
        ("Ký ban hành", {"fields": ("signing_authority", "signer_title", "signer_name")}),
        (
            "Trạng thái",
            {
                "description": "Trạng thái chỉ đổi qua trang Quản lý (phát động, kết thúc, "
                "tổng kết, thu hồi), để mọi bước đều ghi người làm và thời điểm.",
                "fields": (
                    "status",
                    ("published_at", "published_by"),
                    ("closed_at", "closed_by"),
                    ("summarised_at", "summarised_by"),
                    ("withdrawn_at", "withdrawn_by"),
                    "withdrawn_reason",
                    "source",
                    ("created_at", "updated_at"),
                ),
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        """A published document is edited in the staff workspace, which asks for a reason
        and keeps a revision; here it is read-only."""
        if obj is not None and obj.status != Campaign.Status.DRAFT:
            return [f.name for f in Campaign._meta.fields if f.editable] + list(self.LIFECYCLE)
        return self.LIFECYCLE


@admin.register(Attachment)
class AttachmentAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = (
        "original_name",
        "campaign",
        "kind",
        "is_public",
        "size",
        "uploaded_at",
        "archived",
    )
    list_filter = ("kind", "is_public", "archived")
    list_select_related = ("campaign",)
    search_fields = ("original_name", "sha256")
    fields = (
        "campaign",
        "original_name",
        "kind",
        "is_public",
        "content_type",
        "size",
        "sha256",
        "uploaded_at",
        "uploaded_by",
        "archived",
        "archived_reason",
        "archived_on",
        "archived_by",
    )
    readonly_fields = (
        "campaign",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "uploaded_at",
        "uploaded_by",
        "archived_on",
        "archived_by",
    )

    def has_add_permission(self, request):
        return False


@admin.register(CampaignRevision)
class CampaignRevisionAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = ("campaign", "number", "created_at", "created_by", "reason")
    list_select_related = ("campaign", "created_by")
    search_fields = ("reason",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportFile)
class ReportFileAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    """Tệp minh chứng of the units' reports, read only (decision 0095): added with the
    report's figures and taken off ("Gỡ tệp", with a reason) on the unit's report page,
    which keep the report's history. The file opens through the protected download,
    which checks who asks as everywhere else (the unit's staff, the office once sent)."""

    list_display = ("original_name", "unit", "period", "size", "uploaded_at", "archived")
    list_filter = ("archived",)
    list_select_related = ("report__unit", "report__period__campaign", "uploaded_by")
    # the name as typed, the unit by its name, code or without diacritics ("binh lu")
    search_fields = (
        "original_name",
        "report__unit__name",
        "report__unit__code",
        "report__unit__search_text",
    )
    fields = (
        "report",
        "original_name",
        "download",
        "content_type",
        "size",
        "sha256",
        "uploaded_at",
        "uploaded_by",
        "archived",
        "archived_reason",
        "archived_on",
        "archived_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # attached on the unit's report page, with the figures

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # taken off there ("Gỡ tệp"), archived with a reason

    @admin.display(description="Đơn vị", ordering="report__unit__name")
    def unit(self, obj) -> str:
        return obj.report.unit.name

    @admin.display(description="Kỳ báo cáo")
    def period(self, obj) -> str:
        return str(obj.report.period)

    @admin.display(description="Tải tệp")
    def download(self, obj) -> str:
        if obj.archived:
            return "Đã gỡ khỏi báo cáo: không tải được."
        url = reverse("tracking:report_file_download", args=[obj.pk])
        return format_html('<a href="{}">Tải “{}”</a>', url, obj.original_name)
