"""The awards admin: reference data (award types, past awards, the number register)
edited directly; nominations corrected only through awards.services.nomination_correct;
what was decided or issued is read-only."""

import re

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTimeWidget
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from units.admin_tools import (
    HistoryAdmin,
    NoDeleteAdminMixin,
    NormalizedSearchAdminMixin,
    SheetLinkAdminMixin,
)
from units.text import search_q, search_terms

from . import services, workflow
from .forms import TIME_FORMS
from .models import (
    AwardGrant,
    AwardType,
    CouncilSession,
    Decision,
    DocumentCounter,
    LegalBasis,
    Nomination,
    NominationEvent,
    Submission,
)
from .selectors import nominee_word


@admin.register(AwardType)
class AwardTypeAdmin(NormalizedSearchAdminMixin, NoDeleteAdminMixin, admin.ModelAdmin):
    list_display = (
        "name",
        "kind",
        "recipient_kind",
        "level",
        "authority",
        "reward_multiple",
        "effective_from",
        "effective_to",
        "archived",
    )
    list_filter = ("kind", "recipient_kind", "level", "archived")
    readonly_fields = ("archived_on", "archived_by")


@admin.register(LegalBasis)
class LegalBasisAdmin(NormalizedSearchAdminMixin, NoDeleteAdminMixin, admin.ModelAdmin):
    """Căn cứ of the documents, with the days each is cited: add a new law, close an old one.
    Searched with or without diacritics ("luat thi dua"; decision 0074)."""

    list_display = ("text", "document", "effective_from", "effective_to", "order", "archived")
    list_filter = ("document", "archived")
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
class NominationAdmin(NoDeleteAdminMixin, HistoryAdmin):
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
    readonly_fields = (
        "status",
        "decision",
        "issuer",
        "forwarded_from",  # changed by forwarding and returning only (decision 0077)
        "notice_until",
        "appraisal_note",
    )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and workflow.settled(obj):
            return (*self.readonly_fields, *workflow.FIXED_ONCE_SETTLED)
        return self.readonly_fields

    def get_search_results(self, request, queryset, search_term):
        """The nominee's name (person, collective, household) or the nominating unit's,
        each word with or without its diacritics ("lo van" finds Lò Văn Sáng), as the
        staff's own lists read them (decision 0074)."""
        if not search_terms(search_term):
            return queryset, False
        nominee = nominee_word("search_text")
        return queryset.filter(
            search_q(
                search_term,
                match=lambda word: nominee(word) | Q(nominating_unit__search_text__contains=word),
            )
        ), False

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
        "standing",
    )
    list_filter = ("year", "award_type")
    list_select_related = ("award_type", "person", "unit", "awardee_unit", "decision", "revocation")

    def get_queryset(self, request):
        from .selectors import issued_amendments

        return super().get_queryset(request).prefetch_related(issued_amendments("decision__"))

    @admin.display(description="hiệu lực")
    def standing(self, obj: AwardGrant) -> str:
        """Revoked (by which decision), amended (by which), struck off, or in force."""
        return obj.standing_text or "Đang có hiệu lực"

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
class DecisionAdmin(NoDeleteAdminMixin, HistoryAdmin):
    list_display = ("__str__", "issuer", "year", "status", "issued_on")
    list_filter = ("status", "year", "issuer")
    search_fields = ("subject",)
    # A draft is withdrawn on its page (a reason, its nominations freed), never archived
    # by a tick here (decision 0072).
    readonly_fields = (
        "number",
        "year",
        "status",
        "issued_on",
        "issuer",
        "amends",  # set by "Lập quyết định sửa đổi, bổ sung" (decision 0078)
        "archived",
        "archived_on",
        "archived_by",
        "archived_reason",
    )

    def has_add_permission(self, request) -> bool:
        return False  # drafted from passed nominations in the awards workspace (a 500 here)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Decision.Status.DRAFT:  # issued or withdrawn
            return [f.name for f in Decision._meta.fields if f.editable] + list(
                self.readonly_fields
            )
        return self.readonly_fields


class DocumentCounterForm(forms.ModelForm):
    class Meta:
        model = DocumentCounter
        fields = ("issuer", "kind", "year", "last_number")

    def _post_clean(self):
        """The last number used may go up (the paper register is ahead), never down: the
        next document would take a number already issued (a 500 on the unique number).
        After the model's own check, which names the decision that has the number."""
        super()._post_clean()
        number = self.cleaned_data.get("last_number")
        if self.instance.pk and number is not None:
            current = (
                DocumentCounter.objects.filter(pk=self.instance.pk)
                .values_list("last_number", flat=True)
                .first()
            )
            if current is not None and number < current:
                self.add_error(
                    "last_number",
                    f"Chỉ được tăng số cuối cùng đã dùng (hiện là {current}), không được giảm: "
                    f"{self.instance.get_kind_display().lower()} lập sau sẽ trùng số đã cấp.",
                )


