"""Danh sách kiểm tra điều kiện: advice for the appraiser, read from the award register
and the rules stored on the award type (all editable data).

Award history follows the 2025 reform: a person's grants are the person's wherever the
person now works (a merge moves the Person, it does not copy it), and a unit's grants
include those of the units merged into it (`Unit.merged_into`)."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from campaigns.models import campaign_year_q
from units.models import Person, descendant_ids_of, lineage_ids_of
from units.text import number_text

from .models import AwardGrant, Nomination

OPEN = [
    Nomination.Status.DRAFT,
    Nomination.Status.SUBMITTED,
    Nomination.Status.RETURNED,
    Nomination.Status.RESUBMITTED,
    Nomination.Status.APPRAISED,
    Nomination.Status.PASSED,
    Nomination.Status.DECIDED,
    Nomination.Status.FORWARDED,
]


@dataclass(frozen=True)
class Check:
    """One line of the checklist. level: ok, warn (advice), block, or info."""

    label: str
    level: str
    message: str
    basis: str = ""


def award_year(nomination: Nomination, on: datetime.date | None = None) -> int:
    """The year an award counts for: the nomination's year, else its campaign's year,
    but never after the year it is given (`on`, the signing date; today by default): a
    commendation during a campaign that ends next year (at its sơ kết) is this year's."""
    return _year(nomination, on)


def _year(nomination: Nomination, on: datetime.date | None = None) -> int:
    given = (on or timezone.localdate()).year
    if nomination.year:
        return nomination.year
    if nomination.campaign and nomination.campaign.year:
        return min(nomination.campaign.year, given)
    return given


def _same_nominee(nomination: Nomination) -> Q:
    if nomination.nominee_person_id:
        return Q(person_id=nomination.nominee_person_id)
    if nomination.nominee_unit_id:
        # A collective carries on the record of the units merged into it (2025 reform).
        return Q(unit_id__in=lineage_ids_of([nomination.nominee_unit_id]))
    return Q(
        household=nomination.nominee_household,
        awardee_unit_id__in=lineage_ids_of([nomination.nominating_unit_id]),
    )


def _same_nominee_nominated(nomination: Nomination) -> Q:
    """Nominations of the same nominee (a household: of the same nominating unit)."""
    if nomination.nominee_person_id:
        return Q(nominee_person_id=nomination.nominee_person_id)
    if nomination.nominee_unit_id:
        return Q(nominee_unit_id=nomination.nominee_unit_id)
    return Q(
        nominee_household=nomination.nominee_household,
        nominating_unit=nomination.nominating_unit,
    )


def duplicate_of(nomination: Nomination, year: int | None = None) -> AwardGrant | Nomination | None:
    """What already holds the nomination's award for the same nominee and year: a grant
    in the register (not revoked), else another nomination still open (a withdrawn,
    refused or failed one does not count; with a campaign, one under the same campaign
    counts too). None if nothing does."""
    award = nomination.award_type
    year = _year(nomination) if year is None else year
    grant = (
        AwardGrant.objects.in_force()
        .filter(_same_nominee(nomination), award_type=award, year=year)
        .select_related("decision")
        .first()
    )
    if grant is not None:
        return grant
    return open_nomination_of(nomination, year)


def open_nomination_of(nomination: Nomination, year: int) -> Nomination | None:
    """Another nomination still open for the same nominee, award and year (or campaign),
    the first made; None if there is none. A title's `duplicate_of` reads it after the
    register; the Excel import reads it alone for a commendation, so a list uploaded
    twice does not propose everyone twice (decision 0068)."""
    nominee = _same_nominee_nominated(nomination)
    when = (
        Q(year=year) | Q(campaign=nomination.campaign) if nomination.campaign_id else Q(year=year)
    )
    return (
        Nomination.objects.filter(nominee, when, award_type=nomination.award_type, status__in=OPEN)
        .exclude(pk=nomination.pk)
        # decided, then revoked or struck off by an amending decision: no longer held
        .filter(Q(grant__isnull=True) | Q(grant__in=AwardGrant.objects.in_force().values("pk")))
        .select_related("nominating_unit")
        .order_by("created_at", "pk")
        .first()
    )


