"""Forms of the staff workspace: the launch document and its parts."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, Q, QuerySet, When
from django.forms import BaseInlineFormSet, inlineformset_factory

from units.access import office_bodies
from units.files import ALLOWED_TEXT
from units.formfields import DayField
from units.models import Unit, ancestors_of

from .documents import PART_FIELDS, REFERENCE_FIELDS
from .models import (
    Anniversary,
    Attachment,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    Recipient,
    first_day_of,
    subject_short,
)


class DateInput(forms.DateInput):
    """Dates typed as dd/mm/yyyy whatever the browser's language (a date picker would
    show mm/dd/yyyy on an English system)."""

    def __init__(self, **kwargs):
        attrs = {
            "placeholder": "ngày/tháng/năm, ví dụ 31/12/2025",
            "inputmode": "numeric",
            "autocomplete": "off",
        }
        super().__init__(format="%d/%m/%Y", attrs=attrs, **kwargs)


def textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def offer_issuers(form: forms.BaseForm, bodies: QuerySet[Unit], *, preselect: bool = True) -> None:
    """The issuer field offers only the user's bodies; one body alone is preselected."""
    form.fields["issuer"].queryset = bodies
    # A new ModelForm's initial holds issuer=None, so test the value, not the key.
    if preselect and len(bodies) == 1 and not form.initial.get("issuer"):
        form.initial["issuer"] = bodies[0].pk


class NewlinesMixin:
    """Browsers post text areas with CRLF: store plain LF, so an unchanged save changes nothing."""

    def clean(self):
        data = super().clean()
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = value.replace("\r\n", "\n").replace("\r", "\n")
        return data


def checked_number(number: str | None) -> str:
    """A document's number is digits (Decree 30: "15" in "15/KH-UBND"), or empty before
    one is taken; "-5" or "abc" would be printed as they are on the issued document."""
    number = (number or "").strip()
    if number and not re.fullmatch(r"\d{1,7}[a-zA-Z]?", number):
        raise ValidationError(
            f"Số văn bản “{number}” không hợp lệ: chỉ gồm chữ số (ví dụ 15 trong "
            "“15/KH-UBND”). Để trống nếu văn bản chưa có số."
        )
    return number


# "V/v", "v/v:", "V/V " typed before a Công văn's subject: the document prints "V/v" itself
LETTER_PREFIX = re.compile(r"^\s*v\s*/\s*v\s*[:.]?\s*", re.IGNORECASE)


