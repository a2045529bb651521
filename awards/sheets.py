"""The award register (sổ khen thưởng) as an Excel sheet: years of past grants brought in
at once, so eligibility (consecutive years, quotas, repeated awards) reads the history
from the first day. The engine is units/sheets; this is the register's kind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q

from units.models import Person, Unit
from units.sheets import columns as read
from units.sheets.columns import Column
from units.sheets.kinds import (
    CREATE,
    REFUSE,
    UNCHANGED,
    Context,
    RowPlan,
    SheetKind,
    delete_created,
    sheet_kind,
)
from units.text import normalize_search

from .models import AwardGrant, AwardType, RecipientKind

BATCH = 2000


_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")


def _award_key(
    award_type: AwardType, person_id, unit_id, household: str, awardee_unit_id, year, reference
):
    """What makes two grants the same: a title is held once a year; a commendation once
    per decision (“05/QĐ-UBND” is “5/QĐ-UBND”). A household is known by its commune too."""
    if person_id:
        awardee = ("p", person_id)
    elif unit_id:
        awardee = ("u", unit_id)
    else:
        awardee = ("h", normalize_search(household), awardee_unit_id)
    decision = ""
    if award_type.kind != AwardType.Kind.TITLE:
        decision = _LEADING_ZEROS.sub("", normalize_search(reference))
    return (award_type.pk, awardee, year, decision)


class AwardTypeIndex:
    """Every award type by its name and its code, with or without diacritics, loaded in
    one query: how a cell names an award type, in the register and in a unit's list of
    nominations alike."""

    def __init__(self, types: Iterable[AwardType]):
        self.by_name: dict[str, list[AwardType]] = {}
        for award_type in types:
            self.by_name.setdefault(normalize_search(award_type.name), []).append(award_type)
            self.by_name.setdefault(normalize_search(award_type.code), []).append(award_type)

    @classmethod
    def load(cls) -> AwardTypeIndex:
        return cls(AwardType.objects.all())

    def guesses(self, value: str, limit: int = 6) -> list[str]:
        """The catalogue's names holding every word written, each at a word's start
        ("giay khen" → the Giấy khen of each body and recipient), current ones only."""
        words = read.folded(value).split()
        if not words:
            return []
        names: dict[int, AwardType] = {}
        for key, award_types in self.by_name.items():
            padded = f" {key} "
            if all(f" {word}" in padded for word in words):
                for award_type in award_types:
                    if not award_type.archived:
                        names.setdefault(award_type.pk, award_type)
        ordered = sorted(names.values(), key=lambda t: (t.order, t.name))
        guesses = [t.name for t in ordered[:limit]]
        if len(ordered) > limit:
            guesses.append(f"và {len(ordered) - limit} tên khác ở trang “Danh mục”")
        return guesses

    def find(self, value) -> AwardType | None:
        """The award type a cell names (None for an empty cell), or CellError."""
        if read.blank(value):
            return None
        matches = self.by_name.get(read.folded(str(value)), [])
        current = [t for t in matches if not t.archived] or matches
        if not current:
            guesses = self.guesses(str(value))
            if guesses:
                raise read.CellError(
                    f"Không có danh hiệu, hình thức “{value}”. Có phải: {'; '.join(guesses)}? "
                    "Ghi đúng một tên như ở trang “Danh mục” của tệp mẫu."
                )
            raise read.CellError(
                f"Không có danh hiệu, hình thức “{value}”. Xem danh sách ở trang “Danh mục” của tệp mẫu."
            )
        if len({t.pk for t in current}) > 1:
            raise read.CellError(f"Có nhiều danh hiệu tên “{value}”: ghi mã danh hiệu.")
        return current[0]


@sheet_kind
class RegisterKind(SheetKind):
    key = "register"
    title = "Sổ khen thưởng"
    what = "khen thưởng đã quyết định"
    filename = "so-khen-thuong"
    columns = (
        Column(
            "award_type",
            "Danh hiệu, hình thức",
            required=True,
            help="Tên danh hiệu hoặc hình thức khen thưởng như trong trang “Danh mục”, có dấu "
            "hoặc không dấu.",
            example="Lao động tiên tiến",
            width=34,
        ),
        Column(
            "year",
            "Năm",
            required=True,
            help="Năm được khen (không quá năm nay).",
            example="2023",
            width=8,
        ),
        Column(
            "unit",
            "Đơn vị",
            required=True,
            help="Khen cá nhân: đơn vị công tác của người được khen. Khen tập thể: chính tập thể "
            "được khen. Hộ gia đình: xã, phường. Ghi mã hoặc tên; đơn vị cũ (trước sắp xếp "
            "2025) vẫn dùng được.",
            example="UBND xã Bản Hon",
            width=30,
        ),
        Column(
            "person_id",
            "Mã cá nhân",
            help="Khen cá nhân: mã cá nhân (từ tệp xuất danh sách cá nhân), hoặc để trống và ghi họ tên.",
            width=12,
        ),
        Column(
            "person_name",
            "Họ và tên",
            help="Khen cá nhân: họ tên, tìm trong đơn vị ở cột “Đơn vị”. Để trống khi khen tập thể.",
            example="Lò Thị Mai",
            width=26,
        ),
        Column("household", "Hộ gia đình", help="Khen hộ gia đình: tên chủ hộ.", width=22),
        Column(
            "decision_reference",
            "Số quyết định",
            help="Số và ký hiệu quyết định, ví dụ 1234/QĐ-UBND.",
            example="1234/QĐ-UBND",
            width=20,
        ),
        Column(
            "decision_date",
            "Ngày quyết định",
            help="Ngày/tháng/năm, ví dụ 25/12/2023.",
            example="25/12/2023",
            width=14,
        ),
        Column(
            "decision_issuer",
            "Cơ quan quyết định",
            help="Ví dụ: UBND tỉnh Lai Châu, UBND huyện Tam Đường, Thủ tướng Chính phủ.",
            example="UBND huyện Tam Đường",
            width=28,
        ),
        Column("achievement", "Thành tích", help="Tóm tắt thành tích (không bắt buộc).", width=40),
    )
    notes = (
        "Danh hiệu thi đua chỉ ghi một lần mỗi năm cho một người, tập thể; hình thức khen "
        "thưởng ghi một lần mỗi quyết định. Dòng trùng với sổ đã có được báo lỗi, không ghi đè.",
    )

    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        people = Person.objects.all()
        grants = AwardGrant.objects.current().select_related("award_type", "decision__issuer")
        if ctx.scope is not None:
            people = people.filter(unit_id__in=ctx.scope)
            # and a person's earlier grants recorded under a unit outside the scope
            grants = grants.filter(
                Q(awardee_unit_id__in=ctx.scope) | Q(person__unit_id__in=ctx.scope)
            )
        by_id, by_name_unit = {}, {}
        for person in people.iterator(chunk_size=5000):
            by_id[person.pk] = person
            by_name_unit.setdefault(
                (normalize_search(person.full_name), person.unit_id), []
            ).append(person)
        existing = {}
        for grant in grants.iterator(chunk_size=5000):
            reference, _, _ = self._decision(grant)
            key = _award_key(
                grant.award_type,
                grant.person_id,
                grant.unit_id,
                grant.household,
                grant.awardee_unit_id,
                grant.year,
                reference,
            )
            existing[key] = grant
        ctx.data.update(
            types=AwardTypeIndex.load(),
            people=by_id,
            people_by_name=by_name_unit,
            existing=existing,
            seen={},
        )

    @staticmethod
    def _decision(grant: AwardGrant) -> tuple[str, object, str]:
        """The decision as the register shows it: thidua's own, or the one typed in."""
        if grant.decision_id:
            decision = grant.decision
            return f"{decision.number_symbol}", decision.issued_on, decision.issuer.name
        return grant.decision_reference, grant.decision_date, grant.decision_issuer

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        c = self.column
        award_type = self.read(plan, c("award_type"), ctx.data["types"].find, row.get("award_type"))
        year = self.read(plan, c("year"), read.year, row.get("year"), low=1945)
        unit = self.read(plan, c("unit"), ctx.units.find, row.get("unit"), active=False)
        person_id = self.read(
            plan,
            c("person_id"),
            read.integer,
            row.get("person_id"),
            low=1,
            high=2**31 - 1,
            what="Mã cá nhân",
        )
        person_name = self.read(
            plan, c("person_name"), read.text, row.get("person_name"), max_length=150
        )
        household = self.read(plan, c("household"), read.text, row.get("household"), max_length=255)
        reference = self.read(
            plan, c("decision_reference"), read.text, row.get("decision_reference"), max_length=255
        )
        decision_date = self.read(plan, c("decision_date"), read.date, row.get("decision_date"))
        issuer = self.read(
            plan, c("decision_issuer"), read.text, row.get("decision_issuer"), max_length=255
        )
        achievement = self.read(
            plan, c("achievement"), read.text, row.get("achievement"), max_length=5000
        )
        plan.label = " — ".join(
            str(part)
            for part in (person_name or household or (unit.name if unit else ""), award_type, year)
            if part
        )
        if plan.action == REFUSE or award_type is None or unit is None:
            return
        if decision_date and year and decision_date.year < year:
            plan.refuse(
                c("decision_date"),
                f"Ngày quyết định {decision_date:%d/%m/%Y} trước năm được khen {year}.",
            )
        person = None
        recipient = award_type.recipient_kind
        if recipient == RecipientKind.INDIVIDUAL:
            person = self._person(ctx, plan, person_id, person_name, unit)
            if household:
                plan.refuse(
                    c("household"),
                    f"“{award_type.name}” là khen cá nhân: để trống cột Hộ gia đình.",
                )
        elif person_id or person_name:
            plan.refuse(
                c("person_name"),
                f"“{award_type.name}” khen {RecipientKind(recipient).label.lower()}, không khen cá nhân: "
                "để trống Mã cá nhân và Họ và tên.",
            )
        elif recipient == RecipientKind.HOUSEHOLD and not household:
            plan.refuse(c("household"), f"“{award_type.name}” khen hộ gia đình: ghi tên chủ hộ.")
        if plan.action == REFUSE:
            return
        if issuer:
            try:
                named = ctx.units.find(issuer, active=False)
            except read.CellError:
                named = None  # a ministry or the Prime Minister: kept as written
            if named is not None:
                issuer = named.name
        values = {
            "award_type": award_type,
            "year": year,
            "person": person,
            "unit_id": unit.id if recipient == RecipientKind.COLLECTIVE else None,
            "household": household if recipient == RecipientKind.HOUSEHOLD else "",
            "awardee_unit_id": unit.id,
            "decision_reference": reference,
            "decision_date": decision_date,
            "decision_issuer": issuer,
            "achievement": achievement,
        }
        plan.values = values
        key = _award_key(
            award_type,
            person.pk if person else None,
            values["unit_id"],
            values["household"],
            values["awardee_unit_id"],
            year,
            reference,
        )
        first = ctx.data["seen"].setdefault(key, plan.number)
        if first != plan.number:
            plan.refuse(
                c("award_type"), f"Trùng với dòng {first}: cùng người (tập thể), danh hiệu, năm."
            )
            return
        grant = ctx.data["existing"].get(key)
        if grant is not None:
            if self._decision(grant) == (reference, decision_date, issuer):
                plan.action = UNCHANGED
                plan.target = grant
            else:
                ref, date, body = self._decision(grant)
                shown = " ".join(
                    p for p in (ref, f"ngày {date:%d/%m/%Y}" if date else "", body) if p
                )
                plan.refuse(
                    c("award_type"),
                    f"Đã có trong sổ khen thưởng năm {year}{f' (QĐ {shown})' if shown else ''}: không ghi trùng.",
                )

    def _person(self, ctx: Context, plan: RowPlan, person_id, name: str, unit) -> Person | None:
        c = self.column
        if person_id:
            person = ctx.data["people"].get(person_id)
            if person is None:
                plan.refuse(
                    c("person_id"),
                    f"Không có cá nhân mã {person_id} trong phạm vi quản lý của bạn.",
                )
            elif name and normalize_search(name) != normalize_search(person.full_name):
                plan.refuse(
                    c("person_name"),
                    f"Mã cá nhân {person_id} là “{person.full_name}”, không phải “{name}”.",
                )
            return person
        if not name:
            plan.refuse(c("person_name"), "Khen cá nhân: ghi Họ và tên hoặc Mã cá nhân.")
            return None
        matches = self._people_named(ctx, name, unit)
        if not matches:
            plan.refuse(
                c("person_name"),
                f"Không có cá nhân “{name}” trong {unit.name}. Nhập danh sách cá nhân trước "
                "(loại “Cá nhân”), hoặc kiểm tra đơn vị.",
            )
            return None
        if len(matches) > 1:
            ids = ", ".join(str(p.pk) for p in matches[:5])
            plan.refuse(
                c("person_id"),
                f"{unit.name} có {len(matches)} người tên “{name}” (mã {ids}): ghi Mã cá nhân.",
            )
            return None
        return matches[0]

    @staticmethod
    def _people_named(ctx: Context, name: str, unit) -> list[Person]:
        """The people of that name in the unit; for a unit merged in 2025, in the unit its
        people moved to (and on, if that one merged too): the register names the commune
        of the year of the award, the person now works at its successor (decision 0067)."""
        key = normalize_search(name)
        seen: set[int] = set()
        while unit is not None and unit.id not in seen:
            seen.add(unit.id)
            matches = ctx.data["people_by_name"].get((key, unit.id), [])
            if matches:
                return matches
            unit = ctx.units.by_id.get(unit.merged_into_id) if unit.merged_into_id else None
        return []

    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        units = Unit.objects.in_bulk(
            {p.values["awardee_unit_id"] for p in plans if p.action == CREATE}
            | {p.values["unit_id"] for p in plans if p.action == CREATE and p.values["unit_id"]}
        )
        new = []
        for plan in plans:
            if plan.action != CREATE:
                continue
            values = dict(plan.values)
            unit_id = values.pop("unit_id")
            grant = AwardGrant(
                unit=units.get(unit_id) if unit_id else None,
                awardee_unit=units[values.pop("awardee_unit_id")],
                **values,
            )
            grant.refresh_search()
            new.append(grant)
        AwardGrant.objects.bulk_create(new, batch_size=BATCH)
        return {"created": [grant.pk for grant in new], "updated": []}

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        delete_created(AwardGrant, changes.get("created", []), what="khen thưởng")

    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        # as the register reads today: an amended decision's lines from the amending one
        grants = (
            AwardGrant.objects.current()
            .select_related("award_type", "person", "unit", "awardee_unit", "decision__issuer")
            .order_by("-year", "award_type__order", "pk")
        )
        if scope is not None:
            grants = grants.filter(awardee_unit_id__in=scope)
        names: dict[str, int] = {}
        for name in AwardType.objects.values_list("name", flat=True):
            names[normalize_search(name)] = names.get(normalize_search(name), 0) + 1
        for g in grants.iterator(chunk_size=2000):
            reference, date, issuer = self._decision(g)
            shared = names.get(normalize_search(g.award_type.name), 0) > 1
            yield [
                g.award_type.code if shared else g.award_type.name,  # reads back as this type
                g.year,
                g.awardee_unit.code,
                g.person_id or "",
                g.awardee_name if g.person_id else "",
                g.household,
                reference,
                date,
                issuer,
                g.achievement,
            ]

    def lists(self, scope: set[int] | None) -> dict[str, list[str]]:
        types = AwardType.objects.filter(archived=False).order_by("order", "name")
        return {
            "Danh hiệu, hình thức": [t.name for t in types],
            "Đối tượng": [t.get_recipient_kind_display() for t in types],
        }
