from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from units.admin_tools import NoDeleteAdminMixin, NormalizedSearchAdminMixin

from .models import (
    Anniversary,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    DocumentType,
    Recipient,
)


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "is_letter", "order")
    list_editable = ("abbreviation", "order")
    search_fields = ("name", "abbreviation")


class ContentItemInline(admin.StackedInline):
    model = ContentItem
    fk_name = "campaign"
    extra = 0
    fields = ("order", "label", "heading", "text", "parent")
    raw_id_fields = ("parent",)


class ReferenceInline(admin.StackedInline):
    model = DocumentReference
    fk_name = "campaign"
    extra = 0
    autocomplete_fields = ("linked_campaign",)


class AnniversaryInline(admin.TabularInline):
    model = Anniversary
    extra = 0


class RecipientInline(admin.TabularInline):
    model = Recipient
    extra = 0


class DistributionInline(admin.TabularInline):
    model = DistributionEntry
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(NormalizedSearchAdminMixin, NoDeleteAdminMixin, SimpleHistoryAdmin):
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
    readonly_fields = ("created_at", "updated_at")
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
                "fields": (
                    "status",
                    "published_at",
                    "published_by",
                    "source",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )
