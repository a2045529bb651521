"""Forms of the awards workspace.

Every value a user sends is read here, never by a view: a malformed or out-of-range
value (a superscript digit, which passes str.isdigit(), a number beyond the database's
integers, an impossible date, a NUL character) gets a Vietnamese message beside its
field, and nothing is written.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core import validators as django_validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from campaigns.forms_staff import DateInput, NewlinesMixin, offer_issuers, textarea
from campaigns.models import Campaign
from units.access import office_bodies, unit_bodies
from units.formfields import (
    DayField,
    ended_groups,
    errors_text,  # noqa: F401  (awards views import it from here)
    searchable,
)
from units.models import Membership, Person, Unit, descendants_query
from units.symbols import decision_symbol_problem
from units.text import rank_marked, search_q

from . import workflow
from .models import (
    ONE_NOMINEE,
    YEAR_MIN,
    AwardType,
    CouncilSession,
    Nomination,
    NominationFile,
    Vote,
    year_max,
)
from .services import (
    DECISION_FIELDS,
    decision_symbol,
    suggested_distribution,
    suggested_signer,
)

NUL_MESSAGE = "Dữ liệu có ký tự không hợp lệ (NUL)."
CHOICE_MESSAGE = "Lựa chọn không hợp lệ: hãy chọn trong danh sách."
FIRST_MEETING_DATE = datetime.date(2000, 1, 1)


def plain_id(value) -> bool:
    """An id as our pages send it: ASCII digits of a positive 64-bit integer."""
    text = str(value)
    return text.isascii() and text.isdigit() and 0 < int(text) < 2**63


class IdChoiceField(forms.ModelChoiceField):
    """One row chosen by its id, refused in Vietnamese unless it is an offered row."""

    default_error_messages = {"invalid_choice": CHOICE_MESSAGE}

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, self.queryset.model):
            return super().to_python(value)
        if not plain_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by their ids (check boxes), all of them offered rows or none."""

    default_error_messages = {
        "invalid_list": CHOICE_MESSAGE,
        "invalid_choice": CHOICE_MESSAGE,
        "invalid_pk_value": CHOICE_MESSAGE,
    }

    def _check_values(self, value):
        if any(not plain_id(pk) for pk in value):
            raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value")
        return super()._check_values(value)


class VietnameseInputMixin:
    """Django's own message for a NUL character is not translated: say it in Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            for validator in field.validators:
                if isinstance(validator, ProhibitNullCharactersValidator):
                    validator.message = NUL_MESSAGE


class AwardTypeSelect(forms.Select):
    """Each option says whom the award is for, so the page can offer only fitting types."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-kind"] = instance.recipient_kind
        return option


def _search_units(units: QuerySet[Unit], query: str) -> QuerySet[Unit]:
    """Units by words of their name, with or without diacritics; those written with the
    query's diacritics first (`rank_marked`, as the public search: decision 0054)."""
    return rank_marked(units.filter(search_q(query)).order_by("name", "pk"), query)


def _search_people(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    return rank_marked(people.filter(search_q(query)).order_by("full_name", "pk"), query)


def _search_campaigns(campaigns: QuerySet[Campaign], query: str) -> QuerySet[Campaign]:
    return rank_marked(campaigns.filter(search_q(query)), query)


def _nominee_marked(word: str) -> Q:
    """A word written with its diacritics in a nomination's nominee or nominating unit."""
    return (
        Q(nominee_person__search_marked__contains=word)
        | Q(nominee_unit__search_marked__contains=word)
        | Q(nominee_household__icontains=word.strip())
        | Q(nominating_unit__search_marked__contains=word)
    )


def _search_nominations(nominations: QuerySet[Nomination], query: str) -> QuerySet[Nomination]:
    found = nominations.filter(
        search_q(query, "nominee_person__search_text")
        | search_q(query, "nominee_unit__search_text")
        | Q(nominee_household__icontains=query)
        | search_q(query, "nominating_unit__search_text")
    ).order_by("-pk")
    return rank_marked(found, query, match=_nominee_marked)


# The fields of each form chosen by typing, and how the endpoint searches each.
NOMINATION_SEARCHES = {
    "nominating_unit": _search_units,
    "nominee_person": _search_people,
    "nominee_unit": _search_units,
    "campaign": _search_campaigns,
    # The new person's unit (added inline): the same units as nominee_unit; listed in
    # full it made a superuser's form 117 KB and 3.3 s at 2,001 units (decision 0020).
    "new_person_unit": _search_units,
}
SESSION_SEARCHES = {"nominations": _search_nominations}


# A collective's members, as the unit counts them (decision 0070).
MEMBER_FIELDS = ("member_count", "members_completed", "members_advanced", "members_emulators")
MEMBERS_MAX = 100_000


# The boxes of a person added with the nomination (a cá nhân's only).
NEW_PERSON_FIELDS = (
    "new_person_name",
    "new_person_gender",
    "new_person_birth_year",
    "new_person_position",
    "new_person_unit",
)
# What a nomination of each kind lacks, said beside its box (decision 0086).
NOMINEE_MISSING = {
    "nominee_person": "Chọn cá nhân được đề nghị, hoặc thêm người mới (ghi họ và tên).",
    "nominee_unit": "Chọn tập thể được đề nghị.",
    "nominee_household": "Ghi tên hộ gia đình được đề nghị.",
}


class NominationForm(VietnameseInputMixin, NewlinesMixin, forms.ModelForm):
    nominee_kind = forms.ChoiceField(
        label="Đối tượng được đề nghị",
        choices=[("person", "Cá nhân"), ("unit", "Tập thể"), ("household", "Hộ gia đình")],
        widget=forms.RadioSelect,
        initial="person",
    )

    # A person not yet in the system, typed in here and created with the nomination.
    new_person_name = forms.CharField(label="Họ và tên", max_length=150, required=False)
    new_person_gender = forms.ChoiceField(
        label="Giới tính", choices=[("", "—"), *Person.Gender.choices], required=False
    )
    new_person_birth_year = forms.IntegerField(label="Năm sinh", required=False)
    new_person_position = forms.CharField(label="Chức vụ", max_length=150, required=False)
    new_person_unit = IdChoiceField(
        label="Đơn vị công tác", queryset=Unit.objects.none(), required=False
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
            *MEMBER_FIELDS,
        ]
        widgets = {"achievement_summary": textarea(6), "award_type": AwardTypeSelect}
        field_classes = {
            "nominating_unit": IdChoiceField,
            "nominee_person": IdChoiceField,
            "nominee_unit": IdChoiceField,
            "award_type": IdChoiceField,
            "campaign": IdChoiceField,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The user's bodies and the units below them stay subqueries: a superuser's are
        # every unit of the province, and lists of thousands of ids in every query made
        # the form slow (issue 16).
        bodies = unit_bodies(user)
        first_two = list(bodies.values_list("pk", flat=True)[:2])
        self.fields["nominating_unit"].queryset = Unit.objects.filter(pk__in=bodies.values("pk"))
        if len(first_two) == 1:
            self.initial.setdefault("nominating_unit", first_two[0])
            # a person added here works, unless told otherwise, in the unit's only body
            self.initial.setdefault("new_person_unit", first_two[0])
        below = descendants_query(bodies)
        self.fields["nominee_person"].queryset = Person.objects.filter(
            unit_id__in=below, archived=False
        ).select_related("unit")
        self.fields["nominee_unit"].queryset = Unit.objects.filter(pk__in=below, archived=False)
        # Only the award types in force in the nomination's year (a district's Giấy khen
        # ended on 30/6/2025); the one already chosen stays, for the model to explain.
        in_force = AwardType.objects.filter(archived=False).in_force_during(self._year())
        if self.instance.award_type_id:
            in_force = in_force | AwardType.objects.filter(pk=self.instance.award_type_id)
        self.fields["award_type"].queryset = in_force
        self.fields["new_person_unit"].queryset = self.fields["nominee_unit"].queryset
        this_year = year_max()
        self.fields["new_person_birth_year"].min_value = 1900
        self.fields["new_person_birth_year"].max_value = this_year
        self.fields["new_person_birth_year"].validators = [
            django_validators.MinValueValidator(1900, f"Năm sinh phải từ 1900 đến {this_year}."),
            django_validators.MaxValueValidator(
                this_year, f"Năm sinh phải từ 1900 đến {this_year}."
            ),
        ]
        self.fields["new_person_birth_year"].error_messages["invalid"] = (
            "Năm sinh là một số, ví dụ 1985."
        )
        self.new_person: dict | None = None
        self.fields["award_type"].label_from_instance = lambda a: (
            f"{a.name} — {a.get_recipient_kind_display()}"
        )
        # The bodies' campaigns and those of every unit above them (the Excel import's
        # "Phong trào" column reads the same list).
        from .selectors import nomination_campaigns

        self.fields["campaign"].queryset = nomination_campaigns(bodies)
        self.fields["campaign"].required = False
        self.fields["year"] = forms.IntegerField(
            label=self.fields["year"].label,
            required=False,
            min_value=YEAR_MIN,
            max_value=year_max(),
            help_text="Ghi năm xét khi đề nghị khen thưởng hằng năm (không theo phong trào).",
            error_messages={
                "invalid": "Năm xét là một số, ví dụ 2025.",
                "min_value": f"Năm xét phải từ {YEAR_MIN} đến {year_max()}.",
                "max_value": f"Năm xét phải từ {YEAR_MIN} đến {year_max()}.",
            },
        )
        # Typed search above a few dozen choices (issue 16): a province's staff may pick
        # among thousands of people, units and campaigns. The endpoint answers from
        # these same querysets (nomination_choices, NOMINATION_SEARCHES).
        url = reverse("awards:nomination_choices")
        for name in NOMINATION_SEARCHES:
            searchable(self.fields[name], f"{url}?field={name}")
        for name in MEMBER_FIELDS:  # a collective's members (Tập thể lao động xuất sắc)
            field = self.fields[name]
            field.min_value = 0
            field.max_value = MEMBERS_MAX
            field.validators = [
                django_validators.MinValueValidator(0, "Ghi một số từ 0 trở lên."),
                django_validators.MaxValueValidator(
                    MEMBERS_MAX, f"Ghi một số không quá {MEMBERS_MAX:,}.".replace(",", ".")
                ),
            ]
            field.error_messages["invalid"] = "Ghi một số nguyên, ví dụ 12."

    def _year(self) -> int:
        """The year whose award types are offered: the one typed, else the nomination's,
        else this year."""
        try:
            year = int(str(self.data.get(self.add_prefix("year"), "")).strip())
        except ValueError:
            year = None
        if year and YEAR_MIN <= year <= year_max():
            return year
        return self.instance.year or timezone.localdate().year

    def clean(self):
        data = super().clean()
        kind = data.get("nominee_kind")
        keep = {
            "person": "nominee_person",
            "unit": "nominee_unit",
            "household": "nominee_household",
        }.get(kind)
        # Only the chosen kind's boxes count (decision 0086): the page hides the others,
        # and what they still hold (a person chosen before switching to Tập thể, "abc" in
        # a members' count) is neither saved nor a reason to refuse the form.
        for name in ("nominee_person", "nominee_unit", "nominee_household"):
            if name != keep:
                self._errors.pop(name, None)
                data[name] = "" if name == "nominee_household" else None
                setattr(self.instance, name, data[name])
        if keep != "nominee_unit":  # the members' counts are a collective's
            for name in MEMBER_FIELDS:
                self._errors.pop(name, None)
                data[name] = None
                setattr(self.instance, name, None)
        if keep and keep != "nominee_person":  # a new person is a cá nhân
            for name in NEW_PERSON_FIELDS:
                self._errors.pop(name, None)
                data[name] = None
        typed = (data.get("new_person_name") or "").strip()
        if keep == "nominee_person" and not typed and not self.instance.pk:
            started = [n for n in ("new_person_gender", "new_person_birth_year") if data.get(n)]
            if (started or (data.get("new_person_position") or "").strip()) and not data.get(
                "nominee_person"
            ):
                self.add_error("new_person_name", "Ghi họ và tên người mới.")
                return data
        if keep == "nominee_person" and typed and not self.instance.pk:
            if data.get("nominee_person"):
                self.add_error(
                    "new_person_name",
                    "Đã chọn một người trong danh sách: xóa tên người mới, hoặc bỏ chọn.",
                )
            else:
                for name, message in (
                    ("new_person_gender", "Chọn giới tính của người mới."),
                    ("new_person_unit", "Chọn đơn vị công tác của người mới."),
                ):
                    if not data.get(name) and name not in self.errors:
                        self.add_error(name, message)
                self.new_person = {
                    "full_name": typed,
                    "gender": data.get("new_person_gender"),
                    "birth_year": data.get("new_person_birth_year"),
                    "position": data.get("new_person_position", ""),
                    "unit": data.get("new_person_unit"),
                }
                self.instance.nominee_pending = True  # created by the service
                return data
        if keep and not data.get(keep) and keep not in self._errors:
            self.add_error(keep, NOMINEE_MISSING[keep])
        return data

    def _post_clean(self):
        """The model says "Chọn đúng một đối tượng…" for the admin's sake; here the nominee's
        own box already says what to fill, so the same thing is not said again at the top."""
        super()._post_clean()
        said = self._errors.get(NON_FIELD_ERRORS)
        if said and any(
            n in self._errors for n in ("nominee_person", "nominee_unit", "nominee_household")
        ):
            rest = [m for m in said if m != ONE_NOMINEE]
            if rest:
                self._errors[NON_FIELD_ERRORS] = self.error_class(
                    rest, error_class="nonfield", renderer=self.renderer
                )
            else:
                del self._errors[NON_FIELD_ERRORS]


class AppraiseForm(VietnameseInputMixin, forms.Form):
    result = forms.ChoiceField(
        label="Kết quả thẩm định",
        choices=[
            ("eligible", "Đủ điều kiện, trình Hội đồng"),
            ("returned", "Trả lại để bổ sung"),
            ("ineligible", "Không đủ điều kiện"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Hãy chọn kết quả thẩm định.",
            "invalid_choice": "Hãy chọn kết quả thẩm định trong danh sách.",
        },
    )
    note = forms.CharField(
        label="Ý kiến, lý do",
        required=False,
        widget=textarea(3),
        help_text="Bắt buộc khi trả lại hoặc không đủ điều kiện; đơn vị sẽ nhận được ý kiến này.",
    )

    def __init__(self, *args, forwarded_from=None, **kwargs):
        super().__init__(*args, **kwargs)
        if forwarded_from is not None:
            # a dossier a lower body forwarded goes back to that body (decision 0077)
            self.fields["result"].choices = [
                (value, f"Trả lại {forwarded_from.name} (cơ quan trình) để bổ sung")
                if value == "returned"
                else (value, label)
                for value, label in self.fields["result"].choices
            ]
            self.fields["note"].help_text = (
                f"Bắt buộc khi trả lại hoặc không đủ điều kiện; {forwarded_from.name} và "
                "đơn vị đề nghị sẽ nhận được ý kiến này."
            )

    def clean(self):
        """A return or a refusal needs its reason (the service checks it again): said
        beside the reason, before anything is written."""
        data = super().clean()
        if data.get("result") in ("returned", "ineligible") and not data.get("note", "").strip():
            self.add_error("note", "Cần ghi lý do khi trả lại hoặc không đủ điều kiện.")
        return data


class ReasonForm(VietnameseInputMixin, forms.Form):
    reason = forms.CharField(
        label="Lý do",
        max_length=2000,
        widget=textarea(2),
        error_messages={"required": "Cần ghi lý do rút hồ sơ."},
    )


class ResubmitForm(VietnameseInputMixin, forms.Form):
    """Gửi lại: the unit's answer to the office's return (what it added or explains)."""

    note = forms.CharField(
        label="Nội dung đã bổ sung, giải trình",
        required=False,
        max_length=2000,
        widget=textarea(2),
        help_text="Gửi kèm hồ sơ đến cơ quan thường trực, ví dụ: đã thay báo cáo thành tích "
        "có chữ ký.",
    )


class FileForm(VietnameseInputMixin, forms.Form):
    file = forms.FileField(
        label="Tệp hồ sơ",
        help_text="PDF, DOCX, XLSX, JPG, PNG.",
        error_messages={"required": "Hãy chọn tệp hồ sơ."},
    )
    kind = forms.ChoiceField(label="Loại", choices=NominationFile.Kind.choices)


class SubmitManyForm(forms.Form):
    """Gửi nhiều hồ sơ: the check boxes of the unit's list."""

    ids = IdsChoiceField(
        label="Hồ sơ",
        queryset=Nomination.objects.none(),
        error_messages={"required": "Hãy chọn ít nhất một hồ sơ."},
    )

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].queryset = nominations


class ForwardForm(VietnameseInputMixin, forms.Form):
    """Trình cấp trên: the tờ trình's number as the văn thư wrote it in the paper register
    (blank: the next one of the body's series; decision 0084)."""

    number = forms.IntegerField(
        label="Số tờ trình",
        min_value=1,
        max_value=999999,
        required=False,
        help_text="Số trong sổ đăng ký văn bản đi; để trống: số tiếp theo.",
        error_messages={
            "invalid": "Số tờ trình là một số, ví dụ 45.",
            "min_value": "Số tờ trình là số nguyên dương, ví dụ 45.",
            "max_value": "Số tờ trình quá lớn: xem lại sổ đăng ký văn bản đi.",
        },
    )


class ForwardManyForm(ForwardForm):
    """Trình cấp trên nhiều hồ sơ: the dossiers chosen to go with one tờ trình, who signs
    it and its number (decisions 0083, 0084)."""

    ho_so = IdsChoiceField(
        label="Hồ sơ",
        queryset=Nomination.objects.none(),
        error_messages={"required": "Hãy chọn ít nhất một hồ sơ để trình."},
    )
    signer_name = forms.CharField(label="Người ký tờ trình", max_length=100, required=False)
    note = forms.CharField(label="Ghi chú", max_length=1000, required=False)

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ho_so"].queryset = nominations


class AttendanceForm(forms.Form):
    """Điểm danh: the members present, among those invited to the session."""

    present = IdsChoiceField(label="Có mặt", queryset=None, required=False)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = get_user_model().objects.filter(
            pk__in=session.seats.values("user_id")
        )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label="Phiếu",
        choices=Vote.Choice.choices,
        error_messages={
            "required": "Hãy chọn một phương án biểu quyết.",
            "invalid_choice": "Hãy chọn một phương án biểu quyết trong danh sách.",
        },
    )


class SubmissionForm(forms.Form):
    """Which body's tờ trình (only bodies where the user is standing office)."""

    co_quan = IdChoiceField(label="Cơ quan", queryset=None, required=False)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].queryset = bodies


def offer_in_force(field: forms.ModelChoiceField, nominations: QuerySet) -> None:
    """A filter's award types: those in force, and a retired one only when `nominations`
    hold it, so history can still be filtered (decision 0054); grouped by
    `retired_grouped`. One query, when the select is drawn."""
    today = timezone.localdate()
    seen = nominations.filter(award_type=OuterRef("pk"))
    offered = field.queryset.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=today) | Exists(seen)
    )
    field.choices = lambda: retired_grouped(offered, today, empty=field.empty_label)


def retired_grouped(award_types, today: datetime.date, *, empty: str) -> list:
    """A select's choices of award types: those in force as they are; if retired ones are
    among them, those in force under "Đang áp dụng" and the retired under "Trước
    01/07/2025" (the day after their last), newest group first."""
    current, retired = [], {}
    for award_type in award_types:
        end = award_type.effective_to
        if end is None or end >= today:
            current.append((award_type.pk, award_type.name))
        else:
            retired.setdefault(end, []).append((award_type.pk, award_type.name))
    if not retired:
        return [("", empty), *current]
    groups = [
        (f"Trước {end + datetime.timedelta(days=1):%d/%m/%Y}", retired[end])
        for end in sorted(retired, reverse=True)
    ]
    return [("", empty), ("Đang áp dụng", current), *groups]


