"""Every value a user sends to results tracking, parsed here: a malformed or
out-of-range value gets a Vietnamese message beside its field, and the view writes
nothing until the whole form is valid."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.html import format_html, format_html_join

from units.access import office_bodies
from units.files import ALLOWED_TEXT
from units.formfields import MAX_ID, DayField, IdChoiceField, IdMultipleChoiceField
from units.models import Unit, descendants_query
from units.text import grouped_text, number_text, search_q, ungrouped

from ..forms_staff import DateInput
from ..models import (
    BLOC_SCORE_MAX,
    FAILED,
    PASSED,
    RATE_MAX,
    Campaign,
    pass_fail_text,
    plausible_date,
)
from .models import BlocScore, Criterion, ReportPeriod, ResultReport


class PlainTextInput(forms.TextInput):
    """A text input written with format_html, not a template render: the same HTML as
    Django's `input.html`, for pages that show a number field per unit (a bloc's
    scoring, a campaign's results: 100-200 inputs). Each template render leaves a
    Context cycle that only the cycle collector frees; 200 of them a request made
    the collector's full passes, 200-350 ms each, land in one request in four
    (decision 0020, 3b)."""

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', value) if value is not None else "",
            format_html_join(
                "",
                "{}",
                (
                    (
                        format_html(" {}", name)
                        if value is True
                        else format_html(' {}="{}"', name, value),
                    )
                    for name, value in widget["attrs"].items()
                    if value is not False
                ),
            ),
        )


class NumberField(forms.DecimalField):
    """A number as Vietnamese clerks type it, finite and bounded: "12,5" is twelve and a
    half, "1.000" and "1.000,5" have a dot between thousands; "12.5" is read as 12.5."""

    default_error_messages = {
        "invalid": "Nhập một số, ví dụ 12,5.",
        "max_digits": "Số quá lớn: tối đa %(max)s chữ số.",
        "max_decimal_places": "Tối đa %(max)s chữ số sau dấu phẩy.",
        "max_whole_digits": "Số quá lớn: tối đa %(max)s chữ số phần nguyên.",
        "min_value": "Số không được nhỏ hơn %(limit_value)s.",
        "max_value": "Số không được lớn hơn %(limit_value)s.",
    }

    def __init__(self, *, max_digits: int = 14, decimal_places: int = 2, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", PlainTextInput(attrs={"inputmode": "decimal"}))
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = ungrouped(value)  # the one rule, as a fund's amounts (decision 0079)
            if not value.isascii() or "_" in value:  # "١٢", "1_000": not how clerks type
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def _numbers(form: forms.ModelForm, names: tuple[str, ...]) -> None:
    """Give a ModelForm's decimal fields our parsing and messages, keeping their limits."""
    for name in names:
        model_field = form._meta.model._meta.get_field(name)
        old = form.fields[name]
        form.fields[name] = NumberField(
            label=old.label,
            required=old.required,
            max_digits=model_field.max_digits,
            decimal_places=model_field.decimal_places,
            validators=model_field.validators,
            help_text=old.help_text,
            initial=old.initial,
        )


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["group", "name", "kind", "measure", "target", "max_points", "weight"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _numbers(self, ("target", "max_points", "weight"))
        self.fields["weight"].required = True
        self.fields["measure"].help_text = (
            "“%” là tỷ lệ, từ 0 đến 100; phần trăm so với kế hoạch (có thể vượt 100) "
            "ghi “% kế hoạch”."
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == Criterion.Kind.POINTS
            and not data.get("max_points")
            and "max_points" not in self.errors
        ):
            self.add_error("max_points", "Tiêu chí chấm điểm cần có điểm tối đa.")
        return data


class PeriodForm(forms.ModelForm):
    """A report period; the instance carries its campaign (a new one too)."""

    class Meta:
        model = ReportPeriod
        fields = ["kind", "due_on"]
        field_classes = {"due_on": DayField}
        widgets = {"due_on": DateInput()}

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        campaign = self.instance.campaign if self.instance.campaign_id else None
        start = campaign.start_date if campaign else None
        # checked when typed: a period dated early before this check stays editable
        if due_on and start and due_on < start and "due_on" in self.changed_data:
            raise forms.ValidationError(
                f"Hạn nộp {due_on:%d/%m/%Y} trước ngày phong trào bắt đầu "
                f"({start:%d/%m/%Y}): chưa có kết quả để báo cáo."
            )
        return due_on


class ArchiveForm(forms.Form):
    reason = forms.CharField(
        label="Lý do bỏ",
        max_length=2000,
        error_messages={"required": "Cần ghi lý do bỏ."},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one box (Django's documented pattern): a list, maybe empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ReportFileForm(forms.Form):
    """Tệp minh chứng chosen on the report page, saved with its figures in one form (a
    draft or sent, decision 0095): each file's type and size are checked by
    `services.report_save` (`units.files.store_upload`), whose refusal the view puts
    beside this box."""

    files = MultipleFileField(
        label="Thêm tệp minh chứng",
        required=False,
        error_messages={
            "empty": "Tệp đã chọn rỗng.",
            "invalid": "Không đọc được tệp gửi lên: chọn lại tệp.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = (
            f"Bản chụp, ảnh, báo cáo có chữ ký, bảng số liệu: {ALLOWED_TEXT}, "
            f"tối đa {settings.UPLOAD_MAX_BYTES // 1_048_576} MB mỗi tệp; chọn được nhiều "
            "tệp. Tệp được lưu cùng số liệu khi bấm “Lưu nháp” hoặc “Nộp báo cáo”."
        )

    def uploads(self) -> list:
        return self.cleaned_data.get("files") or []


class RemoveFileForm(forms.Form):
    reason = forms.CharField(
        label="Lý do gỡ tệp",
        max_length=2000,
        error_messages={"required": "Cần ghi lý do gỡ tệp."},
    )


class DeadlineForm(forms.Form):
    deadline = DayField(
        label="Hạn đăng ký (ngày/tháng/năm)",
        required=False,
        widget=DateInput(),
        validators=[plausible_date],
        error_messages={"invalid": "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 31/03/2026."},
    )

    def __init__(self, *args, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_deadline(self):
        """Within the campaign's dates, said beside the field (decision 0063)."""
        deadline = self.cleaned_data.get("deadline")
        if self.campaign is not None and (refused := self.campaign.deadline_refused(deadline)):
            raise forms.ValidationError(refused)
        return deadline


class BlocForm(forms.Form):
    issuer = IdChoiceField(label="Cơ quan tổ chức", queryset=Unit.objects.none())
    year = forms.IntegerField(
        label="Năm",
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Nhập năm bằng chữ số, ví dụ 2026.",
            "min_value": "Năm phải từ 2000 đến 2100, ví dụ 2026.",
            "max_value": "Năm phải từ 2000 đến 2100, ví dụ 2026.",
        },
    )
    name = forms.CharField(label="Tên khối", max_length=255)
    head = IdChoiceField(label="Đơn vị trưởng khối", queryset=Unit.objects.none())
    members = IdMultipleChoiceField(
        label="Đơn vị thành viên", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, group: Unit | None = None, **kwargs):
        """Any active unit below the user's bodies may head or join a bloc; the page offers
        those directly below `group` (a province's office has thousands below it)."""
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        self.fields["issuer"].queryset = bodies
        below = descendants_query(bodies)  # a subquery: thousands of units stay in the database
        units = Unit.objects.active().filter(pk__in=below).exclude(pk__in=bodies)
        self.fields["head"].queryset = units
        self.fields["members"].queryset = units
        offered = [(u.pk, u.name) for u in units.filter(parent=group)] if group else []
        self.fields["head"].widget.choices = [("", "---------"), *offered]
        self.fields["members"].widget.choices = offered


class BlocEditForm(BlocForm):
    """Sửa khối: BlocForm without the organising body (a bloc stays its issuer's); its
    members are offered with the units below `group`, checked."""

    def __init__(self, *args, bloc, user, group: Unit | None = None, **kwargs):
        members = list(bloc.members.order_by("name"))
        kwargs.setdefault(
            "initial",
            {
                "year": bloc.year,
                "name": bloc.name,
                "head": bloc.head_id,
                "members": [m.pk for m in members],
            },
        )
        super().__init__(*args, user=user, group=group, **kwargs)
        del self.fields["issuer"]
        # a head or member archived since (the 2025 merger) may stay as it is; none is
        # added anew (setting a queryset resets the widget's choices: they are kept)
        kept = Unit.objects.filter(pk__in=[bloc.head_id, *(m.pk for m in members)])
        for name in ("head", "members"):
            field = self.fields[name]
            choices = field.widget.choices
            field.queryset = field.queryset | kept
            field.widget.choices = choices
        offered = list(self.fields["members"].widget.choices)
        shown = {pk for pk, _ in offered}
        current = [(m.pk, m.name) for m in members if m.pk not in shown]
        self.fields["members"].widget.choices = current + offered
        head = (
            [(bloc.head_id, bloc.head.name)]
            if bloc.head_id not in shown | {pk for pk, _ in current}
            else []
        )
        self.fields["head"].widget.choices = (
            self.fields["head"].widget.choices[:1]
            + head
            + current
            + self.fields["head"].widget.choices[1:]
        )


class BlocGroupForm(forms.Form):
    """`?trong=<id>`: the body whose direct sub-units the bloc form offers; by default
    the user's highest body."""

    trong = IdChoiceField(
        label="Chọn đơn vị thành viên trong", queryset=Unit.objects.none(), empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        with_children = Unit.objects.filter(parent=OuterRef("pk"), archived=False)
        self.groups = list(
            Unit.objects.active()
            .filter(pk__in=descendants_query(bodies), is_issuing_body=True)
            .filter(Exists(with_children))
        )
        self.fields["trong"].queryset = Unit.objects.filter(pk__in=[g.pk for g in self.groups])
        self.fields["trong"].widget.choices = [(g.pk, g.name) for g in self.groups]
        ids = {g.pk for g in self.groups}
        tops = [g for g in self.groups if g.parent_id not in ids]
        self.default = tops[0] if tops else None
        self.fields["trong"].initial = self.default.pk if self.default else None

    def group(self) -> Unit | None:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["trong"]
        return self.default


def typed(value: Decimal | None) -> str | None:
    """A stored number as a clerk types it, for its input box and the labels: "85",
    "12,5", "1.234.567" (never "85.00" nor "1234567"). `NumberField` reads it back
    (`ungrouped`), so a page sent back unchanged saves the same figures; the lost-update
    check compares versions (`selectors.version`), never these texts (decision 0083)."""
    return None if value is None else grouped_text(value)


def out_of_range(criterion: Criterion, value: Decimal | None, boolean: str) -> str | None:
    """What is wrong with a registered or reported number for its criterion: a pass/fail
    one takes 0 or 1 (`boolean` says so), points run from 0 to the maximum, a rate (%)
    from 0 to 100; None if right or empty. One rule for the registration and the report
    (decisions 0060, 0086)."""
    if value is None:
        return None
    if criterion.kind == Criterion.Kind.BOOLEAN and value not in (0, 1):
        return boolean
    if criterion.kind == Criterion.Kind.POINTS and not 0 <= value <= (criterion.max_points or 0):
        return f"Điểm phải từ 0 đến {typed(criterion.max_points or Decimal(0))}."
    # A rate is at most 100 %; any other figure may pass its target ("đạt 120% kế hoạch":
    # 1.200 households against 1.000), decision 0086.
    if criterion.is_rate and value > RATE_MAX:
        return "Tỷ lệ (%) không được lớn hơn 100: ghi phần trăm đạt được, ví dụ 85 hoặc 100."
    return None


# What a unit commits to for a pass/fail criterion; its report says PASSED or FAILED.
COMMITTED, NOT_COMMITTED = "Cam kết đạt", "Không cam kết"


class PassFailField(forms.TypedChoiceField):
    """A pass/fail criterion's figure as a choice of two words (radio buttons in a
    fieldset whose legend is the criterion), stored 1 or 0 as before: nothing that reads
    the figures changes (decision 0096, which replaced "1 = cam kết đạt, 0 = không")."""

    widget = forms.RadioSelect

    def __init__(self, *, yes: str, no: str, **kwargs):
        super().__init__(
            choices=[("1", yes), ("0", no)],
            coerce=Decimal,
            empty_value=None,
            required=False,
            error_messages={"invalid_choice": f"Chọn “{yes}” hoặc “{no}”."},
            **kwargs,
        )

    def shown(self, value) -> str:
        """The word of a stored or typed figure ("1", Decimal(0)), "—" if none."""
        if value in (None, ""):
            return "—"
        return dict(self.choices).get(typed(Decimal(value)), str(value))


def shown(field: forms.Field, value) -> str:
    """A figure of the form's initial data as its page shows it, beside the field when a
    colleague saved since and in the read-only table: a choice's word, else the text."""
    if isinstance(field, PassFailField):
        return field.shown(value)
    return "—" if value in (None, "") else str(value)


class RegistrationForm(forms.Form):
    """A target per criterion (`target-<id>`) and the titles the unit aims for."""

    titles_aimed = forms.CharField(
        label="Danh hiệu đăng ký phấn đấu", max_length=255, required=False
    )

    def __init__(self, *args, criteria: list[Criterion], **kwargs):
        kwargs.setdefault("auto_id", "%s")  # ids "target-<id>", "value-<id>"
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            label = f"{c.name} ({c.measure})" if c.measure else c.name
            if c.kind == Criterion.Kind.BOOLEAN:
                self.fields[f"target-{c.pk}"] = PassFailField(
                    label=label, yes=COMMITTED, no=NOT_COMMITTED
                )
                continue
            if c.kind == Criterion.Kind.POINTS:
                label += f" (0 đến {typed(c.max_points or Decimal(0))} điểm)"
            if c.target is not None:
                # as the page writes numbers: "80,5", never "80.50"
                label += f" — chỉ tiêu chung {grouped_text(c.target)}"
            self.fields[f"target-{c.pk}"] = NumberField(label=label, min_value=Decimal(0))

    def clean(self):
        data = super().clean()
        for c in self.criteria:
            problem = out_of_range(
                c, data.get(f"target-{c.pk}"), f"Chọn “{COMMITTED}” hoặc “{NOT_COMMITTED}”."
            )
            if problem:
                self.add_error(f"target-{c.pk}", problem)
        return data

    def read_rows(self) -> list[tuple[str, str]]:
        """(criterion, what the unit registered) of the read-only table, in words."""
        return [
            (self[name].label, shown(field, self.initial.get(name)))
            for name, field in self.fields.items()
            if name != "titles_aimed"
        ]

    def targets(self) -> dict[int, Decimal | None]:
        return {c.pk: self.cleaned_data[f"target-{c.pk}"] for c in self.criteria}


class ReportForm(forms.Form):
    """A value and its evidence per criterion (`value-<id>`, `evidence-<id>`)."""

    def __init__(
        self,
        *args,
        criteria: list[Criterion],
        targets: dict[int, Decimal | None] | None = None,
        earlier: dict | None = None,
        **kwargs,
    ):
        kwargs.setdefault("auto_id", "%s")  # ids "target-<id>", "value-<id>"
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        targets = targets or {}
        earlier = earlier or {}  # criterion id -> (earlier period, figure sent for it)
        for c in criteria:
            label = c.name
            if c.kind == Criterion.Kind.POINTS:
                label += f" (0 đến {typed(c.max_points or Decimal(0))} điểm)"
            elif c.measure:
                label += f" ({c.measure})"
            # what the unit registered for it, to report against
            target = targets.get(c.pk)
            if target is not None:
                if c.kind == Criterion.Kind.BOOLEAN:
                    label += " — đơn vị cam kết đạt" if target >= 1 else " — đơn vị không cam kết"
                else:
                    label += f" — đơn vị đăng ký {grouped_text(target)}"
            sent = ""
            if c.pk in earlier:
                before, figure = earlier[c.pk]
                if c.kind == Criterion.Kind.BOOLEAN:
                    figure_text = pass_fail_text(figure).lower()
                else:
                    figure_text = grouped_text(figure)
                sent = (
                    f"{before.get_kind_display()} (hạn {before.due_on:%d/%m/%Y}) "
                    f"đã nộp: {figure_text}"
                )
            if c.kind == Criterion.Kind.BOOLEAN:
                self.fields[f"value-{c.pk}"] = PassFailField(
                    label=label, yes=PASSED, no=FAILED, help_text=sent
                )
            else:
                self.fields[f"value-{c.pk}"] = NumberField(
                    label=label, min_value=Decimal(0), help_text=sent
                )
            # one "Minh chứng" per criterion: its name tells the boxes apart to a screen
            # reader and a voice command (the name begins with the label seen, WCAG 2.5.3)
            self.fields[f"evidence-{c.pk}"] = forms.CharField(
                label="Minh chứng",
                required=False,
                max_length=4000,
                widget=forms.TextInput(attrs={"aria-label": f"Minh chứng cho “{c.name}”"}),
            )

    def clean(self):
        data = super().clean()
        for c in self.criteria:
            problem = out_of_range(
                c, data.get(f"value-{c.pk}"), f"Chọn “{PASSED}” hoặc “{FAILED}”."
            )
            if problem:
                self.add_error(f"value-{c.pk}", problem)
        return data

    def values(self) -> dict[int, tuple[Decimal | None, str]]:
        return {
            c.pk: (self.cleaned_data[f"value-{c.pk}"], self.cleaned_data[f"evidence-{c.pk}"])
            for c in self.criteria
        }


def score_field(label: str) -> NumberField:
    """A bloc score, from 0 to BLOC_SCORE_MAX: "900" typed for "90" is refused beside the
    field (decision 0076)."""
    top = number_text(BLOC_SCORE_MAX)
    return NumberField(
        label=label,
        max_digits=8,
        min_value=Decimal(0),
        max_value=BLOC_SCORE_MAX,
        error_messages={
            "min_value": "Điểm không được âm.",
            "max_value": f"Điểm không được lớn hơn {top} (thang điểm của khối là {top}).",
        },
    )


class ScoresForm(forms.Form):
    """`self-<unit id>` for the user's own units, `agreed-<unit id>` for the bloc's head."""

    reason = forms.CharField(
        label="Lý do sửa điểm thống nhất (bắt buộc khi sửa điểm đã ghi)",
        required=False,
        max_length=100,
    )

    def __init__(self, *args, members: list[Unit], mine: set[int], is_head: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for unit in members:
            if unit.pk in mine:
                self.fields[f"self-{unit.pk}"] = score_field(f"Tự chấm {unit.name}")
            if is_head:
                self.fields[f"agreed-{unit.pk}"] = score_field(f"Điểm thống nhất {unit.name}")

    def entries(self) -> list[tuple[Unit, str, Decimal]]:
        """(unit, kind, points) of every score filled in."""
        return [
            (unit, kind, self.cleaned_data[name])
            for unit in self.members
            for kind in (BlocScore.Kind.SELF, BlocScore.Kind.AGREED)
            if (name := f"{kind}-{unit.pk}") in self.fields
            and self.cleaned_data.get(name) is not None
        ]


class ReturnReportForm(forms.Form):
    report = IdChoiceField(
        queryset=ResultReport.objects.none(),
        error_messages={
            "invalid_choice": "Báo cáo không còn chờ xử lý hoặc không thuộc phong trào."
        },
    )
    reason = forms.CharField(label="Lý do trả lại", max_length=2000)

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = ResultReport.objects.filter(
            period__campaign=campaign, status=ResultReport.Status.SUBMITTED
        ).select_related("unit")


class BlocShownForm(forms.Form):
    """`?khoi=<id>`: the bloc whose whole ranking a results page shows (the others show
    their leading units)."""

    khoi = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )

    def bloc_id(self) -> int | None:
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get("khoi")


class ReportFilterForm(BlocShownForm):
    """Which received reports the results page lists: one period, words of the unit's name
    (diacritics optional). A bad value is ignored, never a 500."""

    ky = IdChoiceField(
        label="Kỳ báo cáo",
        queryset=ReportPeriod.objects.none(),
        required=False,
        empty_label="Tất cả",
    )
    don_vi = forms.CharField(
        label="Đơn vị",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Tên đơn vị, có dấu hay không"}),
    )

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ky"].queryset = campaign.periods.all()
        self.fields["ky"].label_from_instance = lambda p: (
            f"{p.get_kind_display()} (hạn {p.due_on:%d/%m/%Y})"
        )

    def period(self) -> ReportPeriod | None:
        """The period chosen (`?ky=`), whose results the page shows; None if none or bad."""
        if not self.is_bound:
            return None
        self.is_valid()
        return None if "ky" in self.errors else self.cleaned_data.get("ky")

    def apply(self, reports):
        if not self.is_bound:
            return reports
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}
        if data.get("ky"):
            reports = reports.filter(period=data["ky"])
        if data.get("don_vi"):
            reports = reports.filter(search_q(data["don_vi"], "unit__search_text"))
        return reports


class UnitFilterForm(forms.Form):
    """Which of the user's units a page shows: words of the unit's name (diacritics
    optional). Typed, not chosen: a superuser or a district's staff holds hundreds."""

    don_vi = forms.CharField(
        label="Đơn vị",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Tên đơn vị, có dấu hay không"}),
    )

    def apply(self, units):
        if self.is_bound and self.is_valid() and self.cleaned_data["don_vi"]:
            return units.filter(search_q(self.cleaned_data["don_vi"]))
        return units