def held_detail(found: AwardGrant | Nomination) -> str:
    """Which record holds the award, so the reader can find it: "(Quyết định số
    01/QĐ-UBND)" for a grant, "(lập ngày 07/12/2026, UBND phường Tân Phong đề nghị, trạng
    thái “Đã gửi”)" for a nomination ("" for a grant with no decision written)."""
    if isinstance(found, AwardGrant):
        if found.decision_id:
            reference = str(found.decision)
        elif found.decision_reference[:1].isdigit():
            reference = f"Quyết định số {found.decision_reference}"
        else:
            reference = found.decision_reference
        return f" ({reference})" if reference else ""
    created = timezone.localtime(found.created_at).strftime("%d/%m/%Y")
    return (
        f" (lập ngày {created}, {found.nominating_unit.name} đề nghị, "
        f"trạng thái “{found.get_status_display()}”)"
    )


def checklist(nomination: Nomination) -> list[Check]:
    award = nomination.award_type
    year = _year(nomination)
    checks: list[Check] = []
    grants = AwardGrant.objects.in_force().filter(_same_nominee(nomination))

    # Discipline blocks.
    person = nomination.nominee_person
    if person is not None:
        if person.under_discipline:
            checks.append(
                Check(
                    "Kỷ luật",
                    "block",
                    f"{person.full_name} đang bị kỷ luật hoặc điều tra: không xét khen thưởng.",
                )
            )
        else:
            checks.append(Check("Kỷ luật", "ok", "Không có ghi nhận kỷ luật, điều tra."))

    # The same award, the same nominee, the same year.
    found = duplicate_of(nomination, year)
    if found is not None:
        checks.append(
            Check(
                "Trùng lặp",
                "block",
                (
                    "Cùng đối tượng "
                    + (
                        "đã được khen"
                        if isinstance(found, AwardGrant)
                        else "đang có một hồ sơ khác"
                    )
                    + f" “{award.name}” năm {year}{held_detail(found)}."
                ),
            )
        )
    else:
        checks.append(
            Check("Trùng lặp", "ok", f"Chưa có “{award.name}” năm {year} cho đối tượng này.")
        )

    # Prerequisites over consecutive years.
    if award.prerequisite_id:
        # N consecutive years before the nomination year; 0 means the same year.
        years = award.prerequisite_years
        wanted = list(range(year - years, year)) if years else [year]
        span = (
            f"năm {wanted[0]}"
            if len(wanted) == 1
            else f"{len(wanted)} năm liên tục ({wanted[0]}–{wanted[-1]})"
        )
        have = set(
            grants.filter(award_type_id=award.prerequisite_id, year__in=wanted).values_list(
                "year", flat=True
            )
        )
        missing = [y for y in wanted if y not in have]
        if missing:
            # the prerequisite of the same year is usually considered in the same round
            # (Lao động tiên tiến and Chiến sĩ thi đua cơ sở): name the dossier sent for it
            considered = (
                Nomination.objects.filter(
                    _same_nominee_nominated(nomination),
                    award_type_id=award.prerequisite_id,
                    year__in=missing,
                    status__in=[s for s in OPEN if s != Nomination.Status.DRAFT],
                )
                .exclude(pk=nomination.pk)
                .select_related("nominating_unit")
                .order_by("year", "created_at", "pk")
            )
            pending = "".join(
                f" Đang xét: hồ sơ “{award.prerequisite.name}” năm {other.year}"
                f"{held_detail(other)}; chỉ đủ điều kiện khi hồ sơ đó được khen thưởng."
                for other in considered
            )
            checks.append(
                Check(
                    "Điều kiện",
                    "warn",
                    f"Cần “{award.prerequisite.name}” {span}; chưa thấy trong sổ khen thưởng năm "
                    + ", ".join(map(str, missing))
                    + "."
                    + pending,
                    award.prerequisite_basis,
                )
            )
        else:
            checks.append(
                Check(
                    "Điều kiện",
                    "ok",
                    f"Đã đạt “{award.prerequisite.name}” {span}.",
                    award.prerequisite_basis,
                )
            )

    # Quota against another award in the same unit and year.
    if award.quota_of_id and award.quota_percent:
        # The unit and its sub-units, with those merged into any of them: a ward's quota
        # counts what its merged communes already received that year.
        units = descendant_ids_of(lineage_ids_of(nomination.nominating_unit.descendant_ids()))
        # A pending nomination without a year of its own counts for the year its award
        # will (award_year): its campaign's, stopped at this year.
        this_year = timezone.localdate().year
        if year < this_year:
            award_year_of_campaign = campaign_year_q(year, "campaign__")
        elif year == this_year:
            award_year_of_campaign = campaign_year_q(year, "campaign__", "gte")
        else:  # no award is for a year not yet come
            award_year_of_campaign = Q(pk__in=[])

        def count(award_type_id):
            granted = AwardGrant.objects.in_force().filter(
                award_type_id=award_type_id, year=year, awardee_unit_id__in=units
            )
            pending = Nomination.objects.filter(
                award_type_id=award_type_id, nominating_unit_id__in=units, status__in=OPEN[:6]
            ).filter(Q(year=year) | Q(year__isnull=True) & award_year_of_campaign)
            return granted.count() + pending.exclude(grant__isnull=False).count()

        this, base = count(award.pk), count(award.quota_of_id)
        limit = (Decimal(base) * award.quota_percent / 100).quantize(Decimal("0.01"))
        level = "ok" if this <= limit else "warn"
        checks.append(
            Check(
                "Tỷ lệ",
                level,
                f"{this} “{award.name}” so với {base} “{award.quota_of.name}” của đơn vị năm {year}: "
                f"tối đa {number_text(award.quota_percent)}%, tức không quá {number_text(limit)}.",
                award.quota_basis,
            )
        )

    # A collective's members (Tập thể lao động xuất sắc).
    checks.extend(members_checks(nomination, year))

    # Authority of the issuing body.
    if nomination.issuer_id:
        if award.granted_by(nomination.issuer):
            checks.append(
                Check("Thẩm quyền", "ok", f"{nomination.issuer.name} có thẩm quyền quyết định.")
            )
        else:
            checks.append(
                Check(
                    "Thẩm quyền",
                    "info",
                    f"Vượt thẩm quyền của {nomination.issuer.name}: sau khi Hội đồng thông qua, "
                    f"lập tờ trình đề nghị {award.authority or 'cấp trên'}.",
                )
            )
    return checks


