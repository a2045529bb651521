"""Forms of the awards workspace."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from campaigns.forms_staff import DateInput, NewlinesMixin, offer_issuers, textarea
from campaigns.models import Campaign
from units.access import office_bodies, unit_bodies, units_below
from units.models import Membership, Person, Unit

from . import workflow
from .models import AwardType, Nomination, NominationFile


def _units_below(bodies) -> list[int]:
    return sorted(units_below(bodies))


class AwardTypeSelect(forms.Select):
    """Each option says whom the award is for, so the page can offer only fitting types."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-kind"] = instance.recipient_kind
        return option


class NominationForm(NewlinesMixin, forms.ModelForm):
    nominee_kind = forms.ChoiceField(
        label="Đối tượng được đề nghị",
        choices=[("person", "Cá nhân"), ("unit", "Tập thể"), ("household", "Hộ gia đình")],
        widget=forms.RadioSelect,
        initial="person",
    )

    class Meta:
        model = Nomination
        fields = [
            "nominating_unit",
            "nominee_kind",
            "nominee_person",
            "nominee_unit",
            "nominee_household",
            "award_type",
            "commendation_kind",
            "campaign",
            "year",
            "simplified",
            "achievement_summary",
        ]
        widgets = {"achievement_summary": textarea(6), "award_type": AwardTypeSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = list(unit_bodies(user))
        units = _units_below(bodies)
        self.fields["nominating_unit"].queryset = Unit.objects.filter(pk__in=[b.pk for b in bodies])
        if len(bodies) == 1:
            self.initial.setdefault("nominating_unit", bodies[0].pk)
        self.fields["nominee_person"].queryset = Person.objects.filter(
            unit_id__in=units, archived=False
        ).select_related("unit")
        self.fields["nominee_unit"].queryset = Unit.objects.filter(pk__in=units, archived=False)
        self.fields["award_type"].queryset = AwardType.objects.filter(archived=False)
        self.fields["award_type"].label_from_instance = lambda a: (
            f"{a.name} — {a.get_recipient_kind_display()}"
        )
        chain: set[int] = set()
        for body in bodies:
            chain |= {body.pk, *(u.pk for u in body.ancestors())}
        self.fields["campaign"].queryset = (
            Campaign.objects.public()
            .filter(issuer_id__in=chain)
            .select_related("issuer")
            .newest_first()
        )
        self.fields["campaign"].required = False
        self.fields[
            "year"
        ].help_text = "Ghi năm xét khi đề nghị khen thưởng hằng năm (không theo phong trào)."

    def clean(self):
        data = super().clean()
        kind = data.get("nominee_kind")
        keep = {
            "person": "nominee_person",
            "unit": "nominee_unit",
            "household": "nominee_household",
        }.get(kind)
        for name in ("nominee_person", "nominee_unit", "nominee_household"):
            if name != keep:
                data[name] = "" if name == "nominee_household" else None
                setattr(self.instance, name, data[name])
        if keep and not data.get(keep):
            self.add_error(keep, "Chọn hoặc ghi đối tượng được đề nghị.")
        return data


class AppraiseForm(forms.Form):
    result = forms.ChoiceField(
        label="Kết quả thẩm định",
        choices=[
            ("eligible", "Đủ điều kiện, trình Hội đồng"),
            ("returned", "Trả lại để bổ sung"),
            ("ineligible", "Không đủ điều kiện"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Ý kiến, lý do",
        required=False,
        widget=textarea(3),
        help_text="Bắt buộc khi trả lại hoặc không đủ điều kiện; đơn vị sẽ nhận được ý kiến này.",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do", widget=textarea(2))


class FileForm(forms.Form):
    file = forms.FileField(label="Tệp hồ sơ", help_text="PDF, DOCX, XLSX, JPG, PNG.")
    kind = forms.ChoiceField(label="Loại", choices=NominationFile.Kind.choices)


class InboxFilterForm(forms.Form):
    # Typed, not chosen: a province's office receives from hundreds of units, and a
    # select of them all made the page slow to render and to use.
    unit = forms.CharField(
        label="Đơn vị đề nghị",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Tên đơn vị, có dấu hay không"}),
    )
    award_type = forms.ModelChoiceField(
        label="Danh hiệu, hình thức",
        queryset=AwardType.objects.filter(archived=False),
        required=False,
        empty_label="Tất cả",
    )
    status = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả"), *Nomination.Status.choices[1:]]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}


class SessionForm(forms.Form):
    issuer = forms.ModelChoiceField(label="Hội đồng TĐKT của", queryset=Unit.objects.none())
    title = forms.CharField(label="Tên phiên họp", max_length=255)
    held_on = forms.DateField(label="Ngày họp", widget=DateInput())
    members = forms.ModelMultipleChoiceField(
        label="Thành viên dự họp",
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    nominations = forms.ModelMultipleChoiceField(
        label="Hồ sơ đưa ra bình xét",
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        offer_issuers(self, bodies)
        self.fields["members"].queryset = (
            get_user_model()
            .objects.filter(
                memberships__unit__in=bodies,
                memberships__role=Membership.Role.COUNCIL_MEMBER,
                memberships__archived=False,
            )
            .distinct()
        )
        self.fields["members"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["nominations"].queryset = Nomination.objects.filter(
            issuer__in=bodies, status__in=workflow.statuses("put_on_agenda")
        ).select_related("award_type", "nominee_person", "nominee_unit")


class DecisionForm(forms.Form):
    issuer = forms.ModelChoiceField(label="Cơ quan ban hành", queryset=Unit.objects.none())
    subject = forms.CharField(label="Trích yếu", widget=textarea(2), initial="Về việc khen thưởng")
    symbol = forms.CharField(
        label="Ký hiệu",
        max_length=60,
        required=False,
        initial="QĐ-UBND",
        help_text="Số do hệ thống cấp khi ban hành. Để trống: QĐ-UBND.",
    )
    place = forms.CharField(label="Địa danh", max_length=100, required=False)
    signing_authority = forms.CharField(
        label="Quyền hạn ký",
        max_length=100,
        required=False,
        help_text="Để trống khi Chủ tịch ký; “KT. CHỦ TỊCH” khi Phó Chủ tịch ký thay.",
    )
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=100, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label="Người ký", max_length=100)
    nominations = forms.ModelMultipleChoiceField(
        label="Hồ sơ được khen thưởng",
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        offer_issuers(self, bodies)
        if len(bodies) == 1:
            self.initial.setdefault("place", bodies[0].locality)
        passed = Nomination.objects.filter(
            issuer__in=bodies, status__in=workflow.statuses("add_to_decision"), decision=None
        ).select_related("award_type", "nominee_person", "nominee_unit", "issuer")
        within = [n.pk for n in passed if n.award_type.granted_by(n.issuer)]
        self.fields["nominations"].queryset = passed.filter(pk__in=within)
        self.fields["nominations"].help_text = (
            "Chỉ các hồ sơ Hội đồng đã thông qua trong thẩm quyền; hồ sơ vượt thẩm quyền "
            "được trình cấp trên."
        )


class CommentForm(forms.Form):
    name = forms.CharField(label="Họ và tên", max_length=120)
    contact = forms.CharField(
        label="Điện thoại hoặc thư điện tử (không bắt buộc)", max_length=120, required=False
    )
    text = forms.CharField(label="Ý kiến của bạn", max_length=3000, widget=textarea(5))
    # A field people never see: bots fill it in.
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