class CampaignForm(NewlinesMixin, forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["issuer", *Campaign.DOCUMENT_FIELDS]
        field_classes = {"issued_on": DayField, "start_date": DayField, "end_date": DayField}
        widgets = {
            "issued_on": DateInput(),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "subject": textarea(2),
            "theme": textarea(3),
            "preamble": textarea(8),
            "closing": textarea(6),
        }
        help_texts = {
            "issued_on": "Để trống nếu văn bản chưa ghi ngày; khi đó ghi tháng, năm bên dưới.",
            "parent": "Phong trào của cấp trên mà văn bản này thực hiện. "
            "Văn bản cấp trên chưa có trong hệ thống thì ghi ở mục “Căn cứ, văn bản dẫn chiếu”.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        offer_issuers(self, bodies.order_by("name"), preselect=not self.instance.pk)
        if not self.instance.pk and not self.initial.get("place"):
            # the place printed before the date (Decree 30): the preselected body's
            issuer = bodies.filter(pk=self.initial.get("issuer")).first()
            if issuer and issuer.locality:
                self.initial["place"] = issuer.locality
        # A parent comes from a higher level (Unit.is_above): the bodies above the user's
        # own (the province for a district), or any body of a higher level (Sở Nội vụ,
        # HĐTĐKT tỉnh); one walk up the tree for all the bodies, not one per unit.
        own = list(bodies)
        above = set().union(*ancestors_of(own).values())
        lowest = max((Unit.LEVEL_RANK[b.level] for b in own), default=-1)
        levels = [level for level, rank in Unit.LEVEL_RANK.items() if rank < lowest]
        higher = Unit.objects.active().filter(Q(pk__in=above) | Q(level__in=levels))
        self.fields["parent"].queryset = (
            Campaign.objects.public()
            .filter(issuer__in=higher)
            .select_related("issuer", "document_type")
            .newest_first()
        )
        self.fields["parent"].label_from_instance = lambda c: (
            f"{c.issuer.name}: {c.reference} — {subject_short(c.subject)}"
        )
        self.fields["issued_month"].widget.attrs.update(min=1, max=12)
        self.fields["signing_authority"].widget.attrs["list"] = "signing-authorities"
        self.fields["signer_title"].widget.attrs["list"] = "signer-titles"

    def clean_number(self):
        return checked_number(self.cleaned_data.get("number"))

    def clean(self):
        data = super().clean()
        document_type = data.get("document_type")
        subject = data.get("subject") or ""
        if document_type and document_type.is_letter and LETTER_PREFIX.match(subject):
            # a clerk types the subject as on paper; kept, it would read "V/v V/v …"
            data["subject"] = LETTER_PREFIX.sub("", subject, count=1)
            if not data["subject"]:
                self.add_error("subject", "Ghi trích yếu sau “V/v”.")
        issuer: Unit | None = data.get("issuer")
        parent: Campaign | None = data.get("parent")
        if issuer and parent and not parent.issuer.is_above(issuer):
            self.add_error("parent", "Phong trào cấp trên phải do một cơ quan cấp trên ban hành.")
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "Ngày kết thúc phải sau ngày bắt đầu.")
        issued_on = data.get("issued_on")
        # the registration deadline set on "Tiêu chí, kỳ báo cáo" stays within the dates
        deadline = self.instance.registration_deadline
        where = "sửa hạn đăng ký ở “Tiêu chí, kỳ báo cáo” trước"
        if deadline and end and end < deadline and "end_date" not in self.errors:
            self.add_error(
                "end_date",
                f"Ngày kết thúc trước hạn đăng ký thi đua ({deadline:%d/%m/%Y}): {where}, "
                "hoặc chọn ngày kết thúc sau hạn đó.",
            )
        if deadline and issued_on and issued_on > deadline:
            self.add_error(
                "issued_on",
                f"Ngày ban hành sau hạn đăng ký thi đua ({deadline:%d/%m/%Y}): {where}, "
                "hoặc chọn ngày ban hành trước hạn đó.",
            )
        if issued_on:
            data["issued_month"], data["issued_year"] = issued_on.month, issued_on.year
        elif data.get("issued_month") and not data.get("issued_year"):
            self.add_error("issued_year", "Ghi năm ban hành khi đã ghi tháng.")
        if issuer and "issued_on" not in self.errors:
            # not after the body's last day (decision 0074), as "Phát động" refuses it
            first = first_day_of(issued_on, data.get("issued_month"), data.get("issued_year"))
            if ended := issuer.after_end_problem(first, "ban hành văn bản"):
                self.add_error("issued_on", ended)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Lý do sửa đổi",
        widget=textarea(2),
        required=False,
        help_text="Bắt buộc khi văn bản đã phát động: lý do được lưu cùng phiên bản trước.",
    )


class OrderedForm(NewlinesMixin, forms.ModelForm):
    order = forms.IntegerField(label="Thứ tự", required=False, min_value=0)