@admin.register(DocumentCounter)
class DocumentCounterAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    """Sổ số văn bản: per body, year and kind (quyết định, tờ trình: decision 0084), set
    the last number used (from the paper register) so that thidua continues the
    sequence. Only raised, never lowered or deleted (the next document would take a
    number already issued); each change is in the admin's history with who made it, from
    which number to which."""

    form = DocumentCounterForm
    list_display = ("issuer", "kind", "year", "last_number")
    list_filter = ("kind", "year")
    autocomplete_fields = ("issuer",)

    def get_readonly_fields(self, request, obj=None):
        # Moving a counter to another issuer, kind or year would lower (or drop) that one's.
        return ("issuer", "kind", "year", "last_change") if obj is not None else ()

    @admin.display(description="Thay đổi gần nhất")
    def last_change(self, obj) -> str:
        from django.contrib.admin.models import LogEntry
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone

        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
            )
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        if entry is None:
            return "—"
        when = timezone.localtime(entry.action_time).strftime("%d/%m/%Y %H:%M")
        return f"{entry.user.get_username()}, {when}: {entry.get_change_message()}"

    def save_model(self, request, obj, form, change):
        from django.contrib import messages
        from django.db import transaction

        with transaction.atomic():  # the row stays locked until saved: no number is lost
            if change:
                current = DocumentCounter.objects.select_for_update().get(pk=obj.pk).last_number
            else:
                # a document of the series may have taken a number, and made the counter,
                # since the form was checked (a 500 on the unique constraint): raise that
                # one, under its lock, as a change would (decision 0090)
                found = services.locked_document_counter(obj.issuer, obj.year, obj.kind)
                obj.pk, obj._state.adding, current = found.pk, False, found.last_number
            obj._previous_number = current
            if obj.last_number < current:  # a document took a number since the form was read
                messages.warning(
                    request,
                    f"Trong lúc sửa, số {current} đã được cấp: giữ số cuối cùng là {current}.",
                )
                obj.last_number = current
            super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        counter = form.instance
        if add:
            return f"Đặt số cuối cùng đã dùng năm {counter.year}: {counter.last_number}."
        previous = getattr(counter, "_previous_number", counter.last_number)
        if previous == counter.last_number:
            return f"Giữ nguyên số cuối cùng đã dùng: {counter.last_number}."
        return f"Tăng số cuối cùng đã dùng từ {previous} lên {counter.last_number}."


@admin.register(Submission)
class SubmissionAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    """Tờ trình: a legal record made at the forwarding (decisions 0083, 0084), read here,
    never added, changed or deleted; its number is in the body's register of tờ trình
    (`DocumentCounter`). Searched by number ("45", "45/TTr-UBND"); the frozen PDF is
    served as issued."""

    list_display = ("number_symbol_display", "issuer", "addressee", "dated", "dossiers", "pdf")
    list_filter = ("year", "issuer")
    search_fields = ("symbol",)
    list_select_related = ("issuer", "addressee")
    fields = (
        "issuer",
        "addressee",
        "year",
        "number",
        "symbol",
        "place",
        "dated",
        "signer_name",
        "dossier_list",
        "created_by",
        "created_at",
        "pdf",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # made by forwarding, with its dossiers (awards workspace)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # signed and sent: never changed

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(dossier_count=models.Count("nominations"))

    def get_search_results(self, request, queryset, search_term):
        """ "45" or "45/TTr-UBND": the number, and the symbol when given."""
        match = re.fullmatch(r"\s*0*(\d{1,9})\s*(?:/\s*(\S.*?))?\s*", search_term or "")
        if match is None:
            return super().get_search_results(request, queryset, search_term)
        found = queryset.filter(number=int(match.group(1)))
        if match.group(2):
            found = found.filter(symbol__iexact=match.group(2))
        return found, False

    @admin.display(description="Số, ký hiệu", ordering="number")
    def number_symbol_display(self, obj) -> str:
        return obj.number_symbol

    @admin.display(description="Số hồ sơ", ordering="dossier_count")
    def dossiers(self, obj) -> int:
        count = getattr(obj, "dossier_count", None)
        return obj.nominations.count() if count is None else count

    @admin.display(description="Hồ sơ trình")
    def dossier_list(self, obj) -> str:
        rows = obj.nominations.select_related(
            "award_type", "nominee_person", "nominee_unit"
        ).order_by("pk")
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> — {}',
            (
                (
                    reverse("admin:awards_nomination_change", args=[n.pk]),
                    n.nominee_name,
                    n.award_type.name,
                )
                for n in rows
            ),
        )

    @admin.display(description="Bản PDF đã phát hành")
    def pdf(self, obj) -> str:
        url = reverse("admin:awards_submission_pdf", args=[obj.pk])
        return format_html('<a href="{}">Tờ trình số {} (PDF)</a>', url, obj.number_symbol)

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="awards_submission_pdf",
            ),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk: int):
        """The tờ trình as frozen at the forwarding, for who may view this page."""
        from django.http import Http404

        from campaigns.views_public import issued_pdf_response
        from units.documents import issued_document_latest
        from units.models import IssuedDocument

        submission = Submission.objects.filter(pk=pk).first()
        if submission is None or not self.has_view_permission(request, submission):
            raise Http404
        document = issued_document_latest(IssuedDocument.Kind.SUBMISSION, submission.pk)
        if document is None:
            raise Http404
        return issued_pdf_response(request, document, public=False)


@admin.register(CouncilSession)
class CouncilSessionAdmin(NoDeleteAdminMixin, admin.ModelAdmin):
    """The hour as people write it ("14:00", "14h30"), not Django's "14:00:00". The
    cancellation is the office's, on the session page (a reason, the dossiers' history):
    never typed here. A closed or cancelled session keeps what its minutes print."""

    list_display = ("title", "issuer", "held_on", "status")
    list_filter = ("status", "issuer")
    readonly_fields = (
        "issuer",
        "title",
        "held_on",
        "status",
        "closed_at",
        "cancelled_at",
        "cancelled_by",
        "cancel_reason",
    )
    ENDED_READONLY = ("starts_at", "venue", "chair_name", "secretary_name")
    formfield_overrides = {
        models.TimeField: {
            "form_class": forms.TimeField,
            "input_formats": TIME_FORMS,
            "widget": AdminTimeWidget(format="%H:%M"),
        }
    }

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status != CouncilSession.Status.OPEN:
            fields = (*fields, *self.ENDED_READONLY)
        return fields

    def has_add_permission(self, request):
        return False


from . import money_admin  # noqa: E402, F401  (the money's admin, in its own module)
