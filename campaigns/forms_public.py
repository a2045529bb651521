"""The portal's filter form: issuing body (with the bodies below it), year, kind, status, search."""

from __future__ import annotations

from django import forms

from units.formfields import ended_grouped_choices
from units.models import Unit

KIND_CHOICES = [
    ("", "Tất cả hình thức"),
    ("regular", "Thi đua thường xuyên"),
    ("thematic", "Thi đua theo chuyên đề"),
    ("special", "Phong trào thi đua đặc biệt"),
]
STATUS_CHOICES = [
    ("", "Tất cả trạng thái"),
    ("dang-dien-ra", "Đang diễn ra"),
    ("da-ket-thuc", "Đã kết thúc"),
]


class CampaignFilterForm(forms.Form):
    q = forms.CharField(
        label="Tìm kiếm",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Ví dụ: thi dua dac biet, 5834, Tam Duong"}
        ),
        help_text="Gõ có dấu hoặc không dấu đều được.",
    )
    issuer = forms.ModelChoiceField(
        label="Cơ quan ban hành",
        required=False,
        queryset=Unit.objects.issuing_bodies().order_by("level", "name"),
        empty_label="Tất cả cơ quan",
        help_text="Gồm cả các cơ quan cấp dưới.",
    )
    year = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Hình thức", required=False, choices=KIND_CHOICES)
    status = forms.ChoiceField(label="Trạng thái", required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, years: list[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Tất cả các năm")] + [(y, str(y)) for y in years]
        # the bodies dissolved in 2025 under "Trước 01/07/2025" (decision 0070), one query
        issuer = self.fields["issuer"]
        issuer.choices = lambda: ended_grouped_choices(issuer.queryset, empty=issuer.empty_label)

    def filters(self) -> dict:
        """The valid filters; an invalid one (a year typed by hand...) is left out alone."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "") and key not in self.errors
        }

    def ignored(self) -> list[str]:
        """Labels of the filters that were left out because their value is not valid."""
        if not self.is_bound:
            return []
        self.is_valid()
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]
