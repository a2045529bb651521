"""A unit's yearly list of nominations as one Excel sheet (decision 0068): at year end the
clerk of a ward or an agency lists its Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
collectives and Giấy khen in one file; each valid row becomes a draft nomination of the
unit. The engine is units/sheets (upload, preview, confirm, all or nothing, revert); the
rules are the nomination form's, through `services.nomination_check` and
`services.nomination_create`, so a row is refused for the same reasons and in the same
words as the form."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, subject_short
from units.models import Person, Unit
from units.services import name_key
from units.sheets import columns as read
from units.sheets.columns import CellError, Column, labels
from units.sheets.kinds import (
    CREATE,
    REFUSE,
    UNIT,
    Context,
    RowPlan,
    RowRefused,
    SheetKind,
    sheet_kind,
)
from units.text import normalize_search

from . import services
from .eligibility import held_detail, open_nomination_of
from .forms import MEMBERS_MAX
from .models import ANNUAL_YEAR_MIN, AwardType, Nomination, RecipientKind
from .selectors import nomination_campaigns
from .sheets import AwardTypeIndex

Status = Nomination.Status
YES_NO = ("Có", "Không")

# Where the model's and the service's errors are said: the column that holds the field.
FIELD_COLUMNS = {
    "award_type": "award_type",
    "year": "year",
    "campaign": "campaign",
    "commendation_kind": "commendation_kind",
    "simplified": "commendation_kind",
    "nominee_person": "person_name",
    "new_person_name": "person_name",
    "new_person_birth_year": "birth_year",
    "new_person_gender": "gender",
    "new_person_unit": "unit",
    "nominee_unit": "unit",
    "nominee_household": "household",
    "achievement_summary": "achievement",
    "member_count": "member_count",
    "members_completed": "members_completed",
    "members_advanced": "members_advanced",
    "members_emulators": "members_emulators",
}
# A collective's members, as on the form (decision 0070): the columns, in the model's
# fields' order, read by the checklist of Tập thể lao động xuất sắc.
MEMBER_COLUMNS = ("member_count", "members_completed", "members_advanced", "members_emulators")
NOMINEE_COLUMN = {
    RecipientKind.INDIVIDUAL: "person_name",
    RecipientKind.COLLECTIVE: "unit",
    RecipientKind.HOUSEHOLD: "household",
}


def campaign_label(campaign: Campaign) -> str:
    """A campaign as the template's list and the export write it, told apart from last
    year's launch of the same body by its number and date: "Chỉ thị số 12/CT-UBND ngày
    05/01/2026 của UBND tỉnh Lai Châu — Về việc phát động phong trào…"."""
    return (
        f"{campaign.dated_reference} của {campaign.issuer.name} — "
        f"{subject_short(' '.join(campaign.subject.split()), 60)}"
    )