class InboxFilterForm(VietnameseInputMixin, forms.Form):
    q = forms.CharField(
        label="Tên đối tượng",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Họ tên, tập thể, hộ; có dấu hay không"}
        ),
    )
    # Typed, not chosen: a province's office receives from hundreds of units, and a
    # select of them all made the page slow to render and to use.
    unit = forms.CharField(
        label="Đơn vị đề nghị",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Tên đơn vị, có dấu hay không"}),
    )
    award_type = IdChoiceField(
        label="Danh hiệu, hình thức",
        queryset=AwardType.objects.filter(archived=False),
        required=False,
        empty_label="Tất cả",
    )
    # "waiting": what the dashboard counts as "Hồ sơ chờ thẩm định" (sent, or sent again
    # after a return), the statuses the office appraises; its link opens on it
    WAITING = "waiting"
    status = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[
            ("", "Tất cả"),
            (WAITING, "Chờ thẩm định (đã gửi, gửi lại)"),
            *Nomination.Status.choices[1:],
        ],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import nominations_to_appraise

        # The award types in force; a retired one (the district's Giấy khen, ended
        # 30/06/2025) only when the inbox holds nominations of it, so history can still be
        # filtered (decision 0054). One query, when the select is drawn. Any type is still
        # read from an address (a link kept from before answers "none", not "all").
        offer_in_force(self.fields["award_type"], nominations_to_appraise(user))

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if v and k not in self.errors and not (k == "status" and v == self.WAITING)
        }

    @property
    def waiting(self) -> bool:
        """Only the dossiers waiting for an appraisal (`workflow.statuses("appraise")`)."""
        return self.is_bound and self.is_valid() and self.cleaned_data["status"] == self.WAITING