NAMES_SHOWN = 3


def _names(people: list[str]) -> str:
    shown = ", ".join(people[:NAMES_SHOWN])
    return shown + (
        f" và {len(people) - NAMES_SHOWN} người khác" if len(people) > NAMES_SHOWN else ""
    )


def members_checks(nomination: Nomination, year: int | None = None) -> list[Check]:
    """The lines on a collective's members, where its award type has a rule on them
    (`AwardType.members_share_of`: Tập thể lao động xuất sắc, Luật 2022 Điều 27): the
    counts the unit wrote on the dossier (every member completed their tasks, at least
    the share hold the title that year), beside what the register holds of the unit's
    people; one of them holding `members_need` (Chiến sĩ thi đua cơ sở) that year; none
    under discipline. Advice, as every line (decision 0070). The members are the people
    of the collective's own unit, not of the units below it (a village, an enterprise),
    which are collectives of their own."""
    award, unit = nomination.award_type, nomination.nominee_unit
    if unit is None or not award.members_share_of_id or award.members_share_percent is None:
        return []
    year = _year(nomination) if year is None else year
    basis = award.members_basis
    share = award.members_share_of
    percent = award.members_share_percent
    members = Person.objects.filter(unit_id__in=lineage_ids_of([unit.pk]))
    grants = AwardGrant.objects.in_force().filter(person__in=members, year=year)
    checks: list[Check] = []

    registered = grants.filter(award_type=share).count()
    in_register = (
        f" Sổ khen thưởng ghi nhận {registered} cá nhân của {unit.name} đạt “{share.name}” "
        f"năm {year}."
    )
    total, completed, advanced = (
        nomination.member_count,
        nomination.members_completed,
        nomination.members_advanced,
    )
    if not total or advanced is None:
        checks.append(
            Check(
                "Thành viên",
                "warn",
                f"Chưa ghi số thành viên và số đạt “{share.name}” của tập thể: chưa kiểm tra "
                f"được điều kiện ít nhất {number_text(percent)}% thành viên đạt “{share.name}”; "
                "đơn vị ghi ở hồ sơ (Sửa hồ sơ)." + in_register,
                basis,
            )
        )
    else:
        parts, level = [], "ok"
        if completed is None:
            parts.append("Chưa ghi số thành viên hoàn thành nhiệm vụ (cần tất cả).")
            level = "warn"
        elif completed < total:
            parts.append(f"{completed}/{total} thành viên hoàn thành nhiệm vụ: cần tất cả (100%).")
            level = "warn"
        else:
            parts.append(f"{completed}/{total} thành viên hoàn thành nhiệm vụ.")
        reached = (Decimal(advanced) * 100 / total).quantize(Decimal("0.1"))
        needed = math.ceil(Decimal(total) * percent / 100)  # the fewest that make the share
        said = (
            f"{advanced}/{total} thành viên đạt “{share.name}” năm {year} ({number_text(reached)}%)"
        )
        if advanced >= needed:
            parts.append(f"{said}, đạt mức ít nhất {number_text(percent)}%.")
        else:
            parts.append(
                f"{said}, dưới mức ít nhất {number_text(percent)}% (cần ít nhất {needed})."
            )
            level = "warn"
        checks.append(Check("Thành viên", level, " ".join(parts) + in_register, basis))

    if award.members_need_id:
        need = award.members_need
        holders = [
            g.person.full_name
            for g in grants.filter(award_type=need).select_related("person").order_by("pk")
        ]
        # what the unit wrote on the dossier (decision 0079), beside the register
        written = nomination.members_emulators
        said = (
            f"Đơn vị ghi {written} cá nhân đạt “{need.name}” năm {year}; "
            if written is not None
            else ""
        )
        if holders:
            checks.append(
                Check(
                    need.name,
                    "ok",
                    f"{said}Có cá nhân đạt “{need.name}” năm {year}: {_names(holders)}.",
                    basis,
                )
            )
        elif written:
            checks.append(
                Check(
                    need.name,
                    "ok",
                    f"{said}sổ khen thưởng chưa ghi nhận cá nhân nào của {unit.name}: đối chiếu "
                    "quyết định công nhận khi thẩm định.",
                    basis,
                )
            )
        else:
            considered = [
                n.nominee_person.full_name
                for n in Nomination.objects.filter(
                    nominee_person__in=members,
                    award_type=need,
                    year=year,
                    status__in=[s for s in OPEN if s != Nomination.Status.DRAFT],
                )
                .select_related("nominee_person")
                .order_by("pk")
            ]
            pending = (
                f" Đang xét: {_names(considered)}; chỉ đủ điều kiện khi được khen thưởng."
                if considered
                else ""
            )
            unseen = (
                f"hưa thấy cá nhân nào của {unit.name} đạt “{need.name}” năm {year} trong sổ "
                f"khen thưởng.{pending}"
            )
            checks.append(
                Check(need.name, "warn", f"{said}c{unseen}" if said else f"C{unseen}", basis)
            )

    disciplined = list(
        members.filter(archived=False, under_discipline=True)
        .order_by("full_name")
        .values_list("full_name", flat=True)
    )
    if disciplined:
        checks.append(
            Check(
                "Kỷ luật",
                "warn",
                f"Có cá nhân của tập thể đang bị kỷ luật hoặc điều tra: {_names(disciplined)}. "
                f"“{award.name}” cần không có cá nhân bị kỷ luật từ cảnh cáo trở lên.",
                basis,
            )
        )
    else:
        checks.append(
            Check("Kỷ luật", "ok", "Không có cá nhân nào của tập thể có ghi nhận kỷ luật.")
        )
    return checks
