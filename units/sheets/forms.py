from __future__ import annotations

from django import forms

from units.formfields import IdChoiceField

from .kinds import kinds_all
from .services import import_offices, may_import_kind


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="Loại dữ liệu")
    office = IdChoiceField(
        label="Cơ quan thường trực",
        queryset=None,
        required=False,
        help_text="Chỉ nhập được các đơn vị thuộc cơ quan này.",
    )
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        error_messages={"required": "Chọn tệp Excel cần nhập.", "empty": "Tệp tải lên trống."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["kind"].choices = [
            (k.key, k.title) for k in kinds_all() if may_import_kind(user, k)
        ]
        offices = import_offices(user)
        self.fields["office"].queryset = offices
        self.fields["office"].empty_label = (
            "Toàn hệ thống (quản trị)" if user.is_superuser else None
        )
        if not user.is_superuser:
            self.fields["office"].required = True
            if offices.count() == 1:
                self.fields["office"].initial = offices.first().pk

    def clean_office(self):
        office = self.cleaned_data.get("office")
        if office is None and not self.user.is_superuser:
            raise forms.ValidationError("Chọn cơ quan thường trực của lần nhập.")
        return office


class RevertForm(forms.Form):
    reason = forms.CharField(
        label="Lý do hoàn tác",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Ghi lý do hoàn tác."},
    )
