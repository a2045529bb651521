from __future__ import annotations

from django import forms

from units.formfields import IdChoiceField

from .kinds import OFFICE, UNIT
from .services import import_bodies, kinds_for, may_import_kind

# The upload's unit, as the kinds the user imports name it (decision 0068).
SCOPE_WORDS = {
    frozenset({OFFICE}): ("Cơ quan thường trực", "Chỉ nhập được các đơn vị thuộc cơ quan này."),
    frozenset({UNIT}): (
        "Đơn vị đề nghị",
        "Các đề nghị được nhập cho đơn vị này (và các đơn vị trực thuộc), dạng dự thảo.",
    ),
    frozenset({OFFICE, UNIT}): (
        "Cơ quan, đơn vị",
        "Dữ liệu ban đầu: cơ quan thường trực, nhập cho các đơn vị thuộc cơ quan. "
        "Đề nghị khen thưởng: đơn vị đề nghị.",
    ),
}


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
        kinds = [k for k in kinds_for(user) if may_import_kind(user, k)]
        self.fields["kind"].choices = [(k.key, k.title) for k in kinds]
        label, help_text = SCOPE_WORDS.get(
            frozenset(k.imported_by for k in kinds), SCOPE_WORDS[frozenset({OFFICE})]
        )
        self.fields["office"].label, self.fields["office"].help_text = label, help_text
        offices = import_bodies(user, kinds)
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
            raise forms.ValidationError(f"Chọn {self.fields['office'].label.lower()} của lần nhập.")
        return office


class RevertForm(forms.Form):
    reason = forms.CharField(
        label="Lý do hoàn tác",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Ghi lý do hoàn tác."},
    )