# A time as people write it: 08:00, 8:00, 14h30, 14h, 14 giờ 30.
TIME_FORMS = ["%H:%M", "%Hh%M", "%Hh", "%H giờ %M", "%H giờ", "%H:%M:%S"]


class SessionRedateForm(VietnameseInputMixin, forms.Form):
    held_on = DayField(label="Ngày họp mới", widget=DateInput())
    starts_at = forms.TimeField(
        label="Giờ họp",
        required=False,
        input_formats=TIME_FORMS,
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "08:00"}),
        error_messages={"invalid": "Ghi giờ họp theo dạng giờ:phút, ví dụ 08:00 hoặc 14h30."},
    )
    venue = forms.CharField(label="Địa điểm họp", max_length=255, required=False)
    reason = forms.CharField(
        label="Lý do đổi ngày",
        max_length=500,
        error_messages={"required": "Ghi lý do đổi ngày họp."},
    )


class SessionCancelForm(VietnameseInputMixin, forms.Form):
    cancel_reason = forms.CharField(
        label="Lý do hủy",
        max_length=500,
        error_messages={"required": "Ghi lý do hủy phiên họp."},
    )


def agenda_candidates(bodies) -> QuerySet[Nomination]:
    """The dossiers that may go on a session of `bodies` (a new one, or one open before its
    first vote): appraised for the council, and on no open session, as one open session
    at a time holds a dossier (services._put_on_agenda) and the dashboard does not count
    those; a cancelled session frees them."""
    return (
        Nomination.objects.filter(issuer__in=bodies, status__in=workflow.statuses("put_on_agenda"))
        .exclude(agenda_items__session__status=CouncilSession.Status.OPEN)
        .select_related("award_type", "nominee_person", "nominee_unit")
        .order_by("-pk")
    )