class CampaignIndex:
    """The campaigns a unit's nominations may answer (`selectors.nomination_campaigns`),
    found by their list label or by their number and symbol ("12/CT-UBND", with or
    without diacritics, case or spaces). Never a guess: a number that two of them share is
    asked about, and a campaign that exists but is not addressed to the unit is said as
    such (decision 0094)."""

    def __init__(self, unit: Unit, campaigns: list[Campaign]):
        self.unit = unit
        self.by_label: dict[str, list[Campaign]] = {}
        self.by_number: dict[str, list[Campaign]] = {}
        for campaign in campaigns:
            label = campaign_label(campaign)
            self.by_label.setdefault(label, []).append(campaign)
            self.by_label.setdefault(normalize_search(label), []).append(campaign)
            if campaign.number:
                key = normalize_search(campaign.number_symbol)
                self.by_number.setdefault(key, []).append(campaign)
        self.ids = {c.pk for c in campaigns}
        self.elsewhere: dict[str, str] = {}

    @classmethod
    def load(cls, unit: Unit) -> CampaignIndex:
        bodies = Unit.objects.filter(pk=unit.pk)
        return cls(unit, list(nomination_campaigns(bodies)))

    def find(self, value, year: int | None = None) -> Campaign | None:
        text = " ".join(str(value).split()) if value is not None else ""
        if not text:
            return None
        found = self.by_label.get(text) or self.by_label.get(normalize_search(text))
        key = normalize_search(text).removeprefix("so ")
        if not found:
            found = self.by_number.get(key, [])
            if len(found) > 1 and year is not None:
                # the same number of two bodies or two years: the row's year tells them apart
                found = [c for c in found if c.year == year] or found
        if len(found) == 1:
            return found[0]
        if found:
            which = "; ".join(campaign_label(c) for c in found[:3])
            raise CellError(
                f"“{text}” khớp {len(found)} phong trào: {which}. Chọn đúng phong trào trong "
                "danh sách (trang “Danh mục”)."
            )
        raise CellError(self._elsewhere(text, key))

    def _elsewhere(self, text: str, key: str) -> str:
        """Why a campaign is not one the unit may answer: another body's (not above the
        unit), not launched or withdrawn, or none of that number at all."""
        if key in self.elsewhere:
            return self.elsewhere[key]
        # the first "number/symbol" of the cell: a number typed, or a label copied from
        # another unit's list ("Kế hoạch số 07/KH-UBND ngày …")
        cited = _NUMBER_SYMBOL.search(text)
        others = []
        if cited:
            others = list(
                Campaign.objects.filter(number__iexact=cited[1], symbol__iexact=cited[2])
                .exclude(pk__in=self.ids)
                .select_related("issuer", "document_type")
                .order_by("-pk")[:1]
            )
        where = self.unit.name
        guide = "Chọn trong danh sách (trang “Danh mục”), hoặc để trống khi đề nghị theo năm xét."
        if others and not others[0].is_public:
            [first] = others
            said = (
                f"Phong trào “{first.number_symbol}” của {first.issuer.name} đang ở trạng "
                f"thái “{first.get_status_display()}”: chỉ đề nghị theo phong trào đã phát "
                f"động. {guide}"
            )
        elif others:
            [first] = others
            said = (
                f"Phong trào “{first.number_symbol}” của {first.issuer.name} không gửi đến "
                f"{where}: chỉ đề nghị theo phong trào của đơn vị hoặc cơ quan cấp trên của "
                f"đơn vị. {guide}"
            )
        else:
            said = (
                f"Không có phong trào “{text}” gửi đến {where}. Chọn trong danh sách (trang "
                "“Danh mục”), hoặc ghi số, ký hiệu văn bản phát động (ví dụ 12/CT-UBND); để "
                "trống khi đề nghị theo năm xét."
            )
        self.elsewhere[key] = said
        return said


_NUMBER_SYMBOL = re.compile(r"(\w[\w.]*)\s*/\s*([^\s/,;]+)")


def _born(person: Person) -> str:
    return f"sinh năm {person.birth_year}" if person.birth_year else "chưa ghi năm sinh"


def _who(people: list[Person]) -> str:
    """“Lò Thị Mai (sinh năm 1988, UBND xã Bình Lư)”, for each."""
    return "; ".join(f"{p.full_name} ({_born(p)}, {p.unit.name})" for p in people)