class ContentItemForm(OrderedForm):
    is_sub = forms.BooleanField(
        label="Là mục con của nội dung phía trên",
        required=False,
        help_text="Ví dụ: các lĩnh vực kinh tế, văn hóa - xã hội... dưới một nội dung.",
    )

    class Meta:
        model = ContentItem
        fields = ["order", "label", "heading", "text"]
        widgets = {"text": textarea(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_sub"].initial = bool(self.instance.parent_id)


class AnniversaryForm(OrderedForm):
    class Meta:
        model = Anniversary
        fields = ["order", "name", "start_date", "end_date"]
        field_classes = {"start_date": DayField, "end_date": DayField}
        widgets = {"start_date": DateInput(), "end_date": DateInput()}


class ReferenceForm(OrderedForm):
    class Meta:
        model = DocumentReference
        fields = ["order", *REFERENCE_FIELDS]
        field_classes = {"issued_on": DayField}
        widgets = {"issued_on": DateInput(), "subject": textarea(2)}


class RecipientForm(OrderedForm):
    class Meta:
        model = Recipient
        fields = ["order", "text"]


class DistributionForm(OrderedForm):
    class Meta:
        model = DistributionEntry
        fields = ["order", "text", "mark"]


class PartsFormSet(BaseInlineFormSet):
    """The rows of one part of the document, with our messages."""

    default_error_messages = {
        "missing_management_form": "Dữ liệu biểu mẫu bị thiếu hoặc bị sửa; tải lại trang rồi nhập lại.",
        "too_many_forms": "Tối đa %(num)d dòng.",
        "too_few_forms": "Cần ít nhất %(num)d dòng.",
    }

    # A post says how many rows it holds (TOTAL_FORMS, INITIAL_FORMS) and Django builds,
    # checks and renders back that many forms, up to MAX_ROWS: a count of 10^30 in each
    # part built 1,000 blank forms and answered 1.8 MB in ~3-7 s (decision 0062). A row
    # the post does not carry is a blank extra row, which is never saved: only the rows
    # that exist and the rows posted are built. Nothing a browser posts changes: it
    # sends every row's fields, and "Tối đa 200 dòng." still refuses a count above it.

    def initial_form_count(self):
        count = super().initial_form_count()
        if self.is_bound:  # no post holds more existing rows than there are
            count = min(count, len(self.get_queryset()))
        return count

    def total_form_count(self):
        count = super().total_form_count()
        if self.is_bound:
            count = min(count, max(self.initial_form_count(), self._rows_posted()))
        return count

    def _rows_posted(self) -> int:
        """1 + the highest row number with a field in the post ("items-7-text": 8)."""
        if not hasattr(self, "_rows_posted_count"):
            row = re.compile(rf"{re.escape(self.prefix)}-(\d+)-")
            numbers = [int(m.group(1)) for key in self.data if (m := row.match(key))]
            self._rows_posted_count = max(numbers, default=-1) + 1
        return self._rows_posted_count


class ItemFormSet(PartsFormSet):
    """Content items in document order; a sub-item needs a content item above it."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            form
            for form in self.forms
            if (form.has_changed() or form.instance.pk) and form.cleaned_data
        ]
        rows.sort(key=_order_key)
        top_deleted = False
        seen_top = False
        for form in rows:
            deleted = self.can_delete and self._should_delete_form(form)
            if form.cleaned_data.get("is_sub"):
                if not seen_top and not deleted:
                    raise ValidationError(
                        "Mục con đầu tiên phải nằm dưới một nội dung: bỏ đánh dấu “Là mục con” "
                        "hoặc thêm một nội dung phía trên."
                    )
                if top_deleted and not deleted:
                    raise ValidationError(
                        "Một nội dung bị xóa vẫn còn mục con. Hãy xóa cả các mục con của nó, "
                        "hoặc bỏ đánh dấu “Là mục con” để giữ chúng thành nội dung riêng."
                    )
            else:
                top_deleted = deleted
                seen_top = seen_top or not deleted


def _order_key(form):
    order = form.cleaned_data.get("order") if form.cleaned_data else None
    return (order is None, order or 0)


# A document's parts are a few dozen rows; a posted TOTAL_FORMS of a million must not
# make the server build (and render again) a thousand forms per part.
MAX_ROWS = 200


def _formset(model, form, extra, formset=PartsFormSet):
    return inlineformset_factory(
        Campaign,
        model,
        form=form,
        formset=formset,
        fk_name="campaign",
        extra=extra,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )


FORMSETS = {
    "items": (_formset(ContentItem, ContentItemForm, 3, ItemFormSet), "Nội dung thi đua"),
    "anniversaries": (_formset(Anniversary, AnniversaryForm, 1), "Kỷ niệm các ngày lễ lớn"),
    "references": (_formset(DocumentReference, ReferenceForm, 1), "Căn cứ, văn bản dẫn chiếu"),
    "recipients": (_formset(Recipient, RecipientForm, 2), "Kính gửi"),
    "distribution": (_formset(DistributionEntry, DistributionForm, 3), "Nơi nhận"),
}


def build_formsets(
    data=None, *, instance: Campaign, initial: dict[str, list[dict]] | None = None
) -> dict:
    """The document's parts as form sets, rows in document order, numbered 1, 2, 3...;
    `initial` fills a new document's first blank rows (a prefix's list of rows)."""
    formsets = {}
    for prefix, (formset_class, _) in FORMSETS.items():
        kwargs = {}
        if initial and prefix in initial and data is None:
            kwargs["initial"] = initial[prefix]
        if prefix == "items" and instance.pk:
            ordered = [item.pk for top in instance.items_tree() for item in [top, *top.subitems]]
            kwargs["queryset"] = (
                ContentItem.objects.filter(pk__in=ordered).order_by(
                    Case(*[When(pk=pk, then=position) for position, pk in enumerate(ordered)])
                )
                if ordered
                else ContentItem.objects.none()
            )
        formset = formset_class(data, instance=instance, prefix=prefix, **kwargs)
        if data is None:
            for position, form in enumerate(formset.initial_forms, start=1):
                form.initial["order"] = position
        formsets[prefix] = formset
    return formsets


def formsets_parts(formsets: dict) -> dict[str, list[dict]]:
    """The document's parts as the (valid) form sets hold them, as plain data for
    `campaign_parts_write`: rows in the order typed, each row that exists with its id,
    each sub-item under the item above; deleted and untouched blank rows left out."""
    parts = {}
    for prefix, formset in formsets.items():
        deleted = set(formset.deleted_forms)
        kept = [
            form
            for form in formset.forms
            if (form.has_changed() or form.instance.pk) and form not in deleted
        ]
        kept.sort(key=_order_key)
        rows: list[dict] = []
        for form in kept:
            row = {
                name: form.cleaned_data[name]
                for name in PART_FIELDS[prefix]
                if name in form.cleaned_data
            }
            if form.instance.pk:
                row["id"] = form.instance.pk
            if prefix == "items" and form.cleaned_data.get("is_sub") and rows:
                rows[-1].setdefault("children", []).append(row)
            else:
                rows.append(row)
        parts[prefix] = rows
    return parts


def _upload_help() -> str:
    return (
        f"Chấp nhận: {ALLOWED_TEXT}, tối đa {settings.UPLOAD_MAX_BYTES // 1_048_576} MB. "
        "Bản ký số, bản chụp có chữ ký phải là PDF."
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Tệp")
    kind = forms.ChoiceField(label="Loại tệp", choices=Attachment.Kind.choices)
    is_public = forms.BooleanField(
        label="Công khai cho người dân",
        required=False,
        help_text="Ví dụ: bản có chữ ký, báo cáo tổng kết.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _upload_help()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="Lý do thu hồi", widget=textarea(3))


class SummariseForm(forms.Form):
    summary = forms.CharField(label="Nội dung báo cáo tổng kết", widget=textarea(10))
    report = forms.FileField(label="Tệp báo cáo tổng kết (nếu có)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].help_text = _upload_help()


class ImportForm(forms.Form):
    """Nhập văn bản: paste the text or choose a file."""

    text = forms.CharField(
        label="Dán nội dung văn bản",
        required=False,
        widget=textarea(14),
        help_text="Dán toàn văn (kể cả phần đầu: cơ quan, số, ngày) hoặc chọn tệp bên dưới.",
    )
    file = forms.FileField(
        label="Hoặc chọn tệp văn bản",
        required=False,
        help_text=(
            "Tệp Word (.docx), PDF (.pdf, kể cả bản quét), văn bản (.txt) hoặc ảnh chụp, "
            "ảnh quét (.jpg, .png). Bản quét và ảnh được nhận dạng chữ, mất vài giây mỗi trang."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt,.jpg,.jpeg,.png"}),
    )

    def clean(self):
        data = super().clean()
        chosen = "file" in self.errors  # a file was sent but refused: its error says why
        if not (data.get("text") or "").strip() and not data.get("file") and not chosen:
            raise ValidationError("Hãy dán nội dung văn bản hoặc chọn một tệp.")
        if (data.get("text") or "").strip() and data.get("file"):
            # the file would be read and the pasted text dropped unsaid (decision 0061)
            raise ValidationError(
                "Chỉ chọn một cách: đã có cả nội dung dán vào và tệp. Xóa nội dung đã dán "
                "để đọc tệp, hoặc bỏ chọn tệp để đọc nội dung dán."
            )
        return data


class ImportReviewForm(NewlinesMixin, forms.ModelForm):
    """The fields found in an imported document, for the user to check before the draft."""

    class Meta:
        model = Campaign
        # The document's fields, less the long texts the importer fills from the body.
        fields = [
            "issuer",
            *(
                f
                for f in Campaign.DOCUMENT_FIELDS
                if f not in ("preamble", "closing", "start_date")
            ),
        ]
        field_classes = {"issued_on": DayField, "end_date": DayField}
        widgets = {
            "issued_on": DateInput(),
            "end_date": DateInput(),
            "subject": textarea(2),
            "theme": textarea(3),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = office_bodies(user).order_by("name")
        self.fields["parent"].queryset = (
            Campaign.objects.public().select_related("issuer", "document_type").newest_first()
        )
        self.fields["parent"].label_from_instance = lambda c: (
            f"{c.issuer.name}: {c.reference} — {subject_short(c.subject)}"
        )

    def clean(self):
        data = super().clean()
        issued, end = data.get("issued_on"), data.get("end_date")
        if issued and end and end < issued:  # decision 0061
            self.add_error("end_date", f"Ngày kết thúc phải sau ngày ban hành ({issued:%d/%m/%Y}).")
        return data

    def mark(self, *, missing: set[str], uncertain: set[str], issuer_note: str = "") -> None:
        """Tie each field's "Không tìm thấy" / "Cần kiểm tra" badge (and the note on an
        issuer not found) to its input, so a screen reader says it with the field
        (decision 0061); the hint and the error stay described too."""
        for bound in self:
            marks = [f"missing-{bound.name}"] if bound.name in missing else []
            marks += [f"uncertain-{bound.name}"] if bound.name in uncertain else []
            if bound.name == "issuer" and issuer_note:
                marks.append(issuer_note)
            if not marks:
                continue
            if bound.help_text:
                marks.append(f"{bound.auto_id}_helptext")
            if bound.errors:
                marks.append(f"{bound.auto_id}_error")
            bound.field.widget.attrs["aria-describedby"] = " ".join(marks)

    def clean_number(self):
        """A number as read may be garbage ("^3" from a superscript): only digits are
        saved (issue 14), the rest is shown back beside the field."""
        return checked_number(self.cleaned_data.get("number"))


def review_initial(parsed: dict, found: dict) -> dict:
    """Initial values of the review form from the parser's result and the database matches."""
    date = parsed.get("date")
    end = parsed.get("end_date")
    return {
        "issuer": found["issuer"],
        "document_type": found["document_type"],
        "number": parsed.get("number") or "",
        "symbol": parsed.get("symbol") or "",
        "place": parsed.get("place") or "",
        "issued_on": datetime.date.fromisoformat(date) if date else None,
        "issued_month": parsed.get("date_month"),
        "issued_year": parsed.get("date_year"),
        "subject": parsed.get("subject") or "",
        "theme": parsed.get("theme") or "",
        "kind": found["kind"],
        "is_special": found["is_special"],
        "end_date": datetime.date.fromisoformat(end) if end else None,
        "time_frame": (parsed.get("time_frame") or "")[:255],
        "parent": found["parent"],
        "signing_authority": (parsed.get("signing_authority") or "")[:100],
        "signer_title": (parsed.get("signer_title") or "")[:100],
        "signer_name": (parsed.get("signer_name") or "")[:100],
    }


class DashboardFilterForm(forms.Form):
    """The dashboard's list of campaigns: words of the subject or number (diacritics
    optional) and a status, or “past its end date”. A bad value is ignored."""

    q = forms.CharField(
        label="Tìm phong trào",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "Trích yếu, số văn bản, có dấu hay không"}),
    )
    trang_thai = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[
            ("", "Tất cả"),
            *Campaign.Status.choices,
            ("qua-han", "Đã hết thời gian, chưa kết thúc"),
        ],
    )

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            "q": self.cleaned_data.get("q", ""),
            "status": self.cleaned_data.get("trang_thai", ""),
        }