class SessionForm(VietnameseInputMixin, forms.Form):
    issuer = IdChoiceField(label="Hội đồng TĐKT của", queryset=Unit.objects.none())
    title = forms.CharField(label="Tên phiên họp", max_length=255)
    held_on = DayField(
        label="Ngày họp",
        widget=DateInput(),
        error_messages={"invalid": "Ghi ngày họp theo dạng ngày/tháng/năm, ví dụ 20/12/2025."},
    )
    starts_at = forms.TimeField(
        label="Giờ họp",
        required=False,
        input_formats=TIME_FORMS,
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "08:00"}),
        help_text="Giờ:phút, ví dụ 08:00 hoặc 14h30. Ghi vào biên bản; để trống thì ghi tay.",
        error_messages={"invalid": "Ghi giờ họp theo dạng giờ:phút, ví dụ 08:00 hoặc 14h30."},
    )
    venue = forms.CharField(
        label="Địa điểm họp",
        max_length=255,
        required=False,
        help_text="Ví dụ: Phòng họp tầng 2, trụ sở UBND. Ghi vào biên bản; để trống thì ghi tay.",
    )
    chair_name = forms.CharField(
        label="Chủ trì (Chủ tịch Hội đồng)",
        max_length=120,
        required=False,
        help_text="Ký biên bản. Để trống thì ghi tay khi ký.",
    )
    secretary_name = forms.CharField(
        label="Thư ký phiên họp",
        max_length=120,
        required=False,
        help_text="Ký biên bản. Để trống thì ghi tay khi ký.",
    )
    members = IdsChoiceField(
        label="Thành viên dự họp",
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    nominations = IdsChoiceField(
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
        self.fields["nominations"].queryset = agenda_candidates(bodies)
        url = reverse("awards:session_choices")
        for name in SESSION_SEARCHES:
            searchable(self.fields[name], f"{url}?field={name}")

    def clean_held_on(self) -> datetime.date:
        held_on = self.cleaned_data["held_on"]
        last = datetime.date(timezone.localdate().year + 1, 12, 31)
        if not FIRST_MEETING_DATE <= held_on <= last:
            raise ValidationError(
                f"Ngày họp phải từ {FIRST_MEETING_DATE:%d/%m/%Y} đến {last:%d/%m/%Y}."
            )
        return held_on


class SessionAddForm(forms.Form):
    """Bổ sung hồ sơ vào phiên họp đang mở: the dossiers of the session's body a new
    session would be offered (agenda_candidates)."""

    nominations = IdsChoiceField(
        label="Hồ sơ bổ sung",
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một hồ sơ để bổ sung."},
    )

    def __init__(self, *args, session: CouncilSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = agenda_candidates([session.issuer_id])
        url = reverse("awards:session_choices")
        searchable(self.fields["nominations"], f"{url}?field=nominations&phien={session.pk}")


class DecisionIssueForm(VietnameseInputMixin, forms.Form):
    """Ban hành: the number and date the văn thư wrote in the paper register."""

    number = forms.IntegerField(
        label="Số quyết định",
        min_value=1,
        required=False,
        help_text="Số trong sổ đăng ký văn bản đi; để trống: số tiếp theo.",
        error_messages={
            "required": "Ghi số quyết định.",
            "invalid": "Số quyết định là một số, ví dụ 215.",
            "min_value": "Số quyết định là số nguyên dương, ví dụ 215.",
        },
    )
    issued_on = DayField(
        label="Ngày ký",
        widget=DateInput(),
        required=False,
        help_text="Ngày người có thẩm quyền ký; để trống: hôm nay.",
        error_messages={
            "required": "Ghi ngày ký.",
            "invalid": "Ghi ngày ký theo dạng ngày/tháng/năm, ví dụ 26/12/2025.",
        },
    )
    overspend = forms.BooleanField(label="Tôi xác nhận chi vượt số dư quỹ", required=False)

    def __init__(self, *args, shortfall: int = 0, **kwargs):
        """`shortfall`: how much issuing pays beyond the fund's balance; the box that
        confirms it, with the amount, only then (decision 0089)."""
        super().__init__(*args, **kwargs)
        if shortfall:
            from .services import overspend_label

            self.fields["overspend"].label = overspend_label(shortfall)
            self.fields["overspend"].help_text = (
                "Tiền thưởng chi từ quỹ thi đua, khen thưởng: chỉ đánh dấu khi người có thẩm "
                "quyền đã đồng ý chi vượt; việc xác nhận được ghi vào lịch sử của quyết định."
            )
        else:
            del self.fields["overspend"]


class DecisionWithdrawForm(VietnameseInputMixin, forms.Form):
    reason = forms.CharField(
        label="Lý do rút dự thảo",
        max_length=2000,
        widget=textarea(2),
        error_messages={"required": "Ghi lý do rút dự thảo."},
    )


class DecisionForm(VietnameseInputMixin, forms.Form):
    issuer = IdChoiceField(label="Cơ quan ban hành", queryset=Unit.objects.none())
    subject = forms.CharField(label="Trích yếu", widget=textarea(2), initial="Về việc khen thưởng")
    symbol = forms.CharField(
        label="Ký hiệu",
        max_length=60,
        required=False,
        help_text="Phần sau số: QĐ và chữ viết tắt của cơ quan ban hành, ví dụ QĐ-UBND, "
        "QĐ-PNV (để trống: theo cơ quan ban hành). Số ghi khi ban hành, theo sổ đăng ký văn "
        "bản đi.",
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
    distribution = forms.CharField(
        label="Nơi nhận",
        max_length=2000,
        required=False,
        widget=textarea(3),
        help_text="Mỗi dòng một nơi nhận, ví dụ: Sở Nội vụ (Ban Thi đua - Khen thưởng). "
        "“Như Điều 3” và “Lưu: VT” đã có sẵn.",
    )
    nominations = IdsChoiceField(
        label="Hồ sơ được khen thưởng",
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, decision=None, body: Unit | None = None, **kwargs):
        """A new draft (choose its issuer), or `decision`, a draft being edited: its
        issuer stays, its nominations are offered with those waiting. `body` is the one
        of the office's bodies a new draft is for (the office of one body: that one); its
        place, symbol, signer and Nơi nhận are prefilled from its last issued decision
        (decisions 0074, 0079)."""
        super().__init__(*args, **kwargs)
        bodies = office_bodies(user)
        offer_issuers(self, bodies)
        if body is None and len(bodies) == 1:
            body = bodies[0]
        if body is not None:
            self.initial.setdefault("issuer", body.pk)
            self.initial.setdefault("place", body.locality)
            self.initial.setdefault("symbol", decision_symbol(body))
            if decision is None:  # a draft being edited keeps its own signer
                signer, whence = suggested_signer(body)
                for name, value in signer.items():
                    self.initial.setdefault(name, value)
                if whence:
                    self.fields["signer_name"].help_text = whence
                recipients, whence = suggested_distribution(body)
                self.initial.setdefault("distribution", recipients)
                if whence:
                    field = self.fields["distribution"]
                    field.help_text = f"{whence} {field.help_text}"
        passed = Nomination.objects.filter(
            issuer__in=bodies, status__in=workflow.statuses("add_to_decision"), decision=None
        )
        if decision is not None:
            del self.fields["issuer"]
            passed = Nomination.objects.filter(
                Q(decision=decision)
                | Q(
                    issuer=decision.issuer,
                    status__in=workflow.statuses("add_to_decision"),
                    decision=None,
                )
            )
            for name in DECISION_FIELDS:
                self.initial.setdefault(name, getattr(decision, name))
            self.initial.setdefault(
                "nominations", list(decision.nominations.values_list("pk", flat=True))
            )
        passed = passed.select_related("award_type", "nominee_person", "nominee_unit", "issuer")
        within = [n.pk for n in passed if n.award_type.granted_by(n.issuer)]
        self.fields["nominations"].queryset = passed.filter(pk__in=within)
        self.fields["nominations"].help_text = (
            "Chỉ các hồ sơ Hội đồng đã thông qua trong thẩm quyền; hồ sơ vượt thẩm quyền "
            "được trình cấp trên."
        )
        if decision is not None and decision.amends_id:
            # an amending draft's list is its own lines; a nomination only adds someone
            field = self.fields["nominations"]
            field.required = False
            field.label = "Bổ sung người được khen (hồ sơ đã được thông qua)"
            field.help_text = (
                "Không bắt buộc: danh sách của quyết định bị sửa đã chép vào dự thảo. "
                + field.help_text
            )

    def clean_symbol(self) -> str:
        """Said beside the field, as the services refuse it (decision 0071)."""
        symbol = self.cleaned_data.get("symbol", "").strip()
        problem = symbol and decision_symbol_problem(symbol)
        if problem:
            raise forms.ValidationError(problem)
        return symbol

    def clean_signing_authority(self) -> str:
        """The decision is the Chair's ("CHỦ TỊCH ỦY BAN NHÂN DÂN … QUYẾT ĐỊNH:"): it is
        signed by the Chair, or "KT. CHỦ TỊCH" by a deputy; "TM. …" signs for the
        committee as a collective (Decree 30), which this decision is not."""
        value = " ".join(self.cleaned_data.get("signing_authority", "").split())
        if value.upper().startswith("TM."):
            raise forms.ValidationError(
                "Quyết định khen thưởng do Chủ tịch ký ban hành: không ghi “TM. …”. Để trống "
                "khi Chủ tịch ký; ghi “KT. CHỦ TỊCH” khi Phó Chủ tịch ký thay."
            )
        return value


class HonourRollForm(VietnameseInputMixin, forms.Form):
    """The public honour roll's search: name, year, award type, all optional."""

    q = forms.CharField(label="Tên người, đơn vị", required=False, max_length=200)
    nam = forms.IntegerField(
        label="Năm",
        required=False,
        min_value=YEAR_MIN,
        max_value=9999,
        error_messages={
            "invalid": "Năm là một số, ví dụ 2025.",
            "min_value": f"Năm phải từ {YEAR_MIN} trở đi.",
            "max_value": "Năm không hợp lệ.",
        },
    )
    danh_hieu = IdChoiceField(label="Danh hiệu, hình thức", queryset=None, required=False)

    def __init__(self, *args, award_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["danh_hieu"].queryset = award_types

    def filters(self) -> dict:
        """The valid filters (an invalid one is shown beside its field and left out)."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        return {
            "query": data.get("q") or "",
            "year": data.get("nam"),
            "award_type_id": data["danh_hieu"].pk if data.get("danh_hieu") else None,
        }


class UnitNominationFilterForm(VietnameseInputMixin, forms.Form):
    """The unit's list of nominations: the nominee's name, the year, the status and the
    award type, all optional; a wrong value is said beside its field and left out."""

    q = forms.CharField(
        label="Tên đối tượng",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Họ tên, tập thể, hộ; có dấu hay không"}
        ),
    )
    nam = HonourRollForm.base_fields["nam"]
    trang_thai = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[("", "Tất cả"), *Nomination.Status.choices],
        error_messages={"invalid_choice": CHOICE_MESSAGE},
    )
    danh_hieu = IdChoiceField(
        label="Danh hiệu, hình thức",
        queryset=AwardType.objects.filter(archived=False),
        required=False,
        empty_label="Tất cả",
    )

    def __init__(self, *args, nominations: QuerySet[Nomination], **kwargs):
        super().__init__(*args, **kwargs)
        # The award types in force, and a retired one only when the unit's list holds it
        # (the inbox's rule, decision 0054): one query, when the select is drawn.
        offer_in_force(self.fields["danh_hieu"], nominations)

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return {
            "query": data.get("q") or "",
            "year": data.get("nam"),
            "status": data.get("trang_thai") or "",
            "award_type": data.get("danh_hieu"),
        }


class DecisionSearchForm(VietnameseInputMixin, forms.Form):
    """The public list of decisions: words, the year and the issuing body, all optional."""

    q = forms.CharField(
        label="Số, ký hiệu, trích yếu, cơ quan, người được khen", required=False, max_length=200
    )
    nam = HonourRollForm.base_fields["nam"]
    co_quan = IdChoiceField(label="Cơ quan ban hành", queryset=None, required=False)

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].queryset = issuers

    def issuer_groups(self) -> list:
        """The bodies of the filter, those dissolved in 2025 under "Trước 01/07/2025"
        (`units.formfields.ended_groups`, decision 0070)."""
        return ended_groups(self.fields["co_quan"].queryset)

    def filters(self) -> dict:
        """The valid filters (an invalid one is shown beside its field and left out)."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        return {
            "year": data.get("nam"),
            "issuer": data.get("co_quan"),
            "query": data.get("q") or "",
        }


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