@sheet_kind
class NominationsKind(SheetKind):
    key = "nominations"
    title = "Đề nghị khen thưởng"
    what = "đề nghị"
    filename = "de-nghi-khen-thuong"
    imported_by = UNIT
    actions = (CREATE, REFUSE)  # each valid row is a new draft; nothing is updated
    intro = (
        "Danh sách đề nghị khen thưởng cả năm của đơn vị (Lao động tiên tiến, Chiến sĩ thi "
        "đua cơ sở, tập thể, hộ gia đình, Giấy khen...) nhập một lần từ một tệp: mỗi dòng "
        "hợp lệ thành một hồ sơ đề nghị dự thảo của đơn vị."
    )
    revert_help = (
        "Rút mọi hồ sơ dự thảo lần nhập này đã lập: hồ sơ vẫn được giữ, ở trạng thái “Đã "
        "rút”; người mới đã thêm vẫn ở trong danh sách cá nhân. Không hoàn tác được khi một "
        "hồ sơ trong số đó đã gửi."
    )
    reverted_text = (
        "Đã hoàn tác lần nhập: các hồ sơ dự thảo đã lập được rút (vẫn giữ, trạng thái “Đã rút”)."
    )
    columns = (
        Column(
            "award_type",
            "Danh hiệu, hình thức",
            required=True,
            listed=True,
            help="Chọn trong danh sách (trang “Danh mục”: các danh hiệu, hình thức đang áp "
            "dụng), hoặc ghi tên có dấu hay không dấu.",
            example="Lao động tiên tiến",
            width=40,
        ),
        Column(
            "year",
            "Năm xét",
            required=True,
            help="Năm của thành tích được xét, không quá năm nay; khen thưởng hằng năm từ "
            f"{ANNUAL_YEAR_MIN}.",
            example="2025",
            width=9,
        ),
        Column(
            "person_name",
            "Họ và tên",
            help="Khen cá nhân: họ tên như trong danh sách cá nhân của đơn vị, có dấu hay "
            "không dấu. Để trống khi khen tập thể, hộ gia đình.",
            example="Lò Thị Mai",
            width=26,
        ),
        Column(
            "birth_year",
            "Năm sinh",
            help="Khen cá nhân: để chọn đúng người khi đơn vị có người trùng họ tên.",
            example="1988",
            width=10,
        ),
        Column(
            "gender",
            "Giới tính",
            choices=labels(Person.Gender.choices),
            help="Người mới: Nam hoặc Nữ (bắt buộc). Người đã có trong danh sách: không đọc.",
            width=10,
        ),
        Column(
            "position",
            "Chức vụ",
            help="Người mới: chức vụ (không bắt buộc). Người đã có trong danh sách: không đọc.",
            example="Công chức Văn hóa - Xã hội",
            width=24,
        ),
        Column(
            "new_person",
            "Người mới",
            choices=YES_NO,
            help="“Có” khi người được đề nghị chưa có trong danh sách cá nhân của đơn vị: "
            "người đó được thêm vào danh sách khi nhập. Để trống: tìm người trong danh sách "
            "theo họ tên (và năm sinh); không khớp thì báo lỗi, không tự thêm người.",
            width=11,
        ),
        Column(
            "unit",
            "Đơn vị",
            help="Khen tập thể: tập thể được đề nghị (bắt buộc). Khen cá nhân: đơn vị công "
            "tác, nếu cần chỉ rõ (để trống: tìm trong đơn vị đề nghị và các đơn vị trực "
            "thuộc; người mới vào đơn vị đề nghị). Khen hộ gia đình: để trống. Ghi mã hoặc "
            "tên đơn vị.",
            example="Bản Nà Đông",
            width=28,
        ),
        Column(
            "household",
            "Hộ gia đình",
            help="Khen hộ gia đình: tên chủ hộ và nơi ở.",
            example="Hộ ông Lò Văn Pọm, bản Nà Đông",
            width=30,
        ),
        Column(
            "commendation_kind",
            "Loại hình khen thưởng",
            choices=labels(Nomination.CommendationKind.choices),
            help="Để trống: Thường xuyên, hằng năm. Danh hiệu thi đua không xét “Đột xuất”.",
            width=24,
        ),
        Column(
            "member_count",
            "Số thành viên",
            help="Khen tập thể: tổng số cá nhân trong tập thể. Cần cho “Tập thể lao động "
            "xuất sắc” (tất cả thành viên hoàn thành nhiệm vụ, ít nhất 70% đạt “Lao động "
            "tiên tiến”). Khen cá nhân, hộ gia đình: để trống.",
            example="20",
            width=11,
        ),
        Column(
            "members_completed",
            "Số hoàn thành nhiệm vụ",
            help="Khen tập thể: số thành viên hoàn thành nhiệm vụ trong năm (không quá số "
            "thành viên).",
            example="20",
            width=13,
        ),
        Column(
            "members_advanced",
            "Số đạt Lao động tiên tiến",
            help="Khen tập thể: số thành viên đạt “Lao động tiên tiến” năm xét (không quá số "
            "thành viên).",
            example="15",
            width=13,
        ),
        Column(
            "members_emulators",
            "Số đạt Chiến sĩ thi đua cơ sở",
            help="Khen tập thể: số thành viên đạt “Chiến sĩ thi đua cơ sở” năm xét (trong số "
            "đạt Lao động tiên tiến; “Tập thể lao động xuất sắc” cần ít nhất 1).",
            example="2",
            width=13,
        ),
        Column(
            "achievement",
            "Tóm tắt thành tích",
            help="Không bắt buộc; sửa, bổ sung được trên hồ sơ trước khi gửi.",
            width=50,
        ),
        Column(
            "campaign",
            "Phong trào",
            listed=True,
            help="Không bắt buộc. Đề nghị theo một phong trào thi đua mà đơn vị hoặc cơ quan "
            "cấp trên đã phát động: chọn trong danh sách (trang “Danh mục”), hoặc ghi số, ký "
            "hiệu văn bản phát động. Để trống: đề nghị theo năm xét, không gắn phong trào.",
            example="12/CT-UBND",
            width=45,
        ),
    )
    notes = (
        "Mỗi dòng hợp lệ thành một hồ sơ đề nghị dự thảo của đơn vị. Sau khi nhập, đính kèm "
        "hồ sơ (báo cáo thành tích...) rồi gửi ở trang “Đề nghị khen thưởng”.",
        "Mỗi danh hiệu chỉ xét một lần trong năm cho một người, một tập thể: dòng trùng trong "
        "tệp, hoặc trùng với hồ sơ đã có, được báo lỗi.",
        "Người chưa có trong danh sách cá nhân của đơn vị: ghi “Có” ở cột “Người mới” và ghi "
        "Giới tính. Hệ thống không tự thêm người khi họ tên không khớp với danh sách.",
        "Tập thể lao động xuất sắc: ghi Số thành viên, Số hoàn thành nhiệm vụ, Số đạt Lao "
        "động tiên tiến và Số đạt Chiến sĩ thi đua cơ sở (cần tất cả hoàn thành nhiệm vụ, ít nhất 70% đạt Lao động tiên tiến, "
        "có cá nhân đạt Chiến sĩ thi đua cơ sở); hồ sơ hiện các điều kiện này khi thẩm định.",
        "Tệp xuất ở trang này (các đề nghị đã lập) có cùng các cột: sửa cột “Năm xét” để "
        "dùng lại danh sách năm trước.",
    )

    # -- reading ---------------------------------------------------------------------
    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        people = Person.objects.filter(archived=False).select_related("unit").order_by("pk")
        if ctx.scope is not None:
            people = people.filter(unit_id__in=ctx.scope)
        by_name: dict[str, list[Person]] = {}
        for person in people:
            by_name.setdefault(name_key(person.full_name), []).append(person)
        ctx.data.update(
            types=AwardTypeIndex.load(),
            people=by_name,
            units={},
            seen={},
            campaigns=CampaignIndex.load(ctx.office),
        )

    def _unit(self, ctx: Context, unit_id: int) -> Unit:
        """A unit of the file as a model, read once."""
        units = ctx.data["units"]
        if unit_id not in units:
            units[unit_id] = (
                ctx.office if ctx.office.pk == unit_id else Unit.objects.get(pk=unit_id)
            )
        return units[unit_id]

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        c = self.column
        award_type = self.read(plan, c("award_type"), ctx.data["types"].find, row.get("award_type"))
        year = self.read(
            plan, c("year"), read.integer, row.get("year"), low=1, high=9999, what="Năm xét"
        )
        name = self.read(plan, c("person_name"), read.text, row.get("person_name"), max_length=150)
        name = " ".join(name.split()) if name else ""
        birth_year = self.read(
            plan,
            c("birth_year"),
            read.integer,
            row.get("birth_year"),
            low=1900,
            high=read.today().year,
            what="Năm sinh",
        )
        gender = self.read(plan, c("gender"), read.choice, row.get("gender"), Person.Gender.choices)
        position = self.read(plan, c("position"), read.text, row.get("position"), max_length=150)
        new = self.read(plan, c("new_person"), read.yes_no, row.get("new_person"))
        unit = self.read(plan, c("unit"), ctx.units.find, row.get("unit"))
        household = self.read(plan, c("household"), read.text, row.get("household"), max_length=255)
        kind = self.read(
            plan,
            c("commendation_kind"),
            read.choice,
            row.get("commendation_kind"),
            Nomination.CommendationKind.choices,
        )
        summary = self.read(
            plan, c("achievement"), read.text, row.get("achievement"), max_length=10000
        )
        campaign = self.read(
            plan, c("campaign"), ctx.data["campaigns"].find, row.get("campaign"), year
        )
        members = {
            key: self.read(
                plan,
                c(key),
                read.integer,
                row.get(key),
                low=0,
                high=MEMBERS_MAX,
                what=c(key).header,
            )
            for key in MEMBER_COLUMNS
        }
        typed = f"{name} ({birth_year})" if name and birth_year else name
        plan.label = self._label(
            typed or household or (unit.name if unit else ""), award_type, year
        )
        if plan.action == REFUSE or award_type is None or year is None:
            return
        recipient = award_type.recipient_kind
        person, new_unit = None, None
        if recipient == RecipientKind.INDIVIDUAL:
            if household:
                plan.refuse(
                    c("household"),
                    f"“{award_type.name}” khen cá nhân: để trống cột “Hộ gia đình”.",
                )
            elif not name:
                plan.refuse(c("person_name"), f"“{award_type.name}” khen cá nhân: ghi Họ và tên.")
            else:
                person, new_unit = self._person(ctx, plan, name, birth_year, gender, new, unit)
        else:
            self._not_a_person(plan, award_type, name, new, unit, household)
        if plan.action == REFUSE:
            return
        nominee_unit = self._unit(ctx, unit.id) if unit and not person and not new_unit else None
        nomination = Nomination(
            award_type=award_type,
            nominee_person=person,
            nominee_unit=nominee_unit if recipient == RecipientKind.COLLECTIVE else None,
            nominee_household=household if recipient == RecipientKind.HOUSEHOLD else "",
            nominating_unit=ctx.office,
            campaign=campaign,
            year=year,
            commendation_kind=kind or Nomination.CommendationKind.ANNUAL,
            achievement_summary=summary,
            **members,
        )
        new_person = None
        if new_unit is not None:
            new_person = {
                "full_name": name,
                "unit": new_unit,
                "gender": gender,
                "birth_year": birth_year,
                "position": position,
            }
        shown = person.full_name if person else name or nomination.nominee_name
        if person is not None:
            born = f" ({person.birth_year})" if person.birth_year else ""
            plan.label = self._label(f"{person.full_name}{born}", award_type, year)
        try:
            services.nomination_check(actor=ctx.actor, nomination=nomination, new_person=new_person)
        except ValidationError as error:
            for column, message in self._errors(error):
                plan.refuse(column, message)
            return
        except PermissionDenied as error:
            plan.refuse("", str(error))
            return
        self._once(ctx, plan, nomination, new_person, shown)
        if plan.action == REFUSE:
            return
        plan.action = CREATE
        plan.values = {"nomination": nomination, "new_person": new_person}
        if new_person is not None:
            first = ctx.data["seen"].setdefault(self._new_key(new_person), plan.number)
            plan.note = (
                f"Cùng người mới ở dòng {first}."
                if first != plan.number
                else f"Thêm cá nhân mới vào danh sách của {new_unit.name}: {name}, "
                f"{Person.Gender(gender).label}"
                + (f", sinh năm {birth_year}." if birth_year else ".")
            )
        if campaign is not None:  # the match, to be read before confirming
            said = f"Theo phong trào: {campaign.dated_reference} của {campaign.issuer.name}."
            plan.note = f"{plan.note} {said}".strip()

    @staticmethod
    def _label(nominee: str, award_type: AwardType | None, year) -> str:
        return " — ".join(
            str(p) for p in (nominee, award_type.name if award_type else "", year) if p
        )

    @staticmethod
    def _new_key(new_person: dict) -> tuple:
        return (
            "new",
            name_key(new_person["full_name"]),
            new_person["birth_year"],
            new_person["unit"].pk,
        )

    def _errors(self, error: ValidationError) -> list[tuple[str, str]]:
        """A service's refusal as (column header, message), beside the cell it is about."""
        if not hasattr(error, "error_dict"):
            return [("", message) for message in error.messages]
        said = []
        for field, messages in error.message_dict.items():
            key = FIELD_COLUMNS.get(field)
            header = self.column(key).header if key and field != NON_FIELD_ERRORS else ""
            said.extend((header, message) for message in messages)
        return said

    def _not_a_person(self, plan: RowPlan, award_type, name, new, unit, household) -> None:
        """A collective's or a household's row names no person."""
        c = self.column
        award = award_type.name
        if award_type.recipient_kind == RecipientKind.COLLECTIVE:
            if name or household:
                plan.refuse(
                    c("person_name") if name else c("household"),
                    f"“{award}” khen tập thể: để trống Họ và tên, Hộ gia đình; ghi tập thể "
                    "ở cột “Đơn vị”.",
                )
            elif unit is None:
                plan.refuse(
                    c("unit"),
                    f"“{award}” khen tập thể: ghi tập thể được đề nghị (mã hoặc tên đơn vị) ở "
                    "cột “Đơn vị”.",
                )
        else:
            if name:
                plan.refuse(
                    c("person_name"),
                    f"“{award}” khen hộ gia đình: ghi chủ hộ ở cột “Hộ gia đình”, để trống "
                    "Họ và tên.",
                )
            elif not household:
                plan.refuse(c("household"), f"“{award}” khen hộ gia đình: ghi tên chủ hộ và nơi ở.")
            if unit is not None:
                plan.refuse(
                    c("unit"), "Khen hộ gia đình: để trống cột “Đơn vị” (hộ thuộc đơn vị đề nghị)."
                )
        if new:
            plan.refuse(c("new_person"), "Chỉ ghi “Người mới” khi khen cá nhân.")

    def _person(
        self, ctx: Context, plan: RowPlan, name: str, birth_year, gender, new: bool, unit
    ) -> tuple[Person | None, Unit | None]:
        """The person the row names, matched on the unit's list by name (accents, case and
        spacing aside) and birth year; or, with “Người mới”, the unit a new one goes to.
        Never a guess: two candidates, or one that may not be the same person, are said,
        and the clerk writes which."""
        c = self.column
        people = ctx.data["people"].get(name_key(name), [])
        if unit is not None:
            people = [p for p in people if p.unit_id == unit.id]
        if birth_year is not None:
            exact = [p for p in people if p.birth_year == birth_year]
            if len(exact) == 1:
                return exact[0], None
            if exact:
                plan.refuse(
                    c("unit"),
                    f"Có {len(exact)} người tên “{name}” sinh năm {birth_year}: "
                    f"{_who(exact)}. Ghi đơn vị để chọn đúng người.",
                )
                return None, None
            if not new:
                undated = [p for p in people if p.birth_year is None]
                if undated:
                    plan.refuse(
                        c("birth_year"),
                        f"Danh sách có {_who(undated)}. Nếu là người này, xóa năm sinh ở dòng "
                        "này; nếu là người khác, ghi “Có” ở cột “Người mới”.",
                    )
                elif people:
                    plan.refuse(
                        c("birth_year"),
                        f"Không có “{name}” sinh năm {birth_year} trong danh sách. Danh sách "
                        f"có: {_who(people)}. Nếu là người đó, sửa năm sinh; nếu là người "
                        "khác, ghi “Có” ở cột “Người mới”.",
                    )
                else:
                    plan.refuse(c("person_name"), self._unknown(ctx, name, unit))
                return None, None
        elif len(people) == 1 and not new:
            return people[0], None
        elif len(people) == 1:
            [known] = people
            plan.refuse(
                c("new_person"),
                f"{known.unit.name} đã có {known.full_name} ({_born(known)}) trong danh sách: "
                "nếu là người này, bỏ “Có” ở cột “Người mới”; nếu là người khác cùng họ tên, "
                "ghi năm sinh.",
            )
            return None, None
        elif people:
            which = "; ".join(f"{_born(p)}, {p.unit.name}" for p in people)
            plan.refuse(
                c("birth_year"),
                f"Có {len(people)} người tên “{name}”: {which}. Ghi năm sinh hoặc đơn vị để "
                "chọn đúng người.",
            )
            return None, None
        elif not new:
            plan.refuse(c("person_name"), self._unknown(ctx, name, unit))
            return None, None
        if not gender:
            plan.refuse(c("gender"), "Người mới: ghi giới tính (Nam hoặc Nữ).")
            return None, None
        return None, self._unit(ctx, unit.id if unit is not None else ctx.office.pk)

    @staticmethod
    def _unknown(ctx: Context, name: str, unit) -> str:
        """Nobody of that name: the unit's people whose name is close (the same given name
        and another word of it), to pick, or how to add a new person."""
        where = unit.name if unit is not None else ctx.office.name
        below = unit is None and ctx.scope is not None and len(ctx.scope) > 1
        words = name_key(name).split()
        close = []
        for key, people in ctx.data["people"].items():
            known = key.split()
            if known and words and known[-1] == words[-1] and len(set(known) & set(words)) >= 2:
                close.extend(p for p in people if unit is None or p.unit_id == unit.id)
        guess = f" Có phải: {_who(close[:3])}?" if close else ""
        return (
            f"Không có “{name}” trong danh sách cá nhân của {where}"
            f"{' (và các đơn vị trực thuộc)' if below else ''}.{guess} Nếu là người mới, ghi "
            "“Có” ở cột “Người mới” và ghi Giới tính."
        )

    def _once(
        self, ctx: Context, plan: RowPlan, nomination: Nomination, new_person, shown: str
    ) -> None:
        """A nominee's award once a year within the file; and a commendation not proposed
        again when an open one is there already (the file uploaded twice). A title already
        held or proposed is the service's refusal (`nomination_check`)."""
        award = nomination.award_type
        title = award.kind == AwardType.Kind.TITLE
        column = self.column(NOMINEE_COLUMN[award.recipient_kind])
        if new_person is not None:
            nominee = self._new_key(new_person)
        elif nomination.nominee_person_id:
            nominee = ("person", nomination.nominee_person_id)
        elif nomination.nominee_unit_id:
            nominee = ("unit", nomination.nominee_unit_id)
        else:
            nominee = ("household", normalize_search(nomination.nominee_household))
        first = ctx.data["seen"].setdefault((award.pk, nominee, nomination.year), plan.number)
        if first != plan.number:
            rule = (
                "mỗi danh hiệu chỉ xét một lần trong năm."
                if title
                else "một thành tích chỉ khen một lần."
            )
            plan.refuse(
                column,
                f"Trùng với dòng {first}: {shown} đã có “{award.name}” năm {nomination.year} "
                f"trong tệp; {rule}",
            )
            return
        if title or new_person is not None:
            return
        found = open_nomination_of(nomination, nomination.year)
        if found is not None:
            plan.refuse(
                column,
                f"{shown} đã có hồ sơ đề nghị “{award.name}” năm {nomination.year}"
                f"{held_detail(found)}: tệp này có thể đã được nhập. Nếu là thành tích khác, "
                "lập hồ sơ ở trang “Đề nghị mới”.",
            )

    # -- writing ---------------------------------------------------------------------
    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        """Each row through `nomination_create`, as the form writes one: its rules, its
        history, a new person found or created. Inside the import's transaction: a row
        refused after all leaves nothing of the file (RowRefused)."""
        created = []
        for plan in plans:
            if plan.action != CREATE:
                continue
            checked: Nomination = plan.values["nomination"]
            nomination = Nomination(
                award_type=checked.award_type,
                nominee_person=checked.nominee_person,
                nominee_unit=checked.nominee_unit,
                nominee_household=checked.nominee_household,
                nominating_unit=checked.nominating_unit,
                campaign=checked.campaign,
                year=checked.year,
                commendation_kind=checked.commendation_kind,
                achievement_summary=checked.achievement_summary,
                **{key: getattr(checked, key) for key in MEMBER_COLUMNS},
            )
            try:
                services.nomination_create(
                    actor=ctx.actor,
                    nomination=nomination,
                    new_person=plan.values["new_person"],
                    note=f"Nhập từ Excel: lần nhập #{ctx.record_id}, dòng {plan.number}.",
                )
            except ValidationError as error:
                [(column, message), *_] = self._errors(error) or [("", str(error))]
                raise RowRefused(plan.number, column, message) from None
            except PermissionDenied as error:
                raise RowRefused(plan.number, "", str(error)) from None
            created.append(nomination.pk)
        return {"created": created, "updated": []}

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        """Withdraw the drafts the import made (kept, never deleted); refused as a whole
        once any of them has been sent."""
        nominations = list(
            Nomination.objects.filter(pk__in=changes.get("created", []))
            .select_related("award_type", "nominee_person", "nominee_unit", "nominating_unit")
            .order_by("pk")
        )
        sent = [n for n in nominations if n.status not in (Status.DRAFT, Status.WITHDRAWN)]
        if sent:
            raise ValidationError(
                f"Không hoàn tác được: {len(sent)} hồ sơ của lần nhập này đã gửi (ví dụ "
                f"“{sent[0]}”, trạng thái “{sent[0].get_status_display()}”). Rút từng hồ sơ "
                "ở trang của hồ sơ đó nếu cần."
            )
        for nomination in nominations:
            if nomination.status == Status.DRAFT:
                services.nomination_withdraw(actor=actor, nomination=nomination, reason=reason)

    def done_link(self) -> tuple[str, str]:
        return (
            reverse("awards:nomination_list") + "?trang_thai=draft",
            "Mở các đề nghị dự thảo của đơn vị: đính kèm hồ sơ rồi gửi",
        )

    # -- exporting -------------------------------------------------------------------
    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        """The unit's nominations (not withdrawn) in the template's columns: last year's
        list, its year changed, is this year's file."""
        nominations = (
            Nomination.objects.exclude(status=Status.WITHDRAWN)
            .select_related(
                "award_type",
                "nominee_person__unit",
                "nominee_unit",
                "campaign__issuer",
                "campaign__document_type",
            )
            .order_by("-year", "award_type__order", "pk")
        )
        if scope is not None:
            nominations = nominations.filter(nominating_unit_id__in=scope)
        names: dict[str, int] = {}
        for name in AwardType.objects.values_list("name", flat=True):
            names[normalize_search(name)] = names.get(normalize_search(name), 0) + 1
        for n in nominations.iterator(chunk_size=2000):
            person = n.nominee_person
            shared = names.get(normalize_search(n.award_type.name), 0) > 1
            yield [
                n.award_type.code if shared else n.award_type.name,
                n.year or (n.campaign.year if n.campaign_id else None),
                person.full_name if person else "",
                person.birth_year if person else None,
                person.get_gender_display() if person else "",
                person.position if person else "",
                "",
                person.unit.code if person else (n.nominee_unit.code if n.nominee_unit_id else ""),
                n.nominee_household,
                n.get_commendation_kind_display(),
                *(getattr(n, key) for key in MEMBER_COLUMNS),
                n.achievement_summary,
                campaign_label(n.campaign) if n.campaign_id else "",
            ]

    def lists(self, scope: set[int] | None) -> dict[str, list[str]]:
        """The award types in force today (a district's Giấy khen, ended 30/06/2025, is
        not offered), in the catalogue's order, and whom each is for."""
        today = timezone.localdate()
        types = (
            AwardType.objects.filter(archived=False)
            .filter(Q(effective_from__isnull=True) | Q(effective_from__lte=today))
            .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=today))
            .order_by("order", "name")
        )
        return {
            "Danh hiệu, hình thức": [t.name for t in types],
            "Đối tượng": [t.get_recipient_kind_display() for t in types],
            "Phong trào": self._campaign_labels(scope),
        }

    @staticmethod
    def _campaign_labels(scope: set[int] | None) -> list[str]:
        """The campaigns the importing units may answer (`nomination_campaigns` of the
        topmost units of the scope: the user's own units, the scope being them and the
        units below), newest first; a superuser's list, every public campaign."""
        if scope is None:
            campaigns = Campaign.objects.public().select_related("issuer", "document_type")
            campaigns = campaigns.newest_first()
        else:
            roots = Unit.objects.filter(pk__in=scope).exclude(parent_id__in=scope)
            campaigns = nomination_campaigns(roots)
        return list(dict.fromkeys(campaign_label(c) for c in campaigns))
