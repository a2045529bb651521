"""Forms of the fund pages and the statistical reports (errors in Vietnamese, beside
their field)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone

from campaigns.forms_staff import DateInput, offer_issuers
from units.access import office_bodies
from units.formfields import DayField, IdChoiceField
from units.models import Unit
from units.text import ungrouped

from .forms import VietnameseInputMixin
from .models import YEAR_MIN, AwardType
from .money import vnd as vnd_text
from .money_models import FundEntry


def year_field(label: str = "Năm") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=YEAR_MIN,
        max_value=2100,
        error_messages={
            "invalid": "Ghi năm bằng chữ số, ví dụ 2025.",
            "min_value": f"Năm phải từ {YEAR_MIN} trở đi.",
            "max_value": "Năm không hợp lệ.",
        },
    )


class AmountField(forms.IntegerField):
    """Số tiền (đồng) as clerks type it: digits, with or without dots (or spaces) between
    the thousands ("50.000.000"). A text box, not <input type="number">: in a Vietnamese
    browser that reads "." as the decimal point, "50.000.000" went as "50.000000", and
    IntegerField drops a ".000000" tail: 50 đồng (decision 0071). Anything that could be
    read two ways ("1,5", "50.0", "5tr") is refused, never guessed."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": "Ghi số tiền bằng chữ số, có thể có dấu chấm ngăn cách hàng nghìn, "
        "ví dụ 50000000 hoặc 50.000.000.",
    }

    def widget_attrs(self, widget):
        # no autocomplete="off": Back must bring the amount back, so a page sent twice
        # is caught as sent twice (tests/e2e/test_explore5_fixes.py)
        return {**super().widget_attrs(widget), "inputmode": "numeric"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = ungrouped(str(value))  # the reports' rule too (decision 0079)
        if text.isascii() and text.isdigit():  # whole đồng only: "50.0", "1,5" refused
            return int(text)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class FundOpenForm(VietnameseInputMixin, forms.Form):
    """Mở sổ quỹ: an issuing body of the office and a year."""

    issuer = IdChoiceField(label="Cơ quan", queryset=Unit.objects.none())
    year = year_field()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_issuers(self, office_bodies(user))
        self.fields["year"].initial = timezone.localdate().year


class FundEntryForm(VietnameseInputMixin, forms.Form):
    """Ghi dự toán được giao hoặc khoản thu khác vào sổ quỹ."""

    kind = forms.ChoiceField(
        label="Loại",
        choices=[
            (FundEntry.Kind.BUDGET, FundEntry.Kind.BUDGET.label),
            (FundEntry.Kind.INCOME, FundEntry.Kind.INCOME.label),
        ],
        error_messages={"invalid_choice": "Chọn dự toán được giao hoặc thu khác."},
    )
    amount = AmountField(
        label="Số tiền (đồng)",
        min_value=1,
        max_value=10**15,
        error_messages={
            "invalid": "Ghi số tiền bằng chữ số, có thể có dấu chấm ngăn cách hàng nghìn, "
            "ví dụ 50000000 hoặc 50.000.000.",
            "min_value": "Số tiền phải lớn hơn 0.",
            "max_value": "Số tiền quá lớn.",
        },
    )
    on = DayField(
        label="Ngày",
        widget=DateInput(),
        error_messages={"invalid": "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/01/2025."},
    )
    description = forms.CharField(label="Nội dung", max_length=255)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on.year != self.year:
            raise forms.ValidationError(f"Ngày ghi phải thuộc năm {self.year} của quỹ.")
        return on


class StatisticsYearForm(VietnameseInputMixin, forms.Form):
    """Năm báo cáo và cơ quan báo cáo của biểu thống kê."""

    issuer = IdChoiceField(label="Đơn vị báo cáo", queryset=Unit.objects.none(), required=False)
    nam = year_field("Năm báo cáo")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_issuers(self, office_bodies(user))
        self.fields["issuer"].required = False
        self.fields["nam"].initial = timezone.localdate().year


class FundEntryCancelForm(forms.Form):
    """Hủy dòng ghi sai: which budget or income line (`ledger`'s cancellable rows), why."""

    entry = forms.TypedChoiceField(
        label="Dòng ghi sai",
        coerce=int,
        error_messages={
            "required": "Chọn dòng ghi sai.",
            "invalid_choice": "Dòng này không hủy được (đã hủy, hoặc là tiền chi của quyết định).",
        },
    )
    reason = forms.CharField(
        label="Lý do hủy dòng",
        max_length=150,
        error_messages={"required": "Ghi lý do hủy dòng."},
    )

    def __init__(self, *args, rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = [
            (
                r["entry"].pk,
                f"{r['entry'].on:%d/%m/%Y} — {r['entry'].get_kind_display()} — "
                f"{vnd_text(r['entry'].amount)} đồng — {r['entry'].description}",
            )
            for r in rows
            if r["cancellable"]
        ]

    def message(self) -> str:
        """Its errors in one line, for the page message above the book."""
        return " ".join(error for errors in self.errors.values() for error in errors)


class GrantRevokeForm(VietnameseInputMixin, forms.Form):
    """Thu hồi khen thưởng: by a decision (its number, symbol and date) and for a reason
    (decision 0078)."""

    reason = forms.CharField(
        label="Lý do", max_length=500, error_messages={"required": "Ghi lý do thu hồi."}
    )
    document_number = forms.CharField(
        label="Số, ký hiệu quyết định thu hồi",
        max_length=60,
        help_text="Ví dụ: 12/QĐ-UBND.",
        error_messages={"required": "Ghi số, ký hiệu của quyết định thu hồi."},
    )
    document_date = DayField(
        label="Ngày quyết định thu hồi",
        widget=DateInput(),
        error_messages={"required": "Ghi ngày ký quyết định thu hồi."},
    )


class AmendmentLineForm(VietnameseInputMixin, forms.Form):
    """Sửa một dòng của dự thảo quyết định sửa đổi, bổ sung."""

    printed_name = forms.CharField(
        label="Họ tên, tên tập thể (đính chính)",
        max_length=255,
        required=False,
        help_text="Để trống: theo hồ sơ.",
    )
    printed_position = forms.CharField(label="Chức vụ (đính chính)", max_length=255, required=False)
    awardee_unit = forms.ModelChoiceField(
        label="Đơn vị", queryset=Unit.objects.filter(archived=False).order_by("name")
    )
    award_type = forms.ModelChoiceField(
        label="Danh hiệu, hình thức", queryset=AwardType.objects.filter(archived=False)
    )
    reward_amount = AmountField(label="Số tiền thưởng (đồng)", required=False)
    struck = forms.BooleanField(
        label="Bãi bỏ khen thưởng này (người, tập thể không đủ điều kiện hoặc ghi nhầm)",
        required=False,
    )

    def __init__(self, *args, line, **kwargs):
        """The units of the decision's body (services.amendment_units), and the line's own."""
        from .services import amendment_units

        super().__init__(*args, **kwargs)
        units = amendment_units(line.decision.issuer)
        self.fields["awardee_unit"].queryset = Unit.objects.filter(
            Q(pk__in=units.values("pk")) | Q(pk=line.awardee_unit_id)
        ).order_by("name")
